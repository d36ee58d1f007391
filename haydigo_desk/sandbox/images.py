"""Product images drawn from the EAN: stripes and a shape in colours derived from its digits.

Pure Python (zlib + struct) so the sandbox needs no image library and no Qt. Each EAN gives a
different picture, so a person looking at the desk can tell products apart.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from functools import lru_cache

SIZES = {"small": 120, "medium": 400}
_SHAPES = ("circle", "square", "diamond", "ring")


def _palette(seed: bytes) -> tuple[tuple[int, int, int], ...]:
    # Three colours with enough spread to be told apart: hash bytes, lifted away from black.
    return tuple(
        (64 + seed[i] % 192, 64 + seed[i + 1] % 192, 64 + seed[i + 2] % 192) for i in (0, 3, 6)
    )


def _png(width: int, height: int, rows: list[bytes]) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 per scanline
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )


def _inside(shape: str, dx: float, dy: float, radius: float) -> bool:
    if shape == "circle":
        return dx * dx + dy * dy <= radius * radius
    if shape == "square":
        return abs(dx) <= radius * 0.8 and abs(dy) <= radius * 0.8
    if shape == "diamond":
        return abs(dx) + abs(dy) <= radius
    distance = dx * dx + dy * dy
    return (radius * 0.55) ** 2 <= distance <= radius * radius


@lru_cache(maxsize=512)
def product_png(ean: str, size: str = "medium", variant: int = 0) -> bytes:
    """A square PNG for ``ean``; ``variant`` > 0 gives the additional pictures."""
    if size not in SIZES:
        raise ValueError(f"unknown image size {size!r}")
    side = SIZES[size]
    seed = hashlib.sha256(f"{ean}/{variant}".encode()).digest()
    background, stripe, figure = _palette(seed)
    shape = _SHAPES[seed[9] % len(_SHAPES)]
    stripe_width = max(2, side // (6 + seed[10] % 10))
    diagonal = seed[11] % 2 == 1
    radius = side * 0.32
    centre = side / 2
    rows = []
    for y in range(side):
        row = bytearray()
        for x in range(side):
            if _inside(shape, x - centre, y - centre, radius):
                row += bytes(figure)
            elif ((x + y if diagonal else x) // stripe_width) % 2:
                row += bytes(stripe)
            else:
                row += bytes(background)
        rows.append(bytes(row))
    return _png(side, side, rows)
