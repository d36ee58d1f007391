"""Logging to stderr and a rotating file in the user log folder."""

from __future__ import annotations

import logging
import logging.handlers

from haydigo_desk.config import AppPaths

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"


def configure_logging(level: str = "INFO", *, to_file: bool = True) -> None:
    root = logging.getLogger()
    root.setLevel(level.upper())
    if getattr(root, "_haydigo_configured", False):
        return
    stderr = logging.StreamHandler()
    stderr.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(stderr)
    if to_file:
        try:
            log_file = AppPaths.current().log_dir / "haydigo-desk.log"
            log_file.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(
                log_file, maxBytes=5_000_000, backupCount=5, encoding="utf-8"
            )
            handler.setFormatter(logging.Formatter(LOG_FORMAT))
            root.addHandler(handler)
        except OSError as exc:  # a read-only or full disk must not stop the app
            root.warning("Cannot write the log file: %s", exc)
    # httpx logs full URLs at INFO; keep them at WARNING so nothing sensitive is echoed.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    root._haydigo_configured = True  # type: ignore[attr-defined]
