"""What the command line says when a command fails: one line, what is wrong and what to do.

``explain_failure`` is the last door of ``haydigo-desk``: anything a command raises ends here
as a line and an exit code, never as a traceback (an unexpected error's traceback goes to the
log file only).
"""

from __future__ import annotations

import argparse
import errno
from dataclasses import dataclass

from haydigo_desk.cli.arguments import EXIT_CONFIGURATION, EXIT_ENVIRONMENT, EXIT_FAILED
from haydigo_desk.services.redaction import describe_error

__all__ = ["EXIT_CONFIGURATION", "EXIT_ENVIRONMENT", "EXIT_FAILED", "Failure",
           "explain_failure"]


@dataclass(frozen=True)
class Failure:
    line: str
    exit_code: int
    unexpected: bool = False


def explain_failure(error: BaseException, args: argparse.Namespace) -> Failure:
    import sqlite3

    from sqlalchemy.exc import SQLAlchemyError

    from haydigo_desk.bol.errors import BolConfigurationError, BolError
    from haydigo_desk.config import SettingsError, resolve_database_url
    from haydigo_desk.persistence.database import (
        DatabaseUnavailableError,
        describe_database_error,
    )
    from haydigo_desk.services.accounts import AccountError

    if isinstance(error, DatabaseUnavailableError):
        return Failure(describe_error(error), EXIT_ENVIRONMENT)
    if isinstance(error, SQLAlchemyError | sqlite3.Error):
        url = resolve_database_url(getattr(args, "database_url", None))
        return Failure(describe_error(describe_database_error(error, url)), EXIT_ENVIRONMENT)
    if isinstance(error, BolConfigurationError | SettingsError | AccountError):
        return Failure(describe_error(error), EXIT_CONFIGURATION)
    if isinstance(error, BolError):
        return Failure(f"bol.com: {describe_error(error)}", EXIT_FAILED)
    if isinstance(error, OSError):
        return Failure(describe_os_error(error), EXIT_ENVIRONMENT)
    return Failure(
        f"unexpected error ({type(error).__name__}: {describe_error(error)[:300]}); the details "
        f"are in the log file {_log_file() or '(none: the log folder is not writable)'}",
        EXIT_FAILED, unexpected=True)


def describe_os_error(error: OSError) -> str:
    where = f" {error.filename}" if error.filename else ""
    reason = error.strerror or describe_error(error)
    if error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return f"Cannot write{where}: the disk is full ({reason}). Free some space and try again."
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (f"Cannot write{where}: {reason}. Make the folder writable (see HAYDIGO_HOME) and "
                "try again.")
    return f"Cannot use{where}: {reason}."


def _log_file() -> str | None:
    import logging.handlers

    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return handler.baseFilename
    return None
