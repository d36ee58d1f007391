"""Import products' weight and dimensions from a CSV file (EAN or SKU; ``;`` or ``,``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from haydigo_desk.context import DeskContext
from haydigo_desk.services import product_use_cases
from haydigo_desk.services.product_dimensions import (
    DimensionsApplyError,
    DimensionsFormatError,
    DimensionsFormatProblem,
    DimensionsMatch,
    DimensionsPreview,
    LineProblem,
    LineProblemKind,
)
from haydigo_desk.ui.csv_import_dialog import CsvImportDialog
from haydigo_desk.ui.db_tasks import DbTasks
from haydigo_desk.ui.product_dialogs import measure_name, measure_problem_text
from haydigo_desk.ui.products_model import size_text


def line_problem_text(problem: LineProblem) -> str:
    if problem.kind is LineProblemKind.BAD_VALUE and problem.error is not None:
        return measure_problem_text(problem.error)
    texts = {
        LineProblemKind.MISSING_CODE: QCoreApplication.translate(
            "DimensionsImport", "No EAN or SKU on this line"),
        LineProblemKind.INVALID_EAN: QCoreApplication.translate(
            "DimensionsImport", "Not a valid EAN (wrong check digit or length)"),
        LineProblemKind.UNKNOWN_CODE: QCoreApplication.translate(
            "DimensionsImport", "Unknown: no product with this code"),
        LineProblemKind.NO_VALUES: QCoreApplication.translate(
            "DimensionsImport", "No weight or size on this line"),
        LineProblemKind.DUPLICATE: QCoreApplication.translate(
            "DimensionsImport", "On more than one line (also line {value}); keep one"),
        LineProblemKind.BAD_VALUE: QCoreApplication.translate(
            "DimensionsImport", "Not a valid value: {value}"),
    }
    return texts[problem.kind].format(value=problem.value)


def format_problem_text(error: DimensionsFormatError) -> str:
    texts = {
        DimensionsFormatProblem.EMPTY: QCoreApplication.translate(
            "DimensionsImport", "The file is empty"),
        DimensionsFormatProblem.NO_CODE_COLUMN: QCoreApplication.translate(
            "DimensionsImport", "The first line must be a header with an EAN or SKU column "
            "(found: {found})"),
        DimensionsFormatProblem.NO_MEASURE_COLUMN: QCoreApplication.translate(
            "DimensionsImport", "The header needs at least one of weight (g), length, width, "
            "height (mm) (gewicht, lengte, breedte, hoogte) (found: {found})"),
        DimensionsFormatProblem.NO_LINES: QCoreApplication.translate(
            "DimensionsImport", "The file has a header but no product lines"),
    }
    return texts[error.kind].format(found=error.found)


class DimensionsImportDialog(CsvImportDialog):
    """Dry run first: every line matched or named with its problem; then import."""

    def __init__(self, context: DeskContext, product_list_id: int,
                 parent: QWidget | None = None, tasks: DbTasks | None = None) -> None:
        super().__init__(
            context, product_list_id, parent, tasks,
            file_hint=QCoreApplication.translate(
                "DimensionsImportDialog",
                "A header with EAN or SKU and weight (g), length, width, height (mm); "
                "separated by ; or ,. An empty cell keeps the value the product has."),
            apply_text=QCoreApplication.translate("DimensionsImportDialog", "Import"),
            stretch_column=3)
        self.setWindowTitle(self.tr("Import weight and dimensions"))

    def match_headers(self) -> list[str]:
        return [QCoreApplication.translate("DimensionsImportDialog", "Line"),
                QCoreApplication.translate("DimensionsImportDialog", "EAN"),
                QCoreApplication.translate("DimensionsImportDialog", "SKU"),
                QCoreApplication.translate("DimensionsImportDialog", "Title"),
                QCoreApplication.translate("DimensionsImportDialog", "Now"),
                QCoreApplication.translate("DimensionsImportDialog", "New")]

    def match_values(self, match: DimensionsMatch) -> list[tuple[object, bool]]:
        new = size_text(match.new) if match.changes else self.tr("unchanged")
        return [(match.line_no, True), (match.ean, False), (match.sku, False),
                (match.title, False), (size_text(match.current), False), (new, False)]

    def problem_text(self, problem: LineProblem) -> str:
        return line_problem_text(problem)

    def format_error_text(self, error: Exception) -> str | None:
        return format_problem_text(error) if isinstance(error, DimensionsFormatError) else None

    def apply_error_text(self, error: Exception) -> str | None:
        if not isinstance(error, DimensionsApplyError):
            return None
        if error.line_no is not None:
            return self.tr("Line {line}: product {code} no longer exists; choose the file "
                           "again").format(line=error.line_no, code=error.code)
        return self.tr("The file has problem lines: fix them, or import only the valid lines")

    def preview_csv(self, text: str) -> DimensionsPreview:
        return product_use_cases.preview_dimensions(self.context.database, self.product_list_id,
                                                    text)

    def apply_preview(self, preview, only_valid: bool, progress):
        return product_use_cases.apply_dimensions(self.context.database, preview,
                                                  only_valid_rows=only_valid, progress=progress)

    def summary_text(self, preview: DimensionsPreview) -> str:
        changes = len(preview.changes)
        columns = ", ".join(measure_name(m).lower() for m in preview.measures)
        return self.tr(
            "{lines} line(s) read ({columns}): {changes} product(s) change, {same} unchanged, "
            "{problems} problem(s)."
        ).format(lines=preview.line_count, columns=columns, changes=changes,
                 same=len(preview.matches) - changes, problems=len(preview.problems))
