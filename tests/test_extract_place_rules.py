"""Place rules of issue 22 (item 5), each on sentences of the project's own, and the laws they keep.

Where a figure is: a town called a city is the town, not the region named like it; "X, Country" is X
in that country; a name the gazetteer puts in a country the text never names is read in the text's
country, else left at that country; a source's seat and a report's dateline are no figure's place;
an old spelling of a capital that is a unit of its own is that capital; a second-level ISO unit lies
under its first-level unit.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._extract._home import body_country, dateline_country
from claimdiff._extract._line_label import label_place
from claimdiff._extract._place_choice import heading_places
from claimdiff._extract._placing import Placing
from claimdiff._model.claim import Source
from claimdiff._model.places import DEFAULT_GAZETTEER, _iso, place_key
from claimdiff._model.places_below import _index


def places(text: str) -> list[str]:
    """The place of every candidate of ``text``, as written."""
    return [
        " > ".join(c.claim.scope.place)
        for c in extract(text, published="2024-03-01", outlet="Example News")
    ]


def test_an_old_spelling_of_a_capital_that_is_a_unit_of_its_own_is_the_capital() -> None:
    """ "Kiev" is the city of Kyiv (UA-30), not a town of Kyiv Oblast; "Kiev region" is the oblast."""
    assert place_key("Kiev") == place_key("Kyiv") == ("UA", "UA-30")
    assert place_key("Ukraine > Kiev") == ("UA", "UA-30")
    assert place_key("Kiev region") == place_key("Kyiv Oblast") == ("UA", "UA-32")
    assert place_key("Moskva") == place_key("Moscow") == ("RU", "RU-MOW")
    assert places("Nine people were killed in Kiev.") == ["Ukraine > Kyiv"]


def test_a_region_s_own_name_without_its_kind_stays_the_region() -> None:
    """ "Kyivshchyna" names the region, though written without "oblast"."""
    assert place_key("Kyivshchyna") == ("UA", "UA-32")


def test_the_city_of_a_name_is_the_town_not_the_region() -> None:
    """ "the city of Zaporizhzhia" and "Odesa city" are the towns, inside the regions named like them."""
    assert places(
        "At least 23 people were killed near the southern Ukrainian city of Zaporizhzhia."
    ) == ["Ukraine > Zaporizhzhia Oblast > Zaporizhzhia"]
    assert places("Five were killed in Odesa city.") == ["Ukraine > Odesa Oblast > Odesa city"]
    assert places("Nine were killed in the city of Kyiv.") == ["Ukraine > Kyiv"]
    assert places("Nine died in Gaza City.") == ["Palestine > Gaza Strip > Gaza City"]


def test_a_place_then_its_country_is_the_place_in_that_country() -> None:
    """ "Tripoli, Lebanon" is Lebanon's Tripoli, never Libya's nor no place at all."""
    assert places("At least 20 people died in Tripoli, Lebanon.") == [
        "Lebanon > Ash Shimal > Tripoli"
    ]
    assert places("At least 20 people died in Tripoli, Libya.") == ["Libya > Tarabulus"]


def test_a_possessive_ending_a_name_is_the_name() -> None:
    """ "in Pakistan's powerful quake" is in Pakistan, not a place called "Pakistan's"."""
    assert places("The toll in Pakistan's powerful quake rose to 272.") == ["Pakistan"]


def test_a_name_of_a_country_never_named_is_read_in_the_country_of_the_text() -> None:
    """In a report about Pakistan, "Kashmir" is no Indian state: the text never names India."""
    text = (
        "Pakistan earthquake\n\n"
        "Officials said 348 people were killed in Pakistan's Baluchistan province.\n\n"
        "It was the worst to hit Pakistan since 2005, when a quake near Kashmir killed at least "
        "73,000 people."
    )
    assert places(text) == ["Pakistan > Balochistan", "Pakistan"]


def test_a_country_written_anywhere_may_hold_the_places_of_its_figures() -> None:
    """ "Russia's defence ministry ... over Belgorod": the text writes Russia, so Belgorod stays Russian."""
    text = (
        "Ukraine's air force said it shot down 12 drones over Kharkiv region; Russia's defence "
        "ministry said it downed 20 Ukrainian drones over Belgorod."
    )
    assert places(text) == ["Ukraine > Kharkiv Oblast", "Russia > Belgorod Oblast > Belgorod"]


def test_a_town_the_gazetteer_knows_is_not_put_in_another_clause_s_region() -> None:
    """ "In Juba" after "in Upper Nile state" is Juba, wherever the gazetteer puts it, not Upper Nile's."""
    text = (
        "Violence escalated in Upper Nile state. In Juba, 73 suspected cases of cholera have been "
        "recorded."
    )
    assert places(text)[-1] == "South Sudan > Central Equatoria > Juba"


