"""A product's weight and dimensions: set one product's, or import many from CSV.

The CSV import has two phases like the stock count: ``preview_dimensions`` reads and matches
every line and reports what is wrong with the rest (it changes nothing); ``apply_dimensions``
writes the matched lines, refused while the preview has problems unless the person chose to
import only the good lines. A column the file does not have, or an empty cell, leaves that
value as it is: a file with only weights never wipes measured sides. Values are read by
``domain.dimensions.parse_measure`` (the dialog's rule too).

These functions run inside the caller's transaction; ui/ goes through the use cases in
``product_use_cases``, which open and commit their own unit of work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from haydigo_desk.domain.barcodes import check_gtin
from haydigo_desk.domain.dimensions import Dimensions, Measure, MeasureError, parse_measure
from haydigo_desk.persistence.models import Product
from haydigo_desk.services.csv_sheet import (
    EmptySheetError,
    one_line_per_product,
    read_sheet,
)
from haydigo_desk.services.product_match import find_by_ean_or_sku
from haydigo_desk.services.product_queries import (
    ProductQueryError,
    ProductRow,
    dimensions_of,
    to_row,
)
from haydigo_desk.services.stock_count import EAN_HEADERS, SKU_HEADERS

MEASURE_HEADERS: dict[Measure, set[str]] = {
    Measure.WEIGHT: {"weight", "weight g", "weight (g)", "gewicht", "gewicht g", "gewicht (g)",
                     "grams", "gram"},
    Measure.LENGTH: {"length", "length mm", "length (mm)", "lengte", "lengte mm",
                     "lengte (mm)"},
    Measure.WIDTH: {"width", "width mm", "width (mm)", "breedte", "breedte mm",
                    "breedte (mm)"},
    Measure.HEIGHT: {"height", "height mm", "height (mm)", "hoogte", "hoogte mm",
                     "hoogte (mm)", "depth", "diepte"},
}
PROGRESS_EVERY = 50  # products written between two progress reports


class DimensionsFormatError(ValueError):
    """The file as a whole cannot be read; ``kind`` says why (the UI words it)."""

    def __init__(self, kind: DimensionsFormatProblem, found: str = "") -> None:
        super().__init__(f"{kind.value}: {found}")
        self.kind = kind
        self.found = found  # the header as written, to show next to the reason


class DimensionsFormatProblem(StrEnum):
    EMPTY = "empty"
    NO_CODE_COLUMN = "no_code_column"
    NO_MEASURE_COLUMN = "no_measure_column"
    NO_LINES = "no_lines"


class DimensionsApplyError(ValueError):
    """Applying was refused; nothing changed. ``line_no``: the line whose product vanished."""

    def __init__(self, message: str, line_no: int | None = None, code: str = "") -> None:
        super().__init__(message)
        self.line_no = line_no
        self.code = code


class LineProblemKind(StrEnum):
    MISSING_CODE = "missing_code"
    INVALID_EAN = "invalid_ean"
    UNKNOWN_CODE = "unknown_code"
    BAD_VALUE = "bad_value"  # see ``measure`` and ``problem``
    NO_VALUES = "no_values"  # a code but every measure cell empty
    DUPLICATE = "duplicate"  # ``value``: the other line numbers


@dataclass(frozen=True)
class LineProblem:
    line_no: int
    code: str
    kind: LineProblemKind
    value: str = ""
    error: MeasureError | None = None  # for BAD_VALUE: which measure and why


@dataclass(frozen=True)
class DimensionsMatch:
    line_no: int
    product_id: int
    ean: str
    sku: str
    title: str
    current: Dimensions
    new: Dimensions  # the product's values after the line (unchanged ones carried over)

    @property
    def changes(self) -> bool:
        return self.current != self.new


@dataclass(frozen=True)
class DimensionsPreview:
    product_list_id: int
    measures: tuple[Measure, ...]  # the columns the file has
    matches: tuple[DimensionsMatch, ...]
    problems: tuple[LineProblem, ...]
    line_count: int

    @property
    def has_errors(self) -> bool:
        return bool(self.problems)

    @property
    def changes(self) -> tuple[DimensionsMatch, ...]:
        return tuple(m for m in self.matches if m.changes)


@dataclass(frozen=True)
class DimensionsResult:
    changed: int
    unchanged: int
    skipped_lines: int


def _store(product: Product, dimensions: Dimensions) -> None:
    product.weight_g = dimensions.weight_g
    product.length_mm = dimensions.length_mm
    product.width_mm = dimensions.width_mm
    product.height_mm = dimensions.height_mm


def set_dimensions(session: Session, product_id: int, dimensions: Dimensions) -> ProductRow:
    """Store one product's values as given (None clears a value)."""
    product = session.get(Product, product_id)
    if product is None:
        raise ProductQueryError(f"Product {product_id} no longer exists")
    _store(product, dimensions)
    session.flush()
    return to_row(product)


@dataclass(frozen=True)
class _Line:
    line_no: int
    ean: str
    sku: str
    values: dict[Measure, str]

    @property
    def code(self) -> str:
        return self.ean or self.sku


