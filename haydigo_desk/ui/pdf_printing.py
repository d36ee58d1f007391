"""Painting PDF bytes onto a QPrinter.

QPainter on a QPrinter works outside the GUI thread, and QtPdf rasterises a page in a few
hundred milliseconds, so a whole pick list is printed in a worker (``DbTasks.run_ordered``):
the desk keeps responding.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QObject,
    QRectF,
    QSize,
    QSizeF,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

# 300 dpi keeps 0.25 mm barcode modules at three dots, and an A4 page image at ~35 MB.
RASTER_DPI = 300
_POINTS_PER_INCH = 72.0


class PdfLoadError(Exception):
    """The bytes are not a PDF that QtPdf can open."""


class PrinterStartError(Exception):
    """QPainter.begin() refused the printer (offline, no permission, bad output file)."""


def load_pdf(data: bytes, parent: QObject | None = None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over `data`; keep the returned buffer alive as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise PdfLoadError(str(document.error()))
    return document, buffer


def fit_printer_to(printer: QPrinter, page_points: QSizeF) -> None:
    """Paper of the document's size, no margins: the PDF carries its own margins and is printed
    at 100 %, so barcodes keep their module width."""
    size = QPageSize(page_points, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (QPageLayout.Orientation.Landscape if page_points.width() > page_points.height()
                   else QPageLayout.Orientation.Portrait)
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)  # after the layout, which would reset it


def paint_pdf(data: bytes, printer: QPrinter) -> int:
    """Paint every page of `data` onto `printer`; returns the number of pages.

    Runs in a worker thread: the document is loaded here again so that no QObject of the GUI
    thread is used from this one.
    """
    document, _buffer = load_pdf(data)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterStartError(printer.printerName() or printer.outputFileName())
    try:
        target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
        for page in range(document.pageCount()):
            if page and not printer.newPage():
                raise PrinterStartError(printer.printerName())
            points = document.pagePointSize(page)
            dpi = min(RASTER_DPI, printer.resolution())
            image = document.render(page, QSize(round(points.width() / _POINTS_PER_INCH * dpi),
                                                round(points.height() / _POINTS_PER_INCH * dpi)))
            # Fit (keeping the aspect) and centre, in case the printer's paper differs.
            scale = min(target.width() / points.width(), target.height() / points.height())
            width, height = points.width() * scale, points.height() * scale
            painter.drawImage(QRectF(target.x() + (target.width() - width) / 2,
                                     target.y() + (target.height() - height) / 2,
                                     width, height), image)
    finally:
        painter.end()
    return document.pageCount()
