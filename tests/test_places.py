"""Places: one path per place, from ISO 3166 countries and first-level subdivisions."""

from __future__ import annotations

import pytest

from claimdiff.places import DEFAULT_GAZETTEER, Gazetteer, place_key

pytest.importorskip("pycountry")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Russia > Belgorod region", "Russian Federation > Belgorod Oblast"),
        ("Russia's Belgorod region", "RUS > Belgorod Oblast"),
        ("Ukraine > Kharkiv region", "Kharkiv Oblast"),
        ("Afghanistan > Herat province", "Herat"),
        ("Nigeria > Borno State", "Borno"),
        ("DRC > North Kivu", "Congo, The Democratic Republic of the > North Kivu province"),
        ("Syria", "Syrian Arab Republic"),
        ("Ukraine > Odesa region", "Ukraine > Odessa Oblast"),
    ],
)
def test_same_place_same_key(a: str, b: str) -> None:
    """Spellings of one place (ISO names, common names, codes, "region" for "Oblast") share one key."""
    assert place_key(a) == place_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Russia > Belgorod Oblast", "Russia > Bryansk Oblast"),
        ("Russia > Belgorod Oblast", "Russia > Belgorod Oblast > Belgorod"),
        ("Ukraine", "Russia"),
    ],
)
def test_different_places_differ(a: str, b: str) -> None:
    """Neighbouring regions, a region and a city in it, and two countries are different places."""
    assert place_key(a) != place_key(b)


def test_city_named_like_its_oblast_stands_in_it() -> None:
    """A bare "Belgorod" is the city, placed in Belgorod Oblast in Russia."""
    assert DEFAULT_GAZETTEER.normalise("Belgorod") == ("Russia", "Belgorod Oblast", "Belgorod")


def test_unknown_places_are_kept_as_named() -> None:
    """A place the gazetteer does not know is kept as the text names it, under a known parent."""
    assert DEFAULT_GAZETTEER.normalise("Afghanistan > Herat > Zindajan") == (
        "Afghanistan",
        "Herat",
        "Zindajan",
    )
    assert DEFAULT_GAZETTEER.normalise("Muna Garage") == ("Muna Garage",)


def test_regions_across_borders_are_not_subdivisions() -> None:
    """ "Sahel" is not Burkina Faso's Sahel region when no country is named."""
    assert DEFAULT_GAZETTEER.normalise("Sahel") == ("Sahel",)


def test_gazetteer_aliases() -> None:
    """A gazetteer's own aliases name a path; the default gazetteer does not know them."""
    g = Gazetteer(aliases={"Donbas": "Ukraine > Donetsk Oblast"})
    assert g.key("Donbas") == place_key("Ukraine > Donetsk region")
    assert place_key("Donbas") != place_key("Ukraine > Donetsk region")


def test_empty_place() -> None:
    """No place is the empty path."""
    assert DEFAULT_GAZETTEER.normalise(None) == ()
    assert DEFAULT_GAZETTEER.normalise("") == ()
