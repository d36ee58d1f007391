"""The sync applies the account's pick-list rules to the orders it imports, over the sandbox
(real HTTP) on SQLite and PostgreSQL: singles via bol, a country, due today by the cut-off,
each on its own rule's lists with at most N orders a list across two cycles; an order no
rule takes lands on the default list."""

from __future__ import annotations

from datetime import timedelta

import pytest
import pytest_asyncio
from sqlalchemy import select
from support.sync_setup import sync_setup
from support.timezones import workstation_zone

from haydigo_desk.persistence.models import MarketplaceAccount, Order, PickList, PickListOrder
from haydigo_desk.services.picklist_rule_settings import (
    AccountRules,
    RuleDraft,
    save_rule_sets,
)
from haydigo_desk.sync.client_factory import AccountConnection, build_client
from haydigo_desk.sync.cycle import CycleRunner

RULES = [RuleDraft("Singles via bol", carrier="via_bol", singles_only=True, max_orders=2),
         RuleDraft("België", countries="BE", max_orders=3),
         RuleDraft("Vandaag", due="today", carrier="own_carrier", max_orders=2)]
SIZES = {rule.name: rule.max_orders for rule in RULES} | {None: 50}


@pytest.fixture
def setup(database_url):
    s = sync_setup(database_url, open_orders=0)
    with s.database.unit_of_work() as uow:
        uow.session.get(MarketplaceAccount, s.account_id).shipping_mode = "per_order"
        uow.commit()
    save_rule_sets(s.database, [AccountRules(s.account_id, "bol NL",
                                             [RuleDraft(**vars(r)) for r in RULES])])
    yield s
    s.sandbox.stop()
    s.database.dispose()


@pytest_asyncio.fixture
async def runner(setup):
    with setup.database.unit_of_work() as uow:
        connection = AccountConnection.of(uow.session.get(MarketplaceAccount, setup.account_id))
    runner = CycleRunner(setup.database, build_client(connection), setup.account_id)
    yield runner
    await runner.client.aclose()


def _place(state, country: str, via_bol: bool, units: int, due_today: bool) -> str:
    """An order of one line placed in the sandbox now, as bol.com would send it."""
    [order_id] = state.add_orders(1, country=country, lines=1)
    with state._lock:
        order = state._orders[order_id]
        [item] = order.items
        item.offer.open_quantity += units - item.quantity
        item.offer.ordered_since_stock_update += units - item.quantity
        item.quantity = units
        item.distribution_party = "BOL" if via_bol else "RETAILER"
        item.exact_delivery = False
        # Today: a deadline of today (due on any working day); later: well after tomorrow.
        item.latest_delivery = order.placed_at + (timedelta(0) if due_today
                                                  else timedelta(days=6))
    return order_id


# (country, via bol, units, due today) -> the rule that takes it (None: the default list)
KINDS = [
    (("NL", True, 1, False), "Singles via bol"),
    (("BE", True, 1, True), "Singles via bol"),  # the first rule wins over België
    (("BE", False, 3, False), "België"),
    (("BE", True, 2, True), "België"),
    (("NL", False, 2, True), "Vandaag"),
    (("DE", False, 1, True), "Vandaag"),
    (("NL", True, 2, True), None),  # due today but via bol and two units
    (("NL", False, 1, False), None),  # own carrier, not due, NL
]


def _place_round(state, copies: int) -> dict[str, str | None]:
    expected = {}
    for _ in range(copies):
        for facts, rule in KINDS:
            expected[_place(state, *facts)] = rule
    return expected


def _lists(setup) -> dict[str | None, list[set[str]]]:
    """Per rule name (None: the default list), its lists' orders, oldest list first."""
    with setup.database.unit_of_work() as uow:
        rows = uow.session.execute(
            select(PickList.id, PickList.origin, PickList.rule_name, Order.bol_order_id)
            .join(PickListOrder, PickListOrder.pick_list_id == PickList.id)
            .join(Order, Order.id == PickListOrder.order_id).order_by(PickList.id)).all()
    per_list: dict[int, tuple[str | None, set[str]]] = {}
    for list_id, origin, rule_name, bol_id in rows:
        assert (origin == "default") == (rule_name is None)
        per_list.setdefault(list_id, (rule_name, set()))[1].add(bol_id)
    grouped: dict[str | None, list[set[str]]] = {}
    for rule_name, orders in per_list.values():
        grouped.setdefault(rule_name, []).append(orders)
    return grouped


def _check(setup, expected: dict[str, str | None]) -> None:
    lists = _lists(setup)
    for rule in SIZES:
        mine = {bol_id for bol_id, r in expected.items() if r == rule}
        placed = lists.get(rule, [])
        assert set().union(*placed) == mine, rule
        assert sum(len(orders) for orders in placed) == len(mine)  # each order once
        size = SIZES[rule]
        # Full lists first, the open one last: N holds across cycles.
        assert [len(o) for o in placed] == [min(size, len(mine) - i)
                                            for i in range(0, len(mine), size)], rule


@pytest.mark.asyncio
async def test_the_sync_puts_orders_on_the_lists_their_rules_say(setup, runner):
    state = setup.sandbox.state
    with workstation_zone("Europe/Amsterdam"):
        expected = _place_round(state, 1)
        report = await runner.run()
        assert report.outcome == "ok", report.message
        assert report.orders_new == len(KINDS)
        _check(setup, expected)
        # A second cycle fills the open lists of each rule up to N, then starts new ones.
        expected |= _place_round(state, 2)
        report = await runner.run()
        assert report.outcome == "ok", report.message
        assert report.orders_new == 2 * len(KINDS)
        _check(setup, expected)
    assert len(_lists(setup)["Singles via bol"]) == 3  # 2 + 2 + 2 orders
