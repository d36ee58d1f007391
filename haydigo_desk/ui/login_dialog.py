"""Start of a shift: pick your name or scan your badge; the first person becomes manager.

The staff list, the badge look-up and creating the first manager run on ``DbTasks`` threads:
the dialog opens at once ("Loading…") and fills in when the list arrives; a database that
cannot answer is a message in the dialog with a way to try again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk.context import DeskContext, StaffIdentity
from haydigo_desk.domain.states import StaffRole
from haydigo_desk.services import staff, staff_use_cases
from haydigo_desk.services.staff import StaffRow
from haydigo_desk.ui.db_feedback import database_problem_text, loading_text
from haydigo_desk.ui.db_tasks import DbTasks
from haydigo_desk.ui.repolish import set_role

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class LoginDialog(QDialog):
    """``exec()`` then read ``identity``. With no staff yet it asks for the first manager."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.identity: StaffIdentity | None = None
        self.setWindowTitle(self.tr("Who is working?"))
        self.setMinimumSize(460, 480)
        self.tasks = DbTasks(self)
        self.first_run: bool | None = None  # None until the staff list has been read

        layout = QVBoxLayout(self)
        self.heading = QLabel(loading_text())
        self.heading.setProperty("role", "title")
        layout.addWidget(self.heading)
        self.body = QVBoxLayout()  # filled once the staff list is there
        layout.addLayout(self.body, 1)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setContentsMargins(8, 4, 8, 4)
        self.feedback.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

        self.badge = QLineEdit()
        self.people = QListWidget()
        self.new_name = QLineEdit()
        self.new_badge = QLineEdit()
        layout.addWidget(self.feedback)
        layout.addWidget(self.buttons)
        # Enter in the badge field belongs to the badge, not to the OK button.
        for button in self.buttons.buttons():
            button.setAutoDefault(False)
        self.load()

    @property
    def loaded(self) -> bool:
        return self.first_run is not None

    def load(self) -> None:
        self.feedback.hide()
        database = self.context.database
        self.tasks.run(lambda: staff_use_cases.login_choices(database), self._build,
                       self._database_error)

    def _database_error(self, error: Exception) -> None:
        self._error(database_problem_text(error))
        if not self.loaded:
            self.ok_button.setText(self.tr("Try again"))
            self.ok_button.setEnabled(True)

    def _build(self, result: tuple[bool, list[StaffRow]]) -> None:
        first_run, members = result
        self.first_run = first_run
        self.ok_button.setText(self.tr("OK"))  # it said "Try again" after a failed read
        self.ok_button.setEnabled(True)
        layout = self.body
        if first_run:
            self.heading.setText(self.tr("Create the first manager"))
            hint = QLabel(self.tr("Nobody works at this desk yet. The first person is a "
                                  "manager, who can add staff and correct stock."))
            hint.setWordWrap(True)
            hint.setProperty("role", "muted")
            layout.addWidget(hint)
            form = QFormLayout()
            self.new_name.setMaxLength(staff.NAME_MAX)
            self.new_badge.setMaxLength(staff.BADGE_MAX)
            self.new_badge.setPlaceholderText(self.tr("Optional: scan a badge"))
            form.addRow(self.tr("Name"), self.new_name)
            form.addRow(self.tr("Badge"), self.new_badge)
            layout.addLayout(form)
            layout.addStretch(1)
            self.new_name.setFocus()
        else:
            self.heading.setText(self.tr("Scan your badge or choose your name"))
            self.badge.setProperty("role", "scan")
            self.badge.setPlaceholderText(self.tr("Scan badge"))
            self.badge.setEchoMode(QLineEdit.EchoMode.Password)  # a badge code is a key
            self.badge.returnPressed.connect(self.badge_scanned)
            layout.addWidget(self.badge)
            for member in members:
                label = (self.tr("{name} (manager)").format(name=member.name)
                         if member.role == StaffRole.MANAGER else member.name)
                item = QListWidgetItem(label)
                item.setData(ROW_ROLE, member)
                self.people.addItem(item)
            self.people.itemActivated.connect(lambda _item: self.confirm())
            layout.addWidget(self.people, 1)
            self.badge.setFocus()

    def _error(self, text: str) -> None:
        self.feedback.setText(text)
        set_role(self.feedback, "scan-error")
        self.feedback.show()

    def badge_scanned(self) -> None:
        code = self.badge.text()
        self.badge.clear()
        if not code.strip():
            return
        database = self.context.database
        self.tasks.run(lambda: staff_use_cases.find_by_badge(database, code),
                       self._badge_found, self._database_error)

    def _badge_found(self, member: StaffRow | None) -> None:
        if member is None:
            self._error(self.tr("Unknown badge. Scan again or choose your name."))
            return
        self._done(member)

    def confirm(self) -> None:
        if not self.loaded:
            self.ok_button.setEnabled(False)
            self.load()  # "Try again" after the database could not answer
            return
        if self.first_run:
            self._create_first_manager()
            return
        item = self.people.currentItem()
        if item is None:
            self._error(self.tr("Choose your name or scan your badge"))
            return
        self._done(item.data(ROW_ROLE))

    def _create_first_manager(self) -> None:
        name, badge = self.new_name.text(), self.new_badge.text()
        database = self.context.database
        self.ok_button.setEnabled(False)  # one manager, not two on a double click
        self.tasks.run(lambda: staff_use_cases.add_first_manager(database, name, badge),
                       self._done, self._refused)

    def _refused(self, error: Exception) -> None:
        self.ok_button.setEnabled(True)
        quicker = self.tr("Someone else just created the first manager; log in with that name")
        if isinstance(error, staff_use_cases.StaffExistsError):  # another desk was quicker
            self._error(quicker)
        elif isinstance(error, staff.StaffError):
            self._error(str(error))
        else:
            self._database_error(error)

    def _done(self, member: StaffRow) -> None:
        self.identity = member.identity
        self.accept()


def log_in(context: DeskContext, parent: QWidget | None = None) -> StaffIdentity | None:
    """Show the dialog; on success the identity is also set on ``context.user``."""
    dialog = LoginDialog(context, parent)
    if dialog.exec() and dialog.identity is not None:
        context.user = dialog.identity
        return dialog.identity
    return None
