"""``save_screenshots`` writes one PNG per section and per settings tab, in each language."""

from __future__ import annotations

import pytest
from desk_fixtures import make_context
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from support.factories import make_account, make_order, make_products

from haydigo_desk.ui.i18n import remove_translators
from haydigo_desk.ui.main_window import MainWindow
from haydigo_desk.ui.screenshots import save_screenshots_in_languages
from haydigo_desk.ui.settings_dialog import SettingsDialog
from haydigo_desk.ui.sync_controller import SyncController


@pytest.fixture
def context(sqlite_url):
    context = make_context(sqlite_url)
    with context.database.unit_of_work() as uow:
        account = make_account(uow.session, "bol.com NL")
        products = make_products(uow.session, account, 3)
        make_order(uow.session, account, "A0001", [(products[0], 1)])
        uow.commit()
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
                # the station also shows its states; without pick lists only "idle"
                *((f"{lang}-{row + 1:02d}-{sid}-idle.png",) if sid == "station" else ()))),
            f"{lang}-settings-1-accounts.png", f"{lang}-settings-2-workstation.png",
        )
    ]
    assert [path.name for path in written] == expected
    for path in written:
        image = QImage(str(path))
        assert not image.isNull() and image.width() >= 900, path
    assert len(windows) == 2 and dialog_titles == ["Instellingen", "Settings"]
    # The Dutch window was built in Dutch: its navigation speaks Dutch.
    dutch, english = ([w.navigation.item(row).text() for row in range(len(section_ids))]
                      for w in windows)
    assert dutch != english
