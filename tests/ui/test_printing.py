"""Printing from the desk: background rendering, preview pages, save as, print, printer errors."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QWidget
from support.factories import make_account, make_order, make_orders, make_pick_list, make_products

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reports"))
from report_pdf_tools import decode_pages, page_count, rasterize, require

from haydigo_desk.config import AppPaths, DeskSettings, SettingsStore
from haydigo_desk.context import DeskContext
from haydigo_desk.persistence.database import open_database
from haydigo_desk.reports import PageFormat
from haydigo_desk.ui import print_preview, printing
from haydigo_desk.ui.printing import (
    PrintController,
    make_print_packing_slip_action,
    make_print_pick_list_action,
)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture
def shop(sqlite_url):
    """A pick list long enough for several pages, and one more order with its own slip."""
    database = open_database(sqlite_url)
    with database.unit_of_work() as uow:
        account = make_account(uow.session, store_name="Kussenwinkel")
        products = make_products(uow.session, account, 12)
        orders = make_orders(uow.session, account, products, 30)
        pick_list = make_pick_list(uow.session, orders, code="PL-000005")
        loose = make_order(uow.session, account, "C77777777X", [(products[0], 1)])
        uow.commit()
        ids = {"pick_list": pick_list.id, "order": loose.id,
               "eans": {line.ean for o in orders for line in o.lines}}
    yield database, ids
    database.dispose()


@pytest.fixture
def settings() -> DeskSettings:
    return DeskSettings(language="en")


@pytest.fixture
def controller(qtbot, shop, settings):
    database, _ids = shop
    window = QWidget()
    qtbot.addWidget(window)
    context = DeskContext(database, AppPaths.current(), SettingsStore(), settings)
    ctl = PrintController(context, window)
    yield ctl
    for dialog in list(ctl.previews):
        dialog.reject()
    qtbot.waitUntil(lambda: not ctl.busy, timeout=10000)
    ctl.shutdown()


@pytest.fixture
def warnings_shown(monkeypatch) -> list[str]:
    shown: list[str] = []

    def record(parent, title, text, *args, **kwargs):
        shown.append(text)

    monkeypatch.setattr(print_preview.QMessageBox, "warning", record)
    monkeypatch.setattr(printing.QMessageBox, "warning", record)
    return shown


class FakePrintDialog:
    """Stands in for QPrintDialog: 'accepts' by sending the job to a PDF file (or rejects)."""

    output: Path | None = None
    opened: list[QPrinter] = []

    def __init__(self, printer: QPrinter, parent=None) -> None:
        self.printer = printer

    def setWindowTitle(self, title: str) -> None:
        pass

    def exec(self) -> int:
        FakePrintDialog.opened.append(self.printer)
        if FakePrintDialog.output is None:
            return QDialog.DialogCode.Rejected
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(FakePrintDialog.output))
        return QDialog.DialogCode.Accepted


@pytest.fixture
def fake_print_dialog(monkeypatch):
    FakePrintDialog.output, FakePrintDialog.opened = None, []
    monkeypatch.setattr(print_preview, "QPrintDialog", FakePrintDialog)
    return FakePrintDialog


def _has_ink(image) -> bool:
    """True when a row across the page's top third holds dark pixels (text or bars)."""
    for y in range(0, image.height() // 3, 4):
        if any(image.pixelColor(x, y).lightness() < 80 for x in range(0, image.width(), 3)):
            return True
    return False


def _open_preview(qtbot, controller, pick_list_id: int):
    with qtbot.waitSignal(controller.preview_opened, timeout=15000) as opened:
        controller.print_pick_list(pick_list_id)
    return opened.args[0]


def test_rendering_runs_in_the_background_while_the_gui_keeps_ticking(
        qtbot, controller, shop, monkeypatch):
    _database, ids = shop
    real = printing.pick_list_pdf
    seen: dict[str, object] = {}

    def slow_render(*args, **kwargs):
        seen["thread"] = threading.current_thread()
        time.sleep(0.6)  # a long pick list on a slow desk
        return real(*args, **kwargs)

    monkeypatch.setattr(printing, "pick_list_pdf", slow_render)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    started = time.monotonic()
    controller.print_pick_list(ids["pick_list"])
    assert time.monotonic() - started < 0.2  # the call itself returns at once
    with qtbot.waitSignal(controller.preview_opened, timeout=15000):
        pass
    timer.stop()
    assert seen["thread"] is not threading.main_thread()
    assert len([t for t in ticks if t < started + 0.6]) >= 10  # ticked during the render


def test_preview_shows_every_page_and_closes_with_escape(qtbot, controller, shop, tmp_path):
    require("pdfinfo")
    _database, ids = shop
    dialog = _open_preview(qtbot, controller, ids["pick_list"])
    source = tmp_path / "source.pdf"
    source.write_bytes(dialog.pdf.data)
    assert dialog.page_count == page_count(source) >= 3
    assert dialog.view.document() is dialog.document
    assert dialog.pages_label.text() == f"{dialog.page_count} page(s)"
    assert dialog.windowTitle() == "Print preview: PL-000005"
    assert [b.text() for b in (dialog.print_button, dialog.save_button)] == [
        "Print…", "Save as PDF…"]
    dialog.show()
    qtbot.waitExposed(dialog)
    # QPdfView renders pages in its own thread: wait until the first page shows ink.
    qtbot.waitUntil(lambda: _has_ink(dialog.view.viewport().grab().toImage()), timeout=10000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "print_preview.png"))
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not controller.previews, timeout=5000)


