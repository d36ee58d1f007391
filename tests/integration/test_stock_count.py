"""Stock count import on both databases: preview changes nothing, apply queues the pushes."""

import pytest
from sqlalchemy import select
from support.factories import ean13, make_account, make_products

from haydigo_desk.domain.states import OutboxState
from haydigo_desk.persistence.models import OutboxEntry, Product, StockMovement
from haydigo_desk.services.stock_count import CountProblemKind
from haydigo_desk.services.stock_tools import (
    StockCountError,
    apply_stock_count,
    preview_stock_count,
)


@pytest.fixture
def shop(database):
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 5, on_hand=10)
        uow.commit()
        return account.product_list_id, [p.id for p in products]


def _stock(database):
    with database.unit_of_work() as uow:
        return {p.sku: p.on_hand for p in uow.session.scalars(select(Product))}


def _queued(database):
    with database.unit_of_work() as uow:
        rows = uow.session.scalars(
            select(OutboxEntry).where(OutboxEntry.state == OutboxState.QUEUED)
        ).all()
        return sorted((r.payload["offer_id"], r.payload["amount"]) for r in rows)


MIXED = "\n".join([
    "EAN;SKU;Aantal",
    f"{ean13(1)};;7",           # good: 10 -> 7
    ";SKU-00002;10",           # good, unchanged
    "8712345678900;;4",         # bad check digit
    f"{ean13(99999)};;4",       # valid EAN, unknown
    f"{ean13(3)};;vier",        # bad quantity
    f"{ean13(4)};;2",           # duplicate of the next line
    f"{ean13(4)};;3",
    ";SKU-00005;12",            # good: 10 -> 12
])


def test_preview_reports_every_bad_line_and_changes_nothing(database, shop):
    list_id, _ = shop
    with database.unit_of_work() as uow:
        preview = preview_stock_count(uow.session, list_id, MIXED)
        uow.commit()
    assert [(m.sku, m.current_on_hand, m.counted) for m in preview.matches] == [
        ("SKU-00001", 10, 7), ("SKU-00002", 10, 10), ("SKU-00005", 10, 12),
    ]
    assert [(p.line_no, p.kind) for p in preview.problems] == [
        (4, CountProblemKind.INVALID_EAN), (5, CountProblemKind.UNKNOWN_CODE),
        (6, CountProblemKind.BAD_QUANTITY), (7, CountProblemKind.DUPLICATE),
        (8, CountProblemKind.DUPLICATE),
    ]
    assert preview.problems[2].value == "vier" and preview.problems[3].value == "8"
    assert [m.sku for m in preview.changes] == ["SKU-00001", "SKU-00005"]
    assert set(_stock(database).values()) == {10}
    assert _queued(database) == []


def test_apply_with_errors_is_refused_unless_only_valid_rows(database, shop):
    list_id, _ = shop
    with database.unit_of_work() as uow:
        preview = preview_stock_count(uow.session, list_id, MIXED)
        with pytest.raises(StockCountError, match="5 problem line"):
            apply_stock_count(uow.session, preview, "count week 48", "Mara")
        uow.commit()
    assert set(_stock(database).values()) == {10}

    with database.unit_of_work() as uow:
        result = apply_stock_count(
            uow.session, preview, "count week 48", "Mara", only_valid_rows=True
        )
        uow.commit()
    assert (result.changed, result.unchanged, result.skipped_lines) == (2, 1, 5)
    stock_now = _stock(database)
    assert stock_now["SKU-00001"] == 7 and stock_now["SKU-00005"] == 12
    assert stock_now["SKU-00004"] == 10  # the duplicated product is left alone
    assert _queued(database) == [("offer-1", 7), ("offer-5", 12)]
    with database.unit_of_work() as uow:
        moves = uow.session.scalars(select(StockMovement)).all()
        assert {(m.channel, m.reason, m.user_name) for m in moves} == {
            ("stock count", "count week 48", "Mara")
        }


def test_a_clean_comma_file_applies_and_needs_a_reason(database, shop):
    list_id, _ = shop
    text = "\ufeffsku,quantity\r\nSKU-00001,0\r\n\"SKU-00002\",25\r\n"
    with database.unit_of_work() as uow:
        preview = preview_stock_count(uow.session, list_id, text)
        assert not preview.has_errors
        with pytest.raises(StockCountError, match="reason"):
            apply_stock_count(uow.session, preview, "  ", "Mara")
        apply_stock_count(uow.session, preview, "yearly count", "Mara")
        uow.commit()
    assert _stock(database)["SKU-00001"] == 0 and _stock(database)["SKU-00002"] == 25
    assert _queued(database) == [("offer-1", 0), ("offer-2", 25)]
