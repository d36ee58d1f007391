"""Both themes load without Qt warnings and really change the look."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QtMsgType
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.resources_path import resource
from haydigo_desk.ui import palette as desk_palette
from haydigo_desk.ui.palette import COLOURS, contrast_ratio
from haydigo_desk.ui.theme import BASE_POINT_SIZE, THEMES, apply_theme, style_sheet

# The offscreen platform says this about every top-level window; it is not about the theme.
PLATFORM_NOISE = ("does not support propagateSizeHints",)


def _warnings(qtlog) -> list[str]:
    return [r.message for r in qtlog.records
            if r.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg)
            and not any(noise in r.message for noise in PLATFORM_NOISE)]


@pytest.fixture
def restore_app_look():
    app = QApplication.instance()
    sheet, palette, font = app.styleSheet(), app.palette(), app.font()
    theme = desk_palette.current()
    yield app
    app.setStyleSheet(sheet)
    app.setPalette(palette)
    app.setFont(font)
    desk_palette.set_current(theme)


def _sample_window() -> QWidget:
    window = QWidget()
    layout = QVBoxLayout(window)
    scan = QLineEdit()
    scan.setProperty("role", "scan")
    primary = QPushButton("Verzenden")
    primary.setProperty("role", "primary")
    title = QLabel("Orders")
    title.setProperty("role", "title")
    tabs = QTabWidget()
    tabs.addTab(QTableWidget(3, 3), "Tab")
    for widget in (title, scan, primary, QComboBox(), QCheckBox("x"), tabs):
        layout.addWidget(widget)
    return window


@pytest.mark.parametrize("name", THEMES)
def test_theme_loads_without_qt_warnings(qtbot, qtlog, restore_app_look, name):
    app = restore_app_look
    apply_theme(app, name)
    window = _sample_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.grab()  # paints every widget with the sheet

    assert _warnings(qtlog) == []
    assert app.styleSheet() == style_sheet(name)
    assert app.font().pointSize() == BASE_POINT_SIZE
    window_colour = app.palette().color(QPalette.ColorRole.Window).name()
    assert window_colour == COLOURS[name]["window"].lower()


def test_dark_and_light_differ(restore_app_look):
    app = restore_app_look
    apply_theme(app, "light")
    light = app.palette().color(QPalette.ColorRole.Window).lightness()
    apply_theme(app, "dark")
    dark = app.palette().color(QPalette.ColorRole.Window).lightness()
    assert light > 200 > 60 > dark


def test_unknown_theme_is_refused():
    with pytest.raises(ValueError, match="unknown theme"):
        style_sheet("purple")


# The broken sheet's warning is what this test wants to see, not a failure.
@pytest.mark.qt_log_level_fail("CRITICAL")
def test_the_warning_check_would_catch_a_broken_sheet(qtbot, qtlog, restore_app_look):
    app = restore_app_look
    app.setStyleSheet("QWidget { color: #123456; ")  # unbalanced brace
    window = _sample_window()
    qtbot.addWidget(window)
    window.show()
    window.grab()
    assert any("style" in message.lower() for message in _warnings(qtlog))


# What the desk draws on what: (foreground, background) names of the palette. Each pair must
# read at arm's length in both themes: WCAG's 4.5:1 for normal text.
READ_ON = [
    ("text", "window"), ("muted", "window"), ("title", "window"), ("link", "window"),
    ("text", "table"), ("text", "input"), ("text", "button"), ("text", "card"),
    ("tab_text", "window"), ("danger_text", "button"), ("tooltip_text", "tooltip"),
    ("on_warning", "warning"), ("on_warning", "feedback_info"), ("on_warning", "banner"),
    ("on_accent", "accent"), ("field_error", "window"), ("connected", "window"),
    *[("on_accent", name) for name in COLOURS["light"]
      if name.startswith(("feedback_", "status_", "badge_")) and name not in (
          "feedback_info", "status_bar")],
    *[("on_row", name) for name in ("row_done", "row_put_back", "row_cancelled", "row_last")],
    *[(name, "table") for name in ("good_text", "bad_text", "pending_text", "neutral_text",
                                   "running_text", "interrupted_text")],
]


@pytest.mark.parametrize("theme", THEMES)
def test_every_colour_pair_the_desk_draws_reads_in_both_themes(theme):
    colours = COLOURS[theme]
    assert set(colours) == set(COLOURS["light"])  # the themes name the same colours
    weak = [(fg, bg, round(contrast_ratio(desk_palette.colour(fg, theme),
                                          desk_palette.colour(bg, theme)), 2))
            for fg, bg in READ_ON
            if contrast_ratio(desk_palette.colour(fg, theme), desk_palette.colour(bg, theme))
            < 4.5]
    assert weak == []


ACTION_ICONS = sorted(path.stem for path in resource("icons", "actions").glob("*.svg"))


@pytest.mark.parametrize("theme", THEMES)
def test_action_icons_are_drawn_readable_on_the_themes_window(qapp, theme):
    window = desk_palette.colour("window", theme)
    for name in ACTION_ICONS:
        image = desk_palette.icon(name, theme).pixmap(48, 48).toImage()
        inks = [image.pixelColor(x, y) for x in range(image.width())
                for y in range(image.height()) if image.pixelColor(x, y).alpha() == 255]
        assert inks, f"{name}: nothing drawn"
        darkest_contrast = min(contrast_ratio(ink, window) for ink in inks)
        assert darkest_contrast >= 4.5, (name, theme, darkest_contrast)


def test_the_dark_theme_recolours_the_icons_the_light_theme_draws_dark(qapp):
    light = desk_palette.icon("box", "light").pixmap(48, 48).toImage()
    dark = desk_palette.icon("box", "dark").pixmap(48, 48).toImage()
    def ink(image):
        return next(image.pixelColor(x, y) for x in range(48) for y in range(48)
                    if image.pixelColor(x, y).alpha() == 255)
    assert ink(light).lightness() < 100 < 180 < ink(dark).lightness()


@pytest.mark.parametrize("theme", THEMES)
def test_a_checked_filter_button_is_filled_with_the_accent(qtbot, restore_app_look, theme):
    apply_theme(restore_app_look, theme)
    button = QPushButton("Nieuw")
    button.setCheckable(True)
    button.setChecked(True)
    qtbot.addWidget(button)
    button.resize(120, 40)
    image = button.grab().toImage()
    centre = image.pixelColor(10, 20)
    assert centre.name().upper() == desk_palette.hex_of("accent", theme)
