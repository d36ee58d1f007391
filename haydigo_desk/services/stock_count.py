"""Stock count import from CSV, in two phases: preview (changes nothing), then apply.

The file needs a header naming an EAN and/or SKU column and a quantity column (English or
Dutch names), separated by ``;`` (Dutch spreadsheets) or ``,``. The preview matches every line
to a product of the list and reports what is wrong with the rest; ``apply_stock_count`` sets
on_hand to the counted values through services.stock, which queues the bol.com push.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from haydigo_desk.domain.barcodes import check_gtin
from haydigo_desk.domain.stock import StockError
from haydigo_desk.persistence.models import Product
from haydigo_desk.services import stock
from haydigo_desk.services.csv_sheet import (
    EmptySheetError,
    one_line_per_product,
    read_sheet,
)
from haydigo_desk.services.product_match import find_by_ean_or_sku

EAN_HEADERS = {"ean", "ean13", "ean-13", "ean code", "ean-code", "gtin", "barcode"}
SKU_HEADERS = {"sku", "reference", "referentie", "artikelnummer", "article number", "code"}
QUANTITY_HEADERS = {
    "quantity", "qty", "aantal", "count", "counted", "geteld", "stock", "voorraad", "on hand",
}
MAX_QUANTITY = 1_000_000  # beyond this a value is a slip (an EAN in the quantity column)
COUNT_CHANNEL = "stock count"


class StockCountFormatError(ValueError):
    """The file as a whole cannot be read (no header, missing columns, empty)."""


class StockCountError(ValueError):
    """Applying was refused; nothing changed."""


class CountProblemKind(StrEnum):
    MISSING_CODE = "missing_code"
    INVALID_EAN = "invalid_ean"
    UNKNOWN_CODE = "unknown_code"
    BAD_QUANTITY = "bad_quantity"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class CountLine:
    """One data line of the file as read, before matching."""

    line_no: int
    ean: str
    sku: str
    quantity_text: str

    @property
    def code(self) -> str:
        return self.ean or self.sku


@dataclass(frozen=True)
class CountProblem:
    line_no: int
    code: str
    kind: CountProblemKind
    value: str = ""  # the offending text (a quantity, or the other line numbers of a duplicate)


@dataclass(frozen=True)
class CountMatch:
    line_no: int
    product_id: int
    ean: str
    sku: str
    title: str
    current_on_hand: int
    counted: int

    @property
    def difference(self) -> int:
        return self.counted - self.current_on_hand


@dataclass(frozen=True)
class ParsedCount:
    delimiter: str
    lines: tuple[CountLine, ...]


@dataclass(frozen=True)
class StockCountPreview:
    product_list_id: int
    matches: tuple[CountMatch, ...]
    problems: tuple[CountProblem, ...]
    line_count: int

    @property
    def has_errors(self) -> bool:
        return bool(self.problems)

    @property
    def changes(self) -> tuple[CountMatch, ...]:
        return tuple(m for m in self.matches if m.difference != 0)


@dataclass(frozen=True)
class StockCountResult:
    changed: int
    unchanged: int
    skipped_lines: int  # lines with a problem that were left out


def parse_stock_count_csv(text: str) -> ParsedCount:
    """Read the lines of a stock count file; only the file's shape is checked here."""
    try:
        sheet = read_sheet(text)
    except EmptySheetError as exc:
        raise StockCountFormatError("The file is empty") from exc
    ean_col, sku_col = sheet.column(EAN_HEADERS), sheet.column(SKU_HEADERS)
    qty_col = sheet.column(QUANTITY_HEADERS)
    if ean_col is None and sku_col is None:
        raise StockCountFormatError(
            "The first line must be a header with an EAN or SKU column "
            f"(found: {', '.join(sheet.header)})"
        )
    if qty_col is None:
        raise StockCountFormatError(
            "The header needs a quantity column named quantity or aantal "
            f"(found: {', '.join(sheet.header)})"
        )
    lines = [
        CountLine(line_no, sheet.cell(row, ean_col), sheet.cell(row, sku_col),
                  sheet.cell(row, qty_col))
        for line_no, row in sheet.rows
    ]
    if not lines:
        raise StockCountFormatError("The file has a header but no counted lines")
    return ParsedCount(sheet.delimiter, tuple(lines))


