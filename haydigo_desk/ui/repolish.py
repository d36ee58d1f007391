"""The one way to switch a widget's style-sheet role (or another styled property) at run time."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def set_style_property(widget: QWidget, name: str, value: object) -> None:
    """Set a dynamic property the style sheets select on and repolish so it shows now.

    Qt applies style sheets when a widget is polished; a changed dynamic property is only seen
    after unpolish/polish.
    """
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def set_role(widget: QWidget, role: str) -> None:
    """The ``role`` property (scan-ok, scan-error, muted...) that the themes colour."""
    set_style_property(widget, "role", role)
