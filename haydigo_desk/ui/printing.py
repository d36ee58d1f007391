"""Printing from the desk: render in the background, then preview, print or save.

The views' owner adds the actions with one line each::

    view.addAction(make_print_pick_list_action(controller, view.selected_pick_list_id))
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from haydigo_desk.context import DeskContext
from haydigo_desk.reports import PageFormat
from haydigo_desk.services.print_documents import PrintError
from haydigo_desk.services.print_output import RenderedPdf, packing_slip_pdf, pick_list_pdf
from haydigo_desk.ui.db_tasks import DbTasks
from haydigo_desk.ui.i18n import resolve_language
from haydigo_desk.ui.print_preview import PrintPreviewDialog

log = logging.getLogger(__name__)

PRINT_PICK_LIST_SHORTCUT = "Ctrl+P"
PRINT_PACKING_SLIP_SHORTCUT = "Ctrl+Shift+P"


class PrintController(QObject):
    """Renders documents off the GUI thread and opens a PrintPreviewDialog for each."""

    rendering_started = Signal(str)  # what is being rendered, for a status bar
    preview_opened = Signal(object)  # the PrintPreviewDialog
    failed = Signal(str)  # the message shown to the user

    def __init__(self, context: DeskContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.parent_widget = parent_widget
        self._jobs = DbTasks(self, max_workers=1, name="desk-print")
        self.previews: list[PrintPreviewDialog] = []  # strong references while open

    @property
    def busy(self) -> bool:
        return self._jobs.busy

    def language(self) -> str:
        return resolve_language(self.context.settings.language)

    def print_pick_list(self, pick_list_id: int,
                        page_format: PageFormat = PageFormat.A4) -> None:
        database, language = self.context.database, self.language()
        self.rendering_started.emit(self.tr("Preparing the pick list…"))
        self._jobs.run_ordered(
            lambda: pick_list_pdf(database, pick_list_id, page_format=page_format,
                                  language=language),
            lambda pdf: self._open_preview(pdf, page_format, f"{pdf.title}.pdf"),
            self._render_failed,
        )

    def print_packing_slip(self, order_id: int | str,
                           page_format: PageFormat = PageFormat.A4) -> None:
        database, language = self.context.database, self.language()
        self.rendering_started.emit(self.tr("Preparing the packing slip…"))
        self._jobs.run_ordered(
            lambda: packing_slip_pdf(database, order_id, page_format=page_format,
                                     language=language),
            lambda pdf: self._open_preview(pdf, page_format, f"packing-slip-{pdf.title}.pdf"),
            self._render_failed,
        )

    def _printer_for(self, page_format: PageFormat) -> str:
        settings = self.context.settings
        if page_format is PageFormat.LABEL_102X152:
            return settings.label_printer_name or settings.printer_name
        return settings.printer_name

    def _open_preview(self, pdf: RenderedPdf, page_format: PageFormat, file_name: str) -> None:
        dialog = PrintPreviewDialog(pdf, printer_name=self._printer_for(page_format),
                                    file_name=file_name, parent=self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.previews.append(dialog)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()
        self.preview_opened.emit(dialog)

    def _forget(self, dialog: PrintPreviewDialog) -> None:
        if dialog in self.previews:
            self.previews.remove(dialog)

    def _render_failed(self, error: Exception) -> None:
        if isinstance(error, PrintError):
            # The service's sentence names the list or order; the heading is translated.
            text = self.tr("The document could not be made.") + "\n\n" + str(error)
        else:
            log.error("Rendering a document failed", exc_info=error)
            text = self.tr("The document could not be made. The log file has the details.")
        self.failed.emit(text)
        QMessageBox.warning(self.parent_widget, self.tr("Printing"), text)

    def shutdown(self) -> None:
        self._jobs.shutdown()


def _print_action(controller: PrintController, text: str, shortcut: str,
                  get_selected_id: Callable[[], int | str | None],
                  print_it: Callable[[int | str], None]) -> QAction:
    action = QAction(text, controller.parent_widget)
    action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def trigger() -> None:
        selected = get_selected_id()
        if selected is not None:  # nothing selected: nothing to print
            print_it(selected)

    action.triggered.connect(trigger)
    return action


def make_print_pick_list_action(controller: PrintController,
                                get_selected_id: Callable[[], int | None]) -> QAction:
    """"Print pick list…" (Ctrl+P) for the selected pick list; add it to the view."""
    text = QCoreApplication.translate("PrintController", "Print pick list…")
    return _print_action(controller, text, PRINT_PICK_LIST_SHORTCUT, get_selected_id,
                         controller.print_pick_list)


def make_print_packing_slip_action(controller: PrintController,
                                   get_selected_id: Callable[[], int | str | None]) -> QAction:
    """"Print packing slip…" (Ctrl+Shift+P) for the selected order; add it to the view."""
    text = QCoreApplication.translate("PrintController", "Print packing slip…")
    return _print_action(controller, text, PRINT_PACKING_SLIP_SHORTCUT, get_selected_id,
                         controller.print_packing_slip)
