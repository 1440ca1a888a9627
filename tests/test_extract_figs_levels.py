"""Figures a careful reader takes as claims that the reader once left unread: levels, parts of a toll, modals.

"the number of people killed by the storms has increased to 12", "134 of the deaths were in the
capital", "215 soldiers were among the dead", "125 ill people", "765,869 families, equivalent to
2,733,646 persons", "100 people may have been killed". The sentences are written for these tests;
the forms were found on published texts outside the corpus (situation reports, wire stories,
outbreak notices).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import extract


def _read(text: str) -> list[tuple[str, str | None, float | None]]:
    return [
        (c.claim.metric.name, c.claim.scope.counted, c.claim.estimate.point)
        for c in extract(text, published="2024-01-10", outlet="Example News")
    ]


def test_the_subject_of_a_verb_of_level_gives_the_number_its_metric() -> None:
    """ "The number of people killed by the storms has increased to 12": 12 killed people."""
    assert _read("The number of people killed by the three storms has increased to 12.") == [
        ("killed", "people", 12)
    ]
    assert _read("The reported deaths from the floods have climbed to 40, the agency said.") == [
        ("killed", "people", 40)
    ]
    assert _read("Cases of cholera in the camp rose to 310 on Monday.") == [
        ("cases", "people", 310)
    ]


def test_a_headline_verb_of_level_gives_its_number_the_metric() -> None:
    """ "Flood Deaths Rise to 57": the headline's number is a claim of the killed."""
    assert _read("Flood Deaths Rise to 57") == [("killed", "people", 57)]


def test_the_counted_thing_of_the_subject_is_the_numbers() -> None:
    """ "the number of affected families has increased to 9,400": families, not the figure before's noun."""
    assert _read(
        "After two cyclones hit the coast, the number of affected families has increased to 9,400."
    ) == [("hit", "cyclones", 2), ("affected", "families", 9400)]
    assert _read("The number of people killed by the three storms has increased to 12.") == [
        ("killed", "people", 12)
    ]


def test_a_change_by_an_amount_is_no_level() -> None:
    """ "Deaths rose by 12": a change, not a level of the toll; the number is listed as not read."""
    found = extract("Deaths rose by 12 over the week.")
    assert list(found) == []
    assert [u.numeral for u in found.unread] == ["12"]


def test_a_part_of_a_toll_counts_what_the_toll_counts() -> None:
    """ "At least 34 of the deaths were in the capital": 34 or more killed people."""
    found = extract("Officials said at least 34 of the deaths were in the capital.")
    assert [(c.claim.metric.name, c.claim.estimate.interval_text()) for c in found] == [
        ("killed", "[34, inf)")
    ]


def test_the_verb_after_the_whole_is_the_parts_metric() -> None:
    """ "only 20 of 61 confirmed dead had been identified": 20 identified (ANNOTATION.md rule 33)."""
    assert _read("The minister said only 20 of 61 confirmed dead had been identified.") == [
        ("identified", "people", 20),
        ("killed", "people", 61),
    ]


def test_a_whole_fronted_before_the_number_gives_its_metric() -> None:
    """ "Of the deaths, 311 were reported in the north": 311 killed."""
    assert _read("Of the deaths, 311 were reported in the north, he said.") == [
        ("killed", "people", 311)
    ]


def test_a_part_in_a_state_the_rules_do_not_name_is_left_unread() -> None:
    """ "9 of the injured remained in intensive care": a state, not the toll; listed, not guessed."""
    found = extract("Nine people were hurt; 9 of the injured remained in intensive care.")
    assert [c.claim.estimate.point for c in found] == [9]
    assert [u.numeral for u in found.unread] == ["9"]


def test_pronouns_and_idioms_name_no_whole() -> None:
    """ "Two of them were taken to hospital" names nothing counted; "one of the dead" is an idiom of one."""
    assert _read("Two of them were taken to hospital.") == []


def test_among_the_dead_counts_the_dead_again() -> None:
    """ "Some 30 police officers were among the dead": killed police officers, about 30."""
    found = extract("Some 30 police officers were among the dead, officials said.")
    assert [(c.claim.metric.name, c.claim.scope.counted) for c in found] == [
        ("killed", "police officers")
    ]


def test_ill_people_are_an_outbreaks_cases_unless_a_verb_says_more() -> None:
    """ "41 ill people in six states": cases; "Eleven ill persons were hospitalized": hospitalised."""
    assert _read("The outbreak grew to 41 ill people in six states.") == [("cases", "people", 41)]
    assert _read("Eleven ill persons were hospitalized.") == [("hospitalised", "people", 11)]


def test_one_count_in_two_units_shares_its_verb() -> None:
    """ "5,100 families, equivalent to 21,800 persons, were affected": both affected."""
    assert _read("In all 5,100 families, equivalent to 21,800 persons, were affected.") == [
        ("affected", "families", 5100),
        ("affected", "people", 21800),
    ]


