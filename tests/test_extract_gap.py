"""Rules for the figures the dev half left with no candidate at all (issue 22, the error-class round).

Each test states a fact of English on a sentence written for the test (never a corpus text).
"""

from __future__ import annotations

import pytest

from claimdiff import extract
from claimdiff._extract._noun import _initials_hold


def read(text: str) -> list[tuple[str, str | None, str]]:
    """(metric, counted thing, interval) of every candidate of ``text``."""
    return [
        (c.claim.metric.name, c.claim.scope.counted, c.claim.estimate.interval_text())
        for c in extract(text, published="2024-03-01")
    ]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # a body spelt out with its acronym names the people counted, by the acronym
        (
            "The agency said 210 World Food Programme (WFP) staff members have been killed.",
            "wfp staff",
        ),
        (
            "Officials said 12 Office for the Coordination of Humanitarian Affairs (OCHA) drivers were injured.",
            "ocha drivers",
        ),
        # staff members are the staff (ANNOTATION.md rule 13)
        ("The agency said 48 UNHCR staff members were injured.", "unhcr staff"),
    ],
)
def test_a_body_named_with_its_acronym_names_the_counted_people(text: str, counted: str) -> None:
    assert [c for _, c, _ in read(text)] == [counted]


@pytest.mark.parametrize(
    ("name", "acronym", "holds"),
    [
        ("World Food Programme", "WFP", True),
        ("Office for the Coordination of Humanitarian Affairs", "OCHA", True),
        ("Red Crescent", "AFP", False),  # a wire's name in brackets, not the body's
        ("Food Programme", "WFP", False),  # the first letter must be the name's
    ],
)
def test_an_acronym_is_made_of_the_names_initials(name: str, acronym: str, holds: bool) -> None:
    assert _initials_hold(name, acronym) is holds
