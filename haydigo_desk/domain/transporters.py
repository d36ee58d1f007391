"""bol.com transporter codes and track & trace checks (pure Python, no Qt, no network).

The list lives in ``resources/data/transporters.json``. Its track & trace formats are the
best-known patterns of each carrier, not bol.com rules: bol.com accepts any string (even none),
so a code that matches no known format is ``UNKNOWN_FORMAT`` (ask the user to confirm), never
refused outright. Only codes that bol.com could not store sensibly are ``MALFORMED``.
"""

from __future__ import annotations

import enum
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from haydigo_desk.resources_path import resource

# Track & trace codes are printed barcodes: letters and digits only. 40 is generous (the longest
# known carrier code, a 24-digit bpost or a JJD-prefixed DHL code, is well below it).
MAX_TRACK_AND_TRACE_LENGTH = 40
_WELL_FORMED = re.compile(r"[A-Z0-9]+")


@dataclass(frozen=True)
class Transporter:
    """One bol.com transporter code with its display names and known T&T formats."""

    code: str
    name_en: str
    name_nl: str
    empty_track_and_trace_allowed: bool
    formats: tuple[re.Pattern[str], ...] = ()

    def name(self, language: str = "en") -> str:
        """Display name in ``"nl"`` or (any other value) English."""
        return self.name_nl if language.lower().startswith("nl") else self.name_en

    @property
    def has_known_format(self) -> bool:
        return bool(self.formats)


class TrackAndTraceResult(enum.Enum):
    OK = "ok"
    EMPTY_ALLOWED = "empty_allowed"
    EMPTY_NOT_ALLOWED = "empty_not_allowed"
    MALFORMED = "malformed"
    UNKNOWN_FORMAT = "unknown_format"


@dataclass(frozen=True)
class TrackAndTraceCheck:
    """Outcome of :func:`validate_track_and_trace` with messages for the picker."""

    result: TrackAndTraceResult
    code: str  # the normalised code that was checked ("" when empty)
    message_en: str
    message_nl: str

    @property
    def can_post(self) -> bool:
        """True when the shipment may be posted without asking anything more."""
        return self.result in (TrackAndTraceResult.OK, TrackAndTraceResult.EMPTY_ALLOWED)

    @property
    def needs_confirmation(self) -> bool:
        """True when posting is allowed only after the user explicitly confirms."""
        return self.result is TrackAndTraceResult.UNKNOWN_FORMAT

    def message(self, language: str = "en") -> str:
        return self.message_nl if language.lower().startswith("nl") else self.message_en


def _transporter_from_json(item: dict) -> Transporter:
    # fullmatch is applied at check time; compiling here catches a bad pattern at load time.
    return Transporter(
        code=str(item["code"]),
        name_en=str(item["name_en"]),
        name_nl=str(item["name_nl"]),
        empty_track_and_trace_allowed=bool(item["empty_track_and_trace_allowed"]),
        formats=tuple(re.compile(pattern) for pattern in item.get("formats", [])),
    )


def load_transporters(path: Path | str | None = None) -> list[Transporter]:
    """Read the transporter list; ``path`` defaults to the shipped ``transporters.json``."""
    source = Path(path) if path is not None else resource("data", "transporters.json")
    data = json.loads(source.read_text(encoding="utf-8"))
    transporters = [_transporter_from_json(item) for item in data["transporters"]]
    codes = [t.code for t in transporters]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise ValueError(f"duplicate transporter codes in {source.name}: {duplicates}")
    return transporters


@cache
def _shipped_by_code() -> dict[str, Transporter]:
    return {t.code: t for t in load_transporters()}


def transporter_by_code(code: str) -> Transporter | None:
    """The shipped transporter with this bol.com code (case-insensitive), or None."""
    return _shipped_by_code().get(code.strip().upper())


def normalise_track_and_trace(text: str | None) -> str:
    """Strip surrounding whitespace and uppercase; inner characters are kept on purpose so
    that validation can refuse a code with spaces or symbols instead of silently changing it."""
    return (text or "").strip().upper()


def _check(result: TrackAndTraceResult, code: str, en: str, nl: str) -> TrackAndTraceCheck:
    return TrackAndTraceCheck(result=result, code=code, message_en=en, message_nl=nl)


def validate_track_and_trace(transporter: Transporter, code: str | None) -> TrackAndTraceCheck:
    """Check a track & trace code for ``transporter``; the code is normalised first."""
    text = normalise_track_and_trace(code)
    name_en, name_nl = transporter.name_en, transporter.name_nl
    if not text:
        if transporter.empty_track_and_trace_allowed:
            return _check(
                TrackAndTraceResult.EMPTY_ALLOWED,
                text,
                f"No track & trace: allowed for {name_en}.",
                f"Geen track & trace: toegestaan voor {name_nl}.",
            )
        return _check(
            TrackAndTraceResult.EMPTY_NOT_ALLOWED,
            text,
            f"{name_en} needs a track & trace code.",
            f"{name_nl} heeft een track & trace-code nodig.",
        )
    if len(text) > MAX_TRACK_AND_TRACE_LENGTH:
        return _check(
            TrackAndTraceResult.MALFORMED,
            text,
            f"Track & trace is too long ({len(text)} characters, at most "
            f"{MAX_TRACK_AND_TRACE_LENGTH}).",
            f"Track & trace is te lang ({len(text)} tekens, maximaal "
            f"{MAX_TRACK_AND_TRACE_LENGTH}).",
        )
    if not _WELL_FORMED.fullmatch(text):
        return _check(
            TrackAndTraceResult.MALFORMED,
            text,
            "Track & trace may only contain letters A-Z and digits (no spaces or symbols).",
            "Track & trace mag alleen letters A-Z en cijfers bevatten (geen spaties of tekens).",
        )
    if any(pattern.fullmatch(text) for pattern in transporter.formats):
        return _check(
            TrackAndTraceResult.OK,
            text,
            f"Track & trace looks like a {name_en} code.",
            f"Track & trace lijkt op een code van {name_nl}.",
        )
    if not transporter.formats:
        # No known format for this carrier: nothing to compare against, so do not nag.
        return _check(
            TrackAndTraceResult.OK,
            text,
            f"Track & trace accepted ({name_en} has no known format to check).",
            f"Track & trace geaccepteerd ({name_nl} heeft geen bekend formaat om te controleren).",
        )
    return _check(
        TrackAndTraceResult.UNKNOWN_FORMAT,
        text,
        f"{text} does not look like a {name_en} code. Check the carrier, or confirm to use it.",
        f"{text} lijkt niet op een code van {name_nl}. Controleer de vervoerder of bevestig.",
    )
