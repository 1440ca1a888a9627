"""Settlements named after their unit, chronologies' entries, and names that qualify a noun (issue 22, place).

Example tests on sentences written for these tests (none copied from a corpus text); the property states
the law of a settlement named after its unit: the settlement lies within that unit, whatever it is called.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._extract._place_settlement import settlements
from claimdiff._model.places import DEFAULT_GAZETTEER, place_key


def _places(text: str) -> list[tuple[str, ...]]:
    return [c.claim.scope.place for c in extract(text, published="2024-03-01", outlet="Example")]


def _keys(text: str) -> list[tuple[str, ...]]:
    return [place_key(p) for p in _places(text)]


def test_a_provincial_capital_named_after_its_province_is_the_town() -> None:
    """ "the Parwan capital of Charikar": Charikar, in Parwan, not Parwan alone."""
    text = "A suicide bomber struck in the Parwan capital of Charikar, killing at least 9 people."
    assert _keys(text) == [place_key("Afghanistan > Parwan > Charikar")]


def test_a_village_named_after_its_state_is_the_village_even_unknown() -> None:
    """ "the Borno State village of Kalari": a village no gazetteer knows, within the state before it."""
    text = "Gunmen stormed the Borno State village of Kalari and killed 31 people."
    assert _keys(text) == [place_key("Nigeria > Borno > Kalari")]


def test_a_city_named_after_a_province_it_shares_a_word_with_is_not_the_province() -> None:
    """ "the Sindh city of Hyderabad" is Hyderabad, not a place called "Sindh city"."""
    text = "At least 11 people died in the Sindh city of Hyderabad after heavy rain."
    assert _keys(text) == [place_key("Pakistan > Sindh > Hyderabad")]


def test_a_lower_case_kind_and_words_before_the_settlement_kind_are_read() -> None:
    """ "the Kunduz province village of X", "the Kenyan resort town of Y": the settlement, in its unit."""
    assert _keys("Insurgents killed 6 farmers in the Kunduz province village of Qarabagh.") == [
        place_key("Afghanistan > Kunduz > Qarabagh")
    ]
    assert _keys("A grenade wounded 8 people in the Kenyan resort town of Watamu.")[0][:1] == (
        "KE",
    )


def test_a_name_the_gazetteer_cannot_place_vouches_for_no_settlement() -> None:
    """ "the Capital city of X": no unit is named, so no settlement is read by this rule."""
    text = "Officials said 4 people died in the Capital city of the district."
    assert settlements(text, 0, len(text), DEFAULT_GAZETTEER) == []


_UNITS = ("Borno State", "Sindh", "Parwan", "Kunduz province", "Kachin State", "Hama")
_KINDS = ("town", "village", "city", "capital")


@given(
    unit=st.sampled_from(_UNITS),
    kind=st.sampled_from(_KINDS),
    town=st.from_regex(r"[A-Z][a-z]{3,9}", fullmatch=True),
)
def test_a_settlement_lies_within_the_unit_named_before_it(unit: str, kind: str, town: str) -> None:
    """Law: "the <unit> <kind> of <name>" is a path within the unit that ends in the settlement's name."""
    text = f"Rebels entered the {unit} {kind} of {town} on Monday."
    found = settlements(text, 0, len(text), DEFAULT_GAZETTEER)
    assert len(found) == 1
    path = found[0][2]
    unit_key = place_key(DEFAULT_GAZETTEER.normalise(unit))
    assert place_key(path)[: len(unit_key)] == unit_key
    assert path[-1] == town


def test_each_entry_of_a_dated_chronology_keeps_its_own_place() -> None:
    """A list item is no story's lead: the first entry's city is not the place of the entries after it."""
    text = (
        "Attacks of the year\n\n"
        "Below is a chronicle of the main attacks of the year\n\n"
        "  • March 3 A car bomb in the Somali capital of Mogadishu killed 7 people.\n"
        "  • March 9 A bomb exploded in the North Sinai Governorate, killing 3 soldiers.\n"
        "  • March 12 A blast in the southern Beirut suburb of Haret Hreik left 4 people dead.\n"
    )
    keys = _keys(text)
    assert keys[0][:1] == ("SO",)
    assert keys[1] == place_key("Egypt > North Sinai")
    assert keys[2][:1] == ("LB",)


