"""bol.com's offers (v11 offer pages: stock, price, fulfilment, condition), parsed leniently as
``bol/models.py`` describes."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import Field

from haydigo_desk.bol.models import (
    BolModel,
    FulfilmentMethod,
    LenientDatetime,
    RawKeepingModel,
    lenient_enum,
)


class FulfilmentSchedule(StrEnum):
    BOL_DELIVERY_PROMISE = "BOL_DELIVERY_PROMISE"
    MY_DELIVERY_PROMISE = "MY_DELIVERY_PROMISE"
    SHIPPING_VIA_BOL = "SHIPPING_VIA_BOL"


class ConditionCategory(StrEnum):
    NEW = "NEW"
    SECONDHAND = "SECONDHAND"
    REFURBISHED = "REFURBISHED"


# --- v11 offers -----------------------------------------------------------------------------------


class OfferStock(BolModel):
    amount: int | None = None
    corrected_stock: int | None = None
    managed_by_retailer: bool | None = None


class CountryAvailability(BolModel):
    country_code: str | None = None
    for_sale: bool | None = None


class OfferCondition(BolModel):
    """One model for all v11 condition kinds: NEW; SECONDHAND (state, comment); REFURBISHED."""

    category: lenient_enum(ConditionCategory) | None = None
    state: str | None = None
    comment: str | None = None
    grade: str | None = None
    margin: bool | None = None


class OfferProduct(BolModel):
    bol_product_id: str | None = None


class BundlePrice(BolModel):
    quantity: int = 1
    unit_price: Decimal | None = None


class OfferPricing(BolModel):
    bundle_prices: list[BundlePrice] = Field(default_factory=list)

    @property
    def unit_price(self) -> Decimal | None:
        """Price of one unit (the bundle of quantity 1)."""
        return next((b.unit_price for b in self.bundle_prices if b.quantity == 1), None)


class DeliveryPromise(BolModel):
    minimum_days_to_customer: int | None = None
    maximum_days_to_customer: int | None = None
    ultimate_order_time: str | None = None


class OfferFulfilment(BolModel):
    method: lenient_enum(FulfilmentMethod) | None = None
    schedule: lenient_enum(FulfilmentSchedule) | None = None
    delivery_promise: DeliveryPromise | None = None


class Offer(RawKeepingModel):
    """A v11 offer (``GET /retailer/offers[/{offer-id}]``)."""

    offer_id: str
    ean: str | None = None
    last_modified_date_time: LenientDatetime = None
    reference: str | None = None
    on_hold_by_retailer: bool = False
    economic_operator_id: str | None = None
    unknown_product_title: str | None = None
    stock: OfferStock | None = None
    country_availabilities: list[CountryAvailability] = Field(default_factory=list)
    condition: OfferCondition | None = None
    product: OfferProduct | None = None
    pricing: OfferPricing | None = None
    fulfilment: OfferFulfilment | None = None


class OfferPageInfo(BolModel):
    page_size: int | None = None
    next_cursor: str | None = None


class OfferPage(BolModel):
    offers: list[Offer] = Field(default_factory=list)
    page: OfferPageInfo | None = None
