"""Acceptance for issue #8: a 120-order pick list, every page rendered at 150 dpi and scanned.

Each EAN (EAN-8 as EAN-8, UPC-A read as EAN-13 with a leading 0), the pick-list code and every
order id must decode to exactly the expected value, none missing and none extra; pdftotext must
show the order ids and the titles.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from report_pdf_tools import decode_pages, pdf_text, rasterize, require, squash

from haydigo_desk.reports import PageFormat, PickListDocument, render_pick_list
from haydigo_desk.reports.batching import batch_rows
from haydigo_desk.reports.codes import Symbology, classify_product_code
from haydigo_desk.reports.samples import sample_pick_list


@dataclass
class Scanned:
    doc: PickListDocument
    pdf: Path
    decoded_per_page: list[list[str]]
    text_per_page: list[str]


@pytest.fixture(scope="module")
def pick_list() -> PickListDocument:
    return sample_pick_list(orders=120)


def _scan(doc: PickListDocument, folder: Path, page_format: PageFormat, language: str) -> Scanned:
    require("pdftoppm", "pdfinfo", "pdftotext", "zbarimg")
    pdf = folder / "pick-list.pdf"
    pdf.write_bytes(render_pick_list(doc, page_format=page_format, language=language))
    images = rasterize(pdf, folder, dpi=150)
    return Scanned(doc, pdf, decode_pages(images), pdf_text(pdf))


@pytest.fixture(scope="module")
def a4_nl(pick_list: PickListDocument, tmp_path_factory: pytest.TempPathFactory) -> Scanned:
    return _scan(pick_list, tmp_path_factory.mktemp("a4"), PageFormat.A4, "nl")


@pytest.fixture(scope="module")
def label_en(pick_list: PickListDocument, tmp_path_factory: pytest.TempPathFactory) -> Scanned:
    return _scan(pick_list, tmp_path_factory.mktemp("label"), PageFormat.LABEL_102X152, "en")


def _expected_codes(doc: PickListDocument) -> Counter[str]:
    expected: Counter[str] = Counter([doc.code])
    for row in batch_rows(doc):
        spec = classify_product_code(row.ean)
        if spec is not None:
            expected[spec.value] += 1
    expected.update(order.order_id for order in doc.orders)
    return expected


def test_sample_covers_every_kind_of_code(pick_list: PickListDocument) -> None:
    raw = {line.ean for order in pick_list.orders for line in order.lines}
    kinds = Counter(
        (spec.symbology, len(code)) if (spec := classify_product_code(code)) else None
        for code in raw
    )
    assert kinds[(Symbology.EAN13, 13)] > 20
    assert kinds[(Symbology.EAN8, 8)] >= 1
    assert kinds[(Symbology.EAN13, 12)] >= 1  # UPC-A
    assert kinds[None] >= 1  # an unmatched line's code that is no EAN
    assert len(pick_list.orders) == 120


@pytest.mark.slow
@pytest.mark.parametrize("scanned_name", ["a4_nl", "label_en"])
def test_every_barcode_on_every_page_decodes(scanned_name: str,
                                              request: pytest.FixtureRequest) -> None:
    scanned: Scanned = request.getfixturevalue(scanned_name)
    assert len(scanned.decoded_per_page) > 3
    for number, codes in enumerate(scanned.decoded_per_page, start=1):
        assert codes, f"page {number} has no readable barcode"
    decoded = Counter(code for codes in scanned.decoded_per_page for code in codes)
    expected = _expected_codes(scanned.doc)
    assert decoded - expected == Counter(), "decoded codes that are not on the pick list"
    assert expected - decoded == Counter(), "codes missing from the scan"
    # The pick-list code sits in the first page's header.
    assert scanned.doc.code in scanned.decoded_per_page[0]


@pytest.mark.slow
@pytest.mark.parametrize("scanned_name", ["a4_nl", "label_en"])
def test_text_shows_order_ids_and_titles(scanned_name: str,
                                         request: pytest.FixtureRequest) -> None:
    scanned: Scanned = request.getfixturevalue(scanned_name)
    text = squash(" ".join(scanned.text_per_page))
    for order in scanned.doc.orders:
        assert order.order_id in text
        assert squash(order.customer_name) in text
        for line in order.lines:
            assert squash(line.title) in text
    # Codes without a valid check digit are printed as text, not dropped.
    assert "UNMATCHED-" in text


@pytest.mark.slow
def test_dutch_pages_are_numbered_and_headers_repeat(a4_nl: Scanned) -> None:
    pages = a4_nl.text_per_page
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert f"pagina {number} van {total}" in page
    packing_start = next(i for i, page in enumerate(pages) if "Inpakken per order" in page)
    batch_pages = pages[:packing_start]
    assert len(batch_pages) >= 3
    for page in batch_pages:
        # the batch table's header row is repeated on every page it runs over
        assert "OK" in page and "Locatie" in page and "EAN" in page and "Aantal" in page
    assert "Verzamelpicken op locatie" in batch_pages[0]


@pytest.mark.slow
def test_english_label_pages_are_numbered(label_en: Scanned) -> None:
    pages = label_en.text_per_page
    for number, page in enumerate(pages, start=1):
        assert f"page {number} of {len(pages)}" in page
    assert "Batch picking by location" in squash(" ".join(pages))
    assert "pagina" not in " ".join(pages)
