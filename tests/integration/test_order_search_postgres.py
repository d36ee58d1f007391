"""Order search on PostgreSQL decides its own plan (``services.order_search_postgres``): a
term found in few orders is looked up by id with an exact count; a broad one is tested order
by order along the sort and its count says "at least". Either way the page holds exactly the
orders a plain "contains" finds, newest first. The limits are made small here so that a few
orders are "broad"; the paths are the same at 10,000."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from support.factories import make_account, make_order, make_products

from haydigo_desk.persistence.models import Order
from haydigo_desk.services import order_search_postgres
from haydigo_desk.services.order_queries import (
    OrderQuery,
    count_matching,
    count_orders,
    list_orders,
)

pytestmark = pytest.mark.postgres

NAMES = ["Jan van Dijk", "Femke de Vries", "Bram Vos", "Sanne van der Berg"]
BASE = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def shop(postgres_url):
    from haydigo_desk.persistence.database import open_database

    database = open_database(postgres_url)
    with database.unit_of_work() as uow:
        session = uow.session
        account = make_account(session)
        products = make_products(session, account, 3)  # SKU-00000 ... SKU-00002
        for i in range(24):
            order = make_order(session, account, f"C{i:08d}X", [(products[i % 3], 1)],
                               status="new" if i % 2 else "shipped",
                               placed_at=BASE + timedelta(hours=(i * 7) % 24))
            order.customer_name = NAMES[i % len(NAMES)]
        uow.commit()
    yield database
    database.dispose()


def _expected(database, term: str, status: str = "all") -> list[str]:
    """The orders a plain "contains" finds, in the screen's order (newest first, then id)."""
    term = term.casefold()
    with database.unit_of_work() as uow:
        orders = [o for o in uow.session.query(Order)
                  if (status == "all" or o.status == status)
                  and (term in o.bol_order_id.casefold() or term in o.customer_name.casefold()
                       or any(term in line.sku.casefold() for line in o.lines))]
        orders.sort(key=lambda o: (o.placed_at, o.id), reverse=True)
        return [o.bol_order_id for o in orders]


def _screen(database, term: str, status: str = "all"):
    """The count and the first page, in one transaction, as the Orders screen asks."""
    query = OrderQuery(search=term, status=status)
    with database.unit_of_work() as uow:
        counted = count_matching(uow.session, query)
        page = [row.bol_order_id for row in list_orders(uow.session, query, limit=500)]
        exact = count_orders(uow.session, query)
    return counted, page, exact


@pytest.fixture
def small_limits(monkeypatch):
    monkeypatch.setattr(order_search_postgres, "SEARCH_COUNT_LIMIT", 5)
    monkeypatch.setattr(order_search_postgres, "FILTERED_COUNT_LIMIT", 3)


@pytest.mark.parametrize("term", ["van", "SKU-0000", "sku-00001"])
def test_a_broad_term_pages_the_matching_orders_and_counts_at_least(shop, small_limits,
                                                                    term):
    expected = _expected(shop, term)
    assert len(expected) >= 5  # broad at these limits: by name, by SKU
    counted, page, exact = _screen(shop, term)
    assert page == expected
    assert (counted.count, counted.at_least) == (5, True)
    assert exact == len(expected)  # count_orders (the Today counts, the CLI) stays exact


def test_a_broad_term_within_a_status_counts_up_to_the_filtered_limit(shop, small_limits):
    expected = _expected(shop, "van", status="new")
    counted, page, exact = _screen(shop, "van", status="new")
    assert page == expected and exact == len(expected) >= 3
    assert (counted.count, counted.at_least) == (3, True)


@pytest.mark.parametrize("term", ["C00000012", "c0000002", "zzz"])
def test_a_term_in_few_orders_is_counted_exactly(shop, small_limits, term):
    expected = _expected(shop, term)
    assert len(expected) < 5
    counted, page, exact = _screen(shop, term)
    assert page == expected
    assert (counted.count, counted.at_least) == (len(expected), False) and exact == len(expected)


def test_with_the_real_limits_every_count_is_exact_here(shop):
    for term in ("van", "SKU-0000", "vos"):
        counted, page, _exact = _screen(shop, term)
        assert page == _expected(shop, term)
        assert (counted.count, counted.at_least) == (len(page), False)
