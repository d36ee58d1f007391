"""A product's weight (grams) and dimensions (millimetres), and how typed values are read.

Pure (no I/O): the product dialog and the CSV import read what a person typed with
``parse_measure``; both give the same answer and the same reasons for refusing a value.

Values are whole grams and millimetres. A decimal ("12,5" or "12.5") is accepted and rounded
*up*: for the parcel rule a product may look a little too big, never too small. Nothing is
not a value: an empty text means "unknown" (``None``), never 0.
"""

from __future__ import annotations

import enum
import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation


class Measure(enum.StrEnum):
    WEIGHT = "weight"  # grams
    LENGTH = "length"  # millimetres
    WIDTH = "width"
    HEIGHT = "height"


# Beyond these a value is a slip (an EAN typed into the field, kilograms as grams...): a
# parcel carrier takes at most ~31.5 kg and about 1.75 m on its longest side; products sold
# in pieces larger than this are not shipped from a desk like this one.
MAXIMUM: dict[Measure, int] = {
    Measure.WEIGHT: 100_000,  # 100 kg
    Measure.LENGTH: 3_000,  # 3 m
    Measure.WIDTH: 3_000,
    Measure.HEIGHT: 3_000,
}

# "1.250,5" or "1,250.5" are ambiguous in a Dutch and English shop alike: one separator only.
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


class MeasureProblem(enum.StrEnum):
    """Why a typed value is refused; the UI turns each into a sentence in NL and EN."""

    NOT_A_NUMBER = "not_a_number"
    NEGATIVE = "negative"
    ZERO = "zero"
    TOO_LARGE = "too_large"


class MeasureError(ValueError):
    def __init__(self, measure: Measure, problem: MeasureProblem, text: str) -> None:
        super().__init__(f"{measure.value}: {problem.value} ({text!r})")
        self.measure = measure
        self.problem = problem
        self.text = text


def parse_measure(measure: Measure, text: str) -> int | None:
    """Whole grams or millimetres from ``text``; None for an empty text (unknown).

    Raises ``MeasureError`` for anything else that is not a number from 1 up to the maximum.
    """
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        return None
    if cleaned.startswith("-"):
        if _NUMBER.match(cleaned[1:]):
            raise MeasureError(measure, MeasureProblem.NEGATIVE, text)
        raise MeasureError(measure, MeasureProblem.NOT_A_NUMBER, text)
    if not cleaned.isascii() or not _NUMBER.match(cleaned):
        raise MeasureError(measure, MeasureProblem.NOT_A_NUMBER, text)
    try:
        value = Decimal(cleaned.replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only numbers
        raise MeasureError(measure, MeasureProblem.NOT_A_NUMBER, text) from exc
    if value == 0:
        raise MeasureError(measure, MeasureProblem.ZERO, text)
    whole = math.ceil(value)
    if whole > MAXIMUM[measure]:
        raise MeasureError(measure, MeasureProblem.TOO_LARGE, text)
    return whole


def format_measure(value: int | None) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True, slots=True)
class Dimensions:
    """What the desk knows of one unit of a product; any of the four may be unknown."""

    weight_g: int | None = None
    length_mm: int | None = None
    width_mm: int | None = None
    height_mm: int | None = None

    @property
    def complete(self) -> bool:
        return None not in (self.weight_g, self.length_mm, self.width_mm, self.height_mm)

    @property
    def sides_mm(self) -> tuple[int, int, int] | None:
        """The three sides, longest first (a product can be turned); None when one is unknown."""
        sides = (self.length_mm, self.width_mm, self.height_mm)
        if None in sides:
            return None
        return tuple(sorted(sides, reverse=True))  # type: ignore[return-value]

    def value(self, measure: Measure) -> int | None:
        return {
            Measure.WEIGHT: self.weight_g,
            Measure.LENGTH: self.length_mm,
            Measure.WIDTH: self.width_mm,
            Measure.HEIGHT: self.height_mm,
        }[measure]
