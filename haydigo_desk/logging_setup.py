"""Logging to stderr and a rotating file in the user log folder."""

from __future__ import annotations

import logging

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
FILE_ONLY = {"file_only": True}  # ``extra=`` for records (tracebacks) meant for the log file


def _not_file_only(record: logging.LogRecord) -> bool:
    return not getattr(record, "file_only", False)


def configure_logging(level: str = "INFO", *, to_file: bool = True) -> None:
    # Imported here: the command line's argument types import this module for LOG_LEVELS,
    # and ``--version`` must not load pydantic and platformdirs for it.
    import logging.handlers

    from haydigo_desk.config import AppPaths
    from haydigo_desk.services.redaction import RedactingFilter

    root = logging.getLogger()
    root.setLevel(level.upper())
    if getattr(root, "_haydigo_configured", False):
        return
    # A handler that cannot write (a closed stderr, a full disk) must not print a traceback.
    logging.raiseExceptions = False
    stderr = logging.StreamHandler()
    stderr.setFormatter(logging.Formatter(LOG_FORMAT))
    stderr.addFilter(RedactingFilter())
    stderr.addFilter(_not_file_only)
    root.addHandler(stderr)
    if to_file:
        try:
            log_file = AppPaths.current().log_dir / "haydigo-desk.log"
            log_file.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(
                log_file, maxBytes=5_000_000, backupCount=5, encoding="utf-8"
            )
            handler.setFormatter(logging.Formatter(LOG_FORMAT))
            handler.addFilter(RedactingFilter())
            root.addHandler(handler)
        except OSError as exc:  # a read-only or full disk must not stop the app
            root.warning("Cannot write the log file: %s", exc)
    # httpx logs full URLs at INFO; keep them at WARNING so nothing sensitive is echoed.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    root._haydigo_configured = True  # type: ignore[attr-defined]