def test_a_name_that_qualifies_a_noun_after_the_is_no_place() -> None:
    """ "at the Zhenya mine", "into the Tandoori bar": the thing's name, not where; a town's name stays one."""
    assert _places("An explosion at the Zhenya mine killed 12 miners.") == [()]
    assert _keys("A bomb at the Kabul airport killed 13 soldiers.")[0][:1] == ("AF",)
    assert _keys("Fighters attacked the Zamzam camp in North Darfur, killing 40 people.") == [
        place_key("Sudan > North Darfur")
    ]


def test_a_clause_contrasted_with_while_keeps_its_place_for_its_own_figure() -> None:
    """ "18,000 people in camps in Gujarat, while 58 camps in Assam ...": Assam is the second clause's."""
    text = (
        "Gujarat State officials are providing assistance to 12,500 people in shelters, while 41 "
        "shelters in Assam are serving 9,300 people."
    )
    assert _keys(text)[0] == place_key("India > Gujarat")


def test_a_list_closed_by_comma_and_gives_its_common_parent() -> None:
    """ "in A, B and C regions, and D State": the list's common parent, not its last member."""
    text = "Over 21,000 people have been displaced by floods in Mandalay, Magway and Sagaing regions, and Kachin State."
    assert _keys(text) == [place_key("Myanmar")]


def test_a_name_after_a_possessive_that_speaks_is_a_body_not_a_place() -> None:
    """ "Italy's Civile Protezione says": whose body it is; the figure is in Italy, not at a place of that name."""
    assert _keys("Italy's Civile Protezione says the death toll has risen to 290.") == [
        place_key("Italy")
    ]
    assert _keys("Kenya's Turkana County reported 40 deaths.") == [place_key("Kenya > Turkana")]


def test_territory_held_by_a_group_named_in_capitals_is_no_place() -> None:
    """ "in Islamic State-held territory": the holder is no place, nor the common noun it holds."""
    assert _places("Air strikes killed 14 fighters in Islamic State-held territory.") == [()]
    assert _keys("Air strikes killed 14 fighters in Islamic State-held Raqqa.")[0][:1] == ("SY",)


def test_clauses_naming_no_place_take_the_one_place_their_sentence_names() -> None:
    """Rule 19: "12 people have been killed, 300 injured and 4 are missing in X": all three in X."""
    text = (
        "At least 12 people have been killed, over 300 others injured and at least four are still "
        "missing in Kochi Prefecture after the storm."
    )
    assert _keys(text) == [place_key("Japan > Kochi")] * 3


def test_no_sentence_place_from_an_origin_a_bracket_or_a_superlative() -> None:
    """ "from countries in Europe" is an origin; "(8 in A, 6 in B)" are parts; "the deadliest in Japan" compares."""
    text = "In Ohio, 52 cases were reported, 41 of them imported from countries in Europe."
    assert all(k[:1] == ("US",) for k in _keys(text))
    text = "Officials in Japan said 14 people were reported dead (8 in Kochi and 6 in Ehime)."
    assert _keys(text)[0] == place_key("Japan")
    text = "In Japan, the storm killed 40 people and was the deadliest in Asia this year."
    assert _keys(text) == [place_key("Japan")]


def test_figures_in_nearby_units_in_the_plural_are_the_countrys() -> None:
    """ "injured, including in nearby prefectures": spread over units, the country, not the last town."""
    text = (
        "In Japan, 19 people died in Suzu. Dozens of people have been seriously injured, "
        "including 30 in nearby prefectures."
    )
    assert _keys(text)[-1] == place_key("Japan")


