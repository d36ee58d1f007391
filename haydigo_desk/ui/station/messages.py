"""Every sentence the pick station says, with its feedback class (no widgets).

Each refusal names the product (or the code that arrived) and says what to do next. Texts are
translated in the "PickStationSection" context, where the station's strings have always been
(written out in every call: lupdate reads only literal contexts).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from haydigo_desk.domain.scanning import ScanResult
from haydigo_desk.services import shipping
from haydigo_desk.services.picking import LineView, OrderWork, PutBack, ScanOutcome
from haydigo_desk.ui.station.feedback import Feedback, Message
from haydigo_desk.ui.status_style import status_label


def refused(outcome: ScanOutcome, *, batch: bool) -> Message:
    """Why a product scan did not count, in the class the picker hears and sees."""
    result, code, line = outcome.result, outcome.decision.code.raw, outcome.line
    if result is ScanResult.NOT_IN_ORDER:
        return Message(_not_in_work(code, outcome.product_title, batch), Feedback.WRONG_PRODUCT)
    if result is ScanResult.BAD_CHECK_DIGIT:
        return Message(QCoreApplication.translate(
            "PickStationSection", "{code}: wrong check digit — scan again or type it carefully"
        ).format(code=code), Feedback.BAD_CHECK_DIGIT)
    if result is ScanResult.TOO_MANY:
        if line is None:
            return Message(QCoreApplication.translate(
                "PickStationSection", "One too many: this product is complete"), Feedback.TOO_MANY)
        return Message(QCoreApplication.translate(
            "PickStationSection",
            "One too many: {title} needs {needed}, {picked} already picked — put this one back"
        ).format(title=line.title, needed=line.needed, picked=min(line.picked, line.needed)),
            Feedback.TOO_MANY)
    if result is ScanResult.LINE_CANCELLED:
        return Message(QCoreApplication.translate(
            "PickStationSection", "{title} was cancelled — do not pack it, put it back on the shelf"
        ).format(title=line.title if line is not None else code), Feedback.CANCELLED)
    if result is ScanResult.BAD_QUANTITY:
        return Message(QCoreApplication.translate(
            "PickStationSection", "The quantity must be 1 to 9999"), Feedback.REFUSED)
    if result is ScanResult.CLAIM_LOST:
        return claim_lost(outcome.holder)
    return Message(QCoreApplication.translate(
        "PickStationSection", "{code}: unknown code — scan the product's EAN, a pick list or an "
        "order").format(code=code), Feedback.UNKNOWN_CODE)


def _not_in_work(code: str, title: str | None, batch: bool) -> str:
    if batch and title:
        return QCoreApplication.translate(
            "PickStationSection", "{title} ({code}) is not on this pick list — put it back"
        ).format(title=title, code=code)
    if batch:
        return QCoreApplication.translate(
            "PickStationSection", "{code} is not on this pick list — put it back"
        ).format(code=code)
    if title:
        return QCoreApplication.translate(
            "PickStationSection",
            "{title} ({code}) is not in this order — put it back and scan an item of the order"
        ).format(title=title, code=code)
    return QCoreApplication.translate(
        "PickStationSection", "{code} is not in this order — leave it out").format(code=code)


def no_such_work(code: str) -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "{code}: no pick list or order with this code").format(code=code),
        Feedback.UNKNOWN_CODE)


def not_in_list(order: str, pick_list: str) -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection",
        "Order {order} is not on pick list {code} — pack the orders of this list, or leave it "
        "with Esc first").format(order=order, code=pick_list), Feedback.NOT_IN_LIST)


def claim_lost(holder: str | None) -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "{holder} took this order over — you cannot scan it any more"
    ).format(holder=holder or "?"), Feedback.STOP)


def database_busy(code: str | None) -> Message:
    if code:
        return Message(QCoreApplication.translate(
            "PickStationSection", "Database busy, scan again: {code} was not counted"
        ).format(code=code), Feedback.DB_BUSY)
    return Message(QCoreApplication.translate(
        "PickStationSection", "Database busy, scan again"), Feedback.DB_BUSY)


def database_failed(error: str) -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection",
        "The database refused this step ({error}); nothing was counted — try again"
    ).format(error=error[:200]), Feedback.REFUSED)


def counted(line: LineView, feedback: Feedback = Feedback.OK) -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "✔ {title}   {picked} / {needed}").format(
        title=line.title, picked=line.picked, needed=line.needed), feedback)


def no_work() -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "Scan a pick list or an order first"), Feedback.REFUSED)


def put_back_first() -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "Put the cancelled items back first, then press Enter"),
        Feedback.REFUSED)


def carry_on() -> Message:
    return Message(QCoreApplication.translate("PickStationSection", "Carry on scanning"),
                   Feedback.INFO)


def list_picked() -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "Everything is picked. Now scan an order to pack it."),
        Feedback.DONE)


def pick_list_opened(code: str) -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "Pick list {code}: scan the products in this order"
    ).format(code=code), Feedback.OPENED)


def order_opened(order: str) -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "Order {order}: scan its items").format(order=order),
        Feedback.OPENED)


def order_closed(work: OrderWork) -> Message:
    if work.status == "cancelled":
        return Message(QCoreApplication.translate(
            "PickStationSection", "Order {order} was cancelled by the customer — do not pack it"
        ).format(order=work.bol_order_id), Feedback.CANCELLED)
    return Message(QCoreApplication.translate(
        "PickStationSection", "Order {order} is already shipped").format(
        order=work.bol_order_id), Feedback.REFUSED)


def held_by(holder: str) -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "{holder} is working on this order").format(holder=holder),
        Feedback.REFUSED)


def order_changed() -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "Order changed: cancelled by the customer"), Feedback.STOP)


def put_back_text(put_back: tuple[PutBack, ...], *, cancelled: bool) -> str:
    """The stop banner's text: exactly what goes back to the shelf."""
    if put_back:
        items = "\n".join(QCoreApplication.translate(
            "PickStationSection", "• {n} × {title}  (EAN {ean}, location {location})").format(
            n=p.quantity, title=p.title, ean=p.ean, location=p.location or "—")
            for p in put_back)
        return QCoreApplication.translate(
            "PickStationSection", "STOP — the customer cancelled. Put back:\n{items}").format(
            items=items)
    if cancelled:
        return QCoreApplication.translate(
            "PickStationSection", "STOP — the customer cancelled this order. Do not ship it.")
    return QCoreApplication.translate(
        "PickStationSection", "STOP — the customer cancelled a line. Nothing to put back; "
        "do not pack the cancelled line.")


