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

from haydigo_desk.ui.theme import _PALETTES, BASE_POINT_SIZE, THEMES, apply_theme, style_sheet

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
    yield app
    app.setStyleSheet(sheet)
    app.setPalette(palette)
    app.setFont(font)


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
    assert window_colour == _PALETTES[name]["window"].lower()


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
