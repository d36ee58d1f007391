"""What the station says while it buys a bol.com label (no widgets); in the
"PickStationSection" context like every station sentence (``messages.py``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from haydigo_desk.domain.delivery_options import ChoiceReason
from haydigo_desk.ui.station.feedback import Feedback, Message


def reason_text(reason: ChoiceReason) -> str:
    """Why the desk chose this label (or none), in words for the packer."""
    texts = {
        ChoiceReason.RECOMMENDED: QCoreApplication.translate(
            "PickStationSection", "bol.com recommends it"),
        ChoiceReason.CHEAPEST_ON_TIME: QCoreApplication.translate(
            "PickStationSection", "the cheapest that arrives on time"),
        ChoiceReason.MAILBOX: QCoreApplication.translate(
            "PickStationSection", "it fits through the letterbox: the cheapest mailbox label"),
        ChoiceReason.NO_RECOMMENDATION: QCoreApplication.translate(
            "PickStationSection", "bol.com recommends none: the cheapest on time"),
        ChoiceReason.RECOMMENDED_LATE: QCoreApplication.translate(
            "PickStationSection", "bol.com's recommendation is late: the cheapest on time"),
        ChoiceReason.NO_MAILBOX: QCoreApplication.translate(
            "PickStationSection", "no mailbox label for these items: the cheapest on time"),
        ChoiceReason.MAILBOX_LATE: QCoreApplication.translate(
            "PickStationSection", "mailbox labels are late: the cheapest on time"),
        ChoiceReason.NONE_ON_TIME: QCoreApplication.translate(
            "PickStationSection", "no label arrives on time: confirm a late one"),
        ChoiceReason.NO_OPTIONS: QCoreApplication.translate(
            "PickStationSection", "bol.com offers no label for these items"),
        ChoiceReason.ALL_EXPIRED: QCoreApplication.translate(
            "PickStationSection", "every offer of bol.com expired: press F8 to ask again"),
    }
    return texts[ChoiceReason(reason)]


def asking_options() -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "Asking bol.com which labels it offers…"), Feedback.INFO)


def options_failed(error: str) -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "bol.com did not answer with labels ({error}). Nothing was "
        "bought: press F8 to try again").format(error=error), Feedback.REFUSED)


def no_label(reason: ChoiceReason) -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "No label bought: {reason}. The order is under Problem; "
        "nothing was posted").format(reason=reason_text(reason)), Feedback.REFUSED)


def needs_sync() -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "A bol.com label needs the sync to run: start it and press F8"),
        Feedback.REFUSED)


def buying() -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "Buying the bol.com label…"), Feedback.INFO)


def bought_printing(track_and_trace: str | None) -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "Label bought ({code}), printing… then posting the shipment"
    ).format(code=track_and_trace or "—"), Feedback.INFO)


def still_buying() -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "bol.com is still processing the label: the sync finishes it "
        "and never buys it twice. Press F8 to look again"), Feedback.INFO)


def label_refused(error: str) -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "No label: {error}. The order is under Problem; nothing was "
        "posted").format(error=error.rstrip(". ")), Feedback.REFUSED)


def printed(printer: str) -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "Label printed on {printer}").format(printer=printer),
        Feedback.INFO)


def saved(path: str) -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "No label printer set: the label is saved as {path}").format(
        path=path), Feedback.INFO)


def print_failed(error: str) -> Message:
    return Message(QCoreApplication.translate(
        "PickStationSection", "The label did not print ({error}); reprint it from the order "
        "(it is stored, nothing is bought again)").format(error=error), Feedback.REFUSED)