def test_save_as_writes_the_pdf(qtbot, controller, shop, tmp_path, monkeypatch):
    _database, ids = shop
    dialog = _open_preview(qtbot, controller, ids["pick_list"])
    asked: list[str] = []

    def choose(parent, caption, suggested, file_filter):
        asked.append(Path(suggested).name)
        return str(tmp_path / "morning"), file_filter

    monkeypatch.setattr(print_preview.QFileDialog, "getSaveFileName", choose)
    with qtbot.waitSignal(dialog.saved, timeout=10000) as saved:
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["PL-000005.pdf"]
    assert saved.args == [str(tmp_path / "morning.pdf")]  # the extension is added
    written = (tmp_path / "morning.pdf").read_bytes()
    assert written == dialog.pdf.data and written.startswith(b"%PDF")


def test_save_to_a_missing_folder_gives_a_clear_message(
        qtbot, controller, shop, tmp_path, monkeypatch, warnings_shown):
    _database, ids = shop
    dialog = _open_preview(qtbot, controller, ids["pick_list"])
    target = tmp_path / "gone" / "x.pdf"
    monkeypatch.setattr(print_preview.QFileDialog, "getSaveFileName",
                        lambda *args: (str(target), ""))
    with qtbot.waitSignal(dialog.failed, timeout=10000):
        dialog.save_as()
    assert warnings_shown == [f"{target} could not be saved: No such file or directory"]
    assert dialog.save_button.isEnabled()


def test_printing_to_a_pdf_printer_keeps_the_barcodes_readable(
        qtbot, controller, shop, tmp_path, fake_print_dialog):
    require("pdftoppm", "pdfinfo", "zbarimg")
    _database, ids = shop
    dialog = _open_preview(qtbot, controller, ids["pick_list"])
    fake_print_dialog.output = tmp_path / "printed.pdf"
    with qtbot.waitSignal(dialog.printed, timeout=60000) as printed:
        qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed.args == [dialog.page_count]
    assert page_count(fake_print_dialog.output) == dialog.page_count
    pages = tmp_path / "pages"
    pages.mkdir()
    codes = {c for page in decode_pages(rasterize(fake_print_dialog.output, pages)) for c in page}
    assert "PL-000005" in codes and "C00000000X" in codes
    assert ids["eans"] <= codes
    assert dialog.status_label.text() == f"{dialog.page_count} page(s) sent to the printer."


def test_printer_takes_the_documents_paper(qtbot, controller, shop):
    _database, ids = shop
    dialog = _open_preview(qtbot, controller, ids["pick_list"])
    printer = dialog.make_printer()
    size = printer.pageLayout().fullRect().size()  # points
    assert abs(size.width() - 595.3) < 1 and abs(size.height() - 841.9) < 1
    assert printer.fullPage()


def test_an_unknown_configured_printer_is_named_in_a_clear_message(
        qtbot, controller, shop, settings, warnings_shown, fake_print_dialog):
    _database, ids = shop
    settings.printer_name = "Magazijn-HP"
    dialog = _open_preview(qtbot, controller, ids["pick_list"])
    dialog.print_document()  # the fake print dialog is cancelled
    assert len(warnings_shown) == 1
    assert "“Magazijn-HP” chosen in the settings is not available" in warnings_shown[0]
    assert len(fake_print_dialog.opened) == 1  # the user may still pick another printer


@pytest.mark.qt_log_ignore("QPainter::begin")  # Qt's own word for the printer that fails
def test_a_printer_that_cannot_start_gives_a_clear_message(
        qtbot, controller, shop, tmp_path, warnings_shown):
    _database, ids = shop
    dialog = _open_preview(qtbot, controller, ids["pick_list"])
    printer = dialog.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "no-such-folder" / "out.pdf"))
    with qtbot.waitSignal(dialog.failed, timeout=10000):
        dialog.start_printing(printer)
    assert len(warnings_shown) == 1
    assert "could not start printing" in warnings_shown[0]
    assert "out.pdf" in warnings_shown[0]
    assert dialog.print_button.isEnabled()


def test_label_documents_go_to_the_label_printer(qtbot, controller, settings):
    settings.printer_name, settings.label_printer_name = "A4-Printer", "Zebra"
    with qtbot.waitSignal(controller.preview_opened, timeout=15000) as opened:
        controller.print_packing_slip("C77777777X", PageFormat.LABEL_102X152)
    dialog = opened.args[0]
    assert dialog.printer_name == "Zebra"
    assert dialog.file_name == "packing-slip-C77777777X.pdf"
    assert dialog.page_count == 1


def test_a_document_that_cannot_be_made_is_explained(
        qtbot, controller, warnings_shown):
    with qtbot.waitSignal(controller.failed, timeout=10000):
        controller.print_pick_list(4242)
    assert warnings_shown == [
        "The document could not be made.\n\nThere is no pick list with id 4242."]
    assert controller.previews == []


def test_actions_print_the_selected_item_with_their_shortcuts(qtbot, controller, shop):
    _database, ids = shop
    selected: list[int | None] = [None]
    pick_action = make_print_pick_list_action(controller, lambda: selected[0])
    slip_action = make_print_packing_slip_action(controller, lambda: ids["order"])
    assert pick_action.shortcut().toString() == "Ctrl+P"
    assert slip_action.shortcut().toString() == "Ctrl+Shift+P"
    assert (pick_action.text(), slip_action.text()) == ("Print pick list…", "Print packing slip…")
    pick_action.trigger()  # nothing selected: nothing happens
    assert not controller.busy
    with qtbot.waitSignal(controller.preview_opened, timeout=15000) as opened:
        slip_action.trigger()
    assert opened.args[0].pdf.title == "C77777777X"
    selected[0] = ids["pick_list"]
    with qtbot.waitSignal(controller.preview_opened, timeout=15000) as opened:
        pick_action.trigger()
    assert opened.args[0].pdf.title == "PL-000005"
