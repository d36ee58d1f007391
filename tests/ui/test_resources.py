"""Shipped resources: found by the resolver, well-formed, and reproducible by their tools."""

from __future__ import annotations

import configparser
import importlib.util
import struct
import sys
import wave
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from haydigo_desk.resources_path import resource

REPO = Path(__file__).resolve().parents[2]
TOOLS = REPO / "packaging" / "tools"
LINUX = REPO / "packaging" / "linux"

SOUNDS = {  # name: (shortest, longest) in seconds, as promised to the UI
    "ok.wav": (0.08, 0.12),
    "error.wav": (0.25, 0.35),
    "alert.wav": (0.7, 0.9),
    "done.wav": (0.3, 0.9),
}
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ACTIONS = (
    "sync", "print", "scan", "settings", "ship", "warning", "check", "box", "list", "log",
    "outbox", "user",
)  # fmt: skip
THEMES = ("common.qss", "colours.qss")
ROLE_SELECTORS = (
    'QLabel[role="scan-ok"]',
    'QLabel[role="scan-error"]',
    'QFrame[role="banner"]',
    'QPushButton[role="primary"]',
    'QLineEdit[role="scan"]',
)


def shipped_paths() -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = [("sounds", name) for name in SOUNDS]
    paths += [("icons", "haydigo-desk.svg"), ("icons", "haydigo-desk.ico")]
    paths += [("icons", "hicolor", f"{n}x{n}", "apps", "haydigo-desk.png") for n in PNG_SIZES]
    paths += [("icons", "actions", f"{name}.svg") for name in ACTIONS]
    paths += [("themes", name) for name in THEMES]
    paths += [("data", "transporters.json")]
    return paths


