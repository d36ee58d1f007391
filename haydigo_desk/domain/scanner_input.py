"""What a barcode scanner meant, from what the keyboard layout let through (pure Python).

A USB scanner is a keyboard: it sends key positions of a US layout, and the workstation's
layout turns them into characters. On a Belgian or French AZERTY desk the digit row gives
``&é"'(§è!çà`` (BE) or ``&é"'(-è_çà`` (FR), A/Q and Z/W swap; on a German QWERTZ desk Y/Z swap
and ``-`` arrives as ``ß``. Scanners may also add a prefix or suffix, a terminator, a GS1
symbology identifier (``]E0``, ``]C1``, ``]d2``...) and GS1 element strings such as
``(01)08712345678906(17)270101``. :func:`read_scan` undoes all of that, and says what it did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from haydigo_desk.domain.barcodes import is_valid_gtin

# The US digit row as AZERTY desks type it, unshifted (Belgium, France).
_AZERTY_BE = dict(zip("&é\"'(§è!çà", "1234567890", strict=True))
_AZERTY_FR = dict(zip("&é\"'(-è_çà", "1234567890", strict=True))
# Letters a US scanner's keys give on AZERTY, back to what the scanner meant.
_AZERTY_LETTERS = {"q": "a", "a": "q", "w": "z", "z": "w", "Q": "A", "A": "Q", "W": "Z",
                   "Z": "W", ")": "-", "°": "_"}
_QWERTZ = {"z": "y", "y": "z", "Z": "Y", "Y": "Z", "ß": "-", "?": "_"}
LAYOUT_TELLS = {"azerty-be": set("§!"), "azerty-fr": set("_"), "azerty": set("&é\"'(èçà")}
GROUP_SEPARATOR = "\x1d"  # GS1 FNC1 as scanners send it
SYMBOLOGY = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
GS1_HUMAN = re.compile(r"^\(\d{2,4}\)\d")
GS1_SYMBOLOGIES = {"]C1", "]e0", "]d2", "]Q3", "]J1"}
# Fixed-length GS1 application identifiers the desk may meet after (01); the rest end at GS.
_FIXED_AI = {"00": 18, "01": 14, "02": 14, "11": 6, "12": 6, "13": 6, "15": 6, "16": 6,
             "17": 6, "20": 2}


@dataclass(frozen=True)
class ScannerSettings:
    """Per workstation: what its scanner adds, and the keyboard layout it types through."""

    prefix: str = ""
    suffix: str = ""
    layout: str = "auto"  # auto | qwerty | azerty-be | azerty-fr | qwertz


@dataclass(frozen=True)
class ScanReading:
    raw: str
    text: str  # what the scanner meant: the code the desk looks up
    notes: tuple[str, ...] = field(default=())  # how it was read, for the scanner test


def read_scan(raw: str, settings: ScannerSettings | None = None) -> ScanReading:
    """The code a scan stands for; never raises (an unreadable scan stays as it came)."""
    settings = settings or ScannerSettings()
    notes: list[str] = []
    text = raw
    if settings.prefix and text.startswith(settings.prefix):
        text = text[len(settings.prefix):]
        notes.append("prefix removed")
    text = _without_controls(text, notes)
    if settings.suffix and text.endswith(settings.suffix):
        text = text[: -len(settings.suffix)]
        notes.append("suffix removed")
    text = text.strip()
    text = _through_layout(text, settings.layout, notes)
    symbology = SYMBOLOGY.match(text)
    if symbology:
        identifier = symbology.group(0)
        text = text[len(identifier):]
        notes.append(f"symbology {identifier} removed")
        if identifier in GS1_SYMBOLOGIES or text.startswith("01"):
            text = _gtin_from_gs1(text, notes)
    elif text.startswith("(01)") or (text.startswith("01") and len(text) >= 16
                                     and text[:16].isdigit()):
        text = _gtin_from_gs1(text, notes)
    text = _expand_upc_e(text, notes)
    return ScanReading(raw, text, tuple(notes))


def _without_controls(text: str, notes: list[str]) -> str:
    """Terminators (Enter, Tab) and other control characters go; a GS separator stays."""
    kept = "".join(c for c in text if c == GROUP_SEPARATOR or c.isprintable())
    if kept != text:
        notes.append("control characters removed")
    return kept


def _through_layout(text: str, layout: str, notes: list[str]) -> str:
    if layout == "qwerty":
        return text
    if layout == "auto":
        layout = _guess_layout(text)
    if layout.startswith("azerty"):
        digits = _AZERTY_FR if layout == "azerty-fr" else _AZERTY_BE
        table = {**_AZERTY_LETTERS, **digits}
        translated = "".join(table.get(c, c) for c in text)
        if translated != text:
            notes.append(f"typed through an {layout.upper()} keyboard")
        return translated
    if layout == "qwertz" and any(c in _QWERTZ for c in text):
        notes.append("typed through a QWERTZ keyboard")
        return "".join(_QWERTZ.get(c, c) for c in text)
    return text


def _guess_layout(text: str) -> str:
    """AZERTY when the digit row came out as symbols; anything else is taken as typed."""
    if GS1_HUMAN.match(text):  # "(01)…": the parentheses are GS1's, not AZERTY's 5
        return "qwerty"
    chars = set(text)
    if not chars & LAYOUT_TELLS["azerty"] and not chars & (LAYOUT_TELLS["azerty-be"]
                                                           | LAYOUT_TELLS["azerty-fr"]):
        return "qwerty"
    if chars & LAYOUT_TELLS["azerty-fr"] and not chars & LAYOUT_TELLS["azerty-be"]:
        return "azerty-fr"
    return "azerty-be"


def _gtin_from_gs1(text: str, notes: list[str]) -> str:
    """The product in a GS1 element string: AI (01) holds a GTIN-14; an EAN-13 inside it
    (indicator 0) is what the desk's products carry."""
    elements = _gs1_elements(text)
    gtin = elements.get("01")
    if gtin is None or not gtin.isdigit() or len(gtin) != 14:
        return text
    notes.append("GTIN-14 read from GS1 (01)")
    if gtin.startswith("0") and is_valid_gtin(gtin[1:]):
        return gtin[1:]
    return gtin


