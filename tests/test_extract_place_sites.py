"""Where a figure is, by grammar and layout: sites near a town, nested places, headlines, parts, spans.

Example tests on sentences written for these tests (ANNOTATION.md rules 19, 29 and 30); properties state
the laws of the place of a site beside a town.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._extract._gazetteer_reads import around_town, country_first
from claimdiff._model.places import DEFAULT_GAZETTEER, place_key


def _placed(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(metric, value as written, place key) of every claim extracted from ``text``."""
    return [
        (c.claim.metric.name, c.claim.estimate.text, place_key(c.claim.scope.place))
        for c in extract(text, published="2024-03-01", outlet="Example")
    ]


def _key(path: str) -> tuple[str, ...]:
    return place_key(path)


def test_a_site_near_a_town_is_placed_at_the_towns_first_level_subdivision() -> None:
    """ "Near Kramatorsk, a strike ...": Donetsk Oblast, not the town (rule 30)."""
    text = "Strikes in Ukraine\n\n* Near Kramatorsk, three strikes destroyed four vehicles.\n"
    assert {place for _, _, place in _placed(text)} == {_key("Ukraine > Donetsk Oblast")}


def test_outside_a_town_is_near_it() -> None:
    """ "killed outside Kramatorsk": the oblast, as "near" (rule 30)."""
    text = "Two soldiers were killed outside Kramatorsk in Ukraine on Tuesday."
    assert [place for _, _, place in _placed(text)] == [_key("Ukraine > Donetsk Oblast")]


def test_a_figure_in_a_town_stays_in_the_town() -> None:
    """ "killed in Kramatorsk": the town itself, under its oblast."""
    text = "Two soldiers were killed in Kramatorsk in Ukraine on Tuesday."
    assert [place for _, _, place in _placed(text)] == [
        _key("Ukraine > Donetsk Oblast > Kramatorsk")
    ]


def test_two_sites_in_one_subdivision_are_two_figures() -> None:
    """Two list items "Near A, a strike ..." and "Near B, a strike ..." in one oblast: two claims, not one repeat."""
    text = (
        "Strikes in Ukraine\n\n"
        "* Near Kramatorsk, a strike destroyed a vehicle.\n"
        "* Near Sloviansk, a strike destroyed a vehicle.\n"
    )
    found = _placed(text)
    assert len(found) == 4
    assert {place for _, _, place in found} == {_key("Ukraine > Donetsk Oblast")}


def test_a_title_case_heading_opening_with_a_subdivision_places_its_section() -> None:
    """ "Earthquake in Nangarhar OCHA Situation Report": the heading names Nangarhar, its figures are there."""
    text = (
        "Afghanistan: Earthquake in Nangarhar OCHA Situation Report No. 2\n\n"
        "Updated field reports indicate the following impact:\n\n"
        "- 21 people killed\n\n- 59 wounded\n"
    )
    assert {place for _, _, place in _placed(text)} == {_key("Afghanistan > Nangarhar")}


def test_a_heading_run_opening_with_a_subdivision_is_that_subdivision() -> None:
    """Only in title case (``units``): a body's run of names stays as read."""
    assert country_first(DEFAULT_GAZETTEER, ("Nangarhar OCHA Situation Report",), units=True) == (
        "Nangarhar",
    )
    assert country_first(DEFAULT_GAZETTEER, ("Nangarhar OCHA Situation Report",)) == (
        "Nangarhar OCHA Situation Report",
    )


def test_of_nested_places_before_a_figure_the_narrowest() -> None:
    """ "in Afghanistan's eastern province of Nangarhar on Friday, killing ...": the province."""
    text = (
        "A suicide bomber targeted a wedding party in Afghanistan's eastern province of "
        "Nangarhar on Friday, killing at least five people and injuring 40, officials said."
    )
    assert {place for _, _, place in _placed(text)} == {_key("Afghanistan > Nangarhar")}


def test_places_before_a_figure_that_do_not_nest_give_the_first() -> None:
    """Two places side by side, not one within the other: the first (the subject's), as before."""
    text = "Officials in Kenya and Uganda said on Friday that floods killed 12 people."
    assert [place for _, _, place in _placed(text)] != [_key("Uganda")]


def test_a_headline_figure_takes_the_narrower_place_the_body_gives_it() -> None:
    """Rule 29: the headline's five dead are where the body puts the same five."""
    text = (
        "Suicide Bomber Kills Five in Eastern Afghanistan\n\n"
        "A suicide bomber targeted a wedding party in Afghanistan's eastern province of "
        "Nangarhar on Friday, killing at least five people, officials said.\n"
    )
    assert {place for _, _, place in _placed(text)} == {_key("Afghanistan > Nangarhar")}


def test_a_headline_figure_the_body_does_not_place_narrower_keeps_its_place() -> None:
    """A headline's figure that the body gives at another value is not moved."""
    text = (
        "Floods Kill 30 in Afghanistan\n\n"
        "In Nangarhar province, floods killed 12 people, officials said.\n"
    )
    found = _placed(text)
    assert ("killed", "30", _key("Afghanistan")) in found


def test_a_place_after_a_parts_figure_is_that_parts_only() -> None:
    """ "370 killed, including 228 in Mexico City, and more than 6,000 injured": the injured are not the city's."""
    text = (
        "The earthquake struck Mexico on Tuesday. 370 people were killed, including 228 in "
        "Mexico City, and more than 6,000 were injured."
    )
    injured = [place for metric, _, place in _placed(text) if metric == "injured"]
    assert injured
    assert all(place != _key("Mexico > Ciudad de México") for place in injured)


