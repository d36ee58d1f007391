"""Render page 1 of each printed document to PNG, so a reviewer can look at the layout.

    python packaging/tools/render_report_previews.py OUT_FOLDER [--dpi 100] [--orders 24]

Writes one PNG per document, page format and language (pick list and packing slip; A4 and the
102 x 152 mm label; Dutch and English), plus the PDFs they came from. Needs `pdftoppm`
(Debian package poppler-utils). The data are the deterministic samples of
`haydigo_desk.reports.samples`.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

# Runnable from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from haydigo_desk.reports import PageFormat, render_packing_slips, render_pick_list
from haydigo_desk.reports.samples import sample_packing_slips, sample_pick_list

LANGUAGES = ("nl", "en")


def _documents(orders: int) -> dict[str, Callable[[PageFormat, str], bytes]]:
    pick_list = sample_pick_list(orders)
    slips = sample_packing_slips(pick_list)
    return {
        "pick-list": lambda fmt, lang: render_pick_list(pick_list, page_format=fmt,
                                                        language=lang),
        "packing-slip": lambda fmt, lang: render_packing_slips(slips[:3], page_format=fmt,
                                                               language=lang),
    }


def render_previews(out_folder: Path, *, dpi: int = 100, orders: int = 24) -> list[Path]:
    """Write the PDFs and page-1 PNGs into `out_folder`; return the PNG paths."""
    if shutil.which("pdftoppm") is None:
        raise RuntimeError("pdftoppm is not installed (Debian package poppler-utils)")
    out_folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, render in _documents(orders).items():
        for page_format in PageFormat:
            for language in LANGUAGES:
                stem = f"{name}-{page_format.value}-{language}"
                pdf = out_folder / f"{stem}.pdf"
                pdf.write_bytes(render(page_format, language))
                subprocess.run(
                    ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile",
                     str(pdf), str(out_folder / stem)],
                    check=True,
                )
                written.append(out_folder / f"{stem}.png")
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_folder", type=Path)
    parser.add_argument("--dpi", type=int, default=100)
    parser.add_argument("--orders", type=int, default=24, help="orders on the sample pick list")
    args = parser.parse_args(argv)
    try:
        for path in render_previews(args.out_folder, dpi=args.dpi, orders=args.orders):
            print(path)
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
