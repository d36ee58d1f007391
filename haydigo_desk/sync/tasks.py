"""Helpers for the sync engine's own asyncio tasks."""

from __future__ import annotations

import asyncio
import logging

log = logging.getLogger(__name__)


def retrieve_outcome(task: asyncio.Task) -> None:
    """A done-callback that takes a task's exception even when nobody awaits the task (one
    that ended while its step was being abandoned): no "Task exception was never retrieved"."""
    if not task.cancelled() and task.exception() is not None:
        log.info("A sync task ended early: %s", task.exception())
