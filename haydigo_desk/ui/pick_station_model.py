"""Table model of the station's lines (order lines or pick-list product totals)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPixmap

from haydigo_desk.services.picking import LineView
from haydigo_desk.ui.palette import colour

_Index = QModelIndex | QPersistentModelIndex
THUMB = 40  # small enough for 8 lines on a 768-pixel screen

COL_IMAGE, COL_LOCATION, COL_TITLE, COL_EAN, COL_SKU, COL_COUNT = range(6)



class StationLinesModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: list[LineView] = []
        self._rows: dict[int, int] = {}  # line key -> row, for the per-scan fast path
        self._pixmaps: dict[str, QPixmap] = {}
        self.last_key: int | None = None
        self._headers = [self.tr("Image"), self.tr("Location"), self.tr("Product"),
                         self.tr("EAN"), self.tr("SKU"), self.tr("Picked")]
        self._bold = QFont()
        self._bold.setBold(True)

    def set_lines(self, lines: tuple[LineView, ...]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._rows = {line.key: row for row, line in enumerate(self._lines)}
        self.endResetModel()

    def update_line(self, line: LineView) -> int | None:
        """Replace one line after a scan; returns its row (only that row repaints)."""
        row = self._rows.get(line.key)
        if row is None:
            return None
        previous = self.last_key
        self._lines[row] = line
        self.last_key = line.key
        self.dataChanged.emit(self.index(row, 0), self.index(row, COL_COUNT))
        old = self._rows.get(previous) if previous is not None else None
        if old is not None and old != row:
            self.dataChanged.emit(self.index(old, 0), self.index(old, COL_COUNT))
        return row

    def line(self, row: int) -> LineView:
        return self._lines[row]

    def lines(self) -> tuple[LineView, ...]:
        return tuple(self._lines)

    def row_of(self, key: int) -> int | None:
        return self._rows.get(key)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:  # the thumbnails' column needs no word
            return "" if section == COL_IMAGE else self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._headers[section]
        return None

    def _pixmap(self, path: str | None) -> QPixmap | None:
        if not path:
            return None
        cached = self._pixmaps.get(path)
        if cached is None:
            loaded = QPixmap(path)
            cached = loaded.scaled(QSize(THUMB, THUMB), Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation) \
                if not loaded.isNull() else QPixmap()
            self._pixmaps[path] = cached
        return None if cached.isNull() else cached

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_IMAGE:
            return self._pixmap(line.image_path)
        if role == Qt.ItemDataRole.BackgroundRole:
            color = self._color(line)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and self._tint(line):
            return QBrush(colour("on_row"))  # the tints are light in one theme, dark in the other
        if role == Qt.ItemDataRole.FontRole and column in (COL_COUNT, COL_LOCATION):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_COUNT:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, line: LineView, column: int) -> str | None:
        if column == COL_LOCATION:
            return line.location or "—"
        if column == COL_TITLE:
            if line.cancelled:
                return self.tr("{title}  (cancelled)").format(title=line.title)
            return line.title
        if column == COL_EAN:
            return line.ean
        if column == COL_SKU:
            return line.sku
        if column == COL_COUNT:
            if line.needed == 0 and line.shipped and not line.picked:
                return self.tr("✔ {n} shipped").format(n=line.shipped)
            text = f"{line.picked} / {line.needed}"
            if line.put_back:
                text += "  " + self.tr("put back {n}").format(n=line.put_back)
            return text
        return None

    def _color(self, line: LineView) -> QColor | None:
        tint = self._tint(line)
        return colour(tint) if tint else None

    def _tint(self, line: LineView) -> str | None:
        """The palette's name of the line's tint (put back, cancelled, last scanned, done)."""
        if line.put_back:
            return "row_put_back"
        if line.cancelled:
            return "row_cancelled"
        if line.key == self.last_key:
            return "row_last" if not line.done else "row_done"
        if line.done or (line.shipped and line.needed == 0):
            return "row_done"
        return None
