"""bol's rate-limit buckets (per method and path) as fixed windows, scaled for fast tests.

The numbers are bol's published ones where known (see the reference's rate-limit table); for
the endpoints bol does not publish, a guess is marked as such. ``rate_scale`` multiplies the
refill speed: the window shrinks, down to one second, and beyond that the capacity grows, so
``x-ratelimit-reset`` and ``Retry-After`` stay whole seconds as bol sends them.
"""

from __future__ import annotations

import math
import re
import threading
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class BucketRule:
    name: str
    method: str
    path: re.Pattern[str]
    capacity: int
    window_s: float


def _rule(name: str, method: str, path: str, capacity: int, window_s: float) -> BucketRule:
    return BucketRule(name, method, re.compile(f"^{path}$"), capacity, window_s)


_ID = r"[^/]+"
# Most specific first: the first match wins, as with bol's "most specific path".
BOL_BUCKETS: tuple[BucketRule, ...] = (
    _rule("orders-list", "GET", "/retailer/orders", 25, 60),
    _rule("orders-cancellation", "PUT", "/retailer/orders/cancellation", 25, 1),  # guess
    _rule("order-detail", "GET", f"/retailer/orders/{_ID}", 25, 1),
    _rule("shipments-list", "GET", "/retailer/shipments", 25, 60),
    _rule("shipments-create", "POST", "/retailer/shipments", 25, 1),
    _rule("shipment-detail", "GET", f"/retailer/shipments/{_ID}", 50, 60),
    _rule("transports", "PUT", f"/retailer/transports/{_ID}", 25, 1),  # guess: not published
    # bol: 20 a minute for returns, GET, POST and PUT alike
    _rule("returns-list", "GET", "/retailer/returns", 20, 60),
    _rule("return-detail", "GET", f"/retailer/returns/{_ID}", 20, 60),
    _rule("returns-create", "POST", "/retailer/returns", 20, 60),
    _rule("returns-handle", "PUT", f"/retailer/returns/{_ID}", 20, 60),
    # bol publishes no numbers for shipping labels: guesses in line with the shipment calls.
    _rule("shipping-label-options", "POST", "/retailer/shipping-labels/delivery-options",
          25, 1),  # guess
    _rule("shipping-label-create", "POST", "/retailer/shipping-labels", 25, 1),  # guess
    _rule("shipping-label-get", "GET", f"/retailer/shipping-labels/{_ID}", 25, 1),  # guess
    _rule("offers-read", "GET", r"/retailer/offers(/[^/]+)?", 25, 1),
    _rule("offers-write", "PATCH", f"/retailer/offers/{_ID}", 50, 1),
    _rule("product-assets", "GET", f"/retailer/products/{_ID}/assets", 50, 60),
    # Not published per path; the reference's "products GET 50/min" is taken for it too.
    _rule("catalog-product", "GET", f"/retailer/content/catalog-products/{_ID}", 50, 60),
    _rule("process-status-bulk", "POST", "/shared/process-status", 2, 1),
    _rule("process-status-single", "GET", f"/shared/process-status/{_ID}", 25, 1),  # guess
    _rule("process-status-entity", "GET", "/shared/process-status", 25, 1),  # guess
)
DEFAULT_BUCKET = BucketRule("default", "*", re.compile(".*"), 25, 1)  # guess, unknown paths


def find_bucket(method: str, path: str) -> BucketRule:
    for rule in BOL_BUCKETS:
        if rule.method == method and rule.path.match(path):
            return rule
    return DEFAULT_BUCKET


def scaled(rule: BucketRule, scale: float) -> tuple[int, float]:
    """(capacity, window) of ``rule`` made ``scale`` times faster."""
    window = rule.window_s / scale
    if window >= 1.0:
        return rule.capacity, window
    # Keep one-second windows and give the extra speed as capacity instead.
    return max(1, round(rule.capacity * scale / rule.window_s)), 1.0


@dataclass(frozen=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    reset_s: int  # whole seconds until the window refills

    def headers(self) -> dict[str, str]:
        headers = {
            "x-ratelimit-limit": str(self.limit),
            "x-ratelimit-remaining": str(self.remaining),
            "x-ratelimit-reset": str(self.reset_s),
        }
        if not self.allowed:
            headers["Retry-After"] = str(self.reset_s)
        return headers


class RateLimiter:
    """Fixed-window counters per bucket; thread-safe so the scale can change at runtime."""

    def __init__(self, scale: float = 1.0, clock=time.monotonic) -> None:
        self._scale = scale
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[str, tuple[float, int]] = {}  # bucket -> (window start, used)
        self.rejected = 0

    @property
    def scale(self) -> float:
        return self._scale

    def set_scale(self, scale: float) -> None:
        if scale <= 0:
            raise ValueError("rate scale must be positive")
        with self._lock:
            self._scale = scale
            self._windows.clear()

    def count_rejection(self) -> None:
        """A 429 served by an injected storm counts like one of the limiter's own."""
        with self._lock:
            self.rejected += 1

    def check(self, method: str, path: str) -> Decision:
        rule = find_bucket(method, path)
        with self._lock:
            capacity, window = scaled(rule, self._scale)
            now = self._clock()
            start, used = self._windows.get(rule.name, (now, 0))
            if now - start >= window:
                start, used = now, 0
            reset = max(1, math.ceil(start + window - now))
            if used >= capacity:
                self.rejected += 1
                return Decision(False, capacity, 0, reset)
            used += 1
            self._windows[rule.name] = (start, used)
            return Decision(True, capacity, capacity - used, reset)
