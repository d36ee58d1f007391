"""Page geometry and text styles per page format.

One place holds every size, so the pick list and the packing slip look like one family and the
label format can be tuned without touching the document code.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from haydigo_desk.reports.fonts import FontSet
from haydigo_desk.reports.model import PageFormat

INK = HexColor("#111111")
MUTED = HexColor("#555555")
RULE = HexColor("#9a9a9a")
HEADER_FILL = HexColor("#222222")
ZEBRA_FILL = HexColor("#f1f1f1")
BAND_FILL = HexColor("#e6e6e6")


@dataclass(frozen=True, slots=True)
class Layout:
    page_format: PageFormat
    page_size: tuple[float, float]
    margin: float
    bottom_margin: float  # room for the footer
    narrow: bool
    base_size: float  # body text, points
    ean_module: float  # narrowest bar of an EAN, points
    ean_bar_height: float
    code128_module: float
    code128_bar_height: float
    tick_size: float

    @property
    def frame_width(self) -> float:
        return self.page_size[0] - 2 * self.margin


_LAYOUTS = {
    PageFormat.A4: Layout(
        page_format=PageFormat.A4,
        page_size=A4,
        margin=14 * mm,
        bottom_margin=16 * mm,
        narrow=False,
        base_size=9,
        ean_module=0.33 * mm,  # 100 % of the GS1 nominal size
        ean_bar_height=10 * mm,
        code128_module=0.33 * mm,
        code128_bar_height=10 * mm,
        tick_size=7 * mm,
    ),
    PageFormat.LABEL_102X152: Layout(
        page_format=PageFormat.LABEL_102X152,
        page_size=(102 * mm, 152 * mm),
        margin=4 * mm,
        bottom_margin=9 * mm,
        narrow=True,
        base_size=8,
        ean_module=0.33 * mm,
        ean_bar_height=9 * mm,
        code128_module=0.30 * mm,
        code128_bar_height=9 * mm,
        tick_size=6 * mm,
    ),
}


def layout_for(page_format: PageFormat) -> Layout:
    return _LAYOUTS[PageFormat(page_format)]


@dataclass(frozen=True, slots=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    section: ParagraphStyle
    body: ParagraphStyle
    body_bold: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    header_cell: ParagraphStyle
    header_cell_right: ParagraphStyle
    location: ParagraphStyle
    quantity: ParagraphStyle
    figure: ParagraphStyle
    figure_label: ParagraphStyle
    address: ParagraphStyle


def _style(name: str, font: str, size: float, *, color: Color = INK, **extra: object) -> (
    ParagraphStyle
):
    options: dict[str, object] = {"leading": size * 1.22, **extra}
    return ParagraphStyle(name, fontName=font, fontSize=size, textColor=color, **options)


def styles_for(layout: Layout, fonts: FontSet) -> Styles:
    s = layout.base_size
    reg, bold = fonts.regular, fonts.bold
    return Styles(
        title=_style("title", bold, s * 2.0),
        subtitle=_style("subtitle", reg, s * 1.1, color=MUTED),
        section=_style("section", bold, s * 1.35, spaceBefore=s * 0.8, spaceAfter=s * 0.4),
        body=_style("body", reg, s),
        body_bold=_style("body_bold", bold, s * 1.05),
        small=_style("small", reg, s * 0.85),
        muted=_style("muted", reg, s * 0.85, color=MUTED),
        header_cell=_style("header_cell", bold, s * 0.85, color=HexColor("#ffffff")),
        header_cell_right=_style("header_cell_r", bold, s * 0.85, color=HexColor("#ffffff"),
                                 alignment=TA_RIGHT),
        location=_style("location", bold, s * 1.35),
        quantity=_style("quantity", bold, s * 1.9, alignment=TA_CENTER),
        figure=_style("figure", bold, s * 1.5),
        figure_label=_style("figure_label", reg, s * 0.8, color=MUTED),
        address=_style("address", reg, s * 1.25, leading=s * 1.25 * 1.3),
    )
