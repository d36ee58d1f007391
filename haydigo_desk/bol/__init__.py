"""bol.com Retailer API client: auth, rate limits, retries, typed errors, lenient models.

Typical use, one client per account on the sync worker's loop::

    credentials = load_credentials(account.client_id)          # keyring or environment
    async with BolClient(credentials, BolEnvironment.production()) as bol:
        orders = await bol.list_orders(change_interval_minute=15)
        status = await bol.create_shipment(["6107434013"], transporter_code="TNT",
                                           track_and_trace="3SABCD1234567")
    client.stats.snapshot()  # requests, retries and 429s per endpoint for the sync report
"""

from haydigo_desk.bol.auth import ClientCredentials
from haydigo_desk.bol.client import BolClient, ShipmentLine, ShippingLabel, shipment_body
from haydigo_desk.bol.credentials import (
    KEYRING_SERVICE,
    SECRET_ENV_VAR,
    SecretStoreUnavailableError,
    delete_client_secret,
    has_client_secret,
    load_client_secret,
    load_credentials,
    store_client_secret,
)
from haydigo_desk.bol.environments import BolEnvironment
from haydigo_desk.bol.errors import (
    BolAccountInactiveError,
    BolAuthenticationError,
    BolConfigurationError,
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
    CancellationReason,
    Order,
    ProcessState,
    ProcessStatus,
    ReducedOrder,
    ReducedShipment,
)
from haydigo_desk.bol.models_content import ProductAsset
from haydigo_desk.bol.models_offers import Offer
from haydigo_desk.bol.retry import RetryPolicy
from haydigo_desk.bol.stats import ApiStats, EndpointStats

__all__ = [
    "KEYRING_SERVICE",
    "SECRET_ENV_VAR",
    "ApiStats",
    "BolAccountInactiveError",
    "BolAuthenticationError",
    "BolClient",
    "BolConfigurationError",
    "BolEnvironment",
    "BolError",
    "BolForbiddenError",
    "BolMalformedResponseError",
    "BolNetworkError",
    "BolNotFoundError",
    "BolRateLimitedError",
    "BolRequestError",
    "BolServerError",
    "BolUnexpectedResponseError",
    "BolValidationError",
    "CancellationReason",
    "ClientCredentials",
    "EndpointStats",
    "Offer",
    "Order",
    "ProcessState",
    "ProcessStatus",
    "ProductAsset",
    "ReducedOrder",
    "ReducedShipment",
    "RetryPolicy",
    "SecretStoreUnavailableError",
    "ShipmentLine",
    "ShippingLabel",
    "delete_client_secret",
    "has_client_secret",
    "load_client_secret",
    "load_credentials",
    "shipment_body",
    "store_client_secret",
]
