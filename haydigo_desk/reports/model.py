"""Plain data that the report renderers take in.

These dataclasses are the whole contract between the rest of the application and `reports/`:
services fill them from the database, the renderers turn them into PDF bytes. They hold only
text, numbers and datetimes, so a document can be built in a worker thread or a test without a
database or Qt.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime


class PageFormat(enum.Enum):
    """Paper the document is laid out for."""

    A4 = "a4"
    # 4x6 inch shipping labels (102 x 152 mm), the common size of Zebra-type label printers.
    LABEL_102X152 = "label-102x152"


@dataclass(frozen=True, slots=True)
class PickListLine:
    """One order line to pick. `ean` is the raw text from bol.com or the product list."""

    ean: str
    sku: str
    title: str
    quantity: int
    location: str = ""


@dataclass(frozen=True, slots=True)
class PickListOrder:
    order_id: str
    placed_at: datetime | None
    customer_name: str
    country: str
    lines: list[PickListLine] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PickListDocument:
    number: int
    code: str  # printed as a Code 128 barcode, e.g. "PL-000042"
    store_name: str
    account_name: str
    created_at: datetime
    orders: list[PickListOrder] = field(default_factory=list)
    # Who made it (domain.pick_list_rules.ListOrigin: hand, rule, default) and the rule's name.
    origin: str = "hand"
    rule_name: str | None = None


@dataclass(frozen=True, slots=True)
class Address:
    """A delivery address as bol.com gives it (shipmentDetails)."""

    name: str
    street: str
    house_number: str
    postal_code: str
    city: str
    country: str  # ISO 3166-1 alpha-2, e.g. "NL"
    house_number_extension: str = ""
    company: str = ""
    extra_line: str = ""  # bol.com's extraAddressInformation


@dataclass(frozen=True, slots=True)
class PackingSlipLine:
    ean: str
    sku: str
    title: str
    quantity: int


@dataclass(frozen=True, slots=True)
class PackingSlipDocument:
    order_id: str  # printed as a Code 128 barcode
    placed_at: datetime | None
    store_name: str
    address: Address
    lines: list[PackingSlipLine] = field(default_factory=list)
    note: str = ""  # optional free text printed under the lines (e.g. a thank-you)