def test_a_unit_named_with_its_kind_is_its_neighbour_s_peer() -> None:
    """ "5 deaths in Taroudant Province" after "in Al Haouz Province" is not inside Al Haouz."""
    found = places(
        "Officials said 290 deaths were recorded in Al Haouz Province, 190 deaths in Taroudant "
        "Province and 3 deaths in Greater Casablanca."
    )
    assert found[0] == "Morocco > Marrakech-Safi > Al Haouz Province"
    assert "Al Haouz" not in found[1]
    assert "Al Haouz" not in found[2]


def test_where_a_source_sits_or_speaks_is_no_figure_s_place() -> None:
    """ "the monitor based in Britain", "told Reuters in Nairobi": the source's seat, not the figure's place."""
    assert places("In Syria, 12 people were killed, the monitor based in Britain said.") == [
        "Syria"
    ]
    assert places(
        "Kenya hosts refugees. Speaking in Nairobi, the minister said 12 people died."
    ) == ["Kenya"]


def test_a_dateline_is_no_place_but_gives_the_text_its_country() -> None:
    """ "PESHAWAR:" and "KYIV, Jan 2 (Reuters) -" say where the report was filed; the figures are the country's."""
    assert places("PESHAWAR: Twelve people died in the blast, police said.") == ["Pakistan"]
    assert places("Peshawar: The death toll rose to 12, police said.") == ["Pakistan"]
    assert places(
        "KYIV, Jan 2 (Reuters) - Russia launched 40 drones overnight, the air force said."
    ) == ["Ukraine"]
    assert dateline_country("TAMPA, Fla. - Forces destroyed three drones.") == {"US"}
    assert dateline_country("Twelve people died in Kenya.") == set()


def test_a_label_that_is_a_place_still_places_its_line() -> None:
    """ "Kharkiv: five killed" and "EL SALVADOR: The ministry ..." label their lines."""
    assert label_place("Kharkiv: five people were killed.", 0) == ("Kharkiv",)
    assert label_place("EL SALVADOR: The ministry said 12 died.", 0) == ("EL SALVADOR",)
    assert label_place("PESHAWAR: The ministry said 12 died.", 0) is None


@pytest.mark.parametrize(
    ("name", "party", "country"),
    [
        ("Ukraine", None, ("Ukraine",)),
        ("Kenya Red Cross", None, ("Kenya",)),
        ("Ukrainian Air Force", "Ukraine", ("Ukraine",)),
        ("Georgia Taylor", None, ()),
        ("U.S. Central Command", None, ()),
    ],
)
def test_a_body_s_country(name: str, party: str | None, country: tuple[str, ...]) -> None:
    """A body speaks for its party's country or the one its name is or opens with; a person or a force abroad does not."""
    assert body_country(DEFAULT_GAZETTEER, Source(name, party=party)) == country


def test_a_body_s_country_places_its_unplaced_figures() -> None:
    """ "Ukraine said 12 drones were downed": the figure is Ukraine's, the text naming no other place."""
    assert places("Ukraine said 12 drones were downed.") == ["Ukraine"]


