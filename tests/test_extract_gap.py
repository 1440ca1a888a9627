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


def test_a_hedge_said_twice_keeps_the_figure_in_its_chain() -> None:
    # "roughly some N" after a figure: the second figure of the apposition, with the inner hedge
    got = read("Officials said the storm affected 2,100 families, roughly some 9,000 people.")
    assert ("affected", "people", "[8100, 9900]") in got
    assert ("affected", "families", "[2100, 2100]") in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what an attack involved or used, when it flies, was launched
        (
            "The army said the overnight attack involved two rockets and nine drones.",
            [("launched", "rockets", "[2, 2]"), ("launched", "drones", "[9, 9]")],
        ),
        (
            "The navy said the strike used four ballistic missiles.",
            [("launched", "missiles", "[4, 4]")],
        ),
        # anything else a plan used or involved is no launch
        ("The council said the plan involved 40 volunteers.", []),
    ],
)
def test_what_an_attack_used_was_launched(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [r for r in read(text) if r[0] == "launched"] == expected


def test_boats_used_in_a_rescue_are_not_evacuated() -> None:
    got = read("Rescuers used 12 boats to evacuate 300 people.")
    assert ("evacuated", "people", "[300, 300]") in got
    assert not [r for r in got if r[1] == "boats"]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # two figures of one head noun, told apart by the words before it: the words are kept
        (
            "The army said the enemy fired three cruise missiles, five guided missiles and seven aerial drones.",
            ["cruise missiles", "guided missiles", "drones"],
        ),
        # a figure alone of its kind keeps the head noun ("aerial" drones are drones)
        (
            "The army said the enemy fired three cruise missiles and seven aerial drones.",
            ["missiles", "drones"],
        ),
    ],
)
def test_figures_side_by_side_are_told_apart_by_their_modifiers(
    text: str, counted: list[str]
) -> None:
    assert [c for m, c, _ in read(text) if m == "launched" and " and " not in (c or "")] == counted
