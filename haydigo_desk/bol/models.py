"""pydantic models of the bol.com answers the desk reads, parsed leniently.

Real bol.com responses differ from the spec: fields it calls required go missing
(``billingDetails``, ``firstName``...), enums grow values, numeric ids became alphanumeric. So:
unknown fields are kept (``model_extra``), every enum-like field is a ``str`` that becomes the
known ``StrEnum`` member when it is one and stays a plain string when it is not, ids are always
strings, dates that do not parse become ``None`` instead of failing the whole order, and almost
every field has a default. An order keeps its raw JSON (``Order.raw``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    model_validator,
)
from pydantic.alias_generators import to_camel

# --- lenient building blocks ------------------------------------------------------------------


def lenient_enum(enum_cls: type[StrEnum]) -> Any:
    """A ``str`` field that holds the enum member when the value is known, else the string."""

    def to_member(value: str) -> str:
        try:
            return enum_cls(value)
        except ValueError:
            return value

    return Annotated[str, AfterValidator(to_member)]


def _datetime_or_none(value: Any) -> Any:
    """An aware datetime (stored times must be instants), or None for text that is no time."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    if isinstance(value, datetime) and value.utcoffset() is None:
        # bol writes an offset (+01:00) or Z; one without is read as UTC, as the client's
        # query parameters are
        return value.replace(tzinfo=UTC)
    return value


