"""The Returns section's words: handling results, states, dispositions and the sentences for
the rules' refusals (``ReturnRuleError.code``), in Dutch and English."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from haydigo_desk.domain.returns import Disposition, ReturnLineState, ReturnRuleError


def _t(text: str) -> str:
    return QCoreApplication.translate("Returns", text)


def handling_result_label(result: str) -> str:
    return {
        "RETURN_RECEIVED": _t("Return received"),
        "EXCHANGE_PRODUCT": _t("Exchange the product"),
        "RETURN_DOES_NOT_MEET_CONDITIONS": _t("Does not meet the return conditions"),
        "REPAIR_PRODUCT": _t("Repair the product"),
        "CUSTOMER_KEEPS_PRODUCT_PAID": _t("Customer keeps the product (paid)"),
        "STILL_APPROVED": _t("Approved after all"),
    }.get(result, result)


def state_label(state: str) -> str:
    return {
        ReturnLineState.OPEN: _t("To handle"),
        ReturnLineState.QUEUED: _t("Waiting for bol.com"),
        ReturnLineState.HANDLED: _t("Handled"),
        ReturnLineState.FAILED: _t("Refused by bol.com"),
    }.get(state, state)


def disposition_label(disposition: str) -> str:
    return {
        Disposition.RESTOCK: _t("Back to stock"),
        Disposition.WRITE_OFF: _t("Write off (manager)"),
        Disposition.NONE: _t("Nothing to stock"),
    }.get(disposition, disposition)


def refusal_text(error: ReturnRuleError) -> str:
    """The user's sentence for a refused handling or scan; nothing was changed."""
    p = error.params
    texts = {
        "already_handled": _t("This return item was already handled ({result}); it cannot "
                              "be handled twice.").format(
                                  result=handling_result_label(p.get("result", ""))),
        "already_queued": _t("This return item's handling is already on its way to bol.com."),
        "bad_result": _t("Choose one of bol.com's handling results."),
        "bad_quantity": _t("The quantity must be 1 to {expected}: the customer returned "
                           "{expected}.").format(expected=p.get("expected", 0)),
        "no_location": _t("Choose the location the units go back to."),
        "no_write_off_reason": _t("Give the reason for the write-off."),
        "nothing_arrives": _t("The customer keeps the product: nothing goes to stock."),
        "manager_only": _t("Only a manager may write off returned units."),
        "no_product": _t("The desk knows no product with EAN {ean}; add it before the units "
                         "go to stock.").format(ean=p.get("ean", "")),
        "no_such_item": _t("This return item no longer exists."),
        "order_unknown": _t("The desk never imported order {order}; a return can only be "
                            "registered for an order the desk knows.").format(
                                order=p.get("order", "")),
        "nothing_shipped": _t("No shipped unit of order {order} is left to return.").format(
            order=p.get("order", "")),
        "empty_scan": _t("Scan or type a track & trace, order id or EAN."),
        "no_match": _t("No return matches {code}.").format(code=p.get("scanned", "")),
    }
    return texts.get(error.code, str(error))
