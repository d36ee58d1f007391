"""Settings → Pick lists: a manager adds rules, reorders them by keyboard (Alt+Up/Down),
and saves them with the other settings; a rule that overlaps is refused in place naming
both rules; a database that fails keeps every rule typed on the page to save again."""

from __future__ import annotations

import pytest
from desk_fixtures import open_settings, save_settings
from PySide6.QtCore import Qt
from sqlalchemy import text
from support.db_lock import database_locked
from support.factories import make_account

from haydigo_desk.services.picklist_rule_settings import load_rule_sets


@pytest.fixture
def dialog(qtbot, context, memory_keyring):
    with context.database.unit_of_work() as uow:
        make_account(uow.session, "bol NL", client_id="client-nl")
        make_account(uow.session, "bol BE", client_id="client-be")
        uow.commit()
    dialog = open_settings(qtbot, context)
    qtbot.waitUntil(lambda: dialog.rules_loaded, timeout=5_000)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentWidget(dialog.rules_page)
    return dialog


def _add(qtbot, page, name: str, *, due: str = "any", countries: str = "",
         carrier: str = "any", singles: bool = False, max_orders: int | None = None) -> None:
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    editor = page.editor
    assert editor.name_edit.hasFocus()  # typing replaces "New rule"
    qtbot.keyClicks(editor.name_edit, name)
    editor.due_combo.setCurrentIndex(editor.due_combo.findData(due))
    qtbot.keyClicks(editor.countries_edit, countries)
    editor.carrier_combo.setCurrentIndex(editor.carrier_combo.findData(carrier))
    editor.singles_box.setChecked(singles)
    if max_orders is not None:
        editor.max_spin.setValue(max_orders)


def _saved(context, account="bol NL") -> list[tuple]:
    [rule_set] = [s for s in load_rule_sets(context.database) if s.account_name == account]
    return [(r.name, r.due, r.countries, r.carrier, r.singles_only, r.max_orders)
            for r in rule_set.rules]


def test_rules_added_and_reordered_by_keyboard_are_saved_in_that_order(qtbot, dialog,
                                                                       context):
    page = dialog.rules_page
    assert page.account_combo.currentText() == "bol BE"  # by name
    page.account_combo.setCurrentIndex(page.account_combo.findText("bol NL"))
    _add(qtbot, page, "Vandaag", due="today", max_orders=20)
    _add(qtbot, page, "Belgie", countries="be, lu")
    _add(qtbot, page, "Singles via bol", carrier="via_bol", singles=True)
    assert [page.rule_list.item(i).text() for i in range(3)] == [
        "Vandaag", "Belgie", "Singles via bol"]
    page.rule_list.setFocus()
    qtbot.keyClick(page.rule_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(page.rule_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert page.rule_list.currentItem().text() == "Singles via bol"  # it moved, still chosen
    qtbot.keyClick(page.rule_list, Qt.Key.Key_Down)  # a plain arrow only selects
    qtbot.keyClick(page.rule_list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [page.rule_list.item(i).text() for i in range(3)] == [
        "Singles via bol", "Belgie", "Vandaag"]
    assert page.rule_list.currentItem().text() == "Vandaag"
    assert page.up_button.isEnabled() and not page.down_button.isEnabled()  # it is last

    assert save_settings(qtbot, dialog)
    assert _saved(context) == [
        ("Singles via bol", "any", "", "via_bol", True, 50),
        ("Belgie", "any", "BE, LU", "any", False, 50),
        ("Vandaag", "today", "", "any", False, 20)]
    assert _saved(context, "bol BE") == []


def test_an_overlapping_rule_is_refused_in_place_naming_both_rules(qtbot, dialog, context):
    page = dialog.rules_page
    _add(qtbot, page, "Vandaag", due="today")
    _add(qtbot, page, "Vandaag Belgie", due="today", countries="BE")
    assert save_settings(qtbot, dialog) is False
    assert dialog.isVisible() and dialog.tabs.currentWidget() is page
    assert page.rule_list.currentItem().text() == "Vandaag Belgie"
    expected = ("Rule “Vandaag Belgie” can never get an order: “Vandaag” before it take every "
                "order it matches. Move it up or narrow the rules before it.")
    assert page.message.text() == expected
    assert page.editor.fields["name"].error_text == expected
    assert _saved(context, "bol BE") == []
    # The fix the message suggests: move it up, and it saves.
    page.rule_list.setFocus()
    qtbot.keyClick(page.rule_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert save_settings(qtbot, dialog)
    assert [r[0] for r in _saved(context, "bol BE")] == ["Vandaag Belgie", "Vandaag"]


def test_an_unknown_country_is_refused_at_the_countries_field(qtbot, dialog, context):
    page = dialog.rules_page
    _add(qtbot, page, "Buitenland", countries="DE, XY")
    assert save_settings(qtbot, dialog) is False
    assert page.editor.fields["countries"].error_text.startswith("“XY” is not a country code")
    assert _saved(context, "bol BE") == []


def test_a_locked_database_loses_no_rule_and_the_next_save_works(qtbot, dialog, context):
    page = dialog.rules_page
    _add(qtbot, page, "Singles", singles=True, max_orders=30)
    with database_locked(context.database):
        assert save_settings(qtbot, dialog) is False
        assert dialog.isVisible()
        assert "busy" in dialog.message.text()
    assert [page.rule_list.item(i).text() for i in range(page.rule_list.count())] == [
        "Singles"]
    assert page.editor.max_spin.value() == 30
    assert save_settings(qtbot, dialog)
    assert _saved(context, "bol BE") == [("Singles", "any", "", "any", True, 30)]


def test_rules_that_cannot_be_written_keep_the_page_and_say_so(qtbot, dialog, context):
    page = dialog.rules_page
    _add(qtbot, page, "Singles", singles=True)
    with context.database.engine.begin() as connection:  # a database the rules cannot reach
        connection.execute(text("ALTER TABLE pick_list_rules RENAME TO pick_list_rules_away"))
    assert save_settings(qtbot, dialog) is False
    assert dialog.isVisible() and dialog.tabs.currentWidget() is page
    assert dialog.message.text().startswith(
        "The accounts are saved, but the pick-list rules could not be:")
    assert page.rule_list.item(0).text() == "Singles"
    with context.database.engine.begin() as connection:
        connection.execute(text("ALTER TABLE pick_list_rules_away RENAME TO pick_list_rules"))
    assert save_settings(qtbot, dialog)
    assert _saved(context, "bol BE") == [("Singles", "any", "", "any", True, 50)]


def test_a_cutoff_already_past_is_kept_but_said_as_a_warning(qtbot):
    from datetime import UTC, datetime, time

    from haydigo_desk.ui.settings_day import CutoffField

    field = CutoffField(clock=lambda: datetime(2026, 12, 2, 9, 0, tzinfo=UTC).astimezone())
    qtbot.addWidget(field)
    now = field.clock().time()
    earlier = time(max(now.hour - 1, 0), 0)
    field.set_cutoff(earlier)  # already past: allowed, said as a warning
    assert field.cutoff() == earlier and field.passed()
    assert field.hint.property("role") == "warning"
    assert "has passed: what is due now leaves tomorrow" in field.hint.text()
    field.set_cutoff(time(23, 59))
    assert not field.passed() and field.hint.property("role") == "muted"
