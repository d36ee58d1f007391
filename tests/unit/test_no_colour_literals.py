"""Colours live in one place: ``ui/palette.py``. A colour spelled anywhere else in ui/ (or in
a style sheet other than the palette's template) would miss the other theme."""

from __future__ import annotations

import re
from pathlib import Path

import haydigo_desk

UI = Path(haydigo_desk.__file__).parent / "ui"
THEMES = Path(haydigo_desk.__file__).parent.parent / "resources" / "themes"
# "#1A2B3C" / "#ABC" as a whole word, rgb()/rgba(), or a named colour handed to QColor.
LITERAL = re.compile(r"#[0-9A-Fa-f]{6}\b|#[0-9A-Fa-f]{3}\b|\brgba?\(|QColor\(\s*[\"']")


def test_no_ui_module_but_the_palette_spells_a_colour():
    found = [f"{path.relative_to(UI)}:{number}: {line.strip()}"
             for path in sorted(UI.rglob("*.py")) if path.name != "palette.py"
             for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             if LITERAL.search(line)]
    assert found == []


def test_the_style_sheets_take_every_colour_from_the_palette():
    for sheet in sorted(THEMES.glob("*.qss")):
        body = re.sub(r"/\*.*?\*/", "", sheet.read_text("utf-8"), flags=re.S)
        assert not LITERAL.search(body), sheet.name


def test_the_check_would_see_a_colour():
    assert LITERAL.search('item.setForeground(QColor("#C62828"))')
    assert LITERAL.search("color: rgb(200, 0, 0);")
    assert not LITERAL.search('order = "#12"  # not a colour')
