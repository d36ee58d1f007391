"""Settings of one sandbox run: what it seeds, how fast it moves and which faults it injects."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

DEMO_CLIENT_ID = "haydigo-sandbox-client"
DEMO_CLIENT_SECRET = "haydigo-sandbox-secret"

# Share of delivery countries among generated orders: bol sells in NL and BE; a few German
# addresses appear because bol accepts orders delivered to Germany from Dutch accounts.
DEFAULT_COUNTRY_MIX: dict[str, float] = {"NL": 0.7, "BE": 0.25, "DE": 0.05}


@dataclass
class FaultConfig:
    """Faults injected into answers of the bol.com API paths (never into ``/_sandbox``).

    Rates are shares of requests (0 to 1), drawn independently per request from the sandbox's
    seeded fault generator.
    """

    latency_ms: float = 0.0  # added to every API answer
    error_rate: float = 0.0  # share of answers replaced by a 5xx problem (nothing applied)
    timeout_rate: float = 0.0  # share of requests that never get an answer
    malformed_rate: float = 0.0  # share of 2xx JSON answers whose body is cut off mid-document
    # tokens die this long after issue, whatever their expires_in promised
    token_expiry_s: float | None = None
    slow_drip_rate: float = 0.0  # share of answers whose body trickles in (see slow_drip_ms)
    slow_drip_ms: float = 250.0  # pause before each 16-byte piece of a dripping body
    false_encoding_rate: float = 0.0  # share of 2xx answers saying gzip about a plain body
    # share of writes (POST, PUT, PATCH) carried out, but answered 502 as if the answer was lost
    lost_answer_rate: float = 0.0
    rate_limited_rate: float = 0.0  # share of requests refused with 429 (a storm)
    rate_limited_retry_after_s: int = 1  # the Retry-After of those 429s

    RATES: ClassVar[tuple[str, ...]] = (
        "error_rate", "timeout_rate", "malformed_rate", "slow_drip_rate", "false_encoding_rate",
        "lost_answer_rate", "rate_limited_rate",
    )

    def validate(self) -> None:
        for name in self.RATES:
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:  # NaN fails this too
                raise ValueError(f"{name} must be between 0 and 1, not {value}")
        if not 0 <= self.latency_ms <= 600_000:
            raise ValueError("latency_ms must be between 0 and 600000")
        if not 0 <= self.slow_drip_ms <= 60_000:
            raise ValueError("slow_drip_ms must be between 0 and 60000")
        if not (isinstance(self.rate_limited_retry_after_s, int)
                and 0 <= self.rate_limited_retry_after_s <= 3600):
            raise ValueError("rate_limited_retry_after_s must be whole seconds, 0 to 3600")
        if self.token_expiry_s is not None and not self.token_expiry_s >= 0:
            raise ValueError("token_expiry_s must not be negative")

    def to_json(self) -> dict[str, float | None]:
        return {
            "latencyMs": self.latency_ms,
            "errorRate": self.error_rate,
            "timeoutRate": self.timeout_rate,
            "malformedRate": self.malformed_rate,
            "tokenExpirySeconds": self.token_expiry_s,
            "slowDripRate": self.slow_drip_rate,
            "slowDripMs": self.slow_drip_ms,
            "falseEncodingRate": self.false_encoding_rate,
            "lostAnswerRate": self.lost_answer_rate,
            "rateLimitedRate": self.rate_limited_rate,
            "rateLimitedRetryAfter": self.rate_limited_retry_after_s,
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
