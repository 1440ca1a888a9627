"""A sentence naming one place at several levels gives its clauses the narrowest (ANNOTATION.md rule 19).

Example tests on sentences written for these tests; a property states the law (the order and the
words between the levels do not change the place).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._extract._place_choice import sentence_place
from claimdiff._model.places import DEFAULT_GAZETTEER, place_key


def _places(text: str) -> list[tuple[object, ...]]:
    return [
        place_key(c.claim.scope.place)
        for c in extract(text, published="2020-01-01", outlet="Example")
    ]


@given(
    st.sampled_from(
        ["Yobe state, northeast Nigeria", "Yobe state in northeast Nigeria", "Yobe State, Nigeria"]
    )
)
def test_a_place_at_several_levels_is_the_narrowest(where: str) -> None:
    """ "killed and several homes burned in Yobe state, northeast Nigeria": every clause in Yobe."""
    text = f"At least 15 people were killed and several homes burned in {where}, residents said."
    places = _places(text)
    assert places
    assert all(p == place_key("Nigeria > Yobe") for p in places)


def test_places_on_two_paths_give_none() -> None:
    """Two places neither within the other stay no one place of the sentence."""
    low = "15 were killed and 3 are missing in yobe and kano"
    places = [(36, ("Nigeria", "Yobe")), (45, ("Nigeria", "Kano"))]
    assert sentence_place(low, places, 2, len(low), DEFAULT_GAZETTEER) == ()


def test_nested_places_give_the_narrowest() -> None:
    """The same two levels as places of the sentence: the narrower one."""
    low = "15 were killed and 3 are missing in yobe state, nigeria"
    places = [(36, ("Nigeria", "Yobe")), (49, ("Nigeria",))]
    assert place_key(sentence_place(low, places, 2, len(low), DEFAULT_GAZETTEER)) == place_key(
        "Nigeria > Yobe"
    )
