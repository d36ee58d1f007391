"""bol.com transporter codes and track & trace checks (pure Python, no Qt, no network).

The list lives in ``resources/data/transporters.json``. Its track & trace formats are the
best-known patterns of each carrier, not bol.com rules: bol.com accepts any string (even none),
so a code that matches no known format is ``UNKNOWN_FORMAT`` (ask the user to confirm), never
refused outright. Only codes that bol.com could not store sensibly are ``MALFORMED``.

The same file gives each carrier's public tracking page as a URL template
(:func:`tracking_url`), and :func:`search_transporters` is the one rule for "which carrier did
the user mean" when a code or name is typed.
"""

from __future__ import annotations

import enum
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Formatter
from urllib.parse import quote

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
    # The carrier's public tracking page; placeholders are TRACKING_PLACEHOLDERS. "" = none.
    tracking_url_template: str = ""

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


# What a tracking URL template may ask for; each value is URL-encoded when filled in.
TRACKING_PLACEHOLDERS = frozenset({"track_and_trace", "postal_code", "country_code"})


def _checked_template(code: str, template: str) -> str:
    """A template that cannot build a broken or unsafe link is refused at load time."""
    if not template:
        return ""
    fields = {name for _, name, _, _ in Formatter().parse(template) if name is not None}
    if not template.startswith("https://") or "track_and_trace" not in fields \
            or not fields <= TRACKING_PLACEHOLDERS:
        raise ValueError(
            f"tracking_url of {code} must be https:// with {{track_and_trace}} and only "
            f"{sorted(TRACKING_PLACEHOLDERS)}: {template!r}")
    return template


def _transporter_from_json(item: dict) -> Transporter:
    # fullmatch is applied at check time; compiling here catches a bad pattern at load time.
    code = str(item["code"])
    return Transporter(
        code=code,
        name_en=str(item["name_en"]),
        name_nl=str(item["name_nl"]),
        empty_track_and_trace_allowed=bool(item["empty_track_and_trace_allowed"]),
        formats=tuple(re.compile(pattern) for pattern in item.get("formats", [])),
        tracking_url_template=_checked_template(code, str(item.get("tracking_url", ""))),
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
def shipped_transporters() -> tuple[Transporter, ...]:
    """The shipped list, read once, in the file's order (the order pickers see)."""
    return tuple(load_transporters())


@cache
def _shipped_by_code() -> dict[str, Transporter]:
    return {t.code: t for t in shipped_transporters()}


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


# --- finding the carrier the user typed ----------------------------------------------------


def _search_key(text: str) -> str:
    """Case, spaces, '-' and '_' do not matter when typing: "dpd nl" finds DPD-NL."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _match_rank(transporter: Transporter, query: str) -> int | None:
    """How well ``query`` (a search key) names ``transporter``; lower is better, None = not."""
    code = _search_key(transporter.code)
    names = [_search_key(transporter.name_en), _search_key(transporter.name_nl)]
    words = [_search_key(word) for name in (transporter.name_en, transporter.name_nl)
             for word in re.split(r"[\s()/@.-]+", name) if word]
    if query == code:
        return 0  # an exact bol code always wins: TNT is TNT, never TNT-EXPRESS
    if query in names:
        return 1  # "PostNL" is the carrier called exactly that (TNT), not PostNL Extra@Home
    if code.startswith(query):
        return 2
    if any(name.startswith(query) for name in names) or \
            any(word.startswith(query) for word in words):
        return 3
    if query in code or any(query in name for name in names):
        return 4
    return None


def search_transporters(query: str,
                        transporters: tuple[Transporter, ...] | list[Transporter] | None = None,
                        ) -> list[Transporter]:
    """The carriers ``query`` may mean, best first; all of them (in list order) when empty.

    Ranking: exact bol code, exact name, code prefix, name or word prefix, anywhere in code or
    name; ties go to the shorter code, then the list's order. Nothing matching gives ``[]`` —
    the caller must then not pick any carrier on the user's behalf.
    """
    pool = tuple(transporters) if transporters is not None else shipped_transporters()
    key = _search_key(query)
    if not key:
        return list(pool)
    ranked = []
    for position, transporter in enumerate(pool):
        rank = _match_rank(transporter, key)
        if rank is not None:
            ranked.append((rank, len(transporter.code), position, transporter))
    return [transporter for *_, transporter in sorted(ranked, key=lambda r: r[:3])]


# --- tracking links ------------------------------------------------------------------------


def tracking_url(transporter: Transporter, track_and_trace: str | None, *,
                 postal_code: str = "", country_code: str = "") -> str | None:
    """The carrier's tracking page for this parcel, or None when the carrier has none, the
    code is empty, or the page needs a postal code or country the order does not have."""
    code = normalise_track_and_trace(track_and_trace)
    template = transporter.tracking_url_template
    if not code or not template:
        return None
    values = {
        "track_and_trace": code,
        # PostNL and others want "1234AB", not "1234 ab".
        "postal_code": "".join(postal_code.split()).upper(),
        "country_code": country_code.strip().upper(),
    }
    wanted = {name for _, name, _, _ in Formatter().parse(template) if name}
    if any(not values[name] for name in wanted):
        return None
    return template.format(**{name: quote(value, safe="") for name, value in values.items()})
