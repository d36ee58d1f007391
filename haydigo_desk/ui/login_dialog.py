"""Start of a shift: pick your name or scan your badge; the first person becomes manager."""

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
from haydigo_desk.services import staff
from haydigo_desk.services.staff import StaffRow

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class LoginDialog(QDialog):
    """``exec()`` then read ``identity``. With no staff yet it asks for the first manager."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.identity: StaffIdentity | None = None
        self.setWindowTitle(self.tr("Who is working?"))
        self.setMinimumSize(460, 480)
        with context.database.unit_of_work() as uow:
            self.first_run = not staff.has_staff(uow.session)
            members = staff.list_active_staff(uow.session)

        layout = QVBoxLayout(self)
        heading = QLabel()
        heading.setProperty("role", "title")
        layout.addWidget(heading)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setContentsMargins(8, 4, 8, 4)
        self.feedback.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

        self.badge = QLineEdit()
        self.people = QListWidget()
        self.new_name = QLineEdit()
        self.new_badge = QLineEdit()
        if self.first_run:
            heading.setText(self.tr("Create the first manager"))
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
            self.new_name.setFocus()
        else:
            heading.setText(self.tr("Scan your badge or choose your name"))
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
        layout.addWidget(self.feedback)
        layout.addWidget(self.buttons)
        # Enter in the badge field belongs to the badge, not to the OK button.
        for button in self.buttons.buttons():
            button.setAutoDefault(False)

    def _error(self, text: str) -> None:
        self.feedback.setText(text)
        self.feedback.setProperty("role", "scan-error")
        self.feedback.style().unpolish(self.feedback)
        self.feedback.style().polish(self.feedback)
        self.feedback.show()

    def badge_scanned(self) -> None:
        code = self.badge.text()
        self.badge.clear()
        if not code.strip():
            return
        with self.context.database.unit_of_work() as uow:
            member = staff.find_by_badge(uow.session, code)
        if member is None:
            self._error(self.tr("Unknown badge. Scan again or choose your name."))
            return
        self._done(member)

    def confirm(self) -> None:
        if self.first_run:
            self._create_first_manager()
            return
        item = self.people.currentItem()
        if item is None:
            self._error(self.tr("Choose your name or scan your badge"))
            return
        self._done(item.data(ROW_ROLE))

    def _create_first_manager(self) -> None:
        try:
            with self.context.database.unit_of_work() as uow:
                if staff.has_staff(uow.session):  # another desk was quicker
                    raise staff.StaffError(self.tr("Someone else just created the first "
                                                   "manager; log in with that name"))
                member = staff.add_staff(uow.session, self.new_name.text(),
                                         StaffRole.MANAGER, self.new_badge.text())
                uow.commit()
        except staff.StaffError as exc:
            self._error(str(exc))
            return
        self._done(member)

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
