"""How a unit is written after a figure (``claimdiff._model.unit_words``): one rule for every view of a report."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff._formats.text_report import range_with_unit, with_unit
from claimdiff._model.unit_words import unit_words
from claimdiff.hedges import parse_estimate

# Units as claimdiff stores them after reading figures worded with them (some singular, some plural).
WORDED = [
    "20 miles",
    "1 mile",
    "3 km",
    "5 kilometres",
    "2 hours",
    "10 minutes",
    "3 feet",
    "2 foot",
    "4 inches",
    "2 tonnes",
    "7 hectares",
    "5%",
    "12 mph",
    "100 km/h",
    "5 square kilometres",
    "3 years",
    "6 acres",
    "2 days",
]
UNITS = sorted({parse_estimate(w).unit for w in WORDED})


@pytest.mark.parametrize(
    ("unit", "one", "many"),
    [
        ("mile", "mile", "miles"),
        ("minutes", "minute", "minutes"),
        ("feet", "foot", "feet"),
        ("inches", "inch", "inches"),
        ("kilometer", "kilometer", "kilometers"),
        ("day", "day", "days"),
        ("percent", "percent", "percent"),
        ("mph", "mph", "mph"),
        ("km/h", "km/h", "km/h"),
        ("km**2", "km**2", "km**2"),
        ("degC", "degC", "degC"),
        ("kilometer per hour", "kilometer per hour", "kilometers per hour"),
    ],
)
def test_a_name_agrees_with_its_figure_and_a_symbol_is_kept(unit: str, one: str, many: str) -> None:
    """After 1 a unit's name is singular, after any other figure plural; symbols are never changed."""
    assert unit_words(unit, 1) == unit_words(unit, -1.0) == one
    assert unit_words(unit, 2) == unit_words(unit, 0) == unit_words(unit, 0.5) == many
    assert unit_words(unit, None) == many  # a label for many figures (a chart's axis)


@given(unit=st.sampled_from(UNITS), figure=st.floats(allow_nan=False, allow_infinity=False))
def test_the_rule_is_the_same_whichever_form_the_unit_was_stored_in(
    unit: str, figure: float
) -> None:
    """A unit stored in the singular or the plural is written alike: applying the rule to its own output
    changes nothing, and the singular and plural forms lead to one another."""
    written = unit_words(unit, figure)
    assert unit_words(written, figure) == written
    assert unit_words(unit_words(unit, 2), 1) == unit_words(unit, 1)
    assert unit_words(unit_words(unit, 1), 2) == unit_words(unit, 2)


def test_a_range_takes_the_number_of_the_figure_next_to_its_unit() -> None:
    """English makes the unit agree with the figure just before it: "0.5 to 1 mile", "1 to 2 miles"."""
    assert range_with_unit(0.5, 1, unit="mile") == "0.5 to 1 mile"
    assert range_with_unit(1, 2, unit="mile") == "1 to 2 miles"
    assert range_with_unit(1, None, unit="minutes") == "at least 1 minute"
    assert range_with_unit(None, None, unit="mile") == "any value"
    assert with_unit("1,000", 1000.0, "foot") == "1,000 feet"
