"""GTIN check digits: EAN-13, EAN-8 and UPC-A, as scanners and bol.com use them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class GtinKind(StrEnum):
    EAN13 = "EAN-13"
    EAN8 = "EAN-8"
    UPCA = "UPC-A"


class BarcodeProblem(StrEnum):
    NOT_DIGITS = "not_digits"
    WRONG_LENGTH = "wrong_length"
    BAD_CHECK_DIGIT = "bad_check_digit"


@dataclass(frozen=True)
class GtinCheck:
    code: str
    kind: GtinKind | None
    problem: BarcodeProblem | None

    @property
    def valid(self) -> bool:
        return self.problem is None


_LENGTHS = {13: GtinKind.EAN13, 8: GtinKind.EAN8, 12: GtinKind.UPCA}


def gtin_check_digit(body: str) -> int:
    """Check digit for the digits before it (weights 3,1,3,... counted from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def check_gtin(code: str) -> GtinCheck:
    code = code.strip()
    if not code.isdigit() or not code.isascii():
        return GtinCheck(code, None, BarcodeProblem.NOT_DIGITS)
    kind = _LENGTHS.get(len(code))
    if kind is None:
        return GtinCheck(code, None, BarcodeProblem.WRONG_LENGTH)
    if gtin_check_digit(code[:-1]) != int(code[-1]):
        return GtinCheck(code, kind, BarcodeProblem.BAD_CHECK_DIGIT)
    return GtinCheck(code, kind, None)


def is_valid_gtin(code: str) -> bool:
    return check_gtin(code).valid


def normalise_gtin(code: str) -> str:
    """The EAN-13 form of a valid UPC-A (a leading 0), so both scans match one product."""
    code = code.strip()
    if len(code) == 12 and is_valid_gtin(code):
        return "0" + code
    return code


def looks_like_gtin(code: str) -> bool:
    """Digits of a GTIN length: what a scanner sends for a product (vs. an order or list code)."""
    code = code.strip()
    return code.isascii() and code.isdigit() and len(code) in _LENGTHS