def _read(text: str) -> tuple[tuple[Measure, ...], list[_Line]]:
    try:
        sheet = read_sheet(text)
    except EmptySheetError as exc:
        raise DimensionsFormatError(DimensionsFormatProblem.EMPTY) from exc
    found = ", ".join(sheet.header)
    ean_col, sku_col = sheet.column(EAN_HEADERS), sheet.column(SKU_HEADERS)
    if ean_col is None and sku_col is None:
        raise DimensionsFormatError(DimensionsFormatProblem.NO_CODE_COLUMN, found)
    columns = {m: sheet.column(names) for m, names in MEASURE_HEADERS.items()}
    columns = {m: index for m, index in columns.items() if index is not None}
    if not columns:
        raise DimensionsFormatError(DimensionsFormatProblem.NO_MEASURE_COLUMN, found)
    lines = [
        _Line(line_no, sheet.cell(row, ean_col), sheet.cell(row, sku_col),
              {m: sheet.cell(row, index) for m, index in columns.items()})
        for line_no, row in sheet.rows
    ]
    if not lines:
        raise DimensionsFormatError(DimensionsFormatProblem.NO_LINES, found)
    return tuple(columns), lines


def _parse_values(line: _Line) -> tuple[dict[Measure, int], list[LineProblem]]:
    values: dict[Measure, int] = {}
    problems = []
    for measure, text in line.values.items():
        try:
            value = parse_measure(measure, text)
        except MeasureError as error:
            problems.append(LineProblem(line.line_no, line.code, LineProblemKind.BAD_VALUE,
                                        text, error))
            continue
        if value is not None:
            values[measure] = value
    return values, problems


_FIELD = {Measure.WEIGHT: "weight_g", Measure.LENGTH: "length_mm", Measure.WIDTH: "width_mm",
          Measure.HEIGHT: "height_mm"}


def preview_dimensions(session: Session, product_list_id: int, csv_text: str) -> DimensionsPreview:
    """Match every line to a product of the list; report the rest. Changes nothing."""
    measures, lines = _read(csv_text)
    problems: list[LineProblem] = []
    candidates: list[tuple[_Line, Product, dict[Measure, int]]] = []
    for line in lines:
        if not line.code:
            problems.append(LineProblem(line.line_no, "", LineProblemKind.MISSING_CODE))
            continue
        line_problems = []
        if line.ean and not check_gtin(line.ean).valid:
            line_problems.append(LineProblem(line.line_no, line.ean,
                                             LineProblemKind.INVALID_EAN))
        values, value_problems = _parse_values(line)
        line_problems += value_problems
        if not line_problems and not values:
            line_problems.append(LineProblem(line.line_no, line.code, LineProblemKind.NO_VALUES))
        if line_problems:
            problems += line_problems
            continue
        product = find_by_ean_or_sku(session, product_list_id, line.ean, line.sku)
        if product is None:
            problems.append(LineProblem(line.line_no, line.code, LineProblemKind.UNKNOWN_CODE))
            continue
        candidates.append((line, product, values))

    unique, duplicates = one_line_per_product(candidates)
    problems += [LineProblem(line.line_no, line.code, LineProblemKind.DUPLICATE, others)
                 for line, others in duplicates]
    matches = []
    for line, product, values in unique:
        current = dimensions_of(product)
        new = replace(current, **{_FIELD[m]: v for m, v in values.items()})
        matches.append(DimensionsMatch(line.line_no, product.id, product.ean, product.sku,
                                       product.title, current, new))
    problems.sort(key=lambda p: p.line_no)
    return DimensionsPreview(product_list_id, measures, tuple(matches), tuple(problems),
                             len(lines))


def apply_dimensions(
    session: Session,
    preview: DimensionsPreview,
    *,
    only_valid_rows: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> DimensionsResult:
    """Write the preview's matched lines; ``progress(done, total)`` is told along the way.

    A preview with problems is refused unless ``only_valid_rows`` says the person chose to
    import the good lines and leave the reported ones out.
    """
    if preview.has_errors and not only_valid_rows:
        raise DimensionsApplyError(
            f"The file has {len(preview.problems)} problem line(s); fix them or import only "
            "the valid lines"
        )
    changes = preview.changes
    ids = [m.product_id for m in changes]
    products = {
        p.id: p
        for p in session.scalars(select(Product).where(
            Product.id.in_(ids), Product.product_list_id == preview.product_list_id))
    } if ids else {}
    for done, match in enumerate(changes, start=1):
        product = products.get(match.product_id)
        if product is None:
            raise DimensionsApplyError(
                f"Line {match.line_no}: product {match.ean or match.sku} no longer exists; "
                "preview the file again", match.line_no, match.ean or match.sku,
            )
        _store(product, match.new)
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == len(changes)):
            progress(done, len(changes))
    session.flush()
    return DimensionsResult(len(changes), len(preview.matches) - len(changes),
                            len({p.line_no for p in preview.problems}))
