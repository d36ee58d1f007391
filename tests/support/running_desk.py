"""A desk window running as a real process (offscreen), with its stderr kept in a file, so
tests can send it real signals and start a second one beside it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from support.desk_process import desk_env


class RunningDesk:
    def __init__(self, home: Path, name: str, *args: str, **env: str) -> None:
        self.log = home / f"{name}.stderr"
        self._log_file = open(self.log, "w", encoding="utf-8")  # noqa: SIM115 - closed in wait
        self.process = subprocess.Popen(
            [sys.executable, "-m", "haydigo_desk", *args],
            env=desk_env(home, HAYDIGO_PAINT_MARKER="1", **env), stdin=subprocess.DEVNULL,
            stdout=self._log_file, stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def output(self) -> str:
        return self.log.read_text("utf-8", errors="replace")

    def wait_for(self, text: str, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output:
            if self.process.poll() is not None:
                raise AssertionError(f"the desk ended ({self.process.returncode}) before "
                                     f"{text!r}:\n{self.output[-3000:]}")
            if time.monotonic() > deadline:
                raise AssertionError(f"no {text!r} within {timeout} s:\n{self.output[-3000:]}")
            time.sleep(0.05)

    def send(self, signum: int) -> None:
        os.kill(self.process.pid, signum)

    def wait(self, timeout: float = 60.0) -> int:
        try:
            return self.process.wait(timeout)
        finally:
            self._log_file.close()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.wait()
