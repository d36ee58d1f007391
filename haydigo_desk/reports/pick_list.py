"""The pick-list PDF: a batch-picking route by location, then one packing block per order."""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from haydigo_desk.domain.pick_list_rules import ListOrigin
from haydigo_desk.reports.batching import PickRow, PickTotals, batch_rows, pick_totals
from haydigo_desk.reports.layout import BAND_FILL, HEADER_FILL, RULE
from haydigo_desk.reports.model import PageFormat, PickListDocument, PickListOrder
from haydigo_desk.reports.pagination import SectionStart
from haydigo_desk.reports.parts import (
    DOUBLE,
    Context,
    TickBox,
    code128_width,
    double_column_width,
    ean_width,
    identifier_cell,
    make_context,
    product_code_cell,
    write_pdf,
)


def render_pick_list(
    doc: PickListDocument,
    *,
    page_format: PageFormat = PageFormat.A4,
    language: str = "nl",
    barcodes: bool = True,
    out: BinaryIO | None = None,
) -> bytes:
    """The pick list as PDF bytes (also written to `out` when given).

    `barcodes=False` lays out the same document with the codes as text only.
    """
    ctx = make_context(page_format, language, barcodes)
    rows = batch_rows(doc)
    totals = pick_totals(doc, rows)
    title = f"{ctx.labels.pick_list} {doc.code}"
    story: list[Flowable] = [SectionStart(f"{title} · {doc.store_name}")]
    story += _header(doc, totals, ctx)
    if not doc.orders:
        story.append(Paragraph(ctx.text(ctx.labels.empty_pick_list), ctx.styles.body_bold))
        return write_pdf(story, ctx=ctx, title=title, out=out)
    story.append(Paragraph(ctx.text(ctx.labels.batch_section), ctx.styles.section))
    story.append(Paragraph(ctx.text(ctx.labels.batch_hint), ctx.styles.muted))
    story.append(Spacer(0, 2 * mm))
    story.append(_batch_table(rows, ctx))
    story += _packing_section(doc.orders, ctx)
    return write_pdf(story, ctx=ctx, title=title, out=out)


# --- first-page header ----------------------------------------------------------------------

def _header(doc: PickListDocument, totals: PickTotals, ctx: Context) -> list[Flowable]:
    s, labels, narrow = ctx.styles, ctx.labels, ctx.layout.narrow
    heading = [
        Paragraph(f"{ctx.text(labels.pick_list)} {ctx.text(doc.code)}", s.title),
        Spacer(0, 1.5 * mm),
        Paragraph(f"{ctx.text(labels.store)}: <b>{ctx.text(doc.store_name)}</b>"
                  f" · {ctx.text(labels.account)}: {ctx.text(doc.account_name)}", s.subtitle),
        Paragraph(f"{ctx.text(labels.created)}: {labels.format_datetime(doc.created_at)}"
                  f" · {ctx.text(labels.rule)}: <b>{ctx.text(_rule_text(doc, ctx))}</b>",
                  s.subtitle),
    ]
    code = identifier_cell(doc.code, ctx)
    width = ctx.layout.frame_width
    parts: list[Flowable]
    if narrow:
        parts = [*heading, Spacer(0, 2 * mm), code]
    else:
        code_width = code128_width(doc.code, ctx.layout) or 50 * mm
        top = Table([[heading, code]], colWidths=[width - code_width, code_width])
        top.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (1, 0), (1, 0), "RIGHT"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]))
        parts = [top]
    parts += [Spacer(0, 3 * mm), _figures(totals, ctx), Spacer(0, 2.5 * mm), _signatures(ctx)]
    return parts


def _rule_text(doc: PickListDocument, ctx: Context) -> str:
    """The rule that made the list (its name then), the default list, or by hand."""
    if doc.origin == ListOrigin.RULE and doc.rule_name:
        return doc.rule_name
    return ctx.labels.rule_default if doc.origin == ListOrigin.DEFAULT else ctx.labels.rule_by_hand


