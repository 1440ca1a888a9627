"""A place the next sentence gives a figure (ANNOTATION.md rule 28), on sentences written for these tests."""

from __future__ import annotations

from claimdiff import extract
from claimdiff._model.places import place_key


def _keys(text: str) -> list[tuple[object, ...]]:
    return [
        place_key(c.claim.scope.place)
        for c in extract(text, published="2024-05-02", outlet="Example")
    ]


def test_the_thing_located_in_the_next_sentence_is_placed_there() -> None:
    """ "destroyed three depots in Iraq. The depots were located in Basra": Basra's."""
    text = (
        "Coalition aircraft destroyed three depots in Iraq on Tuesday. The depots were located "
        "in Basra, officials said."
    )
    assert _keys(text)[0][:2] == place_key("Iraq > Basra")[:2]


def test_a_site_located_near_a_town_is_the_towns_subdivision() -> None:
    """ "The bunkers were situated near Mosul": Ninawa, not the city (rule 30)."""
    text = "Jets hit four bunkers at 9 P.M. Baghdad time. The bunkers were situated near Mosul."
    assert _keys(text) == [place_key("Iraq > Ninawa")]


def test_a_total_the_figure_is_taken_from_keeps_its_place() -> None:
    """ "said 9 of the 11 drones were downed ... the intercepts took place over X": the 11 keeps its place."""
    text = (
        "The army said 9 of the 11 drones were downed in Ukraine. The intercepts took place "
        "over the Mykolaiv region, it said."
    )
    assert sorted(_keys(text)) == [place_key("Ukraine"), place_key("Ukraine > Mykolaiv Oblast")]


def test_another_thing_located_next_places_nothing() -> None:
    """ "The talks took place in Geneva": not the figure's thing, no place of its figure."""
    text = "Shelling killed six civilians in Syria on Monday. The talks took place in Geneva."
    assert _keys(text) == [place_key("Syria")]
