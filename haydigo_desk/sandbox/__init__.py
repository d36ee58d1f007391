"""A local bol.com Retailer API simulator with the same HTTP contract as bol.com.

Used by ``haydigo-desk sandbox``, the ``--demo`` desk, the tests and the benchmarks::

    with start_sandbox(SandboxConfig(seed=1, process_delay_s=0.05)) as sandbox:
        env = BolEnvironment.custom(sandbox.url)
        sandbox.state.add_orders(3, country="BE")
"""

from haydigo_desk.sandbox.config import (
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    FaultConfig,
    SandboxConfig,
    parse_country_mix,
    parse_rate_per_hour,
)
from haydigo_desk.sandbox.server import RunningSandbox, build_app, start_sandbox
from haydigo_desk.sandbox.state import SandboxState

__all__ = [
    "DEMO_CLIENT_ID",
    "DEMO_CLIENT_SECRET",
    "FaultConfig",
    "RunningSandbox",
    "SandboxConfig",
    "SandboxState",
    "build_app",
    "parse_country_mix",
    "parse_rate_per_hour",
    "start_sandbox",
]
