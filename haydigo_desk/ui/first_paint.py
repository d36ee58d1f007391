"""Work that waits until the window is on screen.

Start-up work that can run later (the sync worker's start, the demo's preparation) competes
with the window for the GIL and the CPU while the window is built; started once the window
has painted its first frame, it costs the person nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self.run_now()
        return False

    def run_now(self) -> None:
        """Queue the callback (once): after this paint, the rest of the frame is drawn."""
        if self._callback is None:
            return
        callback, self._callback = self._callback, None
        self._widget.removeEventFilter(self)
        QTimer.singleShot(0, self, callback)  # dropped if the widget is deleted first


def after_first_paint(widget: QWidget, callback: Callable[[], None], *,
                      at_the_latest_ms: int = 2000) -> None:
    """Call ``callback`` on the GUI thread once ``widget`` has painted for the first time, or
    after ``at_the_latest_ms`` (a window that is never exposed: minimised, another desktop)."""
    waiter = _FirstPaint(widget, callback)
    QTimer.singleShot(at_the_latest_ms, waiter, waiter.run_now)
