"""Every stored time is an aware UTC instant, on SQLite and PostgreSQL alike.

SQLite keeps no zone (it handed back naive values and stored an aware +01:00 time as its wall
clock digits, an hour off); PostgreSQL answers in the session's zone. One column type makes both
the same; these tests hold it to that, through the product's own models and its sync.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import DateTime, select, text
from sqlalchemy.exc import StatementError
from sqlalchemy.types import TypeDecorator
from support.sync_setup import sync_setup

from haydigo_desk.persistence.models import Base, Order, ProductList
from haydigo_desk.persistence.types import NaiveDatetimeError, UtcDateTime
from haydigo_desk.sync.client_factory import AccountConnection, build_client
from haydigo_desk.sync.cycle import CycleRunner

AMSTERDAM_WINTER = timezone(timedelta(hours=1))
AMSTERDAM_SUMMER = timezone(timedelta(hours=2))


def _holds_a_time_of_day(column) -> bool:
    """A DateTime column, plain or inside any TypeDecorator (Date columns are not DateTime)."""
    kind = column.type
    return isinstance(kind.impl_instance if isinstance(kind, TypeDecorator) else kind, DateTime)


def _datetime_columns():
    for table in Base.metadata.sorted_tables:
        yield from (column for column in table.columns if _holds_a_time_of_day(column))


def test_every_datetime_column_of_the_schema_uses_the_utc_type():
    columns = list(_datetime_columns())
    assert len(columns) >= 25  # the scan sees the schema's timestamps, not an empty list
    offenders = [f"{c.table.name}.{c.name}" for c in columns
                 if not isinstance(c.type, UtcDateTime)]
    assert offenders == []
    # and the type is the timezone-aware one the migrations created (timestamptz on PostgreSQL)
    assert all(c.type.impl.timezone for c in columns)


def test_the_scan_notices_a_plain_datetime_column():
    from sqlalchemy import Column, Date, MetaData, Table

    table = Table("t", MetaData(), Column("at", DateTime(timezone=True)), Column("on", Date))
    assert _holds_a_time_of_day(table.c.at) and not isinstance(table.c.at.type, UtcDateTime)
    assert not _holds_a_time_of_day(table.c.on)


def _store(database, name: str, moment: datetime) -> int:
    with database.unit_of_work() as uow:
        row = ProductList(name=name, created_at=moment)
        uow.session.add(row)
        uow.commit()
        return row.id


def _read(database, row_id: int) -> datetime:
    with database.unit_of_work() as uow:
        return uow.session.get(ProductList, row_id).created_at


@pytest.mark.parametrize("zone", [AMSTERDAM_WINTER, AMSTERDAM_SUMMER, UTC])
def test_an_aware_time_comes_back_as_the_same_instant_in_utc(database, zone):
    placed = datetime(2026, 1, 15, 10, 30, 5, 123000, tzinfo=zone)
    row_id = _store(database, "winkel", placed)
    back = _read(database, row_id)
    assert back == placed  # the same instant
    assert back.tzinfo is UTC and back.utcoffset() == timedelta(0)
    assert back.replace(tzinfo=None) == placed.astimezone(UTC).replace(tzinfo=None)


def test_the_database_holds_the_utc_digits_and_queries_compare_instants(database):
    placed = datetime(2026, 1, 15, 10, 30, tzinfo=AMSTERDAM_WINTER)  # 09:30 UTC
    row_id = _store(database, "winkel", placed)
    with database.unit_of_work() as uow:
        if database.engine.dialect.name == "sqlite":
            raw = uow.session.execute(text("SELECT created_at FROM product_lists")).scalar()
            assert raw.startswith("2026-01-15 09:30:00")
        else:
            raw = uow.session.execute(
                text("SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') "
                     "FROM product_lists")).scalar()
            assert raw == "2026-01-15 09:30"
        # a bound given in another zone finds the row by its instant, not by its digits
        same_instant = placed.astimezone(timezone(timedelta(hours=-5)))
        found = uow.session.scalars(
            select(ProductList.id).where(ProductList.created_at == same_instant)).all()
        assert found == [row_id]
        later = uow.session.scalars(select(ProductList.id).where(
            ProductList.created_at > datetime(2026, 1, 15, 10, 0, tzinfo=AMSTERDAM_WINTER))).all()
        assert later == [row_id]  # 09:30 UTC is after 09:00 UTC


@pytest.mark.postgres
def test_postgresql_in_another_session_zone_still_reads_utc(postgres_url):
    from haydigo_desk.persistence.database import open_database

    database = open_database(postgres_url)
    try:
        row_id = _store(database, "winkel", datetime(2026, 7, 1, 14, 0, tzinfo=AMSTERDAM_SUMMER))
        with database.unit_of_work() as uow:
            uow.session.execute(text("SET TIME ZONE 'America/New_York'"))
            back = uow.session.get(ProductList, row_id).created_at
        assert back == datetime(2026, 7, 1, 12, 0, tzinfo=UTC) and back.tzinfo is UTC
    finally:
        database.dispose()


def test_a_naive_time_is_refused_and_nothing_is_stored(database):
    with pytest.raises(StatementError) as raised, database.unit_of_work() as uow:
        uow.session.add(ProductList(name="winkel", created_at=datetime(2026, 1, 15, 10, 30)))
        uow.commit()
    assert isinstance(raised.value.orig, NaiveDatetimeError)
    assert "naive datetime 2026-01-15T10:30:00" in str(raised.value.orig)
    with database.unit_of_work() as uow:
        assert uow.session.scalars(select(ProductList)).all() == []
        with pytest.raises(StatementError, match="naive"):  # in a query too: no silent guess
            uow.session.scalars(select(ProductList).where(
                ProductList.created_at < datetime(2026, 1, 1))).all()


@pytest.fixture
def sandbox_setup(database_url):
    setup = sync_setup(database_url, open_orders=6)
    yield setup
    setup.sandbox.stop()
    setup.database.dispose()


@pytest.mark.asyncio
async def test_an_order_from_the_sandbox_keeps_its_placed_time_as_the_same_instant(
    sandbox_setup,
):
    setup = sandbox_setup
    with setup.database.unit_of_work() as uow:
        from haydigo_desk.persistence.models import MarketplaceAccount

        connection = AccountConnection.of(uow.session.get(MarketplaceAccount, setup.account_id))
    runner = CycleRunner(setup.database, build_client(connection), setup.account_id)
    report = await runner.run()
    await runner.client.aclose()
    assert report.outcome == "ok", report.message

    with setup.database.unit_of_work() as uow:
        stored = {o.bol_order_id: o.placed_at for o in uow.session.scalars(select(Order))}
    assert len(stored) == 6
    for order_id, placed_at in stored.items():
        wire = setup.sandbox.state.order_summary(order_id)["orderPlacedDateTime"]
        sent = datetime.fromisoformat(wire)
        assert sent.utcoffset() in (timedelta(hours=1), timedelta(hours=2)), wire  # bol's zone
        assert placed_at == sent, (order_id, wire, placed_at)
        assert placed_at.tzinfo is UTC


def test_a_new_migration_spells_the_column_as_a_plain_timezone_aware_datetime(sqlite_url):
    from alembic.autogenerate import produce_migrations, render_python_code
    from alembic.runtime.migration import MigrationContext

    from haydigo_desk.persistence.db import create_db_engine
    from haydigo_desk.persistence.types import render_migration_type

    engine = create_db_engine(sqlite_url)  # empty: autogenerate writes the whole schema
    with engine.connect() as connection:
        operations = produce_migrations(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    code = render_python_code(operations.upgrade_ops, render_item=render_migration_type)
    assert "sa.Column('placed_at', sa.DateTime(timezone=True)" in code
    assert "UtcDateTime" not in code and "haydigo_desk" not in code
