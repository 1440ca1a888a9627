"""The grid of a table pasted as text: its rows and columns by separators and alignment, then every cell read.

The tables here are made up for the tests; each shows one layout feature.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._extract import _grid as _grid_module
from claimdiff._extract._grid import grids, is_empty, is_figure, split_line
from claimdiff._extract._grid_strips import key_strips
from claimdiff._extract._grid_words import title_columns, word_grids
from claimdiff._extract._table import Cell, line_spans


def _read(text: str) -> set[tuple[str, str, str, tuple[str, ...]]]:
    found = extract(text, outlet="Example Bulletin", published="2022-05-30")
    return {
        (
            c.claim.metric.name,
            c.claim.scope.counted or "",
            c.claim.estimate.interval_text(),
            c.claim.scope.place,
        )
        for c in found
    }


def _values(text: str) -> set[str]:
    return {interval for _, _, interval, _ in _read(text)}


def _cells(tables: list) -> list[list[list[str]]]:  # type: ignore[type-arg]
    return [[[c.text for c in row] for row in (t.header, *t.rows)] for t in tables]


def test_a_bar_table_is_split_at_its_bars_and_its_rule_is_no_row() -> None:
    """'| a | b |' rows under a '---' rule: the outer bars open no cell, the rule is skipped."""
    text = "| Town | Dead | Hurt |\n|---|---|---|\n| Alder | 4 | 9 |\n| Birch | 2 | 7 |\n"
    assert _cells(grids(text)) == [
        [["Town", "Dead", "Hurt"], ["Alder", "4", "9"], ["Birch", "2", "7"]]
    ]


def test_a_tab_table_keeps_its_empty_cells_in_their_columns() -> None:
    """A cell left empty between two tabs keeps the cells after it under their own headers."""
    text = "Camp\tFamilies\tPersons\nNorth\t\t400\nSouth\t35\t150\n"
    assert _cells(grids(text)) == [
        [["Camp", "Families", "Persons"], ["North", "", "400"], ["South", "35", "150"]]
    ]


def test_spaced_cells_stand_under_the_header_they_overlap() -> None:
    """Right-aligned figures under left-aligned headers: each in the column it stands under."""
    text = (
        "Ward           Killed     Injured\n"
        "Northgate           3          11\n"
        "Riverside                       4\n"
    )
    assert _cells(grids(text)) == [
        [["Ward", "Killed", "Injured"], ["Northgate", "3", "11"], ["Riverside", "", "4"]]
    ]


def test_a_column_numbering_the_rows_is_no_data() -> None:
    """'1', '2', '3' before each row's label rank the rows; they are dropped, not read as counts."""
    text = "No.   Ward        Killed\n1     Northgate        3\n2     Riverside        8\n3     Hillside         1\n"
    values = _values(text)
    assert {"[3, 3]", "[8, 8]", "[1, 1]"} <= values
    assert "[2, 2]" not in values


def test_rows_labelled_by_dates_are_read() -> None:
    """A date in a row's first cell is its label, not a figure: the figures after it are the row's cells."""
    text = "Date           New cases    Deaths\n3 May 2022            41         2\n10 May 2022           57         5\n"
    read = _read(text)
    assert ("cases", "people", "[57, 57]", ()) in {(m, c, v, ()) for m, c, v, _ in read}
    assert "[3, 3]" not in _values(text)
    assert "[10, 10]" not in _values(text)


def test_a_header_written_on_two_lines_is_joined_per_column() -> None:
    """'Houses' over 'destroyed', 'Houses' over 'damaged': two columns, each named by both lines."""
    text = (
        "Commune       Houses        Houses\n"
        "              destroyed     damaged\n"
        "Lakeview            120           340\n"
        "Stonebridge          15            60\n"
    )
    assert _cells(grids(text))[0][0] == ["Commune", "Houses destroyed", "Houses damaged"]
    read = _read(text)
    assert ("razed", "homes", "[120, 120]") in {(m, c, v) for m, c, v, _ in read}
    assert ("damaged", "homes", "[340, 340]") in {(m, c, v) for m, c, v, _ in read}


def test_a_totals_row_is_read_with_the_column_metric() -> None:
    """A row labelled 'Total' holds the column's sums: figures of the same metric."""
    text = "Ward           Killed\nNorthgate           3\nRiverside           8\nTotal              11\n"
    assert ("killed", "people", "[11, 11]") in {(m, c, v) for m, c, v, _ in _read(text)}


