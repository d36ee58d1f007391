"""The font the documents use, and making any text safe to draw with it.

DejaVu Sans (Debian's fonts-dejavu-core, also common elsewhere) covers Latin, Greek, Cyrillic and
more, so names like "Ærøskøbing" or "Łódź" print as written. Where it is not installed the
documents fall back to Helvetica, which reportlab draws in WinAnsi (cp1252): then characters
outside that set are reduced to their base letter (ł -> l) or a "?" instead of crashing.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

_REGULAR_FILE = "DejaVuSans.ttf"
_BOLD_FILE = "DejaVuSans-Bold.ttf"


@dataclass(frozen=True, slots=True)
class FontSet:
    regular: str
    bold: str
    unicode: bool  # False: only cp1252 text can be drawn


def _font_dirs() -> list[Path]:
    """Operating-system font folders, most specific first."""
    dirs: list[Path] = []
    extra = os.environ.get("HAYDIGO_REPORT_FONT_DIR")
    if extra:
        dirs.append(Path(extra))
    if sys.platform == "win32":
        dirs.append(Path(os.environ.get("WINDIR", "C:\\Windows")) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path.home() / "Library" / "Fonts", Path("/Library/Fonts")]
    else:
        dirs += [
            Path("/usr/share/fonts/truetype/dejavu"),
            Path.home() / ".local" / "share" / "fonts",
            Path("/usr/local/share/fonts"),
            Path("/usr/share/fonts"),
        ]
    return dirs


def _find(file_name: str) -> Path | None:
    for folder in _font_dirs():
        direct = folder / file_name
        if direct.is_file():
            return direct
    for folder in _font_dirs():
        if folder.is_dir():
            found = next(folder.rglob(file_name), None)
            if found is not None:
                return found
    return None


@cache
def font_set() -> FontSet:
    """Register the report fonts once per process and say which ones to use."""
    regular, bold = _find(_REGULAR_FILE), _find(_BOLD_FILE)
    if regular and bold:
        try:
            pdfmetrics.registerFont(TTFont("HaydiGO-Sans", str(regular)))
            pdfmetrics.registerFont(TTFont("HaydiGO-Sans-Bold", str(bold)))
        except Exception:  # a broken font file must not stop printing
            return _helvetica()
        # Lets <b> in Paragraph markup pick the bold face.
        addMapping("HaydiGO-Sans", 0, 0, "HaydiGO-Sans")
        addMapping("HaydiGO-Sans", 1, 0, "HaydiGO-Sans-Bold")
        addMapping("HaydiGO-Sans", 0, 1, "HaydiGO-Sans")
        addMapping("HaydiGO-Sans", 1, 1, "HaydiGO-Sans-Bold")
        return FontSet("HaydiGO-Sans", "HaydiGO-Sans-Bold", unicode=True)
    return _helvetica()


def _helvetica() -> FontSet:
    return FontSet("Helvetica", "Helvetica-Bold", unicode=False)


# Latin letters that have no Unicode decomposition to strip an accent from.
_BASE_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h",
                               "Ħ": "H", "ŧ": "t", "Ŧ": "T"})


def _to_cp1252(text: str) -> str:
    out: list[str] = []
    for char in text.translate(_BASE_LETTERS):
        try:
            char.encode("cp1252")
            out.append(char)
            continue
        except UnicodeEncodeError:
            pass
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        try:
            base.encode("cp1252")
            out.append(base or "?")
        except UnicodeEncodeError:
            out.append("?")
    return "".join(out)


def clean(text: str, fonts: FontSet) -> str:
    """Text that can be drawn with `fonts`: no control characters, no unknown glyph sets."""
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)
    return text if fonts.unicode else _to_cp1252(text)


def markup(text: str, fonts: FontSet) -> str:
    """`clean` text escaped for reportlab Paragraph markup."""
    return escape(clean(text, fonts))