def _gs1_elements(text: str) -> dict[str, str]:
    if text.startswith("("):  # the human-readable form: (01)…(17)…
        return dict(re.findall(r"\((\d{2,4})\)([^(]*)", text))
    elements: dict[str, str] = {}
    rest = text
    while len(rest) >= 2:
        ai = rest[:2]
        length = _FIXED_AI.get(ai)
        if length is None:  # variable length: up to the next GS, or the end
            value, _, rest = rest[2:].partition(GROUP_SEPARATOR)
            elements[ai] = value
            continue
        elements[ai] = rest[2:2 + length]
        rest = rest[2 + length:].lstrip(GROUP_SEPARATOR)
    return elements


def _expand_upc_e(text: str, notes: list[str]) -> str:
    """An 8-digit UPC-E (number system 0 or 1) as the EAN-13 of its UPC-A."""
    if not (len(text) == 8 and text.isdigit() and text[0] in "01") or is_valid_gtin(text):
        return text  # a valid EAN-8 is an EAN-8
    system, body, check = text[0], text[1:7], text[7]
    last = body[5]
    if last in "012":
        upc_a = f"{system}{body[:2]}{last}0000{body[2:5]}{check}"
    elif last == "3":
        upc_a = f"{system}{body[:3]}00000{body[3:5]}{check}"
    elif last == "4":
        upc_a = f"{system}{body[:4]}00000{body[4]}{check}"
    else:
        upc_a = f"{system}{body[:5]}0000{last}{check}"
    if not is_valid_gtin(upc_a):
        return text
    notes.append("UPC-E expanded")
    return "0" + upc_a
