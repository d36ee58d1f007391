"""The PDF of a sandbox shipping label: A6, the address, and a Code-128 of its track & trace.

Drawn like the carrier labels bol sends: carrier and product at the top, the recipient's
address large, the track & trace as a barcode a scanner (and ``zbarimg``) reads back to the
exact code in the ``X-Track-And-Trace-Code`` header. The bars are reportlab's own Code 128
(vector, sharp at any resolution): the sandbox shares no code with the desk it tests.
The PDF is invariant: the same label gives the same bytes on every download (a reprint).
"""

from __future__ import annotations

import io

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A6
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from haydigo_desk.sandbox.labels import LabelDocument

MARGIN = 6 * mm
# 0.33 mm modules keep a 15-character Code 128 within the A6 width, 3+ dots at 203 dpi.
MODULE = 0.33 * mm
BAR_HEIGHT = 22 * mm


def render_label(document: LabelDocument) -> bytes:
    width, height = A6
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A6, invariant=True, pageCompression=1)
    canvas.setTitle(f"Shipping label {document.track_and_trace}")
    canvas.setAuthor("bol.com sandbox (HaydiGO Desk)")

    def text(x: float, y: float, value: str, size: float, bold: bool = False) -> None:
        canvas.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        canvas.drawString(x, y, value)

    top = height - MARGIN
    text(MARGIN, top - 12, document.display_name, 11, bold=True)
    text(MARGIN, top - 25, f"{document.transporter_code} · {document.label_type}", 8)
    canvas.line(MARGIN, top - 31, width - MARGIN, top - 31)

    address = document.address
    name = " ".join(part for part in (address.get("firstName"), address.get("surname")) if part)
    street = " ".join(str(part) for part in (
        address.get("streetName"), address.get("houseNumber"),
        address.get("houseNumberExtension")) if part)
    city = " ".join(part for part in (address.get("zipCode"), address.get("city")) if part)
    y = top - 50
    for line in (name, address.get("company") or "", street, city,
                 address.get("countryCode") or ""):
        if line:
            text(MARGIN, y, line, 12, bold=line == name)
            y -= 15

    items = ", ".join(f"{item_id} × {quantity}" for item_id, quantity in document.lines)
    text(MARGIN, y - 6, f"bol.com order {document.order_id}", 8)
    text(MARGIN, y - 17, items[:70], 7)

    barcode = Code128(document.track_and_trace, barWidth=MODULE, barHeight=BAR_HEIGHT,
                      humanReadable=True, fontSize=10)
    barcode.drawOn(canvas, (width - barcode.width) / 2, MARGIN + 4 * mm)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