def test_dash_and_not_available_cells_are_empty() -> None:
    """'-' and 'n/a' say the cell holds nothing: no claim, and no shift of the cells after them."""
    assert is_empty("-")
    assert is_empty("n/a")
    assert not is_empty("0")
    text = "Ward\tKilled\tMissing\nNorthgate\t-\t6\nRiverside\tn/a\t2\n"
    read = _read(text)
    assert ("missing", "people", "[6, 6]") in {(m, c, v) for m, c, v, _ in read}
    assert not any(m == "killed" for m, _, _, _ in read)


def test_a_scale_in_the_header_multiplies_its_column() -> None:
    """'Displaced (thousands)': 12.5 under it is 12,500 people."""
    text = "Province       Displaced (thousands)\nEastmoor                        12.5\nWestfold                         3\n"
    assert "[12500, 12500]" in _values(text)


def test_a_share_column_gives_no_count() -> None:
    """A column headed by a per cent sign holds shares, not counts: its cells stay unread."""
    text = "Ward\tCases\tCFR (%)\nNorthgate\t40\t2.5\nRiverside\t12\t8.3\n"
    values = _values(text)
    assert "[40, 40]" in values
    assert "[2.5, 2.5]" not in values


def test_places_heading_the_columns_place_their_cells() -> None:
    """A table on its side (places across, metrics down): each figure is in its column's place."""
    text = "|           | Kenya | Uganda |\n|---|---|---|\n| Deaths    | 12    | 3      |\n| Injured   | 40    | 9      |\n"
    read = _read(text)
    assert ("killed", "people", "[12, 12]", ("Kenya",)) in read
    assert ("injured", "people", "[9, 9]", ("Uganda",)) in read


def test_one_cell_a_line_under_a_header_of_as_many_lines() -> None:
    """A web table copied one cell a line: 'Country', 'Cases', 'Deaths', then three lines a row."""
    text = "Country\nCases\nDeaths\nKenya\n310\n7\nUganda\n95\n2\n"
    read = _read(text)
    assert ("cases", "people", "[310, 310]", ("Kenya",)) in read
    assert ("killed", "people", "[2, 2]", ("Uganda",)) in read


def test_figures_without_a_label_column_are_all_read() -> None:
    """A grid whose first column is a figure column: an empty label column is put first, no cell lost."""
    text = "Deaths  Injured  Missing\n7  19  4\n"
    assert _cells(grids(text)) == []  # a spaced grid of one row is no grid (prose may be so spaced)
    text = "Deaths\tInjured\tMissing\n7\t19\t4\n"
    assert {"[7, 7]", "[19, 19]", "[4, 4]"} <= _values(text)


def test_single_spaced_rows_under_a_sentence_case_header() -> None:
    """'Ward Number killed Injured': each capitalised word opens a column; rows of a label, then figures."""
    text = "No. Ward Number killed Injured\n1 Northgate 3 11\n2 Riverside 8 4\n"
    tables = word_grids(text)
    assert _cells(tables)[0][1:] == [["Northgate", "3", "11"], ["Riverside", "8", "4"]]
    assert [c.text for c in title_columns("Ward Number killed Injured", 0, 26, 3) or []] == [
        "Ward",
        "Number killed",
        "Injured",
    ]


def test_a_key_figures_strip_gives_each_label_its_figure() -> None:
    """'920 14 3 People affected Villages flooded Deaths': the k-th label names the k-th figure."""
    text = "Key figures\n\n920 14 3 People affected Villages flooded Deaths\n"
    read = _read(text)
    assert ("affected", "people", "[920, 920]") in {(m, c, v) for m, c, v, _ in read}
    assert ("killed", "people", "[3, 3]") in {(m, c, v) for m, c, v, _ in read}


def test_a_column_of_counts_headed_by_a_place_word_holds_no_places() -> None:
    """'Districts affected' over figures counts districts: its cells are no row places."""
    text = "Region\tDistricts affected\tDeaths\nCoastal\t4\t10\nUpland\t2\t3\n"
    read = _read(text)
    assert ("affected", "districts", "[4, 4]") in {(m, c, v) for m, c, v, _ in read}


def test_prose_with_double_spaces_is_no_grid() -> None:
    """Sentences whose words a double space parts are running text, never a grid."""
    text = "The storm hit the coast.  Officials said 12 people died.\nRescuers were  still searching on Monday.\n"
    assert grids(text) == []
    assert is_figure("1,204")
    assert is_figure("12 500")
    assert not is_figure("12 May")


_LINE = st.lists(
    st.sampled_from(
        [
            "|",
            "\t",
            "  ",
            " ",
            "-",
            "12",
            "3,400",
            "n/a",
            "Ward",
            "Total",
            "---",
            ".",
            "1. ",
            "2. ",
            "May",
        ]
    ),
    max_size=16,
).map("".join)


