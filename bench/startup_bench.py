"""Start-up benchmark: how long the person waits. Prints each figure and its ratio to the target.

    python bench/startup_bench.py [--orders 100000] [--repeats 3] [--keep DIR]

- ``--version`` and ``--help``: wall time of the whole process (target 0.15 s each).
- window painted with N orders, and with the demo: from this script's launch of the process
  to the first paint of the Orders list (target 1.5 s). The desk prints a marker line with
  the wall-clock time when ``HAYDIGO_PAINT_MARKER`` is set; the moment the list first shows
  orders is printed too (for the demo that follows its preparation, after the window).
Medians of ``--repeats`` runs after one warm-up start (which writes the bytecode cache, as an
installed desk has it); the machines are shared, so ratios are measured in one run.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ui_bench import build_database

from haydigo_desk.config import sqlite_url
from haydigo_desk.domain.states import StaffRole
from haydigo_desk.services.staff import add_staff

MARKER = re.compile(
    r"haydigo-desk painted (orders-list|orders-rows) at=([0-9.]+) rows=(\d+) cpu=([0-9.]+)")
COMMAND = [sys.executable, "-m", "haydigo_desk"]


def desk_env(home: Path, **extra: str) -> dict[str, str]:
    # An installed desk has its bytecode cached: a PYTHONDONTWRITEBYTECODE of the shell would
    # make every start compile every module again (seconds), so it is left out.
    env = {k: v for k, v in os.environ.items() if not k.startswith(
        ("HAYDIGO_", "PYTHON_KEY", "PYTHONDONTWRITEBYTECODE"))}
    env.update(HAYDIGO_HOME=str(home), QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", **extra)
    return env


def time_command(args: list[str], home: Path) -> tuple[float, float]:
    """Wall seconds of the whole process, and its CPU seconds (user + system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([*COMMAND, *args], env=desk_env(home), stdout=subprocess.DEVNULL,
                   check=True, timeout=60)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def command_line(args: list[str], home: Path, repeats: int) -> str:
    """Median wall time against the target, and the median CPU the process used (what a
    busy machine does not inflate)."""
    runs = [time_command(args, home) for _ in range(repeats)]
    return (line(" ".join(args), statistics.median(wall for wall, _ in runs), 0.15)
            + f" [CPU {statistics.median(cpu for _, cpu in runs):.3f} s]")


def time_window(home: Path, timeout: float = 120.0, **env: str) -> dict[str, float]:
    """Seconds from launch to the first paint of the Orders list, and to its first rows."""
    started = time.time()
    process = subprocess.Popen([*COMMAND], env=desk_env(home, HAYDIGO_PAINT_MARKER="1", **env),
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    seen: dict[str, float] = {}
    deadline = time.monotonic() + timeout
    try:
        for line in process.stderr:
            match = MARKER.search(line)
            if match:
                seen[match.group(1)] = float(match.group(2)) - started
                seen[f"{match.group(1)}-cpu"] = float(match.group(4))
            if "orders-rows" in seen or time.monotonic() > deadline:
                break
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()
    if "orders-list" not in seen:
        raise RuntimeError("the desk never painted its Orders list")
    return seen


def _cpu(runs: list[dict[str, float]]) -> str:
    """The desk's own CPU seconds until that paint: what a busy machine does not inflate."""
    return f" [desk CPU {statistics.median(r['orders-list-cpu'] for r in runs):.3f} s]"


def line(name: str, seconds: float, target: float) -> str:
    ratio = seconds / target
    return (f"{name}: {seconds:.3f} s (target {target:.2f} s, ratio {ratio:.2f}) "
            f"{'OK' if ratio <= 1.0 else 'TOO SLOW'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the profiles in this folder")
    args = parser.parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="startup-bench-"))
    root.mkdir(parents=True, exist_ok=True)

    blank = root / "blank"
    for command in (["--version"], ["--help"]):
        print(command_line(command, blank, args.repeats), flush=True)

    real = root / "real"
    database_file = real / "data" / "haydigo-desk.sqlite3"
    if not database_file.exists():
        print(f"building a database with {args.orders:,} orders...", flush=True)
        bench = build_database(sqlite_url(database_file), args.orders)
        with bench.database.unit_of_work() as uow:
            add_staff(uow.session, "Bench manager", StaffRole.MANAGER, badge_code="B-1")
            uow.commit()
        bench.database.dispose()
    real_env = {"HAYDIGO_STAFF": "Bench manager", "HAYDIGO_BOL_CLIENT_SECRET": "x"}
    time_window(real, **real_env)  # warm-up: writes the bytecode cache, like an installed desk
    runs = [time_window(real, **real_env) for _ in range(args.repeats)]
    print(line(f"window painted with {args.orders:,} orders", statistics.median(
        r["orders-list"] for r in runs), 1.5) + _cpu(runs), flush=True)
    if all("orders-rows" in r for r in runs):
        print(f"  (its first {args.orders:,}-order rows painted after "
              f"{statistics.median(r['orders-rows'] for r in runs):.3f} s)", flush=True)

    demo_runs = [time_window(root / "demo") for _ in range(args.repeats)]
    print(line("window painted with the demo", statistics.median(
        r["orders-list"] for r in demo_runs), 1.5) + _cpu(demo_runs), flush=True)
    if all("orders-rows" in r for r in demo_runs):
        print(f"  (demo prepared, its orders painted after "
              f"{statistics.median(r['orders-rows'] for r in demo_runs):.3f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
