"""The print preview: the rendered PDF's pages, Print… (Ctrl+P), Save as PDF… (Ctrl+S), Close."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.services.print_output import RenderedPdf, write_atomically
from haydigo_desk.ui.db_tasks import DbTasks
from haydigo_desk.ui.pdf_printing import (
    PdfLoadError,
    PrinterStartError,
    fit_printer_to,
    load_pdf,
    paint_pdf,
)

log = logging.getLogger(__name__)


class PrintPreviewDialog(QDialog):
    printed = Signal(int)  # pages sent to the printer
    saved = Signal(str)  # path written
    failed = Signal(str)  # the message shown

    def __init__(self, pdf: RenderedPdf, *, printer_name: str = "", file_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.printer_name = printer_name
        self.file_name = file_name or f"{pdf.title}.pdf"
        self._jobs = DbTasks(self, max_workers=1, name="desk-print")
        self.document: QPdfDocument
        self.document, self._buffer = load_pdf(pdf.data, self)
        self.setWindowTitle(self.tr("Print preview: %1").replace("%1", pdf.title))
        self.resize(760, 900)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.pages_label = QLabel(self.tr("%n page(s)", "", self.page_count))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_button.setToolTip(self.tr("Print (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_button.setToolTip(self.tr("Save as PDF (Ctrl+S)"))
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)  # Close and Esc
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        info = QHBoxLayout()
        info.addWidget(self.pages_label)
        info.addWidget(self.status_label, 1, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(info)
        layout.addWidget(buttons)
        self.print_button.setDefault(True)
        self.print_button.setFocus()

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    @property
    def busy(self) -> bool:
        return self._jobs.busy

    # --- printing ----------------------------------------------------------------------------

    def make_printer(self) -> QPrinter:
        """A printer set to the configured one (when it exists) and the document's paper."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.pdf.title)
        if self.printer_name:
            if QPrinterInfo.printerInfo(self.printer_name).isNull():
                self._warn(self.tr(
                    "The printer “%1” chosen in the settings is not available. "
                    "Choose another printer in the next window, or change it in the settings."
                ).replace("%1", self.printer_name))
            else:
                printer.setPrinterName(self.printer_name)
        fit_printer_to(printer, self.document.pagePointSize(0))
        return printer

    def print_document(self) -> None:
        if self._jobs.busy:
            return
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print %1").replace("%1", self.pdf.title))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.start_printing(printer)

    def start_printing(self, printer: QPrinter) -> None:
        """Paint the pages onto `printer` in the worker thread (the dialog stays usable)."""
        name = printer.printerName() or printer.outputFileName()
        self._set_busy(True, self.tr("Printing on %1…").replace("%1", name))
        data = self.pdf.data
        self._jobs.run_ordered(lambda: paint_pdf(data, printer),
                       lambda pages: self._printed(pages, printer),
                       lambda error: self._print_failed(error, name))

    def _printed(self, pages: int, printer: QPrinter) -> None:
        self._set_busy(False, self.tr("%n page(s) sent to the printer.", "", pages))
        self.printed.emit(pages)

    def _print_failed(self, error: Exception, name: str) -> None:
        self._set_busy(False, "")
        if isinstance(error, PrinterStartError):
            text = self.tr("The printer “%1” could not start printing. Check that it is "
                           "switched on and connected, or choose another printer.")
        elif isinstance(error, PdfLoadError):
            text = self.tr("The document could not be prepared for the printer “%1”.")
        else:
            log.error("Printing failed", exc_info=error)
            text = self.tr("Printing on “%1” failed.")
        self._warn(text.replace("%1", name))

    # --- saving ------------------------------------------------------------------------------

    def save_as(self) -> None:
        if self._jobs.busy:
            return
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(Path(folder) / self.file_name),
            self.tr("PDF files (*.pdf)"))
        if not path:
            return
        target = Path(path) if path.lower().endswith(".pdf") else Path(f"{path}.pdf")
        self._set_busy(True, self.tr("Saving…"))
        data = self.pdf.data
        self._jobs.run_ordered(lambda: write_atomically(target, data),
                       lambda _none: self._saved(target),
                       lambda error: self._save_failed(error, target))

    def _saved(self, target: Path) -> None:
        self._set_busy(False, self.tr("Saved as %1").replace("%1", str(target)))
        self.saved.emit(str(target))

    def _save_failed(self, error: Exception, target: Path) -> None:
        self._set_busy(False, "")
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        self._warn(self.tr("%1 could not be saved: %2").replace("%1", str(target))
                   .replace("%2", reason))

    # --- helpers -----------------------------------------------------------------------------

    def _set_busy(self, busy: bool, message: str) -> None:
        self.print_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)
        self.status_label.setText(message)

    def _warn(self, text: str) -> None:
        self.failed.emit(text)
        QMessageBox.warning(self, self.tr("Printing"), text)

    def done(self, result: int) -> None:
        # A print job already painting finishes in its thread; the GUI does not wait for it.
        self._jobs.shutdown(wait=False)
        super().done(result)
