"""The desk with an unusable database: a dialog instead of the window, a non-zero exit code,
and the database left as it was (offscreen, the real start-up path)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from support.desk_process import checkpoint, fingerprint, migrated_database

from haydigo_desk.__main__ import build_parser
from haydigo_desk.app import EXIT_CANNOT_START, run_desk
from haydigo_desk.ui.main_window import MainWindow

# Every test here makes the desk fail to start, which it logs as an ERROR before the dialog.
pytestmark = pytest.mark.expect_errors


def _corrupt(path: Path) -> str:
    path.write_bytes(os.urandom(8192))
    return f"sqlite:///{path}"


def _newer(path: Path) -> str:
    migrated_database(path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    checkpoint(path)
    return f"sqlite:///{path}"


CASES = {
    "corrupt": (_corrupt, "damaged"),
    "newer schema": (_newer, "newer version"),
    "bad url": (lambda path: "definitely not a url", "address is not valid"),
    "server down": (lambda path: "postgresql+psycopg://desk:pw@127.0.0.1:9/desk",
                    "cannot be reached"),
}


def _close_the_dialog_when_it_shows(seen: list[QMessageBox]) -> QTimer:
    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box)
            seen.append(box.informativeText())  # read before the dialog goes away
            box.done(QMessageBox.StandardButton.Close)

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(look)
    timer.start()
    return timer


@pytest.mark.parametrize("case", CASES)
def test_the_desk_says_why_it_cannot_start_instead_of_opening(qapp, tmp_path, case):
    make, words = CASES[case]
    path = tmp_path / "desk.sqlite3"
    url = make(path)
    before = fingerprint(path) if path.exists() else None
    seen: list = []
    timer = _close_the_dialog_when_it_shows(seen)
    try:
        code = run_desk(build_parser().parse_args(["--database-url", url]))
    finally:
        timer.stop()
    assert code == EXIT_CANNOT_START
    box, text = seen[0], seen[1]
    assert box.objectName() == "startupError"
    assert box.text() == "The desk cannot start"
    assert words in text
    assert "pw@" not in box.detailedText()  # the password stays hidden in the details too
    assert not [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow)]
    if before is not None:
        assert fingerprint(path) == before


def test_a_data_folder_that_is_a_file_is_a_dialog_too(qapp, isolated_user_dirs):
    (isolated_user_dirs / "data").write_text("not a folder")
    seen: list = []
    timer = _close_the_dialog_when_it_shows(seen)
    try:
        code = run_desk(build_parser().parse_args([]))
    finally:
        timer.stop()
    assert code == EXIT_CANNOT_START
    assert "data folder cannot be created" in seen[1]
    assert (isolated_user_dirs / "data").read_text() == "not a folder"