def test_a_locality_named_like_its_state_is_the_locality_within_the_state() -> None:
    """ "in Khartoum locality": the locality, below the state it shares its name with (rule 20)."""
    text = "In Sudan, teams counted 1,310 people affected in Khartoum locality after the rains."
    assert _keys(text) == [place_key("Sudan > Khartoum > Khartoum")]


def test_a_settlement_named_by_its_kind_alone_is_a_place_within_the_unit_after_it() -> None:
    """ "the township of X in Iraq's Diyala Governorate": X, though "of" a name the gazetteer lacks."""
    text = "Two blasts killed at least 40 people in the township of Qaratepe in Iraq's Diyala Governorate."
    assert set(_keys(text)) == {place_key("Iraq > Diyala > Qaratepe")}


def test_a_week_of_the_calendar_and_a_determiner_after_a_region_are_read_right() -> None:
    """ "in Week 14" is no place; "in the Americas this year": the region, "this" qualifies no name."""
    assert _places("The peak came in Week 14 when 2,500 cases were reported.") == [()]
    assert _places(
        "A total of 2,900 measles cases have been reported in the Americas this year."
    ) == [("Americas",)]


def test_a_settlement_no_gazetteer_knows_near_a_known_town_lies_in_that_towns_unit() -> None:
    """ "the Nigerian village of Kukawa near Maiduguri": the village, in Borno, where Maiduguri is."""
    text = "Gunmen killed 9 people in the Nigerian village of Kukawa near Maiduguri."
    assert _keys(text) == [place_key("Nigeria > Borno > Kukawa")]


def test_the_arabic_article_inside_a_name_joins_it() -> None:
    """ "Deir ez-Zor", "Dayr az Zawr": one name, not "Deir"; "Kabul as fighting went on" stays Kabul."""
    assert _keys("Militants killed 20 people in Deir ez-Zor on Saturday.")[0][:2] == ("SY", "SY-DY")
    assert _keys("Shelling killed 5 people in Dayr az Zawr.")[0][:2] == ("SY", "SY-DY")
    assert _keys("Shelling killed 5 people in Kabul as fighting went on.")[0][:1] == ("AF",)


def test_a_region_numbered_in_roman_numerals_is_that_region() -> None:
    """ "in Region X" is Northern Mindanao (Region X), not a place called "Region"."""
    assert _keys("In the Philippines, 75 people were reported dead in Region X.") == [
        place_key("Philippines > Northern Mindanao (Region X)")
    ]


def test_a_measures_label_and_a_platform_are_no_places() -> None:
    """ "Depth: 10 km" labels a measure; "said on Facebook" names where it was published."""
    assert _places("Depth: 10 km") == [()]
    text = "Russian forces launched 40 drones at Ukraine, the Ukrainian Air Force said on Facebook."
    assert _keys(text) == [place_key("Ukraine")]


def test_a_sites_name_ending_in_a_building_is_no_place_path() -> None:
    """ "at the Park Palace Hotel in central Kabul": Kabul; "in the Situations Room": no place of its own."""
    assert _keys("An attack at the Park Palace Hotel in central Kabul killed 14 people.")[0][
        :2
    ] == (
        "AF",
        "AF-KAB",
    )
    assert _places(
        "A meeting was held in the Situations Room. There were 359 miners underground."
    ) == [()]


def test_a_group_named_with_in_is_no_place_but_a_building_before_in_keeps_it() -> None:
    """ "the Islamic State in Greater Sahara" names a group; "the Grand Mosque in X" is in X."""
    assert _places("Militants from the Islamic State in Greater Sahara killed 22 soldiers.") == [()]
    text = "The attack on the Grand Mosque in Salmossi, Burkina Faso, left 16 people dead."
    assert _keys(text)[0] == place_key("Burkina Faso > Salmossi")


def test_a_lines_label_comes_before_the_sentences_other_place() -> None:
    """ "Benin: 4 cases were confirmed and 2 deaths were recorded in Ze": the 4 cases are Benin's, the line's label."""
    text = "Benin: 4 cases were confirmed and 2 deaths were recorded in Ze."
    assert _keys(text)[0] == place_key("Benin")
