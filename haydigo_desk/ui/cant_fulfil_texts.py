"""Words for the Can't-fulfil queue: shelf reasons, states, bol.com's seller reasons and why
a decision was refused (translated in the "CantFulfil" context)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from haydigo_desk.domain.short_picks import ShortPickRefused


def _tr(text: str) -> str:
    return QCoreApplication.translate("CantFulfil", text)


def reason_label(reason: str) -> str:
    return {"not_found": _tr("Not found"), "damaged": _tr("Damaged")}.get(reason, reason)


def state_label(state: str) -> str:
    return {
        "open": _tr("To decide"),
        "backorder": _tr("Waits for stock"),
        "cancelling": _tr("Cancelling at bol.com"),
        "refused": _tr("bol.com refused the cancellation"),
    }.get(state, state)


def seller_reason_label(code: str) -> str:
    """bol.com's seller reason codes in words."""
    return {
        "OUT_OF_STOCK": _tr("Out of stock"),
        "BAD_CONDITION": _tr("Bad condition (damaged)"),
        "UNFINDABLE_ITEM": _tr("Item cannot be found"),
        "NOT_AVAIL_IN_TIME": _tr("Not available in time"),
        "HIGHER_SHIPCOST": _tr("Higher shipping costs"),
        "INCORRECT_PRICE": _tr("Incorrect price"),
        "NO_BOL_GUARANTEE": _tr("No bol.com guarantee possible"),
        "ORDERED_TWICE": _tr("Ordered twice"),
        "RETAIN_ITEM": _tr("Item retained"),
        "TECH_ISSUE": _tr("Technical issue"),
        "OTHER": _tr("Other reason"),
    }.get(code, code)


def refusal_text(refused: ShortPickRefused) -> str:
    return {
        "decided": _tr("This line was decided meanwhile; the list shows it as it is now."),
        "shipped": _tr("The item is already shipped or cancelled: it cannot be cancelled at "
                       "bol.com any more."),
        "on_its_way": _tr("A cancellation of this item is already on its way to bol.com."),
        "reason": _tr("Choose one of bol.com's reasons."),
    }.get(refused.kind, _tr("The decision was not saved."))
