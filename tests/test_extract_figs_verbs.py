"""The verb of a figure's clause as its metric, plans listed as unread, and "including N" as a part.

ANNOTATION.md rule 3 (counts of things acted on are claims, metric = the verb), rule 2 (plans and
targets are no claims) and rule 7 (parts are claims). The sentences are written for these tests.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._extract._triggers import TRIGGERS


def _read(text: str) -> list[tuple[str, str | None, str, str | None]]:
    return [
        (c.claim.metric.name, c.claim.scope.counted, c.phrase, c.part_of)
        for c in extract(text, published="2024-01-10", outlet="Example News")
    ]


def test_a_passive_verb_after_the_noun_phrase_is_the_metric() -> None:
    """ "2,845 contacts have been identified": contacts, identified; the areas after "in" are no claim."""
    found = extract("A total of 2,845 contacts have been identified in 18 states.")
    assert [(c.claim.metric.name, c.claim.scope.counted) for c in found] == [
        ("identified", "contacts")
    ]
    assert [(u.numeral, u.reason) for u in found.unread] == [
        ("18", "a count of areas, not of the event's toll")
    ]


def test_the_verb_before_the_figure_whose_object_it_is_is_the_metric() -> None:
    """ "decorated thirty men", "collected 177 samples": the past-tense verb acting on the things."""
    assert [m for m, *_ in _read("The general decorated thirty men for gallantry.")] == [
        "decorated"
    ]
    assert _read("Teams collected 177 stool specimens for testing.")[0][:2] == (
        "collected",
        "stool specimens",
    )


def test_an_existential_clause_gives_its_participle() -> None:
    """ "there are now 781,000 war prisoners interned": interned, a reduced passive."""
    assert _read("There are now 781,000 war prisoners interned in the country.")[0][:2] == (
        "interned",
        "war prisoners",
    )


def test_verbs_of_the_number_and_active_intransitives_give_no_metric() -> None:
    """Estimates, reports and changes say something of the number; "14 people visited" acts on nothing."""
    for text in (
        "Officials estimated 40 houses.",
        "The agency said 14 people visited the site.",
        "The mayor reported 12 buildings.",
    ):
        found = extract(text)
        assert list(found) == [], text
        assert [u.reason for u in found.unread] == [
            "no metric or thing counted that the rules recognise"
        ], text


def test_a_trigger_still_wins_and_bodies_stay_the_dead() -> None:
    """The trigger table's metric comes first; a count of bodies is of people killed, whatever the verb."""
    assert _read("Rescue workers pulled 14 bodies from the rubble.")[0][:2] == ("killed", "people")
    assert _read("Twelve houses were destroyed by the flood.")[0][:2] == ("razed", "homes")


def test_a_plan_is_listed_as_unread_not_read() -> None:
    """ "plan to evacuate 5,000 residents" is a target; the same verb in the past is a level."""
    found = extract("Authorities plan to evacuate 5,000 residents.")
    assert list(found) == []
    assert [(u.numeral, u.reason) for u in found.unread] == [
        ("5,000", "a plan or target, not a level reached")
    ]
    found = extract("The government would complete the evacuation of 3 lakh people by Friday.")
    assert [u.reason for u in found.unread] == ["a plan or target, not a level reached"]
    assert _read("Authorities evacuated 5,000 residents.")[0][:2] == ("evacuated", "people")


def test_including_opens_a_part_of_the_figure_before_in_its_clause() -> None:
    """ "forced 3,000 people from their homes, including 1,200 children": a part, displaced children."""
    got = _read("The storm forced 3,000 people from their homes, including 1,200 children.")
    assert [(m, c) for m, c, _, _ in got] == [("displaced", "people"), ("displaced", "children")]
    assert got[1][3] is not None
    got = _read("At least 40 people were killed in the capital, among them 12 women.")
    assert [(m, c) for m, c, _, _ in got] == [("killed", "people"), ("killed", "women")]
    assert got[1][3] is not None


_NOUNS = ("contacts", "samples", "vehicles", "tents", "boats", "wells", "schools")
#: Verbs the trigger table does not list (a listed one gives the table's metric, as the trigger test shows).
_VERBS = ("identified", "collected", "seized", "repaired", "inspected", "built", "sequestered")


@given(
    n=st.integers(min_value=2, max_value=999_999),
    noun=st.sampled_from(_NOUNS),
    verb=st.sampled_from(_VERBS),
    aux=st.sampled_from(("were", "have been", "had been", "are")),
)
def test_law_a_passive_count_reads_as_noun_and_verb(n: int, noun: str, verb: str, aux: str) -> None:
    """For any count, thing and verb: "N things AUX VERBED." is one claim, metric VERBED, counted things, N."""
    assert verb not in TRIGGERS
    found = extract(f"Officials said {n:,} {noun} {aux} {verb} last week.")
    assert [
        (c.claim.metric.name, c.claim.scope.counted, c.claim.estimate.point) for c in found
    ] == [(verb, noun, n)]
    assert found.unread == ()


@given(
    n=st.integers(min_value=2, max_value=999_999),
    noun=st.sampled_from(_NOUNS),
    verb=st.sampled_from(("distribute", "build", "repair", "evacuate")),
    intent=st.sampled_from(("plan to", "will", "would", "aims to", "is expected to")),
)
def test_law_a_planned_count_is_never_a_claim(n: int, noun: str, verb: str, intent: str) -> None:
    """For any count: "X INTENT VERB N things" is no claim, and its number is listed as unread."""
    found = extract(f"The agency {intent} {verb} {n:,} {noun} next month.")
    assert list(found) == []
    assert [u.numeral for u in found.unread] == [f"{n:,}"]


