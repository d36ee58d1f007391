"""The desk's main window: navigation on the left, the chosen section on the right."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from haydigo_desk import APP_NAME
from haydigo_desk.context import DeskContext
from haydigo_desk.resources_path import resource
from haydigo_desk.services import account_use_cases, sync_log_use_cases
from haydigo_desk.ui.db_tasks import DbTasks
from haydigo_desk.ui.demo_banner import DemoBanner
from haydigo_desk.ui.first_paint import after_first_paint
from haydigo_desk.ui.login_dialog import log_in
from haydigo_desk.ui.palette import icon
from haydigo_desk.ui.permissions import ensure_manager
from haydigo_desk.ui.sections import SECTIONS, LazySections
from haydigo_desk.ui.status_bar import SyncStatusBar
from haydigo_desk.ui.sync_controller import SyncController


def load_section_class(spec: str) -> type[QWidget]:
    module_name, class_name = spec.split(":")
    return getattr(importlib.import_module(module_name), class_name)


# The window's own size before it is shown, if the screen has room for it.
PREFERRED_SIZE = (1280, 800)
# Sections may need more room than a small screen has; they squeeze (and scroll or elide)
# rather than widen the window past the screen edge.
STACK_MINIMUM = (560, 360)
SWITCH_USER = QKeySequence("Ctrl+U")
TODAY_PICK_LISTS = "Ctrl+T"  # pick lists of everything due today


class WindowKeysFirst(QObject):
    """Ctrl+U belongs to the window even in a text field (X11 line edits take it to delete
    the line): a ShortcutOverride for it is left unaccepted, so the window's action fires."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QWidget) \
                and watched.window() is self._window \
                and QKeySequence(event.keyCombination()) == SWITCH_USER:
            event.ignore()
            return True
        return False


