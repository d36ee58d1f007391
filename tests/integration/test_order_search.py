"""Order search through the index of migration 0007 finds what a plain "contains" finds, on
SQLite (FTS5 trigram) and PostgreSQL (pg_trgm), stays current as orders change, and reads the
index instead of every order."""

from __future__ import annotations

import pytest
from sqlalchemy import event, text
from support.factories import make_account, make_order, make_products
from support.old_schema import insert_account

from haydigo_desk.persistence import migrate
from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.db import create_db_engine
from haydigo_desk.persistence.models import MarketplaceAccount, Order, OrderLine
from haydigo_desk.services import order_search
from haydigo_desk.services.order_queries import OrderQuery, count_orders, list_orders

NAMES = ["Femke de Vries", "Jan Jansen", "Dieter Müller", "Anne O'Brien", 'De "Gouden" Lamp',
         "Shop a_b", "Shop axb", "100% Korting", "Zoë Janssens"]


def _seed(database) -> None:
    with database.unit_of_work() as uow:
        session = uow.session
        account = make_account(session)
        products = make_products(session, account, 5)
        products[4].ean = "12345678"  # an EAN-8 that is also part of an order id below
        for i, name in enumerate(NAMES * 3):
            order = make_order(session, account, f"C{i:08d}X", [(products[i % 4], 1)])
            order.customer_name = name
        make_order(session, account, "A12345678B", [(products[4], 2)])
        make_order(session, account, "zz-unmatched", [(None, 1)])  # named "Jan Jansen" too
        uow.commit()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql",
                                                               marks=pytest.mark.postgres)])
