"""The Returns section's words: handling results, states, dispositions and the sentences for
the rules' refusals (``ReturnRuleError.code``), in Dutch and English."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from haydigo_desk.domain.returns import Disposition, ReturnLineState, ReturnRuleError

translate = QCoreApplication.translate  # lupdate reads each call's "Returns" context


def handling_result_label(result: str) -> str:
    return {
        "RETURN_RECEIVED": translate("Returns", "Return received"),
        "EXCHANGE_PRODUCT": translate("Returns", "Exchange the product"),
        "RETURN_DOES_NOT_MEET_CONDITIONS": translate(
            "Returns", "Does not meet the return conditions"),
        "REPAIR_PRODUCT": translate("Returns", "Repair the product"),
        "CUSTOMER_KEEPS_PRODUCT_PAID": translate(
            "Returns", "Customer keeps the product (paid)"),
        "STILL_APPROVED": translate("Returns", "Approved after all"),
    }.get(result, result)


def state_label(state: str) -> str:
    return {
        ReturnLineState.OPEN: translate("Returns", "To handle"),
        ReturnLineState.QUEUED: translate("Returns", "Waiting for bol.com"),
        ReturnLineState.HANDLED: translate("Returns", "Handled"),
        ReturnLineState.FAILED: translate("Returns", "Refused by bol.com"),
    }.get(state, state)


def disposition_label(disposition: str) -> str:
    return {
        Disposition.RESTOCK: translate("Returns", "Back to stock"),
        Disposition.WRITE_OFF: translate("Returns", "Write off (manager)"),
        Disposition.NONE: translate("Returns", "Nothing to stock"),
    }.get(disposition, disposition)


def refusal_text(error: ReturnRuleError) -> str:
    """The user's sentence for a refused handling or scan; nothing was changed."""
    p = error.params
    code = error.code
    if code == "already_handled":
        return translate(
            "Returns", "This return item was already handled ({result}); it cannot be "
            "handled twice.").format(result=handling_result_label(p.get("result", "")))
    if code == "bad_quantity":
        return translate(
            "Returns", "The quantity must be 1 to {expected}: the customer returned "
            "{expected}.").format(expected=p.get("expected", 0))
    if code == "no_product":
        return translate(
            "Returns", "The desk knows no product with EAN {ean}; add it before the units go "
            "to stock.").format(ean=p.get("ean", ""))
    if code == "order_unknown":
        return translate(
            "Returns", "The desk never imported order {order}; a return can only be "
            "registered for an order the desk knows.").format(order=p.get("order", ""))
    if code == "nothing_shipped":
        return translate(
            "Returns", "No shipped unit of order {order} is left to return.").format(
                order=p.get("order", ""))
    if code == "no_match":
        return translate("Returns", "No return matches {code}.").format(
            code=p.get("scanned", ""))
    fixed = {
        "already_queued": translate(
            "Returns", "This return item's handling is already on its way to bol.com."),
        "bad_result": translate("Returns", "Choose one of bol.com's handling results."),
        "no_location": translate("Returns", "Choose the location the units go back to."),
        "no_write_off_reason": translate("Returns", "Give the reason for the write-off."),
        "nothing_arrives": translate(
            "Returns", "The customer keeps the product: nothing goes to stock."),
        "manager_only": translate("Returns", "Only a manager may write off returned units."),
        "no_such_item": translate("Returns", "This return item no longer exists."),
        "empty_scan": translate("Returns", "Scan or type a track & trace, order id or EAN."),
    }
    return fixed.get(code, str(error))
