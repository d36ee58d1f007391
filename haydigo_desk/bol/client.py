"""The asynchronous bol.com Retailer API client (httpx).

One ``BolClient`` per account, living on the sync worker's event loop, so that one token cache
and one rate limiter see all of that account's traffic. Every call goes through ``_send``:
pacing per bucket, bearer token, versioned media type, User-Agent; then 401 → new token and one
retry, 429 → wait ``Retry-After`` and retry, 5xx / network → capped exponential backoff with
jitter (repeating a POST only when it surely never reached bol.com), and finally a typed error.
Requests, retries and 429s are counted per endpoint in ``stats``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
import pydantic

from haydigo_desk import __version__
from haydigo_desk.bol import media
from haydigo_desk.bol.auth import TOKEN_ENDPOINT, ClientCredentials, Redactor, TokenProvider
from haydigo_desk.bol.environments import BolEnvironment
from haydigo_desk.bol.errors import (
    BolAccountInactiveError,
    BolAuthenticationError,
    BolError,
    BolForbiddenError,
    BolNetworkError,
    BolNotFoundError,
    BolRateLimitedError,
    BolRequestError,
    BolServerError,
    BolUnexpectedResponseError,
    BolValidationError,
)
from haydigo_desk.bol.models import (
    AssetUsage,
    CancellationReason,
    CatalogProduct,
    FulfilmentFilter,
    FulfilmentMethod,
    Offer,
    OfferPage,
    Order,
    OrderStatusFilter,
    Problem,
    ProcessStatus,
    ProductAsset,
    ReducedOrder,
    ReducedShipment,
)
from haydigo_desk.bol.ratelimit import RateLimiter
from haydigo_desk.bol.retry import (
    IDEMPOTENT_METHODS,
    RetryPolicy,
    backoff_delay,
    network_error_is_safe_to_retry,
    retry_after_seconds,
)
from haydigo_desk.bol.stats import ApiStats, EndpointStats

log = logging.getLogger(__name__)

ORDERS_PAGE_SIZE = 50  # fixed by bol
SHIPMENTS_PAGE_SIZE = 50
MAX_SHIPMENT_ITEMS = 100
MAX_PROCESS_STATUS_IDS = 1000  # per bulk request
MAX_SHIPMENT_REFERENCE = 90
MAX_IMAGE_BYTES = 10 * 1024 * 1024
IMAGE_ENDPOINT = "GET image"
# bol's spec lists these for Accept-Language; others are sent as given and bol answers 406.
CATALOG_LANGUAGES = ("nl", "nl-BE", "fr", "fr-BE")
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
USER_AGENT = f"HaydiGO-Desk/{__version__} (bol.com Retailer API client; httpx/{httpx.__version__})"

M = TypeVar("M", bound=pydantic.BaseModel)

# The request id of the answer the current task is handling: each asyncio task has its own
# context, so concurrent calls never report each other's id in an error.
_answer_request_id: ContextVar[str | None] = ContextVar("bol_answer_request_id", default=None)


@dataclass(frozen=True, slots=True)
class ShipmentLine:
    """One order item of a shipment; ``quantity=None`` ships everything still open."""

    order_item_id: str
    quantity: int | None = None


@dataclass(frozen=True, slots=True)
class ShippingLabel:
    pdf: bytes = field(repr=False)
    transporter_code: str | None
    track_and_trace: str | None


class BolClient:
    """bol.com Retailer API for one account. Use ``async with BolClient(...) as bol:``."""

    def __init__(
        self,
        credentials: ClientCredentials,
        environment: BolEnvironment | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: random.Random | None = None,
        user_agent: str = USER_AGENT,
        max_pages: int = 1000,
        pacing_low_water: float = 0.0,
    ) -> None:
        self.environment = environment or BolEnvironment.production()
        self.client_id = credentials.client_id
        self.stats = ApiStats()
        self.last_request_id: str | None = None
        self._retry = retry or RetryPolicy()
        self._clock = clock
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._max_pages = max_pages
        self._redactor = Redactor()
        # Burst until the bucket is empty, then wait for its refill: the limiter counts every
        # request it lets out, so concurrent calls never overrun; spreading only costs time.
        self._limiter = RateLimiter(clock=clock, sleep=sleep, low_water=pacing_low_water)
        self._http = httpx.AsyncClient(
            transport=transport,
            timeout=timeout,
            headers={"User-Agent": user_agent},
            follow_redirects=False,
        )
        self._tokens = TokenProvider(
            credentials,
            self.environment.token_url,
            self._send_token_request,
            clock=clock,
            redactor=self._redactor,
        )

    def __repr__(self) -> str:
        return f"BolClient(client_id={self.client_id!r}, environment={self.environment.name!r})"

    async def __aenter__(self) -> BolClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    @property
    def token_requests(self) -> int:
        return self._tokens.token_requests

    async def verify_credentials(self) -> None:
        """Ask for a token now; raises ``BolAuthenticationError`` when bol refuses the pair."""
        await self._tokens.token()

    # --- orders ----------------------------------------------------------------------------------

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
            params["latest-change-date"] = _iso_date(latest_change_date)
        if vvb_only is not None:
            params["vvb-only"] = "true" if vvb_only else "false"
        for page in range(1, self._max_pages + 1):
            data = await self._call_json("GET", "/retailer/orders", params={**params, "page": page})
            items = _list_field(data, "orders", "GET /retailer/orders")
            if not items:
                return
            yield self._parse_list(ReducedOrder, items, "GET /retailer/orders")
            if len(items) < ORDERS_PAGE_SIZE:
                return
        log.warning("stopped listing orders after %d pages", self._max_pages)

    async def list_orders(self, **filters: Any) -> list[ReducedOrder]:
        """All orders of ``iter_order_pages`` (FBR and OPEN by default) in one list."""
        return [order async for page in self.iter_order_pages(**filters) for order in page]

    async def get_order(self, order_id: str) -> Order:
        data = await self._call_json("GET", "/retailer/orders/{order-id}", order_id)
        return self._parse(Order, data, "GET /retailer/orders/{order-id}")

    async def cancel_order_item(self, order_item_id: str, reason_code: str) -> ProcessStatus:
        """Cancel one order item (bol allows one per call); 202 with a process status."""
        reason = CancellationReason(reason_code)  # ValueError before anything is sent
        if not order_item_id:
            raise ValueError("order item id is empty")
        body = {"orderItems": [{"orderItemId": str(order_item_id), "reasonCode": reason.value}]}
        data = await self._call_json("PUT", "/retailer/orders/cancellation", json_body=body)
        return self._parse(ProcessStatus, data, "PUT /retailer/orders/cancellation")

    # --- shipments -------------------------------------------------------------------------------

    async def create_shipment(
        self,
        lines: Sequence[ShipmentLine | str],
        *,
        transporter_code: str | None = None,
        track_and_trace: str | None = None,
        shipping_label_id: str | None = None,
        shipment_reference: str | None = None,
    ) -> ProcessStatus:
        """Ship order items of one order: with our own carrier (transporter code and track &
        trace) or with a label bought from bol (its id, no transport). 202 ``CREATE_SHIPMENT``.

        A POST is not repeated after a timeout or a 5xx, since it may have been processed:
        the error then says ``may_have_been_processed`` and the caller checks bol's state.
        """
        body = shipment_body(
            lines,
            transporter_code=transporter_code,
            track_and_trace=track_and_trace,
            shipping_label_id=shipping_label_id,
            shipment_reference=shipment_reference,
        )
        data = await self._call_json("POST", "/retailer/shipments", json_body=body)
        return self._parse(ProcessStatus, data, "POST /retailer/shipments")

    async def list_shipments(
        self,
        *,
        order_id: str | None = None,
        fulfilment_method: str | None = None,
        page: int = 1,
    ) -> list[ReducedShipment]:
        """One page (50, newest first) of ``GET /retailer/shipments``."""
        if order_id and fulfilment_method:
            raise ValueError("bol accepts order-id only without fulfilment-method")
        params: dict[str, Any] = {"page": page}
        if order_id:
            params["order-id"] = str(order_id)
        if fulfilment_method:
            params["fulfilment-method"] = FulfilmentMethod(fulfilment_method).value
        data = await self._call_json("GET", "/retailer/shipments", params=params)
        items = _list_field(data, "shipments", "GET /retailer/shipments")
        return self._parse_list(ReducedShipment, items, "GET /retailer/shipments")

    async def list_order_shipments(self, order_id: str) -> list[ReducedShipment]:
        """Every shipment of one order (all pages)."""
        shipments: list[ReducedShipment] = []
        for page in range(1, self._max_pages + 1):
            batch = await self.list_shipments(order_id=order_id, page=page)
            shipments.extend(batch)
            if len(batch) < SHIPMENTS_PAGE_SIZE:
                break
        return shipments

    # --- process status --------------------------------------------------------------------------

    async def get_process_status(self, process_status_id: str) -> ProcessStatus:
        data = await self._call_json(
            "GET", "/shared/process-status/{process-status-id}", process_status_id
        )
        return self._parse(ProcessStatus, data, "GET /shared/process-status/{process-status-id}")

    async def get_process_statuses(self, process_status_ids: Iterable[str]) -> list[ProcessStatus]:
        """Many process statuses through the bulk endpoint, 1000 ids per request."""
        ids = list(dict.fromkeys(str(i) for i in process_status_ids))
        endpoint = "POST /shared/process-status"
        statuses: list[ProcessStatus] = []
        for start in range(0, len(ids), MAX_PROCESS_STATUS_IDS):
            chunk = ids[start : start + MAX_PROCESS_STATUS_IDS]
            body = {"processStatusQueries": [{"processStatusId": i} for i in chunk]}
            # A read expressed as POST: repeating it is harmless.
            data = await self._call_json(
                "POST", "/shared/process-status", json_body=body, idempotent=True
            )
            items = _list_field(data, "processStatuses", endpoint)
            statuses.extend(self._parse_list(ProcessStatus, items, endpoint))
        return statuses

    # --- offers (v11) ----------------------------------------------------------------------------

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
            params["last-modified-date-time"] = _iso_utc(modified_since)
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
            data = await self._call_json(
                "GET", "/retailer/offers", params=query, accept=media.V11_JSON
            )
            page = self._parse(OfferPage, data, endpoint)
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
        data = await self._call_json(
            "GET", "/retailer/offers/{offer-id}", offer_id, accept=media.V11_JSON
        )
        return self._parse(Offer, data, "GET /retailer/offers/{offer-id}")

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

    async def get_shipping_label(self, shipping_label_id: str) -> ShippingLabel:
        """The PDF of a label bought through bol (VVB), with its transporter and T&T code."""
        response = await self._call(
            "GET",
            "/retailer/shipping-labels/{shipping-label-id}",
            shipping_label_id,
            accept=media.V10_PDF,
        )
        if not response.content.startswith(b"%PDF"):
            raise BolUnexpectedResponseError(
                "bol.com did not send a PDF label",
                status=response.status_code,
                endpoint="GET /retailer/shipping-labels/{shipping-label-id}",
                request_id=response.headers.get("x-request-id"),
            )
        return ShippingLabel(
            pdf=response.content,
            transporter_code=response.headers.get("x-transporter-code"),
            track_and_trace=response.headers.get("x-track-and-trace-code"),
        )

    # --- products and images ---------------------------------------------------------------------

    async def get_product_assets(self, ean: str, usage: str | None = None) -> list[ProductAsset]:
        """Images (and other assets) of a product by EAN, ordered as bol orders them."""
        params = {"usage": AssetUsage(usage).value} if usage else None
        endpoint = "GET /retailer/products/{ean}/assets"
        data = await self._call_json("GET", "/retailer/products/{ean}/assets", ean, params=params)
        assets = self._parse_list(ProductAsset, _list_field(data, "assets", endpoint), endpoint)
        return sorted(assets, key=lambda asset: asset.order)

    async def get_catalog_product(self, ean: str, language: str = "nl") -> CatalogProduct:
        """bol's catalog content of a product (title: ``.title``) in ``language``, one of
        ``CATALOG_LANGUAGES``. ``BolNotFoundError`` when bol's catalogue does not know the EAN.

        The v11 offers carry no title, so this is where a product imported from an offer gets
        its name. The endpoint's bucket is small: call it once per product, not per sync.
        """
        if not language:
            raise ValueError("language is empty")
        path = "/retailer/content/catalog-products/{ean}"
        data = await self._call_json("GET", path, ean, headers={"Accept-Language": language})
        return self._parse(CatalogProduct, data, f"GET {path}")

    async def download_image(self, url: str, *, max_bytes: int = MAX_IMAGE_BYTES) -> bytes:
        """The bytes of an image URL from the assets. No bearer token goes to the image host."""
        if not url.startswith(("https://", "http://")):
            raise ValueError(f"not an http(s) image URL: {url!r}")

        def build(_token: str | None) -> httpx.Request:
            return self._http.build_request("GET", url, headers={"Accept": "image/*"})

        response = await self._send(IMAGE_ENDPOINT, build, auth=False, idempotent=True)
        content_type = response.headers.get("content-type", "")
        if not content_type.startswith("image/"):
            raise BolUnexpectedResponseError(
                f"expected an image, got {content_type or 'no content type'}",
                status=response.status_code,
                endpoint=IMAGE_ENDPOINT,
                request_id=response.headers.get("x-request-id"),
            )
        if len(response.content) > max_bytes:
            raise BolUnexpectedResponseError(
                f"image larger than {max_bytes} bytes", endpoint=IMAGE_ENDPOINT
            )
        return response.content

    # --- plumbing --------------------------------------------------------------------------------

    async def _call_json(self, method: str, path: str, *path_values: str, **kwargs: Any) -> Any:
        response = await self._call(method, path, *path_values, **kwargs)
        return self._decode_json(response, f"{method} {path}")

    async def _call(
        self,
        method: str,
        path: str,
        *path_values: str,
        params: dict[str, Any] | None = None,
        json_body: Any = None,
        accept: str = media.V10_JSON,
        idempotent: bool | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """One API call: ``path`` is the spec's template, filled in order by ``path_values``;
        ``headers`` adds request headers such as ``Accept-Language``."""
        endpoint = f"{method} {path}"
        url = self.environment.url(_fill_path(path, path_values))
        content = None if json_body is None else json.dumps(json_body).encode()
        headers = {**(headers or {}), "Accept": accept}
        if content is not None:
            headers["Content-Type"] = accept

        def build(token: str | None) -> httpx.Request:
            request_headers = dict(headers)
            if token is not None:
                request_headers["Authorization"] = f"Bearer {token}"
            return self._http.build_request(
                method, url, params=params, headers=request_headers, content=content
            )

        if idempotent is None:
            idempotent = method in IDEMPOTENT_METHODS
        return await self._send(endpoint, build, auth=True, idempotent=idempotent)

    async def _send_token_request(self, request: httpx.Request) -> httpx.Response:
        # Asking for a token twice is harmless, so its 5xx and timeouts are retried too; its
        # 400/401 answers go back to the token provider, which knows what they mean.
        request.headers.setdefault("User-Agent", self._http.headers["User-Agent"])
        return await self._send(
            TOKEN_ENDPOINT, lambda _token: request, auth=False, idempotent=True, check=False
        )

    async def _send(
        self,
        endpoint: str,
        build: Callable[[str | None], httpx.Request],
        *,
        auth: bool,
        idempotent: bool,
        check: bool = True,
    ) -> httpx.Response:
        stats = self.stats.of(endpoint)
        policy = self._retry
        failures = 0  # 5xx and network errors so far
        rate_limited = 0
        token_renewed = False
        attempt = 0
        while True:
            waited = await self._limiter.acquire(endpoint)
            stats.waited_seconds += waited
            token = await self._tokens.token() if auth else None
            request = build(token)
            attempt += 1
            stats.requests += 1
            if attempt > 1:
                stats.retries += 1
            started = self._clock()
            try:
                response = await self._http.send(request)
            except httpx.TransportError as exc:
                stats.network_errors += 1
                failures += 1
                safe = idempotent or network_error_is_safe_to_retry(exc, request.method)
                kind = type(exc).__name__
                log.debug("%s failed: %s (attempt %d)", endpoint, kind, attempt)
                if safe and failures < policy.max_attempts:
                    await self._backoff(stats, failures)
                    continue
                stats.errors += 1
                raise BolNetworkError(
                    f"could not reach bol.com ({kind}) after {attempt} attempt(s)",
                    endpoint=endpoint,
                    may_have_been_processed=not safe,
                ) from None
            finally:
                self._limiter.finished(endpoint)  # answered, failed or cancelled

            request_id = response.headers.get("x-request-id")
            self.last_request_id = request_id or self.last_request_id
            _answer_request_id.set(request_id)
            self._limiter.update(endpoint, response.headers, sent_at=started)
            log.debug(
                "%s %s -> %d in %.0f ms (request id %s)",
                request.method,
                request.url.copy_with(query=None),
                response.status_code,
                (self._clock() - started) * 1000,
                request_id,
            )
            status = response.status_code

            if status == 401 and auth and not token_renewed and token is not None:
                # "Expired JWT" (or a token bol no longer accepts): one new token, one retry.
                self._tokens.invalidate(token)
                token_renewed = True
                continue
            if status == 429:
                stats.rate_limited += 1
                rate_limited += 1
                delay = retry_after_seconds(response, policy.default_retry_after)
                if rate_limited <= policy.max_rate_limited and delay <= policy.max_retry_after:
                    log.info("%s rate limited; waiting %.1f s", endpoint, delay)
                    self._limiter.block(endpoint, delay)
                    continue
                stats.errors += 1
                raise self._error_for(response, endpoint, retry_after=delay)
            if status >= 500:
                stats.server_errors += 1
                failures += 1
                # A 503 means the request was not taken in; other 5xx on a POST may hide a
                # processed request, which must not be sent twice.
                safe = idempotent or status == 503
                if safe and failures < policy.max_attempts:
                    await self._backoff(stats, failures)
                    continue
                stats.errors += 1
                raise self._error_for(response, endpoint, may_have_been_processed=not safe)
            if status >= 400 and check:
                stats.errors += 1
                raise self._error_for(response, endpoint)
            return response

    async def _backoff(self, stats: EndpointStats, failures: int) -> None:
        delay = backoff_delay(failures, self._retry, self._rng)
        stats.waited_seconds += delay
        await self._sleep(delay)

    def _error_for(
        self,
        response: httpx.Response,
        endpoint: str,
        *,
        retry_after: float | None = None,
        may_have_been_processed: bool = False,
    ) -> BolError:
        """The typed error for a 4xx/5xx answer, with bol's problem details, scrubbed."""
        status = response.status_code
        problem = self._problem_of(response)
        title = (problem.title if problem else None) or response.reason_phrase or "error"
        detail = problem.detail if problem else None
        message = f"bol.com: {title}" + (f": {detail}" if detail and detail != title else "")
        kwargs: dict[str, Any] = {
            "status": status,
            "endpoint": endpoint,
            "request_id": response.headers.get("x-request-id"),
            "problem": problem,
            "may_have_been_processed": may_have_been_processed,
        }
        if status == 400:
            return BolValidationError(message, **kwargs)
        if status == 401:
            return BolAuthenticationError(message, **kwargs)
        if status == 403:
            inactive = "not active" in f"{title} {detail}".lower()
            return (BolAccountInactiveError if inactive else BolForbiddenError)(message, **kwargs)
        if status == 404:
            return BolNotFoundError(message, **kwargs)
        if status == 429:
            return BolRateLimitedError(message, retry_after=retry_after, **kwargs)
        if status >= 500:
            return BolServerError(message, **kwargs)
        if status >= 400:
            return BolRequestError(message, **kwargs)
        return BolUnexpectedResponseError(message, **kwargs)

    def _problem_of(self, response: httpx.Response) -> Problem | None:
        try:
            data = json.loads(self._redactor.scrub(response.text))
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        if "error" in data and "title" not in data:  # OAuth-style answer
            data = {"title": data.get("error"), "detail": data.get("error_description")}
        try:
            return Problem.model_validate(data)
        except pydantic.ValidationError:
            return None

    def _decode_json(self, response: httpx.Response, endpoint: str) -> Any:
        if not response.content.strip():
            return {}
        try:
            return json.loads(response.content)
        except ValueError:
            raise BolUnexpectedResponseError(
                "bol.com sent malformed JSON",
                status=response.status_code,
                endpoint=endpoint,
                request_id=response.headers.get("x-request-id"),
            ) from None

    def _parse(self, model: type[M], data: Any, endpoint: str) -> M:
        try:
            return model.model_validate(data)
        except pydantic.ValidationError as exc:
            raise _shape_error(exc, endpoint, _answer_request_id.get()) from None

    def _parse_list(self, model: type[M], items: list[Any], endpoint: str) -> list[M]:
        return [self._parse(model, item, endpoint) for item in items]