def shared(request, tmp_path_factory):
    """One seeded database per kind for the tests that only read (a migration costs seconds)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('search') / 'desk.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_server").create_database("haydigo_search_read")
    database = open_database(url)
    _seed(database)
    yield database
    database.dispose()


@pytest.fixture
def seeded(database):
    _seed(database)
    return database


def _reference(database, term: str) -> set[str]:
    """What the Orders screen promises, computed in Python from every order."""
    term = term.strip().casefold()
    found = set()
    with database.unit_of_work() as uow:
        for order in uow.session.query(Order):
            order_id, name = order.bol_order_id.casefold(), order.customer_name.casefold()
            if len(term) < 3:
                hit = order_id.startswith(term)
            else:
                ean_like = term.isdigit() and len(term) in (8, 12, 13, 14)
                hit = term in order_id or term in name or any(
                    line.ean == term if ean_like else term in line.sku.casefold()
                    for line in order.lines)
            if hit:
                found.add(order.bol_order_id)
    return found


def _search(database, term: str, **spec) -> tuple[set[str], int]:
    query = OrderQuery(search=term, **spec)
    with database.unit_of_work() as uow:
        rows = list_orders(uow.session, query, limit=500)
        return {row.bol_order_id for row in rows}, count_orders(uow.session, query)


TERMS = [
    "c0000001",  # part of order ids, other case
    "ULLER",  # part of a name, other case
    "müll",  # beyond ASCII
    "de vr",  # with a space
    "sku-00002",  # a SKU
    "8712345678906"[:3],  # three characters: already "contains"
    "12345678",  # EAN-8 shape: order ids and names contain it, line EANs equal it
    '"gouden"',  # FTS5 quoting is escaped
    "o'brien",
    "a_b",  # LIKE wildcards are literal
    "100%",
    "nobody here",
    "c0",  # two characters: the start of order ids only
    "ZZ",
    "00",  # contained in every C… id, but no id starts with it
    "j",
]


@pytest.mark.parametrize("term", TERMS)
def test_search_finds_what_contains_finds(shared, term):
    found, counted = _search(shared, term)
    assert found == _reference(shared, term)
    assert counted == len(found)


@pytest.mark.parametrize("term", ["jansen", "sku-0000", "12345678", "c0"])
def test_a_broad_term_finds_the_same_orders_by_the_other_plan(shared, term, monkeypatch):
    # SQLite walks the sort index for terms with many matches: make every term "broad".
    monkeypatch.setattr(order_search, "BROAD_MATCHES", 2)
    found, counted = _search(shared, term)
    assert found == _reference(shared, term) and counted == len(found)
    with shared.unit_of_work() as uow:
        page = list_orders(uow.session, OrderQuery(search=term), limit=3)
        newest = list_orders(uow.session, OrderQuery(), limit=500)
    assert [r.id for r in page] == [r.id for r in newest if r.bol_order_id in found][:3]


def test_search_by_ean_of_a_product(shared):
    with shared.unit_of_work() as uow:
        ean = uow.session.query(OrderLine.ean).filter(OrderLine.sku == "SKU-00001").first()[0]
    found, _ = _search(shared, ean)
    assert found == _reference(shared, ean) and len(found) == 7  # orders 0, 4, … 24


def test_search_combines_with_status_and_account(seeded):
    with seeded.unit_of_work() as uow:
        order = uow.session.query(Order).filter_by(bol_order_id="C00000001X").one()
        order.status = "shipped"
        account_id = order.account_id
        uow.commit()
    assert _search(seeded, "jan jansen", status="shipped") == ({"C00000001X"}, 1)
    assert _search(seeded, "jan jansen", account_id=account_id)[1] == 5
    assert _search(seeded, "jan jansen", account_id=account_id + 1) == (set(), 0)


def test_index_follows_every_change_to_orders_and_lines(seeded):
    with seeded.unit_of_work() as uow:
        session = uow.session
        femke = session.query(Order).filter_by(bol_order_id="C00000000X").one()
        femke.customer_name = "Fenna Bakker"
        jan = session.query(Order).filter_by(bol_order_id="C00000001X").one()
        jan.lines[0].sku = "RENAMED-SKU"
        dieter = session.query(Order).filter_by(bol_order_id="C00000002X").one()
        dieter.bol_order_id = "C99999999X"
        session.delete(session.query(Order).filter_by(bol_order_id="C00000003X").one())
        unmatched = session.query(Order).filter_by(bol_order_id="zz-unmatched").one()
        session.delete(unmatched.lines[0])
        ean8_product = session.query(OrderLine).filter_by(ean="12345678").first().product
        account = session.get(MarketplaceAccount, femke.account_id)
        make_order(session, account, "NEW-0001", [(ean8_product, 1)]).customer_name = (
            "Nieuwe Klant")
        uow.commit()
    assert _search(seeded, "fenna")[0] == {"C00000000X"}
    assert "C00000000X" not in _search(seeded, "femke")[0]
    assert _search(seeded, "renamed")[0] == {"C00000001X"}
    assert _search(seeded, "c99999999")[0] == {"C99999999X"}
    assert _search(seeded, "c00000002x")[0] == set()
    assert "C00000003X" not in _search(seeded, "o'brien")[0]
    assert _search(seeded, "nieuwe klant")[0] == {"NEW-0001"}
    assert _search(seeded, "SKU-00005")[0] == {"NEW-0001", "A12345678B"}
    for term in ("fenna", "renamed", "nieuwe", "sku-0000", "zz"):
        assert _search(seeded, term)[0] == _reference(seeded, term)


def _statements_of(engine, action) -> list[tuple[str, object]]:
    seen = []

    def record(_conn, _cursor, statement, parameters, _context, _many):
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return seen


@pytest.mark.parametrize("term", ["jansen", "sku-00003", "c0"])
def test_search_reads_the_index_not_every_order(shared, term):
    engine = shared.engine
    query = OrderQuery(search=term)

    def count() -> None:
        with shared.unit_of_work() as uow:
            count_orders(uow.session, query)

    statements = _statements_of(engine, count)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        if engine.dialect.name == "sqlite":
            [(statement, parameters)] = [s for s in statements if "count(" in s[0].lower()]
            cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
            plan = " | ".join(str(row[-1]) for row in cursor.fetchall())
            assert "SCAN orders" not in plan, plan
            assert "order_search" in plan or "ix_orders_bol_order_id" in plan, plan
        else:
            # The matching ids through the trigram indexes, then the orders by id: no
            # statement of the search reads a whole table.
            cursor.execute("SET enable_seqscan = off")  # tiny tables: ask whether it *can*
            plans = []
            for statement, parameters in statements:
                cursor.execute("EXPLAIN " + statement, parameters)
                plans.append(" | ".join(row[0] for row in cursor.fetchall()))
            assert not any("Seq Scan" in plan for plan in plans), plans
            assert any("_trgm" in plan for plan in plans), plans
    finally:
        raw.close()


def test_orders_of_a_0006_database_are_found_after_the_upgrade(database_url):
    engine = create_db_engine(database_url)
    migrate.upgrade(engine, "0006")
    now = "2026-11-01 12:00:00"
    with engine.begin() as c:  # plain SQL: rows as that revision held them (not the models)
        insert_account(c, now)
        c.execute(text(
            "INSERT INTO orders (id, account_id, bol_order_id, status, customer_name, company, "
            "street, house_number, house_number_extension, extra_address_information, "
            "zip_code, city, country_code, email, language, problem, created_at, updated_at) "
            "VALUES (1, 1, 'OLD-000123', 'new', 'Oude Klant', '', 'Dorpsstraat', '12', '', '', "
            "'1234AB', 'Utrecht', 'NL', '', 'nl', '', :t, :t)"), {"t": now})
        c.execute(text(
            "INSERT INTO order_lines (id, order_id, bol_order_item_id, ean, sku, title, "
            "quantity, quantity_picked, quantity_shipped, quantity_cancelled, "
            "quantity_reserved, cancellation, unmatched, fulfilment_method) VALUES "
            "(1, 1, 'OLD-000123-1', '8710000000024', 'SKU-00002', 'Lamp', 1, 0, 0, 0, 0, "
            "'none', false, 'FBR')"))
    engine.dispose()
    database = open_database(database_url)  # upgrades to head: builds the index from the rows
    try:
        assert _search(database, "oude kl") == ({"OLD-000123"}, 1)
        assert _search(database, "000123")[0] == {"OLD-000123"}
        assert _search(database, "sku-00002")[0] == {"OLD-000123"}
        assert _search(database, "ol")[0] == {"OLD-000123"}
    finally:
        database.dispose()
