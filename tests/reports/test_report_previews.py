"""The reviewer's preview script writes page 1 of every document as PNG."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from report_pdf_tools import require

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "tools" / "render_report_previews.py"


def test_preview_script_renders_every_document(tmp_path: Path) -> None:
    require("pdftoppm")
    spec = importlib.util.spec_from_file_location("render_report_previews", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([str(tmp_path), "--dpi", "30", "--orders", "4"]) == 0
    pngs = sorted(p.name for p in tmp_path.glob("*.png"))
    assert len(pngs) == 8  # 2 documents x 2 page formats x 2 languages
    assert "pick-list-a4-nl.png" in pngs and "packing-slip-label-102x152-en.png" in pngs
    for png in tmp_path.glob("*.png"):
        assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
