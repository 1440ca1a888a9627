"""Tables laid out with spaces (pasted from PDFs and plain-text reports): each cell read with its column and row.

The examples are tables written for these tests in the layouts of WHO, NDRRMC and ECDC reports;
the laws hold for any generated space-aligned table of known cells.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._extract import _aligned
from claimdiff._extract._aligned import aligned_tables
from claimdiff._extract._unread import numerals


def _read(text: str, **kw: str) -> list[tuple[str, str, str, tuple[str, ...], float]]:
    return [
        (
            c.phrase,
            c.claim.metric.name,
            c.claim.scope.counted,
            c.claim.scope.place,
            c.claim.estimate.low,
        )
        for c in extract(text, **kw)
    ]


def test_a_single_spaced_table_with_row_groups_reads_every_cell_with_its_column_and_place() -> None:
    """Rule 46: a row group's place carries down; a total of totals is the table's, placed nowhere."""
    text = (
        "Cases of cholera by country\n\n"
        "Country Case definition Cumulative cases Cases in past 7 days Cumulative deaths\n"
        "Kenya Confirmed 410 12 9\n"
        "Suspected 88 * 1\n"
        "Total 498 12 10\n"
        "Uganda Confirmed 120 3\n"
        "Total 120 3 4\n"
        "Total   618 15 14\n"
    )
    got = _read(text, published="2020-01-05", outlet="WHO")
    assert ("9", "killed", "people", ("Kenya",), 9) in got
    assert ("88", "cases", "people", ("Kenya",), 88) in got  # "Suspected": Kenya's group
    assert ("10", "killed", "people", ("Kenya",), 10) in got  # Kenya's total
    assert (
        "3",
        "cases",
        "people",
        ("Uganda",),
        3,
    ) in got  # a row of two figures fills from the first
    assert ("618", "cases", "people", (), 618) in got  # the grand total: two countries, no place
    assert ("14", "killed", "people", (), 14) in got
    assert len(got) == 16


def test_a_space_between_digit_groups_is_read_as_the_table_needs() -> None:
    """ "18 569" under three figure columns is one numeral; "365 177" under two is two cells; 1801 is no year."""
    text = "Country Cases Deaths\nGuinea 125 72\nLiberia 365 177\nSierra Leone 1801 109\n"
    got = _read(text, outlet="WHO")
    assert ("365", "cases", "people", ("Liberia",), 365) in got
    assert ("177", "killed", "people", ("Liberia",), 177) in got
    assert ("1801", "cases", "people", ("Sierra Leone",), 1801) in got
    grouped = "Country Cases Deaths New\nA 12 13 14\nB 18 569 1695 7\nC 1 2 3\n"
    rows = aligned_tables(grouped, lambda s: False)[0].rows
    assert [c.text for c in rows[1]] == ["B", "18 569", "1695", "7"]


def test_a_spaced_table_places_each_figure_under_its_column_and_stacks_its_header_lines() -> None:
    """Columns by runs of spaces: an empty cell leaves its column empty; "Deaths" over "New" names both."""
    text = (
        "Table 1. Cases and deaths by province\n\n"
        "                 Cases            Deaths\n"
        "Province      New    Total     New    Total\n"
        "Sindh          12      340       1       20\n"
        "Balochistan            210               9\n"
    )
    got = _read(text, outlet="NDMA")
    assert ("12", "cases", "people", ("Pakistan", "Sindh"), 12) in got
    assert ("20", "killed", "people", ("Pakistan", "Sindh"), 20) in got
    assert ("210", "cases", "people", ("Pakistan", "Balochistan"), 210) in got
    assert ("9", "killed", "people", ("Pakistan", "Balochistan"), 9) in got
    assert len(got) == 6


def test_labelled_figures_under_a_title_each_take_their_label() -> None:
    """ "Dead 1,010" lines under a section title: each label names its own figure's metric."""
    text = "B. CASUALTIES (TAB C)\nDead 1,010\nInjured 1,603\nMissing 51\n"
    got = _read(text, outlet="NDRRMC")
    assert [(p, m) for p, m, *_ in got] == [
        ("1,010", "killed"),
        ("1,603", "injured"),
        ("51", "missing"),
    ]


def test_a_title_names_who_the_cells_count() -> None:
    """ "infections in health-care workers": every cell counts health care workers."""
    text = (
        "Infections in health-care workers in the three countries\n\n"
        "Country Cases Deaths\nGuinea 125 72\nLiberia 365 177\nTotal 490 249\n"
    )
    got = _read(text, outlet="WHO")
    assert {c for _, _, c, _, _ in got} == {"health care workers"}
    assert ("490", "cases", "health care workers", (), 490) in got


def test_a_lead_in_ending_in_a_colon_gives_a_headerless_table_its_metric() -> None:
    """ "Number of men killed ... the losses thus:" then "| Russia | 1,700,000 |": men killed in Russia."""
    text = (
        "Number of men killed in the war is estimated by the staff. He estimates the losses thus:\n\n"
        "| Russia | 1,700,000 |\n| France | 1,305,000 |\n"
    )
    got = _read(text, outlet="Example")
    assert ("1,700,000", "killed", "men", ("Russia",), 1_700_000) in got
    assert ("1,305,000", "killed", "men", ("France",), 1_305_000) in got


