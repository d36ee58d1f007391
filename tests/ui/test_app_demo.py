"""`haydigo-desk` with no account opens the demo: sandbox, demo database, sync running."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def test_first_start_opens_the_demo_with_orders_and_pick_lists(tmp_path):
    env = {**os.environ, "HAYDIGO_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
           "HAYDIGO_QUIT_AFTER_MS": "8000",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    result = subprocess.run([sys.executable, "-m", "haydigo_desk"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    demo = sqlite3.connect(tmp_path / "data" / "demo" / "demo.sqlite3")
    try:
        orders = demo.execute("SELECT count(*) FROM orders").fetchone()[0]
        pick_lists = demo.execute("SELECT count(*) FROM pick_lists").fetchone()[0]
        shelved = demo.execute(
            "SELECT count(*) FROM products WHERE location_id IS NOT NULL").fetchone()[0]
        runs = demo.execute("SELECT outcome FROM sync_runs").fetchall()
    finally:
        demo.close()
    assert orders >= 50 and pick_lists >= 1 and shelved == 300
    assert ("ok",) in runs
    # The real database stays untouched by the demo.
    real = sqlite3.connect(tmp_path / "data" / "haydigo-desk.sqlite3")
    try:
        assert real.execute("SELECT count(*) FROM orders").fetchone()[0] == 0
    finally:
        real.close()
    assert (tmp_path / "log" / "haydigo-desk.log").exists()
