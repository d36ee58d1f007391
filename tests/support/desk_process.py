"""Running the real ``haydigo-desk`` command against broken surroundings, and checking that
it answers in one line and leaves the database as it was."""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from haydigo_desk.config import sqlite_url
from haydigo_desk.persistence.database import open_database

NULL_KEYRING = "keyring.backends.null.Keyring"
FAIL_KEYRING = "keyring.backends.fail.Keyring"


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def desk_env(home: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("HAYDIGO_", "PYTHON_KEYRING"))}
    env.update(HAYDIGO_HOME=str(home), PYTHON_KEYRING_BACKEND=NULL_KEYRING,
               QT_QPA_PLATFORM="offscreen")
    env.update(extra)
    return env


def profile_with_account(home: Path) -> Path:
    """A profile with its own database: one account (bol.com unreachable) and a manager,
    Anna (``HAYDIGO_STAFF=Anna`` skips the login)."""
    from haydigo_desk.domain.states import StaffRole
    from haydigo_desk.services.accounts import AccountSpec, save_account
    from haydigo_desk.services.staff import add_staff

    database = open_database(sqlite_url(home / "data" / "haydigo-desk.sqlite3"))
    with database.unit_of_work() as uow:
        save_account(uow.session, AccountSpec(
            name="bol NL", client_id="client-1", store_name="Shop", environment="custom",
            base_url="http://127.0.0.1:9", token_url="http://127.0.0.1:9/token"))
        add_staff(uow.session, "Anna", StaffRole.MANAGER, badge_code="A-1")
        uow.commit()
    database.dispose()
    return home


def run_desk_command(args: list[str], home: Path, *, env: dict[str, str] | None = None,
                     stdin=subprocess.DEVNULL, preexec: Callable[[], None] | None = None,
                     user: int | None = None, wrapper: list[str] | None = None,
                     timeout: float = 60) -> Outcome:
    command = [*(wrapper or []), sys.executable, "-m", "haydigo_desk", *args]
    done = subprocess.run(
        command, env=env or desk_env(home), stdin=stdin, capture_output=True, text=True,
        timeout=timeout, preexec_fn=preexec, user=user, start_new_session=True,
    )
    return Outcome(done.returncode, done.stdout, done.stderr)


def assert_one_clear_line(outcome: Outcome, *words: str) -> str:
    """Non-zero exit, no traceback, and one stderr line that holds every word given."""
    assert outcome.code != 0, outcome
    assert "Traceback" not in outcome.stderr + outcome.stdout, outcome.stderr
    matching = [line for line in outcome.lines
                if all(word.lower() in line.lower() for word in words)]
    assert len(matching) == 1, outcome.stderr
    return matching[0]


def fingerprint(path: Path) -> str:
    """The bytes of a database file and of its write-ahead log (the shared-memory index is
    rebuilt by every reader, so it is left out)."""
    digest = hashlib.sha256()
    for name in (path, Path(f"{path}-wal")):
        data = name.read_bytes() if name.exists() else b""
        digest.update(name.name.encode() + len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def checkpoint(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def migrated_database(path: Path) -> Path:
    """A current, empty desk database at ``path`` with its WAL folded in."""
    open_database(sqlite_url(path)).dispose()
    checkpoint(path)
    return path


def file_size_limit(limit_bytes: int) -> Callable[[], None]:
    """A ``preexec_fn``: the child may not grow any file past ``limit_bytes`` (the kernel then
    answers writes with EFBIG, as a full disk answers with ENOSPC; Python ignores SIGXFSZ)."""
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))
    return apply


def can_unshare_mounts() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, timeout=10)
    return probe.returncode == 0


def mount_wrapper(script: str) -> list[str]:
    """Run the command in a private mount namespace after ``script`` (mounts vanish with it)."""
    return ["unshare", "-m", "sh", "-c", f'{script} && exec "$@"', "sh"]
