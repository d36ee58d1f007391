"""No form of the client secret (raw, base64, URL-encoded, the Basic credential) or of a token
reaches stdout, stderr, the log file or any database column, even when bol.com's token
endpoint repeats the Authorization header in its error (the sandbox's echo fault)."""

from __future__ import annotations

import base64
import io
import logging
import sqlite3
from pathlib import Path

import pytest
from support.desk_process import desk_env, migrated_database, run_desk_command
from support.sync_setup import fast_sandbox

from haydigo_desk.persistence.database import open_database
from haydigo_desk.persistence.models import OutboxEntry, SyncRun
from haydigo_desk.sandbox.routes_token import ECHO_AUTHORIZATION
from haydigo_desk.services import redaction
from haydigo_desk.services.accounts import AccountSpec, save_account

CLIENT_ID = "haydigo-sandbox-client"
SECRET = "Echo/Me+If=You&Dare:42"  # characters that change under base64 and URL encoding


def _forms(secret: str, client_id: str) -> list[str]:
    return sorted(redaction.secret_forms(secret, client_id) | {f"{client_id}:{secret}"})


def _every_text_in(database: Path) -> str:
    """Every value of every column of every table, as text."""
    with sqlite3.connect(database) as connection:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        return "\n".join(str(value) for table in tables
                         for row in connection.execute(f'SELECT * FROM "{table}"')
                         for value in row)


@pytest.mark.slow
def test_an_echoed_authorization_header_is_masked_everywhere(tmp_path):
    sandbox = fast_sandbox(client_secret=SECRET)
    try:
        database = migrated_database(tmp_path / "desk.sqlite3")
        url = f"sqlite:///{database}"
        env = desk_env(tmp_path, HAYDIGO_BOL_CLIENT_SECRET=SECRET)
        add = run_desk_command(
            ["--database-url", url, "account", "add", "--name", "bol NL", "--client-id",
             CLIENT_ID, "--store", "Shop", "--environment", "custom", "--base-url", sandbox.url,
             "--token-url", f"{sandbox.token_url}?fault={ECHO_AUTHORIZATION}"],
            tmp_path, env=env)
        assert add.code == 0, add.stderr
        sync = run_desk_command(["--log-level", "DEBUG", "--database-url", url, "sync",
                                 "--once"], tmp_path, env=env)
    finally:
        sandbox.stop()

    assert sandbox.state.request_counts["POST /token"] >= 1  # the echo was served
    assert sync.code == 1 and "Traceback" not in sync.stderr
    assert '"outcome": "failed"' in sync.stdout
    assert "rejected the client id or secret" in sync.stdout  # the reason is kept, masked
    assert redaction.MASK in sync.stdout
    places = {
        "stdout": sync.stdout,
        "stderr": sync.stderr,
        "log file": "\n".join(p.read_text() for p in (tmp_path / "log").glob("*.log*")),
        "database": _every_text_in(database),
    }
    assert "rejected" in places["database"]
    for place, text in places.items():
        for form in _forms(SECRET, CLIENT_ID):
            assert form not in text, f"{form!r} in {place}"


# --- the owner of masking, unit by unit ---------------------------------------------------------

@pytest.fixture(autouse=True)
def no_known_secrets():
    redaction.forget_secrets()
    yield
    redaction.forget_secrets()


def test_every_form_of_a_remembered_secret_is_masked():
    redaction.remember_secret(SECRET, CLIENT_ID)
    basic = base64.b64encode(f"{CLIENT_ID}:{SECRET}".encode()).decode()
    for form in [SECRET, basic, basic.rstrip("="),
                 base64.urlsafe_b64encode(SECRET.encode()).decode(),
                 "Echo%2FMe%2BIf%3DYou%26Dare%3A42", "Echo%2FMe%2BIf%3DYou%26Dare%3A42",
                 f"{CLIENT_ID}:{SECRET}"]:
        text = f"server said <{form}> twice: {form}"
        assert form not in redaction.scrub(text), form
        assert "server said" in redaction.scrub(text)


def test_a_remembered_token_is_masked_without_any_prefix():
    redaction.remember_token("tok.en-value-0123456789")
    assert redaction.scrub("got tok.en-value-0123456789 back") == (
        f"got {redaction.MASK} back")


def test_stored_messages_are_masked_whoever_writes_them(sqlite_url):
    redaction.remember_secret(SECRET, CLIENT_ID)
    basic = base64.b64encode(f"{CLIENT_ID}:{SECRET}".encode()).decode()
    database = open_database(sqlite_url)
    with database.unit_of_work() as uow:
        account = save_account(uow.session, AccountSpec("bol NL", CLIENT_ID, "Shop"))
        run = SyncRun(account_id=account.id, message=f"token said {basic}",
                      errors=[f"outbox 1: {SECRET}", "plain"])
        entry = OutboxEntry(account_id=account.id, kind="stock", payload={},
                            last_error=f"echo {SECRET}")
        uow.session.add_all([run, entry])
        uow.commit()
    with database.unit_of_work() as uow:
        stored = (uow.session.get(SyncRun, run.id), uow.session.get(OutboxEntry, entry.id))
        texts = [stored[0].message, *stored[0].errors, stored[1].last_error]
    database.dispose()
    assert texts == [f"token said {redaction.MASK}", f"outbox 1: {redaction.MASK}", "plain",
                     f"echo {redaction.MASK}"]


@pytest.mark.expect_errors  # the logged error is what the test inspects
def test_log_records_and_their_tracebacks_are_masked():
    redaction.remember_secret(SECRET, CLIENT_ID)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(redaction.RedactingFilter())
    logger = logging.getLogger("test.redaction")
    logger.addHandler(handler)
    try:
        try:
            raise RuntimeError(f"boom {SECRET}")
        except RuntimeError:
            logger.error("failed with %s", SECRET, exc_info=True)
    finally:
        logger.removeHandler(handler)
    assert SECRET not in stream.getvalue()
    assert "failed with ********" in stream.getvalue()
    assert "RuntimeError: boom ********" in stream.getvalue()
