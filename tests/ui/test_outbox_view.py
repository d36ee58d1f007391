"""Outbox section: failed posts show bol.com's message; retry and cancel (with confirmation)."""


import pytest
from desk_fixtures import make_context
from PySide6.QtWidgets import QMessageBox
from support.factories import make_account, make_failed_shipment, queue_stock_row

from haydigo_desk.domain.states import OutboxKind, OutboxState, ShipmentState
from haydigo_desk.persistence.models import OutboxEntry, Shipment
from haydigo_desk.ui.outbox_view import OutboxSection, kind_label
from haydigo_desk.ui.sync_controller import SyncController


@pytest.fixture
def context(sqlite_url):
    context = make_context(sqlite_url)
    with context.database.unit_of_work() as uow:
        account = make_account(uow.session)
        make_failed_shipment(uow.session, account, "C0042", "POSTNL", "3SXYZ",
                             "Order item 42 is already shipped", attempts=2)
        queue_stock_row(uow.session, account, "offer-1", 6)
        uow.commit()
    yield context
    context.database.dispose()


def _states(context):
    with context.database.unit_of_work() as uow:
        entries = uow.session.query(OutboxEntry).order_by(OutboxEntry.id).all()
        shipment = uow.session.query(Shipment).one()
        return [e.state for e in entries], shipment.state


def _section(qtbot, context, controller=None):
    section = OutboxSection(context, controller or SyncController())
    qtbot.addWidget(section)
    qtbot.waitUntil(lambda: section.loaded)
    return section


def _settled(qtbot, section):
    """The action and the refresh after it have come back."""
    qtbot.waitUntil(lambda: not section.tasks.busy, timeout=15_000)  # a loaded CI machine


def test_lists_failed_first_with_bol_message_and_retries(qtbot, context):
    controller = SyncController()
    syncs = []
    controller.request_sync = lambda *_a: syncs.append(_states(context))
    section = _section(qtbot, context, controller)
    assert section.table.rowCount() == 2
    assert section.table.item(0, 0).text() == "Failed"
    assert section.table.item(0, 2).text() == "Order C0042 via POSTNL  3SXYZ"
    assert section.table.item(0, 6).text() == "Order item 42 is already shipped"
    assert not section.retry_button.isEnabled()  # nothing selected yet
    section.table.selectRow(0)
    assert "already shipped" in section.detail.toPlainText()
    section.retry_button.click()
    _settled(qtbot, section)
    assert _states(context) == (["queued", "queued"], ShipmentState.QUEUED)
    assert section.table.item(0, 0).text() == "Waiting"
    # The sync is asked for once the retry is committed, so it sends the post at once.
    assert syncs == [(["queued", "queued"], ShipmentState.QUEUED)]


def test_cancel_asks_first(qtbot, context, monkeypatch):
    section = _section(qtbot, context)
    section.table.selectRow(0)
    asked = []

    def answer(reply):
        def question(parent, title, text, *args):
            asked.append(text)
            return reply
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    section.cancel_button.click()
    assert _states(context) == (["failed", "queued"], ShipmentState.FAILED)
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    section.cancel_button.click()
    _settled(qtbot, section)
    assert len(asked) == 2 and "confirm the shipment on bol.com yourself" in asked[0]
    assert _states(context) == (["cancelled", "queued"], ShipmentState.CANCELLED)
    assert section.table.rowCount() == 1


def test_a_refused_action_shows_why(qtbot, context, monkeypatch):
    section = _section(qtbot, context)
    section.table.selectRow(1)
    with context.database.unit_of_work() as uow:  # the worker finished it meanwhile
        uow.session.query(OutboxEntry).filter_by(kind="stock").one().state = OutboxState.DONE
        uow.commit()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda p, t, text: warnings.append(text))
    section.retry_selected()
    qtbot.waitUntil(lambda: bool(warnings))
    assert "already processed" in warnings[0]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_kind_of_write_has_a_name_not_its_code(qapp, language):
    from haydigo_desk.ui.i18n import install_translator, remove_translators

    install_translator(qapp, language)
    try:
        names = {kind: kind_label(kind) for kind in OutboxKind}
        assert all(name != kind.value for kind, name in names.items()), names
        assert len(set(names.values())) == len(names)
    finally:
        remove_translators(qapp)
