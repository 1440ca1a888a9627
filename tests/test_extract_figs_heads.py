"""The head of a figure's noun phrase and the verb after it (ANNOTATION.md rules 3 and 13).

A possessive or a participle right after the number is never the thing counted; "a woman" is
one of the women; "two each in A" counts no "each"; a noun phrase and a place may both stand
between a number and its verb. The sentences are written for these tests; the forms were found on
published texts outside the corpus (situation reports, wire stories).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import extract


def _read(text: str) -> list[tuple[str, str | None, str]]:
    return [
        (c.claim.metric.name, c.claim.scope.counted, c.phrase)
        for c in extract(text, published="2024-01-10", outlet="Example News")
    ]


def test_a_participle_after_the_number_is_its_verb_not_its_noun() -> None:
    """ "with 2,410 staying in evacuation centres": sheltered people, not a count of "staying"."""
    assert _read("Some 9,800 were displaced, with 2,410 staying in evacuation centres.") == [
        ("displaced", "people", "Some 9,800"),
        ("sheltered", "people", "2,410"),
    ]


def test_a_noun_in_ing_before_its_head_is_a_modifier() -> None:
    """ "12 wedding guests were killed": killed wedding guests (the -ing word is no verb here)."""
    assert _read("Some 12 wedding guests were killed.") == [
        ("killed", "wedding guests", "Some 12 wedding guests")
    ]


def test_a_possessive_is_never_the_thing_counted() -> None:
    """ "the town's 4,000 residents": the possessive is no head, the figure counts residents' people."""
    found = _read("Nearly half of the town's 4,000 residents were evacuated.")
    assert all(counted is not None and "'s" not in counted for _, counted, _ in found)


def test_a_woman_is_one_of_the_women() -> None:
    """ "including a woman": the part counts women (an irregular plural), "a policeman" policemen."""
    found = _read("The blast killed 11 people, including a woman and a policeman.")
    assert ("killed", "women", "a woman") in found
    assert ("killed", "policemen", "a policeman") in found


def test_each_after_a_number_is_no_thing_counted() -> None:
    """ "two each in Samar and Leyte": two killed people, not two "each"."""
    found = _read("Nine deaths are being verified: three in Cebu, and two each in Samar and Leyte.")
    assert all(counted == "people" for _, counted, _ in found)
    assert ("killed", "people", "two each in Samar") in found


def test_a_second_noun_and_a_place_may_stand_before_the_verb() -> None:
    """ "13 hospitals and clinics across the district are now out of service": out of service hospitals."""
    assert _read(
        "Health actors report that 13 hospitals and clinics across the district are now out of service."
    ) == [("out of service", "hospitals", "13 hospitals")]


def test_homes_in_ruins_were_razed_and_refuge_is_displacement() -> None:
    """ "left 330 homes in ruins": razed homes; "128,899 sought refuge elsewhere": displaced people."""
    assert _read("The landslide left 330 homes in ruins.") == [("razed", "homes", "330 homes")]
    assert _read(
        "Of them, 1,899 sought refuge elsewhere, while 421 took shelter with relatives."
    ) == [
        ("displaced", "people", "1,899"),
        ("sheltered", "people", "421"),
    ]


@given(
    n=st.integers(min_value=2, max_value=900_000),
    verb=st.sampled_from(["staying", "remaining"]),
    where=st.sampled_from(["in evacuation centres", "in shelters"]),
)
def test_law_a_number_then_a_participle_of_shelter_is_sheltered_people(
    n: int, verb: str, where: str
) -> None:
    """For any count: "..., with N VERB WHERE." reads N sheltered people, the participle never the noun."""
    found = _read(f"Floods displaced many families, with {n:,} {verb} {where}.")
    assert [(m, c) for m, c, _ in found] == [("sheltered", "people")]
    assert [c.claim.estimate.point for c in extract(f"Floods hit, with {n:,} {verb} {where}.")] == [
        n
    ]


def test_what_is_feared_or_believed_of_people_is_their_verb() -> None:
    """ "Around 40 people are feared buried", "may have been buried": buried people (rule 34: as stated)."""
    assert _read("Around 40 people are feared buried by the mudslide.") == [
        ("buried", "people", "Around 40 people")
    ]
    assert _read("Officials said 61 people may have been buried.") == [
        ("buried", "people", "61 people")
    ]
    assert _read("Five miners are believed to have been trapped.") == [
        ("trapped", "miners", "Five miners")
    ]


def test_in_a_toll_an_article_counts_only_people() -> None:
    """ "rose to 230 people, an increase of nine": the increase is no figure; "and a child" is one."""
    assert _read("The death toll rose to 230 people, an increase of nine since Monday.") == [
        ("killed", "people", "230 people")
    ]
    assert ("killed", "children", "a child") in _read("The blast killed 4 soldiers and a child.")


def test_an_adverb_ends_the_noun_phrase() -> None:
    """ "over 700,000 already internally displaced": displaced people, no "already internally"."""
    found = _read(
        "Some 2 million people were exposed, including over 700,000 already internally displaced."
    )
    assert [(counted, phrase) for _, counted, phrase in found] == [
        ("people", "Some 2 million people"),
        ("people", "over 700,000"),
    ]


def test_responders_at_the_scene_were_deployed() -> None:
    """ "More than 900 rescuers are working at the site": deployed rescuers; killed rescuers stay killed."""
    assert _read("More than 900 rescuers are working at the site.") == [
        ("deployed", "rescuers", "More than 900 rescuers")
    ]
    assert _read("More than 90 rescuers carrying dogs were sent to the site.") == [
        ("deployed", "rescuers", "More than 90 rescuers")
    ]
    assert _read("Two rescuers were killed by a second slide.") == [
        ("killed", "rescuers", "Two rescuers")
    ]


def test_the_verb_of_a_relative_clause_is_the_metric() -> None:
    """ "shot down 17 of 20 drones that the enemy launched": 17 intercepted, 20 launched."""
    assert _read(
        "The army said it shot down 17 of 20 drones that the enemy launched overnight."
    ) == [
        ("intercepted", "drones", "17"),
        ("launched", "drones", "20 drones"),
    ]
