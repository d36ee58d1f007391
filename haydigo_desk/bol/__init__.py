"""bol.com Retailer API client: auth, rate limits, retries, typed errors, lenient models.

Typical use, one client per account on the sync worker's loop::

    credentials = load_credentials(account.client_id)          # keyring or environment
    async with BolClient(credentials, BolEnvironment.production()) as bol:
        orders = await bol.list_orders(change_interval_minute=15)
        status = await bol.create_shipment(["6107434013"], transporter_code="TNT",
                                           track_and_trace="3SABCD1234567")
    client.stats.snapshot()  # requests, retries and 429s per endpoint for the sync report

Importing the package itself loads none of its modules: each name below comes from its module
the first time it is asked for (PEP 562). A module such as ``haydigo_desk.bol.models_labels``
can so be imported without the HTTP client and httpx.
"""

from __future__ import annotations

import importlib
from typing import Any

# Where each public name lives.
_HOMES: dict[str, str] = {
    "ClientCredentials": "haydigo_desk.bol.auth",
    "BolClient": "haydigo_desk.bol.client",
    "ShipmentLine": "haydigo_desk.bol.bodies",
    "ShippingLabel": "haydigo_desk.bol.models_labels",
    "shipment_body": "haydigo_desk.bol.bodies",
    "KEYRING_SERVICE": "haydigo_desk.bol.credentials",
    "SECRET_ENV_VAR": "haydigo_desk.bol.credentials",
    "SecretStoreUnavailableError": "haydigo_desk.bol.credentials",
    "delete_client_secret": "haydigo_desk.bol.credentials",
    "has_client_secret": "haydigo_desk.bol.credentials",
    "load_client_secret": "haydigo_desk.bol.credentials",
    "load_credentials": "haydigo_desk.bol.credentials",
    "store_client_secret": "haydigo_desk.bol.credentials",
    "BolEnvironment": "haydigo_desk.bol.environments",
    "BolAccountInactiveError": "haydigo_desk.bol.errors",
    "BolAuthenticationError": "haydigo_desk.bol.errors",
    "BolConfigurationError": "haydigo_desk.bol.errors",
    "BolError": "haydigo_desk.bol.errors",
    "BolForbiddenError": "haydigo_desk.bol.errors",
    "BolMalformedResponseError": "haydigo_desk.bol.errors",
    "BolNetworkError": "haydigo_desk.bol.errors",
    "BolNotFoundError": "haydigo_desk.bol.errors",
    "BolRateLimitedError": "haydigo_desk.bol.errors",
    "BolRequestError": "haydigo_desk.bol.errors",
    "BolServerError": "haydigo_desk.bol.errors",
    "BolUnexpectedResponseError": "haydigo_desk.bol.errors",
    "BolValidationError": "haydigo_desk.bol.errors",
    "CancellationReason": "haydigo_desk.bol.models",
    "Order": "haydigo_desk.bol.models",
    "ProcessState": "haydigo_desk.bol.models",
    "ProcessStatus": "haydigo_desk.bol.models",
    "ReducedOrder": "haydigo_desk.bol.models",
    "ReducedShipment": "haydigo_desk.bol.models",
    "ProductAsset": "haydigo_desk.bol.models_content",
    "Offer": "haydigo_desk.bol.models_offers",
    "RetryPolicy": "haydigo_desk.bol.retry",
    "ApiStats": "haydigo_desk.bol.stats",
    "EndpointStats": "haydigo_desk.bol.stats",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
