"""Does an order's set of items fit a mailbox parcel? Yes, no, or unknown, and why.

Pure (no I/O). The units are packed the way bol (and the sandbox) reckon a box: every unit
turned to lie on its largest face, stacked, so the box is as long as the longest unit, as wide
as the widest and as high as all heights together; its weight is the sum. ``FITS`` is
therefore a real packing (the stack goes through the letterbox); ``TOO_BIG`` means that stack
does not, and for one unit it cannot fit at all.

Unknown is never "fits": a unit whose weight or one of whose sides is unknown makes the
answer ``UNKNOWN`` - unless the known units alone already exceed a limit, because adding a
unit never makes a stack smaller or lighter.

The limits: bol's Retailer API names no figures of its own; each delivery option carries
``packageRestrictions`` as text ("2 kg", "38 x 26.5 x 3.2 cm"), which ``limits_from_restrictions``
reads. Until an option is at hand, ``MAILBOX`` holds PostNL's letterbox parcel
(brievenbuspakje): 380 x 265 x 32 mm and 2 kg, the figures the desk's sandbox offers mailbox
labels by.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

from haydigo_desk.domain.dimensions import Dimensions


@dataclass(frozen=True, slots=True)
class ParcelLimits:
    sides_mm: tuple[int, int, int]  # longest first
    weight_g: int


MAILBOX = ParcelLimits(sides_mm=(380, 265, 32), weight_g=2_000)


class Fit(enum.StrEnum):
    FITS = "fits"
    TOO_BIG = "too_big"
    UNKNOWN = "unknown"


class FitReason(enum.StrEnum):
    """What decided the answer, for the packer's screen and the log."""

    FITS = "fits"
    TOO_HEAVY = "too_heavy"
    TOO_LARGE = "too_large"  # a side of the stack beyond the letterbox
    UNKNOWN_DIMENSIONS = "unknown_dimensions"  # a product without weight or sides


@dataclass(frozen=True, slots=True)
class ParcelItem:
    dimensions: Dimensions
    quantity: int
    label: str = ""  # EAN or SKU, to name the product that decided the answer


@dataclass(frozen=True, slots=True)
class FitAnswer:
    fit: Fit
    reason: FitReason
    # The stack of the units whose sides are known (longest first) and their known weight.
    sides_mm: tuple[int, int, int] | None = None
    weight_g: int | None = None
    unknown: tuple[str, ...] = ()  # labels of the items without complete dimensions


def _stack(items: list[ParcelItem]) -> tuple[int, int, int] | None:
    """The sides of the stacked units whose sides are known, longest first."""
    sides = [(item.dimensions.sides_mm, item.quantity) for item in items]
    known = [(s, quantity) for s, quantity in sides if s is not None]
    if not known:
        return None
    length = max(s[0] for s, _ in known)
    width = max(s[1] for s, _ in known)
    height = sum(s[2] * quantity for s, quantity in known)
    return tuple(sorted((length, width, height), reverse=True))  # type: ignore[return-value]


def fits(items: Iterable[ParcelItem], limits: ParcelLimits = MAILBOX) -> FitAnswer:
    """Whether all units of ``items`` go in one parcel within ``limits`` (see the module)."""
    wanted = [item for item in items if item.quantity > 0]
    if not wanted:
        raise ValueError("An order with no units to ship has no parcel")
    unknown = tuple(item.label for item in wanted if not item.dimensions.complete)
    # What is known bounds the parcel from below even while something is unknown: a partly
    # known order can still be certainly too big.
    weight = sum((item.dimensions.weight_g or 0) * item.quantity for item in wanted)
    sides = _stack(wanted)
    if weight > limits.weight_g:
        return FitAnswer(Fit.TOO_BIG, FitReason.TOO_HEAVY, sides, weight, unknown)
    if sides is not None and any(
        side > limit for side, limit in zip(sides, limits.sides_mm, strict=True)
    ):
        return FitAnswer(Fit.TOO_BIG, FitReason.TOO_LARGE, sides, weight, unknown)
    if unknown:
        return FitAnswer(Fit.UNKNOWN, FitReason.UNKNOWN_DIMENSIONS, sides, weight, unknown)
    return FitAnswer(Fit.FITS, FitReason.FITS, sides, weight)


_WEIGHT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(kg|g)\s*$", re.IGNORECASE)
_SIDES = re.compile(
    r"^\s*(\d+(?:[.,]\d+)?)\s*[x×]\s*(\d+(?:[.,]\d+)?)\s*[x×]\s*(\d+(?:[.,]\d+)?)\s*(cm|mm)\s*$",
    re.IGNORECASE,
)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def limits_from_restrictions(max_weight: str, max_dimensions: str) -> ParcelLimits | None:
    """bol's ``packageRestrictions`` ("2 kg", "38 x 26.5 x 3.2 cm") as limits, or None."""
    weight = _WEIGHT.match(max_weight or "")
    sides = _SIDES.match(max_dimensions or "")
    if weight is None or sides is None:
        return None
    grams = _number(weight.group(1)) * (1000 if weight.group(2).lower() == "kg" else 1)
    factor = 10 if sides.group(4).lower() == "cm" else 1
    # Rounded down: a limit read as a hair larger than bol's would let a unit through wrongly.
    millimetres = sorted((int(_number(sides.group(n)) * factor + 1e-9) for n in (1, 2, 3)),
                         reverse=True)
    return ParcelLimits(tuple(millimetres), int(grams + 1e-9))  # type: ignore[arg-type]
