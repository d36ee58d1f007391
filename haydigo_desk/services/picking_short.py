"""The station's short pick: the picker reports units of a line not found or damaged (no Qt).

One short transaction per report, like a scan: re-read the lines, apply through the lifecycle
(``services.lifecycle.report_short``, which refuses more units than are still to take and a
line with nothing open), write the scan log, commit. In a batch the units missing for a
product are taken from the youngest orders of the list: the oldest still get theirs.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from haydigo_desk.domain.short_picks import ShortPickRefused, ShortReason
from haydigo_desk.persistence.models import OrderLine
from haydigo_desk.services import lifecycle
from haydigo_desk.services.claims import holder_of
from haydigo_desk.services.picking import PickingService
from haydigo_desk.services.picking_work import batch_rows, product_key


@dataclass(frozen=True)
class ShortOutcome:
    accepted: bool
    units: int = 0
    written_off: int = 0  # damaged units taken off the stock count
    refusal: str = ""  # ShortPickRefused.kind, or "claim_lost"
    limit: int = 0  # for "too_many": the units still to take
    holder: str | None = None  # for "claim_lost"


class ShortPicks:
    """Short picks for one station (its database, identity and scan log)."""

    def __init__(self, picking: PickingService) -> None:
        self.picking = picking

    def in_order(self, order_id: int, line_id: int, units: int, reason: ShortReason
                 ) -> ShortOutcome:
        with self.picking.database.unit_of_work() as uow:
            session = uow.session
            holder = holder_of(session, order_id)
            if holder != self.picking.station.claimant:
                outcome = ShortOutcome(False, refusal="claim_lost", holder=holder)
            else:
                ids = session.scalars(select(OrderLine.id).where(
                    OrderLine.id == line_id, OrderLine.order_id == order_id)).all()
                outcome = self._report(session, list(ids), units, reason)
            self._log(session, reason, outcome, line_id, order_id=order_id)
            uow.commit()
        return outcome

    def in_batch(self, pick_list_id: int, key: int, units: int, reason: ShortReason
                 ) -> ShortOutcome:
        with self.picking.database.unit_of_work() as uow:
            session = uow.session
            rows = batch_rows(session, pick_list_id)
            ids = [row[1].id for row in reversed(rows) if product_key(row[1]) == key]
            outcome = self._report(session, ids, units, reason)
            self._log(session, reason, outcome, key, pick_list_id=pick_list_id)
            uow.commit()
        return outcome

    def _report(self, session, line_ids: list[int], units: int, reason: ShortReason
                ) -> ShortOutcome:
        station = self.picking.station
        try:  # refused before anything is written (see lifecycle.report_short)
            reported = lifecycle.report_short(
                session, line_ids, units, reason, user_name=station.user_name,
                workstation=station.workstation)
        except ShortPickRefused as refused:
            return ShortOutcome(False, refusal=refused.kind, limit=refused.limit)
        return ShortOutcome(True, sum(r.units for r in reported),
                            sum(r.written_off for r in reported))

    def _log(self, session, reason: ShortReason, outcome: ShortOutcome, key: int, *,
             order_id: int | None = None, pick_list_id: int | None = None) -> None:
        result = f"short_{reason.value}" if outcome.accepted else f"short_refused_{outcome.refusal}"
        detail = f"line {key} x{outcome.units}" if outcome.accepted else f"line {key}"
        session.add(self.picking.log_entry(reason.value, result[:40], detail, order_id,
                                        pick_list_id))
