"""The Qt binding itself keeps Python's books: a signal emitted many times over a working day
must not wear down an object everybody shares.

PySide6 6.12.0 drops one reference to ``True`` at every ``emit()``; the desk emits one per
database step, so after some thousands of scans Python aborts with "deallocating True or
False". pyproject.toml keeps that version out; this test fails on any binding that does it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Qt, Signal

EMITS = 200  # far fewer than the references True has in a test process: measured, not fatal


class _Sender(QObject):
    finished = Signal(int, object, object)  # the shape of DbTasks' result signal
    changed = Signal(str)


def test_emitting_signals_leaves_the_reference_counts_of_true_false_and_none_alone(qapp):
    sender = _Sender()
    received: list[int] = []
    sender.finished.connect(lambda token, _result, _error: received.append(token),
                            Qt.ConnectionType.QueuedConnection)
    sender.changed.connect(lambda _what: None)
    before = {name: sys.getrefcount(value) for name, value in
              (("True", True), ("False", False), ("None", None))}
    for token in range(EMITS):
        sender.finished.emit(token, None, None)
        sender.changed.emit("orders")
    qapp.processEvents()
    received.clear()
    after = {name: sys.getrefcount(value) for name, value in
             (("True", True), ("False", False), ("None", None))}
    drift = {name: after[name] - before[name] for name in before}
    assert all(abs(change) < EMITS // 4 for change in drift.values()), drift