def _figures(totals: PickTotals, ctx: Context) -> Table:
    s, labels = ctx.styles, ctx.labels
    cells = [
        [Paragraph(str(value), s.figure), Paragraph(ctx.text(label), s.figure_label)]
        for value, label in (
            (totals.orders, labels.orders),
            (totals.lines, labels.order_lines),
            (totals.items, labels.items),
            (totals.products, labels.products),
        )
    ]
    data = [cells[:2], cells[2:]] if ctx.layout.narrow else [cells]
    columns = len(data[0])
    table = Table(data, colWidths=[ctx.layout.frame_width / columns] * columns)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), BAND_FILL),
        ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
    ]))
    return table


def _signatures(ctx: Context) -> Table:
    s, labels = ctx.styles, ctx.labels
    width = ctx.layout.frame_width
    if ctx.layout.narrow:
        data = [[Paragraph(ctx.text(labels.picked_by), s.small), ""],
                [Paragraph(ctx.text(labels.checked_by), s.small), ""]]
        widths = [28 * mm, width - 28 * mm]
        lined = [("LINEBELOW", (1, 0), (1, -1), 0.6, RULE)]
    else:
        data = [[Paragraph(ctx.text(labels.picked_by), s.small), "",
                 Paragraph(ctx.text(labels.checked_by), s.small), ""]]
        widths = [28 * mm, width / 2 - 34 * mm, 34 * mm, width / 2 - 28 * mm]
        lined = [("LINEBELOW", (1, 0), (1, 0), 0.6, RULE), ("LINEBELOW", (3, 0), (3, 0), 0.6, RULE)]
    table = Table(data, colWidths=widths, rowHeights=[7 * mm] * len(data))
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), *lined]))
    return table


# --- batch-picking table --------------------------------------------------------------------

def _orders_text(row: PickRow, ctx: Context) -> str:
    parts = []
    for allocation in row.allocations:
        # non-breaking spaces keep "#3 C000GUOJ8Q ×2" together when the list wraps
        part = f"<b>#{allocation.bin_number}</b>&nbsp;{ctx.text(allocation.order_id)}"
        if allocation.quantity != 1:
            part += f"&nbsp;×{allocation.quantity}"
        parts.append(part)
    return f"{ctx.text(ctx.labels.for_orders)}: " + " · ".join(parts)


def _location(row: PickRow, ctx: Context) -> Paragraph:
    if row.location:
        return Paragraph(ctx.text(row.location), ctx.styles.location)
    return Paragraph(f"<i>{ctx.text(ctx.labels.no_location)}</i>", ctx.styles.muted)


def _product_cell(row: PickRow, ctx: Context) -> list[Flowable]:
    s = ctx.styles
    return [
        Paragraph(ctx.text(row.title), s.body_bold),
        Paragraph(f"{ctx.text(ctx.labels.sku)}: {ctx.text(row.sku or '—')}", s.small),
        Paragraph(_orders_text(row, ctx), s.muted),
    ]


