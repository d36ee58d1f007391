"""Running the sandbox: the aiohttp application and a server on its own thread and loop."""

from __future__ import annotations

import asyncio
import contextlib
import random
import threading
from dataclasses import dataclass, field

from aiohttp import web

from haydigo_desk.sandbox import (
    routes_content,
    routes_control,
    routes_labels,
    routes_offers,
    routes_orders,
    routes_returns,
    routes_token,
    routes_transports,
)
from haydigo_desk.sandbox.config import SandboxConfig
from haydigo_desk.sandbox.gateway import FAULT_RNG_KEY, HELD_KEY, STATE_KEY, gateway
from haydigo_desk.sandbox.state import SandboxState

TICK_S = 0.2  # how often new orders and cancellation requests are placed


async def _place_orders_over_time(app: web.Application):
    async def loop() -> None:
        while True:
            app[STATE_KEY].tick()
            await asyncio.sleep(TICK_S)

    task = asyncio.create_task(loop())
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def _release_held(app: web.Application) -> None:
    app[HELD_KEY].set()


def build_app(state: SandboxState) -> web.Application:
    app = web.Application(middlewares=[gateway])
    app[STATE_KEY] = state
    app[FAULT_RNG_KEY] = random.Random(f"{state.config.seed}/faults")
    app[HELD_KEY] = asyncio.Event()
    for module in (routes_token, routes_orders, routes_transports, routes_returns, routes_labels,
                   routes_offers, routes_content, routes_control):
        app.add_routes(module.routes)
    app.cleanup_ctx.append(_place_orders_over_time)
    app.on_shutdown.append(_release_held)
    return app


@dataclass
class RunningSandbox:
    """A sandbox serving on a background thread; stop it with ``stop()`` or ``with``."""

    url: str
    state: SandboxState
    _loop: asyncio.AbstractEventLoop = field(repr=False)
    _thread: threading.Thread = field(repr=False)
    _stopped: asyncio.Event = field(repr=False)

    @property
    def shared_base_url(self) -> str:
        return f"{self.url}/shared"

    @property
    def token_url(self) -> str:
        return f"{self.url}/token"

    @property
    def client_id(self) -> str:
        return self.state.config.client_id

    @property
    def client_secret(self) -> str:
        return self.state.config.client_secret

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def stop(self, timeout: float = 10.0) -> None:
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._stopped.set)
            self._thread.join(timeout)

    def wait(self) -> None:
        """Blocks until the server stops (the CLI's foreground run)."""
        while self._thread.is_alive():
            self._thread.join(0.5)

    def __enter__(self) -> RunningSandbox:
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()


def start_sandbox(
    config: SandboxConfig | None = None, *, host: str = "127.0.0.1", port: int = 0
) -> RunningSandbox:
    """Starts a sandbox on ``host:port`` (0 = a free port) and returns once it listens."""
    if host not in ("127.0.0.1", "localhost"):
        raise ValueError("the sandbox only listens on the loopback interface (127.0.0.1)")
    state = SandboxState(config or SandboxConfig())
    ready = threading.Event()
    box: dict = {}

    async def serve() -> None:
        runner = web.AppRunner(build_app(state), shutdown_timeout=0.5, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", port)
        try:
            await site.start()
        except OSError as error:
            box["error"] = error
            ready.set()
            await runner.cleanup()
            return
        server = site._server  # aiohttp keeps the asyncio server here; it knows the real port
        bound = server.sockets[0].getsockname()[1] if server else port
        box["url"] = f"http://127.0.0.1:{bound}"
        box["stopped"] = asyncio.Event()
        box["loop"] = asyncio.get_running_loop()
        ready.set()
        try:
            await box["stopped"].wait()
        finally:
            await runner.cleanup()

    def run() -> None:
        # A plain selector loop of our own, whatever policy the host app (qasync) installed.
        try:
            with asyncio.Runner(loop_factory=asyncio.SelectorEventLoop) as runner:
                runner.run(serve())
        except Exception as error:  # reported to the caller of start_sandbox
            box.setdefault("error", error)
            ready.set()

    thread = threading.Thread(target=run, name="bol-sandbox", daemon=True)
    thread.start()
    ready.wait(30)
    if "error" in box:
        thread.join(5)
        raise box["error"]
    if "url" not in box:
        raise RuntimeError("the sandbox did not start within 30 seconds")
    return RunningSandbox(box["url"], state, box["loop"], thread, box["stopped"])
