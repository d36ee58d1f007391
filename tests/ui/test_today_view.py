"""The day's work on the real widgets: deadline badges and "via bol" in Orders and Pick lists,
sorting by deadline, the Today filter (by deadline, the account's cut-off in words, tomorrow's
work after it), Ctrl+T making pick lists of everything due today with progress and no
duplicates on a second press, and the cut-off field in Settings → Accounts."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select
from support.factories import make_account, make_order, make_products
from support.timezones import workstation_zone

from haydigo_desk.config import AppPaths, SettingsStore
from haydigo_desk.context import DeskContext, StaffIdentity
from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.models import MarketplaceAccount, Order, PickList, PickListOrder
from haydigo_desk.services.account_settings import load_account_drafts, save_account_drafts
from haydigo_desk.ui.deadline_badges import BADGES_ROLE
from haydigo_desk.ui.main_window import MainWindow
from haydigo_desk.ui.orders_model import COL_DEADLINE, COL_ORDER
from haydigo_desk.ui.orders_view import TODAY, OrdersSection
from haydigo_desk.ui.picklists_model import COL_CODE
from haydigo_desk.ui.picklists_model import COL_DEADLINE as PL_DEADLINE
from haydigo_desk.ui.settings_day import CutoffField
from haydigo_desk.ui.sync_controller import SyncController

AMS = ZoneInfo("Europe/Amsterdam")
MORNING = datetime(2026, 12, 2, 10, 0, tzinfo=AMS)  # before the 15:00 cut-off
EVENING = datetime(2026, 12, 2, 16, 0, tzinfo=AMS)  # after it
# bol order id -> (deadline, expiry, via bol, status)
ORDERS = {
    "LATE-1": (date(2026, 12, 2), None, False, "new"),
    "TODAY-BOL": (date(2026, 12, 3), None, True, "new"),
    "TODAY-EXP": (date(2026, 12, 3), date(2026, 12, 3), False, "new"),
    "TOMORROW-1": (date(2026, 12, 4), None, False, "new"),
    "LATER-1": (date(2026, 12, 8), None, False, "new"),
    "NODATE-1": (None, None, False, "new"),
    "SHIPPED-1": (date(2026, 12, 3), None, False, "shipped"),
}


@pytest.fixture
def amsterdam():
    with workstation_zone("Europe/Amsterdam"):
        yield


@pytest.fixture
def context(sqlite_url, amsterdam):
    database = open_database(sqlite_url)
    with database.unit_of_work() as uow:
        account = make_account(uow.session)
        account.cutoff_time = time(15, 0)
        products = make_products(uow.session, account, 3)
        for n, (bol_id, (deadline, expiry, via_bol, status)) in enumerate(ORDERS.items()):
            order = make_order(uow.session, account, bol_id, [(products[n % 3], 1)],
                               status=status,
                               placed_at=datetime(2026, 11, 30, 9, n, tzinfo=AMS))
            order.deadline_date, order.latest_delivery_date = deadline, deadline
            order.expiry_date, order.via_bol = expiry, via_bol
        uow.commit()
    store = SettingsStore(AppPaths.current().settings_file)
    context = DeskContext(database, AppPaths.current(), store, store.load(),
                          user=StaffIdentity(2, "Mara Manager", "manager"))
    yield context
    database.dispose()


def _section(qtbot, context, now: datetime) -> OrdersSection:
    section = OrdersSection(context, SyncController(), clock=lambda: now)
    qtbot.addWidget(section)
    section.resize(1366, 700)
    section.show()
    qtbot.waitUntil(lambda: not section.model.is_loading, timeout=5000)
    return section


def _shown(section: OrdersSection) -> list[str]:
    model = section.model
    return [model.index(r, COL_ORDER).data() for r in range(model.rowCount())]


def _badges(model, row: int) -> list[str]:
    return [kind for kind, _text in model.index(row, COL_DEADLINE).data(BADGES_ROLE)]


def test_orders_show_the_deadline_badge_and_via_bol_and_sort_by_deadline(qtbot, context):
    section = _section(qtbot, context, MORNING)
    header = section.table.horizontalHeader()
    header.setSortIndicator(COL_DEADLINE, Qt.SortOrder.AscendingOrder)  # a header click
    qtbot.waitUntil(lambda: not section.model.is_loading and _shown(section)[:1] == ["LATE-1"],
                    timeout=5000)
    assert _shown(section) == ["LATE-1", "TODAY-BOL", "TODAY-EXP", "TOMORROW-1", "LATER-1",
                               "NODATE-1"]  # new orders; no date last
    model = section.model
    assert [_badges(model, r) for r in range(6)] == [
        ["late"], ["ship_today", "via_bol"], ["expires"], ["tomorrow"], [], []]
    assert model.index(2, COL_DEADLINE).data(BADGES_ROLE)[0][1] == "Expires in 14 h"
    assert model.index(1, COL_DEADLINE).data() == "03-12"  # the year is in the tooltip
    assert model.index(1, COL_DEADLINE).data(Qt.ItemDataRole.ToolTipRole) == (
        "03-12-2026\nShip today\nvia bol")
    header.setSortIndicator(COL_DEADLINE, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: _shown(section)[:1] == ["LATER-1"], timeout=5000)
    assert _shown(section)[-1] == "NODATE-1"  # no date stays last the other way round too


def test_today_lists_what_must_leave_by_deadline_and_after_the_cutoff_tomorrows(qtbot,
                                                                                context):
    section = _section(qtbot, context, MORNING)
    section.show_today()
    qtbot.waitUntil(lambda: not section.model.is_loading
                    and section.today_note.text() != "", timeout=5000)
    assert _shown(section) == ["LATE-1", "TODAY-BOL", "TODAY-EXP"]  # not shipped, not later
    assert "cut-off today at 15:00" in section.today_note.text()
    section.refresh()
    qtbot.waitUntil(lambda: section.filter_buttons[TODAY].text() == "Today  3", timeout=5000)

    evening = _section(qtbot, context, EVENING)
    evening.show_today()
    qtbot.waitUntil(lambda: not evening.model.is_loading
                    and "after today's cut-off" in evening.today_note.text(), timeout=5000)
    assert evening.today_note.text() == (
        "bol NL: after today's cut-off (15:00): due tomorrow, 03-12-2026. Showing what "
        "leaves tomorrow.")
    assert _shown(evening) == ["LATE-1", "TODAY-BOL", "TODAY-EXP", "TOMORROW-1"]
    model = evening.model
    # Past the cut-off what had to leave today is late (late beats expiring); tomorrow's work
    # says so.
    assert [_badges(model, r)[0] for r in range(4)] == ["late", "late", "late", "tomorrow"]


def _lists(context) -> dict[str, list[str]]:
    with context.database.unit_of_work() as uow:
        rows = uow.session.execute(
            select(PickList.code, Order.bol_order_id)
            .join(PickListOrder, PickListOrder.pick_list_id == PickList.id)
            .join(Order, Order.id == PickListOrder.order_id)
            .order_by(PickList.code, PickListOrder.position)).all()
    found: dict[str, list[str]] = {}
    for code, bol_id in rows:
        found.setdefault(code, []).append(bol_id)
    return found


@pytest.fixture
def language(qapp, request):
    from haydigo_desk.ui.i18n import install_translator, remove_translators

    install_translator(qapp, request.param)
    yield request.param
    remove_translators(qapp)


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_ctrl_t_makes_pick_lists_of_everything_due_today_once(qtbot, context, language):
    window = MainWindow(context, SyncController())
    qtbot.addWidget(window)
    window.show()
    section: OrdersSection = window.sections["orders"]
    section.clock = section.model.clock = lambda: MORNING
    qtbot.waitUntil(lambda: not section.model.is_loading, timeout=5000)
    window.navigation.setCurrentRow(0)  # whatever section is showing: the key is the window's
    assert window.today_action.shortcut().toString() == "Ctrl+T"
    with qtbot.waitSignal(section.today_progress, timeout=5000) as progress:
        qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert progress.args == [3, 3]
    qtbot.waitUntil(lambda: "made for today" in section.feedback.text(), timeout=5000)
    assert window.stack.currentWidget() is section and section.current_status() == TODAY
    assert _lists(context) == {"PL-000001": ["LATE-1", "TODAY-BOL", "TODAY-EXP"]}
    assert section.feedback.text() == (
        "1 pick list made for today: PL-000001. 3 orders on them, by deadline.")
    assert section.today_progress_bar.isHidden()

    window.today_action.trigger()  # a second press: nothing new to put on a list
    qtbot.waitUntil(lambda: "already" in section.feedback.text(), timeout=5000)
    assert section.feedback.text() == (
        "Everything due today is on a pick list already (3 orders).")
    assert list(_lists(context)) == ["PL-000001"]

    picklists = window.show_section("picklists")
    picklists.refresh()
    qtbot.waitUntil(lambda: picklists.model.rowCount() == 1, timeout=5000)
    cell = picklists.model.index(0, PL_DEADLINE)
    assert picklists.model.index(0, COL_CODE).data() == "PL-000001"
    assert cell.data() == "02-12"  # its most urgent order
    # The list's badge follows the real clock here: what it says is the rule's, not fixed.
    picklists.model.clock = lambda: MORNING
    assert [kind for kind, _ in cell.data(BADGES_ROLE)] == ["late", "via_bol"]


def test_the_cutoff_field_says_what_it_means_and_is_saved_per_account(qtbot, context):
    field = CutoffField(clock=lambda: MORNING)
    qtbot.addWidget(field)
    field.set_cutoff(None)
    assert field.cutoff() is None and not field.time_edit.isEnabled()
    assert field.hint.text().startswith("No cut-off")
    field.set_cutoff(time(9, 30))  # already past at 10:00
    assert field.hint.text() == ("Today's cut-off (09:30) has passed: what is due now leaves "
                                 "tomorrow, and Today shows tomorrow's work.")
    field.time_edit.setTime(field.time_edit.time().addSecs(6 * 3600))  # 15:30
    assert field.cutoff() == time(15, 30)
    assert field.hint.text().startswith("Until 15:30 Today shows what leaves today")

    drafts = load_account_drafts(context.database)
    assert drafts[0].cutoff_time == time(15, 0)
    drafts[0].cutoff_time = field.cutoff()
    save_account_drafts(context.database, drafts)
    with context.database.unit_of_work() as uow:
        assert uow.session.scalars(select(MarketplaceAccount.cutoff_time)).one() == time(15, 30)
    drafts[0].cutoff_time = None
    save_account_drafts(context.database, drafts)
    assert load_account_drafts(context.database)[0].cutoff_time is None


def test_the_accounts_editor_loads_and_stores_the_cutoff(qtbot, context):
    from haydigo_desk.ui.settings_account_editor import AccountEditor

    editor = AccountEditor()
    qtbot.addWidget(editor)
    [draft] = load_account_drafts(context.database)
    editor.load(draft)
    assert editor.cutoff_field.cutoff() == time(15, 0)
    editor.cutoff_field.enabled_box.setChecked(False)
    editor.store()
    assert draft.cutoff_time is None
    assert editor.labels["cutoff"].text() == "Daily c&ut-off"


@pytest.mark.parametrize("language", ["nl"], indirect=True)
def test_the_day_speaks_dutch(qtbot, context, language):
    from haydigo_desk.domain.deadlines import Badge, BadgeKind
    from haydigo_desk.services.order_queries import AccountDay
    from haydigo_desk.ui.deadline_badges import badge_text

    assert badge_text(Badge(BadgeKind.EXPIRES, 3)) == "Verloopt over 3 u"
    assert badge_text(Badge(BadgeKind.SHIP_TODAY)) == "Vandaag versturen"
    section = _section(qtbot, context, EVENING)
    day = AccountDay(1, "bol NL", time(15, 0), True, date(2026, 12, 3))
    assert section.today_note_text(day) == (
        "bol NL: na de sluittijd van vandaag (15:00): door naar morgen, 03-12-2026. "
        "U ziet wat morgen weggaat.")


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_the_detail_pane_says_the_fulfilment_in_words(qtbot, context, language):
    from haydigo_desk.persistence.models import OrderLine
    from haydigo_desk.services.order_queries import order_detail
    from haydigo_desk.ui.order_detail_pane import OrderDetailPane

    with context.database.unit_of_work() as uow:
        order = uow.session.scalars(select(Order).where(Order.bol_order_id == "TODAY-BOL")).one()
        order.pickup_point, order.pickup_point_name = True, "Albert Heijn: UTRECHT"
        line = uow.session.scalars(select(OrderLine).where(OrderLine.order_id == order.id)).one()
        line.exact_delivery_date, line.latest_delivery_date = date(2026, 12, 3), None
        line.time_frame_type, line.distribution_party = "EVENING", "BOL"
        order.expiry_date = date(2026, 12, 6)
        uow.commit()
        order_id = order.id
    with context.database.unit_of_work() as uow:
        detail = order_detail(uow.session, order_id)
    pane = OrderDetailPane()
    qtbot.addWidget(pane)
    pane.clock = lambda: MORNING
    pane.show_detail(detail)
    assert pane.delivery_label.text().split(" · ") == [
        "Delivery on 03-12-2026, the day the customer chose. Ship today.",
        "bol.com cancels items not shipped by 06-12-2026.",
        "Evening delivery.",
        "Ships via bol: bol.com chooses the carrier and its label is used.",
        "To a pick-up point: Albert Heijn: UTRECHT",
    ]
    with context.database.unit_of_work() as uow:
        other = uow.session.scalars(select(Order.id).where(Order.bol_order_id == "NODATE-1")).one()
        pane.show_detail(order_detail(uow.session, other))
    assert pane.delivery_label.text() == "bol.com gave no delivery date."
