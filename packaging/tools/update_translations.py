"""Refresh the translation catalogues from the UI sources and compile them.

    python packaging/tools/update_translations.py          # update .ts, compile .qm
    python packaging/tools/update_translations.py --check  # only report untranslated strings

Runs ``pyside6-lupdate`` over ``haydigo_desk/ui`` into ``resources/translations/haydigo_desk_nl.ts``
and ``haydigo_desk_en.ts`` (existing translations are kept, also for strings that left the
code), fills the English plural forms, and compiles both with ``pyside6-lrelease``. Safe to
run again at any time. Translate new Dutch entries in the .ts (Qt Linguist or an editor) and run
it once more so the .qm files follow.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "haydigo_desk" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUE = "haydigo_desk"
TARGETS = {"nl": "nl_NL", "en": "en_GB"}


def find_tool(name: str) -> str:
    """``pyside6-lupdate``/``pyside6-lrelease`` next to this Python first, then on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install the project's Python dependencies")
    return found


def ui_sources() -> list[Path]:
    return sorted(path for path in UI_DIR.rglob("*.py") if path.name != "__init__.py")


def ts_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{CATALOGUE}_{language}.ts"


def run_lupdate(ts_file: Path, language: str, sources: list[Path] | None = None) -> None:
    """Add new source strings to ``ts_file`` (created if missing).

    Strings that left the code stay as ``vanished`` entries (not compiled), so a string that
    comes back, or is fixed to be extracted under its right context, keeps its translation.
    """
    sources = sources or ui_sources()
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    command = [
        find_tool("pyside6-lupdate"), *(os.path.relpath(p, ROOT) for p in sources),
        "-ts", os.path.relpath(ts_file, ROOT) if ts_file.is_relative_to(ROOT) else str(ts_file),
        "-target-language", TARGETS[language], "-locations", "none",
    ]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)


def messages(ts_file: Path) -> list[tuple[str, ET.Element]]:
    """(context name, <message> element) for every message of a .ts file."""
    tree = ET.parse(ts_file)
    return [
        (context.findtext("name", ""), message)
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    ]


def untranslated(ts_file: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    missing = []
    for context, message in messages(ts_file):
        translation = message.find("translation")
        if translation is not None and translation.get("type") in ("vanished", "obsolete"):
            continue  # not in the code any more
        if translation is None or translation.get("type") == "unfinished":
            missing.append((context, message.findtext("source", "")))
            continue
        forms = [form.text or "" for form in translation.iter("numerusform")]
        texts = forms if message.get("numerus") == "yes" else [translation.text or ""]
        if not all(text.strip() for text in texts):
            missing.append((context, message.findtext("source", "")))
    return missing


def fill_english_plurals(ts_file: Path) -> int:
    """English is the source language; only ``%n thing(s)`` strings need real forms."""
    tree = ET.parse(ts_file)
    filled = 0
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source", "")
        translation = message.find("translation")
        forms = list(translation.iter("numerusform"))
        if translation.get("type") != "unfinished" and all(f.text for f in forms):
            continue
        singular, plural = source.replace("(s)", ""), source.replace("(s)", "s")
        for form in forms:
            translation.remove(form)
        for text in (singular, plural):
            ET.SubElement(translation, "numerusform").text = text
        translation.attrib.pop("type", None)
        filled += 1
    if filled:
        write_ts(tree, ts_file)
    return filled


def write_ts(tree: ET.ElementTree, ts_file: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts_file.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8"
    )


def compile_qm(ts_file: Path) -> Path:
    qm_file = ts_file.with_suffix(".qm")
    subprocess.run(
        [find_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)],
        check=True, capture_output=True, text=True,
    )
    return qm_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a UI string has no Dutch translation")
    args = parser.parse_args(argv)
    if args.check:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            probe = Path(tmp) / ts_path("nl").name
            if ts_path("nl").exists():
                shutil.copy(ts_path("nl"), probe)
            run_lupdate(probe, "nl")
            missing = untranslated(probe)
    else:
        for language in TARGETS:
            run_lupdate(ts_path(language), language)
        fill_english_plurals(ts_path("en"))
        for language in TARGETS:
            compile_qm(ts_path(language))
        missing = untranslated(ts_path("nl"))
    for context, source in missing:
        print(f"untranslated (nl): {context}: {source!r}")
    total = len(messages(ts_path("nl"))) if ts_path("nl").exists() else 0
    print(f"{total} strings, {len(missing)} without a Dutch translation")
    return 1 if missing and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
