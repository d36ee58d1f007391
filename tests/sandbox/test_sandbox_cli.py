"""``haydigo-desk sandbox`` serves until stopped and prints its URL and demo credentials."""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys

import httpx

from haydigo_desk.cli import COMMAND_MODULES, sandbox_cmd


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_registered_with_the_entry_point_contract() -> None:
    assert "haydigo_desk.cli.sandbox_cmd" in COMMAND_MODULES
    parser = argparse.ArgumentParser()
    sandbox_cmd.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(
        ["sandbox", "--port", "8765", "--seed", "1", "--products", "500", "--open-orders", "120",
         "--order-rate", "30/h", "--cancel-rate", "0.05", "--rate-scale", "10",
         "--error-rate", "0.1", "--countries", "NL=60,BE=40"]
    )
    assert args.handler is sandbox_cmd.run
    config = sandbox_cmd.config_from_args(args)
    assert config.order_rate_per_hour == 30.0 and config.rate_scale == 10.0
    assert config.faults.error_rate == 0.1 and config.country_mix == {"NL": 60.0, "BE": 40.0}
    assert sandbox_cmd.config_from_args(parser.parse_args(["sandbox", "--order-rate", "2/min"])
                                        ).order_rate_per_hour == 120.0


def test_serves_until_stopped_and_prints_url_and_credentials() -> None:
    port = _free_port()
    command = [sys.executable, "-m", "haydigo_desk.cli.sandbox_cmd", "--port", str(port),
               "--seed", "1", "--products", "50", "--open-orders", "10", "--order-rate", "30/h",
               "--cancel-rate", "0.05"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=dict(os.environ, PYTHONUNBUFFERED="1"))
    try:
        lines = [process.stdout.readline() for _ in range(4)]
        assert f"http://127.0.0.1:{port}" in lines[0], lines
        assert "haydigo-sandbox-client" in lines[2] and "haydigo-sandbox-secret" in lines[3]
        answer = httpx.post(f"http://127.0.0.1:{port}/token",
                            auth=("haydigo-sandbox-client", "haydigo-sandbox-secret"),
                            data={"grant_type": "client_credentials"})
        assert answer.status_code == 200
        assert process.poll() is None  # still serving
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()


def test_refuses_a_port_in_use() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert sandbox_cmd.main(["--port", str(port), "--products", "5", "--open-orders", "0"]) == 2
