"""What the station says about short picks and oversold orders (no widgets).

Translated in the "PickStationSection" context with the station's other sentences.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from haydigo_desk.domain.short_picks import ShortReason
from haydigo_desk.services.picking import LineView, OrderWork
from haydigo_desk.services.picking_short import ShortOutcome
from haydigo_desk.ui.station.feedback import Feedback, Message


def reported(line: LineView, outcome: ShortOutcome, reason: ShortReason) -> Message:
    if reason is ShortReason.DAMAGED:
        text = QCoreApplication.translate(
            "PickStationSection", "{units} × {title} damaged: in the Can't-fulfil queue, "
            "{written_off} written off the stock — set it aside")
    else:
        text = QCoreApplication.translate(
            "PickStationSection", "{units} × {title} not found: in the Can't-fulfil queue")
    return Message(text.format(units=outcome.units, title=line.title,
                               written_off=outcome.written_off), Feedback.INFO)


def refused(outcome: ShortOutcome, line: LineView) -> Message:
    if outcome.refusal == "closed":
        text = QCoreApplication.translate(
            "PickStationSection", "{title}: nothing open any more (shipped or cancelled) — "
            "nothing to report").format(title=line.title)
    elif outcome.refusal == "too_many":
        text = QCoreApplication.translate(
            "PickStationSection", "{title}: only {units} still to take — report at most that "
            "many (F2 sets the quantity)").format(title=line.title, units=outcome.limit)
    else:
        text = QCoreApplication.translate(
            "PickStationSection", "{title}: nothing to report").format(title=line.title)
    return Message(text, Feedback.REFUSED)


def nothing_to_report() -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "Nothing left to take from the shelf: no unit to report"),
        Feedback.REFUSED)


def rest_ships() -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "The rest of the order ships now (a partial shipment)"),
        Feedback.INFO)


def order_waits(work: OrderWork) -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "Order {order} waits for the Can't-fulfil decision — leave what "
        "is packed with the order").format(order=work.bol_order_id), Feedback.INFO)


def oversold(work: OrderWork) -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "Order {order} is oversold: the stock cannot serve it — do not "
        "pick it; older orders get the units first").format(order=work.bol_order_id),
        Feedback.REFUSED)