# --- request bodies and parameters (pure functions, tested against bol's schemas) ----------------


def shipment_body(
    lines: Sequence[ShipmentLine | str],
    *,
    transporter_code: str | None = None,
    track_and_trace: str | None = None,
    shipping_label_id: str | None = None,
    shipment_reference: str | None = None,
) -> dict[str, Any]:
    """The ``ShipmentRequest`` body, checked before it is sent."""
    items = [line if isinstance(line, ShipmentLine) else ShipmentLine(str(line)) for line in lines]
    if not 1 <= len(items) <= MAX_SHIPMENT_ITEMS:
        raise ValueError(f"a shipment has 1 to {MAX_SHIPMENT_ITEMS} order items")
    if bool(transporter_code) == bool(shipping_label_id):
        raise ValueError("give either a transporter code or a shipping label id")
    if track_and_trace and not transporter_code:
        raise ValueError("track & trace goes with a transporter code, not with a label")
    if shipment_reference is not None and not 1 <= len(shipment_reference) <= 90:
        raise ValueError("shipment reference must be 1 to 90 characters (or None)")
    order_items: list[dict[str, Any]] = []
    for line in items:
        if not line.order_item_id:
            raise ValueError("order item id is empty")
        item: dict[str, Any] = {"orderItemId": line.order_item_id}
        if line.quantity is not None:
            if line.quantity < 1:
                raise ValueError("shipped quantity must be at least 1")
            item["quantity"] = line.quantity
        order_items.append(item)
    body: dict[str, Any] = {"orderItems": order_items}
    if shipment_reference is not None:
        body["shipmentReference"] = shipment_reference
    if shipping_label_id:
        body["shippingLabelId"] = shipping_label_id
    else:
        transport: dict[str, Any] = {"transporterCode": transporter_code}
        if track_and_trace:
            transport["trackAndTrace"] = track_and_trace
        body["transport"] = transport
    return body


