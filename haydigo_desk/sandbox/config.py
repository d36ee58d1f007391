"""Settings of one sandbox run: what it seeds, how fast it moves and which faults it injects."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DEMO_CLIENT_ID = "haydigo-sandbox-client"
DEMO_CLIENT_SECRET = "haydigo-sandbox-secret"

# Share of delivery countries among generated orders: bol sells in NL and BE; a few German
# addresses appear because bol accepts orders delivered to Germany from Dutch accounts.
DEFAULT_COUNTRY_MIX: dict[str, float] = {"NL": 0.7, "BE": 0.25, "DE": 0.05}


@dataclass
class FaultConfig:
    """Faults injected into answers of the bol.com API paths (never into ``/_sandbox``)."""

    latency_ms: float = 0.0  # added to every API answer
    error_rate: float = 0.0  # share of answers replaced by a 5xx problem
    timeout_rate: float = 0.0  # share of requests that never get an answer
    malformed_rate: float = 0.0  # share of 200 answers whose JSON body is cut off
    # tokens die this long after issue, whatever their expires_in promised
    token_expiry_s: float | None = None

    def validate(self) -> None:
        for name in ("error_rate", "timeout_rate", "malformed_rate"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, not {value}")
        if self.latency_ms < 0:
            raise ValueError("latency_ms must not be negative")
        if self.token_expiry_s is not None and self.token_expiry_s < 0:
            raise ValueError("token_expiry_s must not be negative")

    def to_json(self) -> dict[str, float | None]:
        return {
            "latencyMs": self.latency_ms,
            "errorRate": self.error_rate,
            "timeoutRate": self.timeout_rate,
            "malformedRate": self.malformed_rate,
            "tokenExpirySeconds": self.token_expiry_s,
        }


@dataclass
class SandboxConfig:
    seed: int = 1
    products: int = 500
    open_orders: int = 120
    order_rate_per_hour: float = 30.0
    cancel_rate: float = 0.05  # cancellation requests per placed order
    rate_scale: float = 1.0
    token_lifetime_s: int = 599
    process_delay_s: float = 2.0  # PENDING -> SUCCESS/FAILURE
    client_id: str = DEMO_CLIENT_ID
    client_secret: str = DEMO_CLIENT_SECRET
    country_mix: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_COUNTRY_MIX))
    faults: FaultConfig = field(default_factory=FaultConfig)

    def validate(self) -> None:
        if self.products < 1:
            raise ValueError("the catalogue needs at least one product")
        if self.open_orders < 0 or self.order_rate_per_hour < 0:
            raise ValueError("order counts and rates must not be negative")
        if not 0.0 <= self.cancel_rate <= 1.0:
            raise ValueError("cancel_rate must be between 0 and 1")
        if self.rate_scale <= 0:
            raise ValueError("rate_scale must be positive")
        if self.token_lifetime_s < 1 or self.process_delay_s < 0:
            raise ValueError("token lifetime must be positive and process delay not negative")
        unknown = set(self.country_mix) - {"NL", "BE", "DE"}
        if unknown or not self.country_mix or sum(self.country_mix.values()) <= 0:
            raise ValueError(f"country mix must weigh NL, BE and/or DE: {self.country_mix}")
        self.faults.validate()


_RATE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:/\s*(s|sec|m|min|h|hour|d|day))?\s*$", re.IGNORECASE)
_PER_HOUR = {
    "s": 3600, "sec": 3600, "m": 60, "min": 60, "h": 1, "hour": 1, "d": 1 / 24, "day": 1 / 24
}


def parse_rate_per_hour(text: str) -> float:
    """``"30/h"``, ``"2/min"``, ``"0.5/s"`` or a bare number (per hour) as orders per hour."""
    match = _RATE.match(text)
    if not match:
        raise ValueError(f"not a rate like 30/h or 2/min: {text!r}")
    unit = (match.group(2) or "h").lower()
    return float(match.group(1)) * _PER_HOUR[unit]


def parse_country_mix(text: str) -> dict[str, float]:
    """``"NL=70,BE=25,DE=5"`` as weights per country code."""
    mix: dict[str, float] = {}
    for part in text.split(","):
        code, _, weight = part.partition("=")
        if not weight:
            raise ValueError(f"country mix entries look like NL=70: {part!r}")
        mix[code.strip().upper()] = float(weight)
    return mix
