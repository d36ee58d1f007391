"""bol.com's versioned media types.

bol versions per resource: orders, shipments, process status and products speak v10; offers
moved to v11 (the v10 offer endpoints are deprecated). Every call, GET included, must name its
version in ``Accept`` and, with a body, in ``Content-Type``.
"""

from __future__ import annotations

V10_JSON = "application/vnd.retailer.v10+json"
V10_CSV = "application/vnd.retailer.v10+csv"
V10_PDF = "application/vnd.retailer.v10+pdf"
V11_JSON = "application/vnd.retailer.v11+json"

# The token endpoint is plain OAuth2, not a versioned bol resource.
TOKEN_ACCEPT = "application/json"
FORM = "application/x-www-form-urlencoded"