def _batch_table(rows: list[PickRow], ctx: Context) -> Table:
    s, labels, layout = ctx.styles, ctx.labels, ctx.layout
    width = layout.frame_width
    tick = layout.tick_size + 4 * mm
    quantity = 16 * mm if not layout.narrow else 14 * mm
    if layout.narrow:
        header = [Paragraph(ctx.text(labels.tick), s.header_cell),
                  Paragraph(f"{ctx.text(labels.location)} · {ctx.text(labels.product)}",
                            s.header_cell),
                  Paragraph(ctx.text(labels.quantity), s.header_cell_right)]
        data = [header] + [
            [TickBox(layout.tick_size),
             [_location(row, ctx), Spacer(0, 1 * mm), product_code_cell(row.ean, ctx),
              Spacer(0, 1 * mm), *_product_cell(row, ctx)],
             Paragraph(str(row.quantity), s.quantity)]
            for row in rows
        ]
        widths = [tick, width - tick - quantity, quantity]
        code_column: list[tuple] = []
    else:
        location, code = 27 * mm, ean_width(layout) + 2 * mm
        header = [Paragraph(ctx.text(labels.tick), s.header_cell),
                  Paragraph(ctx.text(labels.location), s.header_cell),
                  Paragraph(ctx.text(labels.ean), s.header_cell),
                  Paragraph(ctx.text(labels.product), s.header_cell),
                  Paragraph(ctx.text(labels.quantity), s.header_cell_right)]
        data = [header] + [
            [TickBox(layout.tick_size), _location(row, ctx), product_code_cell(row.ean, ctx),
             _product_cell(row, ctx), Paragraph(str(row.quantity), s.quantity)]
            for row in rows
        ]
        widths = [tick, location, code, width - tick - location - code - quantity, quantity]
        code_column = [("LEFTPADDING", (2, 1), (2, -1), 1 * mm),
                       ("RIGHTPADDING", (2, 1), (2, -1), 1 * mm)]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.6, RULE),
        ("TOPPADDING", (0, 1), (-1, -1), 2 * mm),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 2 * mm),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * mm),
        *code_column,
    ]))
    return table


# --- per-order packing blocks ---------------------------------------------------------------

def _packing_section(orders: list[PickListOrder], ctx: Context) -> list[Flowable]:
    narrow = ctx.layout.narrow
    width = ctx.layout.frame_width if narrow else double_column_width(ctx.layout)
    # A4 packs two columns of order blocks per page, starting on a fresh page.
    story: list[Flowable] = [] if narrow else [NextPageTemplate(DOUBLE)]
    story += [PageBreak(), Paragraph(ctx.text(ctx.labels.packing_section), ctx.styles.section)]
    for bin_number, order in enumerate(orders, start=1):
        story.append(_order_block(bin_number, order, width, ctx))
    return story


def _order_block(bin_number: int, order: PickListOrder, width: float, ctx: Context) -> Flowable:
    s, labels = ctx.styles, ctx.labels
    bin_width = 20 * mm
    top = Table(
        [[identifier_cell(order.order_id, ctx, bar_height=8 * mm),
          Paragraph(f"#{bin_number}", s.title)]],
        colWidths=[width - bin_width, bin_width],
    )
    top.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (1, 0), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    info = Paragraph(
        f"<b>{ctx.text(order.customer_name)}</b> · {ctx.text(labels.country_name(order.country))}"
        f" · {ctx.text(labels.placed)}: {labels.format_datetime(order.placed_at)}",
        s.small,
    )
    parts: list[Flowable] = [
        CondPageBreak(25 * mm),
        HRFlowable(width="100%", thickness=1.2, color=HEADER_FILL, spaceAfter=1.5 * mm),
        top, info, Spacer(0, 1 * mm),
    ]
    if order.lines:
        parts.append(_order_lines(order, width, ctx))
    else:
        parts.append(Paragraph(f"<i>{ctx.text(labels.no_lines)}</i>", s.muted))
    parts.append(Spacer(0, 3 * mm))
    return KeepTogether(parts)


def _order_lines(order: PickListOrder, width: float, ctx: Context) -> Table:
    s = ctx.styles
    box = 4.5 * mm
    tick, quantity = box + 2.5 * mm, 11 * mm
    data = []
    for line in order.lines:
        details = f"{ctx.text(ctx.labels.sku)}: {ctx.text(line.sku or '—')}"
        if line.location.strip():
            details += f" · {ctx.text(ctx.labels.location)}: {ctx.text(line.location.strip())}"
        data.append([
            TickBox(box, line_width=1),
            Paragraph(f"{line.quantity}×", s.body_bold),
            [Paragraph(ctx.text(line.title), s.body), Paragraph(details, s.muted)],
        ])
    table = Table(data, colWidths=[tick, quantity, width - tick - quantity])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 0.8 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8 * mm),
        ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE),
    ]))
    return table
