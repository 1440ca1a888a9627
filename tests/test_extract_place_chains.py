"""Places below the first-level subdivision: chains of units, places in brackets, peers of one level.

Example tests on sentences written for these tests; properties state the laws (a month, a weekday or an
event's name is never a figure's place).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._extract._place import places_named
from claimdiff._model.places import place_key


def _places(text: str) -> list[tuple[str, ...]]:
    return [c.claim.scope.place for c in extract(text, published="2024-03-01", outlet="Example")]


def test_a_chain_of_units_keeps_each_link_named_with_its_kind() -> None:
    """ "the X area of Y District of Z Province": the district between the place and its province is kept."""
    text = (
        "Afghan officials said two children were killed in the Abpashak area of Nahr-e-Saraj "
        "District of Hilmand Province."
    )
    assert [place_key(p) for p in _places(text)] == [
        place_key("Afghanistan > Helmand > Nahr-e-Saraj District > Abpashak")
    ]


def test_a_subdivision_in_another_transliteration_heads_a_longer_path() -> None:
    """ "Hilmand Province" is ISO's Helmand also when places below it follow in the path."""
    assert place_key(
        ("Afghanistan", "Hilmand Province", "Nahr-e-Saraj District", "X")
    ) == place_key("Afghanistan > Helmand > Nahr-e-Saraj District > X")


def test_a_known_place_in_brackets_is_where_the_place_before_it_lies() -> None:
    """ "Danba County (Sichuan Province)": the county in Sichuan, not under China alone."""
    text = (
        "China - Landslide\n\nA landslide in Danba County (Sichuan Province) left 3 people missing."
    )
    assert [place_key(p) for p in _places(text)] == [place_key("China > Sichuan > Danba County")]


def test_a_bracketed_chain_keeps_only_the_known_place() -> None:
    """ "Chosica (Luringacho District, Department of Lima)": no district link from inside the brackets."""
    s = "Eight people died in Chosica (Luringacho District, Department of Lima)."
    assert all("Luringacho District" not in p for _, p in places_named(s, 0, len(s)))


def test_a_county_lies_within_the_region_the_story_names() -> None:
    """A county named with its kind is below the lead's province, not its peer under the country."""
    text = (
        "China - Landslide\n\nA landslide occurred in Qinghai province, north-western China, on 30 August.\n\n"
        "Local media reported that 90 people have been evacuated from a village in Machin county."
    )
    assert [place_key(p) for p in _places(text)] == [place_key("China > Qinghai > Machin county")]


def test_a_province_named_with_its_kind_stays_a_peer() -> None:
    """ "190 deaths in Taroudant Province" after "Al Haouz Province" is not within Al Haouz."""
    text = (
        "In Al Haouz Province, 1,300 people died. 190 deaths were reported in Taroudant Province."
    )
    keys = [place_key(p) for p in _places(text)]
    assert len(keys) == 2
    assert keys[1][:2] != keys[0][:2]


def test_a_bare_name_beside_units_named_with_their_kind_is_the_unit() -> None:
    """ "over the Belgorod region, four drones over Bryansk and ... the Moscow region": Bryansk is the region."""
    s = (
        "The ministry said it destroyed five drones over the Belgorod region, four drones over "
        "Bryansk and another drone over the Moscow region."
    )
    assert ("Russia", "Bryansk Oblast") in [p for _, p in places_named(s, 0, len(s))]


def test_a_bare_town_alone_stays_the_town() -> None:
    """Without a unit named with its kind beside it, "in Belgorod" is the town."""
    s = "Three people were injured in Belgorod on Saturday."
    assert [place_key(p) for _, p in places_named(s, 0, len(s))] == [
        place_key("Russia > Belgorod Oblast > Belgorod")
    ]


def test_a_headline_event_name_is_no_place() -> None:
    """ "Hundreds Killed in Suspected Boko Haram Attacks in Nigeria": the attacks are no place."""
    assert _places("Hundreds Killed in Suspected Boko Haram Attacks in Nigeria") == [("Nigeria",)]


def test_a_name_after_of_is_a_place_when_a_known_place_follows_it() -> None:
    """ "the central community of Joplin, Missouri": Missouri vouches for Joplin."""
    s = "A storm in the central community of Joplin, Missouri killed 161 people."
    assert [place_key(p) for _, p in places_named(s, 0, len(s))] == [
        place_key("United States > Missouri > Joplin")
    ]


_CALENDAR = st.sampled_from(
    ["January", "March", "June", "December", "Monday", "Friday", "Jan.", "Sept."]
)
_EVENTS = st.sampled_from(["Attacks", "Bombing", "Floods", "Earthquake", "Massacre", "Raids"])
_WORDS = st.from_regex(r"[A-Z][a-z]{3,8}", fullmatch=True)


@given(n=st.integers(2, 10_000), when=_CALENDAR)
def test_a_month_or_a_weekday_is_never_a_place(n: int, when: str) -> None:
    """Law: a calendar word after "in"/"on" is a date, never the place of the figure."""
    for place in _places(f"Officials said {n} people were killed in {when}."):
        assert not any(when.rstrip(".") in part for part in place)


@given(n=st.integers(2, 10_000), name=_WORDS, event=_EVENTS)
def test_an_unknown_name_ending_in_an_event_noun_is_never_a_place(
    n: int, name: str, event: str
) -> None:
    """Law: "in Xyz Attacks" names an event; no place path ends in its event noun."""
    for place in _places(f"{n} Killed in {name} {event} in Nigeria"):
        assert not any(part.endswith(event) for part in place)


