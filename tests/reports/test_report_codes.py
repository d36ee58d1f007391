"""Which barcode a code gets, the patterns drawn, and the natural location order."""

from __future__ import annotations

import pytest

from haydigo_desk.domain.barcodes import gtin_check_digit
from haydigo_desk.reports.barcodes import bar_runs, module_pattern
from haydigo_desk.reports.codes import (
    BarcodeSpec,
    Symbology,
    classify_identifier,
    classify_product_code,
    location_sort_key,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("8712345678906", BarcodeSpec(Symbology.EAN13, "8712345678906")),
        (" 8712345678906 ", BarcodeSpec(Symbology.EAN13, "8712345678906")),
        ("871 2345 678906", BarcodeSpec(Symbology.EAN13, "8712345678906")),
        ("96385074", BarcodeSpec(Symbology.EAN8, "96385074")),
        ("036000291452", BarcodeSpec(Symbology.EAN13, "0036000291452")),  # UPC-A
        ("8712345678905", None),  # wrong check digit
        ("9638507", None),
        ("UNMATCHED-13", None),
        ("", None),
        ("８７１２３４５６７８９０６", None),  # full-width digits are no EAN
    ],
)
def test_classify_product_code(raw: str, expected: BarcodeSpec | None) -> None:
    assert classify_product_code(raw) == expected


def test_check_digit_matches_gs1_examples() -> None:
    assert gtin_check_digit("871234567890") == 6
    assert gtin_check_digit("9638507") == 4
    assert gtin_check_digit("03600029145") == 2


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("C000GUOJ8Q", "C000GUOJ8Q"), ("PL-000042", "PL-000042"), (" 1234 ", "1234"),
     ("", None), ("Straße", None), ("tab\there", None)],
)
def test_classify_identifier(raw: str, expected: str | None) -> None:
    spec = classify_identifier(raw)
    assert (spec.value if spec else None) == expected
    if spec:
        assert spec.symbology is Symbology.CODE128


def test_module_patterns_have_the_standard_lengths() -> None:
    assert len(module_pattern(BarcodeSpec(Symbology.EAN13, "8712345678906"))) == 95
    assert len(module_pattern(BarcodeSpec(Symbology.EAN8, "96385074"))) == 67
    # Code 128: start + one symbol per character (set B) + check + stop (13 modules)
    code = module_pattern(BarcodeSpec(Symbology.CODE128, "PL-1X"))
    assert len(code) == 11 * (1 + 5 + 1) + 13
    assert set(code) == {"0", "1"}


def test_bar_runs_join_neighbouring_modules() -> None:
    assert bar_runs("1011000111") == [(0, 1), (2, 2), (7, 3)]
    assert bar_runs("000") == []
    assert bar_runs("") == []


def test_locations_sort_naturally_with_empty_last() -> None:
    locations = ["A-10", "", "a-2", "B-1", "A-2-10", "A-2-9", "  ", "A-1", "10", "9"]
    ordered = sorted(locations, key=location_sort_key)
    assert ordered[:8] == ["9", "10", "A-1", "a-2", "A-2-9", "A-2-10", "A-10", "B-1"]
    assert {o.strip() for o in ordered[8:]} == {""}