@pytest.mark.parametrize(
    "text",
    [
        "The toll rose to 14 on Monday.\nOfficials said 3 more died.\n",
        "Response activity Lead agency\nCase management WHO\nLogistics UNMEER\n",
        "Situation Report – 148\nData as received by WHO by 10:00 CEST, 16 June 2020\n",
    ],
)
def test_prose_and_tables_without_figures_are_no_table(text: str) -> None:
    """Sentences ending in a number, a table of names, a report's title lines: no table."""
    assert aligned_tables(text, lambda s: False) == []


_PLACES = ("Kenya", "Uganda", "Ghana", "Peru", "Chile", "Nepal", "France", "Spain")
_HEADERS = {"Deaths": "killed", "Injured": "injured", "Missing": "missing", "Cases": "cases"}


@st.composite
def _spaced_tables(draw: st.DrawFn) -> tuple[str, list[tuple[str, str, int]]]:
    """A space-aligned table of known cells, with the (place, metric, value) each figure cell says."""
    heads = draw(st.lists(st.sampled_from(sorted(_HEADERS)), min_size=1, max_size=4, unique=True))
    places = draw(st.lists(st.sampled_from(_PLACES), min_size=2, max_size=6, unique=True))
    widths = [draw(st.integers(min_value=2, max_value=6)) for _ in heads]
    values = [[draw(st.integers(min_value=0, max_value=99_999)) for _ in heads] for _ in places]
    gap = draw(st.integers(min_value=2, max_value=5))
    first = max(len(p) for p in places) + gap
    col = [max(len(h), 6) + w for h, w in zip(heads, widths, strict=True)]
    lines = ["Country".ljust(first) + "".join(h.rjust(c) for h, c in zip(heads, col, strict=True))]
    cells: list[tuple[str, str, int]] = []
    for place, row in zip(places, values, strict=True):
        lines.append(
            place.ljust(first) + "".join(str(v).rjust(c) for v, c in zip(row, col, strict=True))
        )
        cells += [(place, _HEADERS[h], v) for h, v in zip(heads, row, strict=True)]
    return "Table 2. Figures by country\n\n" + "\n".join(lines) + "\n", cells


@settings(max_examples=60, deadline=None)
@given(_spaced_tables())
def test_every_cell_of_a_generated_spaced_table_is_read_with_its_column_and_row(
    table: tuple[str, list[tuple[str, str, int]]],
) -> None:
    """Law: each figure cell is one candidate of its column's metric at its row's place, and nothing else."""
    text, cells = table
    found = extract(text, outlet="Example")
    got = sorted(
        (c.claim.scope.place[-1], c.claim.metric.name, int(c.claim.estimate.low)) for c in found
    )
    assert got == sorted(cells)
    listed = {(u.start, u.end) for u in found.unread}
    for a, b in numerals(text):
        assert any(c.start <= a and b <= c.end for c in found) or (a, b) in listed


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.text(alphabet=string.ascii_letters + string.digits + " *#%()-,.:|\t", max_size=40),
        max_size=12,
    )
)
def test_every_numeral_of_any_lines_is_read_or_listed(lines: list[str]) -> None:
    """Law: whatever lines a table detector is shown, every numeral is read or listed with a reason."""
    text = "\n".join(lines)
    found = extract(text, outlet="Example")
    listed = {(u.start, u.end) for u in found.unread}
    for a, b in numerals(text):
        digits = [k for k in range(a, b) if text[k].isdigit()]
        assert (a, b) in listed or all(any(c.start <= k < c.end for c in found) for k in digits)


def test_a_huge_table_is_read_in_work_linear_in_its_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """10^5 rows, a row of 10^4 columns, a 10^6-character line: work grows with the size, not its square."""
    rows = "\n".join(f"Row{'x' * (k % 7)}  {k}  {k + 1}" for k in range(100_000))
    tables = aligned_tables("Name  Cases  Deaths\n" + rows + "\n", lambda s: False)
    assert len(tables) == 1
    assert len(tables[0].rows) == 100_000
    calls = 0
    apart = _aligned._apart

    def counted(*args: int) -> int:
        nonlocal calls
        calls += 1
        return apart(*args)

    monkeypatch.setattr(_aligned, "_apart", counted)
    n = 10_000
    wide = "Name  " + "  ".join(f"Deaths{k}" for k in range(n)) + "\n"
    wide += "Alpha  " + "  ".join("1" for _ in range(n // 2)) + "\n"
    wide += "Beta  " + "  ".join("2" for _ in range(n // 2)) + "\n"
    (table,) = aligned_tables(wide, lambda s: False)
    assert calls <= 4 * n + 8  # each cell compared with its neighbouring columns only
    assert len(table.header) == n + 1
    long_line = "Total  " + "9 " * 500_000
    assert aligned_tables(long_line + "\n" + long_line + "\n", lambda s: False) == []