def test_a_second_level_unit_lies_under_its_first_level_unit() -> None:
    """A district named with or without its region, or with its kind, is one place (ISO 3166-2 second level)."""
    assert (
        place_key("Malawi > Karonga")
        == place_key("Malawi > Northern Region > Karonga")
        == place_key("Karonga district")
        == ("MW", "MW-N", "MW-KR")
    )
    assert place_key("Philippines > Southern Leyte") == ("PH", "PH-08", "PH-SLE")
    assert place_key("Al Haouz Province") == ("MA", "MA-07", "MA-HAO")


def test_a_common_word_is_no_second_level_unit_without_its_country() -> None:
    """ "Most" (a Czech district) is no place in "Most ill persons"; nor is "Kent" without the UK named."""
    assert place_key("Most") == ("most",)
    assert place_key("Kent") == ("kent",)
    assert place_key("United Kingdom > Kent") == ("GB", "GB-ENG", "GB-KEN")


def _unique_units() -> list[tuple[str, str, str, str]]:
    """(country, parent code, code, name) of second-level units whose name no other unit of the country shares."""
    per_country, _ = _index()
    first = _iso()[2]
    out = []
    for country, table in per_country.items():
        for key, units in table.items():
            unit = units[0]
            if (
                len({u.code for u in units}) == 1
                and key == unit.name.lower()
                and key not in first.get(country, {})
            ):
                out.append((country, unit.parent, unit.code, unit.name))
    return sorted(out)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from(_unique_units()))
def test_law_a_second_level_unit_is_one_place_with_or_without_its_region(
    unit: tuple[str, str, str, str],
) -> None:
    """Law: a second-level unit named under its country, or under its country and region, has one key."""
    country, parent, code, name = unit
    country_name = _iso()[1][country]
    direct = place_key((country_name, name))
    assert direct == (country, parent, code)
    region = DEFAULT_GAZETTEER.normalise((country_name, name))[1]
    assert place_key((country_name, region, name)) == direct


#: Countries a text may be about, and first-level names of other countries that could be read as theirs.
_HOMES = ("Kenya", "Pakistan", "Ukraine", "Nigeria", "Peru", "Yemen")
_FOREIGN = sorted(
    {
        u.name
        for c, table in _iso()[2].items()
        if c not in {"KE", "PK", "UA", "NG", "PE", "YE"}
        for units in table.values()
        for u in units[:1]
        if u.name.isascii() and u.name.replace(" ", "").isalpha() and len(u.name) > 4
    }
)


@settings(max_examples=120, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from(_HOMES), st.sampled_from(_FOREIGN), st.integers(2, 900))
def test_law_a_place_is_never_chosen_outside_the_one_country_the_text_names(
    home: str, name: str, n: int
) -> None:
    """Law: in a text whose lead places it in one country and names no other, no figure is placed in another."""
    text = f"In {home}, floods hit this week.\n\nOfficials said {n} people died in {name}."
    code = place_key(home)[0]
    assume(Placing(text=text, low=text.lower()).countries_written(by_adjective=False) == {code})
    for c in extract(text, published="2024-03-01", outlet="Example News"):
        key = place_key(c.claim.scope.place)
        assert not key or not key[0].isupper() or key[0] == code, (text, c.claim.scope.place)


def test_an_abbreviated_month_or_day_is_no_place() -> None:
    """ "in Jan. and Feb." is a time, not a place called "Jan"."""
    assert places("In Kenya, floods hit. Twelve people died in Jan. and Feb., officials said.") == [
        "Kenya"
    ]


def test_a_place_inside_a_body_s_name_is_not_the_figure_s() -> None:
    """ "Agency for Palestine Refugees in the Near East" names a body, not where its staff were killed."""
    text = (
        "In Kenya, floods hit. UNRWA (the UN Relief and Works Agency for Palestine Refugees in "
        "the Near East) said 12 staff were killed."
    )
    assert places(text) == ["Kenya"]
    assert places("The Ministry of Health in Gaza said 30 people were killed.") == [
        "Palestine > Gaza Strip"
    ]


