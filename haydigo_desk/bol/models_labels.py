"""pydantic models of bol's shipping-label answers ("Verzenden via bol"), parsed leniently.

Same rules as ``models.py``: unknown fields are kept, enum-like fields stay strings when bol
sends a value the desk does not know (a new label type must not break reading the others),
dates that do not parse become ``None``. The label PDF itself is no JSON: ``ShippingLabel``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from pydantic import Field

from haydigo_desk.bol.models import BolModel, LenientDate, LenientDatetime, lenient_enum


class LabelType(StrEnum):
    PARCEL = "PARCEL"
    MAILBOX = "MAILBOX"  # mailbox package with a delivery scan
    MAILBOX_LIGHT = "MAILBOX_LIGHT"  # mailbox package without a delivery scan


class CollectionMethod(StrEnum):
    DROP_OFF = "DROP_OFF"
    PICK_UP = "PICK_UP"


class LabelPrice(BolModel):
    total_price: Decimal | None = None  # excluding VAT


class PackageRestrictions(BolModel):
    max_weight: str | None = None  # text as bol writes it: "10 kg"
    max_dimensions: str | None = None  # "10 x 10 x 10 cm"


class HandoverDetails(BolModel):
    meets_customer_expectation: bool | None = None
    earliest_handover_date_time: LenientDatetime = None
    latest_handover_date_time: LenientDatetime = None
    collection_method: lenient_enum(CollectionMethod) | None = None


class DeliveryOption(BolModel):
    """One way bol offers to carry the items, at a price, valid until ``valid_until_date``."""

    shipping_label_offer_id: str
    recommended: bool = False
    valid_until_date: LenientDate = None
    transporter_code: str | None = None
    label_type: lenient_enum(LabelType) | None = None
    label_display_name: str | None = None
    label_price: LabelPrice | None = None
    package_restrictions: PackageRestrictions | None = None
    handover_details: HandoverDetails | None = None

    @property
    def total_price(self) -> Decimal | None:
        return self.label_price.total_price if self.label_price else None


class DeliveryOptions(BolModel):
    delivery_options: list[DeliveryOption] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ShippingLabel:
    """A bought label: its PDF and the carrier and track & trace bol put in its headers."""

    pdf: bytes = field(repr=False)
    transporter_code: str | None
    track_and_trace: str | None
