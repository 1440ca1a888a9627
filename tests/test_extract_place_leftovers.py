"""Two readings of places kept apart from the measured rules (neutral on dev-read and dev-check).

A town after a bearing ("in central Karachi") and a country's unit kind before "of" ("the US state of
Ohio"), on sentences written for these tests.
"""

from __future__ import annotations

from claimdiff import extract
from claimdiff._model.places import place_key


def _keys(text: str) -> list[tuple[object, ...]]:
    return [
        place_key(c.claim.scope.place)
        for c in extract(text, published="2024-05-02", outlet="Example")
    ]


def test_a_town_after_a_bearing_is_the_town() -> None:
    """ "at a bus stop in central Lahore": Lahore, in Punjab."""
    text = "Three people were hurt at a bus stop in central Lahore on Friday."
    assert _keys(text) == [place_key("Pakistan > Punjab > Lahore")]


def test_a_countrys_unit_kind_before_of_is_no_place() -> None:
    """ "in the US state of Ohio": Ohio; "the US states of Ohio and Utah": their country."""
    assert _keys("Tornadoes killed 7 people in the US state of Ohio.") == [
        place_key("United States > Ohio")
    ]
    assert _keys("Tornadoes killed 7 people in the US states of Ohio and Utah.") == [
        place_key("United States")
    ]
