"""The desk's CSV import dialog: choose a file, see a dry run, then import (or not).

The stock count and the weight-and-dimensions import are subclasses; each names its columns
and texts and the two use cases (``preview_csv`` and ``apply_preview``). Both run on ``DbTasks``
threads: reading a large file and matching every line never holds the window, and the import
reports its progress through ``progress_changed`` (emitted on the worker thread, shown on the
GUI thread). Nothing is written by the preview; the import is refused while the preview has
problem lines unless the person ticks "import only the valid lines".

Its own texts use ``QCoreApplication.translate("CsvImportDialog", ...)``: ``self.tr`` would
look them up under the subclass's name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.context import DeskContext
from haydigo_desk.ui.db_feedback import database_problem_text
from haydigo_desk.ui.db_tasks import DbTasks
from haydigo_desk.ui.preview_tables import cell, feedback_label, result_table, show_feedback


def decode_csv(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:  # spreadsheets on Windows still save as cp1252
        return raw.decode("cp1252", errors="replace")


class CsvImportDialog(QDialog):
    progress_changed = Signal(int, int)  # done, total; emitted from the worker thread

    # --- what a subclass provides -----------------------------------------------------------

    def match_headers(self) -> list[str]:
        raise NotImplementedError

    def match_values(self, match: Any) -> list[tuple[object, bool]]:
        """The cells of one matched line: (value, right-aligned)."""
        raise NotImplementedError

    def problem_text(self, problem: Any) -> str:
        raise NotImplementedError

    def format_error_text(self, error: Exception) -> str | None:
        """The words for a file that cannot be read at all; None: not such an error."""
        raise NotImplementedError

    def apply_error_text(self, error: Exception) -> str | None:
        """The words for a refused import; None: not such an error."""
        raise NotImplementedError

    def preview_csv(self, text: str) -> Any:
        """Read and match ``text`` through a use case that changes nothing (off the GUI
        thread)."""
        raise NotImplementedError

    def apply_preview(self, preview: Any, only_valid: bool, progress) -> Any:
        """Write ``preview`` through a use case that commits it (off the GUI thread)."""
        raise NotImplementedError

    def summary_text(self, preview: Any) -> str:
        raise NotImplementedError

    def can_apply(self) -> bool:
        """Extra conditions of the subclass (e.g. a reason typed)."""
        return True

    # --- the dialog ---------------------------------------------------------------------------

    def __init__(self, context: DeskContext, product_list_id: int, parent: QWidget | None,
                 tasks: DbTasks | None, *, file_hint: str, apply_text: str,
                 stretch_column: int) -> None:
        super().__init__(parent)
        self.context = context
        self.product_list_id = product_list_id
        self.tasks = tasks if tasks is not None else DbTasks(self)
        self.preview: Any = None
        self.result: Any = None
        self.applying = False  # an import is being written: Cancel waits for its outcome
        self._generation = 0  # a newer file wins over a preview still on its way
        self.resize(960, 680)

        self.choose_button = QPushButton(
            QCoreApplication.translate("CsvImportDialog", "Choose CSV file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(file_hint)
        self.file_label.setProperty("role", "muted")
        self.file_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)

        self.summary = feedback_label()
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.hide()
        self.matches = result_table(self.match_headers())
        self.matches.horizontalHeader().setSectionResizeMode(
            stretch_column, QHeaderView.ResizeMode.Stretch)
        self.problems_label = QLabel(
            QCoreApplication.translate("CsvImportDialog",
                                       "Problems: these lines will not be imported"))
        self.problems = result_table([
            QCoreApplication.translate("CsvImportDialog", "Line"),
            QCoreApplication.translate("CsvImportDialog", "Code"),
            QCoreApplication.translate("CsvImportDialog", "Problem")])
        self.problems.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems.setMaximumHeight(200)

        self.form = QFormLayout()  # a subclass adds its own fields (a reason) here
        self.only_valid = QCheckBox()
        self.apply_button = QPushButton(apply_text)
        self.apply_button.setProperty("role", "primary")
        self.apply_button.clicked.connect(self.apply)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.matches, 2)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.only_valid)
        layout.addWidget(self.buttons)
        self.only_valid.toggled.connect(self.update_apply)
        self.progress_changed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self._show_preview()

    @property
    def working(self) -> bool:
        return self.tasks.busy

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.windowTitle(), "",
            QCoreApplication.translate("CsvImportDialog", "CSV files (*.csv *.txt)"))
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            show_feedback(self.summary, QCoreApplication.translate("CsvImportDialog",
                                                     "Cannot read {file}: {error}").format(
                file=path.name, error=exc.strerror or exc), "scan-error")
            return
        self.file_label.setText(path.name)
        self.load_text(decode_csv(raw))

    def load_text(self, text: str) -> None:
        """Preview ``text`` in the background: nothing in the database changes here."""
        self._generation += 1
        generation = self._generation
        self.preview = None
        self._show_preview()
        show_feedback(self.summary,
                      QCoreApplication.translate("CsvImportDialog", "Reading the file…"),
                      "muted")
        self.progress.setRange(0, 0)  # busy, no steps known yet
        self.progress.show()
        self.tasks.run(lambda: self.preview_csv(text),
                       lambda preview: self._previewed(generation, preview),
                       lambda error: self._preview_failed(generation, error))

    def _previewed(self, generation: int, preview: Any) -> None:
        if generation != self._generation:
            return
        self.progress.hide()
        self.preview = preview
        self._show_preview()

    def _preview_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self.progress.hide()
        text = self.format_error_text(error)
        show_feedback(self.summary, text if text is not None else database_problem_text(error),
                      "scan-error")

    def _show_preview(self) -> None:
        preview = self.preview
        matches = preview.matches if preview else ()
        problems = preview.problems if preview else ()
        self.matches.setRowCount(len(matches))
        for number, match in enumerate(matches):
            for column, (value, numeric) in enumerate(self.match_values(match)):
                self.matches.setItem(number, column, cell(value, numeric))
        self.problems.setRowCount(len(problems))
        for number, problem in enumerate(problems):
            self.problems.setItem(number, 0, cell(problem.line_no, True))
            self.problems.setItem(number, 1, cell(problem.code))
            self.problems.setItem(number, 2, cell(self.problem_text(problem)))
        self.problems_label.setVisible(bool(problems))
        self.problems.setVisible(bool(problems))
        self.only_valid.setVisible(bool(problems))
        self.only_valid.setChecked(False)
        self.only_valid.setText(
            QCoreApplication.translate("CsvImportDialog",
                                       "Import only the valid lines and skip the {count} "
                                       "problem line(s)")
            .format(count=len(problems)))
        if preview is not None:
            show_feedback(self.summary, self.summary_text(preview),
                          "scan-warning" if problems else "scan-ok")
        self.update_apply()

    def update_apply(self, *_args) -> None:
        preview = self.preview
        self.apply_button.setEnabled(
            preview is not None and bool(preview.changes) and not self.working
            and self.can_apply()
            and (not preview.has_errors or self.only_valid.isChecked()))

    def apply(self) -> None:
        preview = self.preview
        if preview is None or self.working:
            return
        only_valid = self.only_valid.isChecked()
        self.applying = True
        self.apply_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.progress.setRange(0, max(len(preview.changes), 1))
        self.progress.setValue(0)
        self.progress.show()
        show_feedback(self.summary, QCoreApplication.translate("CsvImportDialog", "Importing…"),
                      "muted")
        self.tasks.run(
            lambda: self.apply_preview(preview, only_valid, self.progress_changed.emit),
            self._applied, self._apply_failed)

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def done(self, result: int) -> None:
        if self.applying:  # closing now would hide whether the import was written
            return
        super().done(result)

    def _applied(self, result: Any) -> None:
        self.applying = False
        self.result = result
        self.progress.hide()
        self.accept()

    def _apply_failed(self, error: Exception) -> None:
        self.applying = False
        self.progress.hide()
        self.choose_button.setEnabled(True)
        text = self.apply_error_text(error)
        show_feedback(self.summary, text if text is not None else database_problem_text(error),
                      "scan-error")
        self.update_apply()
