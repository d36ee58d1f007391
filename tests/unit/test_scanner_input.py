"""Scanner input read back to what the scanner meant, case by case (domain.scanner_input)."""

from __future__ import annotations

import pytest

from haydigo_desk.domain.barcodes import gtin_check_digit
from haydigo_desk.domain.scanner_input import ScannerSettings, read_scan

EAN = "8712345678906"


def typed_on(layout: str, text: str) -> str:
    """What a US-layout scanner's keys produce on a desk with ``layout`` (the test's model)."""
    rows = {
        "azerty-be": dict(zip("1234567890-", "&é\"'(§è!çà)", strict=True)),
        "azerty-fr": dict(zip("1234567890-", "&é\"'(-è_çà)", strict=True)),
        "qwertz": {"-": "ß"},
    }[layout]
    letters = ({"a": "q", "q": "a", "z": "w", "w": "z", "A": "Q", "Q": "A", "Z": "W", "W": "Z"}
               if layout.startswith("azerty") else {"y": "z", "z": "y", "Y": "Z", "Z": "Y"})
    return "".join(rows.get(c) or letters.get(c, c) for c in text)


@pytest.mark.parametrize("layout", ["azerty-be", "azerty-fr"])
def test_an_azerty_desk_reads_the_digits_the_scanner_sent(layout):
    arrived = typed_on(layout, EAN)
    assert arrived != EAN and not any(c.isdigit() for c in arrived)
    assert read_scan(arrived).text == EAN  # recognised without any setting
    assert read_scan(arrived, ScannerSettings(layout=layout)).text == EAN


@pytest.mark.parametrize("code", ["C000GUOJ8Q", "PL-000042", "C0AZQW12"])
def test_order_and_pick_list_codes_through_azerty(code):
    assert read_scan(typed_on("azerty-be", code)).text == code


def test_qwertz_swaps_y_and_z_back_when_asked():
    assert read_scan(typed_on("qwertz", "C0YZ12PL"), ScannerSettings(layout="qwertz")
                     ).text == "C0YZ12PL"
    assert read_scan("C0YZ12PL").text == "C0YZ12PL"  # no guessing on a plain QWERTY desk


def test_a_plain_scan_is_left_as_it_is():
    reading = read_scan(EAN)
    assert (reading.text, reading.notes) == (EAN, ())


@pytest.mark.parametrize("terminated", [EAN + "\r", EAN + "\n", EAN + "\t", "\x02" + EAN + "\x03"])
def test_terminators_and_control_characters_go(terminated):
    assert read_scan(terminated).text == EAN


def test_configured_prefix_and_suffix_are_stripped():
    settings = ScannerSettings(prefix="#", suffix="*")
    assert read_scan(f"#{EAN}*\r", settings).text == EAN
    assert read_scan(EAN, settings).text == EAN  # absent: nothing removed


@pytest.mark.parametrize("identifier", ["]E0", "]A0", "]C1", "]d2", "]Q3"])
def test_symbology_identifiers_are_removed(identifier):
    body = EAN if identifier in ("]E0", "]A0") else "0" + "1" + "0" + EAN
    assert read_scan(identifier + body).text == EAN


@pytest.mark.parametrize("element_string", [
    "010" + EAN,
    "010" + EAN + "17270101",
    "010" + EAN + "10LOT42\x1d17270101",
    "(01)0" + EAN + "(17)270101(10)LOT42",
    "]C1010" + EAN + "17270101",
    "]d2010" + EAN + "10ABC\x1d21XYZ",
])
def test_gs1_element_strings_give_the_ean_13_inside(element_string):
    reading = read_scan(element_string)
    assert reading.text == EAN
    assert "GTIN-14 read from GS1 (01)" in reading.notes


def test_a_gtin_14_with_an_indicator_stays_a_gtin_14():
    body = "1" + EAN[:-1]
    gtin14 = body + str(gtin_check_digit(body))
    assert read_scan("01" + gtin14).text == gtin14


@pytest.mark.parametrize(("upc_e", "upc_a"), [
    ("04252614", "042100005264"),  # last digit 0-2: manufacturer digits, then the product
    ("01234531", "012300000451"),  # 3
    ("01234543", "012340000053"),  # 4
    ("01234514", "012100003454"),  # 1
])
def test_upc_e_is_expanded_to_the_ean_13_of_its_upc_a(upc_e, upc_a):
    assert read_scan(upc_e).text == "0" + upc_a


def test_a_valid_ean_8_is_not_taken_for_upc_e():
    body = "0123456"
    ean8 = body + str(gtin_check_digit(body))
    assert read_scan(ean8).text == ean8


def test_the_station_classifies_what_the_scanner_meant():
    from haydigo_desk.domain.scanning import CodeKind, classify

    product = classify(typed_on("azerty-be", EAN))
    assert (product.kind, product.value) == (CodeKind.PRODUCT, EAN)
    assert product.raw == typed_on("azerty-be", EAN)  # the scan log keeps what arrived
    counted = classify(typed_on("azerty-be", "3") + "*" + typed_on("azerty-be", EAN))
    assert (counted.kind, counted.quantity) == (CodeKind.PRODUCT, 3)
    assert classify(typed_on("azerty-fr", "PL-000042")).kind is CodeKind.PICK_LIST
    assert classify("]C1010" + EAN + "17270101").value == EAN