@given(st.lists(_LINE, max_size=12))
def test_grids_never_raise_and_stay_inside_the_text(lines: list[str]) -> None:
    """Any lines of separators, digits and words: the grids lie inside the text, each cell its own words."""
    text = "\n".join(lines)
    spans = line_spans(text)
    for table in [*grids(text, spans), *word_grids(text, spans), *key_strips(text, spans)]:
        assert 0 <= table.start <= table.end <= len(text)
        assert len(table.rows) <= len(spans)
        for (
            cell
        ) in table.header:  # a header on several lines joins its words, from its first cell's
            assert cell.text.startswith(text[cell.start : cell.end])
        for row in table.rows:
            for cell in row:
                assert cell.text == "" or text[cell.start : cell.end] == cell.text
    for a, b in spans:
        sep, cells = split_line(text, a, b)
        assert sep in {"\t", "|", "  ", ""}
        assert all(a <= c.start <= c.end <= b for c in cells)


def test_a_table_run_into_one_line_is_cut_at_its_row_numbers() -> None:
    """'Ward Killed Injured 1. Northgate 3 11 2. Riverside 8 4 Total 11 15': rows cut at 1., 2., then Total."""
    text = "Toll by ward: Ward Killed Injured 1. Northgate 3 11 2. Riverside 8 4 Total 11 15\n"
    assert _cells(word_grids(text)) == [
        [
            ["Ward", "Killed", "Injured"],
            ["Northgate", "3", "11"],
            ["Riverside", "8", "4"],
            ["Total", "11", "15"],
        ]
    ]
    assert ("injured", "people", "[15, 15]") in {(m, c, v) for m, c, v, _ in _read(text)}


def test_spaces_that_may_part_thousands_make_no_grid() -> None:
    """'12 500' with no comma anywhere: one figure or two, nothing tells; no single-spaced grid is read."""
    text = "Ward Killed Injured\nNorthgate 12 500\nRiverside 3 250\n"
    assert word_grids(text) == []


def test_a_short_title_names_the_metric_of_columns_of_dates() -> None:
    """Columns headed by dates name no metric: the title above ('Deaths by ward') gives it."""
    text = "Deaths by ward\nWard\t2 May\t9 May\nNorthgate\t3\t5\nRiverside\t8\t9\n"
    assert ("killed", "people", "[9, 9]") in {(m, c, v) for m, c, v, _ in _read(text)}
    text = "Ward\t2 May\t9 May\nNorthgate\t3\t5\nRiverside\t8\t9\n"
    assert _values(text) == set()


def test_single_spaced_rows_labelled_by_dates() -> None:
    """'12 May 2022 40 2': the day before the month is the date's, not a row number; 40 and 2 are the cells."""
    text = "Date New cases Deaths\n12 May 2022 40 2\n19 May 2022 55 4\n"
    assert _cells(word_grids(text)) == [
        [["Date", "New cases", "Deaths"], ["12 May 2022", "40", "2"], ["19 May 2022", "55", "4"]]
    ]


def test_a_row_group_heading_places_the_rows_under_it() -> None:
    """A line of one word between a spaced grid's rows heads a group: the rows under it are in it."""
    text = (
        "Town           Killed    Injured\n"
        "Kenya\n"
        "Eastfield           3         11\n"
        "Westfield           2          5\n"
        "Uganda\n"
        "Northfield          1          4\n"
    )
    (table,) = grids(text)
    assert [[c.text for c in row][:2] for row in table.rows] == [
        ["Kenya", "Eastfield"],
        ["Kenya", "Westfield"],
        ["Uganda", "Northfield"],
    ]


def test_each_line_is_split_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """Linear: a long run of rows without a header is passed over whole, never read again from each line."""
    calls = 0
    split = _grid_module.split_line

    def counted(text: str, start: int, end: int) -> tuple[str, tuple[Cell, ...]]:
        nonlocal calls
        calls += 1
        return split(text, start, end)

    monkeypatch.setattr(_grid_module, "split_line", counted)
    for row in ("| 1 | 2 |\n", "Ward\tTown\n", "Alpha   12   40\n"):
        calls = 0
        grids(row * 400)
        assert (
            calls <= 5 * 400
        )  # a few reads a line (its own, a look-ahead), never one per line before it


def test_a_sentence_above_single_spaced_rows_is_no_header() -> None:
    """A line of prose over two lines of a word and figures names no columns: no grid."""
    text = "Officials in Northgate, Riverside and Hillside Said Killed.\nNorthgate 3 11\nRiverside 8 4\n"
    assert word_grids(text) == []
