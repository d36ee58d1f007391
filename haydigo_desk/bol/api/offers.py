"""Offers (v11): list by cursor, one offer, stock."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Any

from haydigo_desk.bol import media
from haydigo_desk.bol.bodies import iso_utc
from haydigo_desk.bol.errors import BolUnexpectedResponseError
from haydigo_desk.bol.models_offers import Offer, OfferPage
from haydigo_desk.bol.reading import model
from haydigo_desk.bol.transport import BolTransport

log = logging.getLogger(__name__)


class OffersApi(BolTransport):

    async def iter_offer_pages(
        self,
        *,
        modified_since: datetime | str | None = None,
        eans: Sequence[str] | None = None,
        offer_ids: Sequence[str] | None = None,
        reference: str | None = None,
        for_sale: bool | None = None,
        page_size: int = 100,
    ) -> AsyncIterator[list[Offer]]:
        """Pages of v11 ``GET /retailer/offers``, following ``nextCursor`` until it is null."""
        if not 1 <= page_size <= 100:
            raise ValueError("page size must be between 1 and 100")
        params: dict[str, Any] = {"page-size": page_size}
        if modified_since is not None:
            params["last-modified-date-time"] = iso_utc(modified_since)
        if eans:
            params["eans"] = list(eans)
        if offer_ids:
            params["offer-ids"] = list(offer_ids)
        if reference:
            params["reference"] = reference
        if for_sale is not None:
            params["for-sale"] = "true" if for_sale else "false"
        endpoint = "GET /retailer/offers"
        seen_cursors: set[str] = set()
        cursor: str | None = None
        for _ in range(self._max_pages):
            query = {**params, "cursor": cursor} if cursor else params
            page = await self._call_json(
                "GET",
                "/retailer/offers",
                params=query,
                accept=media.V11_JSON,
                parse=model(OfferPage),
            )
            if page.offers:
                yield page.offers
            cursor = page.page.next_cursor if page.page else None
            if not cursor or not page.offers:
                return
            if cursor in seen_cursors:
                raise BolUnexpectedResponseError(
                    "bol.com returned the same offers cursor twice", endpoint=endpoint
                )
            seen_cursors.add(cursor)
        log.warning("stopped listing offers after %d pages", self._max_pages)

    async def list_offers(self, **filters: Any) -> list[Offer]:
        return [offer async for page in self.iter_offer_pages(**filters) for offer in page]

    async def get_offer(self, offer_id: str) -> Offer:
        return await self._call_json(
            "GET",
            "/retailer/offers/{offer-id}",
            offer_id,
            accept=media.V11_JSON,
            parse=model(Offer),
        )

    async def update_offer_stock(
        self, offer_id: str, amount: int, *, managed_by_retailer: bool = True
    ) -> None:
        """v11 ``PATCH /retailer/offers/{id}`` with only the stock; synchronous (204).

        ``managed_by_retailer=True``: bol subtracts only orders placed after this update, which
        is right when ``amount`` already nets out the open bol orders.
        """
        if amount < 0:
            raise ValueError("stock amount must not be negative")
        body = {"stock": {"amount": int(amount), "managedByRetailer": bool(managed_by_retailer)}}
        await self._call(
            "PATCH",
            "/retailer/offers/{offer-id}",
            offer_id,
            json_body=body,
            accept=media.V11_JSON,
        )

