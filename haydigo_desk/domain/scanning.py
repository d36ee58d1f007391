"""Scan rules of the pick station: what a scanned code is, and whether it counts (pure Python).

The station keeps the lines of the work on screen as :class:`ScanLine` values; a scan is
evaluated against them here, before anything is written. A refused scan changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from haydigo_desk.domain.barcodes import BarcodeProblem, check_gtin, looks_like_gtin, normalise_gtin
from haydigo_desk.domain.scanner_input import ScannerSettings, read_scan

# Pick lists print their code as Code 128, e.g. "PL-000042"; scanners send it as typed.
PICK_LIST_CODE = re.compile(r"PL-\d{1,12}", re.IGNORECASE)
# bol.com order ids are short upper-case alphanumerics (e.g. "C000GUOJ8Q", "1043965710").
ORDER_ID_CODE = re.compile(r"[A-Z0-9]{6,20}")
# "3*8712345678906": a quantity typed before the scan confirms that many units at once.
QUANTITY_PREFIX = re.compile(r"(\d{1,4})\*(.+)")
MAX_QUANTITY_PER_SCAN = 9999


class CodeKind(StrEnum):
    PRODUCT = "product"  # a valid GTIN
    BAD_CHECK_DIGIT = "bad_check_digit"  # GTIN-shaped, but the check digit is wrong
    PICK_LIST = "pick_list"
    ORDER = "order"  # may be a bol.com order id (the database decides)
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ScannedCode:
    raw: str
    kind: CodeKind
    value: str  # normalised: EAN-13 for UPC-A, upper case for list and order codes
    quantity: int = 1


def classify(text: str, settings: ScannerSettings | None = None) -> ScannedCode:
    """What kind of code ``text`` is. The scan is first read back to what the scanner meant
    (keyboard layout, prefix and suffix, terminators, GS1 wrappers: ``read_scan``); scanners
    may also add spaces or send lower case. ``raw`` keeps what arrived, for the scan log."""
    raw = text.strip()
    read = read_scan(text, settings).text
    quantity = 1
    match = QUANTITY_PREFIX.fullmatch(read)
    if match:
        quantity, raw_code = int(match.group(1)), match.group(2).strip()
    else:
        raw_code = read
    if looks_like_gtin(raw_code):
        check = check_gtin(raw_code)
        if check.problem is BarcodeProblem.BAD_CHECK_DIGIT:
            return ScannedCode(raw, CodeKind.BAD_CHECK_DIGIT, raw_code, quantity)
        return ScannedCode(raw, CodeKind.PRODUCT, normalise_gtin(raw_code), quantity)
    upper = raw_code.upper()
    if PICK_LIST_CODE.fullmatch(upper):
        return ScannedCode(raw, CodeKind.PICK_LIST, upper, quantity)
    if ORDER_ID_CODE.fullmatch(upper):
        return ScannedCode(raw, CodeKind.ORDER, upper, quantity)
    # Nothing the desk knows: show the user what arrived, not a guess at what was meant.
    return ScannedCode(raw, CodeKind.UNKNOWN, raw, quantity)


class ScanResult(StrEnum):
    OK = "ok"
    NOT_IN_ORDER = "not_in_order"
    BAD_CHECK_DIGIT = "bad_check_digit"
    UNKNOWN_CODE = "unknown_code"
    TOO_MANY = "too_many"
    LINE_CANCELLED = "line_cancelled"
    BAD_QUANTITY = "bad_quantity"
    CLAIM_LOST = "claim_lost"  # another desk took the order over

    @property
    def accepted(self) -> bool:
        return self is ScanResult.OK


@dataclass(frozen=True)
class ScanLine:
    """One line as the scan rules see it (an order line, or a pick list product total)."""

    key: int  # order line id (order mode) or product key (batch mode)
    ean: str
    needed: int  # units that must be picked in total (cancelled units excluded)
    picked: int
    cancelled: bool = False  # the whole line was cancelled: nothing may be picked

    @property
    def remaining(self) -> int:
        return max(self.needed - self.picked, 0)


@dataclass(frozen=True)
class ScanDecision:
    result: ScanResult
    code: ScannedCode
    line_key: int | None = None
    quantity: int = 0  # units that count when accepted
    remaining: int = 0  # units the matched line still needed before this scan

    @property
    def accepted(self) -> bool:
        return self.result.accepted


def evaluate(lines: Sequence[ScanLine], code: ScannedCode, quantity: int | None = None
             ) -> ScanDecision:
    """Decide one scan; ``quantity`` (quantity entry) overrides a typed ``n*`` prefix.

    Lines with the same EAN fill in their order, so duplicate order lines both get picked.
    """
    units = code.quantity if quantity is None else quantity
    if code.kind is CodeKind.BAD_CHECK_DIGIT:
        return ScanDecision(ScanResult.BAD_CHECK_DIGIT, code)
    if code.kind is not CodeKind.PRODUCT:
        return ScanDecision(ScanResult.UNKNOWN_CODE, code)
    if not 1 <= units <= MAX_QUANTITY_PER_SCAN:
        return ScanDecision(ScanResult.BAD_QUANTITY, code)
    matching = [line for line in lines if normalise_gtin(line.ean) == code.value]
    if not matching:
        return ScanDecision(ScanResult.NOT_IN_ORDER, code)
    open_lines = [line for line in matching if not line.cancelled]
    if not open_lines:
        return ScanDecision(ScanResult.LINE_CANCELLED, code, matching[0].key)
    for line in open_lines:
        if line.remaining >= units:
            return ScanDecision(ScanResult.OK, code, line.key, units, line.remaining)
    # No single line takes all units: refuse rather than split a quantity across lines.
    first = next((line for line in open_lines if line.remaining), open_lines[0])
    return ScanDecision(ScanResult.TOO_MANY, code, first.key, 0, first.remaining)


def is_complete(lines: Sequence[ScanLine]) -> bool:
    """Every line that still needs units has all of them (and there is something to ship)."""
    live = [line for line in lines if not line.cancelled and line.needed > 0]
    return bool(live) and all(line.remaining == 0 for line in live)