def test_a_relative_clause_and_listed_as_give_the_metric() -> None:
    """ "the 870 people who were injured", "5,637 people listed as missing": the verb after the noun."""
    assert _read("Centres were set up to treat many of the 870 people who were injured.")[0][
        :2
    ] == (
        "injured",
        "people",
    )
    assert _read("Another 5,637 people were listed as missing.")[0][:2] == ("missing", "people")


def test_a_coordinated_noun_phrase_reaches_its_verb() -> None:
    """ "4,000 firefighters, soldiers and police officers were dispatched": the first noun, deployed."""
    got = _read("At least 4,000 firefighters, soldiers and police officers were dispatched.")
    assert [(m, c) for m, c, _, _ in got] == [("deployed", "firefighters")]


def test_a_verbs_noun_before_the_figure_says_what_the_verb_says() -> None:
    """ "the collapse of more than 12,000 homes" is razed homes, as "12,000 homes collapsed" is."""
    got = _read("The quake led to the collapse of more than 12,000 homes.")
    assert [(m, c) for m, c, _, _ in got] == [("razed", "homes")]
    assert _read("The number of those injured was raised to more than 1,000.")[0][:2] == (
        "injured",
        "people",
    )


def test_serious_cases_among_the_injured_are_injured_people() -> None:
    """ "11,744 people injured, including 1,192 serious cases": injured; "19 cases, including 17 deaths" stay cases."""
    got = _read("The quake has left 11,744 people injured, including 1,192 serious cases.")
    assert [(m, c) for m, c, _, _ in got] == [("injured", "people"), ("injured", "people")]
    got = _read("A total of 19 Nipah virus cases, including 17 deaths, were reported.")
    assert [(m, c) for m, c, _, _ in got] == [("cases", "people"), ("killed", "people")]


def test_a_year_before_a_singular_noun_and_a_quakes_measure_are_listed() -> None:
    """ "the 2010 Yushu quake" names an event; "which measured 6.9" is a magnitude; both listed, not read."""
    found = extract(
        "Since the 2010 Yushu quake, which measured 6.9, killed 2,698 people, none was worse."
    )
    assert [c.phrase for c in found] == ["2,698 people"]
    assert [(u.numeral, u.reason) for u in found.unread] == [
        ("2010", "a year"),
        ("6.9", "a magnitude or intensity"),
    ]
    assert [c.phrase for c in extract("More than 1200 buildings collapsed.")] == [
        "More than 1200 buildings"
    ]


def test_a_bare_number_leaves_out_the_thing_the_sentence_counts() -> None:
    """ "Drones were destroyed ..., with three intercepted over A and seven over B": drones, both."""
    got = _read(
        "Further drones were destroyed over Oriol and Tver provinces, with three intercepted over Crimea "
        "and seven over the Black Sea."
    )
    assert [(m, c, p.split()[0]) for m, c, p, _ in got] == [
        ("intercepted", "drones", "three"),
        ("intercepted", "drones", "seven"),
    ]


def test_a_known_name_of_several_words_is_the_head_after_modifiers() -> None:
    """ "124 Ukrainian aircraft-type unmanned aerial vehicles were intercepted": drones."""
    got = _read(
        "The ministry said 124 Ukrainian aircraft-type unmanned aerial vehicles were intercepted."
    )
    assert [(m, c) for m, c, _, _ in got] == [("intercepted", "drones")]


def test_a_passive_verb_after_a_coordination_of_nouns() -> None:
    """ "3000 firefighters, police, soldiers and local government workers had been sent": deployed.

    People sent are deployed (ANNOTATION.md rule 11, settled J2), as responders given by a verb of giving are.
    """
    got = _read(
        "Nearly 3000 firefighters, police, soldiers and local government workers had been sent there."
    )
    assert [(m, c) for m, c, _, _ in got] == [("deployed", "firefighters")]


def test_two_nationalities_and_a_double_hyphen_before_the_figure() -> None:
    """ "March 11--Eight thousand German and Austrian houses have been sequestered": one figure, homes."""
    got = _read(
        "March 11--Eight thousand German and Austrian houses have been sequestered to date."
    )
    assert [(m, c) for m, c, _, _ in got] == [("sequestered", "homes")]


def test_a_quakes_magnitude_is_no_count_and_the_passive_reaches_past_it() -> None:
    """ "five aftershocks of at least 3.0 M were recorded": five recorded aftershocks; 3.0 a magnitude."""
    found = extract("A total of five aftershocks of at least 3.0 M were recorded in the same area.")
    assert [(c.claim.metric.name, c.claim.scope.counted) for c in found] == [
        ("recorded", "aftershocks")
    ]
    assert [(u.numeral, u.reason) for u in found.unread] == [("3.0", "a magnitude or intensity")]


def test_all_the_before_a_count_of_areas_acted_on() -> None:
    """ "floods have affected all the 27 districts": a count of areas that is the verb's object (rule 3)."""
    got = _read("Heavy floods in Assam have affected all the 27 districts of the state.")
    assert [(m, c) for m, c, _, _ in got] == [("affected", "districts")]