def test_the_lead_narrowest_place_on_one_path_is_the_story_place() -> None:
    """A lead naming a country and a town in it places the story's later figures in the town."""
    text = (
        "Nigeria: Dozens of Militants Killed\n\n"
        "In Nigeria, gunmen attacked a military base in the northeastern town of Damboa.\n\n"
        "An army spokesman says troops killed 53 militants during the attack."
    )
    # the headline's "Dozens of Militants Killed" is a figure too (a title-case headline): the same place
    assert {place_key(p) for p in _places(text)} == {place_key("Nigeria > Borno > Damboa")}


def test_a_lead_naming_places_apart_keeps_its_first() -> None:
    """A lead whose places do not lie one within another gives no town to the story."""
    text = (
        "Pakistan: Quake Kills Hundreds\n\n"
        "A quake struck southwestern Pakistan near the border with Iran.\n\n"
        "Officials said 348 people were killed."
    )
    # the headline's "Hundreds" and the body's 348 are both figures (ANNOTATION.md rule 4): each in Pakistan
    assert {place_key(p) for p in _places(text)} == {place_key("Pakistan")}


@given(n=st.integers(2, 10_000), name=st.sampled_from(["African", "Asian", "Andean", "Balkan"]))
def test_a_word_before_country_or_nation_is_no_place(n: int, name: str) -> None:
    """Law: "the African country" qualifies the country; the adjective is never a place."""
    for noun in ("country", "nation", "continent"):
        text = f"Floods in Niger affected {n} people in the {name} {noun}."
        assert all(name not in part for place in _places(text) for part in place)


def test_units_named_with_their_kind_meet_their_bare_names() -> None:
    """ "Bama LGA", "Khyber Agency", "Dushanbe independent city": the kind of unit is no part of the name."""
    assert place_key("Nigeria > Borno > Bama LGA") == place_key("Nigeria > Borno > Bama")
    assert place_key("Pakistan > Khyber Pakhtunkhwa > Khyber Agency") == place_key(
        "Pakistan > Khyber Pakhtunkhwa > Khyber"
    )
    assert place_key("Tajikistan > Dushanbe independent city") == place_key("Tajikistan > Dushanbe")


def test_an_ampersand_reads_and() -> None:
    """UCDP's "Azad Jammu & Kashmir" is ISO's Azad Jammu and Kashmir."""
    assert place_key("Pakistan > Azad Jammu & Kashmir") == place_key(
        "Pakistan > Azad Jammu and Kashmir"
    )
    assert len(place_key("Pakistan > Azad Jammu & Kashmir")[1]) > 2


def test_a_figure_placed_at_its_country_takes_its_event_place() -> None:
    """ "the attack in the Sagaing area", then "at least 50 people were killed in the airstrike": in Sagaing."""
    text = (
        "Junta Confirms Deadly Airstrike\n\n"
        "A spokesman said the attack in the Sagaing area in northwest Myanmar was conducted on Tuesday.\n\n"
        "News outlets say at least 50 people were killed in the airstrike."
    )
    assert [place_key(p) for p in _places(text)] == [place_key("Myanmar > Sagaing")]


def test_a_place_where_the_event_struck_is_its_event_place() -> None:
    """ "in the province of Gansu, where the quakes struck": the toll of the quakes is Gansu's."""
    text = (
        "Death Toll from China Quake Rises\n\n"
        "Rescuers in northwest China search the rubble as the death toll climbed to 94.\n\n"
        "Soldiers dug through houses in the province of Gansu, where the quakes struck early Monday."
    )
    assert [place_key(p) for p in _places(text)] == [place_key("China > Gansu")]


def test_events_in_places_apart_place_no_figure() -> None:
    """Two events in two provinces: a figure placed at the country stays there."""
    text = (
        "Afghanistan: Clashes\n\n"
        "Officials say 12 soldiers were killed in Afghanistan on Sunday.\n\n"
        "The fighting in Badghis province lasted hours; the attack in Kunar province was repelled."
    )
    assert [place_key(p) for p in _places(text)] == [place_key("Afghanistan")]


def test_an_event_place_no_subdivision_holds_places_no_figure() -> None:
    """ "the attack at Tower 22": a name the gazetteer puts in no subdivision moves no figure."""
    text = (
        "Three U.S. soldiers were killed in Jordan, officials said.\n\n"
        "The attack at Tower 22 came overnight."
    )
    assert [place_key(p) for p in _places(text)] == [place_key("Jordan")]


def test_an_event_named_after_its_place_places_it() -> None:
    """ "The 2011 Van earthquake ... struck eastern Turkey": its toll, placed at Turkey, is Van's."""
    text = (
        "The 2011 Van earthquake struck eastern Turkey on a Sunday afternoon. "
        "As many as 1,000 people were feared dead."
    )
    assert [place_key(p) for p in _places(text)] == [place_key("Turkey > Van")]


def test_a_lead_that_goes_on_to_other_countries_gives_no_place() -> None:
    """An overview naming Liberia, then Guinea and Niger, is no story of Liberia's."""
    text = (
        "In this bulletin, the Ebola outbreak in Liberia is declared over. "
        "Cases are on the increase in Guinea. A meningitis outbreak is reported in Niger.\n\n"
        "The ministry notified 6179 suspected cases of meningitis."
    )
    assert all(place_key(p)[:1] != place_key("Liberia") for p in _places(text))
