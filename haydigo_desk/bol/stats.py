"""Per-endpoint counters of the client's traffic, for the sync report and for tests."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class EndpointStats:
    requests: int = 0  # every HTTP request sent, first tries and retries alike
    retries: int = 0  # requests that repeated an earlier one (429, 5xx, network, expired token)
    rate_limited: int = 0  # 429 answers
    server_errors: int = 0  # 5xx answers
    network_errors: int = 0  # connection failures and timeouts
    malformed: int = 0  # answers that could not be read (bad JSON, encoding, shape, redirect)
    errors: int = 0  # calls that ended in an exception
    waited_seconds: float = 0.0  # time spent pacing and waiting out Retry-After

    def add(self, other: EndpointStats) -> None:
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)


@dataclass
class ApiStats:
    """Counters keyed by endpoint, e.g. ``GET /retailer/orders`` or ``POST /token``."""

    endpoints: dict[str, EndpointStats] = field(default_factory=dict)

    def of(self, endpoint: str) -> EndpointStats:
        return self.endpoints.setdefault(endpoint, EndpointStats())

    @property
    def total(self) -> EndpointStats:
        total = EndpointStats()
        for stats in self.endpoints.values():
            total.add(stats)
        return total

    def snapshot(self) -> dict[str, dict[str, float]]:
        """A plain copy, safe to store in a sync-run record."""
        return {name: asdict(stats) for name, stats in sorted(self.endpoints.items())}

    def reset(self) -> None:
        self.endpoints.clear()
