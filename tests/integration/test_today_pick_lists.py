"""What is due today, per account and its own cut-off, on SQLite and PostgreSQL: the Today
query, and pick lists of it (per account, by deadline, at most N orders a list, once)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from support.factories import make_account, make_order, make_products
from support.timezones import workstation_zone

from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.models import Order, PickList, PickListOrder
from haydigo_desk.services.order_queries import OrderQuery, OrderSortKey, list_orders
from haydigo_desk.services.picklists import make_today_pick_lists

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 12, 2, 16, 0, tzinfo=AMS)  # past NL's cut-off (15:00), before BE's (17:00)


@pytest.fixture
def database(database_url):
    db = open_database(database_url)
    with db.unit_of_work() as uow:
        products = None
        for name, cutoff, prefix in (("bol NL", time(15, 0), "NL"), ("bol BE", time(17, 0),
                                                                     "BE")):
            account = make_account(uow.session, name=name, client_id=f"client-{prefix}")
            account.cutoff_time = cutoff
            products = products or make_products(uow.session, account, 1)
            for n, deadline in enumerate((date(2026, 12, 4), date(2026, 12, 3),
                                          date(2026, 12, 3), date(2026, 12, 2),
                                          date(2026, 12, 9), None)):
                order = make_order(uow.session, account, f"{prefix}-{n}", [(products[0], 1)])
                order.deadline_date = deadline
        uow.commit()
    yield db
    db.dispose()


def _today(session) -> list[str]:
    query = OrderQuery(sort=OrderSortKey.DEADLINE, descending=False, today_at=NOW)
    return [row.bol_order_id for row in list_orders(session, query)]


def test_each_account_is_due_by_its_own_cutoff_and_lists_are_made_once(database):
    with workstation_zone("Europe/Amsterdam"), database.unit_of_work() as uow:
        # NL is past its cut-off: tomorrow's work (deadline 4 Dec) is due; BE's is not yet.
        # By deadline, then as imported.
        assert _today(uow.session) == ["NL-3", "BE-3", "NL-1", "NL-2", "BE-1", "BE-2", "NL-0"]
        seen = []
        made = make_today_pick_lists(uow.session, NOW, "Mara", max_orders=2,
                                     progress=lambda done, total: seen.append((done, total)))
        uow.commit()
    assert made.orders == 7 and made.already_on_lists == 0
    assert seen == [(2, 7), (4, 7), (6, 7), (7, 7)]  # NL's two lists, then BE's
    with database.unit_of_work() as uow:
        lists = {}
        for code, bol_id in uow.session.execute(
                select(PickList.code, Order.bol_order_id)
                .join(PickListOrder, PickListOrder.pick_list_id == PickList.id)
                .join(Order, Order.id == PickListOrder.order_id)
                .order_by(PickList.code, PickListOrder.position)):
            lists.setdefault(code, []).append(bol_id)
    assert sorted(lists.values()) == sorted([["BE-3", "BE-1"], ["BE-2"],
                                             ["NL-3", "NL-1"], ["NL-2", "NL-0"]])
    assert set(made.codes) == set(lists)
    with workstation_zone("Europe/Amsterdam"), database.unit_of_work() as uow:
        again = make_today_pick_lists(uow.session, NOW, "Mara", max_orders=2)
        uow.commit()
    assert again.codes == () and again.orders == 0 and again.already_on_lists == 7
