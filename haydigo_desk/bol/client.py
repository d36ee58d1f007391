"""The asynchronous bol.com Retailer API client: every resource on one transport.

One ``BolClient`` per account, living on the sync worker's event loop, so that one token cache
and one rate limiter see all of that account's traffic. How a request is sent, paced, retried
and read is ``bol/transport.py``; the endpoints are grouped by resource in ``bol/api/``.
Nothing but ``BolError`` (and ``ValueError`` for a caller's bad argument) leaves the client.
"""

from __future__ import annotations

from haydigo_desk.bol.api.content import CATALOG_LANGUAGES, MAX_IMAGE_BYTES, ContentApi
from haydigo_desk.bol.api.offers import OffersApi
from haydigo_desk.bol.api.orders import ORDERS_PAGE_SIZE, OrdersApi
from haydigo_desk.bol.api.process_status import ProcessStatusApi
from haydigo_desk.bol.api.returns import ReturnsApi
from haydigo_desk.bol.api.shipments import ShipmentsApi
from haydigo_desk.bol.api.shipping_labels import ShippingLabelsApi
from haydigo_desk.bol.bodies import MAX_SHIPMENT_ITEMS, ShipmentLine, shipment_body
from haydigo_desk.bol.models_labels import ShippingLabel
from haydigo_desk.bol.transport import DEFAULT_DEADLINE_S, DEFAULT_TIMEOUT, USER_AGENT

__all__ = [
    "CATALOG_LANGUAGES",
    "DEFAULT_DEADLINE_S",
    "DEFAULT_TIMEOUT",
    "MAX_IMAGE_BYTES",
    "MAX_SHIPMENT_ITEMS",
    "ORDERS_PAGE_SIZE",
    "USER_AGENT",
    "BolClient",
    "ShipmentLine",
    "ShippingLabel",
    "shipment_body",
]


class BolClient(OrdersApi, ShipmentsApi, ShippingLabelsApi, ReturnsApi, ProcessStatusApi,
                OffersApi, ContentApi):
    """bol.com Retailer API for one account. Use ``async with BolClient(...) as bol:``."""
