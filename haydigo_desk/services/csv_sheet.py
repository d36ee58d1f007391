"""Read a spreadsheet's CSV export: the header names and the data lines with their numbers.

The desk's CSV imports (stock count, product dimensions) take what Dutch and English
spreadsheets save: ``;`` or ``,`` as separator (guessed from the header line), a UTF-8 BOM,
headers in any case with spaces or underscores, blank lines anywhere. Line numbers are the
file's physical lines, so a quoted cell spanning two lines keeps the numbers a person sees.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from haydigo_desk.persistence.models import Product


class EmptySheetError(ValueError):
    """The file has no header line."""


@dataclass(frozen=True)
class Sheet:
    delimiter: str
    header: tuple[str, ...]  # as written
    names: tuple[str, ...]  # normalised for matching (see header_name)
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (line number, cells) of non-blank lines

    def column(self, wanted: Iterable[str]) -> int | None:
        """Index of the first header named one of ``wanted`` (normalised names)."""
        wanted = set(wanted)
        return next((i for i, name in enumerate(self.names) if name in wanted), None)

    @staticmethod
    def cell(row: tuple[str, ...], index: int | None) -> str:
        return row[index].strip() if index is not None and index < len(row) else ""


def header_name(text: str) -> str:
    """``" Weight_(g) "`` and ``"weight (g)"`` are one name."""
    return " ".join(text.replace("\ufeff", "").replace("_", " ").strip().casefold().split())


def _sniff_delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") >= header_line.count(",") and ";" in header_line else ","


def read_sheet(text: str) -> Sheet:
    text = text.lstrip("\ufeff")
    header_line = next((line for line in text.splitlines() if line.strip()), None)
    if header_line is None:
        raise EmptySheetError("The file is empty")
    delimiter = _sniff_delimiter(header_line)
    # csv.reader's line_num counts physical lines, so quoted multi-line cells keep numbers true.
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = [(reader.line_num, tuple(row)) for row in reader if any(cell.strip() for cell in row)]
    if not rows:  # only separators, e.g. ";;;"
        raise EmptySheetError("The file is empty")
    _, header = rows[0]
    return Sheet(delimiter, header, tuple(header_name(cell) for cell in header), tuple(rows[1:]))


class NumberedLine(Protocol):
    @property
    def line_no(self) -> int: ...


Line = TypeVar("Line", bound=NumberedLine)
Extra = TypeVar("Extra")


def one_line_per_product(candidates: Sequence[tuple[Line, Product, Extra]]
                         ) -> tuple[list[tuple[Line, Product, Extra]], list[tuple[Line, str]]]:
    """A product on two lines of an import is ambiguous (which line is right?): keep neither.
    Returns the candidates whose product is on one line only, and for each of the others its
    line with the other line numbers ("4, 9") for the problem text."""
    numbers: dict[int, list[int]] = {}
    for line, product, _extra in candidates:
        numbers.setdefault(product.id, []).append(line.line_no)
    unique, duplicates = [], []
    for line, product, extra in candidates:
        found = numbers[product.id]
        if len(found) > 1:
            duplicates.append((line, ", ".join(str(n) for n in found if n != line.line_no)))
        else:
            unique.append((line, product, extra))
    return unique, duplicates
