"""The shipment dialog in a real X window, typed into like a keyboard (xdotool): the carrier
that would be posted is exactly the one typed (issue 14). Starts its own Xvfb and openbox;
skipped with the reason when they or xdotool are not installed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

TOOLS = ("Xvfb", "openbox", "xdotool")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(
    bool(MISSING), reason=f"real-window test needs {', '.join(MISSING)} "
    "(Debian packages xvfb, openbox, xdotool; see packaging/system-packages.sh)")

# Runs in its own process: this one already has an offscreen QApplication.
CHILD = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from haydigo_desk.ui.i18n import install_translator
from haydigo_desk.ui.shipment_dialog import ShipmentDialog

language, shot = sys.argv[1], sys.argv[2]
app = QApplication(sys.argv[:1])
install_translator(app, language)
dialog = ShipmentDialog(order_label="C000GUOJ8Q", units=1, partial=False, open_units=1,
                        default_transporter="TNT", last_used="DHLFORYOU", language=language)

def save_shot():
    dialog.repaint()  # paint the new carrier now: the grab reads the X server's screen
    app.processEvents()
    app.primaryScreen().grabWindow(0).save(shot)

def wait_for_focus():
    if dialog.isActiveWindow() and dialog.carrier.search.hasFocus():
        print("READY", flush=True)
        return
    dialog.activateWindow()
    dialog.carrier.search.setFocus()
    QTimer.singleShot(50, wait_for_focus)

def finished(_result):
    request = dialog.request
    print(json.dumps({"posted": request.transporter_code if request else None,
                      "track_and_trace": request.track_and_trace if request else None}),
          flush=True)
    app.quit()

dialog.carrier.search.textEdited.connect(lambda _text: save_shot())
dialog.finished.connect(finished)
dialog.show()
QTimer.singleShot(100, wait_for_focus)
QTimer.singleShot(20000, app.quit)  # never hang the suite
app.exec()
"""


@pytest.fixture(scope="module")
def x_display(tmp_path_factory):
    """A private X server (the first free display, via -displayfd) with a window manager."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    display = f":{number}"
    env = {**os.environ, "DISPLAY": display}
    manager = subprocess.Popen(["openbox", "--sm-disable"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    yield env
    for process in (manager, server):
        process.terminate()
        process.wait(10)


def xdotool(env, *args: str) -> None:
    subprocess.run(["xdotool", *args], env=env, check=True, timeout=10)


def run_dialog(env, tmp_path: Path, language: str, keystrokes) -> tuple[dict, Path]:
    script = tmp_path / "dialog_child.py"
    script.write_text(CHILD, encoding="utf-8")
    shot = tmp_path / f"shipment-dialog-{language}.png"
    child_env = {**env, "QT_QPA_PLATFORM": "xcb"}
    child = subprocess.Popen([sys.executable, str(script), language, str(shot)], env=child_env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "READY", child.stderr.read()
        keystrokes()
        answer = child.stdout.readline()
        assert answer, child.stderr.read()
        return json.loads(answer), shot
    finally:
        child.kill()
        child.communicate(timeout=10)  # reaps it and closes the pipes


@pytest.mark.parametrize(("typed", "expected", "track_and_trace", "language"), [
    ("TNT", "TNT", "3SABCD1234567", "en"),
    ("DHL", "DHL", "JVGL0123456789012345", "nl"),
    ("POSTNL", "TNT", "3SABCD1234567", "en"),
    ("express", "TNT-EXPRESS", "123456789012", "nl"),
])
def test_typed_carrier_is_the_one_posted(x_display, tmp_path, typed, expected, track_and_trace,
                                         language):
    def keystrokes():
        xdotool(x_display, "type", "--delay", "1", typed)
        xdotool(x_display, "key", "Return")  # carrier chosen: on to the track & trace
        xdotool(x_display, "type", "--delay", "1", track_and_trace)
        xdotool(x_display, "key", "Return")

    answer, shot = run_dialog(x_display, tmp_path, language, keystrokes)
    assert answer == {"posted": expected, "track_and_trace": track_and_trace}
    assert shot.exists()


def test_an_unknown_code_posts_nothing(x_display, tmp_path):
    def keystrokes():
        xdotool(x_display, "type", "--delay", "1", "XYZ")
        xdotool(x_display, "key", "Return")
        xdotool(x_display, "key", "Tab")
        xdotool(x_display, "type", "--delay", "1", "3SABCD1234567")
        xdotool(x_display, "key", "Return")  # refused: no carrier chosen
        time.sleep(0.3)
        xdotool(x_display, "key", "Escape")

    answer, _ = run_dialog(x_display, tmp_path, "en", keystrokes)
    assert answer == {"posted": None, "track_and_trace": None}
