"""The station fits 1366×768 and 1920×1080 screens, in Dutch and in English (screenshots).

The real main window is built per language and sized like a maximised window on each screen
(the title bar and a panel take ~48 px). Each station state (idle, batch with 12 lines,
packing, a refusal) is rendered to a PNG and measured: the window never needs more than the
screen, every station widget lies inside it, the batch shows at least 8 lines with the next
location in view, headers, buttons and texts are not cut off. Set HAYDIGO_STATION_SHOTS=DIR to
keep the PNGs and look at them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from desk_fixtures import PICKER, make_context
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from support.factories import make_account, make_order, make_pick_list, make_products

from haydigo_desk.ui import main_window
from haydigo_desk.ui.i18n import install_translator, remove_translators
from haydigo_desk.ui.main_window import MainWindow
from haydigo_desk.ui.pick_station import Mode
from haydigo_desk.ui.sync_controller import SyncController
from haydigo_desk.ui.theme import apply_theme

SCREENS = {"1366x768": (1366, 768 - 48), "1920x1080": (1920, 1080 - 48)}


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    """12 products over two orders of one pick list (Dutch-length customer names)."""
    folder = tmp_path_factory.mktemp("fit")
    context = make_context(f"sqlite:///{folder / 'desk.db'}", user=PICKER)
    with context.database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 12)
        first = make_order(uow.session, account, "C000FITA01", [(p, 1) for p in products[:7]])
        second = make_order(uow.session, account, "C000FITB02", [(p, 2) for p in products[6:]])
        make_pick_list(uow.session, [first, second], code="PL-000321")
        uow.commit()
    yield context
    context.database.dispose()


@pytest.fixture(params=["nl", "en"])
def window(request, qtbot, qapp, shop):
    before = (qapp.styleSheet(), qapp.font(), qapp.palette(), qapp.style().name())
    install_translator(qapp, request.param)
    apply_theme(qapp, "light")  # the desk's real look: fonts and paddings decide what fits
    window = MainWindow(shop, SyncController())
    qtbot.addWidget(window)
    window.show()
    station = window.show_section("station")
    qtbot.waitUntil(lambda: not station.busy and station.pick_lists_list.count() > 0)
    yield window, station, request.param
    window.close()
    remove_translators(qapp)
    sheet, font, palette, style = before  # later tests expect the application as it was
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setPalette(palette)
    qapp.setStyle(style)


def _inside(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def _assert_fits(qtbot, window, station, where: str) -> None:
    qtbot.wait(40)  # layouts settle on posted events after a text change
    for widget in station.findChildren(QWidget):
        if widget.isVisibleTo(window) and widget.isVisible():
            assert _inside(widget, window), (where, widget, widget.geometry())
    for button in station.findChildren(QAbstractButton):
        if button.isVisible():  # the whole text on the button
            assert button.width() >= button.sizeHint().width() - 1, (where, button.text())
    for label in station.findChildren(QLabel):
        if label.isVisible() and label.text() and label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()) - 1, (where, label.text())
    header = station.table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(station.model.columnCount()):
        if header.isSectionHidden(column):
            continue
        text = station.model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= metrics.horizontalAdvance(text), (where, text)
    status = window.statusBar()
    assert status.isVisible() and _inside(status, window), where


def _shot(window, name: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("HAYDIGO_STATION_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(folder / f"{name}.png"))


class LineEditKeys(QObject):
    """What an X11 line edit does with Ctrl+U (delete the line): it claims the key."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride \
                and QKeySequence(event.keyCombination()) == QKeySequence("Ctrl+U"):
            event.accept()
            return True
        return False


def test_the_station_fits_both_screens_in_every_state(qtbot, window, tmp_path, monkeypatch):
    window, station, language = window
    for screen, (width, height) in SCREENS.items():
        _every_state(qtbot, window, station, f"{language}-{screen}", width, height, tmp_path)
    # Ctrl+U switches the user also while the scan field has the focus.
    asked: list[object] = []
    monkeypatch.setattr(main_window, "log_in", lambda context, parent: asked.append(parent))
    claims_ctrl_u = LineEditKeys()
    station.scan_field.installEventFilter(claims_ctrl_u)
    window.activateWindow()
    qtbot.waitUntil(station.scan_field.hasFocus)
    qtbot.keyClick(station.scan_field, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert asked == [window]


def _every_state(qtbot, window, station, prefix, width, height, tmp_path) -> None:
    hint = window.minimumSizeHint()
    assert hint.width() <= width and hint.height() <= height, hint  # never past the screen
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.size().toTuple() == (width, height))

    station.leave()
    qtbot.waitUntil(lambda: not station.busy)
    _assert_fits(qtbot, window, station, f"{prefix} idle")
    _shot(window, f"{prefix}-1-idle", tmp_path)

    station.open_pick_list(station.pick_lists_list.item(0).data(Qt.ItemDataRole.UserRole).id)
    qtbot.waitUntil(lambda: station.mode is Mode.BATCH and not station.busy)
    qtbot.wait(30)
    table = station.table
    rows_in_view = table.viewport().height() // table.verticalHeader().defaultSectionSize()
    assert station.model.rowCount() == 12 and rows_in_view >= 8, rows_in_view
    single = next(line for line in station.model.lines() if line.needed - line.picked == 1)
    station.handle_scan(single.ean)  # its one unit: the next location moves on
    qtbot.waitUntil(lambda: not station.busy)
    next_row = station.next_row()
    assert next_row is not None
    cell = table.visualRect(station.model.index(next_row, 1))
    assert table.viewport().rect().contains(cell), (next_row, cell)
    assert station.pack_list.count() == 2
    assert all("/" in station.pack_list.item(r).text() for r in range(2))
    _assert_fits(qtbot, window, station, f"{prefix} batch")
    _shot(window, f"{prefix}-2-batch", tmp_path)

    station.handle_scan(single.ean)  # one too many: a refusal
    qtbot.waitUntil(lambda: not station.busy)
    assert station.feedback.property("role") == "scan-too-many"
    _assert_fits(qtbot, window, station, f"{prefix} refusal")
    _shot(window, f"{prefix}-3-refusal", tmp_path)

    station.handle_scan("C000FITB02")  # packing an order of the list
    qtbot.waitUntil(lambda: station.mode is Mode.PACKING and not station.busy)
    assert station.feedback.property("role") == "scan-opened"  # the refusal is gone
    assert "·" in station.claim_label.text()
    _assert_fits(qtbot, window, station, f"{prefix} packing")
    _shot(window, f"{prefix}-4-packing", tmp_path)
    station.leave()
    station.leave()
    qtbot.waitUntil(lambda: station.mode is Mode.IDLE and not station.busy)
