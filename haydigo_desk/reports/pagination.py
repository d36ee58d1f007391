"""Page footers with "page x of y", counted per section.

The total is only known when the story is laid out, so the canvas keeps every finished page's
state and draws the footers in `save()` (a single layout pass instead of reportlab's two-pass
multiBuild). A PDF of many packing slips numbers each slip's pages on their own: a
`SectionStart` flowable at the top of a slip starts a new count and sets the footer's label.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from haydigo_desk.reports.fonts import FontSet, clean
from haydigo_desk.reports.i18n import Labels
from haydigo_desk.reports.layout import MUTED, RULE, Layout


class SectionStart(Flowable):
    """Zero-size marker: pages from here on belong to a new section with this footer label."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        if isinstance(canvas, NumberedCanvas):
            canvas.start_section(self.label)


class NumberedCanvas(Canvas):
    def __init__(self, *args: Any, layout: Layout, fonts: FontSet, labels: Labels,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._layout = layout
        self._fonts = fonts
        self._labels = labels
        self._section_index = 0
        self._section_label = ""
        self._saved_pages: list[tuple[dict[str, Any], int, str]] = []

    def start_section(self, label: str) -> None:
        self._section_index += 1
        self._section_label = label

    def showPage(self) -> None:  # reportlab's camelCase API
        self._saved_pages.append(
            (dict(self.__dict__), self._section_index, self._section_label)
        )
        self._startPage()

    def save(self) -> None:
        totals = Counter(section for _, section, _ in self._saved_pages)
        seen: Counter[int] = Counter()
        for state, section, label in self._saved_pages:
            self.__dict__.update(state)
            seen[section] += 1
            self._draw_footer(label, seen[section], totals[section])
            super().showPage()
        super().save()

    def _draw_footer(self, label: str, page: int, pages: int) -> None:
        width = self._layout.page_size[0]
        margin = self._layout.margin
        size = 7.5 if not self._layout.narrow else 6.5
        y = self._layout.bottom_margin - (7 * mm if not self._layout.narrow else 5 * mm)
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(margin, y + size + 2, width - margin, y + size + 2)
        self.setFillColor(MUTED)
        self.setFont(self._fonts.regular, size)
        self.drawString(margin, y, clean(label, self._fonts))
        self.setFont(self._fonts.bold, size)
        self.drawRightString(width - margin, y, self._labels.page_x_of_y(page, pages))
        self.restoreState()


def canvas_maker(layout: Layout, fonts: FontSet, labels: Labels) -> Callable[..., Canvas]:
    def make(*args: Any, **kwargs: Any) -> Canvas:
        return NumberedCanvas(*args, layout=layout, fonts=fonts, labels=labels, **kwargs)

    return make
