"""The place a text gives its event, and the figures it narrows (ANNOTATION.md rules 19 and 30).

Example tests on short sentences written for these tests.
"""

from __future__ import annotations

from claimdiff import extract
from claimdiff._model.places import place_key


def _keys(text: str) -> list[tuple[object, ...]]:
    return [
        place_key(c.claim.scope.place)
        for c in extract(text, published="2024-03-20", outlet="Example")
    ]


def test_the_narrowest_event_place_counts_though_the_text_first_names_the_country() -> None:
    """The bombing "in Somalia", then "in Mogadishu": the headline's toll is the city's."""
    text = (
        "Toll From March Somalia Bombing Climbs to 40\n\n"
        "The number of dead from a car bombing in Somalia in March now stands at 40, according "
        "to a panel.\n\n"
        "The panel was set up after the March 3 bombing in Mogadishu."
    )
    assert place_key("Somalia > Banaadir > Mogadishu") in _keys(text)


def test_an_event_placed_only_in_its_country_narrows_nothing() -> None:
    """With no narrower place for the event, its figures stay in the country."""
    text = (
        "Toll From March Somalia Bombing Climbs to 40\n\n"
        "The number of dead from a car bombing in Somalia in March now stands at 40, according "
        "to a panel."
    )
    assert set(_keys(text)) == {place_key("Somalia")}
