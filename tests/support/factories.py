"""Rows for tests: an account with products, orders and pick lists, built directly in the DB.

For end-to-end tests prefer the real sync against the sandbox; these are for UI and service
tests that need a known state quickly.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from haydigo_desk.domain.barcodes import gtin_check_digit
from haydigo_desk.persistence.models import (
    Location,
    MarketplaceAccount,
    Order,
    OrderLine,
    PickList,
    PickListLine,
    PickListOrder,
    Product,
    StaffMember,
)
from haydigo_desk.services.accounts import AccountSpec, save_account


def ean13(n: int) -> str:
    body = f"871{n:09d}"
    return body + str(gtin_check_digit(body))


def make_account(session: Session, name: str = "bol NL", **overrides) -> MarketplaceAccount:
    spec = AccountSpec(name=name, client_id=overrides.pop("client_id", "client-1"),
                       store_name=overrides.pop("store_name", "Demo Shop"), **overrides)
    return save_account(session, spec)


def make_products(session: Session, account: MarketplaceAccount, count: int, *,
                  on_hand: int = 10) -> list[Product]:
    products = []
    for i in range(1, count + 1):
        location = Location(code=f"A-{(i % 12) + 1}-{i % 5}")
        session.add(location)
        products.append(Product(
            product_list_id=account.product_list_id, ean=ean13(i), sku=f"SKU-{i:05d}",
            title=f"Product {i} — Kussen velours {i}", on_hand=on_hand, offer_id=f"offer-{i}",
            reference=f"SKU-{i:05d}", price=Decimal("19.95"), condition="NEW",
            fulfilment_method="FBR", delivery_code="1-2d", bol_stock_amount=on_hand,
            last_pushed_available=on_hand, location=location,
        ))
    session.add_all(products)
    session.flush()
    return products


def make_order(session: Session, account: MarketplaceAccount, bol_order_id: str,
               items: list[tuple[Product | None, int]], *, status: str = "new",
               country: str = "NL", placed_at: datetime | None = None) -> Order:
    order = Order(
        account_id=account.id, bol_order_id=bol_order_id, status=status,
        placed_at=placed_at or datetime(2026, 11, 26, 9, 30, tzinfo=UTC),
        customer_name="Jan Jansen", street="Dorpsstraat", house_number="12", zip_code="1234AB",
        city="Utrecht", country_code=country, language="nl",
    )
    for index, (product, quantity) in enumerate(items, start=1):
        line = OrderLine(
            bol_order_item_id=f"{bol_order_id}-{index}", quantity=quantity,
            product_id=product.id if product else None,
            ean=product.ean if product else "0000000000000",
            sku=product.sku if product else "", title=product.title if product else "Unknown",
            offer_id=product.offer_id if product else None, unit_price=Decimal("19.95"),
            unmatched=product is None, quantity_reserved=quantity if product else 0,
        )
        order.lines.append(line)
        if product is not None:
            product.reserved += quantity
    session.add(order)
    session.flush()
    return order


def make_orders(session: Session, account: MarketplaceAccount, products: list[Product],
                count: int) -> list[Order]:
    base = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    orders = []
    for i in range(count):
        first = products[i % len(products)]
        second = products[(i * 7 + 3) % len(products)]
        items = [(first, 1 + i % 2)] + ([(second, 1)] if i % 3 == 0 and second is not first else [])
        orders.append(make_order(session, account, f"C{i:08d}X", items,
                                 placed_at=base + timedelta(minutes=i)))
    return orders


def make_pick_list(session: Session, orders: list[Order], code: str = "PL-000001") -> PickList:
    pick_list = PickList(code=code, account_id=orders[0].account_id if orders else None)
    for position, order in enumerate(orders):
        pick_list.orders.append(PickListOrder(order_id=order.id, position=position))
        for line in order.lines:
            pick_list.lines.append(PickListLine(order_line_id=line.id, quantity=line.quantity))
    session.add(pick_list)
    session.flush()
    return pick_list


def make_staff(session: Session) -> tuple[StaffMember, StaffMember]:
    picker = StaffMember(name="Pieter Picker", badge_code="BADGE-001", role="picker")
    manager = StaffMember(name="Mara Manager", badge_code="BADGE-002", role="manager")
    session.add_all([picker, manager])
    session.flush()
    return picker, manager


def make_failed_shipment(session: Session, account: MarketplaceAccount, bol_order_id: str,
                         transporter: str, track: str, message: str, *,
                         attempts: int = 1) -> tuple[int, int]:
    """An order picked, shipped through the lifecycle and refused by bol.com, as the outbox
    sender leaves it; returns (shipment id, outbox entry id)."""
    from haydigo_desk.services import lifecycle

    [product] = make_products(session, account, 1)
    order = make_order(session, account, bol_order_id, [(product, 1)])
    line = order.lines[0]
    lifecycle.pick_into_box(session, order.id, line.id, 1)
    line = session.get(OrderLine, line.id)
    shipment, entry = lifecycle.queue_shipment(
        session, session.get(Order, order.id), [(line, 1)], transporter_code=transporter,
        track_and_trace=track, shipment_reference=None, created_by="test", workstation="desk-1")
    session.flush()
    entry.state, entry.attempts, entry.last_error = "failed", attempts, message
    entry.next_attempt_at = datetime.now(UTC) + timedelta(hours=1)
    lifecycle.shipment_failed(session, shipment.id, message)
    session.flush()
    return shipment.id, entry.id


def queue_stock_row(session: Session, account: MarketplaceAccount, offer_id: str, amount: int,
                    *, state: str = "queued", process_status_id: str | None = None):
    """A stock push as services.stock queues it, left in ``state`` by the sender."""
    from haydigo_desk.domain.outbox_payloads import StockPayload
    from haydigo_desk.services.outbox_writer import enqueue

    entry = enqueue(session, account.id, StockPayload(offer_id, amount))
    entry.state, entry.process_status_id = state, process_status_id
    session.flush()
    return entry