def claimed_line(work: OrderWork) -> str:
    """"Claimed by … · status …", the status word translated."""
    return QCoreApplication.translate(
        "PickStationSection", "Claimed by {who} · status {status}").format(
        who=work.claimed_by or "—", status=status_label(work.status).lower())


def posting() -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "Posting the shipment to bol.com…"), Feedback.INFO)


def wait_for_post() -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "The shipment is being posted — wait for bol.com"), Feedback.INFO)


def queued_for_sync() -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "Shipment queued: it is posted to bol.com with the next sync"),
        Feedback.INFO)


def nothing_picked() -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "Nothing picked yet — scan the items first"), Feedback.REFUSED)


def shipment_refused(refusal: shipping.ShipmentRefused, language: str) -> Message:
    if refusal.check:
        return Message(refusal.check.message(language), Feedback.REFUSED)
    reason = refusal.reason
    if reason is shipping.Refusal.ORDER_CLOSED:
        text = QCoreApplication.translate(
            "PickStationSection", "Not shipped: the order is already shipped or cancelled")
    elif reason is shipping.Refusal.PUT_BACK_FIRST:
        text = QCoreApplication.translate(
            "PickStationSection", "Not shipped: put the cancelled items back first")
    elif reason is shipping.Refusal.NOTHING_PICKED:
        return nothing_picked()
    elif reason is shipping.Refusal.PARTIAL_NOT_CONFIRMED:
        text = QCoreApplication.translate(
            "PickStationSection", "A partial shipment needs confirmation")
    elif reason is shipping.Refusal.UNKNOWN_TRANSPORTER:
        text = QCoreApplication.translate("PickStationSection", "Unknown transporter")
    else:
        text = QCoreApplication.translate(
            "PickStationSection", "Not shipped: {reason}").format(reason=reason.value)
    return Message(text, Feedback.REFUSED)


def bol_refused(error: str) -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "bol.com refused the shipment: {error}").format(error=error),
        Feedback.REFUSED)


def shipped_confirmed() -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "Shipped — confirmed by bol.com. Scan the next order."),
        Feedback.DONE)


def not_shipped() -> Message:
    return Message(QCoreApplication.translate("PickStationSection", "Not shipped — see below"),
                   Feedback.REFUSED)


def shipment_line(work: OrderWork, posting_now: bool) -> Message | None:
    """The line under the work about the order's latest shipment (None: no shipment yet)."""
    shipment = work.shipment
    if shipment is None:
        return None
    state = shipment.state
    if state == "confirmed" or work.status == "shipped":
        return Message(QCoreApplication.translate(
            "PickStationSection", "Order {order}: shipped ({carrier} {code})").format(
            order=work.bol_order_id, carrier=shipment.transporter_code,
            code=shipment.track_and_trace or "—"), Feedback.DONE)
    if state == "failed":
        error = shipment.error or QCoreApplication.translate(
            "PickStationSection", "no reason given")
        return Message(QCoreApplication.translate(
            "PickStationSection", "bol.com refused the shipment: {error}\nCorrect and resend "
            "with F9.").format(error=error), Feedback.REFUSED)
    if state == "cancelled":
        error = shipment.error or QCoreApplication.translate(
            "PickStationSection", "cancelled by the customer")
        return Message(QCoreApplication.translate(
            "PickStationSection", "Shipment stopped: {error}").format(error=error),
            Feedback.REFUSED)
    if posting_now:
        return posting()
    return Message(QCoreApplication.translate(
        "PickStationSection", "Shipment {state}: waiting for bol.com").format(state=state),
        Feedback.INFO)
