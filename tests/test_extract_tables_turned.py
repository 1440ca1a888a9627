"""Tables on their side: places or dates head the columns, metrics label the rows (issue 22, item 2).

Every table here is written for these tests in the layout situation reports and outbreak
bulletins use for a toll by area (a disaster agency's "Dead / Injured / Missing" rows under
province columns; a health agency's "Cases / Deaths" rows under country or date columns).
A turned table must give each cell the metric and the thing its row names and the place its
column names, as the same table written the usual way round does.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._extract._table import tables
from claimdiff._extract._turned import is_date, turned

Read = tuple[str, str, str, tuple[str, ...]]


def _read(text: str) -> list[Read]:
    return [
        (c.phrase, c.claim.metric.name, c.claim.scope.counted, c.claim.scope.place)
        for c in extract(text, outlet="Example")
    ]


def test_country_columns_give_each_cell_its_row_metric_thing_and_column_place() -> None:
    """Rows naming a metric and a thing ("Homes destroyed") over country columns; a "Total" column of two countries."""
    text = (
        "Storm damage reported by the relief agency\n\n"
        "| | Kenya | Uganda | Total |\n|---|---|---|---|\n"
        "| Homes destroyed | 130 | 45 | 175 |\n"
        "| Dead | 6 | 3 | 9 |\n"
    )
    got = _read(text)
    assert ("130", "razed", "homes", ("Kenya",)) in got
    assert ("45", "razed", "homes", ("Uganda",)) in got
    assert ("3", "killed", "people", ("Uganda",)) in got
    # a total over two countries lies in neither
    assert ("175", "razed", "homes", ()) in got
    assert ("9", "killed", "people", ()) in got
    assert [c[0] for c in got] == ["130", "45", "175", "6", "3", "9"]  # in the order written


def test_province_columns_within_one_country_and_a_total_in_that_country() -> None:
    """A tab-separated table of provinces of one country: the total column is the country's."""
    text = (
        "Flood toll in Pakistan by province\n\n"
        "Category\tSindh\tBalochistan\tTotal\n"
        "Deaths\t17\t5\t22\n"
        "Injured\t44\t12\t56\n"
    )
    got = _read(text)
    assert ("17", "killed", "people", ("Pakistan", "Sindh")) in got
    assert ("12", "injured", "people", ("Pakistan", "Balochistan")) in got
    assert ("56", "injured", "people", ("Pakistan",)) in got


def test_space_aligned_table_without_a_corner_cell_is_turned() -> None:
    """Columns laid out with spaces and no word over the label column."""
    text = (
        "Cholera this week\n\n"
        "             Kenya    Uganda\n"
        "Cases          410       73\n"
        "Deaths           8        2\n"
    )
    got = _read(text)
    assert ("410", "cases", "people", ("Kenya",)) in got
    assert ("2", "killed", "people", ("Uganda",)) in got


def test_date_columns_take_their_metrics_from_the_rows() -> None:
    """Dates heading the columns are no place: the cells are the text's place's, with the row's metric."""
    text = (
        "Measles in Kenya, as the ministry reported it\n\n"
        "| | 4 June | 11 June |\n|---|---|---|\n"
        "| Cases | 210 | 260 |\n"
        "| Deaths | 3 | 4 |\n"
    )
    got = _read(text)
    assert ("260", "cases", "people", ("Kenya",)) in got
    assert ("4", "killed", "people", ("Kenya",)) in got
    assert ("4", "cases", "people", ("Kenya",)) not in got  # the date's day is no figure


def test_a_table_the_usual_way_round_is_not_turned() -> None:
    """Places down the rows, metrics across: left as it is."""
    text = "| Country | Dead | Injured |\n|---|---|---|\n| Kenya | 6 | 20 |\n| Uganda | 3 | 7 |\n"
    (table,) = tables(text)
    assert turned(table, lambda s: s in {"Kenya", "Uganda"}) is table


def test_place_columns_over_rows_that_name_no_metric_are_not_turned() -> None:
    """Years down the rows under place columns: the rows are no metrics, so no cell gets a row's metric."""
    text = "| Year | Kenya | Uganda |\n|---|---|---|\n| 2021 | 6 | 20 |\n| 2022 | 3 | 7 |\n"
    (table,) = tables(text)
    assert turned(table, lambda s: s in {"Kenya", "Uganda"}) is table


