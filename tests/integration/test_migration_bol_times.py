"""Old SQLite databases kept bol's order times as Amsterdam wall-clock digits; the upgrade makes
them the UTC instant bol meant, from the order's own JSON. PostgreSQL rows stay as they were."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import DateTime, column, select, table, text
from support.old_schema import insert_account

from haydigo_desk.persistence import migrate
from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.db import create_db_engine
from haydigo_desk.persistence.models import Order, OrderLine

PLACED = datetime(2026, 1, 15, 15, 5, tzinfo=timezone(timedelta(hours=1)))  # 14:05 UTC
CHANGED = datetime(2026, 7, 2, 10, 0, tzinfo=timezone(timedelta(hours=2)))  # 08:00 UTC
RAW = {"orderId": "C0042", "orderPlacedDateTime": PLACED.isoformat(),
       "orderItems": [{"orderItemId": "6107434013",
                       "latestChangedDateTime": CHANGED.isoformat()}]}

# The old column type, to write times exactly as the code before UtcDateTime did.
_old_orders = table("orders", column("id"), column("placed_at", DateTime(timezone=True)))
_old_lines = table("order_lines", column("id"), column("bol_changed_at", DateTime(timezone=True)))


def _database_at_0003_with_old_rows(url: str):
    engine = create_db_engine(url)
    migrate.upgrade(engine, "0003")
    now = "2026-11-01 12:00:00"
    with engine.begin() as c:
        insert_account(c, now)
        for order_id, bol_id, raw in ((1, "C0042", json.dumps(RAW)), (2, "HAND-1", None)):
            c.execute(text(
                "INSERT INTO orders (id, account_id, bol_order_id, status, customer_name, company, "
                "street, house_number, house_number_extension, extra_address_information, "
                "zip_code, city, country_code, email, language, problem, raw_json, created_at, "
                "updated_at) VALUES (:id, 1, :bol, 'new', 'Jan', '', 'Dorpsstraat', '12', '', '', "
                "'1234AB', 'Utrecht', 'NL', '', 'nl', '', :raw, :t, :t)"),
                {"id": order_id, "bol": bol_id, "raw": raw, "t": now})
            c.execute(_old_orders.update().where(_old_orders.c.id == order_id).values(
                placed_at=PLACED))
        c.execute(text(
            "INSERT INTO order_lines (id, order_id, bol_order_item_id, ean, sku, title, quantity, "
            "quantity_picked, quantity_shipped, quantity_cancelled, quantity_reserved, "
            "cancellation_requested, unmatched, fulfilment_method) VALUES "
            "(1, 1, '6107434013', '8712345678906', 'SKU-1', 'Lamp', 1, 0, 0, 0, 0, false, false, "
            "'FBR')"))
        c.execute(_old_lines.update().where(_old_lines.c.id == 1).values(bol_changed_at=CHANGED))
    return engine


def test_old_sqlite_rows_are_shifted_to_utc_from_bols_own_json(sqlite_url):
    engine = _database_at_0003_with_old_rows(sqlite_url)
    with engine.connect() as c:  # the bug being repaired: Amsterdam digits, no zone
        assert c.execute(text("SELECT placed_at FROM orders WHERE id = 1")).scalar().startswith(
            "2026-01-15 15:05:00")
    migrate.upgrade(engine)
    engine.dispose()
    database = open_database(sqlite_url)
    with database.unit_of_work() as uow:
        placed = dict(uow.session.execute(select(Order.bol_order_id, Order.placed_at)).all())
        changed = uow.session.scalar(select(OrderLine.bol_changed_at))
    database.dispose()
    assert placed["C0042"] == PLACED and placed["C0042"].tzinfo is UTC
    assert changed == CHANGED
    # without bol's JSON the origin of a time is unknown: it is left as it was
    assert placed["HAND-1"] == datetime(2026, 1, 15, 15, 5, tzinfo=UTC)


@pytest.mark.postgres
def test_postgresql_rows_already_held_the_instant_and_are_left_alone(postgres_url):
    engine = _database_at_0003_with_old_rows(postgres_url)
    migrate.upgrade(engine)
    engine.dispose()
    database = open_database(postgres_url)
    with database.unit_of_work() as uow:
        placed = set(uow.session.scalars(select(Order.placed_at)))
        changed = uow.session.scalar(select(OrderLine.bol_changed_at))
    database.dispose()
    assert placed == {PLACED} and changed == CHANGED
