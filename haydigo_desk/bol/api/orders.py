"""Orders: list, detail, cancel an item."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import date
from typing import Any

from haydigo_desk.bol.bodies import iso_date
from haydigo_desk.bol.models import (
    CancellationReason,
    FulfilmentFilter,
    Order,
    OrderStatusFilter,
    ProcessStatus,
    ReducedOrder,
)
from haydigo_desk.bol.reading import model, model_list
from haydigo_desk.bol.transport import BolTransport

log = logging.getLogger(__name__)

ORDERS_PAGE_SIZE = 50  # fixed by bol


class OrdersApi(BolTransport):

    async def iter_order_pages(
        self,
        *,
        fulfilment_method: str = FulfilmentFilter.FBR,
        status: str = OrderStatusFilter.OPEN,
        change_interval_minute: int | None = None,
        latest_change_date: date | str | None = None,
        vvb_only: bool | None = None,
    ) -> AsyncIterator[list[ReducedOrder]]:
        """Pages of ``GET /retailer/orders`` (newest first), until bol's empty ``{}`` page or
        a page shorter than 50."""
        params: dict[str, Any] = {
            "fulfilment-method": FulfilmentFilter(fulfilment_method).value,
            "status": OrderStatusFilter(status).value,
        }
        if change_interval_minute is not None:
            if not 1 <= change_interval_minute <= 60:
                raise ValueError("change-interval-minute must be between 1 and 60")
            params["change-interval-minute"] = change_interval_minute
        if latest_change_date is not None:
            params["latest-change-date"] = iso_date(latest_change_date)
        if vvb_only is not None:
            params["vvb-only"] = "true" if vvb_only else "false"
        for page in range(1, self._max_pages + 1):
            orders = await self._call_json(
                "GET",
                "/retailer/orders",
                params={**params, "page": page},
                parse=model_list(ReducedOrder, "orders"),
            )
            if not orders:
                return
            yield orders
            if len(orders) < ORDERS_PAGE_SIZE:
                return
        log.warning("stopped listing orders after %d pages", self._max_pages)

    async def list_orders(self, **filters: Any) -> list[ReducedOrder]:
        """All orders of ``iter_order_pages`` (FBR and OPEN by default) in one list."""
        return [order async for page in self.iter_order_pages(**filters) for order in page]

    async def get_order(self, order_id: str) -> Order:
        return await self._call_json(
            "GET", "/retailer/orders/{order-id}", order_id, parse=model(Order)
        )

    async def cancel_order_item(self, order_item_id: str, reason_code: str) -> ProcessStatus:
        """Cancel one order item (bol allows one per call); 202 with a process status."""
        reason = CancellationReason(reason_code)  # ValueError before anything is sent
        if not order_item_id:
            raise ValueError("order item id is empty")
        body = {"orderItems": [{"orderItemId": str(order_item_id), "reasonCode": reason.value}]}
        # Each PUT is a new process at bol.com: after a lost answer the outbox asks bol first.
        return await self._call_json(
            "PUT",
            "/retailer/orders/cancellation",
            json_body=body,
            parse=model(ProcessStatus),
            record_id=str(order_item_id),
            idempotent=False,
        )