def _date_or_none(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return value


LenientDatetime = Annotated[datetime | None, BeforeValidator(_datetime_or_none)]
LenientDate = Annotated[date | None, BeforeValidator(_date_or_none)]


class BolModel(BaseModel):
    """camelCase on the wire, snake_case in Python; unknown fields kept; numbers as id strings."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        extra="allow",
        coerce_numbers_to_str=True,
    )


class RawKeepingModel(BolModel):
    """Keeps a deep copy of the JSON it was parsed from, for storage and later re-reading."""

    _raw: dict[str, Any] = PrivateAttr(default_factory=dict)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_raw(cls, data: Any, handler: Any) -> Any:
        model = handler(data)
        if isinstance(data, dict):
            # The dict comes fresh from json.loads and nothing changes it: keeping it (not a
            # deep copy) halves the objects an import creates, and the GC pauses with them.
            model._raw = data
        return model

    @property
    def raw(self) -> dict[str, Any]:
        return self._raw


# --- enums (known values; fields stay open to new ones) ------------------------------------------


class FulfilmentMethod(StrEnum):
    FBR = "FBR"
    FBB = "FBB"


class FulfilmentStatus(StrEnum):
    OPEN = "OPEN"
    HANDLED = "HANDLED"


class OrderStatusFilter(StrEnum):
    OPEN = "OPEN"
    SHIPPED = "SHIPPED"
    ALL = "ALL"


class FulfilmentFilter(StrEnum):
    FBR = "FBR"
    FBB = "FBB"
    ALL = "ALL"


class DistributionParty(StrEnum):
    RETAILER = "RETAILER"
    BOL = "BOL"


class TimeFrameType(StrEnum):
    REGULAR = "REGULAR"
    EVENING = "EVENING"
    APPOINTMENT = "APPOINTMENT"
    SAMEDAY = "SAMEDAY"
    SUNDAY = "SUNDAY"


class Salutation(StrEnum):
    MALE = "MALE"
    FEMALE = "FEMALE"
    UNKNOWN = "UNKNOWN"


class CancellationReason(StrEnum):
    """bol's reason codes for ``PUT /retailer/orders/cancellation``."""

    OUT_OF_STOCK = "OUT_OF_STOCK"
    REQUESTED_BY_CUSTOMER = "REQUESTED_BY_CUSTOMER"
    BAD_CONDITION = "BAD_CONDITION"
    HIGHER_SHIPCOST = "HIGHER_SHIPCOST"
    INCORRECT_PRICE = "INCORRECT_PRICE"
    NOT_AVAIL_IN_TIME = "NOT_AVAIL_IN_TIME"
    NO_BOL_GUARANTEE = "NO_BOL_GUARANTEE"
    ORDERED_TWICE = "ORDERED_TWICE"
    RETAIN_ITEM = "RETAIN_ITEM"
    TECH_ISSUE = "TECH_ISSUE"
    UNFINDABLE_ITEM = "UNFINDABLE_ITEM"
    OTHER = "OTHER"


class ProcessState(StrEnum):
    PENDING = "PENDING"
    SUCCESS = "SUCCESS"
    FAILURE = "FAILURE"
    TIMEOUT = "TIMEOUT"


# --- problems -------------------------------------------------------------------------------------


class Violation(BolModel):
    name: str | None = None
    reason: str | None = None


class Problem(BolModel):
    """bol's problem object; real 401/403/429 bodies carry only title, status and detail."""

    type: str | None = None
    title: str | None = None
    status: int | None = None
    detail: str | None = None
    host: str | None = None
    instance: str | None = None
    violations: list[Violation] = Field(default_factory=list)


# --- orders ---------------------------------------------------------------------------------------


class ReducedOrderItem(BolModel):
    order_item_id: str
    ean: str | None = None
    fulfilment_method: lenient_enum(FulfilmentMethod) | None = None
    fulfilment_status: lenient_enum(FulfilmentStatus) | None = None
    quantity: int = 0
    quantity_shipped: int = 0
    quantity_cancelled: int = 0
    cancellation_request: bool = False
    latest_changed_date_time: LenientDatetime = None


class ReducedOrder(BolModel):
    """An order as ``GET /retailer/orders`` lists it: no address, no prices."""

    order_id: str
    order_placed_date_time: LenientDatetime = None
    order_items: list[ReducedOrderItem] = Field(default_factory=list)


class Address(BolModel):
    salutation: lenient_enum(Salutation) | None = None
    first_name: str | None = None
    surname: str | None = None
    street_name: str | None = None
    house_number: str | None = None
    house_number_extension: str | None = None
    extra_address_information: str | None = None
    zip_code: str | None = None
    city: str | None = None
    country_code: str | None = None
    email: str | None = None
    company: str | None = None


class ShipmentDetails(Address):
    pickup_point_name: str | None = None
    delivery_phone_number: str | None = None
    language: str | None = None


class BillingDetails(Address):
    vat_number: str | None = None
    kvk_number: str | None = None
    order_reference: str | None = None


class OrderFulfilment(BolModel):
    method: lenient_enum(FulfilmentMethod) | None = None
    distribution_party: lenient_enum(DistributionParty) | None = None
    latest_delivery_date: LenientDate = None
    exact_delivery_date: LenientDate = None
    expiry_date: LenientDate = None
    time_frame_type: lenient_enum(TimeFrameType) | None = None


class OrderOffer(BolModel):
    offer_id: str | None = None
    reference: str | None = None


class OrderProduct(BolModel):
    ean: str | None = None
    title: str | None = None


class Discount(BolModel):
    title: str | None = None
    amount: Decimal | None = None


class AdditionalService(BolModel):
    service_type: str | None = None


class OrderItem(BolModel):
    order_item_id: str
    cancellation_request: bool = False
    fulfilment: OrderFulfilment | None = None
    offer: OrderOffer | None = None
    product: OrderProduct | None = None
    quantity: int = 0
    quantity_shipped: int = 0
    quantity_cancelled: int = 0
    unit_price: Decimal | None = None
    total_price: Decimal | None = None
    discounts: list[Discount] = Field(default_factory=list)
    commission: Decimal | None = None
    additional_services: list[AdditionalService] | None = None
    latest_changed_date_time: LenientDatetime = None

    @property
    def quantity_open(self) -> int:
        """Units neither shipped nor cancelled."""
        return max(self.quantity - self.quantity_shipped - self.quantity_cancelled, 0)


class Order(RawKeepingModel):
    """An order from ``GET /retailer/orders/{order-id}``; ``raw`` is the JSON as bol sent it."""

    order_id: str
    pickup_point: bool | None = None
    order_placed_date_time: LenientDatetime = None
    shipment_details: ShipmentDetails | None = None
    billing_details: BillingDetails | None = None
    order_items: list[OrderItem] = Field(default_factory=list)


# --- shipments ------------------------------------------------------------------------------------


class ShipmentOrder(BolModel):
    order_id: str
    order_placed_date_time: LenientDatetime = None


class ShipmentItemRef(BolModel):
    order_item_id: str
    ean: str | None = None


class TransportRef(BolModel):
    transport_id: str | None = None


class ReducedShipment(BolModel):
    shipment_id: str
    shipment_date_time: LenientDatetime = None
    shipment_reference: str | None = None
    order: ShipmentOrder | None = None
    shipment_items: list[ShipmentItemRef] = Field(default_factory=list)
    transport: TransportRef | None = None


# --- process status -------------------------------------------------------------------------------


class Link(BolModel):
    rel: str | None = None
    href: str | None = None
    method: str | None = None


class ProcessStatus(BolModel):
    """The 202 answer of every v10 write, and what the process-status endpoints return."""

    process_status_id: str | None = None
    entity_id: str | None = None
    event_type: str | None = None
    description: str | None = None
    status: lenient_enum(ProcessState) | None = None
    error_message: str | None = None
    create_timestamp: LenientDatetime = None
    links: list[Link] = Field(default_factory=list)

    @property
    def is_final(self) -> bool:
        """SUCCESS, FAILURE and TIMEOUT are final; PENDING and unknown values are not."""
        return self.status in (ProcessState.SUCCESS, ProcessState.FAILURE, ProcessState.TIMEOUT)
