"""``haydigo-desk picklist-pdf`` / ``packing-slip`` against a factory-built SQLite database.

The PDFs are checked the way a picker's scanner would: pdftotext for words, zbarimg for codes.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
from pathlib import Path

import pytest
from support.factories import make_account, make_order, make_orders, make_pick_list, make_products

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reports"))
from report_pdf_tools import decode_pages, page_count, pdf_text, rasterize, require

from haydigo_desk.__main__ import main
from haydigo_desk.cli import print_cmd
from haydigo_desk.persistence.database import open_database
from haydigo_desk.services import print_output


@pytest.fixture(autouse=True)
def restore_logging():
    """main() configures root logging once, bound to the stderr of the moment (capsys's here):
    undo it so later tests do not log into a closed capture."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    if hasattr(root, "_haydigo_configured"):
        del root._haydigo_configured


@pytest.fixture
def shop(sqlite_url):
    """Two open pick lists, one done list, and an order that is on no list."""
    database = open_database(sqlite_url)
    with database.unit_of_work() as uow:
        account = make_account(uow.session, "bol NL", store_name="Kussenwinkel")
        products = make_products(uow.session, account, 6)
        orders = make_orders(uow.session, account, products, 6)
        first = make_pick_list(uow.session, orders[:3], code="PL-000001")
        second = make_pick_list(uow.session, orders[3:5], code="PL-000002")
        done = make_pick_list(uow.session, orders[5:], code="PL-000003")
        done.status = "done"
        loose = make_order(uow.session, account, "C99999999X", [(products[4], 2)])
        loose.company = "Kussen BV"
        uow.commit()
        info = {
            "url": sqlite_url, "first": first.id, "second": second.id, "order": loose.id,
            "eans": {o.bol_order_id: [line.ean for line in o.lines] for o in orders},
            "loose_ean": products[4].ean,
        }
    database.dispose()
    return info


def _codes(pdf: Path, tmp_path: Path) -> set[str]:
    pages = tmp_path / f"{pdf.stem}-pages"
    pages.mkdir()
    return {code for page in decode_pages(rasterize(pdf, pages)) for code in page}


def test_one_pick_list_pdf_names_and_encodes_its_codes(shop, tmp_path, capsys):
    require("pdftoppm", "pdftotext", "pdfinfo", "zbarimg")
    out = tmp_path / "pl.pdf"
    code = main(["--database-url", shop["url"], "picklist-pdf", "--pick-list",
                 str(shop["first"]), "--out", str(out), "--language", "en"])
    assert code == 0
    assert f"Wrote {out} (PL-000001" in capsys.readouterr().out
    text = " ".join(pdf_text(out))
    assert "Pick list PL-000001" in text and "Kussenwinkel" in text
    codes = _codes(out, tmp_path)
    wanted = {"PL-000001", "C00000000X", "C00000001X", "C00000002X"}
    for order in ("C00000000X", "C00000001X", "C00000002X"):
        wanted |= set(shop["eans"][order])
    assert wanted <= codes
    assert "C00000003X" not in codes  # on the other list


def test_all_open_pick_lists_in_one_pdf_each_from_a_new_page(shop, tmp_path):
    require("pdftoppm", "pdftotext", "pdfinfo", "zbarimg")
    out = tmp_path / "open.pdf"
    code = main(["--database-url", shop["url"], "picklist-pdf", "--all-open", "--out", str(out)])
    assert code == 0
    single = tmp_path / "first.pdf"
    main(["--database-url", shop["url"], "picklist-pdf", "--pick-list", str(shop["first"]),
          "--out", str(single)])
    pages = pdf_text(out)
    first_pages = page_count(single)
    # The second list starts on the page right after the first list's last page.
    assert "PL-000001" in pages[0] and "PL-000002" not in " ".join(pages[:first_pages])
    assert "Picklijst PL-000002" in pages[first_pages]  # Dutch by default
    codes = _codes(out, tmp_path)
    assert {"PL-000001", "PL-000002"} <= codes and "PL-000003" not in codes


def test_label_format_pick_list(shop, tmp_path):
    require("pdftoppm", "pdfinfo", "zbarimg")
    out = tmp_path / "label.pdf"
    assert main(["--database-url", shop["url"], "picklist-pdf", "--pick-list",
                 str(shop["second"]), "--format", "label", "--out", str(out)]) == 0
    assert "PL-000002" in _codes(out, tmp_path)


@pytest.mark.parametrize("order_arg", ["C99999999X", "order-id"])
def test_packing_slip_by_bol_or_desk_id(shop, tmp_path, order_arg):
    require("pdftoppm", "pdftotext", "pdfinfo", "zbarimg")
    order = str(shop["order"]) if order_arg == "order-id" else order_arg
    out = tmp_path / "slip.pdf"
    assert main(["--database-url", shop["url"], "packing-slip", "--order", order,
                 "--out", str(out), "--language", "en"]) == 0
    text = " ".join(pdf_text(out))
    assert "Kussen BV" in text and "Utrecht" in text and shop["loose_ean"] in text
    assert _codes(out, tmp_path) == {"C99999999X"}  # the slip's one barcode: the order id


def test_unknown_ids_and_nothing_open_exit_1_with_a_message(shop, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    base = ["--database-url", shop["url"]]
    assert main([*base, "picklist-pdf", "--pick-list", "999", "--out", str(out)]) == 1
    assert "no pick list with id 999" in capsys.readouterr().err
    assert main([*base, "packing-slip", "--order", "NOPE", "--out", str(out)]) == 1
    assert "no order NOPE" in capsys.readouterr().err
    database = open_database(shop["url"])
    with database.unit_of_work() as uow:
        from haydigo_desk.persistence.models import PickList

        for pick_list in uow.session.query(PickList):
            pick_list.status = "done"
        uow.commit()
    database.dispose()
    assert main([*base, "picklist-pdf", "--all-open", "--out", str(out)]) == 1
    assert "no open pick lists" in capsys.readouterr().err
    assert not out.exists()


def test_missing_folder_exits_2_without_traceback(shop, tmp_path, capsys):
    out = tmp_path / "no-such-folder" / "pl.pdf"
    code = main(["--database-url", shop["url"], "picklist-pdf", "--pick-list",
                 str(shop["first"]), "--out", str(out)])
    assert code == 2
    err = capsys.readouterr().err
    assert f"Could not write {out}: No such file or directory" in err
    assert "Traceback" not in err


def test_full_disk_exits_2_and_keeps_the_old_file(shop, tmp_path, capsys, monkeypatch):
    folder = tmp_path / "prints"
    folder.mkdir()
    out = folder / "pl.pdf"
    out.write_bytes(b"yesterday's list")

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(print_output.os, "fsync", no_space)
    code = main(["--database-url", shop["url"], "picklist-pdf", "--all-open", "--out", str(out)])
    assert code == 2
    err = capsys.readouterr().err
    assert f"Could not write {out}: No space left on device" in err and "Traceback" not in err
    assert out.read_bytes() == b"yesterday's list"
    assert [p.name for p in folder.iterdir()] == ["pl.pdf"]  # no temp file left


def test_cli_choices_match_the_service_tables():
    assert set(print_cmd.FORMAT_CHOICES) == set(print_output.FORMATS)
    assert set(print_cmd.LANGUAGE_CHOICES) == set(print_output.LANGUAGES)
