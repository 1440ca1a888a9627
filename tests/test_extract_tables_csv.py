"""Rows written as comma-separated values in a text (a data release pasted into a bulletin).

The tables are written for these tests; a figure holding a comma is quoted, as CSV writes it.
"""

from __future__ import annotations

from claimdiff import extract
from claimdiff._extract._csv_rows import csv_tables


def _read(text: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    return [
        (c.phrase, c.claim.metric.name, c.claim.scope.counted, c.claim.scope.place)
        for c in extract(text, outlet="Example")
    ]


def test_comma_separated_rows_give_each_cell_its_column_metric_and_row_place() -> None:
    """A quoted figure with a thousands comma is one cell; the bare ones are cut at each comma."""
    text = 'The agency released its count:\n\nCountry,Deaths,Injured\nGhana,"2,150",47\nPeru,18,9\n'
    got = _read(text)
    assert ("2,150", "killed", "people", ("Ghana",)) in got
    assert ("47", "injured", "people", ("Ghana",)) in got
    assert ("9", "injured", "people", ("Peru",)) in got
    assert not extract(text, outlet="Example").unread


def test_comma_separated_table_on_its_side_is_turned() -> None:
    """Places heading the columns, metrics the rows: read turned, as any table is."""
    text = "Indicator,Ghana,Peru\nDeaths,31,5\nMissing,12,2\n"
    got = _read(text)
    assert ("5", "killed", "people", ("Peru",)) in got
    assert ("12", "missing", "people", ("Ghana",)) in got


def test_a_list_in_prose_is_no_table() -> None:
    """Lines of prose with commas: no table, whatever their figures."""
    text = "Deaths, injuries, and damage were reported\nin the north, with 14 dead, and 30 hurt\n"
    assert csv_tables(text) == []


def test_one_spaced_row_under_a_header_is_no_table() -> None:
    """Commas followed by spaces are a list's: one such line of figures under it makes no table."""
    text = "Region, Deaths, Injured\nAlpha, 4, 9\n"
    assert csv_tables(text) == []
    assert len(csv_tables(text + "Beta, 2, 3\n")) == 1
