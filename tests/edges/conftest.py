"""``desk_main``: the real ``haydigo-desk`` entry point in this process (no interpreter start,
so a case costs milliseconds instead of seconds), with the logging it sets up undone after."""

from __future__ import annotations

import logging

import pytest
from support.desk_process import Outcome

from haydigo_desk import __main__ as entry
from haydigo_desk.services import redaction


@pytest.fixture
def restored_logging():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    configured = getattr(root, "_haydigo_configured", False)
    root._haydigo_configured = False  # let main() set up its own handlers, as in a process
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)
    root._haydigo_configured = configured
    redaction.forget_secrets()


@pytest.fixture
def desk_main(capsys, restored_logging):
    def run(args: list[str]) -> Outcome:
        capsys.readouterr()
        try:
            code = entry.main(args)
        except SystemExit as stopped:  # argparse, as a process would exit
            code = stopped.code if isinstance(stopped.code, int) else 1
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return run
