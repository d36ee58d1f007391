"""Whatever a command raises, ``haydigo-desk`` prints one masked line and exits non-zero; the
traceback of an unexpected error goes to the log file only."""

from __future__ import annotations

import logging

import pytest

from haydigo_desk import __main__ as entry
from haydigo_desk.cli import db_cmd
from haydigo_desk.services import redaction

SECRET = "last-door-secret-991"


@pytest.mark.expect_errors  # the logged error is what the test inspects
def test_an_unexpected_error_is_one_line_and_its_traceback_is_in_the_log(
        monkeypatch, capsys, restored_logging, isolated_user_dirs):
    redaction.remember_secret(SECRET, "client-1")

    def broken(_args):
        raise RuntimeError(f"something odd with {SECRET}")

    monkeypatch.setattr(db_cmd, "run", broken)
    assert entry.main(["db", "current"]) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    assert "unexpected error (RuntimeError: something odd with ********)" in lines[0]
    log_file = isolated_user_dirs / "log" / "haydigo-desk.log"
    assert str(log_file) in lines[0]
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_file.read_text()
    assert "Traceback" in logged and "RuntimeError: something odd with ********" in logged
    assert SECRET not in logged and SECRET not in err


def test_a_known_problem_is_one_line_without_a_traceback_anywhere(
        capsys, restored_logging, isolated_user_dirs, tmp_path):
    damaged = tmp_path / "desk.sqlite3"
    damaged.write_bytes(b"not a database at all" * 100)
    assert entry.main(["--database-url", f"sqlite:///{damaged}", "db", "current"]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "damaged" in err
    for handler in logging.getLogger().handlers:
        handler.flush()
    log_file = isolated_user_dirs / "log" / "haydigo-desk.log"
    assert "Traceback" not in (log_file.read_text() if log_file.exists() else "")
