"""Anchor tables as users get them: headers in any case, written dates, bad cells rejected row by row."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from claimdiff.exceptions import ClaimFileError
from claimdiff.formats import read_acled, read_airwars, read_ibc

_ACLED_HEADER = "event_id_cnty,event_date,time_precision,fatalities,country,admin1\n"


def _acled(tmp_path: Path, *rows: str, header: str = _ACLED_HEADER) -> Path:
    path = tmp_path / "acled.csv"
    path.write_text(header + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def _periods(loaded) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {c.id: c.period.isoformat() for c in loaded.claims}


def test_headers_match_in_any_case_and_spacing(tmp_path: Path) -> None:
    """``EVENT_ID_CNTY``, ``Event Date`` and ``event_date`` are one column, as ACLED's codebook means them."""
    path = _acled(
        tmp_path,
        "X1,2023-01-31,1,4,Syria,Idlib",
        header="EVENT_ID_CNTY,Event Date,TIME_PRECISION,Fatalities,COUNTRY,ADMIN1\n",
    )
    loaded = read_acled(path)
    assert [(c.id, c.estimate.describe(), c.scope.place) for c in loaded.claims] == [
        ("acled-X1", "4", ("Syria", "Idlib"))
    ]


def test_a_column_named_twice_is_refused(tmp_path: Path) -> None:
    """Two headers that differ only in case would make one of them silently win: refused, both named."""
    path = _acled(
        tmp_path, "X1,2023-01-31,1,4,Syria,Idlib,5", header=_ACLED_HEADER.strip() + ",FATALITIES\n"
    )
    with pytest.raises(
        ClaimFileError, match="names one column twice: 'fatalities' and 'FATALITIES'"
    ):
        read_acled(path)


def test_ibc_headers_and_written_dates() -> None:
    """IBC's "IBC code"/"Start Date" columns match however they are cased; "3 Jan 2004" and "January 5, 2004" read."""
    loaded = read_ibc(
        [
            {
                "ibc code": "k1",
                "START DATE": "3 Jan 2004",
                "end_date": "January 5, 2004",
                "Reported Minimum": "4",
                "reported maximum": "6",
                "location": "Baghdad",
            }
        ]
    )
    (c,) = loaded.claims
    assert (c.id, c.estimate.interval_text(), c.period.isoformat()) == (
        "ibc-k1",
        "[4, 6]",
        "2004-01-03/2004-01-05",
    )  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "written",
    [
        "1/31/2023",
        "31-Jan-23",
        "January 31, 2023",
        "31 January 2023",
        "2023-01-31",
        "2023-01-31T00:00:00.000",
        "31.01.2023",
    ],
)
def test_every_common_written_date(tmp_path: Path, written: str) -> None:
    """The forms exports write for 31 January 2023 all read as that day."""
    loaded = read_acled(_acled(tmp_path, f'X1,"{written}",1,4,Syria,Idlib'))
    assert _periods(loaded) == {"acled-X1": "2023-01-31"}


def test_ambiguous_dates_settled_by_the_files_own_rows(tmp_path: Path) -> None:
    """``1/12/2023`` is 1 December in a file that also writes ``13/01/2023`` (day first), 12 January in one
    that writes ``1/31/2023`` (month first)."""
    day_first = read_acled(
        _acled(tmp_path, "X1,1/12/2023,1,4,Syria,Idlib", "X2,13/01/2023,1,1,Syria,Idlib")
    )
    assert _periods(day_first)["acled-X1"] == "2023-12-01"
    month_first = read_acled(
        _acled(tmp_path, "X1,1/12/2023,1,4,Syria,Idlib", "X2,1/31/2023,1,1,Syria,Idlib")
    )
    assert _periods(month_first)["acled-X1"] == "2023-01-12"


def test_an_unsettled_ambiguous_date_is_a_located_rejection(tmp_path: Path) -> None:
    """With no row that settles the order, ``1/12/2023`` is refused with its line and column, never guessed;
    ``dayfirst=True`` reads it."""
    path = _acled(tmp_path, "X1,1/12/2023,1,4,Syria,Idlib", "X2,2023-01-05,1,1,Syria,Idlib")
    loaded = read_acled(path)
    assert [c.id for c in loaded.claims] == ["acled-X2"]
    (bad,) = loaded.rejected
    assert (bad.location, bad.claim_id) == ("line 2, column 'event_date'", "acled-X1")
    assert "1 December or 12 January" in bad.reason
    assert _periods(read_acled(path, dayfirst=True))["acled-X1"] == "2023-12-01"


def test_a_file_of_both_orders_refuses_its_ambiguous_rows(tmp_path: Path) -> None:
    """A file writing 13/01/2023 and 1/31/2023 has no order: its ambiguous row is refused naming both lines."""
    loaded = read_acled(
        _acled(
            tmp_path,
            "X1,13/01/2023,1,1,Syria,Idlib",
            "X2,1/31/2023,1,1,Syria,Idlib",
            "X3,2/3/2023,1,1,Syria,Idlib",
        )
    )
    assert sorted(c.id for c in loaded.claims) == ["acled-X1", "acled-X2"]
    (bad,) = loaded.rejected
    assert "line 2" in bad.reason
    assert "line 3" in bad.reason


