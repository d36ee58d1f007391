"""Product images drawn from the EAN: stripes and a shape in colours derived from its digits.

Served as baseline JPEG, as bol's media hosts do (its spec's ``mimeType`` knows no PNG). Pure
Python, so the sandbox needs no image library and no Qt: the picture is three flat colours, so
most 8x8 blocks repeat and each distinct block is transformed once. Each EAN gives a different
picture, so a person looking at the desk can tell products apart.
"""

from __future__ import annotations

import hashlib
import math
import operator
import struct
from functools import lru_cache

SIZES = {"small": 120, "medium": 400}
_SHAPES = ("circle", "square", "diamond", "ring")
QUALITY = 90

Colour = tuple[int, int, int]


def _palette(seed: bytes) -> tuple[Colour, Colour, Colour]:
    # Three colours with enough spread to be told apart: hash bytes, lifted away from black.
    background, stripe, figure = (
        (64 + seed[i] % 192, 64 + seed[i + 1] % 192, 64 + seed[i + 2] % 192) for i in (0, 3, 6)
    )
    return background, stripe, figure


def _figure_spans(shape: str, dy: float, radius: float) -> list[tuple[float, float]]:
    """The ranges of ``dx`` (from the centre) inside the figure on the row ``dy`` from it."""
    if shape == "square":
        half = radius * 0.8
        return [(-half, half)] if abs(dy) <= half else []
    if shape == "diamond":
        half = radius - abs(dy)
        return [(-half, half)] if half >= 0 else []
    if abs(dy) > radius:
        return []
    outer = math.sqrt(radius * radius - dy * dy)
    inner_radius = radius * 0.55
    if shape == "circle" or abs(dy) > inner_radius:
        return [(-outer, outer)]
    inner = math.sqrt(inner_radius * inner_radius - dy * dy)  # a ring: two pieces
    return [(-outer, -inner), (inner, outer)]


