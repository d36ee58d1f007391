"""``haydigo-desk sandbox``: serve the local bol.com simulator until stopped (Ctrl+C)."""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from haydigo_desk.cli.arguments import (
    OneLineParser,
    count,
    non_negative_number,
    port,
    positive_count,
    positive_number,
    share,
)

# The sandbox package loads aiohttp: imported when the command runs, not for ``--help``.


def order_rate(text: str) -> float:
    """``30/h``, ``2/min``: the sandbox's own parser, imported only when the option is used."""
    from haydigo_desk.sandbox.config import parse_rate_per_hour

    return parse_rate_per_hour(text)


def country_mix(text: str) -> dict[str, float]:
    from haydigo_desk.sandbox.config import parse_country_mix

    return parse_country_mix(text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add("--port", type=port, default=8765, help="port on 127.0.0.1 (0 = any free port)")
    add("--seed", type=int, default=1, help="seed of the catalogue and the initial orders")
    add("--products", type=positive_count, default=500, help="number of products/offers")
    add("--open-orders", type=count, default=120, help="open orders at start")
    add("--order-rate", type=order_rate, default=30.0, metavar="RATE",
        help="new orders over time, e.g. 30/h, 2/min (default 30/h)")
    add("--cancel-rate", type=share, default=0.05,
        help="customer cancellation requests per placed order (0-1)")
    add("--rate-scale", type=positive_number, default=1.0,
        help="make bol's rate limits this many times faster")
    add("--token-lifetime", type=positive_count, default=599, help="token lifetime in seconds")
    add("--process-delay", type=non_negative_number, default=2.0,
        help="seconds a v10 write stays PENDING before SUCCESS or FAILURE")
    add("--countries", type=country_mix, default=None, metavar="MIX",
        help="delivery country weights, e.g. NL=70,BE=25,DE=5")
    add("--client-id", help="default: the sandbox's demo client id")
    add("--client-secret", help="default: the sandbox's demo client secret")
    add("--latency-ms", type=non_negative_number, default=0.0,
        help="fault: added latency per answer")
    add("--error-rate", type=share, default=0.0, help="fault: share of 5xx answers")
    add("--timeout-rate", type=share, default=0.0, help="fault: share of requests never answered")
    add("--malformed-rate", type=share, default=0.0, help="fault: share of cut-off JSON answers")
    add("--token-expiry", type=non_negative_number, default=None, metavar="SECONDS",
        help="fault: tokens stop working this long after issue, whatever expires_in says")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "sandbox", help="run a local bol.com API simulator (for the demo, tests, benchmarks)"
    )
    add_arguments(parser)
    parser.set_defaults(handler=run)


def config_from_args(args: argparse.Namespace):
    from haydigo_desk.sandbox import (
        DEMO_CLIENT_ID,
        DEMO_CLIENT_SECRET,
        FaultConfig,
        SandboxConfig,
    )

    config = SandboxConfig(
        seed=args.seed,
        products=args.products,
        open_orders=args.open_orders,
        order_rate_per_hour=args.order_rate,
        cancel_rate=args.cancel_rate,
        rate_scale=args.rate_scale,
        token_lifetime_s=args.token_lifetime,
        process_delay_s=args.process_delay,
        client_id=args.client_id or DEMO_CLIENT_ID,
        client_secret=args.client_secret or DEMO_CLIENT_SECRET,
        faults=FaultConfig(
            latency_ms=args.latency_ms,
            error_rate=args.error_rate,
            timeout_rate=args.timeout_rate,
            malformed_rate=args.malformed_rate,
            token_expiry_s=args.token_expiry,
        ),
    )
    if args.countries:
        config.country_mix = args.countries
    return config


def run(args: argparse.Namespace) -> int:
    from haydigo_desk.sandbox import start_sandbox

    try:
        config = config_from_args(args)
        config.validate()
        sandbox = start_sandbox(config, port=args.port)
    except (ValueError, OSError) as error:
        print(f"sandbox: {error}", file=sys.stderr)
        return 2
    stop = threading.Event()

    def on_signal(signum, frame) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        print(f"bol.com sandbox listening on {sandbox.url}", flush=True)
        print(f"  token URL:     {sandbox.token_url}")
        print(f"  client id:     {sandbox.client_id}")
        print(f"  client secret: {sandbox.client_secret}")
        print(f"  state:         {sandbox.url}/_sandbox/state")
        print("Press Ctrl+C to stop.", flush=True)
        while not stop.wait(0.5):
            pass
    finally:
        sandbox.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print("sandbox stopped", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m haydigo_desk.cli.sandbox_cmd``: the command on its own, without the desk's
    other options."""
    parser = OneLineParser(prog="haydigo-desk sandbox")
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
