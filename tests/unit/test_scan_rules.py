"""Pure scan rules: classifying codes and deciding one scan."""

from __future__ import annotations

import pytest

from haydigo_desk.domain.scanning import (
    CodeKind,
    ScanLine,
    ScanResult,
    classify,
    evaluate,
    is_complete,
)

EAN_A, EAN_B = "8710000000017", "8710000000024"
LINES = [ScanLine(1, EAN_A, 2, 1), ScanLine(2, EAN_B, 1, 1),
         ScanLine(3, "8710000000031", 0, 0, cancelled=True)]


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("8710000000017", CodeKind.PRODUCT, "8710000000017"),
    ("036000291452", CodeKind.PRODUCT, "0036000291452"),  # UPC-A matches its EAN-13 form
    ("8710000000018", CodeKind.BAD_CHECK_DIGIT, "8710000000018"),
    (" pl-000042 ", CodeKind.PICK_LIST, "PL-000042"),
    ("C000GUOJ8Q", CodeKind.ORDER, "C000GUOJ8Q"),
    ("HELLO-§§", CodeKind.UNKNOWN, "HELLO-§§"),
])
def test_classify(text, kind, value):
    code = classify(text)
    assert (code.kind, code.value) == (kind, value)


def test_quantity_prefix():
    code = classify(f"3*{EAN_A}")
    assert (code.kind, code.quantity) == (CodeKind.PRODUCT, 3)


@pytest.mark.parametrize(("text", "quantity", "result", "line"), [
    (EAN_A, None, ScanResult.OK, 1),
    (f"2*{EAN_A}", None, ScanResult.TOO_MANY, 1),
    (EAN_B, None, ScanResult.TOO_MANY, 2),
    ("8710000000031", None, ScanResult.LINE_CANCELLED, 3),
    ("8710000000048", None, ScanResult.NOT_IN_ORDER, None),
    ("8710000000018", None, ScanResult.BAD_CHECK_DIGIT, None),
    ("PL-000001", None, ScanResult.UNKNOWN_CODE, None),
    (EAN_A, 0, ScanResult.BAD_QUANTITY, None),
])
def test_evaluate(text, quantity, result, line):
    decision = evaluate(LINES, classify(text), quantity)
    assert (decision.result, decision.line_key) == (result, line)
    assert decision.quantity == (1 if result is ScanResult.OK else 0)


def test_duplicate_ean_lines_fill_in_order():
    lines = [ScanLine(1, EAN_A, 1, 1), ScanLine(2, EAN_A, 1, 0)]
    assert evaluate(lines, classify(EAN_A)).line_key == 2


def test_complete_ignores_cancelled_lines():
    assert not is_complete(LINES)
    assert is_complete([ScanLine(1, EAN_A, 2, 2), LINES[2]])
    assert not is_complete([LINES[2]])  # nothing left to ship is not "complete"
