"""bol.com's product content: image assets and the catalogue product (title, description,
attributes), parsed leniently as ``bol/models.py`` describes."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from haydigo_desk.bol.models import BolModel, lenient_enum


class AssetUsage(StrEnum):
    PRIMARY = "PRIMARY"
    ADDITIONAL = "ADDITIONAL"
    IMAGE = "IMAGE"


# --- product assets -------------------------------------------------------------------------------


class AssetVariant(BolModel):
    size: str | None = None
    width: int | None = None
    height: int | None = None
    mime_type: str | None = None
    url: str | None = None


class ProductAsset(BolModel):
    usage: lenient_enum(AssetUsage) | None = None
    order: int = 0
    variants: list[AssetVariant] = Field(default_factory=list)

    def best_image(self) -> AssetVariant | None:
        """The largest image variant with a URL."""
        images = [
            v for v in self.variants if v.url and (v.mime_type or "image/").startswith("image/")
        ]
        return max(images, key=lambda v: (v.width or 0) * (v.height or 0), default=None)


# --- catalog product content ----------------------------------------------------------------------

NAME_ATTRIBUTE = "Name"  # bol's attribute id of the product title
DESCRIPTION_ATTRIBUTE = "Description"


def _none_as_empty(value: Any) -> Any:
    """A list bol sends as ``null`` (the spec marks some nullable) reads as an empty list."""
    return [] if value is None else value


class AttributeValue(BolModel):
    value: str | None = None
    unit_id: str | None = None
    value_id: str | None = None


class CatalogAttribute(BolModel):
    id: str | None = None
    values: Annotated[list[AttributeValue], BeforeValidator(_none_as_empty)] = Field(
        default_factory=list
    )


class Gpc(BolModel):
    chunk_id: str | None = None


class Enrichment(BolModel):
    status: int | None = None


class Party(BolModel):
    name: str | None = None
    type: str | None = None
    role: str | None = None


class Serie(BolModel):
    name: str | None = None


class AudioTrack(BolModel):
    disc_number: str | None = None
    track_number: str | None = None
    disc_side: str | None = None
    title: str | None = None
    artist_name: str | None = None
    play_time: str | None = None
    clip_url: str | None = None
    clip_type: str | None = None


class CatalogProduct(BolModel):
    """``GET /retailer/content/catalog-products/{ean}``: bol's content, in one language.

    Title and description are attributes (ids ``Name``, ``Description``), not fields. Lists
    sent as ``null`` are read as empty: one odd product must not fail the whole answer.
    """

    published: bool | None = None
    gpc: Gpc | None = None
    enrichment: Enrichment | None = None
    attributes: Annotated[list[CatalogAttribute], BeforeValidator(_none_as_empty)] = Field(
        default_factory=list
    )
    parties: Annotated[list[Party], BeforeValidator(_none_as_empty)] = Field(default_factory=list)
    audio_tracks: Annotated[list[AudioTrack], BeforeValidator(_none_as_empty)] = Field(
        default_factory=list
    )
    series: Annotated[list[Serie], BeforeValidator(_none_as_empty)] = Field(default_factory=list)

    def attribute(self, attribute_id: str) -> str | None:
        """The first non-empty value of an attribute, stripped; None when bol has none."""
        for attribute in self.attributes:
            if attribute.id != attribute_id:
                continue
            for item in attribute.values:
                if item.value and item.value.strip():
                    return item.value.strip()
        return None

    @property
    def title(self) -> str | None:
        return self.attribute(NAME_ATTRIBUTE)

    @property
    def description(self) -> str | None:
        return self.attribute(DESCRIPTION_ATTRIBUTE)
