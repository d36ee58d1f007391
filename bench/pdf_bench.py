"""Benchmark of the pick-list PDF: what barcodes cost, and pages per second.

A pick list of 500 orders and 1,500 lines is rendered with barcodes and as the same document
without them (identical layout, codes as text). The machine is shared and noisy, so the figure
that matters is the ratio of the two (target: at most 2x), taken from the fastest of a few
alternating runs.

    python bench/pdf_bench.py [--repeat 3] [--orders 500] [--lines 1500]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

# Runnable from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from haydigo_desk.reports import PageFormat, PickListDocument, render_pick_list
from haydigo_desk.reports.barcodes import module_pattern
from haydigo_desk.reports.samples import sample_pick_list

_PAGE_OBJECT = re.compile(rb"/Type /Page\b(?!s)")
TARGET_RATIO = 2.0


def _render(doc: PickListDocument, page_format: PageFormat, barcodes: bool) -> tuple[float, int]:
    module_pattern.cache_clear()  # every run encodes its codes from scratch
    start = time.perf_counter()
    pdf = render_pick_list(doc, page_format=page_format, barcodes=barcodes)
    elapsed = time.perf_counter() - start
    return elapsed, len(_PAGE_OBJECT.findall(pdf))


def bench(doc: PickListDocument, page_format: PageFormat, repeat: int) -> dict[str, float]:
    _render(doc, page_format, True)  # warm-up: font registration, imports
    with_codes: list[float] = []
    without: list[float] = []
    pages = 0
    for _ in range(repeat):  # alternate so drift in machine load hits both sides
        seconds, pages = _render(doc, page_format, True)
        with_codes.append(seconds)
        seconds, plain_pages = _render(doc, page_format, False)
        without.append(seconds)
        assert plain_pages == pages, "the baseline must have the same pages"
    best_with, best_without = min(with_codes), min(without)
    return {
        "pages": pages,
        "with_s": best_with,
        "without_s": best_without,
        "ratio": best_with / best_without,
        "median_ratio": statistics.median(w / p for w, p in zip(with_codes, without,
                                                                strict=True)),
        "pages_per_s": pages / best_with,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orders", type=int, default=500)
    parser.add_argument("--lines", type=int, default=1500)
    parser.add_argument("--products", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    doc = sample_pick_list(args.orders, args.lines, products=args.products)
    lines = sum(len(order.lines) for order in doc.orders)
    print(f"pick list: {len(doc.orders)} orders, {lines} lines, best of {args.repeat} runs")
    print(f"{'format':<15}{'pages':>6}{'with codes':>12}{'without':>10}{'ratio':>8}"
          f"{'median':>8}{'pages/s':>9}")
    worst = 0.0
    for page_format in PageFormat:
        r = bench(doc, page_format, args.repeat)
        worst = max(worst, r["ratio"])
        print(f"{page_format.value:<15}{r['pages']:>6.0f}{r['with_s']:>11.2f}s"
              f"{r['without_s']:>9.2f}s{r['ratio']:>7.2f}x{r['median_ratio']:>7.2f}x"
              f"{r['pages_per_s']:>9.1f}")
    verdict = "within" if worst <= TARGET_RATIO else "OVER"
    print(f"barcode cost: worst ratio {worst:.2f}x, {verdict} the {TARGET_RATIO:.0f}x target")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
