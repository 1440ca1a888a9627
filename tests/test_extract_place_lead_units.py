"""A unit named with its kind after "the" and a modifier is a place: "in the nearby Gwoza district" (rule 19).

Example tests on sentences written for these tests; a property states the law (a country's adjective
before a kind is never a unit's name).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._model.places import place_key

_LEAD = "Militants Attack Villages in Nigeria\n\nGunmen attacked a village in northeastern Nigeria on Monday.\n\n"


def _places(text: str) -> list[tuple[object, ...]]:
    return [
        place_key(c.claim.scope.place)
        for c in extract(text, published="2014-06-06", outlet="Example")
    ]


@given(st.sampled_from(["nearby", "northern", "remote", "neighbouring"]))
def test_a_modified_unit_is_the_figures_place(modifier: str) -> None:
    """ "in the nearby Gwoza district": the district, in its state, not the country alone."""
    text = _LEAD + f"Witnesses said militants killed 12 people in the {modifier} Gwoza district.\n"
    (place,) = _places(text)
    assert place[:2] == place_key("Nigeria > Borno")
    assert len(place) == 3


@given(st.sampled_from(["Polish", "Afghan", "Nigerian", "Kenyan"]))
def test_a_country_adjective_before_a_kind_is_no_unit(adjective: str) -> None:
    """Law: "in the southern <adjective> town of X" names the town after "of", never a unit called by the adjective."""
    text = (
        _LEAD + f"Officials said 13 people died in the southern {adjective} town of Szczekociny.\n"
    )
    assert all(adjective.lower() not in " ".join(map(str, p)).lower() for p in _places(text))


def test_a_river_is_no_place() -> None:
    """ "in the settlement on the Uru River in Kachin State": a river is no place path (G5); the state is."""
    text = (
        "Landslide Kills Dozens in Myanmar\n\n"
        "At least 20 people died when a landslide buried a settlement on the Uru River in Kachin State.\n"
    )
    places = _places(text)
    assert places
    assert all(p == place_key("Myanmar > Kachin") for p in places)


_PNG = (
    "Quake Kills 15 in Papua New Guinea\n\n"
    "The governor of the central Papua New Guinea region hit by an earthquake says 15 people were killed.\n\n"
    "Powi said four people in the {kind}, Mendi, were killed when their house collapsed. "
    "He says eight others were killed elsewhere.\n"
)


@given(st.sampled_from(["capital", "provincial capital", "town"]))
def test_a_settlement_named_after_its_kind_in_apposition_is_the_place(kind: str) -> None:
    """ "four people in the capital, Mendi, were killed": Mendi, within its province."""
    places = _places(_PNG.format(kind=kind))
    assert place_key("Papua New Guinea > Southern Highlands > Mendi") in places


def test_figures_elsewhere_are_not_in_the_paragraphs_place() -> None:
    """ "eight others were killed elsewhere": not in the place the paragraph has just named."""
    places = _places(_PNG.format(kind="capital"))
    assert places[-1] == place_key("Papua New Guinea")
