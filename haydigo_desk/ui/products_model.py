"""Table model of the Products section: one ProductRow per row, with thumbnails."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QIcon, QPixmap

from haydigo_desk.domain.dimensions import Dimensions
from haydigo_desk.services.product_queries import ProductRow
from haydigo_desk.ui.palette import colour, icon
from haydigo_desk.ui.rows_model import RowsTableModel

COL_IMAGE, COL_EAN, COL_SKU, COL_TITLE, COL_LOCATION = range(5)
COL_ON_HAND, COL_RESERVED, COL_AVAILABLE, COL_BOL_STOCK, COL_SIZE = range(5, 10)
COLUMN_COUNT = 10

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a value that sorts right (numbers, natural codes)
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the ProductRow itself

THUMBNAIL = QSize(40, 40)
_DIGITS = re.compile(r"\d+")
_NUMERIC = {COL_ON_HAND, COL_RESERVED, COL_AVAILABLE, COL_BOL_STOCK}


def size_text(dimensions: Dimensions) -> str:
    """"250 g · 240×160×20 mm"; "?" for an unknown side; "" when nothing is known."""
    sides = (dimensions.length_mm, dimensions.width_mm, dimensions.height_mm)
    parts = []
    if dimensions.weight_g is not None:
        parts.append(f"{dimensions.weight_g} g")
    if any(side is not None for side in sides):
        parts.append("×".join("?" if side is None else str(side) for side in sides) + " mm")
    return " · ".join(parts)


def size_mark(dimensions: Dimensions) -> str:
    """✓ all four known, ? some, nothing when none is."""
    known = _known_count(dimensions)
    return "✓" if known == 4 else "?" if known else ""


def _known_count(dimensions: Dimensions) -> int:
    values = (dimensions.weight_g, dimensions.length_mm, dimensions.width_mm,
              dimensions.height_mm)
    return sum(value is not None for value in values)


def location_sort_key(code: str) -> str:
    """Natural order as one string ("A-2" before "A-10"); no location sorts last."""
    if not code:
        return "\uffff"
    return _DIGITS.sub(lambda m: m.group().zfill(12), code.casefold())


class ProductsModel(RowsTableModel[ProductRow]):
    right_aligned = frozenset(_NUMERIC)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._thumbnails: dict[str, QIcon] = {}  # by image path; decoding is the slow part
        self._placeholder: QIcon | None = None

    # --- data in -----------------------------------------------------------------------------

    def set_rows(self, rows: list[ProductRow] | tuple[ProductRow, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def replace_row(self, updated: ProductRow) -> None:
        """One product changed (location, stock): update it in place, keep the selection."""
        for number, row in enumerate(self._rows):
            if row.id == updated.id:
                self._rows[number] = updated
                self.dataChanged.emit(self.index(number, 0), self.index(number, COLUMN_COUNT - 1))
                return

    # --- QAbstractTableModel -----------------------------------------------------------------

    def header_data(self, section: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_BOL_STOCK:
            return self.tr("The stock amount bol.com had at the last sync")
        return None

    def headers(self) -> list[str]:
        return [
            "", self.tr("EAN"), self.tr("SKU"), self.tr("Title"), self.tr("Location"),
            self.tr("On hand"), self.tr("Reserved"), self.tr("Available"),
            # Two lines: the table must leave the title room on a 1366-pixel screen.
            self.tr("Stock at\nbol.com"), self.tr("Size"),
        ]

    def cell_data(self, row: ProductRow, column: int, role: int) -> Any:
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DecorationRole and column == COL_IMAGE:
            return self._thumbnail(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SIZE:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._warning_colour(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    # --- helpers -----------------------------------------------------------------------------

    def display(self, row: ProductRow, column: int) -> str | None:
        values = {
            COL_EAN: row.ean,
            COL_SKU: row.sku,
            COL_TITLE: row.title,
            COL_LOCATION: row.location_code,
            COL_ON_HAND: str(row.on_hand),
            COL_RESERVED: str(row.reserved),
            COL_AVAILABLE: str(row.available),
            COL_BOL_STOCK: "" if row.bol_stock_amount is None else str(row.bol_stock_amount),
            # A mark only (the values are in the tooltip and under the table): the title keeps
            # its room on a 1366-pixel screen.
            COL_SIZE: size_mark(row.dimensions),
        }
        return values.get(column)

    @staticmethod
    def _sort_value(row: ProductRow, column: int) -> Any:
        if column == COL_LOCATION:
            return location_sort_key(row.location_code)
        values = {
            COL_IMAGE: 0 if row.image_path else 1,
            COL_EAN: row.ean,
            COL_SKU: row.sku.casefold(),
            COL_TITLE: row.title.casefold(),
            COL_ON_HAND: row.on_hand,
            COL_RESERVED: row.reserved,
            COL_AVAILABLE: row.available,
            COL_BOL_STOCK: -1 if row.bol_stock_amount is None else row.bol_stock_amount,
            COL_SIZE: _known_count(row.dimensions),
        }
        return values[column]

    def _warning_colour(self, row: ProductRow, column: int) -> QBrush | None:
        if column == COL_AVAILABLE and row.available < 0:
            return QBrush(colour("bad_text"))  # oversold
        if (column == COL_BOL_STOCK and row.bol_stock_amount is not None
                and row.bol_stock_amount != max(row.available, 0)):
            return QBrush(colour("pending_text"))  # bol.com not yet equal: a push is on its way
        return None

    def _tooltip(self, row: ProductRow, column: int) -> str | None:
        if column == COL_AVAILABLE and row.available < 0:
            return self.tr("Oversold: more reserved than on hand")
        if column == COL_BOL_STOCK and row.offer_id is None:
            return self.tr("No bol.com offer for this product")
        if column == COL_TITLE:
            return row.title
        if column == COL_SIZE:
            text = size_text(row.dimensions)
            if not row.dimensions.complete:
                return (text + "\n" if text else "") + self.tr(
                    "Not all known: the desk cannot tell whether an order of it fits a "
                    "mailbox parcel (F3 to edit)")
            return text
        return None

    def _thumbnail(self, row: ProductRow) -> QIcon:
        if row.image_path:
            cached = self._thumbnails.get(row.image_path)
            if cached is not None:
                return cached
            pixmap = QPixmap(row.image_path)
            if not pixmap.isNull():
                thumbnail = QIcon(pixmap.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                                                Qt.TransformationMode.SmoothTransformation))
                self._thumbnails[row.image_path] = thumbnail
                return thumbnail
        if self._placeholder is None:
            self._placeholder = icon("box")
        return self._placeholder
