"""The outbox handler of label purchases (kind LABEL): buy once, fetch the PDF, then ship.

``sync/outbox.py`` drives the row like every other (queued → sending → sent → done | failed)
and calls the functions here. A label costs money, so its purchase is never repeated blind:
a row whose answer was lost (a kill, a timeout, a 502 after bol carried it out) is looked up
first by bol's process status for the first order item and ``CREATE_SHIPPING_LABEL``; bol's
lookup finds the purchase while it is still pending, and bol's API lists no labels by order,
so only when that lookup shows none since the row was written is it bought again. On SUCCESS
the process's ``entityId`` is the label id: the PDF is fetched once and stored with its
carrier and track & trace, and the shipment with the label's id is queued. A FAILURE (bol's
message) or a label that is no PDF fails the shipment: the order is a problem, nothing posted.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from haydigo_desk.bol import BolClient, ShipmentLine
from haydigo_desk.bol.errors import BolRequestError, BolUnexpectedResponseError
from haydigo_desk.bol.models import ProcessStatus
from haydigo_desk.domain.outbox_payloads import LabelPayload
from haydigo_desk.domain.states import LabelState, OutboxKind
from haydigo_desk.persistence.database import Database
from haydigo_desk.persistence.models import LabelPurchase, OutboxEntry
from haydigo_desk.services import lifecycle

KIND = OutboxKind.LABEL
NO_LABEL_ID = "bol.com reported the label bought but named no label id"
UNUSABLE = "The label was bought, but bol.com sent no usable label"


def handles(payload: object) -> bool:
    return isinstance(payload, LabelPayload)


async def send(client: BolClient, payload: LabelPayload) -> ProcessStatus:
    """The purchase; a body bol's spec does not allow fails the row (never sent)."""
    try:
        return await client.create_shipping_label(
            [ShipmentLine(i.order_item_id, i.quantity) for i in payload.items],
            payload.offer_id)
    except ValueError as exc:
        raise BolRequestError(f"Not sent to bol.com: {exc}") from exc


async def fetch_document(client: BolClient, database: Database, entry_id: int,
                         status: ProcessStatus) -> None:
    """The label id is kept (before anything else can go wrong), then its PDF is fetched
    once and stored. A transient error leaves the row sent: the next poll fetches again."""
    if not status.entity_id:
        raise BolUnexpectedResponseError(NO_LABEL_ID)
    with database.unit_of_work() as uow:
        label = _label_of(uow.session, uow.session.get(OutboxEntry, entry_id))
        lifecycle.label_bought(uow.session, label, status.entity_id)
        fetched = label.pdf is not None
        uow.commit()
    if fetched:
        return
    document = await client.get_shipping_label(status.entity_id)
    with database.unit_of_work() as uow:
        label = _label_of(uow.session, uow.session.get(OutboxEntry, entry_id))
        lifecycle.label_document_stored(label, document.pdf, document.transporter_code,
                                        document.track_and_trace)
        uow.commit()


def succeeded(session: Session, entry: OutboxEntry) -> None:
    """Bought and stored: the shipment with the label's id is queued."""
    label = _label_of(session, entry)
    if label.pdf is None:
        raise BolUnexpectedResponseError("the label's PDF was not stored")  # never reached
    lifecycle.label_ready(session, label)


def failed(session: Session, entry: OutboxEntry, message: str) -> None:
    label = _label_of(session, entry)
    if label.state != LabelState.READY:
        lifecycle.label_failed(session, label, message)


def withdrawn(session: Session, entry: OutboxEntry, message: str) -> None:
    lifecycle.label_withdrawn(session, _label_of(session, entry), message)


def _label_of(session: Session, entry: OutboxEntry) -> LabelPurchase:
    return session.get(LabelPurchase, int(entry.payload["label_id"]))
