"""The one way to switch a widget's style-sheet role at run time."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def set_role(widget: QWidget, role: str) -> None:
    """Set the ``role`` property the style sheets select on and repolish so it shows now.

    Qt applies style sheets when a widget is polished; a changed dynamic property is only seen
    after unpolish/polish.
    """
    if widget.property("role") == role:
        return
    widget.setProperty("role", role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
