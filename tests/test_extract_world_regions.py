"""Regions that span countries ("across Europe", "the Region of the Americas"): a place path of their own (rule 19).

Example tests on short sentences written for these tests.
"""

from __future__ import annotations

from claimdiff import extract
from claimdiff._extract._world_regions import world_region
from claimdiff._model.places import _REGIONS_ACROSS_BORDERS


def _places(text: str) -> list[tuple[str, ...]]:
    return [c.claim.scope.place for c in extract(text, published="2024-03-20", outlet="Example")]


def test_a_region_is_never_put_under_the_country_the_text_is_about() -> None:
    """A text about Spain that gives a toll "throughout Europe": Europe's, not Spain's."""
    text = "In Spain, 900 people died of the heat. The heat killed 30,000 people throughout Europe."
    assert _places(text) == [("Spain",), ("Europe",)]


def test_a_region_of_several_words_is_read_whole() -> None:
    """ "in the Horn of Africa": the region, not Africa nor a country."""
    assert _places("Drought has displaced 80,000 people in the Horn of Africa.") == [
        ("Horn of Africa",)
    ]


def test_the_countries_of_whos_region_of_the_americas_are_placed_at_the_americas() -> None:
    """A count over countries "of the Region of the Americas" is the region's (WHO's name, written Americas)."""
    text = "Health officials counted 4,200 cases of dengue in 11 countries of the Region of the Americas."
    assert _places(text) == [("Americas",)]


def test_a_body_named_after_a_region_is_no_place() -> None:
    """ "in Africa CDC's report": the name goes on with a capital, a body's, not the continent."""
    assert world_region("Africa CDC") is None
    assert ("Africa",) not in _places("In Africa CDC's report, 45 deaths were recorded in Uganda.")


def test_a_country_named_like_a_part_of_a_region_is_the_country() -> None:
    """ "South Africa" is a country; "Southern Africa" the region."""
    assert _places("Floods killed 12 people in South Africa.") == [("South Africa",)]
    assert _places("Floods killed 40 people in Southern Africa.") == [("Southern Africa",)]


def test_a_region_owning_the_event_places_its_toll() -> None:
    """ "Central Asia's floods": the toll is the region's, though most of it lies in one country named after."""
    text = "The toll of Central Asia's spring floods passed 300, most of them in Kazakhstan."
    assert _places(text) == [("Central Asia",)]


def test_a_body_a_region_owns_places_nothing() -> None:
    """ "Europe's disease agency reported ...": the body's, not where the figure is."""
    text = "In Italy, Europe's disease agency reported 40 cases of dengue."
    assert _places(text) == [("Italy",)]


def test_every_region_the_gazetteer_leaves_across_borders_is_a_world_region() -> None:
    """The model's regions across borders are among those read here (one list of such regions)."""
    assert all(world_region(name) is not None for name in _REGIONS_ACROSS_BORDERS)


def test_a_region_they_came_from_is_no_place() -> None:
    """ "brought in from countries in Asia": an origin; the figure stays where the text puts it."""
    text = "In Peru, 30 cases were confirmed, nine of them brought in from countries in Asia."
    assert _places(text) == [("Peru",), ("Peru",)]


def test_whos_other_name_of_the_americas_is_the_same_region() -> None:
    """ "countries in the Americas Region": the Americas, as "the Region of the Americas" is."""
    text = "This year 210 cases of measles were confirmed in countries in the Americas Region."
    assert _places(text) == [("Americas",)]


def test_every_region_name_holds_a_stem_of_the_quick_test() -> None:
    """The quick test before the pattern never skips a sentence that names a region."""
    from claimdiff._extract._world_regions import _NAMES, _OTHER, REGION_STEMS

    names = [*_NAMES, *(n.title() for n in _OTHER)]
    assert all(any(stem in name for stem in REGION_STEMS) for name in names)
