"""A bought bol.com label out of the desk at once: on the workstation's label printer, or as
a PDF file in the data folder where no label printer is set (its path is shown).

The label is bol's own PDF (A6). It is painted on the label paper of the workstation's setting
(A6, or a 4 × 6 inch roll: the label is fitted, keeping its proportions, so the barcode keeps
its bars). Runs in a worker thread (``DbTasks.run_ordered``): the station keeps scanning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter

from haydigo_desk.services.print_output import write_atomically
from haydigo_desk.ui.pdf_printing import paint_pdf

PAPER = {
    "a6": QPageSize(QPageSize.PageSizeId.A6),
    "4x6": QPageSize(QSizeF(4, 6), QPageSize.Unit.Inch, "4 x 6 in"),
}


@dataclass(frozen=True)
class LabelOutput:
    """Where the label went: the printer's name, or the file it was saved as."""

    printer: str = ""
    path: Path | None = None


def label_file(data_dir: Path, bol_order_id: str, label_id: int) -> Path:
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", bol_order_id)[:60] or "order"
    return data_dir / "labels" / f"label-{safe}-{label_id}.pdf"


def label_printer(printer_name: str, paper: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if printer_name:
        printer.setPrinterName(printer_name)
    printer.setPageLayout(QPageLayout(PAPER.get(paper, PAPER["a6"]),
                                      QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)
    printer.setDocName("bol.com label")
    return printer


def output_label(pdf: bytes, *, printer_name: str, paper: str, file: Path) -> LabelOutput:
    """Print ``pdf`` on ``printer_name``, or save it as ``file`` when no printer is set."""
    if not printer_name:
        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(file, pdf)
        return LabelOutput(path=file)
    paint_pdf(pdf, label_printer(printer_name, paper))
    return LabelOutput(printer=printer_name)