def test_dates_and_weeks_are_recognised_as_column_heads() -> None:
    """The date forms a bulletin heads its columns with, and words that are none."""
    assert all(
        map(is_date, ["3 May", "May 3", "May 3, 2024", "June 2024", "2024-06-04", "04/06/2024"])
    )
    assert is_date("Week 23")
    assert is_date("Epi week 7/2024")
    assert not any(map(is_date, ["Deaths", "Mayo", "Total", "12", "Region 3"]))


def test_every_numeral_of_a_turned_table_is_read() -> None:
    """No cell of a turned table is left unread."""
    text = "| | Kenya | Uganda |\n|---|---|---|\n| Dead | 6 | 3 |\n| Missing | 11 | 2 |\n"
    found = extract(text, outlet="Example")
    assert sorted(c.phrase for c in found) == ["11", "2", "3", "6"]
    assert not found.unread


_COUNTRIES = ["Kenya", "Uganda", "Ghana", "Peru", "Chile"]
_METRICS = [("Dead", "killed"), ("Injured", "injured"), ("Missing", "missing")]


@settings(max_examples=25, deadline=None)
@given(
    places=st.lists(st.sampled_from(_COUNTRIES), min_size=2, max_size=4, unique=True),
    rows=st.lists(st.sampled_from(_METRICS), min_size=1, max_size=3, unique=True),
    data=st.data(),
)
def test_a_turned_table_reads_as_the_same_table_the_usual_way_round(
    places: list[str], rows: list[tuple[str, str]], data: st.DataObject
) -> None:
    """The law of turning: a grid written with places as columns gives the claims it gives with places as rows."""
    grid = [[data.draw(st.integers(min_value=1, max_value=9999)) for _ in places] for _ in rows]
    side = "| | " + " | ".join(places) + " |\n|" + "---|" * (len(places) + 1) + "\n"
    side += "".join(
        f"| {label} | " + " | ".join(str(v) for v in values) + " |\n"
        for (label, _), values in zip(rows, grid, strict=True)
    )
    usual = "| Country | " + " | ".join(label for label, _ in rows) + " |\n"
    usual += "|" + "---|" * (len(rows) + 1) + "\n"
    usual += "".join(
        f"| {place} | " + " | ".join(str(grid[r][p]) for r in range(len(rows))) + " |\n"
        for p, place in enumerate(places)
    )
    assert sorted(_read(side)) == sorted(_read(usual))
    assert len(_read(side)) == len(places) * len(rows)


def test_province_columns_the_gazetteer_knows_only_within_the_text_country() -> None:
    """Province names known only inside the country the text is about head the columns: placed in it."""
    text = (
        "Landslides in Indonesia: the toll by province\n\n"
        "| | Aceh | Riau |\n|---|---|---|\n"
        "| Dead | 14 | 5 |\n"
        "| Missing | 3 | 8 |\n"
    )
    got = _read(text)
    assert ("14", "killed", "people", ("Indonesia", "Sumatera", "Aceh")) in got
    assert ("8", "missing", "people", ("Indonesia", "Sumatera", "Riau")) in got


def test_a_word_that_is_no_unit_of_the_country_is_no_place() -> None:
    """ "Other" and "Total" are no provinces of the text's country: no cell is placed in them."""
    text = "Landslides in Indonesia\n\n| | Other | Total |\n|---|---|---|\n| Dead | 14 | 5 |\n"
    got = _read(text)
    assert got
    assert all(c[3] in {("Indonesia",), ()} for c in got)


def test_a_metric_row_whose_figures_look_like_years_is_read() -> None:
    """'| Dead | 1800 | 1800 |' under places is a row of figures, not a second header of years."""
    side = "| | Kenya | Uganda |\n|---|---|---|\n| Dead | 1800 | 1750 |\n"
    assert sorted(_read(side)) == [
        ("1750", "killed", "people", ("Uganda",)),
        ("1800", "killed", "people", ("Kenya",)),
    ]
