"""The use cases ui/ and cli/ call own their transactions, on SQLite and PostgreSQL: a read
commits nothing, a write commits once and the next unit of work sees it, and a refusal part-way
through writes nothing (the unit of work rolls back what the step had already changed)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import event, func, select
from support.factories import ean13, make_account, make_orders, make_products, make_staff

from haydigo_desk.domain.returns import ReturnRuleError
from haydigo_desk.persistence.models import PickList, Product, StaffMember, StockMovement
from haydigo_desk.services import (
    account_use_cases,
    order_use_cases,
    outbox_use_cases,
    picklist_use_cases,
    product_use_cases,
    return_use_cases,
    short_pick_use_cases,
    staff_use_cases,
    stock_use_cases,
    sync_log_use_cases,
)
from haydigo_desk.services.order_queries import OrderQuery
from haydigo_desk.services.product_dimensions import DimensionsApplyError
from haydigo_desk.services.stock_tools import StockToolError


@pytest.fixture
def shop(database):
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        products = make_products(uow.session, account, 6, on_hand=10)
        orders = make_orders(uow.session, account, products, 4)
        make_staff(uow.session)
        uow.commit()
        return account.product_list_id, [p.id for p in products], [o.id for o in orders]


@pytest.fixture
def commits(database) -> list[int]:
    """One entry per transaction committed on the database (a savepoint inside one is not)."""
    seen: list[int] = []
    event.listen(database.engine, "commit", lambda _connection: seen.append(1))
    return seen


def _count(database, column) -> int:
    with database.unit_of_work() as uow:
        return uow.session.scalar(select(func.count(column)))


def test_the_read_use_cases_answer_and_commit_nothing(database, shop, commits):
    list_id, _, order_ids = shop
    now = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    total, first = order_use_cases.first_page(database, OrderQuery(), 3)
    assert (total.count, total.at_least, len(first)) == (4, False, 3)
    assert len(order_use_cases.next_page(database, OrderQuery(), 3, 3)) == 1
    per_status, _due_today = order_use_cases.order_counts(database, now)
    assert per_status["all"] == 4
    assert [day.name for day in order_use_cases.account_days(database, now)] == ["bol NL"]
    assert order_use_cases.order_detail(database, order_ids[0]).id == order_ids[0]
    assert picklist_use_cases.pick_lists_and_counts(database, None)[0] == []
    assert [info.id for info in product_use_cases.product_lists(database)] == [list_id]
    assert product_use_cases.products_page(database, product_list_id=list_id, search="",
                                           offset=0, limit=4).total == 6
    count = stock_use_cases.preview_stock_count(database, list_id,
                                                f"ean;quantity\n{ean13(1)};7\n")
    assert [m.counted for m in count.matches] == [7]
    sizes = product_use_cases.preview_dimensions(database, list_id, f"ean;weight\n{ean13(2)};450\n")
    assert len(sizes.changes) == 1
    assert return_use_cases.returns_and_locations(database)[0] == []
    with pytest.raises(ReturnRuleError, match="No return matches"):
        return_use_cases.find_by_scan(database, "nothing-like-this")
    assert return_use_cases.returns_csv(database).count("\n") == 1  # the header only
    assert outbox_use_cases.list_outbox(database) == []
    assert sync_log_use_cases.last_run(database) is None
    assert sync_log_use_cases.load_log(database).runs == []
    assert short_pick_use_cases.list_queue(database) == []
    first_run, members = staff_use_cases.login_choices(database)
    assert not first_run and [m.name for m in members] == ["Mara Manager", "Pieter Picker"]
    assert staff_use_cases.find_by_badge(database, " BADGE-001 ").name == "Pieter Picker"
    assert account_use_cases.has_account(database)
    assert [a.name for a in account_use_cases.account_lines(database)] == ["bol NL"]
    assert list(account_use_cases.enabled_account_names(database).values()) == ["bol NL"]
    assert commits == []


def test_a_page_that_emptied_comes_back_as_the_first_page(database, shop):
    list_id, _, _ = shop
    page = product_use_cases.products_page(database, product_list_id=list_id, search="",
                                           offset=40, limit=4)
    assert (page.offset, len(page.rows), page.total) == (0, 4, 6)


def test_a_write_use_case_commits_once_and_the_next_unit_of_work_sees_it(database, shop,
                                                                         commits):
    list_id, _, order_ids = shop
    created = picklist_use_cases.create_pick_list(database, order_ids[:2], "Mara")
    assert len(commits) == 1
    rows, counts = picklist_use_cases.pick_lists_and_counts(database, None)
    assert [row.code for row in rows] == [created.pick_list.code]
    assert counts["open"] == 1
    received = stock_use_cases.receive(database, list_id, ean13(3), 5, "Mara")
    assert len(commits) == 2
    with database.unit_of_work() as uow:
        assert uow.session.get(Product, received.product_id).on_hand == 15


def test_a_refused_use_case_writes_nothing(database, shop, commits):
    list_id, _, _ = shop
    with pytest.raises(StockToolError):
        stock_use_cases.receive(database, list_id, "no-such-product", 1, "Mara")
    with pytest.raises(staff_use_cases.StaffExistsError):
        staff_use_cases.add_first_manager(database, "Another Manager", None)
    assert commits == []
    assert _count(database, StockMovement.id) == 0
    assert _count(database, StaffMember.id) == 2
    assert _count(database, PickList.id) == 0


def test_an_import_refused_half_way_keeps_none_of_its_lines(database, shop):
    # Line 1 is written in the session, line 2's product left the list meanwhile: the refusal
    # rolls line 1 back with it, so the file is imported whole or not at all.
    list_id, product_ids, _ = shop
    preview = product_use_cases.preview_dimensions(
        database, list_id, f"ean;weight\n{ean13(1)};450\n{ean13(2)};900\n")
    assert len(preview.changes) == 2
    with database.unit_of_work() as uow:
        other_list = make_account(uow.session, "bol BE", store_name="Other shop").product_list_id
        uow.session.get(Product, product_ids[1]).product_list_id = other_list
        uow.commit()
    with pytest.raises(DimensionsApplyError) as refused:
        product_use_cases.apply_dimensions(database, preview)
    assert refused.value.line_no == 3
    with database.unit_of_work() as uow:
        assert uow.session.get(Product, product_ids[0]).weight_g is None
