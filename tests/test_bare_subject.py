"""A bare number opening a coordinated clause with a passive verb counts what the figure before it counted."""

from __future__ import annotations

from claimdiff import extract
from claimdiff._extract._bare_subject import bare_subject


def _read(sentence: str) -> list[tuple[str, str | None, str]]:
    return [
        (c.claim.metric.name, c.claim.scope.counted, c.phrase)
        for c in extract(sentence, published="2024-03-01", outlet="Example News")
    ]


def test_the_left_out_noun_is_the_first_clauses():
    """Each bare subject after a comma or "and" shares the deaths of the first clause."""
    found = _read(
        "Officials said 31 deaths were caused by the storm, 12 were caused by mudslides and 4 were caused by cold."
    )
    assert found == [
        ("killed", "people", "31"),
        ("killed", "people", "12"),
        ("killed", "people", "4"),
    ]


def test_but_opens_the_clause_too():
    """After ", but" the bare number is the subject of a clause that leaves out "injuries"."""
    found = _read(
        "The agency said 70 injuries were treated at the clinic, but 25 were quickly transferred."
    )
    assert found == [("injured", "people", "70"), ("injured", "people", "25")]


def test_a_metric_of_its_own_wins():
    """A bare subject whose verb is a metric counts that metric, not the first clause's."""
    found = _read("Officials said 9 deaths were reported in the north, 40 were injured.")
    assert found == [("killed", "people", "9"), ("injured", "people", "40")]


def test_a_number_inside_the_clause_is_no_subject():
    """A number after a preposition in the first clause is no clause's subject."""
    s = "63 deaths were recorded in 14 villages."
    assert not bare_subject(s, s.index(" deaths"), s.index("14"), s.index(" villages"))


def test_a_number_without_a_passive_verb_is_no_subject():
    """A bare number followed by an active verb or nothing is not read as the left-out noun's."""
    s = "63 deaths were recorded, 14 remain unexplained."
    assert not bare_subject(s, s.index(" deaths"), s.index("14"), s.index(" remain"))
    s = "63 deaths were recorded, and 14 were confirmed."
    assert bare_subject(s, s.index(" deaths"), s.index("14"), s.index(" were confirmed"))
