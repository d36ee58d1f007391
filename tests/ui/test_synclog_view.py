"""Sync log section shows runs newest first with counts and errors, and refreshes on finish."""

from datetime import UTC, datetime, timedelta

from desk_fixtures import make_context
from support.factories import make_account

from haydigo_desk.persistence.models import SyncRun
from haydigo_desk.sync.events import SyncReport
from haydigo_desk.ui.sync_controller import SyncController
from haydigo_desk.ui.synclog_view import SyncLogSection


def test_shows_a_run_and_refreshes_when_a_sync_finishes(qtbot, sqlite_url):
    context = make_context(sqlite_url)
    start = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    with context.database.unit_of_work() as uow:
        account = make_account(uow.session)
        uow.session.add(SyncRun(account_id=account.id, started_at=start, outcome="ok",
                                duration_ms=2400, orders_new=5, orders_updated=1,
                                orders_filtered=2, api_calls=9, rate_limited=1,
                                shipments_confirmed=3))
        uow.commit()
        account_id = account.id
    controller = SyncController()
    section = SyncLogSection(context, controller)
    qtbot.addWidget(section)
    qtbot.waitUntil(lambda: section.loaded)
    assert section.table.rowCount() == 1
    texts = [section.table.item(0, c).text() for c in range(section.table.columnCount())]
    assert texts[1:5] == ["bol NL", "OK", "2.4 s", "5 / 1 / 2"]
    assert texts[8:11] == ["3 / 0", "9", "1"]
    assert "API calls: 9" in section.detail.toPlainText()

    with context.database.unit_of_work() as uow:
        uow.session.add(SyncRun(account_id=account_id, started_at=start + timedelta(minutes=10),
                                outcome="failed", errors=["401: invalid client credentials"]))
        uow.commit()
    section.table.clearSelection()
    controller.finished.emit(SyncReport(account_id, "bol NL", start))
    qtbot.waitUntil(lambda: section.table.rowCount() == 2)
    assert section.table.item(0, 2).text() == "Failed"
    assert "invalid client credentials" in section.detail.toPlainText()
    context.database.dispose()


def test_held_records_and_interrupted_runs_are_shown(qtbot, sqlite_url):
    from haydigo_desk.sync import quarantine

    context = make_context(sqlite_url)
    with context.database.unit_of_work() as uow:
        account = make_account(uow.session)
        uow.session.add(SyncRun(account_id=account.id, started_at=datetime.now(UTC),
                                outcome="interrupted", message="Stopped before it finished"))
        uow.commit()
        account_id = account.id
    quarantine.hold(context.database, account_id, [
        (quarantine.ORDER, "C000BAD001", "city has 154 characters, at most 100 fit")])
    quarantine.hold(context.database, account_id, [
        (quarantine.ORDER, "C000BAD001", "city has 154 characters, at most 100 fit")])
    section = SyncLogSection(context, SyncController())
    qtbot.addWidget(section)
    qtbot.waitUntil(lambda: section.loaded)
    assert section.table.item(0, 2).text() == "Interrupted"
    detail = section.detail.toPlainText()
    assert "read again every cycle" in detail
    assert "order C000BAD001 (2×) — city has 154 characters" in detail
    context.database.dispose()