def load_tool(name: str) -> ModuleType:
    """Import a script from packaging/tools (not a package) by file path."""
    spec = importlib.util.spec_from_file_location(f"haydigo_tools_{name}", TOOLS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while class is built
    spec.loader.exec_module(module)
    return module


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


# --- resolver ------------------------------------------------------------------------------


@pytest.mark.parametrize("parts", shipped_paths(), ids="/".join)
def test_resolver_finds_shipped_resource(parts: tuple[str, ...]) -> None:
    path = resource(*parts)
    assert path.is_file(), path
    assert path.stat().st_size > 0


# --- sounds --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SOUNDS)
def test_sound_is_16_bit_mono_44k_wav_of_promised_length(name: str) -> None:
    with wave.open(str(resource("sounds", name)), "rb") as wav:
        assert wav.getnchannels() == 1
        assert wav.getsampwidth() == 2
        assert wav.getframerate() == 44_100
        assert wav.getcomptype() == "NONE"
        frames = wav.readframes(wav.getnframes())
        seconds = wav.getnframes() / wav.getframerate()
    shortest, longest = SOUNDS[name]
    assert shortest <= seconds <= longest, seconds
    samples = struct.unpack(f"<{len(frames) // 2}h", frames)
    # Soft attack and release: starts and ends at (near) zero, so no click; and not silent.
    assert abs(samples[0]) < 200 and abs(samples[-1]) < 200
    assert max(abs(s) for s in samples) > 16_000


def test_sounds_are_distinct() -> None:
    contents = {resource("sounds", name).read_bytes() for name in SOUNDS}
    assert len(contents) == len(SOUNDS)


def test_make_sounds_regenerates_byte_identical_files(tmp_path: Path) -> None:
    assert load_tool("make_sounds").main([str(tmp_path)]) == 0
    for name in SOUNDS:
        assert (tmp_path / name).read_bytes() == resource("sounds", name).read_bytes(), name


# --- icons ---------------------------------------------------------------------------------


@pytest.mark.parametrize("size", PNG_SIZES)
def test_hicolor_png_has_its_folder_size(size: int) -> None:
    data = resource("icons", "hicolor", f"{size}x{size}", "apps", "haydigo-desk.png").read_bytes()
    assert png_size(data) == (size, size)


def test_ico_holds_png_entries_up_to_256() -> None:
    data = resource("icons", "haydigo-desk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        side = width or 256
        assert (width, planes, bits) == (height, 1, 32)
        assert png_size(data[offset : offset + length]) == (side, side)
        assert offset + length <= len(data)
        sizes.append(side)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_ico_writer_refuses_sizes_above_256() -> None:
    with pytest.raises(ValueError, match="1-256"):
        load_tool("make_icons").build_ico({512: b"png"})


@pytest.mark.parametrize("name", ["haydigo-desk", *(f"actions/{a}" for a in ACTIONS)])
def test_svg_icons_render_in_qt_with_a_fixed_colour(qapp, name: str) -> None:
    from PySide6.QtSvg import QSvgRenderer

    path = resource("icons", *f"{name}.svg".split("/"))
    text = path.read_text(encoding="utf-8")
    assert "currentColor" not in text  # Qt's SVG renderer does not resolve it
    ET.fromstring(text)  # well-formed XML
    assert QSvgRenderer(str(path)).isValid()
    if name.startswith("actions/"):
        assert 'stroke="#37474F"' in text


# --- themes --------------------------------------------------------------------------------


def test_common_qss_documents_the_role_selectors() -> None:
    common = resource("themes", "common.qss").read_text(encoding="utf-8")
    header, body = common.split("*/", 1)
    for selector in ROLE_SELECTORS:
        assert selector in header, selector  # documented for the UI
        assert selector in body, selector  # and actually styled


def _role_widgets():
    """One widget per documented role, so every selector is matched while polishing."""
    from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

    root = QWidget()
    layout = QVBoxLayout(root)
    specs = [
        (QLineEdit, "scan"),
        (QLabel, "scan-ok"),
        (QLabel, "scan-error"),
        (QLabel, "scan-warning"),
        (QLabel, "title"),
        (QLabel, "muted"),
        (QLabel, "counter"),
        (QFrame, "banner"),
        (QFrame, "alert"),
        (QFrame, "card"),
        (QPushButton, "primary"),
        (QPushButton, "danger"),
        (QPushButton, "big"),
    ]
    for cls, role in specs:
        widget = cls()
        widget.setProperty("role", role)
        layout.addWidget(widget)
    return root


def _stylesheet_warnings(qapp, qtlog, sheet: str) -> list[str]:
    """Qt's warnings while the sheet is parsed and every role widget is polished and painted."""
    from PySide6.QtWidgets import QWidget

    before = len(qtlog.records)
    try:
        qapp.setStyleSheet(sheet)
        root = _role_widgets()
        root.ensurePolished()
        for child in root.findChildren(QWidget):
            child.ensurePolished()
        assert root.grab().width() > 0  # paints every role widget with the sheet
        root.deleteLater()
    finally:
        qapp.setStyleSheet("")
    return [record.message for record in qtlog.records[before:]]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_theme_applies_in_qt_without_warnings(qapp, qtlog, theme: str) -> None:
    from haydigo_desk.ui.theme import style_sheet

    assert _stylesheet_warnings(qapp, qtlog, style_sheet(theme)) == []


@pytest.mark.qt_log_ignore("Could not parse")  # expected here: the suite fails on Qt warnings
def test_a_broken_sheet_is_caught_by_the_same_check(qapp, qtlog) -> None:
    # Proves the check above notices a parse error rather than passing silently.
    warnings = _stylesheet_warnings(qapp, qtlog, "QPushButton { color: red; ")
    assert any("Could not parse" in message for message in warnings)


# --- desktop integration --------------------------------------------------------------------


def test_desktop_entry_has_required_keys_and_dutch_translations() -> None:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(LINUX / "haydigo-desk.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "HaydiGO Desk"
    assert entry["Exec"] == "haydigo-desk"  # the console script in pyproject
    assert entry["Icon"] == "haydigo-desk"  # the hicolor icon name
    assert entry["Terminal"] == "false"
    assert entry["Name[nl]"] and entry["Comment"] and entry["Comment[nl]"]
    assert entry["Comment[nl]"] != entry["Comment"]
    categories = entry["Categories"]
    assert categories.endswith(";")
    assert "Office" in categories.split(";")


def test_appstream_metainfo_has_required_fields() -> None:
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    root = ET.parse(LINUX / "nl.haydigo.Desk.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == "nl.haydigo.Desk"
    assert root.findtext("metadata_license") and root.findtext("project_license")
    names = {e.get(xml_lang): e.text for e in root.findall("name")}
    summaries = {e.get(xml_lang): e.text for e in root.findall("summary")}
    assert names[None] == "HaydiGO Desk" and "nl" in names
    assert summaries[None] and summaries["nl"] and summaries[None] != summaries["nl"]
    paragraphs = root.findall("description/p")
    assert {p.get(xml_lang) for p in paragraphs} == {None, "nl"}
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == "haydigo-desk.desktop"
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type", "").startswith("oars-")
    assert root.find("url[@type='homepage']") is not None
    releases = [r.get("version") for r in root.findall("releases/release")]
    assert "0.1.0" in releases


def test_metainfo_release_matches_package_version() -> None:
    from haydigo_desk import __version__

    root = ET.parse(LINUX / "nl.haydigo.Desk.metainfo.xml").getroot()
    assert root.find("releases/release").get("version") == __version__
