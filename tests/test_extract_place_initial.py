"""A locative that opens a sentence is capitalised: "Near Mosul, ..." names the figures' place as "near Mosul" does."""

from __future__ import annotations

import pytest

from claimdiff import extract


@pytest.mark.parametrize(
    ("sentence", "town"),
    [
        # a site near a town is at the town's first-level subdivision (ANNOTATION.md rule 30)
        ("Near Mosul, seven strikes destroyed 15 fighting positions.", "Ninawa"),
        ("Over Kursk, air defences shot down 12 drones, the ministry said.", "Kursk"),
        ("Outside Kharkiv, two people were killed, officials said.", "Kharkiv"),
        ("Around Odesa, 40 homes were damaged, the governor said.", "Odesa"),
    ],
)
def test_a_sentence_opening_locative_places_its_figures(sentence: str, town: str) -> None:
    found = extract(sentence, published="2024-01-01")
    assert found
    assert all(any(town in part for part in c.claim.scope.place) for c in found)


def test_a_capitalised_word_after_it_must_still_be_a_place() -> None:
    """ "At least" and "On Monday" open sentences too: neither is a place."""
    found = extract(
        "On Monday, at least 12 people were killed, the ministry said.", published="2024-01-03"
    )
    assert [c.claim.scope.place for c in found] == [()]