def test_a_place_s_name_may_hold_lower_case_particles() -> None:
    """ "Mar del Plata", "Rio de Janeiro": one name, not "Mar" (a month) or "Rio"."""
    assert places("Five died in Mar del Plata, Argentina.") == [
        "Argentina > Buenos Aires > Mar del Plata"
    ]
    assert places("Five died in Rio de Janeiro.") == ["Brazil > Rio de Janeiro"]


def test_after_a_headline_sentence_the_last_dash_names_who_says_so() -> None:
    """ "... in air strike on Ukraine - Kyiv": Kyiv says so; "Factsheet - Kenya" is about Kenya."""
    assert heading_places(*_whole("Missiles kill one in air strike on Ukraine - Kyiv")) == []
    assert heading_places(*_whole("Factsheet - Kenya")) == [("Kenya",)]
    assert heading_places(*_whole("Nipah virus – India")) == [("India",)]


def _whole(text: str) -> tuple[str, int, int]:
    return text, 0, len(text)


def test_a_place_set_before_a_clause_is_not_the_next_clause_s() -> None:
    """ "In Pakistan, 30 died; India reported 12 deaths": the 12 are India's, not Pakistan's."""
    assert places("In Pakistan, 30 people died; India reported 12 deaths.") == [
        "Pakistan",
        "India",
    ]


def test_a_line_s_label_holds_the_place_its_line_names() -> None:
    """ "Sudan: 12 killed in Darfur": Darfur, which the gazetteer does not know, lies in Sudan."""
    assert places("Sudan: 12 people were killed in Darfur.") == ["Sudan > Darfur"]


def test_an_acronym_is_no_place() -> None:
    """ "the highest toll in UN history": UN is a body; "the DRC" and "the UAE" are countries."""
    assert places("In Kenya, floods hit. 12 people died, the highest toll in UN history.") == [
        "Kenya"
    ]
    assert places("Five died in the UAE.") == ["United Arab Emirates"]


def test_a_headline_s_capitalised_run_opening_with_a_country_is_the_country() -> None:
    """ "Death Toll at 95 in Pakistan Volleyball Bombing": Pakistan, not a place "Pakistan Volleyball Bombing"."""
    assert places("Death Toll at 95 in Pakistan Volleyball Bombing") == ["Pakistan"]


def test_a_well_known_place_may_open_with_a_common_word() -> None:
    """ "New York City", "New Delhi", "The Hague" are places; "New cases" is not."""
    assert places("Five died in New York City.") == ["United States > New York > New York City"]
    assert places("Five died in The Hague.") == ["Netherlands > Zuid-Holland > The Hague"]
    assert places("In New cases, 5 died.") == [""]


def test_a_country_code_in_running_text_is_no_place() -> None:
    """ "AND" in a heading is a word; "RUS" written in a path is Russia."""
    assert place_key("RUS > Belgorod Oblast") == ("RU", "RU-BEL")
    assert place_key("and") == ("and",)
    assert places("Kenya floods. FLOODS AND landslides killed 12 people.") == ["Kenya"]


def test_a_numbered_region_is_known_by_its_number() -> None:
    """ "Region IX" is the Philippines' Zamboanga Peninsula (Region IX), shown by ISO's name."""
    assert place_key("Region IX") == place_key("Zamboanga Peninsula") == ("PH", "PH-09")
    assert DEFAULT_GAZETTEER.normalise("Philippines > Region X") == (
        "Philippines",
        "Northern Mindanao (Region X)",
    )


def test_in_a_title_case_headline_only_a_known_name_is_a_place() -> None:
    """ "... Attack on Military Base": capitalised by the headline, not a place; "in Mandera" is one."""
    found = places(
        "Somalia: Al-Shabaab Carries Out Deadly Attack on Military Base\n\n"
        "Officials said 12 soldiers were wounded."
    )
    assert found == ["Somalia"]
    assert places("Twelve Killed in Mandera as Floods Hit Kenya") == ["Kenya > Mandera"]
