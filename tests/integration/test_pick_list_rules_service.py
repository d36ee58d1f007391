"""Pick-list rules over a real database (SQLite and PostgreSQL): saved and read back in the
manager's order with their ids kept, a refused set writes nothing, new orders land on their
rule's lists (at most N a list, the rest on the default list), Ctrl+T groups by rule, a list
made by hand has no rule, and a list keeps its rule's name when the rule is deleted."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import select
from support.factories import make_account, make_order, make_products
from support.timezones import workstation_zone

from haydigo_desk.domain.pick_list_rules import RuleProblem, RuleSetError
from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.models import PickList, PickListRule
from haydigo_desk.services.picklist_rule_settings import (
    AccountRules,
    RuleDraft,
    load_rule_sets,
    save_rule_sets,
)
from haydigo_desk.services.picklists import (
    create_pick_list,
    list_pick_lists,
    make_today_pick_lists,
    pick_list_detail,
    place_new_orders,
)
from haydigo_desk.services.print_documents import pick_list_document

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)  # 11:00 in Amsterdam, before the cut-off
TODAY_DEADLINE, LATER_DEADLINE = date(2026, 12, 3), date(2026, 12, 8)


@pytest.fixture
def database(database_url):
    db = open_database(database_url)
    with db.unit_of_work() as uow:
        account = make_account(uow.session)
        account.cutoff_time = time(15, 0)
        account.shipping_mode = "per_order"  # via bol where bol.com says so
        make_account(uow.session, "bol BE", client_id="client-2")
        uow.commit()
    yield db
    db.dispose()


def _account_id(db, name="bol NL") -> int:
    return next(s.account_id for s in load_rule_sets(db) if s.account_name == name)


RULES = [RuleDraft("Singles via bol", carrier="via_bol", singles_only=True, max_orders=2),
         RuleDraft("Belgium today", due="today", countries="be", max_orders=3),
         RuleDraft("Today", due="today", max_orders=2)]


def _save(db, rules, name="bol NL") -> AccountRules:
    rule_set = AccountRules(_account_id(db, name), name, rules)
    save_rule_sets(db, [rule_set])
    return rule_set


def test_rules_are_saved_in_order_and_keep_their_ids(database):
    rule_set = _save(database, [RuleDraft(**vars(r)) for r in RULES])
    ids = [draft.id for draft in rule_set.rules]
    assert all(ids)
    [nl, be] = sorted(load_rule_sets(database), key=lambda s: s.account_name != "bol NL")
    assert [(r.name, r.due, r.countries, r.carrier, r.singles_only, r.max_orders, r.id)
            for r in nl.rules] == [
        ("Singles via bol", "any", "", "via_bol", True, 2, ids[0]),
        ("Belgium today", "today", "BE", "any", False, 3, ids[1]),
        ("Today", "today", "", "any", False, 2, ids[2])]
    assert be.rules == []
    # Reorder, rename, delete one: the others keep their ids.
    first, second, _deleted = nl.rules
    second.name = "België vandaag"
    nl.rules = [second, first]
    save_rule_sets(database, [nl])
    [again] = [s for s in load_rule_sets(database) if s.account_name == "bol NL"]
    assert [(r.name, r.id) for r in again.rules] == [("België vandaag", ids[1]),
                                                     ("Singles via bol", ids[0])]


def test_an_overlapping_set_is_refused_and_nothing_is_written(database):
    _save(database, [RuleDraft("Today", due="today")])
    account_id = _account_id(database)
    with pytest.raises(RuleSetError) as caught:
        save_rule_sets(database, [AccountRules(account_id, "bol NL", [
            RuleDraft("Belgium", countries="BE"), RuleDraft("Belgium again", countries="be")])])
    assert caught.value.problem is RuleProblem.DUPLICATE
    assert "“Belgium again” has the same criteria as “Belgium”" in str(caught.value)
    [kept] = [s for s in load_rule_sets(database) if s.account_name == "bol NL"]
    assert [r.name for r in kept.rules] == ["Today"]


def _orders(db, specs) -> dict[str, int]:
    """specs: bol id -> (country, via bol, units, deadline); all on account "bol NL"."""
    with db.unit_of_work() as uow:
        from haydigo_desk.persistence.models import MarketplaceAccount

        account = uow.session.scalars(select(MarketplaceAccount)
                                      .where(MarketplaceAccount.name == "bol NL")).one()
        products = make_products(uow.session, account, 2, on_hand=50)
        ids = {}
        for bol_id, (country, via_bol, units, deadline) in specs.items():
            order = make_order(uow.session, account, bol_id, [(products[0], units)],
                               country=country)
            order.via_bol, order.deadline_date = via_bol, deadline
            uow.session.flush()
            ids[bol_id] = order.id
        uow.commit()
    return ids


def _lists(db) -> dict[str, tuple[str, str | None, list[str]]]:
    """code -> (origin, rule name, bol order ids)."""
    with db.unit_of_work() as uow:
        return {s.code: (s.origin, s.rule_name,
                         [o.bol_order_id for o in pick_list_detail(uow.session, s.id).orders])
                for s in sorted(list_pick_lists(uow.session), key=lambda s: s.code)}


def test_new_orders_land_on_their_rules_lists_with_n_respected(database):
    _save(database, [RuleDraft(**vars(r)) for r in RULES])
    ids = _orders(database, {
        "S1": ("NL", True, 1, LATER_DEADLINE), "S2": ("BE", True, 1, TODAY_DEADLINE),
        "S3": ("NL", True, 1, None),  # singles via bol: 2 a list, so S3 starts a second
        "B1": ("BE", False, 2, TODAY_DEADLINE), "T1": ("NL", False, 3, TODAY_DEADLINE),
        "M1": ("NL", True, 2, LATER_DEADLINE),  # via bol but two units, not due: default
        "O1": ("DE", False, 1, LATER_DEADLINE)})
    account_id = _account_id(database)
    with workstation_zone("Europe/Amsterdam"), database.unit_of_work() as uow:
        first = place_new_orders(uow.session, account_id, [ids[k] for k in ("S1", "S2", "B1")],
                                 NOW)
        uow.commit()
    assert len(first) == 2
    with workstation_zone("Europe/Amsterdam"), database.unit_of_work() as uow:
        place_new_orders(uow.session, account_id,
                         [ids[k] for k in ("S3", "T1", "M1", "O1", "S1")], NOW)
        uow.commit()
    assert _lists(database) == {
        "PL-000001": ("rule", "Singles via bol", ["S1", "S2"]),
        "PL-000002": ("rule", "Belgium today", ["B1"]),
        "PL-000003": ("rule", "Singles via bol", ["S3"]),
        "PL-000004": ("rule", "Today", ["T1"]),
        "PL-000005": ("default", None, ["M1", "O1"])}
    with database.unit_of_work() as uow:  # the printed list says its rule too
        printed = [pick_list_document(uow.session, s.id)
                   for s in sorted(list_pick_lists(uow.session), key=lambda s: s.code)]
    assert [(d.origin, d.rule_name) for d in printed] == [
        ("rule", "Singles via bol"), ("rule", "Belgium today"), ("rule", "Singles via bol"),
        ("rule", "Today"), ("default", None)]


def test_own_carrier_accounts_never_match_a_via_bol_rule(database):
    _save(database, [RuleDraft("Via bol", carrier="via_bol"),
                     RuleDraft("Own", carrier="own_carrier")])
    with database.unit_of_work() as uow:
        from haydigo_desk.persistence.models import MarketplaceAccount

        uow.session.scalars(select(MarketplaceAccount).where(
            MarketplaceAccount.name == "bol NL")).one().shipping_mode = "own_carrier"
        uow.commit()
    ids = _orders(database, {"X1": ("NL", True, 1, None)})  # bol.com would deliver it
    with database.unit_of_work() as uow:
        place_new_orders(uow.session, _account_id(database), [ids["X1"]], NOW)
        uow.commit()
    assert _lists(database) == {"PL-000001": ("rule", "Own", ["X1"])}


def test_ctrl_t_groups_by_rule_and_a_list_by_hand_has_none(database):
    _save(database, [RuleDraft("Singles", singles_only=True, max_orders=1)])
    ids = _orders(database, {"A": ("NL", False, 1, TODAY_DEADLINE),
                             "B": ("NL", False, 1, TODAY_DEADLINE),
                             "C": ("NL", False, 2, TODAY_DEADLINE),
                             "D": ("NL", False, 1, LATER_DEADLINE)})
    with workstation_zone("Europe/Amsterdam"), database.unit_of_work() as uow:
        made = make_today_pick_lists(uow.session, NOW, "Mara")
        by_hand = create_pick_list(uow.session, [ids["D"]], "Mara")
        uow.commit()
    assert made.orders == 3
    assert by_hand.pick_list.origin == "hand" and by_hand.pick_list.rule_name is None
    assert _lists(database) == {"PL-000001": ("rule", "Singles", ["A"]),
                                "PL-000002": ("rule", "Singles", ["B"]),
                                "PL-000003": ("default", None, ["C"]),
                                "PL-000004": ("hand", None, ["D"])}


def test_a_list_keeps_its_rules_name_after_the_rule_is_deleted(database):
    rule_set = _save(database, [RuleDraft("Singles", singles_only=True)])
    ids = _orders(database, {"A": ("NL", False, 1, None), "B": ("NL", False, 1, None)})
    account_id = _account_id(database)
    with database.unit_of_work() as uow:
        place_new_orders(uow.session, account_id, [ids["A"]], NOW)
        uow.commit()
    rule_set.rules = []
    save_rule_sets(database, [rule_set])
    with database.unit_of_work() as uow:
        place_new_orders(uow.session, account_id, [ids["B"]], NOW)
        uow.commit()
        rows = uow.session.execute(select(PickList.code, PickList.rule_id)
                                   .order_by(PickList.code)).all()
        assert uow.session.scalars(select(PickListRule)).all() == []
    assert [tuple(r) for r in rows] == [("PL-000001", None), ("PL-000002", None)]
    assert _lists(database) == {"PL-000001": ("rule", "Singles", ["A"]),
                                "PL-000002": ("default", None, ["B"])}


def test_due_today_follows_the_cutoff(database):
    """Past the account's cut-off the working day is tomorrow: what must leave then is
    "due today" for the rules, as for the Today view."""
    _save(database, [RuleDraft("Today", due="today")])
    ids = _orders(database, {"E": ("NL", False, 1, date(2026, 12, 4)),
                             "L": ("NL", False, 1, date(2026, 12, 4))})
    account_id = _account_id(database)
    after_cutoff = datetime(2026, 12, 2, 15, 30, tzinfo=UTC)  # 16:30 in Amsterdam
    with workstation_zone("Europe/Amsterdam"), database.unit_of_work() as uow:
        place_new_orders(uow.session, account_id, [ids["E"]], NOW)  # 11:00: leaves later
        place_new_orders(uow.session, account_id, [ids["L"]], after_cutoff)
        uow.commit()
    assert _lists(database) == {"PL-000001": ("default", None, ["E"]),
                                "PL-000002": ("rule", "Today", ["L"])}
