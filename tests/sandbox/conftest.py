"""Fixtures for the sandbox tests: a running sandbox and an API client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sandbox_helpers import Api, fast_config

from haydigo_desk.sandbox import RunningSandbox, start_sandbox


@pytest.fixture
def sandbox() -> Iterator[RunningSandbox]:
    with start_sandbox(fast_config()) as running:
        yield running


@pytest.fixture
def api(sandbox: RunningSandbox) -> Iterator[Api]:
    client = Api(sandbox)
    yield client
    client.close()
