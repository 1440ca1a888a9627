"""Parts, levels and vague quantities in running text (ANNOTATION.md rules 7 and 8).

"814,000 of whom", "(including 295 confirmed)", "deaths totalled 250,000", "thousands more
injured". The sentences are written for these tests.
"""

from __future__ import annotations

from claimdiff import extract


def _read(text: str) -> list[tuple[str, str | None, str, bool]]:
    return [
        (c.claim.metric.name, c.claim.scope.counted, c.phrase, c.part_of is not None)
        for c in extract(text, published="2024-01-10", outlet="Example News")
    ]


def test_of_whom_makes_a_part_of_the_figure_before() -> None:
    """ "1.65 million people have been displaced, around 814,000 of whom are in A": a displaced part."""
    got = _read(
        "In all 1.65 million people have been displaced, around 814,000 of whom are in the north."
    )
    assert [(m, c, part) for m, c, _, part in got] == [
        ("displaced", "people", False),
        ("displaced", "people", True),
    ]


def test_including_in_brackets_is_a_part_with_the_wholes_metric() -> None:
    """ "506 recorded cases of dengue (including 295 confirmed)": 295 cases, a part of the 506."""
    got = _read("The outbreak caused 506 recorded cases of dengue fever (including 295 confirmed).")
    assert [(m, c, part) for m, c, _, part in got] == [
        ("cases", "people", False),
        ("cases", "people", True),
    ]


def test_a_metric_noun_then_a_verb_of_level_gives_the_metric() -> None:
    """ "Combat deaths are agreed to have totaled about 250,000": killed people, about 250,000."""
    found = extract("Combat deaths are generally agreed to have totaled about 250,000.")
    assert [(c.claim.metric.name, c.claim.estimate.text) for c in found] == [
        ("killed", "about 250,000")
    ]


def test_a_vague_word_before_a_tolls_verb_counts_people() -> None:
    """ "with thousands more injured and hundreds missing": two claims as worded (rule 8)."""
    got = _read("The toll rose to 2,800 people, with thousands more injured and hundreds missing.")
    assert [(m, p) for m, _, p, _ in got] == [
        ("killed", "2,800 people"),
        ("injured", "thousands"),
        ("missing", "hundreds"),
    ]


def test_assistance_to_people_is_people_assisted() -> None:
    """ "provided food assistance to more than 10,000 people": assisted (ANNOTATION.md rule 11)."""
    assert _read("Workers provided food assistance to more than 10,000 people.")[0][:2] == (
        "assisted",
        "people",
    )


def test_a_name_before_members_of_a_population_is_kept() -> None:
    """ "Three Maccabi Haifa officials", "11,303 Hispanic workers": the name says which population (rule 13).

    A name before a thing is dropped ("one Houthi radar site"), as is a nationality ("two Ukrainian drones").
    """
    assert _read("Three Maccabi Haifa officials were lightly injured.")[0][1] == (
        "maccabi haifa officials"
    )
    assert (
        _read("A total of 11,303 Hispanic workers died from injuries.")[0][1] == "hispanic workers"
    )
    assert _read("One Houthi radar site was destroyed.")[0][1] == "radar sites"
    assert _read("Two Ukrainian drones were shot down.")[0][1] == "drones"


def test_an_earlier_level_is_listed_as_unread_with_its_scale_word() -> None:
    """ "rose from 9 to 14": 14 is read, 9 listed; "down from 1.1 million": one numeral, one reason."""
    found = extract("The toll rose from 9 to 14.")
    assert [c.phrase for c in found] == ["14"]
    assert [(u.numeral, u.reason) for u in found.unread] == [
        ("9", "an earlier level the figure changed from")
    ]
    found = extract("The agency now feeds 350,000 people, down from 1.1 million in August.")
    assert ("1.1 million", "an earlier level the figure changed from") in [
        (u.numeral, u.reason) for u in found.unread
    ]


def test_about_after_a_noun_of_information_is_no_hedge() -> None:
    """ "Information about three fatalities is available": three, exact; "about 70 drones" stays approximate."""
    found = extract(
        "Information about three fatalities is available at the moment, the governor said."
    )
    assert [c.claim.estimate.hedge.value for c in found] == ["exact"]
    found = extract("Officials said about 70 people were killed.")
    assert [c.claim.estimate.hedge.value for c in found] == ["approximate"]


def test_brought_to_a_hospital_and_an_age_with_an_apostrophe() -> None:
    """ "Two persons were brought to a hospital (a man and a 10 years' old child)": two hospitalised; 10 an age."""
    found = extract("Two persons were brought to a hospital (a man and a 10 years' old child).")
    assert [(c.claim.metric.name, c.phrase) for c in found] == [("hospitalised", "Two persons")]
    assert [(u.numeral, u.reason) for u in found.unread] == [("10", "an age")]


def test_among_those_killed_included_counts_the_dead_again() -> None:
    """ "among those killed included four children and five women": killed children, killed women."""
    got = _read("The ministry said that among those killed included four children and five women.")
    assert [(m, c) for m, c, _, _ in got] == [("killed", "children"), ("killed", "women")]


def test_areas_in_brackets_are_never_a_part() -> None:
    """ "173 teams deployed in affected areas (including above 8 states)": the states are where, no part."""
    found = extract(
        "Total 173 teams have been deployed in flood affected areas (including above 8 states)."
    )
    assert [c.phrase for c in found] == ["173 teams"]
    assert [(u.numeral, u.reason) for u in found.unread] == [
        ("8", "a count of areas, not of the event's toll")
    ]


def test_a_fronted_metric_is_the_metric_of_the_figure_after_it() -> None:
    """ "For the injured, the latest figure is 446": injured people, 446."""
    found = extract("For the injured, the latest figure is 446, the official said.")
    assert [(c.claim.metric.name, c.phrase) for c in found] == [("injured", "446")]


def test_a_toll_sentence_with_a_decimal_and_a_long_subject() -> None:
    """ "the death toll from the magnitude 7.1 earthquake that shook central Mexico has been raised to 230"."""
    found = extract(
        "Authorities say the death toll from the magnitude 7.1 earthquake that shook central Mexico "
        "has been raised to 230."
    )
    assert [(c.claim.metric.name, c.phrase) for c in found] == [("killed", "230")]


def test_a_multiword_trigger_at_the_end_of_a_sentence_ends_the_noun_phrase() -> None:
    """ "an additional 16 unaccounted for.": missing, not a thing called "unaccounted"."""
    found = extract("Officials reported 10 citizens dead and an additional 16 unaccounted for.")
    assert [(c.claim.metric.name, c.phrase) for c in found][1] == ("missing", "16")


def test_a_long_place_between_the_noun_and_its_verb() -> None:
    """ "49 dwellings in the rural town northeast of Seattle were hit": hit dwellings."""
    found = extract(
        "A total of 49 dwellings in the rural town northeast of Seattle were hit by the mud."
    )
    assert [(c.claim.metric.name, c.claim.scope.counted) for c in found] == [("hit", "dwellings")]
