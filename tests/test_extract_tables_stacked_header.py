"""Column headers written on two lines ("Confirmed" over "deaths"): each column's words are one header.

The tables are written for these tests in the way outbreak bulletins and disaster reports
head their columns when a header is too wide for one line (issue 22, item 2).
"""

from __future__ import annotations

from claimdiff import extract
from claimdiff._extract._table import tables


def _read(text: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return [
        (c.phrase, c.claim.metric.name, c.claim.scope.counted, c.claim.scope.place)
        for c in extract(text, outlet="Example")
    ]


def test_two_header_lines_above_the_rule_are_one_header() -> None:
    """A class over each metric ("Probable" over "deaths"): the metric is the lower line's."""
    text = (
        "| | Confirmed | Confirmed | Probable | Probable |\n"
        "| Country | cases | deaths | cases | deaths |\n"
        "|---|---|---|---|---|\n"
        "| Ghana | 52 | 4 | 13 | 2 |\n"
    )
    (table,) = tables(text)
    assert [c.text for c in table.header][1:] == [
        "Confirmed cases",
        "Confirmed deaths",
        "Probable cases",
        "Probable deaths",
    ]
    got = _read(text)
    assert ("4", "killed", "people", ("Ghana",)) in got
    assert ("2", "killed", "people", ("Ghana",)) in got
    assert ("13", "cases", "people", ("Ghana",)) in got
    assert not extract(text, outlet="Example").unread


def test_a_second_line_that_names_the_metrics_continues_a_tab_header() -> None:
    """No rule under a tab-separated header: the second line joins it because it names what is counted."""
    text = (
        "District\tPersons\tPersons\tHouses\n"
        "\tdead\tinjured\tdestroyed\n"
        "Alpha\t21\t8\t140\n"
        "Beta\t6\t3\t55\n"
    )
    got = _read(text)
    assert ("8", "injured", "people", ()) in got
    assert ("140", "razed", "homes", ()) in got
    assert len(got) == 6


def test_a_first_row_of_words_that_adds_no_metric_stays_a_row() -> None:
    """A row of names under a header that already names its metrics is a row, not more header."""
    text = "Country\tDeaths\tInjured\nGhana\tnone\tunknown\nPeru\t7\t12\n"
    (table,) = tables(text)
    assert [c.text for c in table.header] == ["Country", "Deaths", "Injured"]
    assert next(c.text for c in table.rows[0]) == "Ghana"
