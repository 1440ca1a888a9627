"""A death of any kind is `killed` (ANNOTATION.md rule 9): drowned and succumbed are death verbs too."""

from __future__ import annotations

from claimdiff import extract


def _read(text: str) -> list[tuple[str, str | None, str]]:
    return [
        (c.claim.metric.name, c.claim.scope.counted, c.claim.estimate.text)
        for c in extract(text, published="2024-03-01", outlet="Example News")
    ]


def test_drowned_is_killed():
    assert _read("At least 30 people drowned when the ferry sank near Delta.") == [
        ("killed", "people", "At least 30")
    ]


def test_succumbed_is_killed():
    assert _read("Four of the wounded later succumbed to their injuries in Delta.") == [
        ("killed", "people", "Four")
    ]


def test_bodies_of_people_who_drowned_stay_one_claim():
    """ "who drowned" after the bodies recovered adds no second figure (settlement I11)."""
    read = _read("Divers recovered the bodies of 36 migrants who drowned off Delta.")
    assert len(read) == 1
    assert read[0][2] == "36"
