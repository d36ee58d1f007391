"""``haydigo-desk --screenshots DIR``: PNGs of every section (and the station's states) and of
the settings dialog.

For the README, the store listing and reviews of the UI: one picture per section of the main
window and per tab of the settings dialog, in Dutch and in English. Works offscreen
(``QT_QPA_PLATFORM=offscreen``), so it also runs on a build server.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QDialog, QMainWindow, QTabWidget, QWidget

from haydigo_desk.ui.i18n import install_translator

log = logging.getLogger(__name__)

WINDOW_SIZE = (1440, 900)
SETTLE_MS = 400  # sections load their rows on worker threads; let them arrive and paint


def settle(milliseconds: int = SETTLE_MS) -> None:
    """Run the event loop for a moment (queued results, layouts, paints)."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "tab"


def _grab(widget: QWidget, path: Path, settle_ms: int) -> Path:
    settle(settle_ms)
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    log.info("Screenshot %s", path)
    return path


def _orders_states(section: QWidget) -> Iterator[str]:
    """The Orders section with its Today filter on: what must leave today, by deadline."""
    section.show_today()
    yield "today"


# States of sections that do not show them themselves (the pick station has
# ``screenshot_states``): section id -> generator that shows each state and yields its name.
EXTRA_STATES: dict[str, Callable[[QWidget], Iterator[str]]] = {"orders": _orders_states}


def _states_of(section_id: str, section: QWidget | None) -> Iterator[str]:
    states = getattr(section, "screenshot_states", None)
    if states is not None:
        yield from states()
    elif section is not None and section_id in EXTRA_STATES:
        yield from EXTRA_STATES[section_id](section)


def _retitle_navigation(main_window: QMainWindow) -> None:
    """Navigation items keep the text they were created with; follow the new language."""
    navigation = getattr(main_window, "navigation", None)
    sections = getattr(main_window, "sections", {})
    if navigation is None:
        return
    for row in range(navigation.count()):
        item = navigation.item(row)
        section = sections.get(item.data(Qt.ItemDataRole.UserRole))
        if section is not None and hasattr(section, "title"):
            item.setText(section.title())


def save_screenshots(
    main_window: QMainWindow,
    settings_dialog_factory: Callable[[], QDialog],
    out_dir: Path,
    language: str,
    *,
    settle_ms: int = SETTLE_MS,
    window_size: tuple[int, int] = WINDOW_SIZE,
) -> list[Path]:
    """Save ``<language>-NN-<section>.png`` per section (and ``-<state>`` per state of a
    section that has some: the station's, the Orders' Today view) and
    ``<language>-settings-N-<tab>.png``.

    Switches the application to ``language`` first. Widgets that retranslate on
    ``LanguageChange`` follow at once; for the others build the window after the switch
    (``save_screenshots_in_languages`` does). Returns the written files in order.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QCoreApplication.instance()
    install_translator(app, language)
    settle(50)  # deliver LanguageChange before anything is grabbed
    build_all = getattr(getattr(main_window, "sections", None), "build_all", None)
    if build_all is not None:  # the window builds its sections after it shows: all now
        build_all()
    _retitle_navigation(main_window)
    written: list[Path] = []

    main_window.resize(*window_size)
    main_window.show()
    navigation = getattr(main_window, "navigation", None)
    rows = range(navigation.count()) if navigation is not None else range(0)
    for row in rows:
        navigation.setCurrentRow(row)
        section_id = navigation.item(row).data(Qt.ItemDataRole.UserRole) or f"section{row}"
        written.append(_grab(main_window, out_dir / f"{language}-{row + 1:02d}-{section_id}.png",
                             settle_ms))
        # A section with states (the pick station, the Orders' Today view) shows them in turn.
        section = getattr(main_window, "sections", {}).get(section_id)
        for state in _states_of(section_id, section):
            written.append(_grab(
                main_window, out_dir / f"{language}-{row + 1:02d}-{section_id}-{state}.png",
                settle_ms))
    if navigation is None:
        written.append(_grab(main_window, out_dir / f"{language}-01-main.png", settle_ms))

    dialog = settings_dialog_factory()
    try:
        dialog.show()
        tabs = dialog.findChild(QTabWidget)
        for index in range(tabs.count() if tabs is not None else 0):
            tabs.setCurrentIndex(index)
            name = _slug(tabs.widget(index).objectName() or tabs.tabText(index))
            path = out_dir / f"{language}-settings-{index + 1}-{name}.png"
            written.append(_grab(dialog, path, settle_ms))
        if tabs is None:
            written.append(_grab(dialog, out_dir / f"{language}-settings.png", settle_ms))
    finally:
        dialog.reject()
        dialog.deleteLater()
    return written


def save_screenshots_in_languages(
    main_window_factory: Callable[[], QMainWindow],
    settings_dialog_factory: Callable[[QMainWindow], QDialog],
    out_dir: Path,
    languages: Iterable[str] = ("nl", "en"),
    *,
    settle_ms: int = SETTLE_MS,
    window_size: tuple[int, int] = WINDOW_SIZE,
) -> list[Path]:
    """Screenshots in each language, each from a window built after switching language.

    ``settings_dialog_factory(main_window)`` builds the dialog for that window. The last
    language stays installed; each window is closed after its pictures.
    """
    written: list[Path] = []
    for language in languages:
        install_translator(QCoreApplication.instance(), language)
        window = main_window_factory()
        try:
            written += save_screenshots(
                window, lambda w=window: settings_dialog_factory(w), out_dir, language,
                settle_ms=settle_ms, window_size=window_size,
            )
        finally:
            window.close()  # the factory's caller owns the window
    return written