def test_a_past_possibility_is_a_claim_as_stated() -> None:
    """ "as many as 80 people may have been killed": a claim (ANNOTATION.md rule 34); "could be
    evacuated" is a plan, no claim."""
    found = extract("Local sources say as many as 80 people may have been killed in the raid.")
    assert [(c.claim.metric.name, c.claim.estimate.interval_text()) for c in found] == [
        ("killed", "(-inf, 80]")
    ]
    assert _read("Officials said 12 people could be evacuated.") == []


def test_a_sentence_opening_with_sources_is_read() -> None:
    """ "Sources said 14 people were killed." is a sentence, not a "Source: X" line naming the wire."""
    assert _read("Sources said 14 people were killed.") == [("killed", "people", 14)]
    found = extract("Source: OCHA\n\n14 people were killed.")
    assert [c.claim.source.name for c in found] == ["OCHA"]


def test_quotation_marks_around_a_metric_change_nothing() -> None:
    """'2,008 houses were "partially damaged"': damaged homes."""
    assert _read('It said 2,008 houses were "partially damaged" and 423 were "totally damaged".')[
        0
    ] == ("damaged", "homes", 2008)


def test_verbs_of_aid_are_assistance() -> None:
    """ "40,487 families are being aided": assisted families."""
    assert _read("So far 40,487 families are being aided by the relief teams.") == [
        ("assisted", "families", 40487)
    ]


@given(
    n=st.integers(min_value=2, max_value=5_000_000),
    verb=st.sampled_from(["has risen to", "rose to", "climbed to", "has increased to", "reached"]),
    noun=st.sampled_from(["deaths", "fatalities"]),
)
def test_law_a_number_of_level_after_a_toll_noun_is_one_killed_claim(
    n: int, verb: str, noun: str
) -> None:
    """For any count and verb of level: "The number of NOUN from the floods VERB N." is one claim of N killed."""
    assert _read(f"The number of {noun} from the floods {verb} {n:,}.") == [("killed", "people", n)]


@given(
    part=st.integers(min_value=2, max_value=999),
    extra=st.integers(min_value=1, max_value=999),
)
def test_law_a_part_of_the_deaths_is_a_killed_claim_of_the_part(part: int, extra: int) -> None:
    """For any part and whole: "N of the deaths were in the city" is N killed, whatever the whole."""
    whole = part + extra
    found = _read(f"A total of {whole} people died. Some {part} of the deaths were in the city.")
    assert [(m, n) for m, _, n in found] == [("killed", whole), ("killed", part)]


def test_a_figure_that_says_only_where_it_is_shares_the_verb_before() -> None:
    """ "1,200 families are served inside 14 evacuation centres and 300 outside": both assisted."""
    found = extract(
        "In all 1,200 families are being served inside 14 evacuation centres and 300 families outside."
    )
    assert [(c.claim.metric.name, c.claim.estimate.point) for c in found] == [
        ("assisted", 1200),
        ("assisted", 300),
    ]
    assert [(u.numeral, u.reason) for u in found.unread] == [
        ("14", "a count of areas, not of the event's toll")
    ]


def test_a_figure_with_a_verb_of_its_own_keeps_it() -> None:
    """ "Seven people died in the north and 12 were injured in the south": killed, then injured."""
    assert _read("Seven people died in the north and 12 were injured in the south.") == [
        ("killed", "people", 7),
        ("injured", "people", 12),
    ]


def test_a_class_a_number_is_put_in_is_its_metric() -> None:
    """ "were classified as damaged", "identified by the authorities as destroyed (5,095)": the class."""
    assert _read(
        "In all 1,030 houses were classified as damaged and 207 were tagged as destroyed."
    ) == [
        ("damaged", "homes", 1030),
        ("razed", "homes", 207),
    ]
    found = _read(
        "Some 9,000 houses were identified by the authorities as destroyed (5,095) or flooded (3,905)."
    )
    assert [(m, n) for m, _, n in found][1:] == [("razed", 5095), ("flooded", 3905)]


def test_a_number_in_brackets_with_a_verb_of_its_own_keeps_it() -> None:
    """ "2,100 wounded (970 evacuated)": the bracket's number is evacuated, not injured."""
    assert [m for m, _, _ in _read("There were 2,100 wounded (970 evacuated) in the year.")] == [
        "injured",
        "evacuated",
    ]


def test_a_part_said_to_be_people_counts_them() -> None:
    """ "Of the 12 injured, 5 are children": 5 injured children; "(60%, 6) were women": 6 women."""
    assert _read("Of the 12 injured, 5 are children.") == [
        ("injured", "people", 12),
        ("injured", "children", 5),
    ]
    assert _read("All 10 cases were reported in the district; most cases (60%, 6) were women.")[
        -1
    ] == ("cases", "women", 6)
