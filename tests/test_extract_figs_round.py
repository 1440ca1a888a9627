"""Conventions settled in the fresh annotation round (ANNOTATION.md rules 11, 21, 33, 34), read by the rules.

The sentences are written for these tests.
"""

from __future__ import annotations

from claimdiff import extract


def _read(text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (c.claim.metric.name, c.claim.scope.counted, c.claim.estimate.text)
        for c in extract(text, published="2024-01-10")
    ]


def test_a_feared_toll_is_a_claim_as_stated() -> None:
    """ "Death Toll Could be 1,800" (rule 34): killed, exact."""
    assert _read("Officials Say Death Toll Could be 1,800 in Landslide") == [
        ("killed", "people", "1,800")
    ]


def test_bodies_recovered_are_recovered_bodies_bodies_pulled_the_dead() -> None:
    """ "46 bodies have been recovered" (rule 33): recovered bodies; "pulled 14 bodies": the dead."""
    assert _read("At least 46 bodies have been recovered so far.") == [
        ("recovered", "bodies", "At least 46")
    ]
    assert _read("Rescue workers pulled 14 bodies from the rubble.")[0][:2] == ("killed", "people")


def test_durations_are_no_claims() -> None:
    """ "the fighting lasted two hours", "21 days of follow-up" (rule 21): listed as lengths of time."""
    found = extract("Officials said the fighting lasted two hours.")
    assert list(found) == []
    assert [u.reason for u in found.unread] == ["a length of time"]


def test_the_corpus_metrics_of_this_round() -> None:
    """Aftershocks reported are recorded; families hit by a disaster are affected; people relying on
    aid are in need; people found alive are rescued (rule 11)."""
    assert _read("Partners say that at least 78 aftershocks were reported.")[0][0] == "recorded"
    assert _read("Help the thousands of families hit by this disaster.")[0][:2] == (
        "affected",
        "families",
    )
    assert _read(
        "In the north-west, 4.1 million people, most of them women and children, were already "
        "relying on humanitarian assistance."
    )[0][:2] == ("in need", "people")
    assert _read("Only 57 people have been found alive.")[0][:2] == ("rescued", "people")


def test_test_results_and_listed_contacts() -> None:
    """ "of which 106 tested negative": tested negative people; "281 contacts had been listed": listed."""
    got = _read(
        "In all, 108 suspected cases were reported, of which 106 tested negative for the virus."
    )
    assert got[1][:2] == ("tested negative", "people")
    assert _read("By then, 281 contacts had been listed.")[0][:2] == ("listed", "contacts")
    assert _read("Out of the specimens, 83 tested positive for cholera.")[0][:2] == (
        "cases",
        "people",
    )


def test_figures_joined_by_a_slash_share_their_verb() -> None:
    """ "167,963 families / 797,337 persons were affected in 1,179 barangays": two claims; the areas listed."""
    found = extract(
        "A total of 167,963 families / 797,337 persons were affected in 1,179 barangays."
    )
    assert [(c.claim.metric.name, c.claim.scope.counted) for c in found] == [
        ("affected", "families"),
        ("affected", "people"),
    ]
    assert [u.reason for u in found.unread] == ["a count of areas, not of the event's toll"]
    got = _read("In all 4,053 families are currently being served inside 24 evacuation centers.")
    assert got[0][:2] == ("assisted", "families")


def test_a_headline_figure_with_its_own_metric_word_is_no_part_of_the_toll() -> None:
    """ "Death Toll at 24, Scores Missing": 24 killed, scores missing."""
    assert [(m, v) for m, _, v in _read("US Mudslide Death Toll at 24, Scores Missing")] == [
        ("killed", "24"),
        ("missing", "Scores"),
    ]


def test_a_toll_subject_with_an_abbreviation_and_continue_to_be_listed() -> None:
    """ "the toll in the U.S. state of Washington has reached 24"; "176 people continue to be listed as missing"."""
    assert _read("The death toll in the western U.S. state of Washington has reached 24.")[0][
        :1
    ] == ("killed",)
    assert _read("A total of 176 people continue to be listed as missing.")[0][:1] == ("missing",)


def test_a_crowd_present() -> None:
    """ "while hundreds of spectators watched the match" (rule 24): present spectators, as worded."""
    assert _read("He struck while hundreds of spectators watched the match.") == [
        ("present", "spectators", "hundreds")
    ]
