"""Smoke check of a built HaydiGO Desk program (the PyInstaller folder, or any install).

    python packaging/pyinstaller/smoke_check.py dist/haydigo-desk/haydigo-desk

Runs the program with ``--version``, adds an account for a sandbox this script starts (in
process, so the Python running it needs haydigo_desk installed), runs ``sync --once`` and
checks its record, then opens the desk offscreen for three seconds. Exit 0 when all passed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from haydigo_desk.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, SandboxConfig, start_sandbox

PRODUCTS, OPEN_ORDERS = 12, 4


def run(cmd: list[str], env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    started = time.monotonic()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    took = time.monotonic() - started
    print(f"$ {' '.join(cmd[1:]) or '(desk)'}  -> exit {result.returncode} in {took:.1f} s")
    if result.returncode != 0 or "Traceback" in result.stderr:
        print(result.stdout, result.stderr, sep="\n", file=sys.stderr)
        raise SystemExit(f"smoke check failed: {cmd}")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program", type=Path, help="the built haydigo-desk executable")
    args = parser.parse_args()
    program = str(args.program.resolve())
    with tempfile.TemporaryDirectory(prefix="haydigo-smoke-") as home:
        env = {k: v for k, v in os.environ.items() if not k.startswith("HAYDIGO_")}
        env.pop("PYTHONPATH", None)
        env.update(
            HAYDIGO_HOME=home,
            # Headless: no Secret Service here; the sync takes its secret from the environment.
            PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
            QT_QPA_PLATFORM="offscreen",
        )
        version = run([program, "--version"], env, 60).stdout.strip()
        print(f"  {version}")

        config = SandboxConfig(
            products=PRODUCTS, open_orders=OPEN_ORDERS, rate_scale=50, process_delay_s=0.1
        )
        db = ["--database-url", f"sqlite:///{Path(home, 'smoke.sqlite3').as_posix()}"]
        with start_sandbox(config) as sandbox:
            run(
                [program, *db, "account", "add", "--name", "sb", "--client-id", DEMO_CLIENT_ID,
                 "--store", "Shop", "--environment", "custom", "--base-url", sandbox.url,
                 "--harvest-orders"],
                env, 120,
            )  # fmt: skip
            sync_env = {**env, "HAYDIGO_BOL_CLIENT_SECRET": DEMO_CLIENT_SECRET}
            record = json.loads(run([program, *db, "sync", "--once"], sync_env, 180).stdout)
        print(
            f"  sync: outcome={record['outcome']} products_new={record['products_new']} "
            f"orders_new={record['orders_new']} api_calls={record['api_calls']}"
        )
        expected = (PRODUCTS, OPEN_ORDERS)
        if record["outcome"] != "ok" or (record["products_new"], record["orders_new"]) != expected:
            raise SystemExit(f"smoke check failed: unexpected sync record {record}")

        window = run([program], {**env, "HAYDIGO_QUIT_AFTER_MS": "3000"}, 120)
        problems = [
            line for line in window.stderr.splitlines() if " ERROR " in line or "WARNING" in line
        ]
        for line in problems:  # shown, not fatal: e.g. no sound device on a build machine
            print(f"  desk: {line}")
    print("smoke check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
