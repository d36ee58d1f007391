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

# The first bytes of the image formats bol's media hosts serve (and older caches hold).
_IMAGE_SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def image_type(data: bytes) -> str | None:
    """The media type ``data`` really is (by its signature), or None when it is no image."""
    for signature, mime_type in _IMAGE_SIGNATURES:
        if data.startswith(signature):
            return mime_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None
