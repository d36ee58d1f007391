"""For benchmarks: ``HAYDIGO_PAINT_MARKER=1`` prints a line to stderr when the Orders list is
first painted, and again when it is first painted with orders in it, with the wall-clock
time, so the caller measures from its own launch of the process."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject

MARKER_ENV = "HAYDIGO_PAINT_MARKER"
MARKER_PREFIX = "haydigo-desk painted"


def marker_requested() -> bool:
    return bool(os.environ.get(MARKER_ENV))


class PaintMarker(QObject):
    def __init__(self, table) -> None:
        super().__init__(table)
        self.table = table
        self._empty_seen = False
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            rows = self.table.model().rowCount()
            if not self._empty_seen:
                self._empty_seen = True
                self._print("orders-list", rows)
            if rows:
                self._print("orders-rows", rows)
                self.table.viewport().removeEventFilter(self)
        return False

    @staticmethod
    def _print(what: str, rows: int) -> None:
        # cpu: this process's CPU seconds so far, which a busy shared machine does not inflate.
        print(f"{MARKER_PREFIX} {what} at={time.time():.3f} rows={rows} "
              f"cpu={time.process_time():.3f}", file=sys.stderr, flush=True)


def watch_orders_paint(window) -> None:
    orders = window.sections.get("orders")
    if marker_requested() and orders is not None:
        window._paint_marker = PaintMarker(orders.table)
