# ruff: noqa: E501 - literal SQL rows read best on one line each
"""The migrations build exactly the models' schema, and old databases upgrade with nothing lost."""

from datetime import UTC, datetime

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from support.old_schema import insert_account

from haydigo_desk.persistence import migrate
from haydigo_desk.persistence.db import create_db_engine
from haydigo_desk.persistence.models import Base
from haydigo_desk.persistence.search_index import include_object


def test_migrated_schema_equals_the_models(database_url):
    engine = create_db_engine(database_url)
    migrate.upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True,
                                                              "include_object": include_object})
        drift = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert drift == []


def test_first_revision_database_with_rows_upgrades_to_head(database_url):
    engine = create_db_engine(database_url)
    first = migrate.revisions_oldest_first()[0]
    migrate.upgrade(engine, first)
    now = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    with engine.begin() as c:
        insert_account(c, now, excluded_countries='["DE"]')
        c.execute(text(
            "INSERT INTO products (id, product_list_id, sku, ean, title, on_hand, reserved, "
            "on_hold, created_at, updated_at) VALUES (1, 1, 'SKU-1', '8712345678906', 'Lamp', 7, 2, "
            "false, :t, :t)"), {"t": now})
        c.execute(text(
            "INSERT INTO orders (id, account_id, bol_order_id, status, customer_name, company, "
            "street, house_number, house_number_extension, extra_address_information, zip_code, "
            "city, country_code, email, language, problem, created_at, updated_at) VALUES "
            "(1, 1, 'C000GUOJ8Q', 'new', 'Jan Jansen', '', 'Dorpsstraat', '12', '', '', '1234AB', "
            "'Utrecht', 'NL', '', 'nl', '', :t, :t)"), {"t": now})
        c.execute(text(
            "INSERT INTO order_lines (id, order_id, bol_order_item_id, product_id, ean, sku, title, "
            "quantity, quantity_picked, quantity_shipped, quantity_cancelled, quantity_reserved, "
            "cancellation_requested, unmatched, fulfilment_method) VALUES "
            "(1, 1, '6107434013', 1, '8712345678906', 'SKU-1', 'Lamp', 2, 0, 0, 0, 2, false, false, "
            "'FBR')"))
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.connect() as c:
        order = c.execute(text("SELECT bol_order_id, city, claimed_by FROM orders")).one()
        line = c.execute(text("SELECT bol_order_item_id, quantity, quantity_reserved "
                              "FROM order_lines")).one()
        product = c.execute(text("SELECT ean, on_hand, reserved FROM products")).one()
        countries = c.execute(text("SELECT excluded_countries FROM marketplace_accounts")).scalar()
    assert tuple(order) == ("C000GUOJ8Q", "Utrecht", None)
    assert tuple(line) == ("6107434013", 2, 2)
    assert tuple(product) == ("8712345678906", 7, 2)
    assert "DE" in str(countries)
    assert "staff" in inspect(engine).get_table_names()
    engine.dispose()


def test_upgrading_twice_is_harmless(database_url):
    engine = create_db_engine(database_url)
    migrate.upgrade(engine)
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()
