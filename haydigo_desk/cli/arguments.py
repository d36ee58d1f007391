"""Argument types and the parser class shared by every command.

Bad input is refused while parsing, as one line that names the option and what it accepts
(argparse's usage block is left out: ``--help`` shows it).
"""

from __future__ import annotations

import argparse
import math
import sys
from typing import NoReturn

from haydigo_desk.logging_setup import LOG_LEVELS

EXIT_USAGE = 2  # argparse's code for a bad command line
# The exit codes of every command (cli/failures.py explains failures with them). Kept here,
# beside the parser, so a command module reads them without loading the failure texts.
EXIT_FAILED = 1  # something unexpected, or the work itself failed
EXIT_CONFIGURATION = 2  # bad input or a missing setting: the person can fix it
EXIT_ENVIRONMENT = 3  # the database, disk or keyring of this machine


class OneLineParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line with a pointer to ``--help``."""

    def error(self, message: str) -> NoReturn:
        print(f"{self.prog}: {message} (see {self.prog} --help)", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def log_level(text: str) -> str:
    level = text.strip().upper()
    if level not in LOG_LEVELS:
        raise argparse.ArgumentTypeError(
            f"unknown log level {text!r}: choose {', '.join(LOG_LEVELS)}")
    return level


def _converted(text: str, convert, what: str):
    try:
        return convert(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None


def port(text: str) -> int:
    """A TCP port 1-65535, or 0 for any free one."""
    value = _converted(text, int, "a port number")
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(
            f"port {value} is out of range: use 1-65535 (or 0 for any free port)")
    return value


def _finite(text: str) -> float:
    value = _converted(text, float, "a number")
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    return value


def positive_number(text: str) -> float:
    value = _finite(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be greater than 0")
    return value


def non_negative_number(text: str) -> float:
    value = _finite(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be 0 or more")
    return value


def share(text: str) -> float:
    """A probability 0-1."""
    value = _finite(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be between 0 and 1")
    return value


def count(text: str) -> int:
    value = _converted(text, int, "a whole number")
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be 0 or more")
    return value


def positive_count(text: str) -> int:
    value = count(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value
