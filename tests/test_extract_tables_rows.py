"""Rows that give figures without a spaced table: infobox rows, lists of "Place: N" lines, runs of pairs, word tables.

Each example is written for these tests in the layout a real text uses (a Wikipedia infobox pasted
without its cell breaks, an ECDC list after a lead-in, a PAHO dashboard flattened into a line, a
Wikipedia table of towns pasted with single spaces).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._extract._infobox import infobox_rows
from claimdiff._extract._pairs import place_runs


def _read(text: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return [
        (c.phrase, c.claim.metric.name, c.claim.scope.counted, c.claim.scope.place)
        for c in extract(text, outlet="Example")
    ]


def test_an_infobox_label_glued_to_its_figure_is_read_and_its_country_lines_are_its_parts() -> None:
    """ "Deaths72,000" then "• Italy: ~20,000": the total, and each country's part of it."""
    text = (
        "Losses\nDeaths72,000\n  • Italy: ~20,000\n  • France: 14,802-19,000\n  • Spain: 12,963\n"
    )
    found = extract(text, outlet="Wikipedia")
    got = [(c.phrase, c.claim.metric.name, c.claim.scope.place) for c in found]
    assert got == [
        ("72,000", "killed", ()),
        ("~20,000", "killed", ("Italy",)),
        ("14,802-19,000", "killed", ("France",)),
        ("12,963", "killed", ("Spain",)),
    ]
    assert all(c.part_of == found[0].claim.id for c in found[1:])
    assert found[1].claim.estimate.low < 20_000 < found[1].claim.estimate.high  # "~": approximate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Non-fatal injuries50 (4 critical)\n", [("50", "injured")]),
        ("Non-fatal injuries\n50\n", [("50", "injured")]),
        ("Aircraft typeA320\nFatalities157\n", [("157", "killed")]),
    ],
)
def test_infobox_rows_take_the_metric_their_label_names(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """A label naming a metric glued to or above its figure gives it that metric; "A320" is a name."""
    assert [(p, m) for p, m, _, _ in _read(text)] == expected


def test_an_infobox_row_needs_a_label_naming_a_metric() -> None:
    """ "Population2,000" or "COVID19" name no metric: no infobox row."""
    assert infobox_rows("Population2,000\nCOVID19\nRoute66\n") == []
    # a figure followed by its own words is the words' ("75 killed"), not the label's
    assert infobox_rows("Casualties75 killed, 13 injured\n") == []
    assert [[c.text for c in r] for t in infobox_rows("Casualties459[8]\n") for r in t.rows] == [
        ["Casualties", "459"]
    ]


def test_place_lines_after_a_lead_in_take_its_metric() -> None:
    """ "The following countries reported new cases this week:" then "- Romania: 120" lines."""
    text = "The following countries reported new cases of measles this week:\n- Romania: 120\n- Italy: 56\n- France: 12\n"
    assert _read(text) == [
        ("120", "cases", "people", ("Romania",)),
        ("56", "cases", "people", ("Italy",)),
        ("12", "cases", "people", ("France",)),
    ]


def test_a_run_of_place_and_figure_pairs_takes_the_metric_word_before_it() -> None:
    """A dashboard flattened into a line: "Deaths (≥ 100) United States 1,905 Brazil 436 Mexico 244"."""
    text = "26 countries reporting new deaths Deaths (≥ 100) United States 1,905 Brazil 436 Mexico 244 Region update."
    got = _read(text)
    assert ("1,905", "killed", "people", ("United States",)) in got
    assert ("436", "killed", "people", ("Brazil",)) in got
    assert ("244", "killed", "people", ("Mexico",)) in got


def test_two_pairs_or_pairs_without_a_metric_word_are_no_run() -> None:
    """Fewer than three pairs, or no metric word just before them, is prose for the sentence reader."""
    known = {"Greece", "Italy", "Romania"}.__contains__
    assert place_runs("Deaths: Greece 45, Italy 42.", known) == []
    assert place_runs("Teams visited Greece 45, Italy 42, Romania 42.", known) == []


def test_a_table_of_word_cells_reads_each_rows_one_figure_outside_its_dates() -> None:
    """A pasted encyclopedia table: the toll column's figure, at the town within the row's country."""
    text = (
        "City/Town Country Date Estimated death toll Attacking force Notes\n"
        "Guernica Spain 26 April 1937 153 Condor Legion See: Bombing of Guernica.\n"
        "Considered the first aerial attack of its kind.\n"
        "Granollers Spain 31 May 1938 100–224 Aviazione Legionaria See: Bombing of Granollers.\n"
    )
    got = _read(text)
    assert [(p, m) for p, m, _, _ in got] == [("153", "killed"), ("100–224", "killed")]
    assert got[0][3][0] == "Spain"
    assert got[0][3][-1] == "Guernica"


_COUNTRIES = ("Kenya", "Uganda", "Ghana", "Peru", "Chile", "Nepal", "France", "Spain")


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.sampled_from(_COUNTRIES), min_size=3, max_size=8, unique=True),
    st.lists(st.integers(min_value=1, max_value=999_999), min_size=8, max_size=8),
    st.sampled_from([("Deaths", "killed"), ("Injured", "injured"), ("Cases", "cases")]),
    st.sampled_from([", ", " ", "; "]),
)
def test_a_generated_run_of_pairs_is_read_pair_by_pair(
    places: list[str], values: list[int], head: tuple[str, str], sep: str
) -> None:
    """Law: each pair of a run after a metric word is one figure of that metric at that place."""
    pairs = sep.join(f"{p} {v:,}" for p, v in zip(places, values, strict=False))
    found = extract(f"{head[0]} by country: {pairs}.", outlet="Example")
    got = sorted(
        (c.claim.scope.place[-1], c.claim.metric.name, int(c.claim.estimate.low)) for c in found
    )
    assert got == sorted((p, head[1], v) for p, v in zip(places, values, strict=False))


