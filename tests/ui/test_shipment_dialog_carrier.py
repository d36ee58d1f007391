"""The shipment dialog posts the carrier the user typed or chose, and nothing else (issue 14).

Seen before: with "PostNL (TNT)" selected, typing POSTNL chose TNT-EXTRA, TNT chose TNT-EXPRESS,
DHL chose DHLFORYOU, and the last used carrier silently became the default.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from haydigo_desk.ui.palette import hex_of
from haydigo_desk.ui.shipment_dialog import ShipmentDialog


def shown_red(dialog: ShipmentDialog) -> bool:
    label = dialog.carrier.chosen_label
    shown = label.palette().color(QPalette.ColorRole.WindowText).name().upper()
    return shown == hex_of("field_error")


@pytest.fixture
def open_dialog(qtbot):
    def make(default: str = "TNT", last_used: str = "", language: str = "en") -> ShipmentDialog:
        dialog = ShipmentDialog(order_label="C000GUOJ8Q", units=2, partial=False, open_units=2,
                                default_transporter=default, last_used=last_used,
                                language=language)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.windowHandle().requestActivate()
        qtbot.waitUntil(dialog.isActiveWindow)
        return dialog
    return make


def type_carrier(qtbot, dialog: ShipmentDialog, text: str) -> None:
    dialog.carrier.search.setFocus()
    qtbot.keyClicks(dialog.carrier.search, text)


def posted(qtbot, dialog: ShipmentDialog, track_and_trace: str) -> str | None:
    """Scan a track & trace like the picker does; the carrier code that would be posted."""
    qtbot.keyClick(dialog.carrier.search, Qt.Key.Key_Return)  # Enter: on to the T&T field
    assert dialog.code.hasFocus()
    qtbot.keyClicks(dialog.code, track_and_trace)
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    return dialog.request.transporter_code if dialog.request else None


@pytest.mark.parametrize(("typed", "expected", "track_and_trace"), [
    ("TNT", "TNT", "3SABCD1234567"),
    ("tnt", "TNT", "3SABCD1234567"),
    ("DHL", "DHL", "JVGL0123456789012345"),
    ("POSTNL", "TNT", "3SABCD1234567"),
    ("DHLFORYOU", "DHLFORYOU", "JVGL0123456789012345"),
    ("TNT-EXPRESS", "TNT-EXPRESS", "123456789012"),
    ("dpd nl", "DPD-NL", "05212345678901"),
])
def test_typing_a_code_or_name_posts_exactly_that_carrier(qtbot, open_dialog, typed, expected,
                                                         track_and_trace):
    dialog = open_dialog(default="TNT")
    type_carrier(qtbot, dialog, typed)
    assert dialog.selected_transporter().code == expected
    # The code is shown in full before anything is posted.
    assert f"<b>{expected}</b>" in dialog.carrier.chosen_label.text()
    assert posted(qtbot, dialog, track_and_trace) == expected


@pytest.mark.parametrize(("fragment", "expected", "language"), [
    ("express", "TNT-EXPRESS", "en"),
    ("extra", "TNT-EXTRA", "en"),
    ("koerier", "COURIER", "nl"),
    ("budb", "BUDBEE", "en"),
    ("Duitsland", "DHL_DE", "nl"),
])
def test_a_name_fragment_filters_the_list_and_chooses_the_best_match(qtbot, open_dialog,
                                                                    fragment, expected, language):
    dialog = open_dialog(default="TNT", language=language)
    type_carrier(qtbot, dialog, fragment)
    assert dialog.selected_transporter().code == expected
    shown = [dialog.transporter.itemData(i) for i in range(dialog.transporter.count())]
    assert shown[0] == expected
    assert len(shown) < 30  # filtered, not the whole list


def test_postnl_names_are_listed_with_their_codes(qtbot, open_dialog):
    dialog = open_dialog(default="DHL")
    type_carrier(qtbot, dialog, "postnl")
    shown = [dialog.transporter.itemText(i) for i in range(dialog.transporter.count())]
    assert shown == ["PostNL — TNT", "PostNL Extra@Home — TNT-EXTRA",
                     "PostNL letter post — TNT_BRIEF"]


def test_an_unknown_code_chooses_nothing_and_ships_nothing(qtbot, open_dialog):
    dialog = open_dialog(default="TNT")
    type_carrier(qtbot, dialog, "POSTNLX")
    assert dialog.selected_transporter() is None  # not the TNT that was selected before
    assert dialog.transporter.count() == 0
    assert "No carrier matches" in dialog.carrier.chosen_label.text()
    assert "POSTNLX" in dialog.carrier.chosen_label.text()
    assert shown_red(dialog)
    qtbot.keyClick(dialog.carrier.search, Qt.Key.Key_Return)
    assert dialog.carrier.search.hasFocus()  # stays: nothing to confirm
    dialog.code.setText("3SABCD1234567")
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert dialog.request is None and dialog.isVisible()
    assert "Choose a carrier" in dialog.message.text()
    # Correcting the typing recovers.
    dialog.carrier.search.clear()
    type_carrier(qtbot, dialog, "TNT")
    assert not shown_red(dialog)  # the warning colour goes with the warning
    assert posted(qtbot, dialog, "3SABCD1234567") == "TNT"


def test_letters_typed_on_the_list_go_to_the_search_not_to_a_prefix_jump(qtbot, open_dialog):
    dialog = open_dialog(default="TNT")
    dialog.transporter.setFocus()
    qtbot.keyClicks(dialog.transporter, "DHL")
    assert dialog.carrier.search.text() == "DHL"
    assert dialog.selected_transporter().code == "DHL"  # not DHLFORYOU


def test_up_and_down_walk_the_matches(qtbot, open_dialog):
    dialog = open_dialog(default="TNT")
    type_carrier(qtbot, dialog, "dhl")
    assert dialog.selected_transporter().code == "DHL"
    qtbot.keyClick(dialog.carrier.search, Qt.Key.Key_Down)
    second = dialog.transporter.itemData(1)
    assert dialog.selected_transporter().code == second != "DHL"
    assert f"<b>{second}</b>" in dialog.carrier.chosen_label.text()


def test_clearing_the_search_keeps_the_chosen_carrier(qtbot, open_dialog):
    dialog = open_dialog(default="TNT")
    type_carrier(qtbot, dialog, "GLS")
    dialog.carrier.search.selectAll()
    qtbot.keyClick(dialog.carrier.search, Qt.Key.Key_Backspace)
    assert dialog.transporter.count() == 30
    assert dialog.selected_transporter().code == "GLS"


def test_default_is_preselected_and_last_used_only_suggested(qtbot, open_dialog):
    dialog = open_dialog(default="TNT", last_used="DHL")
    assert dialog.selected_transporter().code == "TNT"
    assert dialog.code.hasFocus()  # the scanner can read the label at once
    assert dialog.last_used_button.isVisible()
    assert "DHL" in dialog.last_used_button.text()
    qtbot.keyClicks(dialog.code, "3SABCD1234567")
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert dialog.request.transporter_code == "TNT"


def test_the_suggestion_is_taken_only_when_asked(qtbot, open_dialog):
    dialog = open_dialog(default="TNT", last_used="DHL")
    qtbot.mouseClick(dialog.last_used_button, Qt.MouseButton.LeftButton)
    assert dialog.selected_transporter().code == "DHL"
    assert not dialog.last_used_button.isVisible()  # nothing left to suggest
    assert dialog.code.hasFocus()


def test_no_suggestion_when_last_used_is_the_default_or_unknown(qtbot, open_dialog):
    assert not open_dialog(default="DHL", last_used="DHL").last_used_button.isVisible()
    assert not open_dialog(default="DHL", last_used="POSTNL").last_used_button.isVisible()


def test_an_unknown_default_preselects_nothing_and_asks(qtbot, open_dialog):
    dialog = open_dialog(default="POSTNL")  # not a bol.com shipment code
    assert dialog.selected_transporter() is None
    assert dialog.carrier.search.hasFocus()
    assert "No carrier chosen" in dialog.carrier.chosen_label.text()


def test_dutch_names_in_the_list(qtbot, open_dialog):
    dialog = open_dialog(default="DHL_DE", language="nl")
    assert dialog.transporter.currentText() == "DHL Duitsland — DHL_DE"
