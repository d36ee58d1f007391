"""Rendering behaviour of both documents: languages, formats, fallbacks, odd data."""

from __future__ import annotations

import dataclasses
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from report_pdf_tools import decode_pages, page_count, pdf_text, rasterize, require, squash

from haydigo_desk.reports import (
    Address,
    PackingSlipDocument,
    PackingSlipLine,
    PageFormat,
    PickListDocument,
    PickListLine,
    PickListOrder,
    render_packing_slip,
    render_packing_slips,
    render_pick_list,
)
from haydigo_desk.reports import parts as report_parts
from haydigo_desk.reports.fonts import FontSet, clean
from haydigo_desk.reports.i18n import labels_for
from haydigo_desk.reports.packing_slip import address_lines
from haydigo_desk.reports.samples import sample_packing_slips, sample_pick_list

LONG_TITLE = (
    "Waterdichte rugzak 30 L met laptopvak, regenhoes, reflecterende strepen en extra lange "
    "omschrijving die op geen enkel etiket op één regel past"
)
ODD_NAME = "Łukasz Żółć Jörg Müller Straße Noël 中文 🙂"


def _save(tmp_path: Path, name: str, pdf: bytes) -> Path:
    assert pdf.startswith(b"%PDF-")
    path = tmp_path / name
    path.write_bytes(pdf)
    return path


def _odd_pick_list() -> PickListDocument:
    order = PickListOrder(
        "C000ODD001", datetime(2025, 2, 3, 4, 5, tzinfo=UTC), ODD_NAME, "DE",
        [PickListLine("not-an-ean", "S<1>&", LONG_TITLE, 2, "A-1"),
         PickListLine("", "", "Zonder code", 1, "")],
    )
    return PickListDocument(7, "PL-000007", "Winkel & Co <test>", "Acc",
                            datetime(2025, 2, 3, tzinfo=UTC), [order])


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        render_pick_list(sample_pick_list(2), language="de")


@pytest.mark.parametrize("page_format", list(PageFormat))
@pytest.mark.parametrize("language", ["nl", "en"])
def test_odd_data_renders_and_text_survives(page_format: PageFormat, language: str,
                                            tmp_path: Path) -> None:
    require("pdftotext")
    pdf = _save(tmp_path, "odd.pdf", render_pick_list(_odd_pick_list(), page_format=page_format,
                                                      language=language))
    text = squash(" ".join(pdf_text(pdf)))
    labels = labels_for(language)
    assert "Jörg Müller Straße Noël" in text
    assert squash(LONG_TITLE) in text
    assert "not-an-ean" in text and labels.not_a_valid_ean in text
    assert labels.no_ean in text and labels.no_location in text
    assert "S<1>&" in text and "Winkel & Co <test>" in text
    assert labels.country_name("DE") in text


def test_long_titles_wrap(tmp_path: Path) -> None:
    require("pdftotext")
    pdf = _save(tmp_path, "odd.pdf", render_pick_list(_odd_pick_list(),
                                                      page_format=PageFormat.LABEL_102X152))
    raw = "\n".join(pdf_text(pdf))
    assert LONG_TITLE not in raw  # never drawn as one line (it would run off the label)
    assert squash(LONG_TITLE) in squash(raw)


