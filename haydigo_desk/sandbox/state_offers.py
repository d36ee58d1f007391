"""The sandbox's offers (v11, synchronous): listing, one offer, stock and offer updates.

A part of ``SandboxState`` (a mixin: it uses the state's lock and offer indexes).
"""

from __future__ import annotations

from datetime import datetime

from haydigo_desk.sandbox.catalogue import Offer
from haydigo_desk.sandbox.clock import bol_local, utcnow


class OffersState:
    def list_offers(
        self,
        start: int,
        size: int,
        *,
        modified_since: datetime | None = None,
        eans: set[str] | None = None,
        offer_ids: set[str] | None = None,
        reference: str | None = None,
        for_sale: bool | None = None,
    ) -> tuple[list[dict], int | None]:
        """Offers from position ``start``; returns (bodies, next position or None)."""
        with self._lock:
            page: list[dict] = []
            position = start
            while position < len(self.offers) and len(page) < size:
                offer = self.offers[position]
                position += 1
                if (
                    (modified_since is None or offer.last_modified >= modified_since)
                    and (eans is None or offer.ean in eans)
                    and (offer_ids is None or offer.offer_id in offer_ids)
                    and (reference is None or offer.reference == reference)
                    and (for_sale is None or offer.for_sale == for_sale)
                ):
                    page.append(offer.to_v11())
            return page, (position if position < len(self.offers) else None)

    def offer(self, offer_id: str) -> dict | None:
        with self._lock:
            offer = self._offers_by_id.get(offer_id)
            return offer.to_v11() if offer else None

    def offer_by_ean(self, ean: str) -> Offer | None:
        with self._lock:
            return self._offers_by_ean.get(ean)

    def set_offer_stock(self, offer_id: str, amount: int, managed_by_retailer: bool | None) -> bool:
        with self._lock:
            offer = self._offers_by_id.get(offer_id)
            if offer is None:
                return False
            now = utcnow()
            offer.stock_amount = amount
            if managed_by_retailer is not None:
                offer.managed_by_retailer = managed_by_retailer
            offer.ordered_since_stock_update = 0
            offer.last_modified = now
            offer.stock_updates.append({"amount": amount, "managedByRetailer":
                                        offer.managed_by_retailer, "at": bol_local(now)})
            return True

    def update_offer(self, offer_id: str, on_hold: bool | None, reference: str | None) -> None:
        with self._lock:
            offer = self._offers_by_id[offer_id]
            if on_hold is not None:
                offer.on_hold = bool(on_hold)
            if reference is not None:
                offer.reference = str(reference)[:100]
            offer.last_modified = utcnow()
