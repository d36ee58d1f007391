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

from haydigo_desk.domain.barcodes import is_valid_gtin
from haydigo_desk.domain.sorting import natural_key


class Symbology(enum.Enum):
    EAN13 = "EAN-13"
    EAN8 = "EAN-8"
    CODE128 = "Code 128"


@dataclass(frozen=True, slots=True)
class BarcodeSpec:
    symbology: Symbology
    value: str  # what a scanner reports when it reads the printed code


def classify_product_code(raw: str) -> BarcodeSpec | None:
    """The barcode to print for a product code, or None when only its text can be printed.

    UPC-A (12 digits) is printed as EAN-13 with a leading 0: scanners report both as the same
    13-digit number, which is also how bol.com stores EANs.
    """
    code = raw.strip().replace(" ", "")
    if len(code) == 13 and is_valid_gtin(code):
        return BarcodeSpec(Symbology.EAN13, code)
    if len(code) == 12 and is_valid_gtin(code):
        return BarcodeSpec(Symbology.EAN13, "0" + code)
    if len(code) == 8 and is_valid_gtin(code):
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


# The same walking order as the pick station and the views (domain.sorting).
location_sort_key = natural_key
