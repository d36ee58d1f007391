"""The one owner of masking: no credential reaches a log, a database message, a dialog or stdout.

Two layers. Known secrets (client secrets as they are loaded or stored, bearer tokens as they
are issued) are remembered with every form they can take on the wire: raw, base64 (standard
and URL-safe, with and without padding), URL-encoded, and the HTTP Basic credential
``base64(client_id:secret)``. Then patterns catch what no one registered: ``Bearer``/``Basic``
values, secret-like ``key=value`` pairs and passwords in URLs.

``scrub`` is the function every output path calls (bol client errors, the logging filter, the
database message columns, the crash dialog, the CLI's error lines).
"""

from __future__ import annotations

import base64
import logging
import re
import threading
from urllib.parse import quote, quote_plus

MASK = "********"
_MIN_SECRET_LENGTH = 4  # shorter values would mask ordinary words
_MAX_TOKENS = 16  # tokens renew every few minutes; older ones are dead anyway

_PATTERNS = (
    # Authorization headers: "Bearer eyJ...", "Basic Y2xp..."
    re.compile(r"(?i)\b(bearer|basic)(\s+)[A-Za-z0-9._~+/=-]{6,}"),
    # key=value / key: value / "key": "value" for secret-like keys
    re.compile(
        r"(?i)([\"']?\b(?:client[_-]?secret|secret|password|passwd|access[_-]?token|"
        r"refresh[_-]?token|api[_-]?key|token)\b[\"']?)(\s*[:=]\s*[\"']?)([^\s\"'&,;)}\]]+)"
    ),
    # credentials inside URLs: scheme://user:password@host
    re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*://[^\s/:@]+:)([^\s/@]+)(@)"),
)


def secret_forms(secret: str, client_id: str | None = None) -> set[str]:
    """Every spelling of ``secret`` that can end up in text: raw, encoded, inside Basic."""
    forms = {secret, quote(secret, safe=""), quote_plus(secret)}
    raw = [secret.encode()]
    if client_id:
        raw.append(f"{client_id}:{secret}".encode())
        forms.add(quote(f"{client_id}:{secret}", safe=""))
    for data in raw:
        for encoded in (base64.b64encode(data), base64.urlsafe_b64encode(data)):
            text = encoded.decode()
            forms |= {text, text.rstrip("="), quote(text, safe="")}
    return {form for form in forms if len(form) >= _MIN_SECRET_LENGTH}


class _KnownSecrets:
    """Process-wide memory of secrets and tokens, longest form first when masking."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._secrets: dict[tuple[str, str], set[str]] = {}
        self._tokens: list[set[str]] = []
        self._ordered: tuple[str, ...] = ()

    def add_secret(self, secret: str, client_id: str | None = None) -> None:
        if len(secret) < _MIN_SECRET_LENGTH:
            return
        with self._lock:
            self._secrets[(client_id or "", secret)] = secret_forms(secret, client_id)
            self._reorder()

    def add_token(self, token: str) -> None:
        if len(token) < _MIN_SECRET_LENGTH:
            return
        with self._lock:
            forms = secret_forms(token)
            if forms not in self._tokens:
                self._tokens.append(forms)
                del self._tokens[:-_MAX_TOKENS]
                self._reorder()

    def forget_all(self) -> None:
        with self._lock:
            self._secrets.clear()
            self._tokens.clear()
            self._ordered = ()

    def _reorder(self) -> None:
        every = set().union(*self._secrets.values(), *self._tokens)
        self._ordered = tuple(sorted(every, key=len, reverse=True))

    def mask(self, text: str) -> str:
        for form in self._ordered:  # a snapshot: no lock needed to read a tuple
            if form in text:
                text = text.replace(form, MASK)
        return text


_known = _KnownSecrets()


def remember_secret(secret: str, client_id: str | None = None) -> None:
    """From now on every form of ``secret`` (and of ``client_id:secret``) is masked."""
    _known.add_secret(secret, client_id)


def remember_token(token: str) -> None:
    """Mask an issued access token (the newest few are kept)."""
    _known.add_token(token)


def forget_secrets() -> None:
    """For tests: start again with no known secrets."""
    _known.forget_all()


def scrub(text: str) -> str:
    """``text`` with known secrets in any form, bearer/basic credentials, secret-like
    ``key=value`` pairs and URL passwords masked."""
    text = _known.mask(text)
    text = _PATTERNS[0].sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", text)
    text = _PATTERNS[1].sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", text)
    return _PATTERNS[2].sub(lambda m: f"{m.group(1)}{MASK}{m.group(3)}", text)


def scrub_value(value: object) -> object:
    """``scrub`` for a database value: strings, and lists of strings (``sync_runs.errors``)."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, list):
        return [scrub(item) if isinstance(item, str) else item for item in value]
    return value


def describe_error(error: BaseException) -> str:
    """One line for a person: the error's own text (scrubbed), or its type when it has none."""
    text = " ".join(str(error).split())
    return scrub(text) if text else type(error).__name__


class RedactingFilter(logging.Filter):
    """A handler filter that masks the formatted message and the traceback of every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = scrub(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        return True
