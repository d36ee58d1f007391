"""Every bad input or broken surrounding at the command line: one line that says what is wrong
and what to do, a non-zero exit code, no traceback, and the database left as it was.

Cases that need a process of their own (a mount namespace, a file-size limit, a closed stdin,
another keyring backend) run the real ``haydigo-desk`` in a subprocess; the others call its
entry point in this process (``desk_main``), which is the same code without the seconds an
interpreter start costs on a busy machine. Faults are real where the machine
allows: run as root, a read-only data folder is a read-only bind mount in a private mount
namespace (a real read-only file system), otherwise a folder without write permission; a full
disk is ``RLIMIT_FSIZE`` (the kernel refuses the write that would grow a file past the limit)
and, as root, also a 64 KiB tmpfs in a private mount namespace (a real ENOSPC).
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from support.desk_process import (
    FAIL_KEYRING,
    Outcome,
    assert_one_clear_line,
    can_unshare_mounts,
    checkpoint,
    desk_env,
    file_size_limit,
    fingerprint,
    migrated_database,
    mount_wrapper,
    run_desk_command,
)
from support.postgres import free_port

from haydigo_desk.persistence.database import open_database
from haydigo_desk.services.accounts import AccountSpec, save_account

pytestmark = pytest.mark.slow

ACCOUNT = ["account", "add", "--name", "bol NL", "--client-id", "client-1", "--store", "Shop"]


def _add_account(path: Path, name: str = "bol NL") -> None:
    database = open_database(f"sqlite:///{path}")
    with database.unit_of_work() as uow:
        save_account(uow.session, AccountSpec(name, "client-1", "Shop"))
        uow.commit()
    database.dispose()
    checkpoint(path)


def _accounts(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT name, client_id FROM marketplace_accounts").fetchall()


# --- bad database URLs -----------------------------------------------------------------------

@pytest.mark.parametrize(("url", "words"), [
    ("not a database url", ["database URL is not valid", "sqlite:///"]),
    ("foo://somewhere/db", ["Unknown database type 'foo'", "postgresql+psycopg://"]),
    ("mysql://desk:hunter22@db.example/desk", ["driver for 'mysql'", "not installed"]),
    ("postgresql+psycopg://desk:hunter22@127.0.0.1:{port}/desk",
     ["Cannot connect", "127.0.0.1", "Check that the server runs"]),
    ("sqlite:////proc/no-such-folder/desk.sqlite3", ["Cannot create the database folder"]),
])
def test_a_bad_database_url_is_one_line(desk_main, url, words):
    url = url.format(port=free_port())
    outcome = desk_main(["--database-url", url, "db", "upgrade"])
    line = assert_one_clear_line(outcome, *words)
    assert "hunter22" not in outcome.stderr + outcome.stdout  # the password never shows
    assert outcome.code == 3, line


@pytest.mark.postgres
def test_a_missing_postgresql_database_is_one_line(desk_main, postgres_server):
    url = postgres_server.url("no_such_database")
    outcome = desk_main(["--database-url", url, "db", "upgrade"])
    assert_one_clear_line(outcome, "Cannot connect", "no_such_database", "does not exist")


# --- damaged, truncated and newer databases, in every command that opens one -------------------

def _corrupt(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def _truncated(path: Path) -> None:
    migrated_database(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _newer(path: Path) -> None:
    migrated_database(path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    checkpoint(path)


BROKEN = {
    "corrupt": (_corrupt, ["damaged or is not a HaydiGO Desk database", "Nothing was changed"]),
    "truncated": (_truncated, ["damaged", "restore a backup"]),
    "newer schema": (_newer, ["newer HaydiGO Desk", "9999_from_the_future", "update"]),
}

COMMANDS = {
    "db upgrade": ["db", "upgrade"],
    "db current": ["db", "current"],
    "account list": ["account", "list"],
    "account add": ACCOUNT,
    "sync --once": ["sync", "--once"],
    "sync --loop": ["sync", "--loop"],
    "picklist-pdf": ["picklist-pdf", "--all-open", "--out", "lists.pdf"],
    "packing-slip": ["packing-slip", "--order", "C0001", "--out", "slip.pdf"],
}


@pytest.mark.parametrize("broken", BROKEN)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_broken_database_file_is_refused_untouched_by_every_command(
        desk_main, tmp_path, monkeypatch, broken, command):
    monkeypatch.chdir(tmp_path)  # where a PDF would be written
    path = tmp_path / "desk.sqlite3"
    make_broken, words = BROKEN[broken]
    make_broken(path)
    before = fingerprint(path)
    outcome = desk_main(["--database-url", f"sqlite:///{path}", *COMMANDS[command]])
    assert_one_clear_line(outcome, str(path), *words)
    assert fingerprint(path) == before


# --- the data folder ---------------------------------------------------------------------------

def test_a_data_folder_that_is_a_file_is_one_line(tmp_path):
    (tmp_path / "data").write_text("not a folder")
    outcome = run_desk_command(["account", "list"], tmp_path)  # a real process, end to end
    assert_one_clear_line(outcome, "Cannot create the database folder", "HAYDIGO_HOME")
    assert (tmp_path / "data").read_text() == "not a folder"


@pytest.mark.parametrize("existing", [False, True], ids=["new database", "existing database"])
def test_a_read_only_data_folder_is_one_line(tmp_path, existing):
    data = tmp_path / "data"
    data.mkdir()
    database = data / "haydigo-desk.sqlite3"
    if existing:
        migrated_database(database)
        before = fingerprint(database)
    wrapper = None
    if os.geteuid() == 0:  # root writes through permissions: a read-only file system then
        if not can_unshare_mounts():
            pytest.skip("running as root without unshare(1): no way to make a folder read-only")
        wrapper = mount_wrapper(f"mount --bind {data} {data} && mount -o remount,bind,ro {data}")
    else:
        data.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        outcome = run_desk_command(ACCOUNT, tmp_path, wrapper=wrapper)
    finally:
        data.chmod(stat.S_IRWXU)
    assert_one_clear_line(outcome, str(database), "writable")
    if existing:
        assert fingerprint(database) == before
        assert _accounts(database) == []
    else:
        assert not database.exists()


# --- a full disk ---------------------------------------------------------------------------------

def test_a_full_disk_while_saving_loses_nothing(tmp_path):
    database = migrated_database(tmp_path / "desk.sqlite3")
    url = f"sqlite:///{database}"
    _add_account(database)
    before = _accounts(database)
    # Adding one more account writes a few pages to the write-ahead log: no file may grow past
    # 8 KiB (two pages), so the kernel refuses those writes like a disk with no space left.
    limit = file_size_limit(8192)
    second = [*ACCOUNT[:3], "bol BE", "--client-id", "client-2", "--store", "Shop BE"]
    outcome = run_desk_command(["--database-url", url, *second], tmp_path, preexec=limit)
    assert_one_clear_line(outcome, str(database), "disk")
    assert _accounts(database) == before
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.mark.skipif(not can_unshare_mounts(), reason="needs root and unshare(1) to mount a "
                    "tiny tmpfs; the RLIMIT_FSIZE case above still runs")
def test_a_really_full_tmpfs_is_one_line(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    wrapper = mount_wrapper(f"mount -t tmpfs -o size=64k haydigo-full {data}")
    outcome = run_desk_command(ACCOUNT, tmp_path, wrapper=wrapper)
    assert_one_clear_line(outcome, "haydigo-desk.sqlite3", "full")


# --- bad input ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "words"), [
    ([*ACCOUNT, "--transporter", "NOPE"], ["Unknown transporter code 'NOPE'", "TNT"]),
    ([*ACCOUNT[:5], "", "--store", "Shop"], ["client id is empty", "seller portal"]),
    ([*ACCOUNT[:5], "two words", "--store", "Shop"], ["client id 'two words' is not valid"]),
    ([*ACCOUNT[:5], "id:secret", "--store", "Shop"], ["is not valid", "no spaces or colons"]),
    ([*ACCOUNT, "--interval", "61"], ["sync interval is 1 to 60"]),
    ([*ACCOUNT, "--interval", "0"], ["--interval", "must be 1 or more"]),
])
def test_a_bad_account_is_refused_and_nothing_is_saved(desk_main, tmp_path, args, words):
    database = migrated_database(tmp_path / "desk.sqlite3")
    outcome = desk_main(["--database-url", f"sqlite:///{database}", *args])
    assert_one_clear_line(outcome, *words)
    assert _accounts(database) == []


@pytest.mark.parametrize("stdin", ["closed", "empty"])
def test_ask_secret_without_a_terminal_saves_nothing(tmp_path, stdin):
    database = migrated_database(tmp_path / "desk.sqlite3")
    args = ["--database-url", f"sqlite:///{database}", *ACCOUNT, "--ask-secret"]
    if stdin == "closed":
        outcome = run_desk_command(args, tmp_path, stdin=None, preexec=lambda: os.close(0))
    else:
        outcome = run_desk_command(args, tmp_path, stdin=subprocess.DEVNULL)
    assert_one_clear_line(outcome, "no client secret was typed", "HAYDIGO_BOL_CLIENT_SECRET")
    assert _accounts(database) == []


@pytest.mark.parametrize("backend", ["null", "fail"])
def test_a_keyring_that_keeps_nothing_is_refused(tmp_path, backend):
    database = migrated_database(tmp_path / "desk.sqlite3")
    env = desk_env(tmp_path)
    if backend == "fail":
        env["PYTHON_KEYRING_BACKEND"] = FAIL_KEYRING
    args = ["--database-url", f"sqlite:///{database}", *ACCOUNT, "--ask-secret"]
    outcome = _with_piped_secret(args, env)
    assert_one_clear_line(outcome, "secret NOT stored", "HAYDIGO_BOL_CLIENT_SECRET")
    assert outcome.code == 3
    assert "Account 'bol NL' saved." not in outcome.stdout
    assert _accounts(database) == [("bol NL", "client-1")]  # as the line says: saved, no secret


def _with_piped_secret(args: list[str], env: dict[str, str]) -> Outcome:
    done = subprocess.run([sys.executable, "-m", "haydigo_desk", *args], env=env,
                          input="typed-secret-value\n", capture_output=True, text=True,
                          timeout=60, start_new_session=True)
    assert "typed-secret-value" not in done.stdout + done.stderr
    return Outcome(done.returncode, done.stdout, done.stderr)


def test_sync_loop_without_a_secret_says_so_and_exits(tmp_path):
    database = migrated_database(tmp_path / "desk.sqlite3")
    _add_account(database)
    outcome = run_desk_command(["--database-url", f"sqlite:///{database}", "sync", "--loop"],
                               tmp_path, timeout=30)  # a real process: it must end by itself
    line = assert_one_clear_line(outcome, "Not syncing", "bol NL", "no bol.com client secret",
                                 "HAYDIGO_BOL_CLIENT_SECRET")
    assert outcome.code == 2, line


def test_sync_of_an_account_without_client_id_is_one_line(desk_main, tmp_path, monkeypatch):
    database = migrated_database(tmp_path / "desk.sqlite3")
    _add_account(database)
    with sqlite3.connect(database) as connection:  # an old database, from before the check
        connection.execute("UPDATE marketplace_accounts SET client_id = ''")
    monkeypatch.setenv("HAYDIGO_BOL_CLIENT_SECRET", "s3cret!")
    for mode in ("--once", "--loop"):
        outcome = desk_main(["--database-url", f"sqlite:///{database}", "sync", mode])
        assert_one_clear_line(outcome, "has no client id", "settings")


def test_an_unknown_account_name_is_one_line(desk_main, tmp_path):
    database = migrated_database(tmp_path / "desk.sqlite3")
    outcome = desk_main(
        ["--database-url", f"sqlite:///{database}", "sync", "--once", "--account", "Nope"])
    assert_one_clear_line(outcome, "No account named 'Nope'", "account list")
