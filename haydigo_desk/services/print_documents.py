"""Database rows -> the plain documents of `reports/` (pick lists, packing slips). No Qt.

The UI calls these in a worker thread and the CLI directly; both then hand the dataclasses to
the pure renderers, so nothing ORM-bound ever crosses a thread.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from haydigo_desk.domain.states import OrderStatus, PickListStatus
from haydigo_desk.persistence.models import (
    MarketplaceAccount,
    Order,
    OrderLine,
    PickList,
    PickListLine,
    Product,
)
from haydigo_desk.persistence.models import PickListOrder as PickListOrderRow
from haydigo_desk.reports import (
    Address,
    PackingSlipDocument,
    PackingSlipLine,
    PickListDocument,
)
from haydigo_desk.reports import PickListLine as DocLine
from haydigo_desk.reports import PickListOrder as DocOrder

OPEN_PICK_LIST_STATUSES = (PickListStatus.OPEN.value, PickListStatus.IN_PROGRESS.value)
# Orders in these states have nothing left to pick or pack.
_CLOSED_ORDER_STATUSES = (OrderStatus.SHIPPED.value, OrderStatus.CANCELLED.value)


class PrintError(ValueError):
    """A document that cannot be made; the message is meant for the user."""


def _pickable_quantity(line: OrderLine, asked: int | None = None) -> int:
    """Units still to pick: 0 for a cancelled, cancel-requested or fully shipped line."""
    open_units = line.quantity_open
    return open_units if asked is None else min(asked, open_units)


def _account_names(session: Session, account_id: int | None) -> tuple[str, str]:
    if account_id is None:
        return "", ""
    account = session.get(MarketplaceAccount, account_id)
    if account is None:
        return "", ""
    return account.store.name, account.name


def pick_list_document(session: Session, pick_list_id: int) -> PickListDocument:
    """The pick list with its orders in list order, each with the lines still to pick."""
    pick_list = session.scalars(
        select(PickList)
        .where(PickList.id == pick_list_id)
        .options(
            selectinload(PickList.orders).selectinload(PickListOrderRow.order),
            selectinload(PickList.lines)
            .selectinload(PickListLine.order_line)
            .selectinload(OrderLine.product)
            .selectinload(Product.location),
        )
    ).one_or_none()
    if pick_list is None:
        raise PrintError(f"There is no pick list with id {pick_list_id}.")
    lines_by_order: dict[int, list[DocLine]] = {}
    for pick_line in pick_list.lines:  # ordered by id: the order they were added in
        line = pick_line.order_line
        quantity = _pickable_quantity(line, pick_line.quantity)
        if quantity <= 0:
            continue
        product = line.product
        location = product.location.code if product and product.location else ""
        lines_by_order.setdefault(line.order_id, []).append(
            DocLine(ean=line.ean, sku=line.sku, title=line.title, quantity=quantity,
                    location=location)
        )
    orders = []
    for entry in sorted(pick_list.orders, key=lambda e: (e.position, e.id)):
        order = entry.order
        lines = lines_by_order.get(order.id)
        if not lines or order.status in _CLOSED_ORDER_STATUSES:
            continue
        orders.append(DocOrder(order_id=order.bol_order_id, placed_at=order.placed_at,
                               customer_name=order.customer_name, country=order.country_code,
                               lines=lines))
    if not orders:
        raise PrintError(f"Pick list {pick_list.code} has nothing left to pick.")
    store_name, account_name = _account_names(session, pick_list.account_id)
    return PickListDocument(number=pick_list.id, code=pick_list.code, store_name=store_name,
                            account_name=account_name, created_at=pick_list.created_at,
                            orders=orders, origin=pick_list.origin,
                            rule_name=pick_list.rule_name)


def open_pick_list_ids(session: Session) -> list[int]:
    """Ids of the open and in-progress pick lists, oldest first."""
    return list(session.scalars(
        select(PickList.id)
        .where(PickList.status.in_(OPEN_PICK_LIST_STATUSES))
        .order_by(PickList.created_at, PickList.id)
    ))


def _find_order(session: Session, order_id_or_bol_id: int | str) -> Order:
    query = select(Order).options(selectinload(Order.lines))
    if isinstance(order_id_or_bol_id, int):
        order = session.scalars(query.where(Order.id == order_id_or_bol_id)).one_or_none()
    else:
        text = order_id_or_bol_id.strip()
        # bol.com order ids are text and may be all digits: the bol id wins over the DB id.
        matches = session.scalars(query.where(Order.bol_order_id == text)).all()
        if len(matches) > 1:
            raise PrintError(f"Order {text} exists in more than one account; "
                             "use the desk's order number instead.")
        order = matches[0] if matches else None
        if order is None and text.isdigit():
            order = session.scalars(query.where(Order.id == int(text))).one_or_none()
    if order is None:
        raise PrintError(f"There is no order {order_id_or_bol_id}.")
    return order


def _parcel_quantity(line: OrderLine) -> int:
    """Units that go into the parcel: shipped ones count (a slip may be reprinted after
    shipping), cancelled or cancel-requested ones do not."""
    return line.counts().wanted


def packing_slip_document(session: Session, order_id_or_bol_id: int | str) -> PackingSlipDocument:
    """The packing slip of one order (DB id or bol.com order id), without cancelled lines."""
    order = _find_order(session, order_id_or_bol_id)
    lines = [
        PackingSlipLine(ean=line.ean, sku=line.sku, title=line.title, quantity=quantity)
        for line in order.lines
        if (quantity := _parcel_quantity(line)) > 0
    ]
    if not lines:
        raise PrintError(f"Order {order.bol_order_id} has no lines to pack (all cancelled).")
    store_name, _account = _account_names(session, order.account_id)
    address = Address(
        name=order.customer_name, street=order.street, house_number=order.house_number,
        postal_code=order.zip_code, city=order.city, country=order.country_code,
        house_number_extension=order.house_number_extension, company=order.company,
        extra_line=order.extra_address_information,
    )
    return PackingSlipDocument(order_id=order.bol_order_id, placed_at=order.placed_at,
                               store_name=store_name, address=address, lines=lines)
