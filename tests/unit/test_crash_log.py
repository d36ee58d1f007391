"""The native-crash report: kept aside for the next start when there is one, gone after a
clean quit (the real crash, with a real signal, is in tests/edges/test_desk_process_lifecycle)."""

from __future__ import annotations

import faulthandler

from haydigo_desk.crash_log import CRASH_FILE_NAME, CrashLog


def test_a_report_is_moved_aside_once_and_an_empty_one_is_dropped(tmp_path):
    (tmp_path / CRASH_FILE_NAME).write_text("Fatal Python error: Segmentation fault\n")
    kept = CrashLog(tmp_path).previous_report()
    assert kept is not None and kept.name.startswith("native-crash-")
    assert kept.read_text() == "Fatal Python error: Segmentation fault\n"
    assert not (tmp_path / CRASH_FILE_NAME).exists()
    assert CrashLog(tmp_path).previous_report() is None  # offered once
    (tmp_path / CRASH_FILE_NAME).write_text("")  # a desk killed with -9 writes nothing
    assert CrashLog(tmp_path).previous_report() is None
    assert not (tmp_path / CRASH_FILE_NAME).exists()


def test_a_clean_quit_leaves_nothing_and_gives_faulthandler_back(tmp_path):
    was_enabled = faulthandler.is_enabled()
    log = CrashLog(tmp_path / "data")
    log.enable()
    assert faulthandler.is_enabled() and (tmp_path / "data" / CRASH_FILE_NAME).exists()
    log.disable()
    assert not (tmp_path / "data" / CRASH_FILE_NAME).exists()
    assert faulthandler.is_enabled() == was_enabled


def test_an_unusable_data_folder_does_not_stop_the_desk(tmp_path):
    (tmp_path / "data").write_text("a file, not a folder")
    log = CrashLog(tmp_path / "data")
    assert log.previous_report() is None
    log.enable()  # says why in the log, writes nothing
    log.disable()
    assert (tmp_path / "data").read_text() == "a file, not a folder"