def test_a_plural_acronym_is_no_place() -> None:
    """ "outside ECs": evacuation centres, not a place under the country."""
    text = (
        "Philippines: Typhoon Urduja situation report\n\n"
        "A total of 88,775 families were served outside ECs in the Philippines.\n"
    )
    assert [place for _, _, place in _placed(text)] == [_key("Philippines")]


def test_a_figure_spanning_countries_has_no_place() -> None:
    """ "reported from 27 countries": no place, not the one country the text otherwise names (rule 19)."""
    text = (
        "Since 2012, a total of 2600 cases have been reported from 27 countries.\n\n"
        "Saudi Arabia reported 12 new cases this week.\n"
    )
    found = {value: place for _, value, place in _placed(text)}
    assert found["2600"] == ()
    assert found["12"] == _key("Saudi Arabia")


_PATHS = [
    ("Iraq",),
    ("Iraq", "Ninawa"),
    ("Iraq", "Ninawa", "Mosul"),
    ("Ukraine", "Donetsk Oblast", "Kramatorsk"),
    ("Syria", "Halab", "Manbij", "Old Town"),
    ("Iraq", "Beiji"),
    ("Nowhere Known",),
    (),
]


@given(st.sampled_from(_PATHS))
def test_the_place_beside_a_town_is_a_wider_prefix_and_settled(path: tuple[str, ...]) -> None:
    """Law: a site beside a place lies on the place's path, no deeper than its subdivision, and cutting twice changes nothing."""
    beside = around_town(DEFAULT_GAZETTEER, path)
    assert path[: len(beside)] == beside
    key = DEFAULT_GAZETTEER.key(beside)
    assert len(key) <= 2 or not key[0].isupper()
    assert around_town(DEFAULT_GAZETTEER, beside) == beside


def test_names_after_commas_each_within_the_next_are_one_place() -> None:
    """ "in Yushu, Qinghai, China": the town in its province, not a list of three places."""
    text = "The earthquake struck in Yushu, Qinghai, China on Wednesday, killing 2,698 people."
    assert [place for _, _, place in _placed(text)] == [_key("China > Qinghai > Yushu")]


def test_names_after_commas_not_within_each_other_stay_a_list() -> None:
    """ "in Qinghai, Sichuan and Gansu": a list, placed at the common parent (rule 19)."""
    text = "Floods killed 40 people in Qinghai, Sichuan and Gansu on Wednesday."
    assert [place for _, _, place in _placed(text)] == [_key("China")]


def test_a_capitalised_bearing_before_a_country_is_the_country() -> None:
    """ "in Eastern Ethiopia": a part of Ethiopia by its bearing, not a place of that name."""
    text = "Floods killed at least 84 people in Eastern Ethiopia, officials said today."
    assert [place for _, _, place in _placed(text)] == [_key("Ethiopia")]


def test_a_bearing_that_is_part_of_a_known_name_is_kept() -> None:
    """ "in South Sudan" is a country of its own, not Sudan by its bearing."""
    text = "Floods killed at least 84 people in South Sudan, officials said today."
    assert [place for _, _, place in _placed(text)] == [_key("South Sudan")]


def test_a_figure_spread_over_several_units_is_the_countrys() -> None:
    """ "700 displaced across four provinces": Burundi, not the province the sentence before named."""
    text = (
        "Burundi - Floods\n\n"
        "One person died in Rumonge and another is missing in Bujumbura Mairie. Almost 700 "
        "people were displaced across four provinces.\n"
    )
    found = {value: place for _, value, place in _placed(text)}
    assert found["Almost 700"] == _key("Burundi")


def test_a_heading_split_at_a_vertical_bar_names_its_sections_place() -> None:
    """ "South Sudan | Floods update": the section's figures are South Sudan's, not another section's country."""
    text = (
        "South Sudan | Floods update\n\n"
        "At least 700,000 people have been affected across the country.\n\n"
        "Ecuador | Volcano eruption\n\n"
        "At least 24,557 farmers were affected in Ecuador.\n"
    )
    found = {value: place for _, value, place in _placed(text)}
    assert found["At least 700,000"] == _key("South Sudan")
    assert found["At least 24,557"] == _key("Ecuador")


def test_a_where_clause_takes_the_place_it_follows() -> None:
    """ "The worst affected State is Jonglei, where 85,000 people have been displaced": Jonglei."""
    text = "The worst affected State is Jonglei, where 85,000 people have been displaced."
    assert [place for _, _, place in _placed(text)] == [_key("South Sudan > Jonglei")]


def test_near_the_city_of_a_town_is_near_it() -> None:
    """ "killed near the city of Kramatorsk": the oblast (rule 30), as "near Kramatorsk"."""
    text = "Gunmen killed 37 people near the city of Kramatorsk in Ukraine on Wednesday."
    assert [place for _, _, place in _placed(text)] == [_key("Ukraine > Donetsk Oblast")]


def test_a_total_before_its_parts_from_places_takes_none_of_theirs() -> None:
    """ "four cases were reported from Riyadh (two cases), Gassim (one case) and ...": not Riyadh's."""
    text = (
        "In Saudi Arabia, four cases of MERS were reported from Riyadh (two cases), Qassim "
        "(one case), and Makkah (one case) regions."
    )
    found = _placed(text)
    assert ("cases", "four", _key("Saudi Arabia")) in found


def test_a_site_near_a_town_is_carried_to_the_next_sentence_as_the_subdivision() -> None:
    """ "ambushed a convoy near the city of Kramatorsk. At least 37 people were killed": the oblast."""
    text = (
        "Gunmen ambushed a convoy near the city of Kramatorsk in Ukraine on Wednesday. At least "
        "37 people were killed."
    )
    assert [place for _, _, place in _placed(text)] == [_key("Ukraine > Donetsk Oblast")]
