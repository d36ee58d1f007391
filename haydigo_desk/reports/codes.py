"""Which barcode a code gets, and a natural sort key for warehouse locations.

Product codes from bol.com and from sellers' product lists are messy: EAN-13 mostly, sometimes
EAN-8 or a 12-digit UPC-A, and for unmatched lines anything at all. A barcode is only printed
when its check digit is right, because a scanner reads what is printed: a bar code of a wrong
number would make the pick station accept or reject the wrong product.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class Symbology(enum.Enum):
    EAN13 = "EAN-13"
    EAN8 = "EAN-8"
    CODE128 = "Code 128"


@dataclass(frozen=True, slots=True)
class BarcodeSpec:
    symbology: Symbology
    value: str  # what a scanner reports when it reads the printed code


def gtin_check_digit(body: str) -> int:
    """GS1 check digit for the digits before it (weights 3,1,3,... from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def _valid_gtin(digits: str) -> bool:
    return digits.isascii() and digits.isdigit() and gtin_check_digit(digits[:-1]) == int(
        digits[-1]
    )


def classify_product_code(raw: str) -> BarcodeSpec | None:
    """The barcode to print for a product code, or None when only its text can be printed.

    UPC-A (12 digits) is printed as EAN-13 with a leading 0: scanners report both as the same
    13-digit number, which is also how bol.com stores EANs.
    """
    code = raw.strip().replace(" ", "")
    if len(code) == 13 and _valid_gtin(code):
        return BarcodeSpec(Symbology.EAN13, code)
    if len(code) == 12 and _valid_gtin(code):
        return BarcodeSpec(Symbology.EAN13, "0" + code)
    if len(code) == 8 and _valid_gtin(code):
        return BarcodeSpec(Symbology.EAN8, code)
    return None


# Code 128 (set B) covers printable ASCII; anything else cannot be encoded faithfully.
_CODE128_TEXT = re.compile(r"[ -~]+")


def classify_identifier(raw: str) -> BarcodeSpec | None:
    """Code 128 for an order id or pick-list code, or None when it has no encodable text."""
    value = raw.strip()
    if not value or not _CODE128_TEXT.fullmatch(value):
        return None
    return BarcodeSpec(Symbology.CODE128, value)


_NUMBER_RUN = re.compile(r"([0-9]+)")


def location_sort_key(location: str) -> tuple[int, tuple[tuple[int, int | str], ...]]:
    """Natural order ("A-2" before "A-10"), case-insensitive; empty locations sort last."""
    text = location.strip()
    if not text:
        return (1, ())
    parts: list[tuple[int, int | str]] = []
    for part in _NUMBER_RUN.split(text.casefold()):
        if not part:
            continue
        # Numbers sort before letters at the same position, and never compare with text.
        parts.append((0, int(part)) if part[0] in "0123456789" else (1, part))
    return (0, tuple(parts))