def test_bulleted_place_lines_in_brackets_after_a_lead_figure_are_its_parts() -> None:
    """ "3 351 cases have been reported ...:" then "• Italy (2 502)" lines: parts of the 3 351 cases."""
    text = (
        "As of 4 March 2020, 3 351 cases have been reported in the EU/EEA:\n\n"
        "  • Italy (2 502)\n  • France (212)\n  • Germany (196)\n"
    )
    found = extract(text, published="2020-03-04", outlet="ECDC")
    total = next(c for c in found if c.claim.estimate.low == 3351)
    parts = [
        (c.claim.scope.place, c.claim.metric.name, c.claim.estimate.low, c.part_of)
        for c in found
        if c is not total
    ]
    assert parts == [
        (("Italy",), "cases", 2502, total.claim.id),
        (("France",), "cases", 212, total.claim.id),
        (("Germany",), "cases", 196, total.claim.id),
    ]


def test_cells_of_a_headerless_infobox_that_say_their_own_metric_are_read_as_phrases() -> None:
    """ "| 110+ killed | 200 killed |": each side's cell is a phrase with its metric, none a row label."""
    text = "| Casualties and losses | |||\n| 110+ killed | 200 killed | |||\n| 40 wounded | 12 wounded | |||\n"
    found = extract(text, outlet="Wikipedia")
    got = sorted((c.phrase, c.claim.metric.name, c.claim.estimate.low) for c in found)
    assert got == [
        ("110+", "killed", 110),
        ("12", "injured", 12),
        ("200", "killed", 200),
        ("40", "injured", 40),
    ]


def test_a_run_of_rules_and_wrapped_cells_without_a_row_is_read_without_error() -> None:
    """An infobox pasted as "|||||" rules and one-cell lines has no row: no figure, no crash."""
    text = "Iraq War | |||||\n---|---|---|\nStrength | |||||\nCasualties | |||||\n"
    assert list(extract(text, outlet="Wikipedia")) == []
