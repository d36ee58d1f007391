"""The packing slip that goes into the parcel: delivery address, lines, order id as Code 128."""

from __future__ import annotations

from collections.abc import Sequence
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from haydigo_desk.reports.i18n import Labels
from haydigo_desk.reports.layout import BAND_FILL, HEADER_FILL, RULE
from haydigo_desk.reports.model import Address, PackingSlipDocument, PageFormat
from haydigo_desk.reports.pagination import SectionStart
from haydigo_desk.reports.parts import (
    Context,
    TickBox,
    code128_width,
    identifier_cell,
    make_context,
    write_pdf,
)


def render_packing_slip(
    slip: PackingSlipDocument,
    *,
    page_format: PageFormat = PageFormat.A4,
    language: str = "nl",
    barcodes: bool = True,
    out: BinaryIO | None = None,
) -> bytes:
    """One order's packing slip as PDF bytes (also written to `out` when given)."""
    return render_packing_slips([slip], page_format=page_format, language=language,
                                barcodes=barcodes, out=out)


def render_packing_slips(
    slips: Sequence[PackingSlipDocument],
    *,
    page_format: PageFormat = PageFormat.A4,
    language: str = "nl",
    barcodes: bool = True,
    out: BinaryIO | None = None,
) -> bytes:
    """Many packing slips in one PDF; each starts on a new page and numbers its own pages."""
    if not slips:
        raise ValueError("no packing slips to render")
    ctx = make_context(page_format, language, barcodes)
    story: list[Flowable] = []
    for index, slip in enumerate(slips):
        if index:
            story.append(PageBreak())
        story += _slip(slip, ctx)
    title = f"{ctx.labels.packing_slip} {slips[0].order_id}"
    if len(slips) > 1:
        title += f" (+{len(slips) - 1})"
    return write_pdf(story, ctx=ctx, title=title, out=out)


def address_lines(address: Address, labels: Labels) -> list[str]:
    """The address as it is written on a Dutch or Belgian parcel, one string per line."""
    number = " ".join(p for p in (address.house_number.strip(),
                                  address.house_number_extension.strip()) if p)
    lines = [
        address.company.strip(),
        address.name.strip(),
        " ".join(p for p in (address.street.strip(), number) if p),
        address.extra_line.strip(),
        "  ".join(p for p in (address.postal_code.strip(), address.city.strip()) if p),
        labels.country_name(address.country).upper() if address.country.strip() else "",
    ]
    return [line for line in lines if line]


def _slip(slip: PackingSlipDocument, ctx: Context) -> list[Flowable]:
    s, labels = ctx.styles, ctx.labels
    story: list[Flowable] = [
        SectionStart(f"{labels.packing_slip} {slip.order_id} · {slip.store_name}")
    ]
    heading = [
        Paragraph(ctx.text(slip.store_name), s.subtitle),
        Paragraph(ctx.text(labels.packing_slip), s.title),
    ]
    code = identifier_cell(slip.order_id, ctx)
    width = ctx.layout.frame_width
    if ctx.layout.narrow:
        story += [*heading, Spacer(0, 2 * mm), code]
    else:
        code_width = code128_width(slip.order_id, ctx.layout) or 50 * mm
        top = Table([[heading, code]], colWidths=[width - code_width, code_width])
        top.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]))
        story.append(top)
    story += [Spacer(0, 4 * mm), _address_and_facts(slip, ctx), Spacer(0, 5 * mm)]
    if slip.lines:
        story.append(_lines_table(slip, ctx))
    else:
        story.append(Paragraph(f"<i>{ctx.text(labels.no_lines)}</i>", s.muted))
    if slip.note.strip():
        story += [Spacer(0, 5 * mm), Paragraph(ctx.text(slip.note.strip()), s.body)]
    return story


def _address_and_facts(slip: PackingSlipDocument, ctx: Context) -> Table:
    s, labels = ctx.styles, ctx.labels
    address = [Paragraph(ctx.text(labels.delivery_address), s.figure_label)] + [
        Paragraph(f"<b>{ctx.text(line)}</b>" if i == 0 else ctx.text(line), s.address)
        for i, line in enumerate(address_lines(slip.address, labels))
    ]
    items = sum(line.quantity for line in slip.lines)
    facts = [
        item
        for label, value in (
            (labels.order_number, slip.order_id),
            (labels.order_date, labels.format_datetime(slip.placed_at)),
            (labels.total_items, str(items)),
        )
        for item in (Paragraph(ctx.text(label), s.figure_label),
                     Paragraph(ctx.text(value), s.body_bold), Spacer(0, 1.5 * mm))
    ]
    width = ctx.layout.frame_width
    if ctx.layout.narrow:
        table = Table([[address], [facts]], colWidths=[width])
    else:
        table = Table([[address, facts]], colWidths=[width * 0.6, width * 0.4])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (0, 0), BAND_FILL),
        ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 * mm),
    ]))
    return table


def _lines_table(slip: PackingSlipDocument, ctx: Context) -> Table:
    s, labels, layout = ctx.styles, ctx.labels, ctx.layout
    width = layout.frame_width
    box = 5 * mm
    tick, quantity = box + 4 * mm, 15 * mm
    header = [Paragraph(ctx.text(labels.tick), s.header_cell),
              Paragraph(ctx.text(labels.quantity), s.header_cell)]
    if layout.narrow:
        header.append(Paragraph(ctx.text(labels.product), s.header_cell))
        widths = [tick, quantity, width - tick - quantity]
    else:
        codes = 45 * mm
        header += [Paragraph(ctx.text(labels.product), s.header_cell),
                   Paragraph(f"{ctx.text(labels.sku)} / {ctx.text(labels.ean)}", s.header_cell)]
        widths = [tick, quantity, width - tick - quantity - codes, codes]
    data: list[list[object]] = [header]
    for line in slip.lines:
        codes_text = f"{ctx.text(line.sku or '—')}<br/>{ctx.text(line.ean or '—')}"
        row: list[object] = [TickBox(box, line_width=1),
                             Paragraph(f"{line.quantity}×", s.figure)]
        if layout.narrow:
            row.append([Paragraph(ctx.text(line.title), s.body),
                        Paragraph(codes_text.replace("<br/>", " · "), s.muted)])
        else:
            row += [Paragraph(ctx.text(line.title), s.body), Paragraph(codes_text, s.small)]
        data.append(row)
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.6, RULE),
        ("TOPPADDING", (0, 1), (-1, -1), 2 * mm),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 2 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
    ]))
    return table