def test_airwars_unreadable_date_is_a_rejection_never_a_claim_without_period() -> None:
    """ "October 7, 2023" is the day; "garbage-date" rejects its row (row and column named), the others are kept."""
    rows = [
        {
            "code": "A1",
            "date": "October 7, 2023",
            "civilians_killed_min": 3,
            "civilians_killed_max": 5,
        },
        {
            "code": "A2",
            "date": "garbage-date",
            "civilians_killed_min": 1,
            "civilians_killed_max": 1,
        },
    ]
    loaded = read_airwars(rows)
    assert _periods(loaded) == {"airwars-A1": "2023-10-07"}
    (bad,) = loaded.rejected
    assert (bad.location, bad.claim_id) == ("row 1, column 'date'", "airwars-A2")


@pytest.mark.parametrize(
    ("date", "precision"),
    [
        ("9999-12-31", "2"),
        ("0001-01-01", "2"),
        ("2023-01-01", "inf"),
        ("2023-01-01", "7"),
        ("2023-01-01", "1e400"),
    ],
)
def test_acled_calendar_ends_and_bad_precisions_are_located(
    tmp_path: Path, date: str, precision: str
) -> None:
    """A week around 9999-12-31, or a time precision of inf or 7, rejects the row (no OverflowError)."""
    loaded = read_acled(
        _acled(tmp_path, f"X1,{date},{precision},1,Syria,Idlib", "X2,2023-01-05,1,1,Syria,Idlib")
    )
    assert [c.id for c in loaded.claims] == ["acled-X2"]
    (bad,) = loaded.rejected
    assert bad.location.startswith("line 2, column")


def test_a_cell_longer_than_csvs_limit_is_read(tmp_path: Path) -> None:
    """A notes cell of 200,000 characters (over csv's 131,072) is data: the row is read, never a _csv.Error,
    and csv's process-wide limit is the same afterwards."""
    path = tmp_path / "long.csv"
    path.write_text(
        'event_id_cnty,event_date,fatalities,country,notes\nX1,2023-01-05,2,Syria,"'
        + "x" * 200_000
        + '"\nX2,2023-01-06,1,Syria,short\n',
        encoding="utf-8",
    )
    import csv

    before = csv.field_size_limit()
    loaded = read_acled(path)
    assert [c.id for c in loaded.claims] == ["acled-X1", "acled-X2"]
    assert csv.field_size_limit() == before  # no other CSV reader sees a raised limit


@pytest.mark.parametrize(
    "bad", [math.inf, -math.inf, math.nan, "inf", "1e400", -3, 2.5, "twelve", [1], {"a": 1}]
)
def test_a_bad_figure_rejects_its_row_not_the_table(bad: object) -> None:
    """One ±inf (or other non-count) figure rejects its own row, located; the rows around it are kept."""
    acled = read_acled(
        [
            {
                "event_id_cnty": "X1",
                "event_date": "2023-01-05",
                "fatalities": 1,
                "country": "Syria",
            },
            {
                "event_id_cnty": "X2",
                "event_date": "2023-01-05",
                "fatalities": bad,
                "country": "Syria",
            },
            {
                "event_id_cnty": "X3",
                "event_date": "2023-01-05",
                "fatalities": 2,
                "country": "Syria",
            },
        ]
    )
    assert [c.id for c in acled.claims] == ["acled-X1", "acled-X3"]
    assert acled.rejected[0].location == "row 1, column 'fatalities'"
    if isinstance(bad, float) and math.isnan(
        bad
    ):  # pandas' missing cell: a maximum not given is an open bound
        return
    ibc = read_ibc(
        [
            {"IBC code": "k1", "Reported Minimum": 1, "Reported Maximum": bad},
            {"IBC code": "k2", "Reported Minimum": 2, "Reported Maximum": 3},
        ]
    )
    assert [c.id for c in ibc.claims] == ["ibc-k2"]
    assert ibc.rejected[0].location == "row 0, column 'Reported Maximum'"


def test_a_dataframe_with_an_inf_cell_keeps_its_other_rows() -> None:
    """The same through pandas: one inf cell costs its row, not the chunk of 20,000."""
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        {
            "code": ["A1", "A2"],
            "date": ["2017-03-17", "2017-03-18"],
            "civilians_killed_min": [1.0, 2.0],
            "civilians_killed_max": [math.inf, 2.0],
        }
    )
    loaded = read_airwars(df)
    assert [c.id for c in loaded.claims] == ["airwars-A2"]
    assert loaded.rejected[0].location == "row 0, column 'civilians_killed_max'"
