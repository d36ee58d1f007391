"""The station's brain without widgets: the mode state machine, the work and what to say.

Modes: idle → (pick list) batch ⇄ packing one of its orders, or idle → single order; either
order mode → shipment (the shipment dialog is open or the post is on its way) → back.

Every database step goes through ONE ordered queue (``Queue.run_ordered``, the desk's
``DbTasks`` lane): scans are written in the order they were made, a scan typed while the
previous one is still in flight waits its turn, and the GUI thread never waits. A result is
applied when it comes back, to the work it was made for. A database that stays locked past
the station's short lock wait answers "Database busy, scan again": that step changed nothing,
and the scans after it still go in, in order.

A product scan is answered at once, from the lines on screen by the same rules the write
applies (``PickingService.predict``): the picker never waits for the sync's write lock. The
written outcome follows on the lane; when it differs (the sync cancelled the line meanwhile,
another desk took the order, the database stayed locked) the station says so, in the class of
what really happened, and reloads the work. What follows a scan in the database (the shipment
of a complete order, a pick list's next step) waits for the written outcome.

The view (``StationView``) shows what the presenter decides; tests drive the presenter with a
recording view and no widgets at all.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

from haydigo_desk.domain.scanning import CodeKind
from haydigo_desk.services.picking import (
    LineView,
    OpenWork,
    OrderWork,
    PickListWork,
    ScanOutcome,
)
from haydigo_desk.services.redaction import describe_error
from haydigo_desk.services.station_db import SCAN_PATIENCE_S, is_database_busy, retry_when_busy
from haydigo_desk.services.station_jobs import Opened, StationJobs
from haydigo_desk.ui.station import messages
from haydigo_desk.ui.station.feedback import Feedback, Message
from haydigo_desk.ui.station.label_steps import LabelAsk, LabelPrint, LabelSteps
from haydigo_desk.ui.station.modes import ORDER_MODES, Mode
from haydigo_desk.ui.station.put_back_steps import PutBackSteps, put_backs
from haydigo_desk.ui.station.shipment_steps import ShipmentAsk, ShipmentSteps
from haydigo_desk.ui.station.short_pick_steps import ShortPickSteps

log = logging.getLogger(__name__)




class Queue(Protocol):
    def run_ordered(self, call: Callable[[], Any], on_result: Callable[[Any], None],
                    on_error: Callable[[Exception], None] | None = None) -> Any: ...


class StationView(Protocol):
    def show_message(self, message: Message) -> None: ...
    def show_idle(self, work: OpenWork) -> None: ...
    def show_pick_list(self, work: PickListWork) -> None: ...
    def show_order(self, work: OrderWork, pick_list_code: str | None) -> None: ...
    def show_line(self, line: LineView) -> None: ...
    def show_shipment(self, message: Message | None) -> None: ...
    def show_put_back(self, text: str | None) -> None: ...
    def show_stopped(self, text: str) -> None: ...
    def ask_take_over(self, holder: str, answer: Callable[[bool], None]) -> None: ...
    def ask_shipment(self, ask: ShipmentAsk, done: Callable[[Any], None]) -> None: ...
    def ask_label(self, ask: LabelAsk, done: Callable[[str | None], None]) -> None: ...
    def print_label(self, job: LabelPrint, done: Callable[[Message, bool], None]) -> None: ...
    def state_changed(self) -> None: ...
    def take_quantity(self) -> int | None: ...


class StationPresenter(ShipmentSteps, ShortPickSteps, LabelSteps, PutBackSteps):
    def __init__(self, jobs: StationJobs, queue: Queue, view: StationView, *,
                 controller: Any = None, last_transporter: Callable[[], str | None] = lambda: None,
                 remember_transporter: Callable[[str], None] = lambda _code: None,
                 language: Callable[[], str] = lambda: "en",
                 scan_patience_s: float = SCAN_PATIENCE_S) -> None:
        self.jobs = jobs
        self.queue = queue
        self.view = view
        self.controller = controller
        self._last_transporter = last_transporter
        self._remember_transporter = remember_transporter
        self._language = language
        self.scan_patience_s = scan_patience_s  # a written scan's wait behind a busy writer
        self.mode = Mode.IDLE
        self.order: OrderWork | None = None
        self.pick_list: PickListWork | None = None
        self.pending_put_back = False
        self.in_flight = 0  # queued database steps not answered yet
        self._answer_on_screen: ScanOutcome | None = None  # the refusal the feedback shows
        # Scans counted on screen whose write has not come back: (order or pick list, id,
        # line key, units) by prediction. A reload read before their write must keep them.
        self._unwritten: dict[int, tuple[str, int, int, int]] = {}
        self._posting: asyncio.Future | None = None
        self._order_mode_before_shipment = Mode.ORDER

    # --- the queue ------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.in_flight > 0 or self._posting is not None

    @property
    def posting(self) -> bool:
        return self._posting is not None

    def _run(self, call: Callable[[], Any], on_result: Callable[[Any], None], *,
             code: str | None = None, undo: Callable[[], None] | None = None,
             patience_s: float | None = None) -> None:
        """Queue ``call`` on the ordered lane; ``undo`` takes back what was shown ahead of a
        step that then failed; ``patience_s``: how long a busy database is tried (else a few
        short tries, so a picker waiting for the step hears "busy" within a second)."""
        self.in_flight += 1

        def done(result: Any) -> None:
            self.in_flight -= 1
            on_result(result)

        def failed(error: Exception) -> None:
            self.in_flight -= 1
            self._failed(error, code)
            if undo is not None:
                undo()

        self.queue.run_ordered(lambda: retry_when_busy(call, patience_s=patience_s), done,
                               failed)

    def _failed(self, error: Exception, code: str | None) -> None:
        if is_database_busy(error):
            log.warning("Station step refused, database busy: %s", describe_error(error))
            self.say(messages.database_busy(code))
        else:
            log.error("Station step failed: %s", describe_error(error), exc_info=error)
            self.say(messages.database_failed(describe_error(error)))

    def say(self, message: Message) -> None:
        self._answer_on_screen = None  # set again by _show_scan when it is a scan's answer
        self.view.show_message(message)

    def _set_mode(self, mode: Mode) -> None:
        self.mode = mode
        self.view.state_changed()

    # --- scans ----------------------------------------------------------------------------------

    def scan(self, text: str) -> None:
        """One scan ended (Enter or Tab); an empty one acknowledges a put-back."""
        text = text.strip()
        if self.pending_put_back:
            if text:
                self.say(messages.put_back_first())
            else:
                self.acknowledge_put_back()
            return
        if not text:
            return
        if self.mode is Mode.SHIPMENT:
            self.say(messages.wait_for_post())
            return
        code = self.jobs.picking.classify(text)
        if code.kind in (CodeKind.PICK_LIST, CodeKind.ORDER):
            self._open_code(text)
            return
        quantity = self.view.take_quantity()
        picking = self.jobs.picking
        if self.mode in ORDER_MODES and self.order is not None:
            order_id = self.order.order_id
            predicted = picking.predict(self.order.lines, text, quantity)
            self._show_scan(predicted, order_id=order_id)
            self._note_unwritten(predicted, "order", order_id)
            self._run(lambda: picking.scan_order(order_id, text, quantity),
                      lambda outcome: self._scanned(outcome, predicted, order_id=order_id),
                      code=text, undo=self._undo(predicted), patience_s=self.scan_patience_s)
        elif self.mode is Mode.BATCH and self.pick_list is not None:
            list_id = self.pick_list.pick_list_id
            predicted = picking.predict(self.pick_list.lines, text, quantity)
            self._show_scan(predicted, pick_list_id=list_id)
            self._note_unwritten(predicted, "pick_list", list_id)
            self._run(lambda: picking.scan_batch(list_id, text, quantity),
                      lambda outcome: self._scanned(outcome, predicted, pick_list_id=list_id),
                      code=text, undo=self._undo(predicted), patience_s=self.scan_patience_s)
        else:
            self._run(lambda: picking.log_event(text, "no_work"), lambda _none: None)
            self.say(messages.no_work())

    def _note_unwritten(self, predicted: ScanOutcome, kind: str, work_id: int) -> None:
        if predicted.accepted and predicted.line is not None:
            self._unwritten[id(predicted)] = (kind, work_id, predicted.line.key,
                                              predicted.decision.quantity)

    def _with_unwritten(self, lines: tuple[LineView, ...], kind: str, work_id: int
                        ) -> tuple[LineView, ...]:
        """``lines`` as read from the database plus the scans still on their way to it (the
        lane answers in order, so a read carries every write queued before it)."""
        extra: dict[int, int] = {}
        for pending_kind, pending_id, key, units in self._unwritten.values():
            if (pending_kind, pending_id) == (kind, work_id):
                extra[key] = extra.get(key, 0) + units
        if not extra:
            return lines
        return tuple(replace(line, picked=line.picked + extra[line.key])
                     if line.key in extra else line for line in lines)

    def _undo(self, predicted: ScanOutcome) -> Callable[[], None] | None:
        """After a written scan failed, the units counted on screen ahead of it come off again
        (on screen only: the database never had them)."""
        if not predicted.accepted or predicted.line is None:
            return None
        key, units = predicted.line.key, predicted.decision.quantity

        def take_back() -> None:
            self._unwritten.pop(id(predicted), None)
            line = next((old for old in self.lines() if old.key == key), None)
            if line is not None:
                line = replace(line, picked=max(0, line.picked - units))
                self._replace_line(line)
                self.view.show_line(line)
                self.view.state_changed()
        return take_back

    def _is_current(self, order_id: int | None, pick_list_id: int | None) -> bool:
        return (self.order is not None and self.order.order_id == order_id) or (
            self.mode is Mode.BATCH and self.pick_list is not None
            and self.pick_list.pick_list_id == pick_list_id)

    def _scanned(self, outcome: ScanOutcome, predicted: ScanOutcome, *,
                 order_id: int | None = None, pick_list_id: int | None = None) -> None:
        """The written outcome of a scan: confirms what was shown, or corrects it."""
        self._unwritten.pop(id(predicted), None)
        current = self._is_current(order_id, pick_list_id)
        if not predicted.agrees_with(outcome):
            self._show_scan(outcome, order_id=order_id, pick_list_id=pick_list_id)
            if current:
                self.refresh()  # said ahead and wrong: the work as the database has it
        elif outcome.product_title and self._answer_on_screen is predicted:
            # Still the last answer on screen: name the product it was (the read brought it).
            self.say(messages.refused(outcome, batch=pick_list_id is not None))
        if outcome.accepted and current:
            self._after_scan()

    def _show_scan(self, outcome: ScanOutcome, *, order_id: int | None = None,
                   pick_list_id: int | None = None) -> None:
        """Say what a scan did and show its line; nothing here touches the database."""
        current = self._is_current(order_id, pick_list_id)
        if not outcome.accepted:
            self.say(messages.refused(outcome, batch=pick_list_id is not None))
            self._answer_on_screen = outcome
            if outcome.result.value == "claim_lost" and current:
                self.view.show_stopped(messages.claim_lost(outcome.holder).text)
                self._back_from_order(release=False)
            return
        line = outcome.line
        assert line is not None
        if not current:  # counted for work the picker has left meanwhile: say so, change nothing
            self.say(messages.counted(line))
            return
        self._replace_line(line)
        self.view.show_line(line)
        if not self._work_complete():
            self.say(messages.counted(line))
        elif self.mode in ORDER_MODES:
            self.say(messages.counted(line, Feedback.DONE))
        else:
            self.say(messages.list_picked())

    def _after_scan(self) -> None:
        """What follows a written scan in the database: the order's status line, its shipment,
        the pick list's next step."""
        if self.order is not None and self.order.status == "new":
            self._reload_order()  # the first unit makes it "picking": the status line follows
        if not self._work_complete():
            return
        if self.mode in ORDER_MODES:
            self.ship()
        elif self.mode is Mode.BATCH:
            self._reload_pick_list()

    def _replace_line(self, line: LineView) -> None:
        if self.mode in ORDER_MODES and self.order is not None:
            lines = tuple(line if old.key == line.key else old for old in self.order.lines)
            self.order = replace(self.order, lines=lines)
        elif self.pick_list is not None:
            lines = tuple(line if old.key == line.key else old for old in self.pick_list.lines)
            self.pick_list = replace(self.pick_list, lines=lines)

    def lines(self) -> tuple[LineView, ...]:
        if self.mode in ORDER_MODES and self.order is not None:
            return self.order.lines
        if self.mode is Mode.BATCH and self.pick_list is not None:
            return self.pick_list.lines
        return ()

    def _work_complete(self) -> bool:
        live = [line.scan_line() for line in self.lines()]
        live = [line for line in live if not line.cancelled and line.needed > 0]
        return bool(live) and all(line.remaining == 0 for line in live)

    def counter_text(self) -> str:
        if self.mode in ORDER_MODES and self.order is not None and self.order.status == "shipped":
            return ""
        lines = self.lines()
        if self.mode is Mode.IDLE or not lines:
            return ""
        needed = sum(line.needed for line in lines)
        picked = sum(min(line.picked, line.needed) for line in lines)
        return f"{picked} / {needed}"

    # --- opening and leaving work ---------------------------------------------------------------

    def _open_code(self, text: str) -> None:
        in_list = self.pick_list.pick_list_id if self.pick_list is not None else None
        leaving = self.order.order_id if self.order is not None else None
        self._run(lambda: self.jobs.open_code(text, in_list, leaving), self._opened, code=text)

    def open_order(self, order_id: int, *, take_over: bool = False) -> None:
        leaving = self.order.order_id if self.order is not None else None
        self._run(lambda: self.jobs.open_order(order_id, take_over, leaving), self._opened)

    def open_pick_list(self, pick_list_id: int) -> None:
        leaving = self.order.order_id if self.order is not None else None
        self._run(lambda: self.jobs.open_pick_list(pick_list_id, leaving), self._opened)

    def _opened(self, opened: Opened) -> None:
        if opened.kind == "unknown":
            self.say(messages.no_such_work(opened.code))
        elif opened.kind == "not_in_list":
            assert opened.order is not None and self.pick_list is not None
            self.say(messages.not_in_list(opened.order.bol_order_id, self.pick_list.code))
        elif opened.kind == "pick_list":
            assert opened.pick_list is not None
            self.order, self.pick_list = None, opened.pick_list
            self._set_mode(Mode.BATCH)
            self.view.show_pick_list(opened.pick_list)
            self.say(messages.pick_list_opened(opened.pick_list.code))
        elif opened.kind == "held":
            assert opened.order is not None
            self.say(messages.held_by(opened.holder or "?"))
            order_id = opened.order.order_id
            self.view.ask_take_over(opened.holder or "?", lambda yes: yes and self.open_order(
                order_id, take_over=True))
        elif opened.kind == "closed":
            assert opened.order is not None
            self._closed(opened.order)
        elif opened.kind == "oversold":
            assert opened.order is not None
            self.refuse_oversold(opened.order)
        elif opened.kind == "order":
            assert opened.order is not None
            self._show_order(opened.order)
            if opened.order.put_back:
                self._interrupt(put_backs(opened.order.lines))
            else:
                self.say(messages.order_opened(opened.order.bol_order_id))

    def _closed(self, work: OrderWork) -> None:
        message = messages.order_closed(work)
        if work.put_back:  # shown (not claimed) so the units can go back; Enter returns to idle
            self._show_order(work)
            self._interrupt(put_backs(work.lines), cancelled=True)
        self.say(message)

    def _show_order(self, work: OrderWork) -> None:
        self.order = work
        in_list = self.pick_list is not None and any(
            o.order_id == work.order_id for o in self.pick_list.orders)
        if not in_list:
            self.pick_list = None
        self._set_mode(Mode.PACKING if in_list else Mode.ORDER)
        self.view.show_order(work, self.pick_list.code if self.pick_list else None)
        self.view.show_shipment(messages.shipment_line(work, self.posting))

    def leave(self) -> None:
        """Esc: leave the order (back to its pick list) or the pick list; scans are kept."""
        if self.pending_put_back or self.mode is Mode.SHIPMENT:
            return
        if self.mode in ORDER_MODES:
            self._back_from_order(release=True)
        elif self.mode is Mode.BATCH:
            self.pick_list = None
            self._go_idle()

    def _back_from_order(self, *, release: bool) -> None:
        leaving = self.order.order_id if (release and self.order is not None) else None
        self.order = None
        self.view.show_shipment(None)
        if self.pick_list is not None:
            self._set_mode(Mode.BATCH)
            list_id = self.pick_list.pick_list_id
            self._run(lambda: self.jobs.open_pick_list(list_id, leaving), self._back_in_list)
        else:
            self._go_idle(leaving)

    def _back_in_list(self, opened: Opened) -> None:
        if self.mode is Mode.BATCH and opened.pick_list is not None:
            self.pick_list = opened.pick_list
            self.view.show_pick_list(opened.pick_list)
            self.say(messages.pick_list_opened(opened.pick_list.code))

    def _go_idle(self, release_order_id: int | None = None) -> None:
        self.order = None
        self._set_mode(Mode.IDLE)
        self.say(Message("", Feedback.INFO))  # the old refusal belongs to the old work
        self._run(lambda: self.jobs.idle(release_order_id), self._idle_loaded)

    def _idle_loaded(self, work: OpenWork) -> None:
        if self.mode is Mode.IDLE:
            self.view.show_idle(work)

    def refresh(self) -> None:
        """Reload what is on screen (the sync changed data, or the section became visible)."""
        if self.mode in (Mode.ORDER, Mode.PACKING) and self.order is not None:
            self._reload_order()
        elif self.mode is Mode.BATCH and self.pick_list is not None:
            self._reload_pick_list()
        elif self.mode is Mode.IDLE:
            self._run(lambda: self.jobs.idle(None), self._idle_loaded)

    def _reload_order(self, then: Callable[[OrderWork], None] | None = None) -> None:
        assert self.order is not None
        order_id = self.order.order_id
        self._run(lambda: self.jobs.picking.load_order(order_id),
                  lambda work: self._order_reloaded(work, then))

    def _order_reloaded(self, work: OrderWork | None,
                        then: Callable[[OrderWork], None] | None) -> None:
        if work is None or self.order is None or self.order.order_id != work.order_id:
            return
        work = replace(work, lines=self._with_unwritten(work.lines, "order", work.order_id))
        self.order = work
        if self.mode is not Mode.SHIPMENT:
            self.view.show_order(work, self.pick_list.code if self.pick_list else None)
        self.view.show_shipment(messages.shipment_line(work, self.posting))
        self.view.state_changed()
        if then is not None:
            then(work)

    def _reload_pick_list(self, then: Callable[[PickListWork], None] | None = None) -> None:
        assert self.pick_list is not None
        list_id = self.pick_list.pick_list_id
        self._run(lambda: self.jobs.picking.load_pick_list(list_id),
                  lambda work: self._pick_list_reloaded(work, then))

    def _pick_list_reloaded(self, work: PickListWork | None,
                            then: Callable[[PickListWork], None] | None) -> None:
        if work is None or self.pick_list is None or self.pick_list.pick_list_id != \
                work.pick_list_id:
            return
        work = replace(work, lines=self._with_unwritten(work.lines, "pick_list",
                                                        work.pick_list_id))
        self.pick_list = work
        if self.mode is Mode.BATCH:
            self.view.show_pick_list(work)
        if then is not None:
            then(work)
