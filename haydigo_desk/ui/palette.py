"""Every colour of the desk, per theme, in one place.

The style sheet (``resources/themes/colours.qss``, one template for both themes), the Qt
palette, the colours views paint themselves (status pills, row tints, outcome texts) and the
recoloured icons all come from here; ``ui/`` modules name colours, they never spell them.
``theme.apply_theme`` sets the theme whose colours ``colour()`` answers.
"""

from __future__ import annotations

import atexit
import tempfile
from functools import cache
from pathlib import Path
from string import Template

from PySide6.QtGui import QColor, QIcon

from haydigo_desk.resources_path import resource

THEMES = ("light", "dark")
# The one colour the shipped action icons are drawn in; recoloured per theme when loaded.
ICON_INK = "#37474F"

_LIGHT = {
    # window, text and controls
    "window": "#F5F7FA", "text": "#1A1F24", "muted": "#55626E", "title": "#0D47A1",
    "disabled_text": "#7A8590", "link": "#1565C0", "icon": "#37474F",
    "accent": "#1565C0", "on_accent": "#FFFFFF", "accent_border": "#1565C0",
    "focus": "#FF8F00", "hover": "#E3F2FD", "pressed": "#BBDEFB",
    "button": "#FFFFFF", "border": "#90A4AE", "subtle_border": "#CFD8DC",
    "button_disabled": "#ECEFF1", "button_disabled_text": "#90A4AE",
    "primary_border": "#0D47A1", "primary_hover": "#1976D2", "primary_pressed": "#0D47A1",
    "primary_disabled": "#90CAF9", "danger_border": "#C62828", "danger_text": "#B71C1C",
    "danger_hover": "#FFEBEE", "tool_hover_border": "#90CAF9", "input": "#FFFFFF",
    "card": "#FFFFFF", "table": "#FFFFFF", "table_alt": "#F0F4F8", "gridline": "#E0E6EB",
    "header": "#E8EEF3", "tab_text": "#37474F", "tab_hover": "#1565C0",
    "status_bar": "#E8EEF3", "tooltip": "#263238", "tooltip_text": "#FFFFFF",
    "banner": "#FFC107", "banner_border": "#FF8F00", "alert_border": "#8E0000",
    "warning": "#FFB300", "on_warning": "#1A1F24",
    # the pick station's feedback classes (white text on them, except info and warning)
    "feedback_ok": "#2E7D32", "feedback_error": "#C62828", "feedback_opened": "#1565C0",
    "feedback_done": "#1B5E20", "feedback_info": "#FFE082",
    "feedback_wrong_product": "#B71C1C", "feedback_too_many": "#BF360C",
    "feedback_cancelled": "#6A1B9A", "feedback_unknown_code": "#455A64",
    "feedback_bad_check_digit": "#795548", "feedback_not_in_list": "#AD1457",
    "feedback_stop": "#D50000",
    # texts that say good or bad in tables and forms (on the table or window colour)
    "good_text": "#2E7D32", "bad_text": "#C62828", "pending_text": "#BF360C",
    "neutral_text": "#616161", "running_text": "#1565C0", "interrupted_text": "#BF360C",
    "field_error": "#C62828", "connected": "#2E7D32",
    # the station's line tints (with the text colour on them)
    "row_done": "#C8E6C9", "row_put_back": "#FFCDD2", "row_cancelled": "#E0E0E0",
    "row_last": "#FFF59D", "on_row": "#1A1F24",
    # status pills (white text)
    "status_new": "#1565C0", "status_picking": "#6A1B9A", "status_packed": "#00838F",
    "status_shipped": "#2E7D32", "status_cancelled": "#616161", "status_problem": "#C62828",
    "status_in_progress": "#BF360C", "status_other": "#546E7A",
    # deadline and "via bol" pills in the lists (white text)
    "badge_late": "#C62828", "badge_expires": "#BF360C", "badge_ship_today": "#1565C0",
    "badge_tomorrow": "#546E7A", "badge_via_bol": "#0000A4",  # bol.com's own blue
}