def _picture(ean: str, side: int, variant: int) -> tuple[bytes, tuple[Colour, ...]]:
    """The picture as one palette index (0, 1, 2) per pixel, row by row, and its palette.

    Built a row at a time from byte strings (stripes, then the figure's spans over them):
    a per-pixel loop in Python cost a third of a second per picture.
    """
    seed = hashlib.sha256(f"{ean}/{variant}".encode()).digest()
    palette = _palette(seed)
    shape = _SHAPES[seed[9] % len(_SHAPES)]
    stripe_width = max(2, side // (6 + seed[10] % 10))
    diagonal = seed[11] % 2 == 1
    radius = side * 0.32
    centre = side / 2
    period = (b"\x00" * stripe_width + b"\x01" * stripe_width) * (side // stripe_width + 2)
    rows = []
    for y in range(side):
        shift = y % (2 * stripe_width) if diagonal else 0
        row = bytearray(period[shift:shift + side])
        for low, high in _figure_spans(shape, y - centre, radius):
            first, last = max(0, math.ceil(centre + low)), min(side - 1, math.floor(centre + high))
            if first <= last:
                row[first:last + 1] = b"\x02" * (last - first + 1)
        rows.append(bytes(row))
    return b"".join(rows), palette


@lru_cache(maxsize=512)
def product_jpeg(ean: str, size: str = "medium", variant: int = 0) -> bytes:
    """A square JPEG for ``ean``; ``variant`` > 0 gives the additional pictures."""
    if size not in SIZES:
        raise ValueError(f"unknown image size {size!r}")
    side = SIZES[size]
    pixels, palette = _picture(ean, side, variant)
    return encode_jpeg(side, side, pixels, palette)


# --- a small baseline JPEG encoder (ITU T.81): 4:4:4 YCbCr, one scan -----------------------------

# The example luminance table of T.81 Annex K, scaled to QUALITY; used for all three components.
_BASE_QUANT = (
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
)  # fmt: skip


def _zigzag() -> list[int]:
    """Row-major positions of an 8x8 block in zig-zag order."""
    order = sorted(
        ((x, y) for y in range(8) for x in range(8)),
        # even diagonals run up and to the right (x rising), odd ones down and to the left
        key=lambda p: (p[0] + p[1], p[0] if (p[0] + p[1]) % 2 == 0 else p[1]),
    )
    return [y * 8 + x for x, y in order]


ZIGZAG = _zigzag()
_SCALE = 200 - 2 * QUALITY if QUALITY >= 50 else 5000 // QUALITY
QUANT = tuple(max(1, min(255, (q * _SCALE + 50) // 100)) for q in _BASE_QUANT)
# The DCT as 64 basis rows (natural order, row v*8+u), each over the 64 samples, so that a
# coefficient is one C-level dot product instead of a Python loop.
_COS = [[math.cos((2 * x + 1) * u * math.pi / 16) for x in range(8)] for u in range(8)]
_NORM = [math.sqrt(0.125)] + [0.5] * 7
_BASIS = [
    [_NORM[u] * _NORM[v] * _COS[u][x] * _COS[v][y] for y in range(8) for x in range(8)]
    for v in range(8)
    for u in range(8)
]

# Huffman tables of our own, valid for any picture: every DC category (0-11) gets a 4-bit code
# and every AC symbol (run/size, EOB, ZRL) an 8-bit one. Flat pictures need few codes per block.
_DC_SYMBOLS = list(range(12))
_AC_SYMBOLS = [0x00, 0xF0] + [(run << 4) | size for run in range(16) for size in range(1, 11)]
_DC_CODES = {symbol: (code, 4) for code, symbol in enumerate(_DC_SYMBOLS)}
_AC_CODES = {symbol: (code, 8) for code, symbol in enumerate(_AC_SYMBOLS)}


def _ycbcr(colour: Colour) -> tuple[int, int, int]:
    r, g, b = colour
    y = 0.299 * r + 0.587 * g + 0.114 * b
    cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b
    cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b
    return tuple(max(0, min(255, round(v))) for v in (y, cb, cr))  # type: ignore[return-value]


_QUANT_ZIGZAG = [QUANT[k] for k in ZIGZAG]
_FLAT = [8.0] + [0.0] * 63  # the DCT of a block of ones, in zig-zag order


def _indicator_dct(block: bytes, index: int) -> list[float]:
    """The (unquantized, zig-zag) DCT of the block that is 1 where ``block`` has ``index``."""
    samples = [1 if value == index else 0 for value in block]
    return [sum(map(operator.mul, _BASIS[k], samples)) for k in ZIGZAG]


def _block_codes(block: bytes, levels: list[list[int]]) -> list[tuple[int, int, int]]:
    """Per component (dc, AC bits, AC bit count) of a block of palette indexes.

    The DCT is linear: a block of palette colours is the sum over its colours of colour level
    times that colour's indicator block, so each indicator is transformed once for all three
    components (and the last one is ones minus the others). ``levels[colour][component]`` is
    a sample value minus 128.
    """
    present = sorted(set(block))
    dcts = {index: _indicator_dct(block, index) for index in present[1:]}
    rest = _FLAT
    for dct in dcts.values():
        rest = [a - b for a, b in zip(rest, dct, strict=True)]
    dcts[present[0]] = rest
    codes = []
    for component in range(3):
        total = [0.0] * 64
        for index in present:
            level = levels[index][component]
            total = [t + level * d for t, d in zip(total, dcts[index], strict=True)]
        coefficients = [round(t / q) for t, q in zip(total, _QUANT_ZIGZAG, strict=True)]
        bits = length = 0
        for code, size in _ac_codes(coefficients):
            bits, length = (bits << size) | code, length + size
        codes.append((coefficients[0], bits, length))
    return codes


def _magnitude(value: int) -> tuple[int, int]:
    """(category, bits) of a coefficient as T.81 codes it."""
    size = abs(value).bit_length()
    return size, (value if value >= 0 else value + (1 << size) - 1)


def _ac_codes(coefficients: list[int]) -> list[tuple[int, int]]:
    """The (code, length) pairs of a block's AC coefficients."""
    codes: list[tuple[int, int]] = []
    run = 0
    for value in coefficients[1:]:
        if value == 0:
            run += 1
            continue
        while run > 15:
            codes.append(_AC_CODES[0xF0])
            run -= 16
        size, bits = _magnitude(value)
        codes.append(_AC_CODES[(run << 4) | size])
        codes.append((bits, size))
        run = 0
    if run:
        codes.append(_AC_CODES[0x00])
    return codes


class _BitWriter:
    """Collects codes as text of 0s and 1s and packs them once: cheaper in Python than
    shifting bytes out code by code."""

    def __init__(self) -> None:
        self._parts: list[str] = []

    def write(self, code: int, length: int) -> None:
        if length:
            self._parts.append(format(code, f"0{length}b"))

    def flush(self) -> bytes:
        bits = "".join(self._parts)
        bits += "1" * (-len(bits) % 8)  # pad the last byte with 1-bits
        if not bits:
            return b""
        data = int(bits, 2).to_bytes(len(bits) // 8, "big")
        return data.replace(b"\xff", b"\xff\x00")  # byte stuffing: 0xFF in data is 0xFF 00


def _segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">HH", 0xFF00 | marker, len(payload) + 2) + payload


def _huffman_table(table_class: int, table_id: int, symbols: list[int], length: int) -> bytes:
    counts = [0] * 16
    counts[length - 1] = len(symbols)
    return bytes([(table_class << 4) | table_id, *counts, *symbols])


def encode_jpeg(width: int, height: int, pixels: bytes, palette: tuple[Colour, ...]) -> bytes:
    """A baseline JPEG of a ``width`` x ``height`` picture given as palette indexes per pixel."""
    levels = [[value - 128 for value in _ycbcr(colour)] for colour in palette]
    cache: dict[bytes, list[tuple[int, int, int]]] = {}
    writer = _BitWriter()
    previous_dc = [0, 0, 0]
    for block_y in range(0, height, 8):
        rows = [min(block_y + r, height - 1) * width for r in range(8)]  # repeat the edge
        for block_x in range(0, width, 8):
            if block_x + 8 <= width:
                block = b"".join(pixels[row + block_x:row + block_x + 8] for row in rows)
            else:
                columns = [min(block_x + c, width - 1) for c in range(8)]
                block = bytes(pixels[row + column] for row in rows for column in columns)
            codes = cache.get(block)
            if codes is None:
                codes = cache[block] = _block_codes(block, levels)
            for component, (dc, ac_bits, ac_length) in enumerate(codes):
                size, bits = _magnitude(dc - previous_dc[component])
                previous_dc[component] = dc
                dc_code, dc_length = _DC_CODES[size]
                writer.write((((dc_code << size) | bits) << ac_length) | ac_bits,
                             dc_length + size + ac_length)
    jfif = b"JFIF\x00\x01\x01\x00" + struct.pack(">HH", 1, 1) + b"\x00\x00"
    frame = struct.pack(">BHHB", 8, height, width, 3) + b"".join(
        bytes([component, 0x11, 0]) for component in (1, 2, 3)
    )
    tables = _huffman_table(0, 0, _DC_SYMBOLS, 4) + _huffman_table(1, 0, _AC_SYMBOLS, 8)
    scan = bytes([3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0])
    return (
        b"\xff\xd8"
        + _segment(0xE0, jfif)
        + _segment(0xDB, bytes([0]) + bytes(QUANT[i] for i in ZIGZAG))
        + _segment(0xC0, frame)
        + _segment(0xC4, tables)
        + _segment(0xDA, scan)
        + writer.flush()
        + b"\xff\xd9"
    )