def _fill_path(template: str, values: Sequence[str]) -> str:
    """Replace the ``{...}`` placeholders of ``template`` in order, each value URL-quoted."""
    parts = template.split("{")
    if len(parts) - 1 != len(values):
        raise ValueError(f"{template} needs {len(parts) - 1} path value(s)")
    filled = parts[0]
    for part, value in zip(parts[1:], values, strict=True):
        text = str(value)
        if not text:
            raise ValueError(f"empty path value for {template}")
        filled += quote(text, safe="") + part.split("}", 1)[1]
    return filled


def _iso_date(value: date | str) -> str:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return date.fromisoformat(value).isoformat()  # ValueError on a malformed date


def _iso_utc(value: datetime | str) -> str:
    """ISO 8601 in UTC with a ``Z``, as bol's ``last-modified-date-time`` wants it."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)  # naive times are taken to be UTC
    return value.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _list_field(data: Any, key: str, endpoint: str) -> list[Any]:
    """``data[key]`` as a list; bol's empty answer ``{}`` (key absent) is an empty list."""
    if not isinstance(data, dict):
        raise BolUnexpectedResponseError(f"expected a JSON object with {key!r}", endpoint=endpoint)
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise BolUnexpectedResponseError(
            f"{key!r} is not a list", endpoint=endpoint, request_id=_answer_request_id.get()
        )
    return value


def _shape_error(
    exc: pydantic.ValidationError, endpoint: str, request_id: str | None
) -> BolUnexpectedResponseError:
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(part) for part in first.get("loc", ())) or "(root)"
    return BolUnexpectedResponseError(
        f"bol.com answer does not have the expected shape ({exc.error_count()} problem(s), "
        f"first at {where}: {first.get('msg', '')})",
        endpoint=endpoint,
        request_id=request_id,
    )
