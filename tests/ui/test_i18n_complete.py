"""Every UI string has a Dutch translation, and the shipped .qm files match the .ts files.

When this fails after you added strings: run ``python packaging/tools/update_translations.py``,
translate the new entries in ``resources/translations/haydigo_desk_nl.ts`` and run it again.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "tools" / "update_translations.py"


def _load_tool():
    spec = importlib.util.spec_from_file_location("update_translations", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


@pytest.fixture(scope="module")
def current_nl_ts(tmp_path_factory) -> Path:
    """The shipped Dutch catalogue brought up to date with the code, in a temp folder."""
    probe = tmp_path_factory.mktemp("ts") / "haydigo_desk_nl.ts"
    shutil.copy(tool.ts_path("nl"), probe)
    tool.run_lupdate(probe, "nl")
    return probe


def test_every_ui_string_has_a_dutch_translation(current_nl_ts):
    missing = tool.untranslated(current_nl_ts)
    report = "\n".join(f"  {context or '(no context)'}: {source!r}" for context, source in missing)
    assert not missing, (
        f"{len(missing)} UI string(s) without a Dutch translation:\n{report}\n"
        "Run packaging/tools/update_translations.py and translate them in "
        "resources/translations/haydigo_desk_nl.ts."
    )


def test_every_string_is_extracted_with_its_context(current_nl_ts):
    # ``tr = QCoreApplication.translate; tr("Ctx", "Text")`` looks like self.tr(source,
    # disambiguation) to lupdate: the string lands without context and is never translated.
    wrong = sorted({
        f"{message.findtext('source')}: {message.findtext('comment')!r}"
        for context, message in tool.messages(current_nl_ts)
        if context in ("", "QCoreApplication")
        and (message.find("translation").get("type") not in ("vanished", "obsolete"))
    })
    assert not wrong, (
        "Call QCoreApplication.translate(\"Context\", \"Text\") directly (lupdate cannot see "
        "through an alias such as `tr = QCoreApplication.translate`). Extracted wrongly:\n  "
        + "\n  ".join(wrong)
    )


@pytest.mark.parametrize("language", ["nl", "en"])
def test_shipped_qm_matches_the_ts(language):
    translator = QTranslator()
    assert translator.load(str(tool.ts_path(language).with_suffix(".qm")))
    stale = []
    for context, message in tool.messages(tool.ts_path(language)):
        translation = message.find("translation")
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            continue
        source = message.findtext("source")
        if message.get("numerus") == "yes":
            expected = [form.text for form in translation.iter("numerusform")][-1]
            got = translator.translate(context, source, message.findtext("comment"), 2)  # raw %n
        else:
            expected = translation.text
            got = translator.translate(context, source, message.findtext("comment"))
        if got != expected:
            stale.append(f"{context}: {source!r}")
    assert not stale, "Run packaging/tools/update_translations.py to recompile:\n" + "\n".join(
        stale[:20])


def test_untranslated_detects_unfinished_and_empty_entries(tmp_path):
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="nl">'
        "<context><name>A</name>"
        "<message><source>Done</source><translation>Klaar</translation></message>"
        '<message><source>New</source><translation type="unfinished"></translation></message>'
        "<message><source>Blank</source><translation>  </translation></message>"
        '<message><source>Gone</source><translation type="vanished">Weg</translation></message>'
        '<message numerus="yes"><source>%n order(s)</source><translation>'
        "<numerusform>%n order</numerusform><numerusform></numerusform></translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    assert tool.untranslated(ts) == [("A", "New"), ("A", "Blank"), ("A", "%n order(s)")]
