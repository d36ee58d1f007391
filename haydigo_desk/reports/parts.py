"""Building blocks both documents share: tick boxes, code cells, the document template."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from haydigo_desk import APP_NAME
from haydigo_desk.reports.barcodes import BarcodeFlowable, module_pattern
from haydigo_desk.reports.codes import classify_identifier, classify_product_code
from haydigo_desk.reports.fonts import FontSet, font_set, markup
from haydigo_desk.reports.i18n import Labels, labels_for
from haydigo_desk.reports.layout import INK, Layout, Styles, layout_for, styles_for
from haydigo_desk.reports.model import PageFormat
from haydigo_desk.reports.pagination import canvas_maker

SINGLE = "single"
DOUBLE = "double"  # two columns, used for the per-order packing blocks on A4
GUTTER = 6 * mm


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a document builder needs besides its data."""

    layout: Layout
    fonts: FontSet
    labels: Labels
    styles: Styles
    barcodes: bool

    def text(self, value: str) -> str:
        """Paragraph markup for untrusted text (escaped, drawable with the fonts)."""
        return markup(value, self.fonts)


def make_context(page_format: PageFormat, language: str, barcodes: bool) -> Context:
    labels = labels_for(language)  # first: an unknown language fails before any work
    layout = layout_for(page_format)
    fonts = font_set()
    return Context(layout, fonts, labels, styles_for(layout, fonts), barcodes)


class TickBox(Flowable):
    """An empty square to tick with a pen; big enough to hit while holding a product."""

    def __init__(self, size: float, line_width: float = 1.3) -> None:
        super().__init__()
        self.width = self.height = size
        self.line_width = line_width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(self.line_width)
        inset = self.line_width / 2
        canvas.rect(inset, inset, self.width - 2 * inset, self.height - 2 * inset,
                    stroke=1, fill=0)
        canvas.restoreState()


def product_code_cell(raw: str, ctx: Context) -> Flowable | list[Flowable]:
    """EAN-13/EAN-8 barcode for a valid code; otherwise its text and why there is no barcode."""
    spec = classify_product_code(raw)
    layout = ctx.layout
    if spec is not None:
        return BarcodeFlowable(spec, fonts=ctx.fonts, module=layout.ean_module,
                               bar_height=layout.ean_bar_height,
                               font_size=layout.base_size * 0.95, draw_bars=ctx.barcodes)
    if not raw.strip():
        return Paragraph(ctx.text(ctx.labels.no_ean), ctx.styles.muted)
    return [
        Paragraph(ctx.text(raw.strip()), ctx.styles.body),
        Paragraph(ctx.text(ctx.labels.not_a_valid_ean), ctx.styles.muted),
    ]


def ean_width(layout: Layout) -> float:
    """Width of an EAN-13 barcode with its quiet zones (11 + 95 + 7 modules)."""
    return 113 * layout.ean_module


def identifier_cell(
    value: str, ctx: Context, *, bar_height: float | None = None, module: float | None = None,
) -> Flowable:
    """Code 128 for an order id or pick-list code; plain bold text when it cannot be encoded."""
    spec = classify_identifier(value)
    if spec is None:
        return Paragraph(ctx.text(value), ctx.styles.body_bold)
    layout = ctx.layout
    return BarcodeFlowable(spec, fonts=ctx.fonts, module=module or layout.code128_module,
                           bar_height=bar_height or layout.code128_bar_height,
                           font_size=layout.base_size, draw_bars=ctx.barcodes)


def code128_width(value: str, layout: Layout, module: float | None = None) -> float:
    """Width the Code 128 of `value` takes, quiet zones included (for column sizes)."""
    spec = classify_identifier(value)
    if spec is None:
        return 0.0
    return (len(module_pattern(spec)) + 20) * (module or layout.code128_module)


def write_pdf(
    story: Sequence[Flowable],
    *,
    ctx: Context,
    title: str,
    out: BinaryIO | None = None,
) -> bytes:
    """Lay the story out on pages of the context's layout; return the PDF bytes (also written
    to `out` when given)."""
    layout = ctx.layout
    buffer = io.BytesIO()
    width, height = layout.page_size
    margin, bottom = layout.margin, layout.bottom_margin
    doc = BaseDocTemplate(
        buffer, pagesize=layout.page_size, leftMargin=margin, rightMargin=margin,
        topMargin=margin, bottomMargin=bottom, title=title, author=APP_NAME,
        creator=APP_NAME,
    )
    frame_height = height - margin - bottom
    no_padding = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    single = Frame(margin, bottom, width - 2 * margin, frame_height, id="main", **no_padding)
    column = (width - 2 * margin - GUTTER) / 2
    double = [
        Frame(margin, bottom, column, frame_height, id="left", **no_padding),
        Frame(margin + column + GUTTER, bottom, column, frame_height, id="right", **no_padding),
    ]
    doc.addPageTemplates([
        PageTemplate(id=SINGLE, frames=[single]),
        PageTemplate(id=DOUBLE, frames=double),
    ])
    doc.build(list(story), canvasmaker=canvas_maker(layout, ctx.fonts, ctx.labels))
    pdf = buffer.getvalue()
    if out is not None:
        out.write(pdf)
    return pdf


def double_column_width(layout: Layout) -> float:
    return (layout.frame_width - GUTTER) / 2