def test_helvetica_fallback_draws_latin1_and_replaces_the_rest(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    require("pdftotext")
    helvetica = FontSet("Helvetica", "Helvetica-Bold", unicode=False)
    monkeypatch.setattr(report_parts, "font_set", lambda: helvetica)
    assert clean(ODD_NAME, helvetica) == "Lukasz Zólc Jörg Müller Straße Noël ?? ?"
    pdf = _save(tmp_path, "fallback.pdf", render_pick_list(_odd_pick_list()))
    text = squash(" ".join(pdf_text(pdf)))
    assert "Jörg Müller Straße Noël" in text
    assert "Helvetica" in Path(pdf).read_bytes().decode("latin-1")


def test_empty_pick_list_says_so(tmp_path: Path) -> None:
    require("pdftotext")
    empty = dataclasses.replace(sample_pick_list(1), orders=[])
    pdf = _save(tmp_path, "empty.pdf", render_pick_list(empty, language="en"))
    assert "This pick list has no orders." in squash(" ".join(pdf_text(pdf)))


def test_output_is_also_written_to_a_file_object() -> None:
    out = io.BytesIO()
    pdf = render_pick_list(sample_pick_list(3), out=out)
    assert out.getvalue() == pdf


def test_without_barcodes_same_pages_nothing_to_scan(tmp_path: Path) -> None:
    require("pdftoppm", "pdfinfo", "zbarimg")
    doc = sample_pick_list(10)
    with_codes = _save(tmp_path, "with.pdf", render_pick_list(doc))
    without = _save(tmp_path, "without.pdf", render_pick_list(doc, barcodes=False))
    assert page_count(with_codes) == page_count(without)
    first = tmp_path / "first"
    first.mkdir()
    images = rasterize(without, first)
    assert decode_pages(images[:1]) == [[]]


def test_address_lines_dutch_style() -> None:
    address = Address(name="Sanne de Vries", street="Kerkstraat", house_number="12",
                      house_number_extension="bis", postal_code="1012 AB", city="Amsterdam",
                      country="NL", company="Van Dijk B.V.", extra_line="achterom")
    assert address_lines(address, labels_for("nl")) == [
        "Van Dijk B.V.", "Sanne de Vries", "Kerkstraat 12 bis", "achterom",
        "1012 AB  Amsterdam", "NEDERLAND",
    ]
    assert address_lines(dataclasses.replace(address, country="BE", company="", extra_line=""),
                         labels_for("en"))[-1] == "BELGIUM"


def test_packing_slips_scan_and_number_their_own_pages(tmp_path: Path) -> None:
    require("pdftoppm", "pdfinfo", "pdftotext", "zbarimg")
    slips = sample_packing_slips(sample_pick_list(3))
    long_slip = dataclasses.replace(slips[1], lines=slips[1].lines * 30)
    slips = [slips[0], long_slip, slips[2]]
    pdf = _save(tmp_path, "slips.pdf", render_packing_slips(slips, language="nl"))
    pages = pdf_text(pdf)
    long_pages = len(pages) - 2
    assert long_pages >= 2
    assert "pagina 1 van 1" in pages[0]
    for number in range(1, long_pages + 1):
        page = pages[number]
        assert f"pagina {number} van {long_pages}" in page
        assert long_slip.order_id in page  # footer names the slip on every page
        assert "Aantal" in page and "Product" in page  # repeated table header
    assert "pagina 1 van 1" in pages[-1]
    for slip, page in zip(slips, [pages[0], pages[1], pages[-1]], strict=True):
        assert "Afleveradres" in page and squash(slip.address.name) in squash(page)
    images = rasterize(pdf, tmp_path)
    decoded = decode_pages(images)
    assert decoded[0] == [slips[0].order_id]
    assert decoded[1] == [long_slip.order_id]
    assert decoded[-1] == [slips[2].order_id]
    assert all(codes == [] for codes in decoded[2:-1])  # continuation pages: no header


@pytest.mark.parametrize("page_format", list(PageFormat))
def test_single_packing_slip_without_lines(page_format: PageFormat, tmp_path: Path) -> None:
    require("pdftotext")
    slip = PackingSlipDocument(
        "C000EMPTY1", None, "Winkel",
        Address("Ann", "Straat", "1", "1000", "Brussel", "BE"), [],
    )
    pdf = _save(tmp_path, "slip.pdf", render_packing_slip(slip, page_format=page_format,
                                                          language="en"))
    text = squash(" ".join(pdf_text(pdf)))
    assert "This order has no lines." in text and "Packing slip" in text and "BELGIUM" in text


def test_no_slips_is_an_error() -> None:
    with pytest.raises(ValueError):
        render_packing_slips([])


def test_slip_lines_type_is_exported() -> None:
    line = PackingSlipLine("8712345678906", "SKU", "Titel", 2)
    assert line.quantity == 2
