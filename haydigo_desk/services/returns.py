"""Returns use cases: import bol.com's returns, ask for a handling, apply bol.com's answer.

A handling is first a row of the outbox (``services/outbox_writer.enqueue``), committed with
the return item marked ``queued``; the sync worker sends it. Stock moves only once bol.com
confirmed it (``handling_confirmed``): a refusal (``handling_failed``) keeps bol's text and
leaves stock as it was. Returns never change an order's status or quantities.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from haydigo_desk.bol.models_returns import Return
from haydigo_desk.domain import returns as rules
from haydigo_desk.domain.outbox_payloads import ReturnCreatePayload, ReturnHandlingPayload
from haydigo_desk.domain.returns import Disposition, Handling, ReturnLineState, ReturnRuleError
from haydigo_desk.domain.states import OutboxState
from haydigo_desk.persistence.models import (
    BolReturn,
    MarketplaceAccount,
    Order,
    OrderLine,
    OutboxEntry,
    Product,
    ReturnLine,
    utcnow,
)
from haydigo_desk.services import stock
from haydigo_desk.services.outbox_writer import enqueue
from haydigo_desk.services.product_queries import normalise_location_code, set_location

CHANNEL = "bol.com return"
LIVE_OUTBOX_STATES = (OutboxState.QUEUED, OutboxState.SENDING, OutboxState.SENT)


def _clip(text: str | None, size: int) -> str:
    return (text or "")[:size]


# --- import ------------------------------------------------------------------------------------


def known_return_ids(session: Session, account_id: int, bol_return_ids: list[str]) -> set[str]:
    if not bol_return_ids:
        return set()
    return set(session.scalars(select(BolReturn.bol_return_id).where(
        BolReturn.account_id == account_id, BolReturn.bol_return_id.in_(bol_return_ids))))


def _order_of(session: Session, account_id: int | None, bol_order_id: str) -> Order | None:
    """The imported order (of one account, or of any when None: the desk's own view)."""
    def first(condition) -> Order | None:
        query = select(Order).where(condition)
        if account_id is not None:
            query = query.where(Order.account_id == account_id)
        return session.scalars(query.order_by(Order.id)).first()

    # the exact id first (indexed); a typed one may differ in case
    return (first(Order.bol_order_id == bol_order_id)
            or first(func.upper(Order.bol_order_id) == bol_order_id.upper()))


def _product_by_ean(session: Session, account_id: int, ean: str) -> Product | None:
    if not ean:
        return None
    product_list_id = session.scalar(select(MarketplaceAccount.product_list_id).where(
        MarketplaceAccount.id == account_id))
    return session.scalars(select(Product).where(
        Product.product_list_id == product_list_id, Product.ean == ean)
        .order_by(Product.id)).first()


def import_return(session: Session, account_id: int, found: Return) -> int:
    """Store (or bring up to date) one bol.com return; returns how many items are new.

    Items are linked to the order line (same order, same EAN) and to the product; a return
    for an order the desk never imported is kept too, without those links. An item bol.com
    shows handled (in bol's seller portal, say) is handled here as well, without stock.
    """
    record = session.scalars(select(BolReturn).where(
        BolReturn.account_id == account_id,
        BolReturn.bol_return_id == found.return_id)).one_or_none()
    registered = found.registration_date_time or utcnow()
    first_order = next((i.order_id for i in found.return_items if i.order_id), "") or ""
    if record is None:
        order = _order_of(session, account_id, first_order) if first_order else None
        record = BolReturn(
            account_id=account_id, bol_return_id=found.return_id, bol_order_id=first_order,
            order_id=order.id if order else None, source="bol",
            fulfilment_method=str(found.fulfilment_method or "FBR"), registered_at=registered,
            handling_deadline=rules.handling_deadline(registered), raw_json=found.model_dump(
                mode="json", by_alias=True))
        session.add(record)
        session.flush()
    elif record.order_id is None and first_order:
        order = _order_of(session, account_id, first_order)
        record.order_id = order.id if order else None
    order = session.get(Order, record.order_id) if record.order_id else None
    by_rma = {item.rma_id: item for item in record.lines}
    new = 0
    for bol_item in found.return_items:
        item = by_rma.get(bol_item.rma_id)
        if item is None:
            item = ReturnLine(bol_return=record, rma_id=bol_item.rma_id,
                              expected_quantity=max(bol_item.expected_quantity, 1))
            session.add(item)
            new += 1
        _take_bol_fields(session, account_id, item, bol_item, order)
    return new


def _take_bol_fields(session: Session, account_id: int, item: ReturnLine, bol_item,
                     order: Order | None) -> None:
    item.ean = _clip(bol_item.ean, 20)
    item.title = _clip(bol_item.title, 500) or item.title
    reason = bol_item.return_reason
    item.main_reason = _clip(reason.main_reason, 200)
    item.detailed_reason = _clip(reason.detailed_reason, 200)
    item.customer_comments = reason.customer_comments or ""
    item.track_and_trace = _clip(bol_item.track_and_trace, 100).strip().upper() or \
        item.track_and_trace
    item.transporter_name = _clip(bol_item.transporter_name, 100) or item.transporter_name
    if order is not None and item.order_line_id is None:
        match = next((ol for ol in order.lines if ol.ean == item.ean), None)
        if match is not None:
            item.order_line_id, item.product_id = match.id, match.product_id
            item.title = item.title or match.title
    if item.product_id is None:
        product = _product_by_ean(session, account_id, item.ean)
        if product is not None:
            item.product_id, item.title = product.id, item.title or product.title
    if bol_item.handled and item.state in (ReturnLineState.OPEN, ReturnLineState.FAILED):
        last = bol_item.processing_results[-1] if bol_item.processing_results else None
        item.state = ReturnLineState.HANDLED
        item.handling_result = str(last.handling_result or "") if last else ""
        item.quantity_returned = last.quantity if last else 0
        item.disposition = Disposition.NONE
        item.handled_by = "bol.com"
        item.handled_at = utcnow()


# --- asking for a handling ---------------------------------------------------------------------


def _live_row(session: Session, key: str) -> bool:
    return session.scalar(select(func.count()).select_from(OutboxEntry).where(
        OutboxEntry.coalesce_key == key, OutboxEntry.state.in_(LIVE_OUTBOX_STATES))) > 0


def _check_permission(handling: Handling, is_manager: bool) -> None:
    if handling.disposition == Disposition.WRITE_OFF and not is_manager:
        raise ReturnRuleError("manager_only", "Only a manager may write off returned units.")


def _record_request(item: ReturnLine, handling: Handling, user_name: str) -> None:
    item.state = ReturnLineState.QUEUED
    item.handling_result = handling.handling_result
    item.quantity_returned = handling.quantity
    item.disposition = handling.disposition
    item.location_code = normalise_location_code(handling.location_code)[:40]
    item.write_off_reason = handling.write_off_reason.strip()[:200]
    item.handled_by = user_name[:100]
    item.bol_message = ""


def request_handling(session: Session, account_id: int | None, return_line_id: int,
                     handling: Handling, *, user_name: str, is_manager: bool) -> ReturnLine:
    """Queue bol.com's handling of one return item; ``ReturnRuleError`` when refused."""
    query = select(ReturnLine).join(BolReturn).where(ReturnLine.id == return_line_id)
    if account_id is not None:
        query = query.where(BolReturn.account_id == account_id)
    item = session.scalars(query.with_for_update()).one_or_none()
    if item is None:
        raise ReturnRuleError("no_such_item", "This return item no longer exists.")
    state = item.state
    key = _coalesce_key(item)
    if state == ReturnLineState.QUEUED and not _live_row(session, key):
        state = ReturnLineState.FAILED  # its outbox row was cancelled: it may be asked again
    allowed = rules.HANDLING_RESULTS if item.rma_id else rules.CREATE_HANDLING_RESULTS
    rules.check_handling(handling, state=state, expected_quantity=item.expected_quantity,
                         previous_result=item.handling_result, allowed=allowed)
    _check_permission(handling, is_manager)
    if handling.disposition != Disposition.NONE and item.product_id is None:
        raise ReturnRuleError("no_product", "The desk knows no product with EAN {ean}; add it "
                              "before the units go to stock.", ean=item.ean)
    _record_request(item, handling, user_name)
    enqueue(session, item.bol_return.account_id, _payload(session, item), coalesce_key=key)
    return item


def _coalesce_key(item: ReturnLine) -> str:
    return f"return:{item.rma_id}" if item.rma_id else f"return-create:{item.id}"


def _payload(session: Session, item: ReturnLine) -> ReturnHandlingPayload | ReturnCreatePayload:
    if item.rma_id:
        return ReturnHandlingPayload(item.id, item.rma_id, item.handling_result,
                                     item.quantity_returned)
    order_line = session.get(OrderLine, item.order_line_id)
    return ReturnCreatePayload(item.id, item.bol_return.bol_order_id,
                               order_line.bol_order_item_id, item.handling_result,
                               item.quantity_returned)


def returnable_units(session: Session, order_line: OrderLine) -> int:
    """Units of a line shipped and not yet in a return the desk knows of."""
    taken = session.scalar(select(func.coalesce(func.sum(ReturnLine.expected_quantity), 0))
                           .where(ReturnLine.order_line_id == order_line.id)) or 0
    return order_line.quantity_shipped - int(taken)


def register_unannounced(session: Session, account_id: int | None, bol_order_id: str,
                         order_line_id: int, handling: Handling, *, user_name: str,
                         is_manager: bool) -> ReturnLine:
    """A parcel came back that bol.com never announced: register it there (and handle it)."""
    order = _order_of(session, account_id, bol_order_id.strip())
    if order is None:
        raise ReturnRuleError(
            "order_unknown", f"The desk never imported order {bol_order_id}; a return can "
            "only be registered for an order the desk knows.", order=bol_order_id)
    order_line = next((ol for ol in order.lines if ol.id == order_line_id), None)
    if order_line is None:
        raise ReturnRuleError("no_such_item", "This order line no longer exists.")
    left = returnable_units(session, order_line)
    if left <= 0:
        raise ReturnRuleError("nothing_shipped", "No shipped unit of this line is left to "
                              "return.", order=bol_order_id)
    rules.check_handling(handling, state=ReturnLineState.OPEN, expected_quantity=left,
                         allowed=rules.CREATE_HANDLING_RESULTS)
    _check_permission(handling, is_manager)
    if handling.disposition != Disposition.NONE and order_line.product_id is None:
        raise ReturnRuleError("no_product", "The desk knows no product with EAN {ean}; add it "
                              "before the units go to stock.", ean=order_line.ean)
    now = utcnow()
    record = BolReturn(account_id=order.account_id, bol_return_id=None,
                       bol_order_id=order.bol_order_id,
                       order_id=order.id, source="desk", fulfilment_method="FBR",
                       registered_at=now, handling_deadline=rules.handling_deadline(now))
    item = ReturnLine(bol_return=record, rma_id=None, order_line_id=order_line.id,
                      product_id=order_line.product_id, ean=order_line.ean,
                      title=order_line.title, expected_quantity=handling.quantity,
                      main_reason="", track_and_trace="")
    session.add_all([record, item])
    session.flush()
    _record_request(item, handling, user_name)
    enqueue(session, order.account_id, _payload(session, item),
            coalesce_key=_coalesce_key(item))
    return item


# --- bol.com's answer (called by the outbox sender) ---------------------------------------------


def handling_confirmed(session: Session, return_line_id: int, *, bol_return_id: str | None = None,
                       now: datetime | None = None) -> bool:
    """bol.com carried the handling out: the item is handled and its units move (once)."""
    item = session.get(ReturnLine, return_line_id, with_for_update=True)
    if item is None or item.state == ReturnLineState.HANDLED:
        return False
    item.state = ReturnLineState.HANDLED
    item.handled_at = now or utcnow()
    item.bol_message = ""
    if bol_return_id and item.bol_return.bol_return_id is None:
        item.bol_return.bol_return_id = bol_return_id
    product = session.get(Product, item.product_id) if item.product_id else None
    if product is None or item.disposition == Disposition.NONE:
        return True
    who = item.rma_id or item.bol_return.bol_order_id
    received = f"return {who} received at {item.location_code or '-'}"
    stock.adjust(session, product, item.quantity_returned, reason=received, channel=CHANNEL,
                 user_name=item.handled_by)
    if item.disposition == Disposition.RESTOCK:
        if product.location is None and item.location_code:
            set_location(session, product.id, item.location_code)
    else:
        stock.adjust(session, product, -item.quantity_returned,
                     reason=f"return {who} written off: {item.write_off_reason}"[:200],
                     channel=CHANNEL, user_name=item.handled_by)
    return True


def handling_failed(session: Session, return_line_id: int, message: str) -> None:
    """bol.com refused: bol's text is kept, stock is untouched, the item may be handled again."""
    item = session.get(ReturnLine, return_line_id, with_for_update=True)
    if item is None or item.state == ReturnLineState.HANDLED:
        return
    item.state = ReturnLineState.FAILED
    item.bol_message = message