_DARK = {
    "window": "#1B2127", "text": "#ECEFF1", "muted": "#A7B4BF", "title": "#90CAF9",
    "disabled_text": "#7D8A96", "link": "#90CAF9", "icon": "#CFD8DC",
    "accent": "#1976D2", "on_accent": "#FFFFFF", "accent_border": "#64B5F6",
    "focus": "#FFB300", "hover": "#33404C", "pressed": "#1F2830",
    "button": "#29323B", "border": "#546E7A", "subtle_border": "#37474F",
    "button_disabled": "#232A31", "button_disabled_text": "#62707C",
    "primary_border": "#64B5F6", "primary_hover": "#2196F3", "primary_pressed": "#1565C0",
    "primary_disabled": "#2C4A66", "danger_border": "#EF5350", "danger_text": "#FF8A80",
    "danger_hover": "#3A2A2C", "tool_hover_border": "#546E7A", "input": "#10151A",
    "card": "#232B33", "table": "#151B20", "table_alt": "#1D252C", "gridline": "#2B353E",
    "header": "#232B33", "tab_text": "#B0BEC5", "tab_hover": "#E3F2FD",
    "status_bar": "#151B20", "tooltip": "#ECEFF1", "tooltip_text": "#1A1F24",
    "banner": "#FFB300", "banner_border": "#FFD54F", "alert_border": "#FF8A80",
    "warning": "#FFB300", "on_warning": "#1A1F24",
    "feedback_ok": "#2E7D32", "feedback_error": "#C62828", "feedback_opened": "#1565C0",
    "feedback_done": "#1B5E20", "feedback_info": "#FFD54F",
    "feedback_wrong_product": "#B71C1C", "feedback_too_many": "#BF360C",
    "feedback_cancelled": "#7B1FA2", "feedback_unknown_code": "#546E7A",
    "feedback_bad_check_digit": "#6D4C41", "feedback_not_in_list": "#AD1457",
    "feedback_stop": "#D50000",
    "good_text": "#81C784", "bad_text": "#EF9A9A", "pending_text": "#FFB74D",
    "neutral_text": "#B0BEC5", "running_text": "#90CAF9", "interrupted_text": "#FFB74D",
    "field_error": "#EF9A9A", "connected": "#81C784",
    "row_done": "#1E3B22", "row_put_back": "#4A2326", "row_cancelled": "#2B3238",
    "row_last": "#4A4420", "on_row": "#ECEFF1",
    "status_new": "#1565C0", "status_picking": "#6A1B9A", "status_packed": "#00838F",
    "status_shipped": "#2E7D32", "status_cancelled": "#616161", "status_problem": "#C62828",
    "status_in_progress": "#BF360C", "status_other": "#546E7A",
    # deadline and "via bol" pills in the lists (white text)
    "badge_late": "#C62828", "badge_expires": "#BF360C", "badge_ship_today": "#1565C0",
    "badge_tomorrow": "#546E7A", "badge_via_bol": "#0000A4",  # bol.com's own blue
}

COLOURS: dict[str, dict[str, str]] = {"light": _LIGHT, "dark": _DARK}
_current = {"theme": "light"}


def check_theme(name: str) -> str:
    if name not in THEMES:
        raise ValueError(f"unknown theme {name!r}; choose one of {', '.join(THEMES)}")
    return name


def set_current(name: str) -> None:
    _current["theme"] = check_theme(name)


def current() -> str:
    return _current["theme"]


def hex_of(name: str, theme: str | None = None) -> str:
    """The colour called ``name`` in ``theme`` (the current one unless given), as #RRGGBB."""
    return COLOURS[check_theme(theme or current())][name]


def colour(name: str, theme: str | None = None) -> QColor:
    return QColor(hex_of(name, theme))


def colour_sheet(theme: str) -> str:
    """The theme's part of the style sheet: the template with this theme's colours."""
    template = Template(resource("themes", "colours.qss").read_text("utf-8"))
    return template.substitute(COLOURS[check_theme(theme)])


def icon(name: str, theme: str | None = None) -> QIcon:
    """An action icon drawn in the theme's icon colour (readable on its window colour)."""
    return _icon(name, theme or current())


@cache
def _icon(name: str, theme: str) -> QIcon:
    # Written as an SVG of its own (not painted into a pixmap now): the icon stays sharp at
    # every size, and nothing is drawn before Qt needs it.
    svg = resource("icons", "actions", f"{name}.svg").read_text("utf-8")
    path = Path(_icon_folder().name) / f"{theme}-{name}.svg"
    path.write_text(svg.replace(ICON_INK, hex_of("icon", theme)), "utf-8")
    return QIcon(str(path))


@cache
def _icon_folder() -> tempfile.TemporaryDirectory:
    folder = tempfile.TemporaryDirectory(prefix="haydigo-icons-")
    atexit.register(folder.cleanup)  # removed when the desk quits
    return folder


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio of two opaque colours (1 to 21)."""
    def luminance(c: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
        return (0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
                + 0.0722 * channel(c.blueF()))
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