def parse_quantity(text: str) -> int | None:
    """A whole number from 0 up; None when the text is not one."""
    cleaned = text.strip()
    if not cleaned.isascii() or not cleaned.isdigit():
        return None
    value = int(cleaned)
    return value if value <= MAX_QUANTITY else None


def preview_stock_count(session: Session, product_list_id: int, csv_text: str) -> StockCountPreview:
    """Match every line to a product; report the rest. Changes nothing."""
    parsed = parse_stock_count_csv(csv_text)
    problems: list[CountProblem] = []
    candidates: list[tuple[CountLine, Product, int]] = []
    for line in parsed.lines:
        line_ok = True
        if not line.code:
            problems.append(CountProblem(line.line_no, "", CountProblemKind.MISSING_CODE))
            continue
        if line.ean and not check_gtin(line.ean).valid:
            problems.append(CountProblem(line.line_no, line.ean, CountProblemKind.INVALID_EAN))
            line_ok = False
        quantity = parse_quantity(line.quantity_text)
        if quantity is None:
            problems.append(
                CountProblem(
                    line.line_no, line.code, CountProblemKind.BAD_QUANTITY, line.quantity_text
                )
            )
            line_ok = False
        if not line_ok:
            continue
        product = find_by_ean_or_sku(session, product_list_id, line.ean, line.sku)
        if product is None:
            problems.append(CountProblem(line.line_no, line.code, CountProblemKind.UNKNOWN_CODE))
            continue
        candidates.append((line, product, quantity))

    unique, duplicates = one_line_per_product(candidates)
    problems += [CountProblem(line.line_no, line.code, CountProblemKind.DUPLICATE, others)
                 for line, others in duplicates]
    matches = []
    for line, product, quantity in unique:
        matches.append(
            CountMatch(
                line.line_no, product.id, product.ean, product.sku, product.title,
                product.on_hand, quantity,
            )
        )
    problems.sort(key=lambda p: p.line_no)
    return StockCountPreview(product_list_id, tuple(matches), tuple(problems), len(parsed.lines))


def apply_stock_count(
    session: Session,
    preview: StockCountPreview,
    reason: str,
    user_name: str,
    *,
    only_valid_rows: bool = False,
) -> StockCountResult:
    """Set on_hand to the counted values of the preview's matched lines.

    A preview with problems is refused unless ``only_valid_rows`` says the person chose to
    apply the good lines and leave the reported ones out.
    """
    if not reason.strip():
        raise StockCountError("Give a reason for the stock count, e.g. 'stock count week 48'")
    if preview.has_errors and not only_valid_rows:
        raise StockCountError(
            f"The file has {len(preview.problems)} problem line(s); fix them or apply only "
            "the valid lines"
        )
    ids = [m.product_id for m in preview.matches]
    products = {
        p.id: p
        for p in session.scalars(
            select(Product).where(
                Product.id.in_(ids), Product.product_list_id == preview.product_list_id
            )
        )
    } if ids else {}
    changed = unchanged = 0
    for match in preview.matches:
        product = products.get(match.product_id)
        if product is None:
            raise StockCountError(
                f"Line {match.line_no}: product {match.ean or match.sku} no longer exists; "
                "preview the file again"
            )
        if product.on_hand == match.counted:
            unchanged += 1
            continue
        try:
            stock.correct(
                session, product, match.counted, reason=reason.strip(), user_name=user_name,
                channel=COUNT_CHANNEL,
            )
        except StockError as exc:
            raise StockCountError(f"Line {match.line_no}: {exc}") from exc
        changed += 1
    session.flush()
    skipped = len({p.line_no for p in preview.problems})
    return StockCountResult(changed, unchanged, skipped)
