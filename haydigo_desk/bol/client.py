"""The asynchronous bol.com Retailer API client (httpx).

One ``BolClient`` per account, living on the sync worker's event loop, so that one token cache
and one rate limiter see all of that account's traffic. Every call goes through ``_send``:
pacing per bucket, bearer token, versioned media type, User-Agent; then 401 → new token and one
retry, 429 → wait ``Retry-After`` (capped) and retry, 5xx / network → capped exponential backoff
with jitter (repeating a POST only when it surely never reached bol.com), and finally a typed
error. Each attempt has one overall deadline (httpx's timeouts are per read, so a body that drips
in slowly would never time out). An answer that cannot be read (malformed or cut-off JSON, a false
Content-Encoding, an empty body, a redirect, a wrong shape) is asked again for a read and never
for a write; what persists is a ``BolMalformedResponseError``. Nothing but ``BolError`` (and
``ValueError`` for a caller's bad argument) leaves the client.
Requests, retries and 429s are counted per endpoint in ``stats``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import re
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
    BolMalformedResponseError,
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
from haydigo_desk.bol.ratelimit import RateLimiter, capped_wait
from haydigo_desk.bol.retry import (
    IDEMPOTENT_METHODS,
    READ_METHODS,
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
# One attempt, from sending to the last byte of the body; longer is a hung answer.
DEFAULT_DEADLINE_S = 60.0
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
USER_AGENT = f"HaydiGO-Desk/{__version__} (bol.com Retailer API client; httpx/{httpx.__version__})"

M = TypeVar("M", bound=pydantic.BaseModel)
R = TypeVar("R")
# Reads a 2xx answer into what the caller gets; raises BolMalformedResponseError when it can't.
Reader = Callable[[httpx.Response], R]
# Turns decoded JSON into the caller's value, given the endpoint for error messages.
Parser = Callable[[Any, str], R]

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
        deadline: float = DEFAULT_DEADLINE_S,
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
        if not deadline > 0:
            raise ValueError("the request deadline must be a positive number of seconds")
        self._deadline = deadline
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
            orders = await self._call_json(
                "GET",
                "/retailer/orders",
                params={**params, "page": page},
                parse=_model_list(ReducedOrder, "orders"),
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
            "GET", "/retailer/orders/{order-id}", order_id, parse=_model(Order)
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
            parse=_model(ProcessStatus),
            record_id=str(order_item_id),
            idempotent=False,
        )

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
        return await self._call_json(
            "POST",
            "/retailer/shipments",
            json_body=body,
            parse=_model(ProcessStatus),
            record_id=",".join(item["orderItemId"] for item in body["orderItems"]),
        )

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
        return await self._call_json(
            "GET",
            "/retailer/shipments",
            params=params,
            parse=_model_list(ReducedShipment, "shipments"),
            record_id=str(order_id) if order_id else None,
        )

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
        return await self._call_json(
            "GET",
            "/shared/process-status/{process-status-id}",
            process_status_id,
            parse=_model(ProcessStatus),
        )

    async def get_process_statuses_for_entity(self, entity_id: str, event_type: str
                                              ) -> list[ProcessStatus]:
        """The processes bol.com has for one entity (an order item id, say) and event type,
        newest first (its first page of 50): how a write of unknown outcome is found."""
        if not entity_id:
            raise ValueError("entity id is empty")
        return await self._call_json(
            "GET",
            "/shared/process-status",
            params={"entity-id": str(entity_id), "event-type": event_type, "page": 1},
            parse=_model_list(ProcessStatus, "processStatuses"),
        )

    async def get_process_statuses(self, process_status_ids: Iterable[str]) -> list[ProcessStatus]:
        """Many process statuses through the bulk endpoint, 1000 ids per request."""
        ids = list(dict.fromkeys(str(i) for i in process_status_ids))
        statuses: list[ProcessStatus] = []
        for start in range(0, len(ids), MAX_PROCESS_STATUS_IDS):
            chunk = ids[start : start + MAX_PROCESS_STATUS_IDS]
            body = {"processStatusQueries": [{"processStatusId": i} for i in chunk]}
            # A read expressed as POST: repeating it is harmless.
            statuses += await self._call_json(
                "POST",
                "/shared/process-status",
                json_body=body,
                read_only=True,
                parse=_model_list(ProcessStatus, "processStatuses"),
            )
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
            page = await self._call_json(
                "GET",
                "/retailer/offers",
                params=query,
                accept=media.V11_JSON,
                parse=_model(OfferPage),
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
            parse=_model(Offer),
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

    async def get_shipping_label(self, shipping_label_id: str) -> ShippingLabel:
        """The PDF of a label bought through bol (VVB), with its transporter and T&T code."""
        endpoint = "GET /retailer/shipping-labels/{shipping-label-id}"

        def read(response: httpx.Response) -> ShippingLabel:
            if not response.content.startswith(b"%PDF"):
                raise _malformed("bol.com did not send a PDF label", response, endpoint)
            return ShippingLabel(
                pdf=response.content,
                transporter_code=response.headers.get("x-transporter-code"),
                track_and_trace=response.headers.get("x-track-and-trace-code"),
            )

        return await self._call(
            "GET",
            "/retailer/shipping-labels/{shipping-label-id}",
            shipping_label_id,
            accept=media.V10_PDF,
            read=read,
        )

    # --- products and images ---------------------------------------------------------------------

    async def get_product_assets(self, ean: str, usage: str | None = None) -> list[ProductAsset]:
        """Images (and other assets) of a product by EAN, ordered as bol orders them."""
        params = {"usage": AssetUsage(usage).value} if usage else None
        assets = await self._call_json(
            "GET",
            "/retailer/products/{ean}/assets",
            ean,
            params=params,
            parse=_model_list(ProductAsset, "assets"),
        )
        return sorted(assets, key=lambda asset: asset.order)

    async def get_catalog_product(self, ean: str, language: str = "nl") -> CatalogProduct:
        """bol's catalog content of a product (title: ``.title``) in ``language``, one of
        ``CATALOG_LANGUAGES``. ``BolNotFoundError`` when bol's catalogue does not know the EAN.

        The v11 offers carry no title, so this is where a product imported from an offer gets
        its name. The endpoint's bucket is small: call it once per product, not per sync.
        """
        if not _LANGUAGE_TAG.fullmatch(language or ""):
            raise ValueError(f"not a language tag like nl or nl-BE: {language!r}")
        return await self._call_json(
            "GET",
            "/retailer/content/catalog-products/{ean}",
            ean,
            headers={"Accept-Language": language},
            parse=_model(CatalogProduct),
        )

    async def download_image(self, url: str, *, max_bytes: int = MAX_IMAGE_BYTES) -> bytes:
        """The bytes of an image URL from the assets. No bearer token goes to the image host."""
        if not url.startswith(("https://", "http://")):
            raise ValueError(f"not an http(s) image URL: {url!r}")

        def build(_token: str | None) -> httpx.Request:
            return self._http.build_request("GET", url, headers={"Accept": "image/*"})

        def read(response: httpx.Response) -> bytes:
            content_type = response.headers.get("content-type", "")
            if not content_type.startswith("image/"):
                raise _malformed(
                    f"expected an image, got {content_type or 'no content type'}",
                    response,
                    IMAGE_ENDPOINT,
                )
            if media.image_type(response.content) is None:
                raise _malformed("the image answer holds no JPEG, PNG, GIF or WebP",
                                 response, IMAGE_ENDPOINT)
            return response.content

        content = await self._send(
            IMAGE_ENDPOINT, build, auth=False, read_only=True, read=read, record_id=url
        )
        if len(content) > max_bytes:
            raise BolUnexpectedResponseError(
                f"image larger than {max_bytes} bytes", endpoint=IMAGE_ENDPOINT
            )
        return content

    # --- plumbing --------------------------------------------------------------------------------

    async def _call_json(
        self, method: str, path: str, *path_values: str, parse: Parser[R], **kwargs: Any
    ) -> R:
        """``_call`` whose answer is JSON, decoded and handed to ``parse`` (inside the retries,
        so a malformed answer to a read is asked again)."""
        endpoint = f"{method} {path}"

        def read(response: httpx.Response) -> R:
            return parse(_decode_json(response, endpoint), endpoint)

        return await self._call(method, path, *path_values, read=read, **kwargs)

    async def _call(
        self,
        method: str,
        path: str,
        *path_values: str,
        params: dict[str, Any] | None = None,
        json_body: Any = None,
        accept: str = media.V10_JSON,
        read_only: bool | None = None,
        headers: dict[str, str] | None = None,
        read: Reader[R] | None = None,
        record_id: str | None = None,
        idempotent: bool | None = None,
    ) -> Any:
        """One API call: ``path`` is the spec's template, filled in order by ``path_values``;
        ``headers`` adds request headers such as ``Accept-Language``. Returns ``read(answer)``,
        or the answer itself without ``read``. ``read_only`` marks a POST that only reads.
        ``record_id`` (default: the path values) names the record in errors. ``idempotent``
        False marks a PUT that bol.com carries out anew each time (never repeated blind)."""
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

        if read_only is None:
            read_only = method in READ_METHODS
        if record_id is None and path_values:
            record_id = "/".join(str(value) for value in path_values)
        return await self._send(
            endpoint,
            build,
            auth=True,
            read_only=read_only,
            idempotent=(read_only or method in IDEMPOTENT_METHODS) if idempotent is None
            else idempotent,
            read=read,
            record_id=record_id,
        )

    async def _send_token_request(self, request: httpx.Request) -> httpx.Response:
        # Asking for a token twice is harmless, so its 5xx and timeouts are retried too; its
        # 400/401 answers go back to the token provider, which knows what they mean.
        request.headers.setdefault("User-Agent", self._http.headers["User-Agent"])
        return await self._send(
            TOKEN_ENDPOINT, lambda _token: request, auth=False, read_only=True, check=False
        )

    async def _send(
        self,
        endpoint: str,
        build: Callable[[str | None], httpx.Request],
        *,
        auth: bool,
        read_only: bool,
        idempotent: bool | None = None,
        check: bool = True,
        read: Reader[R] | None = None,
        record_id: str | None = None,
    ) -> Any:
        """Send until an answer is good, retrying what is safe to retry; see the module doc.

        ``idempotent`` (default: ``read_only``): repeating it after a network error or a 5xx is
        harmless. ``read_only``: a malformed answer is asked again, too."""
        if idempotent is None:
            idempotent = read_only
        stats = self.stats.of(endpoint)
        policy = self._retry
        failures = 0  # 5xx, network errors and malformed answers so far
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
            malformed: BolMalformedResponseError | None = None
            try:
                # httpx's timeouts are per read: a slow drip of bytes would never end without
                # this deadline over the whole exchange, body included.
                async with asyncio.timeout(self._deadline):
                    response = await self._http.send(request)
            except (httpx.TransportError, TimeoutError) as exc:
                stats.network_errors += 1
                failures += 1
                safe = idempotent or (
                    isinstance(exc, httpx.TransportError)
                    and network_error_is_safe_to_retry(exc, request.method)
                )
                kind = type(exc).__name__ if isinstance(exc, httpx.TransportError) else (
                    f"no complete answer within {self._deadline:g} s"
                )
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
            except httpx.DecodingError:
                # The body does not match its Content-Encoding (gzip that is not gzip...).
                malformed = BolMalformedResponseError(
                    "bol.com sent a body that does not match its Content-Encoding",
                    endpoint=endpoint,
                )
            finally:
                self._limiter.finished(endpoint)  # answered, failed or cancelled

            if malformed is None:
                request_id = response.headers.get("x-request-id")
                self.last_request_id = request_id or self.last_request_id
                _answer_request_id.set(request_id)
                self._limiter.update(endpoint, response.headers, sent_at=started)
                if log.isEnabledFor(logging.DEBUG):  # building the URL text is not free
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
                    asked = retry_after_seconds(response, policy.default_retry_after)
                    delay = capped_wait(asked, f"Retry-After on {endpoint}")
                    if rate_limited <= policy.max_rate_limited and asked <= policy.max_retry_after:
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
                if status < 200 or 300 <= status < 400:
                    # No redirect is followed (a bearer token must not travel elsewhere), and
                    # a redirect or 1xx carries none of the data asked for.
                    malformed = _malformed(f"unexpected HTTP {status} answer", response, endpoint)
                elif read is None:
                    return response
                else:
                    try:
                        return read(response)
                    except BolMalformedResponseError as error:
                        malformed = error

            # A malformed answer: for a read like a network error, for a write final, since
            # bol.com may have carried the write out.
            stats.malformed += 1
            failures += 1
            log.info("%s: %s (attempt %d)", endpoint, malformed.message, attempt)
            if read_only and failures < policy.max_attempts:
                await self._backoff(stats, failures)
                continue
            stats.errors += 1
            malformed.endpoint = endpoint
            malformed.record_id = malformed.record_id or record_id
            malformed.may_have_been_processed = not read_only
            if read_only and attempt > 1:
                malformed.message += f" after {attempt} attempts"
            raise malformed

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
        except (ValueError, RecursionError):
            return None
        if not isinstance(data, dict):
            return None
        if "error" in data and "title" not in data:  # OAuth-style answer
            data = {"title": data.get("error"), "detail": data.get("error_description")}
        try:
            return Problem.model_validate(data)
        except pydantic.ValidationError:
            return None


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


# --- reading answers: anything unusable is a BolMalformedResponseError -------------------------


def _malformed(message: str, response: httpx.Response, endpoint: str) -> BolMalformedResponseError:
    return BolMalformedResponseError(
        message,
        status=response.status_code,
        endpoint=endpoint,
        request_id=response.headers.get("x-request-id"),
    )


def _decode_json(response: httpx.Response, endpoint: str) -> Any:
    """The JSON of a 2xx answer; an empty body is malformed: every JSON endpoint of bol's
    answers with a document (``{}`` for an empty list page)."""
    if not response.content.strip():
        raise _malformed("bol.com sent an empty answer where data was expected",
                         response, endpoint)
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
        raise _malformed("bol.com sent malformed or cut-off JSON", response, endpoint) from None


def _parse(model: type[M], data: Any, endpoint: str) -> M:
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        raise _shape_error(exc, endpoint, _answer_request_id.get()) from None
    except RecursionError:
        raise BolMalformedResponseError(
            "bol.com answer is nested too deeply", endpoint=endpoint,
            request_id=_answer_request_id.get(),
        ) from None


def _model(model: type[M]) -> Parser[M]:
    """A parser of one ``model`` document."""
    return lambda data, endpoint: _parse(model, data, endpoint)


def _model_list(model: type[M], key: str) -> Parser[list[M]]:
    """A parser of the list ``data[key]`` of ``model`` items."""
    return lambda data, endpoint: [
        _parse(model, item, endpoint) for item in _list_field(data, key, endpoint)
    ]


def _list_field(data: Any, key: str, endpoint: str) -> list[Any]:
    """``data[key]`` as a list; bol's empty answer ``{}`` (key absent) is an empty list."""
    if not isinstance(data, dict):
        raise BolMalformedResponseError(
            f"expected a JSON object with {key!r}",
            endpoint=endpoint,
            request_id=_answer_request_id.get(),
        )
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise BolMalformedResponseError(
            f"{key!r} is not a list", endpoint=endpoint, request_id=_answer_request_id.get()
        )
    return value


def _shape_error(
    exc: pydantic.ValidationError, endpoint: str, request_id: str | None
) -> BolMalformedResponseError:
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(part) for part in first.get("loc", ())) or "(root)"
    return BolMalformedResponseError(
        f"bol.com answer does not have the expected shape ({exc.error_count()} problem(s), "
        f"first at {where}: {first.get('msg', '')})",
        endpoint=endpoint,
        request_id=request_id,
    )
