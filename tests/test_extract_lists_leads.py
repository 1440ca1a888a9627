"""A lead sentence ending in a colon gives its metric to the list lines below it.

Situation reports give a total, then its parts line by line ("... were served inside and outside
evacuation centres (ECs):" then "inside 1,910 ECs: 94,661 families"); bulletins open a list with
"The following casualties were reported:" or "Deaths by province:". The sentences are written for
these tests.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import extract


def _read(text: str) -> list[tuple[str, str | None, float | None]]:
    return [
        (c.claim.metric.name, c.claim.scope.counted, c.claim.estimate.point)
        for c in extract(text, published="2018-02-04", outlet="Example Agency")
    ]


def test_the_lines_after_a_lead_with_a_figure_take_its_metric() -> None:
    """The lead's own figures and each line's figures are served (assisted); the centres are no count."""
    found = _read(
        "A total of 1,200 families or 5,000 persons were served inside and outside evacuation "
        "centers (ECs):\ninside 14 ECs: 700 families / 3,000 persons\n"
        "outside ECs: 500 families / 2,000 persons\n"
    )
    assert found == [
        ("assisted", "families", 1200),
        ("assisted", "people", 5000),
        ("assisted", "families", 700),
        ("assisted", "people", 3000),
        ("assisted", "families", 500),
        ("assisted", "people", 2000),
    ]


def test_a_lead_without_a_figure_gives_the_metric_it_names() -> None:
    """ "The following deaths were reported:" then bullets "- Region A: 12": killed, each item."""
    found = _read(
        "The following deaths were reported:\n\n- Northern Region: 12\n- Coastal Region: 7\n"
    )
    assert [f[0] for f in found] == ["killed", "killed"]
    assert [f[2] for f in found] == [12, 7]


def test_a_line_with_its_own_metric_keeps_it() -> None:
    """Under "casualties", "- 21 people killed" and "- 40 injured" are killed and injured."""
    found = _read(
        "Field reports list the following casualties:\n- 21 people killed\n- 40 injured\n"
    )
    assert [f[0] for f in found] == ["killed", "injured"]


def test_a_source_line_and_a_paragraph_close_the_list() -> None:
    """ "Source: Report #28, 6AM 27 January" is no item; a paragraph after the list is read on its own."""
    found = extract(
        "Deaths by province:\n- Sud: 12\nSource: DROMIC Report #28, 6AM 27 January 2018\n\n"
        "The list was updated at noon.",
        published="2018-02-04",
    )
    assert [c.phrase for c in found] == ["12"]
    assert "28" in {u.numeral for u in found.unread}


def test_without_a_colon_no_lead() -> None:
    """A sentence ending in a full stop gives nothing to the lines after it."""
    found = _read("The following deaths were reported.\n\n- Northern Region: 12\n")
    assert found == []


@given(st.lists(st.integers(min_value=2, max_value=99_999), min_size=1, max_size=6, unique=True))
def test_every_item_under_a_lead_counts_what_the_lead_says(values: list[int]) -> None:
    """Law: under "Injuries by district:", each "- District N: V" line is one injured figure, V as written.

    (Distinct values: the same figure twice with no known place is kept once, as a repeat.)
    """
    lines = "".join(f"- District {chr(65 + i)}: {v:,}\n" for i, v in enumerate(values))
    found = _read(f"Injuries by district:\n{lines}")
    assert [(m, p) for m, _, p in found] == [("injured", v) for v in values]


def test_the_same_count_in_brackets_shares_the_verb_and_the_hedge() -> None:
    """ "an estimated 2,592 individuals (513 households) affected": both affected, both estimated."""
    found = extract(
        "Teams report an estimated 2,592 individuals (513 households) affected across five locations.",
        published="2020-09-10",
    )
    assert [(c.claim.metric.name, c.claim.scope.counted) for c in found] == [
        ("affected", "people"),
        ("affected", "households"),
    ]
    assert [c.claim.estimate.hedge.name for c in found] == ["APPROXIMATE", "APPROXIMATE"]


def test_figures_joined_by_and_keep_their_own_wording() -> None:
    """ "at least 10 people were killed and 44 wounded": 44 exactly (the written fixtures' reading)."""
    found = extract("At least 10 people were killed and 44 wounded.", published="2020-09-10")
    assert [c.claim.estimate.interval_text() for c in found] == ["[10, inf)", "[44, 44]"]


def test_an_aside_between_dashes_stands_between_a_figure_and_its_verb() -> None:
    """ "About 500,000 people – 40 per cent of the population in the affected departments – are in need"."""
    found = extract(
        "About 500,000 people – 40 per cent of the total population in the affected departments – "
        "are in need of emergency humanitarian assistance.",
        published="2021-08-18",
    )
    assert [(c.claim.metric.name, c.claim.estimate.point) for c in found] == [("in need", 500000)]
