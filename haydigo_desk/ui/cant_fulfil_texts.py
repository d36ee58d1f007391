"""Words for the Can't-fulfil queue: shelf reasons, states, bol.com's seller reasons and why
a decision was refused (translated in the "CantFulfil" context, written out in every call:
lupdate reads only literal contexts)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication as Qc

from haydigo_desk.domain.short_picks import ShortPickRefused


def reason_label(reason: str) -> str:
    return {
        "not_found": Qc.translate("CantFulfil", "Not found"),
        "damaged": Qc.translate("CantFulfil", "Damaged"),
    }.get(reason, reason)


def state_label(state: str) -> str:
    return {
        "open": Qc.translate("CantFulfil", "To decide"),
        "backorder": Qc.translate("CantFulfil", "Waits for stock"),
        "cancelling": Qc.translate("CantFulfil", "Cancelling at bol.com"),
        "refused": Qc.translate("CantFulfil", "bol.com refused the cancellation"),
    }.get(state, state)


def seller_reason_label(code: str) -> str:
    """bol.com's seller reason codes in words."""
    return {
        "OUT_OF_STOCK": Qc.translate("CantFulfil", "Out of stock"),
        "BAD_CONDITION": Qc.translate("CantFulfil", "Bad condition (damaged)"),
        "UNFINDABLE_ITEM": Qc.translate("CantFulfil", "Item cannot be found"),
        "NOT_AVAIL_IN_TIME": Qc.translate("CantFulfil", "Not available in time"),
        "HIGHER_SHIPCOST": Qc.translate("CantFulfil", "Higher shipping costs"),
        "INCORRECT_PRICE": Qc.translate("CantFulfil", "Incorrect price"),
        "NO_BOL_GUARANTEE": Qc.translate("CantFulfil", "No bol.com guarantee possible"),
        "ORDERED_TWICE": Qc.translate("CantFulfil", "Ordered twice"),
        "RETAIN_ITEM": Qc.translate("CantFulfil", "Item retained"),
        "TECH_ISSUE": Qc.translate("CantFulfil", "Technical issue"),
        "OTHER": Qc.translate("CantFulfil", "Other reason"),
    }.get(code, code)


def refusal_text(refused: ShortPickRefused) -> str:
    return {
        "decided": Qc.translate(
            "CantFulfil", "This line was decided meanwhile; the list shows it as it is now."),
        "shipped": Qc.translate(
            "CantFulfil", "The item is already shipped or cancelled: it cannot be cancelled "
            "at bol.com any more."),
        "on_its_way": Qc.translate(
            "CantFulfil", "A cancellation of this item is already on its way to bol.com."),
        "reason": Qc.translate("CantFulfil", "Choose one of bol.com's reasons."),
    }.get(refused.kind, Qc.translate("CantFulfil", "The decision was not saved."))
