"""The predicate of a figure's clause as its metric (ANNOTATION.md rules 3, 8, 11, 31).

Each rule is stated on grammar: a passive or a perfect with no object after the figure's noun
phrase, a state of the people counted, a verb of undergoing and the noun of the harm, a verb of
giving (whom it gives to was assisted; people and their means given deployed, goods delivered), a
present participle before the figure, a verb completed after its object. The sentences are written
here, none is copied from a text; the properties generate them.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import extract

NO_METRIC = "no metric or thing counted that the rules recognise"


def _read(text: str) -> list[tuple[str, str | None, float | None]]:
    return [
        (c.claim.metric.name, c.claim.scope.counted, c.claim.estimate.point)
        for c in extract(text, published="2024-03-01", outlet="Outlet")
    ]


def test_a_perfect_with_no_object_is_what_befell_the_things_counted() -> None:
    """ "40 homes have burned down": burned down; "7 clinics have reopened since Monday": reopened."""
    assert _read("Over 40 homes in the valley have burned down.") == [
        ("burned down", "homes", None)
    ]
    assert _read("7 clinics have reopened since Monday.") == [("reopened", "clinics", 7)]


def test_a_perfect_with_an_object_makes_the_things_its_agents() -> None:
    """ "220,000 people have experienced more": the people did something; no metric, listed unread."""
    found = extract("Some 220,000 people have experienced more.", outlet="Outlet")
    assert list(found) == []
    assert [u.reason for u in found.unread] == [NO_METRIC]


def test_a_state_of_condition_is_its_own_metric() -> None:
    """Rule 31: "are in fair and stable condition" is `in fair condition` (a double state under its first word)."""
    assert _read("The other two soldiers are in fair and stable condition.") == [
        ("in fair condition", "soldiers", 2)
    ]
    assert _read("12 patients remain in critical condition.") == [
        ("in critical condition", "patients", 12)
    ]


def test_a_verb_of_undergoing_takes_the_metric_of_its_harm() -> None:
    """ "Twenty personnel sustained minor injuries": injured; "four houses suffered damage": damaged."""
    assert _read("Another four soldiers suffered serious injuries during the attack.") == [
        ("injured", "soldiers", 4)
    ]
    assert _read("Nine houses sustained damage.") == [("damaged", "homes", 9)]


def test_verbs_of_giving() -> None:
    """Rule 11: whom a verb gives to was assisted; people and vehicles given deployed, goods delivered."""
    assert _read("The agency provided blankets and tents to 4,500 households.") == [
        ("assisted", "households", 4500)
    ]
    assert _read("Partners provided 9,400 people with food.") == [("assisted", "people", 9400)]
    assert _read("Over 5,500 people have been provided with water.") == [
        ("assisted", "people", None)
    ]
    assert _read("The government has provided 15 helicopters.") == [("deployed", "helicopters", 15)]
    assert _read("The agency has provided 300 tents.") == [("delivered", "tents", 300)]
    assert _read("Partners reached 1,450 children with lessons.") == [
        ("assisted", "children", 1450)
    ]


def test_a_present_participle_reports_what_the_past_participle_does() -> None:
    """ "The landslide buried the hamlet, trapping 71 people": trapped."""
    assert _read("The landslide buried the hamlet, trapping 71 people.") == [
        ("trapped", "people", 71)
    ]


def test_a_verb_completed_after_its_object() -> None:
    """ "rescuers had pulled 5 people alive": the trigger "pulled alive", rescued."""
    assert _read("Rescuers had pulled 5 people alive from the rubble.") == [
        ("rescued", "people", 5)
    ]


def test_a_quantifier_without_a_number_or_a_sum_of_money_is_no_count() -> None:
    """Rules 1 and 8: "had taken several villages", "has pledged 740-thousand dollars": no claim."""
    assert _read("The army had taken several villages.") == []
    assert _read("The donor has pledged 740-thousand dollars in relief.") == []


def test_a_modal_perfect_is_unreal() -> None:
    """ "would have evacuated 500 people": no level reached (rule 2)."""
    assert _read("Authorities would have evacuated 500 people.") == []


_NOUNS = st.sampled_from(["wells", "bridges", "clinics", "schools", "roads", "latrines", "shops"])
_PARTICIPLES = st.sampled_from(
    ["inspected", "repaired", "cleared", "reopened", "rebuilt", "fenced"]
)
_GOODS = st.sampled_from(["tents", "blankets", "kits", "mattresses", "jerrycans"])
#: Receivers whose noun names no metric of its own ("residents" is the vocabulary's population, which wins).
_RECEIVERS = st.sampled_from(["families", "households", "people", "children", "women"])
_STATES = st.sampled_from(["critical", "serious", "stable", "fair"])
_COUNTS = st.integers(min_value=2, max_value=9_999_999)


@given(n=_COUNTS, noun=_NOUNS, verb=_PARTICIPLES)
def test_a_generated_passive_gives_its_participle_and_noun(n: int, noun: str, verb: str) -> None:
    """Law: "N <plural noun> were <participle>." is one claim: that metric, that noun, N."""
    assert _read(f"{n:,} {noun} were {verb}.") == [(verb, noun, n)]


@given(n=_COUNTS, noun=_NOUNS, verb=_PARTICIPLES)
def test_a_generated_perfect_gives_its_participle(n: int, noun: str, verb: str) -> None:
    """Law: "N <plural noun> have <participle> since Monday." is one claim of that participle."""
    assert _read(f"{n:,} {noun} have {verb} since Monday.") == [(verb, noun, n)]


@given(n=_COUNTS, state=_STATES)
def test_a_generated_state_of_condition(n: int, state: str) -> None:
    """Law: "N patients are in <adj> condition." is one claim, metric "in <adj> condition"."""
    assert _read(f"{n:,} patients are in {state} condition.") == [
        (f"in {state} condition", "patients", n)
    ]


@given(n=_COUNTS, goods=_GOODS, receivers=_RECEIVERS)
def test_a_generated_gift_counts_its_receivers_assisted(n: int, goods: str, receivers: str) -> None:
    """Law: "The agency provided <goods> to N <receivers>." is one claim: assisted receivers."""
    assert _read(f"The agency provided {goods} to {n:,} {receivers}.") == [
        ("assisted", receivers, n)
    ]


@given(n=_COUNTS, noun=_NOUNS)
def test_a_sentence_with_no_predicate_is_no_claim_and_is_listed(n: int, noun: str) -> None:
    """Law: a figure whose clause has no predicate counting it ("The list of N wells.") is no claim, listed unread."""
    found = extract(f"The list of {n:,} {noun}.", outlet="Outlet")
    assert list(found) == []
    assert [u.reason for u in found.unread] == [NO_METRIC]


def test_the_things_counted_and_their_participle_as_the_subject_of_a_level() -> None:
    """ "Houses partially damaged totaled 4,019": damaged homes; "Families affected reached 9,400"."""
    assert _read("Houses partially damaged totaled 4,019 in the district.") == [
        ("damaged", "homes", 4019)
    ]
    assert _read("Families affected reached 9,400 on Monday.") == [("affected", "families", 9400)]


def test_a_toll_given_as_a_level() -> None:
    """ "The toll had been reported as 358": killed people."""
    assert _read("The toll had been reported as 358.") == [("killed", "people", 358)]


def test_a_part_out_of_its_base() -> None:
    """Rule 3: "three out of four dormitories had been evacuated": the part is a claim, the base is none."""
    found = extract("Three out of four dormitories had been evacuated.", outlet="Outlet")
    assert [
        (c.claim.metric.name, c.claim.scope.counted, c.claim.estimate.point) for c in found
    ] == [("evacuated", "dormitories", 3)]
    found = extract("27 hospitals were damaged out of 36.", outlet="Outlet")
    assert [u.reason for u in found.unread] == ["the base of a part, not a count"]


def test_an_administrative_area_hit_is_affected() -> None:
    """Rule 3: "floods hit 15 out of the 28 districts": affected districts, never targets struck."""
    assert _read("Floods hit 15 out of the 28 districts in the country.") == [
        ("affected", "districts", 15)
    ]


@given(part=st.integers(min_value=2, max_value=500), more=st.integers(min_value=1, max_value=500))
def test_a_generated_part_out_of_its_base(part: int, more: int) -> None:
    """Law: "P out of B schools were flooded." is one claim of P, whose phrase holds the base B (no claim of B)."""
    found = extract(f"{part} out of {part + more} schools were flooded.", outlet="Outlet")
    assert [(c.claim.metric.name, c.claim.estimate.point) for c in found] == [("flooded", part)]
    assert found[0].phrase == f"{part} out of {part + more} schools"
    assert found.unread == ()


def test_areas_counted_as_the_subject_of_reported() -> None:
    """Rule 42: "23 countries reported widespread activity"; "30 EU/EEA countries reported 8,643 cases": reported cases."""
    assert _read("In the last week, 23 countries reported widespread activity.")[0] == (
        "reported widespread activity",
        "countries",
        23,
    )
    assert _read("The 30 EU/EEA countries reported 8,643 cases of measles.") == [
        ("reported cases", "countries", 30),
        ("cases", "people", 8643),
    ]


def test_two_words_joined_by_a_slash_modify_the_head_after_them() -> None:
    """ "over 15,000 mud/wood houses have been destroyed": homes, razed (a slash compound is one modifier)."""
    assert _read("Over 15,000 mud/wood houses have been completely destroyed.") == [
        ("razed", "homes", None)
    ]
    assert _read("A total of 65,295 families/319,226 persons were affected.") == [
        ("affected", "families", 65295),
        ("affected", "people", 319226),
    ]


def test_a_passive_after_a_list_of_places() -> None:
    """ "932,467 families or 3,830,602 persons in 6,321 barangays in Regions I, II and CAR were affected": affected."""
    text = (
        "A total of 932,467 families or 3,830,602 persons in 6,321 barangays in Regions I, II, III, "
        "CALABARZON, MIMAROPA, V, NCR, and CAR were affected."
    )
    assert _read(text) == [("affected", "families", 932467), ("affected", "people", 3830602)]
    # the passive after a place list is the figure's even when a participle stands before the figure
    text = (
        "Reports received over 150 houses in village 16, village 14 and Tiako have been affected."
    )
    assert _read(text) == [("affected", "homes", None)]


def test_a_list_of_places_holds_no_other_count_or_clause() -> None:
    """A gap with another count ("86 million square metres of land") is no place list: the passive is that count's."""
    text = "Camps were hit, including some 40,000 people in Al Hol camp and approximately 86 million square metres of land were flooded."
    assert ("flooded", "people", 40000) not in _read(text)


def test_a_settlement_described_by_its_people() -> None:
    """ "a village of between 200 and 300 people": the people living there, population."""
    assert _read("The mudflow hit Kalomir, a village of between 200 and 300 people.") == [
        ("population", "people", None)
    ]


def test_people_held_as_hostages() -> None:
    """Rule C4: "the imprisonment of more than 1,100 people as hostages, including 777 children": taken hostage."""
    assert _read(
        "It involved the imprisonment of 1,100 people as hostages, including 777 children."
    ) == [
        ("taken hostage", "people", 1100),
        ("taken hostage", "children", 777),
    ]
