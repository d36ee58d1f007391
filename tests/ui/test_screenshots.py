"""``save_screenshots`` writes one PNG per section and per settings tab, in each language: also
the Orders section's Today view, the Can't-fulfil queue with a line, the pick-list rules."""

from __future__ import annotations

from datetime import date

import pytest
from desk_fixtures import make_context
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from support.factories import make_account, make_order, make_products

from haydigo_desk.domain.short_picks import ShortReason
from haydigo_desk.services import lifecycle, picklists
from haydigo_desk.services.picklist_rule_settings import (
    AccountRules,
    RuleDraft,
    save_rule_sets,
)
from haydigo_desk.ui.i18n import remove_translators
from haydigo_desk.ui.main_window import MainWindow
from haydigo_desk.ui.screenshots import save_screenshots_in_languages
from haydigo_desk.ui.settings_dialog import SettingsDialog
from haydigo_desk.ui.sync_controller import SyncController

STATION_STATES = ("idle", "batch", "refusal", "packing")


@pytest.fixture
def context(sqlite_url):
    context = make_context(sqlite_url)
    with context.database.unit_of_work() as uow:
        account = make_account(uow.session, "bol.com NL")
        products = make_products(uow.session, account, 3)
        order = make_order(uow.session, account, "A0001", [(products[0], 2)])
        order.deadline_date = date.today()  # due today: the Today view lists it
        uow.session.flush()
        picklists.create_pick_list(uow.session, [order.id])
        lifecycle.report_short(uow.session, [order.lines[0].id], 1, ShortReason.NOT_FOUND,
                               user_name="Pieter")
        uow.commit()
        account_id = account.id
    save_rule_sets(context.database, [AccountRules(account_id, "bol.com NL", [
        RuleDraft("Singles", singles_only=True)])])
    yield context
    context.database.dispose()


def test_writes_every_section_and_settings_tab_in_dutch_and_english(qtbot, qapp, context,
                                                                     tmp_path):
    windows: list[MainWindow] = []
    dialog_titles: list[str] = []

    def window_factory() -> MainWindow:
        windows.append(MainWindow(context, SyncController()))
        qtbot.addWidget(windows[-1])
        return windows[-1]

    def dialog_factory(window: MainWindow) -> SettingsDialog:
        dialog = SettingsDialog(context, window)
        dialog_titles.append(dialog.windowTitle())
        return dialog

    try:
        written = save_screenshots_in_languages(window_factory, dialog_factory,
                                                tmp_path / "shots", settle_ms=60)
    finally:
        remove_translators(qapp)  # later tests expect the source texts

    window = windows[0]
    section_ids = [window.navigation.item(row).data(Qt.ItemDataRole.UserRole)
                   for row in range(window.navigation.count())]
    assert section_ids and len(section_ids) == len(window.sections)
    expected = [
        name
        for lang in ("nl", "en")
        for name in (
            *(shot for row, sid in enumerate(section_ids) for shot in (
                f"{lang}-{row + 1:02d}-{sid}.png",
                # the station also shows its states (with the pick list: all of them)
                *(f"{lang}-{row + 1:02d}-{sid}-{state}.png" for state in STATION_STATES
                  if sid == "station"),
                *((f"{lang}-{row + 1:02d}-{sid}-today.png",) if sid == "orders" else ()))),
            f"{lang}-settings-1-accounts.png", f"{lang}-settings-2-picklistrules.png",
            f"{lang}-settings-3-workstation.png",
        )
    ]
    assert [path.name for path in written] == expected
    assert "cant_fulfil" in section_ids
    for shown in windows:  # what the pictures show: the queue's line, Today's order
        assert shown.sections["cant_fulfil"].table.rowCount() == 1
        orders = shown.sections["orders"]
        assert orders.model.query.today_at is not None and orders.model.rowCount() == 1
    for path in written:
        image = QImage(str(path))
        assert not image.isNull() and image.width() >= 900, path
    assert len(windows) == 2 and dialog_titles == ["Instellingen", "Settings"]
    # The Dutch window was built in Dutch: its navigation speaks Dutch.
    dutch, english = ([w.navigation.item(row).text() for row in range(len(section_ids))]
                      for w in windows)
    assert dutch != english
