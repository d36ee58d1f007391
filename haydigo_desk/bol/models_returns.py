"""pydantic models of bol.com's returns answers (v10), as lenient as ``bol/models.py``.

bol's ``Return`` and ``ReducedReturn`` differ only in what an item carries (the detail adds
title, track & trace, transporter and customer); one model with defaults reads both.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from haydigo_desk.bol.models import (
    Address,
    BolModel,
    FulfilmentMethod,
    LenientDatetime,
    lenient_enum,
)


class HandlingResult(StrEnum):
    """What the retailer tells bol.com about a returned item (``ReturnRequest``)."""

    RETURN_RECEIVED = "RETURN_RECEIVED"
    EXCHANGE_PRODUCT = "EXCHANGE_PRODUCT"
    RETURN_DOES_NOT_MEET_CONDITIONS = "RETURN_DOES_NOT_MEET_CONDITIONS"
    REPAIR_PRODUCT = "REPAIR_PRODUCT"
    CUSTOMER_KEEPS_PRODUCT_PAID = "CUSTOMER_KEEPS_PRODUCT_PAID"
    STILL_APPROVED = "STILL_APPROVED"


# ``CreateReturnRequest`` (a return bol.com never announced) has every value but the last.
CREATE_HANDLING_RESULTS = tuple(r for r in HandlingResult if r != HandlingResult.STILL_APPROVED)


class ReturnReason(BolModel):
    main_reason: str | None = None
    detailed_reason: str | None = None
    customer_comments: str | None = None


class ReturnProcessingResult(BolModel):
    quantity: int = 0
    processing_result: str | None = None  # ACCEPTED, REJECTED, ... (bol gives examples only)
    handling_result: lenient_enum(HandlingResult) | None = None
    processing_date_time: LenientDatetime = None


class ReturnCustomer(Address):
    """``CustomerDetails``: the address fields of an order's, with the same leniency."""

    delivery_phone_number: str | None = None
    vat_number: str | None = None


class ReturnItem(BolModel):
    rma_id: str
    order_id: str | None = None
    ean: str | None = None
    title: str | None = None
    expected_quantity: int = 0
    return_reason: ReturnReason = Field(default_factory=ReturnReason)
    track_and_trace: str | None = None
    transporter_name: str | None = None
    handled: bool = False
    processing_results: list[ReturnProcessingResult] = Field(default_factory=list)
    customer_details: ReturnCustomer | None = None


class Return(BolModel):
    """A return of ``GET /retailer/returns`` (reduced) or ``/retailer/returns/{id}``."""

    return_id: str
    registration_date_time: LenientDatetime = None
    fulfilment_method: lenient_enum(FulfilmentMethod) | None = None
    return_items: list[ReturnItem] = Field(default_factory=list)
