"""Reprinting a bought bol.com label from the order detail: the stored PDF goes out again on
the workstation's label printer (or into the data folder); nothing is asked of bol.com and
nothing is bought. The database reads run on the pane's ``DbTasks``, printing on a worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from haydigo_desk.context import DeskContext
from haydigo_desk.services.redaction import describe_error
from haydigo_desk.ui.db_tasks import DbTasks
from haydigo_desk.ui.label_printing import LabelOutput, label_file, output_label
from haydigo_desk.ui.order_shipments import OrderShipmentsPanel

if TYPE_CHECKING:
    from haydigo_desk.services import labels


def _labels():
    """The labels' use cases, loaded by the first order with a label (on the pane's database
    thread): they bring the bol.com client's models, which the Orders list does not need."""
    from haydigo_desk.services import labels

    return labels


class LabelReprint(QObject):
    def __init__(self, context: DeskContext, tasks: DbTasks, panel: OrderShipmentsPanel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.tasks = tasks
        self.panel = panel
        self.printing = DbTasks(self, max_workers=1, name="desk-print")
        self.last_output: LabelOutput | None = None
        self._order_id: int | None = None
        panel.reprint_requested.connect(self.reprint)

    def load(self, order_id: int | None) -> None:
        """The order's labels, so that its shipments offer "Reprint label"."""
        self._order_id = order_id
        if order_id is None:
            self.panel.show_labels({})
            return
        database = self.context.database
        self.tasks.run(lambda: _labels().labels_of_order(database, order_id),
                       lambda found: self._loaded(order_id, found))

    def _loaded(self, order_id: int, found: list[labels.LabelView]) -> None:
        if order_id == self._order_id:
            self.panel.show_labels({label.shipment_id: label for label in found
                                    if label.has_pdf and label.shipment_id is not None})

    def reprint(self, label_id: int) -> None:
        database = self.context.database
        self.tasks.run(lambda: _labels().label_for_reprint(database, label_id),
                       lambda stored: self._print(label_id, *stored))

    def _print(self, label_id: int, pdf: bytes | None, bol_order_id: str) -> None:
        if pdf is None:
            self._say(QCoreApplication.translate("OrderShipmentsPanel",
                                                 "This label has no stored PDF to print."))
            return
        settings = self.context.settings
        printer, paper = settings.label_printer_name, settings.label_paper
        target = label_file(self.context.paths.data_dir, bol_order_id, label_id)
        self.printing.run_ordered(
            lambda: output_label(pdf, printer_name=printer, paper=paper, file=target),
            self._printed, lambda error: self._say(QCoreApplication.translate(
                "OrderShipmentsPanel", "The label did not print: %1").replace(
                "%1", describe_error(error))))

    def _printed(self, output: LabelOutput) -> None:
        self.last_output = output
        if output.printer:
            text = QCoreApplication.translate(
                "OrderShipmentsPanel", "Label printed again on %1").replace("%1", output.printer)
        else:
            text = QCoreApplication.translate(
                "OrderShipmentsPanel", "Label saved again as %1").replace("%1", str(output.path))
        self._say(text)

    def _say(self, text: str) -> None:
        self.panel.show_label_output(text)

    def shutdown(self) -> None:
        self.printing.shutdown()