class MainWindow(QMainWindow):
    settings_saved = Signal(object)  # DeskSettings: the app re-applies language and theme
    accounts_saved = Signal(object)  # SaveOutcome: the demo offers to open the real database

    def __init__(self, context: DeskContext, controller: SyncController) -> None:
        super().__init__()
        self.context = context
        self.controller = controller
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(QIcon(str(resource("icons", "haydigo-desk.svg"))))
        self._fit_to_screen()

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.top_area = QVBoxLayout()  # banners (demo, alerts) go here
        self.top_area.setContentsMargins(8, 8, 8, 0)
        outer.addLayout(self.top_area)
        self.demo_banner: DemoBanner | None = None
        if context.demo:
            self.demo_banner = DemoBanner()
            self.top_area.addWidget(self.demo_banner)
        body = QHBoxLayout()
        outer.addLayout(body, 1)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(210)
        self.stack = QStackedWidget()
        self.stack.setMinimumSize(*STACK_MINIMUM)  # the sections' own minimum never widens us
        self._sections_connected = False
        self._closed = False
        body.addWidget(self.navigation)
        body.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._unbuilt = list(SECTIONS)
        self.sections = LazySections(self._build_next_section)
        self.sections.build_next()  # the first section shows at once; the others follow it
        for index in range(min(len(SECTIONS), 9)):  # Ctrl+1..9 jump to a section
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self.show_row(i))
        self.navigation.currentRowChanged.connect(self._show_section)
        if SECTIONS:
            self.navigation.setCurrentRow(0)
        after_first_paint(self, self._build_sections_in_turn)
        controller.data_changed.connect(self._on_data_changed)

        self._connect_sections()
        self._add_window_actions()
        self._keys_first = WindowKeysFirst(self)
        QApplication.instance().installEventFilter(self._keys_first)

        self.sync_status = SyncStatusBar(controller, parent=self)
        self.setStatusBar(self.sync_status)
        self.addAction(self.sync_status.sync_action)  # F5 works from every section
        self._tasks = DbTasks(self, max_workers=1)
        database = context.database
        self._tasks.run(lambda: account_use_cases.enabled_account_names(database),
                        self.sync_status.set_account_names)
        self._tasks.run(lambda: sync_log_use_cases.last_run(database),
                        self.sync_status.show_last_run)

    def _build_next_section(self) -> QWidget | None:
        """Import and build the next section of SECTIONS, with its navigation item."""
        if not self._unbuilt:
            return None
        spec = self._unbuilt.pop(0)
        section = load_section_class(spec)(self.context, self.controller, self)
        self.sections.add(section)
        item = QListWidgetItem(icon(section.icon_name), section.title())
        item.setData(Qt.ItemDataRole.UserRole, section.section_id)
        self.navigation.addItem(item)
        self.stack.addWidget(section)
        self._connect_sections()
        return section

    def _build_sections_in_turn(self) -> None:
        """One section per turn of the event loop: the window answers in between (and a
        closed window builds no more; a deleted one drops the timer with itself)."""
        if not self._closed and self.sections.build_next() is not None:
            QTimer.singleShot(0, self, self._build_sections_in_turn)

    def show_row(self, row: int) -> None:
        while self.navigation.count() <= row and self.sections.build_next() is not None:
            pass
        self.navigation.setCurrentRow(row)

    def _fit_to_screen(self) -> None:
        """Open at the preferred size, or smaller on a small screen (1366×768 laptops)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        width, height = PREFERRED_SIZE
        if screen is not None:
            room = screen.availableGeometry()
            # Leave room for the title bar and frame the window manager adds.
            width, height = min(width, room.width()), min(height, room.height() - 40)
        self.resize(width, height)

    def _connect_sections(self) -> None:
        """Hand-offs between sections: a pick list or order opens in the pick station."""
        built = {section.section_id: section for section in self.sections.built()}
        if "station" in built and "picklists" in built and not self._sections_connected:
            built["picklists"].open_in_station.connect(self.open_pick_list_in_station)
            self._sections_connected = True

    def open_pick_list_in_station(self, pick_list_id: int) -> None:
        self.show_section("station").open_pick_list(pick_list_id)

    def _add_window_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Desk"))
        settings = QAction(self.tr("&Settings…"), self)
        settings.setShortcut(QKeySequence("Ctrl+,"))
        settings.triggered.connect(self.open_settings)
        switch_user = QAction(self.tr("Switch &user…"), self)
        switch_user.setShortcut(SWITCH_USER)
        switch_user.triggered.connect(self.switch_user)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        today = QAction(self.tr("Pick lists for &today"), self)
        today.setShortcut(QKeySequence(TODAY_PICK_LISTS))
        today.triggered.connect(self.make_today_pick_lists)
        self.today_action = today
        for action in (today, settings, switch_user, quit_action):
            menu.addAction(action)
            self.addAction(action)
        self.settings_action = settings
        self.user_label = QLabel()
        self.user_label.setProperty("role", "muted")
        self.menuBar().setCornerWidget(self.user_label)
        self._show_user()

    def make_today_pick_lists(self) -> None:
        """Ctrl+T from every section: the Orders section's Today view makes the lists."""
        if "orders" in self.sections:
            self.show_section("orders").make_today_pick_lists()

    def _show_user(self) -> None:
        user = self.context.user
        self.user_label.setText(
            self.tr("%1 (%2)  ").replace("%1", user.name).replace("%2", user.role)
            if user else "")

    def open_settings(self) -> None:
        if not ensure_manager(self.context, self):
            return
        # Imported when opened: its account pages load the bol.com client's credentials code.
        from haydigo_desk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.context, self, self.controller)
        dialog.settings_saved.connect(self.settings_saved)
        dialog.accounts_saved.connect(lambda _outcome: self.controller.request_sync())
        dialog.accounts_saved.connect(self.accounts_saved)
        dialog.exec()

    def switch_user(self) -> None:
        identity = log_in(self.context, self)
        if identity is not None:
            self.context.user = identity
            self._show_user()
            current = self.stack.currentWidget()
            if current is not None:
                current.refresh()

    def _show_section(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.stack.currentWidget().refresh()

    def show_section(self, section_id: str) -> QWidget:
        self.sections.get(section_id)  # built (with those before it) if it was not yet
        for row in range(self.navigation.count()):
            if self.navigation.item(row).data(Qt.ItemDataRole.UserRole) == section_id:
                self.navigation.setCurrentRow(row)
        return self.sections[section_id]

    def _on_data_changed(self, what: str) -> None:
        """Reload the visible section if it shows this kind of data (``refresh_on``).

        Sections without ``refresh_on`` follow the controller themselves; reloading a table
        for data it does not show only costs the window time while a sync runs.
        """
        current = self.stack.currentWidget()
        kinds = getattr(current, "refresh_on", ())
        if any(what == kind or what.startswith(kind + ":") for kind in kinds):
            current.refresh()

    def closeEvent(self, event) -> None:
        self._closed = True
        QApplication.instance().removeEventFilter(self._keys_first)
        self._tasks.shutdown()
        for section in self.sections.built():
            shutdown = getattr(section, "shutdown", None)
            tasks = getattr(section, "tasks", None)
            if callable(shutdown):
                shutdown()  # its own tasks and connections (the pick station)
            elif isinstance(tasks, DbTasks):
                tasks.shutdown()  # no database work may outlive the window
        super().closeEvent(event)
