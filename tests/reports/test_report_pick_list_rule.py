"""The printed pick list says in its header which rule made it (the rule's name as it was
then), that it is the default list of what no rule takes, or that it was made by hand; in
Dutch and English, on every page format."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from report_pdf_tools import pdf_text, require, squash

from haydigo_desk.reports import PageFormat, render_pick_list
from haydigo_desk.reports.samples import sample_pick_list


@pytest.mark.parametrize("page_format", list(PageFormat))
@pytest.mark.parametrize(("language", "origin", "rule_name", "expected"), [
    ("nl", "rule", "Singles via bol <NL>", "Regel: Singles via bol <NL>"),
    ("en", "rule", "Singles via bol <NL>", "Rule: Singles via bol <NL>"),
    ("nl", "default", None, "Regel: Overige orders"),
    ("en", "default", None, "Rule: Other orders"),
    ("nl", "hand", None, "Regel: Met de hand"),
    ("en", "hand", None, "Rule: By hand"),
])
def test_the_header_names_the_rule_that_made_the_list(tmp_path: Path, page_format, language,
                                                      origin, rule_name, expected):
    require("pdftotext")
    doc = dataclasses.replace(sample_pick_list(2), origin=origin, rule_name=rule_name)
    path = tmp_path / "list.pdf"
    path.write_bytes(render_pick_list(doc, page_format=page_format, language=language))
    first_page = squash(pdf_text(path)[0])
    assert expected in first_page
