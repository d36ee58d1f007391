"""Render the app icon SVG into hicolor PNGs and a multi-size Windows ICO.

    python packaging/tools/make_icons.py [icons-folder]

Uses Qt's SVG renderer offscreen (no display needed). The ICO holds PNG-compressed entries,
which Windows Vista and later read; 512 px is left out of the ICO because the format's size
byte tops out at 256.
"""

from __future__ import annotations

import os
import struct
import sys
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "haydigo-desk"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode a {size} px PNG")
    buffer.close()
    return bytes(data.data())


def build_ico(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR + one ICONDIRENTRY per size + the PNG payloads, all little-endian."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries, payloads = [], []
    for size in sizes:
        if not 1 <= size <= 256:
            raise ValueError(f"ICO entries must be 1-256 px, not {size}")
        png = pngs[size]
        side = size % 256  # 0 means 256
        # width, height, palette colours, reserved, colour planes, bits per pixel, size, offset
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset))
        payloads.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(payloads)


def default_output() -> Path:
    return Path(__file__).resolve().parents[2] / "resources" / "icons"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    icons = Path(args[0]) if args else default_output()
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - keeps Qt alive
    renderer = QSvgRenderer(str(icons / f"{APP_ID}.svg"))
    if not renderer.isValid():
        raise SystemExit(f"invalid SVG: {icons / f'{APP_ID}.svg'}")
    pngs: dict[int, bytes] = {}
    for size in PNG_SIZES:
        pngs[size] = render_png(renderer, size)
        target = icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
        print(f"wrote {target}")
    ico = icons / f"{APP_ID}.ico"
    ico.write_bytes(build_ico({size: pngs[size] for size in ICO_SIZES}))
    print(f"wrote {ico}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
