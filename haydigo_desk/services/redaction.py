"""Scrub anything that looks like a credential out of text shown to people or written to logs.

The bol.com client already redacts its own errors; this is the second line of defence for
tracebacks and messages from anywhere else (a crash dialog, a copied error report).
"""

from __future__ import annotations

import re

MASK = "********"

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


def scrub(text: str) -> str:
    """``text`` with bearer/basic tokens, secret-like ``key=value`` pairs and URL passwords
    masked."""
    text = _PATTERNS[0].sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", text)
    text = _PATTERNS[1].sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", text)
    return _PATTERNS[2].sub(lambda m: f"{m.group(1)}{MASK}{m.group(3)}", text)
