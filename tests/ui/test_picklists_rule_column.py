"""The Pick lists section says which rule made each list: the "Rule" column (sortable) and
the list's detail; the default list reads "Other orders", a list made by hand "By hand", and
a list keeps its rule's name after the rule is deleted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from support.factories import make_account, make_order, make_products

from haydigo_desk.config import AppPaths, DeskSettings, SettingsStore
from haydigo_desk.context import DeskContext
from haydigo_desk.persistence.database import open_database
from haydigo_desk.services import picklists
from haydigo_desk.services.picklist_rule_settings import (
    AccountRules,
    RuleDraft,
    save_rule_sets,
)
from haydigo_desk.ui.picklists_model import COL_CODE, COL_RULE
from haydigo_desk.ui.picklists_view import ALL, PickListsSection
from haydigo_desk.ui.sync_controller import SyncController


@pytest.fixture
def section(qtbot, sqlite_url):
    database = open_database(sqlite_url)
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 2)
        single = make_order(uow.session, account, "SINGLE", [(products[0], 1)])
        double = make_order(uow.session, account, "DOUBLE", [(products[0], 2)])
        hand = make_order(uow.session, account, "HAND", [(products[1], 1)])
        uow.commit()
        account_id, ids = account.id, (single.id, double.id, hand.id)
    rules = AccountRules(account_id, "bol NL", [RuleDraft("Singles", singles_only=True)])
    save_rule_sets(database, [rules])
    with database.unit_of_work() as uow:
        picklists.place_new_orders(uow.session, account_id, list(ids[:2]))
        picklists.create_pick_list(uow.session, [ids[2]], "Mara")
        uow.commit()
    rules.rules = []  # the rule goes; its list keeps saying it
    save_rule_sets(database, [rules])
    context = DeskContext(database, AppPaths.current(), SettingsStore(), DeskSettings())
    widget = PickListsSection(context, SyncController())
    qtbot.addWidget(widget)
    widget.show()
    widget.set_status_filter(ALL)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 3, timeout=5000)
    yield widget
    qtbot.waitUntil(lambda: not widget.tasks.busy, timeout=5000)
    widget.tasks.shutdown()
    database.dispose()


def _column(section) -> dict[str, str]:
    model = section.model
    return {model.index(r, COL_CODE).data(): model.index(r, COL_RULE).data()
            for r in range(model.rowCount())}


def test_each_list_shows_the_rule_that_made_it(qtbot, section, qtmodeltester):
    assert section.model.headerData(COL_RULE, Qt.Orientation.Horizontal) == "Rule"
    assert _column(section) == {"PL-000001": "Singles", "PL-000002": "Other orders",
                                "PL-000003": "By hand"}
    section.table.horizontalHeader().setSortIndicator(COL_RULE, Qt.SortOrder.AscendingOrder)
    assert [section.model.index(r, COL_RULE).data() for r in range(3)] == [
        "By hand", "Other orders", "Singles"]
    qtmodeltester.check(section.model, force_py=True)


def test_the_detail_names_the_rule(qtbot, section):
    row = next(r for r in range(3) if section.model.index(r, COL_CODE).data() == "PL-000001")
    section.table.selectRow(row)
    qtbot.waitUntil(lambda: section.detail_title.text().startswith("PL-000001"), timeout=5000)
    assert section.detail_title.text().endswith("Rule: Singles")
