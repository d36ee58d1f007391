"""What a view says when its background database job fails: a sentence, never a crash dialog.

Views run their reads and writes through ``DbTasks``; their ``on_error`` turns the exception
into ``database_problem_text(error)``. A lock held too long by another program (the sync, a
second desk, a backup tool) is "busy, try again"; any other database error names its kind
only (its text may hold SQL and values); anything else is a bug and goes to the log in full.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from sqlalchemy.exc import SQLAlchemyError

from haydigo_desk.services.station_db import is_database_busy

log = logging.getLogger(__name__)


def database_problem_text(error: BaseException) -> str:
    if is_database_busy(error):
        log.warning("Database busy: %s", type(error).__name__)
        return QCoreApplication.translate(
            "DatabaseProblem",
            "The database is busy (another program is writing to it). Nothing was lost; "
            "try again in a moment.")
    if isinstance(error, SQLAlchemyError):
        log.warning("Database job failed: %s", type(error).__name__, exc_info=error)
        return QCoreApplication.translate(
            "DatabaseProblem", "The database could not be reached ({kind}). Nothing was "
            "changed; try again, or see the log.").format(kind=type(error).__name__)
    log.error("Background job failed", exc_info=error)
    return QCoreApplication.translate(
        "DatabaseProblem", "Something went wrong ({kind}); see the log.").format(
            kind=type(error).__name__)


def loading_text() -> str:
    return QCoreApplication.translate("DatabaseProblem", "Loading…")
