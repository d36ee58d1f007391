"""A styled property switched at run time goes through ``ui/repolish.py``: one place knows that
Qt needs unpolish/polish to show it (copies of that drifted apart before)."""

from __future__ import annotations

from pathlib import Path

import haydigo_desk

UI = Path(haydigo_desk.__file__).parent / "ui"


def test_only_the_repolish_helper_unpolishes_widgets():
    found = [f"{path.relative_to(UI)}:{number}"
             for path in sorted(UI.rglob("*.py")) if path.name != "repolish.py"
             for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             if ".unpolish(" in line]
    assert found == []
