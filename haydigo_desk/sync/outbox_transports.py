"""The outbox's transport changes: a track & trace (and carrier) corrected after shipping.

bol.com names a shipment's transport only in its shipment list, so the transport id is looked
up there the first time a correction needs it (a read, safe to repeat) and kept on the
shipment row; the list is rate-limited hard (25 a minute), so it is not read for every
shipment the desk posts. The PUT itself is a new process at bol.com each time: after a lost
answer the outbox finds it through bol's process status by transport id and
``CHANGE_TRANSPORT`` before anything is sent again.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from haydigo_desk.bol import BolClient, BolError, BolValidationError
from haydigo_desk.bol.models import ProcessStatus, ReducedShipment
from haydigo_desk.domain.outbox_payloads import TransportPayload
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import OrderLine, Shipment
from haydigo_desk.persistence.models import ShipmentLine as ShipmentRow

EVENT_TYPE = "CHANGE_TRANSPORT"


def refusal_text(error: BolError | Exception) -> str:
    """bol.com's words for a refused write, with the fields it named (a 400's violations)."""
    text = str(error)
    if isinstance(error, BolValidationError):
        named = "; ".join(f"{v.name}: {v.reason}" if v.name else str(v.reason)
                          for v in error.violations if v.reason)
        if named and named not in text:
            text = f"{named}. {text}"
    return text


class TransportUnknown(Exception):
    """bol.com lists no shipment that matches the desk's: nothing can be corrected."""


def _item_ids(session: Session, shipment_id: int) -> tuple[str, ...]:
    return tuple(sorted(session.scalars(
        select(OrderLine.bol_order_item_id)
        .join(ShipmentRow, ShipmentRow.order_line_id == OrderLine.id)
        .where(ShipmentRow.shipment_id == shipment_id))))


def _match(session: Session, shipment: Shipment, listed: list[ReducedShipment]
           ) -> ReducedShipment | None:
    """bol's shipment that is the desk's: the same order items; among several (partial
    shipments of one item) the one in the same place when both are taken oldest first."""
    wanted = _item_ids(session, shipment.id)
    mine = [row.id for row in session.scalars(
        select(Shipment).where(Shipment.order_id == shipment.order_id,
                               Shipment.state == "confirmed").order_by(Shipment.id))
        if _item_ids(session, row.id) == wanted]
    theirs = [s for s in listed
              if tuple(sorted(i.order_item_id for i in s.shipment_items)) == wanted
              and s.transport is not None and s.transport.transport_id]
    theirs.sort(key=lambda s: (s.shipment_date_time is None, s.shipment_date_time, s.shipment_id))
    if shipment.id not in mine or not theirs:
        return None
    return theirs[min(mine.index(shipment.id), len(theirs) - 1)]


class TransportChanges:
    """Sends one kind of outbox row: ``TransportPayload``. The outbox keeps the row's states."""

    def __init__(self, client: BolClient, database: Database) -> None:
        self.client = client
        self.database = database

    async def transport_id(self, payload: TransportPayload) -> str:
        """bol's transport id of the shipment: the stored one, else from bol's list (kept)."""
        if payload.transport_id:
            return payload.transport_id
        with self.database.unit_of_work() as uow:
            shipment = uow.session.get(Shipment, payload.shipment_id)
            if shipment is not None and shipment.bol_transport_id:
                return shipment.bol_transport_id
        listed = await self.client.list_order_shipments(payload.bol_order_id)
        with self.database.unit_of_work() as uow:
            shipment = uow.session.get(Shipment, payload.shipment_id)
            found = _match(uow.session, shipment, listed) if shipment is not None else None
            if found is None:
                raise TransportUnknown(
                    f"bol.com lists no shipment of order {payload.bol_order_id} with these "
                    "items; its track & trace cannot be corrected")
            shipment.bol_shipment_id = found.shipment_id
            shipment.bol_transport_id = found.transport.transport_id
            uow.commit()
            return found.transport.transport_id

    async def send(self, payload: TransportPayload) -> ProcessStatus:
        """The PUT (after the transport id is known: a read, harmless after a crash)."""
        return await self.client.change_transport(
            await self.transport_id(payload), transporter_code=payload.transporter_code,
            track_and_trace=payload.track_and_trace)

    async def processes(self, payload: TransportPayload) -> list[ProcessStatus]:
        """bol's processes for the shipment's transport (newest first); none when the desk
        never learnt the transport id, since then nothing can have been sent."""
        with self.database.unit_of_work() as uow:
            shipment = uow.session.get(Shipment, payload.shipment_id)
            known = payload.transport_id or (shipment.bol_transport_id if shipment else None)
        if not known:
            return []
        return await self.client.get_process_statuses_for_entity(known, EVENT_TYPE)


def confirmed(session: Session, payload: TransportPayload) -> None:
    """bol.com took the change: the shipment shows the new carrier and track & trace."""
    shipment = session.get(Shipment, payload.shipment_id)
    if shipment is not None:
        shipment.transporter_code = payload.transporter_code
        shipment.track_and_trace = payload.track_and_trace
