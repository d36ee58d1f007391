"""A database from before pick-list rules upgrades with its lists kept: the sync's open lists
become the default list (the sync keeps filling the open one), the others were made by hand;
rules can be stored and a list keeps its rule's name when the rule goes."""

from __future__ import annotations

from sqlalchemy import text
from support.old_schema import insert_account

from haydigo_desk.persistence import migrate
from haydigo_desk.persistence.db import create_db_engine


def test_old_pick_lists_get_an_origin_and_rules_can_be_kept(database_url):
    engine = create_db_engine(database_url)
    migrate.upgrade(engine, "0013")
    now = "2026-11-01 12:00:00"
    with engine.begin() as c:
        insert_account(c, now)
        for list_id, code, by in ((1, "PL-000001", "sync"), (2, "PL-000002", "Anna")):
            c.execute(text(
                "INSERT INTO pick_lists (id, code, status, account_id, created_by, created_at) "
                "VALUES (:id, :code, 'open', 1, :by, :t)"), {"id": list_id, "code": code,
                                                              "by": by, "t": now})
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.begin() as c:
        lists = c.execute(text("SELECT code, created_by, origin, rule_id, rule_name "
                               "FROM pick_lists ORDER BY id")).all()
        assert [tuple(row) for row in lists] == [("PL-000001", "sync", "default", None, None),
                                                 ("PL-000002", "Anna", "hand", None, None)]
        c.execute(text(
            "INSERT INTO pick_list_rules (id, account_id, position, name, due, countries, "
            "carrier, singles_only, max_orders, created_at) VALUES (1, 1, 0, 'Singles', 'any', "
            "'[\"NL\"]', 'via_bol', true, 30, :t)"), {"t": now})
        c.execute(text("UPDATE pick_lists SET origin = 'rule', rule_id = 1, "
                       "rule_name = 'Singles' WHERE id = 2"))
    with engine.begin() as c:
        c.execute(text("DELETE FROM pick_list_rules WHERE id = 1"))
    with engine.connect() as c:
        kept = c.execute(text("SELECT origin, rule_id, rule_name FROM pick_lists "
                              "WHERE id = 2")).one()
    engine.dispose()
    assert tuple(kept) == ("rule", None, "Singles")
