"""How typed weights and sides are read (the product dialog and the CSV import share it)."""

from __future__ import annotations

import pytest

from haydigo_desk.domain.dimensions import (
    MAXIMUM,
    Dimensions,
    Measure,
    MeasureError,
    MeasureProblem,
    parse_measure,
)


@pytest.mark.parametrize(("text", "value"), [
    ("250", 250), (" 250 ", 250), ("12,5", 13), ("12.5", 13), ("0,2", 1), ("1 000", 1000),
    ("", None), ("   ", None), ("100000", 100_000),
])
def test_values_are_whole_units_rounded_up(text, value):
    assert parse_measure(Measure.WEIGHT, text) == value


@pytest.mark.parametrize(("text", "problem"), [
    ("-5", MeasureProblem.NEGATIVE), ("-0,5", MeasureProblem.NEGATIVE),
    ("0", MeasureProblem.ZERO), ("0,0", MeasureProblem.ZERO),
    ("abc", MeasureProblem.NOT_A_NUMBER), ("12 kg", MeasureProblem.NOT_A_NUMBER),
    ("1.250,5", MeasureProblem.NOT_A_NUMBER), ("1e3", MeasureProblem.NOT_A_NUMBER),
    ("١٢", MeasureProblem.NOT_A_NUMBER), ("--5", MeasureProblem.NOT_A_NUMBER),
    ("3001", MeasureProblem.TOO_LARGE), ("8712345678906", MeasureProblem.TOO_LARGE),
])
def test_refused_values_say_why(text, problem):
    with pytest.raises(MeasureError) as caught:
        parse_measure(Measure.LENGTH, text)
    assert caught.value.problem is problem
    assert caught.value.measure is Measure.LENGTH


def test_maxima_are_per_measure():
    assert parse_measure(Measure.WEIGHT, str(MAXIMUM[Measure.WEIGHT])) == 100_000
    assert parse_measure(Measure.HEIGHT, "3000") == 3000
    with pytest.raises(MeasureError):
        parse_measure(Measure.HEIGHT, "3000,1")


def test_sides_are_sorted_and_unknown_when_one_is_missing():
    assert Dimensions(100, 20, 300, 50).sides_mm == (300, 50, 20)
    assert Dimensions(100, 20, None, 50).sides_mm is None
    assert Dimensions(100, 20, 300, 50).complete
    assert not Dimensions(None, 20, 300, 50).complete
