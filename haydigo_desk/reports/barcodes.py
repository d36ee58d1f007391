"""Barcodes drawn as vector bars straight onto the PDF canvas.

python-barcode turns a value into its module pattern (a string of 0/1); the bars are then drawn
as filled rectangles in one path per barcode. That is sharp at any printer resolution, decodes
from a 150 dpi rendering, costs little time per code (see bench/pdf_bench.py), and the digits
under the bars stay one text run that `pdftotext` and PDF search can find.
"""

from __future__ import annotations

from functools import lru_cache

from barcode import EAN8, EAN13
from barcode.codex import Code128
from reportlab.lib.colors import black
from reportlab.platypus import Flowable

from haydigo_desk.reports.codes import BarcodeSpec, Symbology
from haydigo_desk.reports.fonts import FontSet, clean

# Light margins scanners need on each side, in modules (GS1 and ISO/IEC 15417 minimums).
_QUIET_ZONES: dict[Symbology, tuple[int, int]] = {
    Symbology.EAN13: (11, 7),
    Symbology.EAN8: (7, 7),
    Symbology.CODE128: (10, 10),
}


@lru_cache(maxsize=4096)
def module_pattern(spec: BarcodeSpec) -> str:
    """The bars ('1') and spaces ('0') of a code, left to right, without quiet zones."""
    if spec.symbology is Symbology.EAN13:
        # no_checksum: the value was validated already and carries its own check digit.
        return EAN13(spec.value, no_checksum=True).build()[0]
    if spec.symbology is Symbology.EAN8:
        return EAN8(spec.value, no_checksum=True).build()[0]
    return Code128(spec.value).build()[0]


def bar_runs(pattern: str) -> list[tuple[int, int]]:
    """(start, width) of each bar in modules: neighbouring '1' modules form one bar."""
    runs: list[tuple[int, int]] = []
    start = -1
    for index, module in enumerate(pattern):
        if module == "1":
            if start < 0:
                start = index
        elif start >= 0:
            runs.append((start, index - start))
            start = -1
    if start >= 0:
        runs.append((start, len(pattern) - start))
    return runs


class BarcodeFlowable(Flowable):
    """A barcode with its human-readable text centred beneath it.

    With `draw_bars=False` it keeps the same size and prints only the text: the benchmark uses
    that to compare against an otherwise identical document.
    """

    def __init__(
        self,
        spec: BarcodeSpec,
        *,
        fonts: FontSet,
        module: float,
        bar_height: float,
        font_size: float = 8,
        draw_bars: bool = True,
    ) -> None:
        super().__init__()
        self.spec = spec
        self.fonts = fonts
        self.module = module
        self.bar_height = bar_height
        self.font_size = font_size
        self.draw_bars = draw_bars
        self._runs = bar_runs(module_pattern(spec))
        left, right = _QUIET_ZONES[spec.symbology]
        self._left_quiet = left
        self.width = (left + len(module_pattern(spec)) + right) * module
        self._text_gap = font_size * 0.3
        self.height = bar_height + self._text_gap + font_size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(black)
        bars_bottom = self.font_size + self._text_gap
        if self.draw_bars:
            path = canvas.beginPath()
            x0 = self._left_quiet * self.module
            for start, width in self._runs:
                path.rect(x0 + start * self.module, bars_bottom, width * self.module,
                          self.bar_height)
            canvas.drawPath(path, stroke=0, fill=1)
        canvas.setFont(self.fonts.regular, self.font_size)
        canvas.drawCentredString(self.width / 2, self.font_size * 0.22,
                                 clean(self.spec.value, self.fonts))
        canvas.restoreState()
