"""The pick station's widgets for bol.com labels (a mixin of ``PickStationSection``): the
label question (``LabelDialog``) and printing the bought label off the GUI thread, on the
workstation's label printer or, with none set, as a PDF in the data folder."""

from __future__ import annotations

from collections.abc import Callable

from haydigo_desk.services.redaction import describe_error
from haydigo_desk.ui.db_tasks import DbTasks
from haydigo_desk.ui.label_printing import LabelOutput, label_file, output_label
from haydigo_desk.ui.station import label_messages
from haydigo_desk.ui.station.feedback import Message
from haydigo_desk.ui.station.label_dialog import LabelDialog
from haydigo_desk.ui.station.label_steps import LabelAsk, LabelPrint


class LabelView:
    _label_printing: DbTasks | None = None
    last_label_output: LabelOutput | None = None  # where the last label went (tests, status)

    def ask_label(self, ask: LabelAsk, done: Callable[[str | None], None]) -> None:
        dialog = LabelDialog(ask.order_label, ask.chosen, parent=self)

        def finished(_result: int) -> None:
            self._dialog_closed()
            done(dialog.offer_id)

        dialog.finished.connect(finished)
        self._show_dialog(dialog)

    def print_label(self, job: LabelPrint, done: Callable[[Message, bool], None]) -> None:
        """Print (or save) the label off the GUI thread; ``done(message, printed)``."""
        settings = self.context.settings
        printer, paper = settings.label_printer_name, settings.label_paper
        target = label_file(self.context.paths.data_dir, job.bol_order_id, job.label_id)
        if self._label_printing is None:
            self._label_printing = DbTasks(self, max_workers=1, name="desk-print")

        def printed(output: LabelOutput) -> None:
            self.last_label_output = output
            done(label_messages.printed(output.printer) if output.printer
                 else label_messages.saved(str(output.path)), True)

        self._label_printing.run_ordered(
            lambda: output_label(job.pdf, printer_name=printer, paper=paper, file=target),
            printed,
            lambda error: done(label_messages.print_failed(describe_error(error)), False))

    def shutdown_label_printing(self) -> None:
        if self._label_printing is not None:
            self._label_printing.shutdown()
