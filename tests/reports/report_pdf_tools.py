"""Poppler and zbar helpers for the report tests: PDF -> PNG pages -> decoded barcodes/text.

Pages are rendered and decoded in parallel (one pdftoppm per page range, one zbarimg per page),
because the acceptance test reads every page of a long pick list.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

TOOLS = {
    "pdftoppm": "poppler-utils",
    "pdftotext": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "zbarimg": "zbar-tools",
}
# Only the symbologies the documents print: fewer decoders, no false positives.
_ZBAR_SYMBOLOGIES = ["-Sdisable", "-Sean13.enable", "-Sean8.enable", "-Scode128.enable"]


def require(*tools: str) -> None:
    """Skip the calling test with a clear reason when a command-line tool is missing."""
    for tool in tools:
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (Debian package {TOOLS.get(tool, tool)})")


def _workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    for line in info.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError(f"pdfinfo gave no page count for {pdf}")


def rasterize(pdf: Path, out_dir: Path, *, dpi: int = 150) -> list[Path]:
    """Every page of `pdf` as a grayscale PNG, in page order."""
    pages = page_count(pdf)
    chunk = -(-pages // _workers())
    ranges = [(first, min(first + chunk - 1, pages)) for first in range(1, pages + 1, chunk)]

    def render(first_last: tuple[int, int]) -> None:
        first, last = first_last
        subprocess.run(
            ["pdftoppm", "-png", "-gray", "-r", str(dpi), "-f", str(first), "-l", str(last),
             str(pdf), str(out_dir / "page")],
            check=True, capture_output=True,
        )

    with ThreadPoolExecutor(_workers()) as pool:
        list(pool.map(render, ranges))
    images = sorted(out_dir.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    assert len(images) == pages, f"pdftoppm wrote {len(images)} of {pages} pages"
    return images


def decode(image: Path) -> list[str]:
    """Every barcode zbarimg finds on one image (empty list when there is none)."""
    result = subprocess.run(
        ["zbarimg", "-q", "--raw", *_ZBAR_SYMBOLOGIES, str(image)],
        capture_output=True, text=True,
    )
    # zbarimg exits 4 when an image holds no barcode; anything else non-zero is an error.
    assert result.returncode in (0, 4), result.stderr
    return [line for line in result.stdout.splitlines() if line]


def decode_pages(images: list[Path]) -> list[list[str]]:
    with ThreadPoolExecutor(_workers()) as pool:
        return list(pool.map(decode, images))


def pdf_text(pdf: Path) -> list[str]:
    """The text of each page, in content order (`-raw` keeps a wrapped paragraph together)."""
    result = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"],
                            capture_output=True, text=True, check=True)
    pages = result.stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def squash(text: str) -> str:
    """Whitespace collapsed, so text wrapped over several lines compares as one line."""
    return " ".join(text.split())
