"""Returns: list, detail, handle an item (by its RMA id), register one bol.com never announced.

Both writes answer 202 with a process status: ``HANDLE_RETURN_ITEM`` (entity: the RMA id) and
``CREATE_RETURN_ITEM`` (entity on success: the new return id). Neither is repeated blind after
an answer that may mean "done": the caller asks bol.com first (see ``sync/returns_outbox.py``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx

from haydigo_desk.bol import media
from haydigo_desk.bol.models import FulfilmentMethod, ProcessStatus
from haydigo_desk.bol.models_returns import (
    CREATE_HANDLING_RESULTS,
    HandlingResult,
    Return,
)
from haydigo_desk.bol.reading import decode_json, model, model_list
from haydigo_desk.bol.transport import BolTransport

log = logging.getLogger(__name__)

RETURNS_PAGE_SIZE = 50  # fixed by bol
MAX_QUANTITY_RETURNED = 9999  # ReturnRequest / CreateReturnRequest maximum
# bol's spec types this one request body as plain JSON, not the versioned media type.
CREATE_RETURN_CONTENT_TYPE = "application/json"


def _quantity(quantity: int) -> int:
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not (
            1 <= quantity <= MAX_QUANTITY_RETURNED):
        raise ValueError(f"the quantity returned must be 1 to {MAX_QUANTITY_RETURNED}")
    return quantity


def handle_return_body(handling_result: str, quantity_returned: int) -> dict[str, Any]:
    """The ``ReturnRequest`` body; ValueError for a value bol's spec does not allow."""
    return {"handlingResult": HandlingResult(handling_result).value,
            "quantityReturned": _quantity(quantity_returned)}


def create_return_body(order_item_id: str, quantity_returned: int, handling_result: str
                       ) -> dict[str, Any]:
    """The ``CreateReturnRequest`` body; ValueError for a value bol's spec does not allow."""
    result = HandlingResult(handling_result)
    if result not in CREATE_HANDLING_RESULTS:
        raise ValueError(f"{result.value} is not allowed when registering a return")
    if not order_item_id:
        raise ValueError("order item id is empty")
    return {"orderItemId": str(order_item_id), "quantityReturned": _quantity(quantity_returned),
            "handlingResult": result.value}


class ReturnsApi(BolTransport):

    async def list_returns(self, *, handled: bool | None = None,
                           fulfilment_method: str | None = FulfilmentMethod.FBR,
                           page: int = 1) -> list[Return]:
        """One page (50) of ``GET /retailer/returns``: unhandled ones oldest first, handled
        ones newest first."""
        params: dict[str, Any] = {"page": page}
        if handled is not None:
            params["handled"] = "true" if handled else "false"
        if fulfilment_method:
            params["fulfilment-method"] = FulfilmentMethod(fulfilment_method).value
        return await self._call_json("GET", "/retailer/returns", params=params,
                                     parse=model_list(Return, "returns"))

    async def iter_return_pages(self, **filters: Any) -> AsyncIterator[list[Return]]:
        """Pages of ``list_returns`` until bol's empty page or one shorter than 50."""
        for page in range(1, self._max_pages + 1):
            returns = await self.list_returns(page=page, **filters)
            if returns:
                yield returns
            if len(returns) < RETURNS_PAGE_SIZE:
                return
        log.warning("stopped listing returns after %d pages", self._max_pages)

    async def get_return(self, return_id: str) -> Return:
        return await self._call_json("GET", "/retailer/returns/{return-id}", return_id,
                                     parse=model(Return))

    async def handle_return(self, rma_id: str, handling_result: str, quantity_returned: int
                            ) -> ProcessStatus:
        """``PUT /retailer/returns/{rma-id}``: 202 ``HANDLE_RETURN_ITEM``. bol.com applies a
        second PUT as a new handling, so it is never repeated after a lost answer."""
        if not str(rma_id).isdigit():  # an int64 in bol's spec
            raise ValueError(f"an RMA id is a number, not {rma_id!r}")
        return await self._call_json(
            "PUT", "/retailer/returns/{rma-id}", str(rma_id),
            json_body=handle_return_body(handling_result, quantity_returned),
            parse=model(ProcessStatus), idempotent=False,
        )

    async def create_return(self, order_item_id: str, quantity_returned: int,
                            handling_result: str) -> ProcessStatus:
        """``POST /retailer/returns``: register and handle a return bol.com never announced;
        202 ``CREATE_RETURN_ITEM``. Its body is plain ``application/json`` in bol's spec, so
        the request is built here rather than by ``_call``."""
        body = json.dumps(create_return_body(order_item_id, quantity_returned,
                                             handling_result)).encode()
        endpoint = "POST /retailer/returns"
        url = self.environment.url("/retailer/returns")

        def build(token: str | None) -> httpx.Request:
            headers = {"Accept": media.V10_JSON, "Content-Type": CREATE_RETURN_CONTENT_TYPE}
            if token is not None:
                headers["Authorization"] = f"Bearer {token}"
            return self._http.build_request("POST", url, headers=headers, content=body)

        def read(response: httpx.Response) -> ProcessStatus:
            return model(ProcessStatus)(decode_json(response, endpoint), endpoint)

        return await self._send(endpoint, build, auth=True, read_only=False, idempotent=False,
                                read=read, record_id=str(order_item_id))
