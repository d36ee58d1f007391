"""What tests and ``/_sandbox/`` see of a sandbox: writes received, request counts, faults,
snapshots.

A part of ``SandboxState`` (a mixin: it uses the state's lock, books and ``_settle``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from haydigo_desk.sandbox.clock import bol_local, utcnow
from haydigo_desk.sandbox.config import FaultConfig
from haydigo_desk.sandbox.orders import Order


class InspectionState:
    def count_request(self, key: str) -> None:
        with self._lock:
            self.request_counts[key] += 1

    def shipments(self) -> list[dict]:
        with self._lock:
            self._settle(utcnow())
            return [dict(s, items=[dict(i) for i in s["items"]]) for s in self._shipments]

    def cancellations(self) -> list[dict]:
        with self._lock:
            self._settle(utcnow())
            return [dict(c) for c in self._cancellations]

    def offer_stock(self) -> dict[str, dict]:
        """Offers whose stock was set through the API, keyed by offer id, with the last value."""
        with self._lock:
            return {
                offer.offer_id: {
                    "ean": offer.ean,
                    "reference": offer.reference,
                    "amount": offer.stock_amount,
                    "managedByRetailer": offer.managed_by_retailer,
                    "correctedStock": offer.corrected_stock,
                    "updates": len(offer.stock_updates),
                }
                for offer in self.offers
                if offer.stock_updates
            }

    def order_summary(self, order_id: str) -> dict | None:
        with self._lock:
            self._settle(utcnow())
            order = self._orders.get(order_id)
            return _order_summary(order) if order else None

    def open_order_ids(self) -> list[str]:
        with self._lock:
            self._settle(utcnow())
            return [o.order_id for o in self._newest_first if any(i.is_open for i in o.items)]

    def process_counts(self) -> dict[str, int]:
        with self._lock:
            self._settle(utcnow())
            return dict(Counter(record.status for record in self._processes.values()))

    def rate_limited_count(self) -> int:
        """How many 429 answers were served."""
        return self.rate_limiter.rejected

    def expire_tokens_now(self) -> int:
        return self.tokens.expire_all()

    def set_faults(self, **changes) -> FaultConfig:
        """Changes faults at runtime, e.g. ``set_faults(error_rate=0.2)``."""
        with self._lock:
            updated = replace(self.faults, **changes)
            updated.validate()
            self.faults = updated
            return replace(updated)

    def snapshot(self, include_orders: bool = True) -> dict:
        with self._lock:
            self._settle(utcnow())
            body = {
                "orderCount": len(self._orders),
                "openOrderCount": sum(
                    1 for o in self._orders.values() if any(i.is_open for i in o.items)
                ),
                "shipments": self.shipments(),
                "cancellations": self.cancellations(),
                "offerStock": self.offer_stock(),
                "requestCounts": dict(self.request_counts),
                "rateLimited": self.rate_limiter.rejected,
                "rateScale": self.rate_limiter.scale,
                "tokensIssued": self.tokens.issued,
                "processStatuses": self.process_counts(),
                "returns": self.returns.inspect(),
                "shippingLabels": self.shipping_labels(),
                "faults": self.faults.to_json(),
            }
            if include_orders:
                body["orders"] = [_order_summary(o) for o in self._newest_first]
            return body


def _order_summary(order: Order) -> dict:
    return {
        "orderId": order.order_id,
        "orderPlacedDateTime": bol_local(order.placed_at),
        "countryCode": order.country,
        "status": "OPEN" if any(i.is_open for i in order.items) else "HANDLED",
        "items": [
            {
                "orderItemId": item.order_item_id,
                "ean": item.offer.ean,
                "reference": item.offer.reference,
                "quantity": item.quantity,
                "quantityShipped": item.quantity_shipped,
                "quantityCancelled": item.quantity_cancelled,
                "cancellationRequest": item.cancellation_request,
                "status": item.status,
            }
            for item in order.items
        ],
    }
