"""Data frames: claims from a DataFrame, and a report as flat tables (pandas, Arrow, Parquet)."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimdiff
from claimdiff import Claim, Scope, claims_from_dataframe, load_claims, reconcile
from conftest import SEED

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")


def _frame() -> object:
    return pd.DataFrame(
        {
            "event": ["e1", "e2", "e3", "e4"],
            "deaths": pd.array([3, None, 5, -2], dtype="Int64"),
            "low": [np.int64(2), np.nan, np.float64(4.0), np.int32(1)],
            "country": ["Syria", "Syria", "Iraq", "Iraq"],
            "adm1": ["Idlib", np.nan, None, "Anbar"],
            "day": pd.to_datetime(["2023-12-30", "2023-12-29", None, "2023-12-30"]),
        },
        index=[10, 11, 12, 13],
    )


COLUMNS = {
    "id": "event",
    "best": "deaths",
    "low": "low",
    "place": ["country", "adm1"],
    "period": "day",
}
DEFAULTS = {"metric": "killed", "counted": "people", "source": "UCDP"}


def test_numpy_scalars_and_nan_are_read_as_python_values_and_missing() -> None:
    """numpy integers and floats are figures; NaN, None, pd.NA and NaT are missing (never the place 'nan');
    a naive midnight timestamp is a calendar day."""
    loaded = claims_from_dataframe(_frame(), columns=COLUMNS, defaults=DEFAULTS)
    by_id = {c.id: c for c in loaded.claims}
    assert set(by_id) == {"e1", "e3"}
    assert (by_id["e1"].low, by_id["e1"].high, by_id["e1"].estimate.point) == (2, float("inf"), 3)
    assert by_id["e1"].scope.place == ("Syria", "Idlib")
    assert by_id["e3"].scope.place == ("Iraq",)
    assert by_id["e1"].period is not None
    assert by_id["e1"].period.isoformat() == "2023-12-30"
    assert by_id["e3"].period is None


def test_bad_rows_are_rejections_with_row_and_column() -> None:
    """A row without a figure and a row with a negative one are rejected, each naming its index label,
    the column and the reason; every row is in claims or rejected."""
    loaded = claims_from_dataframe(_frame(), columns=COLUMNS, defaults=DEFAULTS, name="events")
    assert len(loaded.claims) + len(loaded.rejected) == 4
    messages = [str(e) for e in loaded.rejected]
    assert messages[0].startswith(
        "events: claim 'e2' (row 11, column 'deaths'): 'value' is required"
    )
    assert "claim 'e4' (row 13, column 'deaths')" in messages[1]
    assert "must lie within" in messages[1] or "negative" in messages[1]


def test_default_columns_are_the_fields_named_like_them() -> None:
    """Without columns=, a frame with the claims file's column names reads like the CSV format;
    a missing id becomes row-<label>."""
    frame = pd.DataFrame(
        {
            "metric": ["killed"],
            "counted": ["people"],
            "value": ["at least 14"],
            "source": ["MoD"],
            "source_kind": ["military"],
        }
    )
    (claim,) = claims_from_dataframe(frame).claims
    assert claim.id == "row-0"
    assert claim.estimate.interval_text() == "[14, inf)"
    assert claim.source.kind.value == "military"


def test_unknown_fields_and_columns_are_errors() -> None:
    """A field claimdiff does not know, or a column the frame lacks, is a claimdiff error naming it."""
    with pytest.raises(claimdiff.exceptions.InvalidClaimError, match="deaths"):
        claims_from_dataframe(_frame(), columns={"deaths": "deaths"})
    with pytest.raises(claimdiff.exceptions.ClaimFileError, match="'fatalities'"):
        claims_from_dataframe(_frame(), columns={"value": "fatalities"})


def _report() -> claimdiff.Report:
    return reconcile(load_claims(SEED))


def test_report_tables_have_fixed_columns_and_dtypes() -> None:
    """Every table has the same columns and dtypes for the seed's report and for an empty one: no Python
    lists in cells, nullable numbers, text as strings."""
    empty = reconcile([])
    for table in claimdiff.formats.REPORT_TABLES:
        full, none = _report().to_dataframe(table), empty.to_dataframe(table)
        assert list(full.columns) == list(none.columns), table
        assert [str(t) for t in full.dtypes] == [str(t) for t in none.dtypes], table
        for column in full.columns:
            assert not any(isinstance(v, list | tuple | dict) for v in full[column]), (
                table,
                column,
            )


def test_severity_sorts_by_seriousness() -> None:
    """severity is an ordered categorical: info < warning < error (not alphabetical)."""
    flags = reconcile(
        [
            Claim(
                id="a", metric="killed", estimate="12", scope=Scope(counted="people"), source="A"
            ),
            Claim(
                id="b",
                metric="killed",
                estimate="at least 20",
                scope=Scope(counted="people"),
                source="B",
            ),
            Claim(
                id="c", metric="injured", estimate="3", scope=Scope(counted="people"), source="C"
            ),
        ]
    ).to_dataframe("flags")
    assert list(flags["severity"].cat.categories) == ["info", "warning", "error"]
    assert flags["severity"].cat.ordered
    assert flags.sort_values("severity")["severity"].iloc[-1] == "error"
    assert (flags["severity"] > "info").sum() == (flags["severity"] == "error").sum()


def test_claims_table_gives_each_claim_its_group_and_status() -> None:
    """The claims table has one row per reconciled claim with its group id and status; flag_claims links every
    flag to each of its claims."""
    report = _report()
    claims = report.to_dataframe("claims")
    assert list(claims["id"]) == [c.id for c in report.claims]
    for cid, group in zip(claims["id"], claims["group"], strict=True):
        assert report.group_of(cid).id == group
    assert set(claims["status"]) <= {"supporting", "dissenting", "superseded", "stale"}
    links = report.to_dataframe("flag_claims")
    assert len(links) == sum(len(f.claims) for f in report.flags)
    assert str(claims["period_start"].dtype) == "datetime64[us, UTC]"


def test_groups_table_keeps_unbounded_sides_as_infinity() -> None:
    """An unbounded side is inf (not missing), so numeric filters work on every group."""
    groups = reconcile(
        [
            Claim(
                id="a",
                metric="killed",
                estimate="at least 14",
                scope=Scope(counted="people"),
                source="A",
            )
        ]
    ).to_dataframe()
    assert (groups["low"].iloc[0], groups["high"].iloc[0]) == (14, float("inf"))


def test_arrow_and_parquet_round_trip(tmp_path: Path) -> None:
    """Arrow tables have the pandas tables' columns; Parquet files read back with the same rows."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from claimdiff.formats import report_arrow, write_report_parquet

    report = _report()
    table = report_arrow(report, "claims")
    assert isinstance(table, pa.Table)
    assert table.column_names == list(report.to_dataframe("claims").columns)
    written = write_report_parquet(report, tmp_path)
    assert sorted(Path(p).stem for p in written) == sorted(claimdiff.formats.REPORT_TABLES)
    back = pq.read_table(tmp_path / "flags.parquet")
    assert back.num_rows == len(report.flags)
    assert back.column("severity").to_pylist() == [f.severity.value for f in report.flags]


def test_without_pyarrow_the_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pyarrow, Arrow export says which extra to install."""
    import sys

    from claimdiff.formats import report_arrow

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"claimdiff\[pyarrow\]"):
        report_arrow(_report(), "groups")


def test_rejections_keep_the_order_of_the_rows() -> None:
    """Rejections made by a reader before the loader (UCDP's inconsistent figures) and by the loader itself come
    out in row order, as in a file."""
    rows = [
        {
            "id": 1,
            "best": 2,
            "low": 3,
            "high": 3,
            "date_start": "2020-01-01",
            "date_end": "2020-01-01",
            "country": "X",
        },
        {
            "id": 2,
            "best": 1,
            "low": 1,
            "high": 1,
            "date_start": "2020-13-01",
            "date_end": "2020-13-01",
            "country": "X",
        },
        {
            "id": 3,
            "best": 9,
            "low": 1,
            "high": 3,
            "date_start": "2020-01-01",
            "date_end": "2020-01-01",
            "country": "X",
        },
    ]
    loaded = claimdiff.formats.read_ucdp_ged(rows)
    assert [e.claim_id for e in loaded.rejected] == ["ucdp-ged-1", "ucdp-ged-2", "ucdp-ged-3"]


def test_a_table_in_the_claims_csv_columns_reads_as_the_csv() -> None:
    """A DataFrame with the claims-CSV columns keeps a via cell of two relays and a figure spelled in value_*
    columns, exactly as the CSV reader does: nothing in the table is dropped."""
    pd = pytest.importorskip("pandas")
    from claimdiff import claims_from_dataframe, loads_claims

    text = (
        "id,metric,counted,source,via,value_low,value_high\na,killed,people,MoD,TASS | AP,10,20\n"
    )
    df = pd.read_csv(__import__("io").StringIO(text))
    loaded = claims_from_dataframe(df)
    assert loaded.rejected == ()
    assert list(loaded.claims) == loads_claims(text, format="csv")
    (claim,) = loaded.claims
    assert [s.name for s in claim.via] == ["TASS", "AP"]
    assert (claim.low, claim.high) == (10.0, 20.0)


# -- issue 18, item 2: one bad cell rejects its row, located; nothing foreign, nothing silent ----------------

CSV_SHAPE = {
    "id": ["a", "b"],
    "metric": ["killed", "killed"],
    "counted": ["people", "people"],
    "value": ["12", "14"],
    "source": ["MoD", "MoD"],
}


def test_a_carriage_return_in_a_cell_does_not_split_its_row() -> None:
    """Defect: a bare \\r in a claims-CSV-shaped frame cut the text and rejected a phantom claim."""
    frame = pd.DataFrame({**CSV_SHAPE, "note": ["first\rsecond", None]})
    loaded = claims_from_dataframe(frame)
    assert loaded.rejected == ()
    assert [c.note for c in loaded.claims] == ["first\rsecond", None]


def test_an_infinite_high_is_an_open_bound_and_elsewhere_rejects_only_its_row() -> None:
    """Defect: one ±inf cell rejected its whole chunk with an unlocated message; now inf in `high` is an open
    bound, and an infinity elsewhere rejects its own row, named by row and column."""
    frame = pd.DataFrame(
        {"n": [1.0, 2.0, np.inf, 4.0], "top": [np.inf, 5.0, 6.0, 7.0]}, index=[10, 11, 12, 13]
    )
    loaded = claims_from_dataframe(
        frame,
        columns={"low": "n", "high": "top"},
        defaults={"metric": "killed", "counted": "people", "source": "S"},
    )
    assert [(c.id, c.low, c.high) for c in loaded.claims] == [
        ("row-10", 1, float("inf")),
        ("row-11", 2, 5),
        ("row-13", 4, 7),
    ]
    (bad,) = loaded.rejected
    assert "row 12, column 'n'" in str(bad)
    assert "inf" in bad.reason
    csv_shaped = pd.DataFrame(
        {
            **CSV_SHAPE,
            "value": [None, "3"],
            "value_low": [1.0, None],
            "value_high": [np.inf, None],
            "note": [None, -np.inf],
        }
    )
    loaded = claims_from_dataframe(csv_shaped)
    assert [(c.id, c.low, c.high) for c in loaded.claims] == [("a", 1, float("inf"))]
    assert "row 1, column 'note'" in str(loaded.rejected[0])


@pytest.mark.parametrize(
    "cell",
    [__import__("decimal").Decimal("1.5"), pd.Timedelta("1D"), b"12", {1: 2}, np.array([1, 2])],
)
def test_cells_of_other_types_are_located_rejections(cell: object) -> None:
    """Defect: Decimal and Timedelta cells raised foreign exceptions (TypeError from json); now each rejects
    its row, named by row and column, and the other rows are kept."""
    frame = pd.DataFrame({"n": pd.Series([3, cell, 4], dtype=object)})
    loaded = claims_from_dataframe(
        frame,
        columns={"value": "n"},
        defaults={"metric": "killed", "counted": "people", "source": "S"},
    )
    assert [c.id for c in loaded.claims] == ["row-0", "row-2"]
    (bad,) = loaded.rejected
    assert isinstance(bad, claimdiff.exceptions.ClaimFileError)
    assert "row 1, column 'n'" in str(bad)
    shaped = pd.DataFrame({**CSV_SHAPE, "value": pd.Series(["12", cell], dtype=object)})
    loaded = claims_from_dataframe(shaped)
    assert [c.id for c in loaded.claims] == ["a"]
    assert "row 1" in str(loaded.rejected[0])


def test_duplicated_and_integer_column_labels() -> None:
    """Defect: duplicated labels and integer labels raised foreign exceptions; now a duplicated label in use is
    a claimdiff error naming it, and a label is matched by its text."""
    twice = pd.DataFrame([[1, 2]], columns=["n", "n"])
    with pytest.raises(claimdiff.exceptions.ClaimFileError, match="two columns named 'n'"):
        claims_from_dataframe(twice, columns={"value": "n"}, defaults=DEFAULTS)
    shaped = pd.DataFrame(
        [["a", "killed", "people", "1", "M", "2"]],
        columns=["id", "metric", "counted", "value", "source", "value"],
    )
    with pytest.raises(claimdiff.exceptions.ClaimFileError, match="two columns named 'value'"):
        claims_from_dataframe(shaped)
    numbered = pd.DataFrame({0: ["e1"], 1: [7]})
    (claim,) = claims_from_dataframe(
        numbered, columns={"id": "0", "value": "1"}, defaults=DEFAULTS
    ).claims
    assert (claim.id, claim.low) == ("e1", 7)


def test_text_in_cells_is_kept_as_written() -> None:
    """Defect: text in cells was stripped of whitespace silently; now a cell reads as a claims file's field
    does (an id keeps its spaces, as in a YAML or CSV file)."""
    frame = pd.DataFrame({"id": [" a "], "n": [3], "q": ["  said so  "]})
    (claim,) = claims_from_dataframe(
        frame, columns={"id": "id", "value": "n", "quote": "q"}, defaults=DEFAULTS
    ).claims
    assert (claim.id, claim.quote) == (" a ", "  said so  ")
    assert (
        claimdiff.loads_claims(
            'claims: [{id: " a ", metric: killed, counted: people, value: 3, source: UCDP, '
            'quote: "  said so  "}]'
        )[0].id
        == claim.id
    )


def test_integers_above_2_53_are_not_rounded_silently() -> None:
    """Defect: 9007199254740993 in a frame read as 9007199254740992; now refused with a message (the exact
    value a float cannot hold), while 10**20, which a float holds exactly, reads."""
    frame = pd.DataFrame({"n": pd.Series([9007199254740993, 10**20], dtype=object)})
    loaded = claims_from_dataframe(frame, columns={"value": "n"}, defaults=DEFAULTS)
    assert [c.low for c in loaded.claims] == [1e20]
    (bad,) = loaded.rejected
    assert "row 0, column 'n'" in str(bad)
    assert "it would be read as 9007199254740992" in bad.reason


def test_a_five_thousand_digit_value_is_reported_truthfully() -> None:
    """Defect: a 5,000-digit figure was reported as "(got 'inf')"; now its size is said, in every reader."""
    frame = pd.DataFrame({"n": pd.Series([10**4999, 3], dtype=object)})
    loaded = claims_from_dataframe(frame, columns={"value": "n"}, defaults=DEFAULTS)
    assert len(loaded.claims) == 1
    assert "5,000 digits" in loaded.rejected[0].reason
    assert "'inf'" not in loaded.rejected[0].reason
    text = "id,metric,counted,value,source\na,killed,people," + "9" * 5000 + ",M\n"
    (error,) = claimdiff.loads_claims_lenient(text, format="csv").rejected
    assert "5,000 digits" in error.reason
    shaped = pd.DataFrame({**CSV_SHAPE, "value": pd.Series(["1" * 5000, 10**4999], dtype=object)})
    assert ["5,000 digits" in e.reason for e in claims_from_dataframe(shaped).rejected] == [
        True,
        True,
    ]


def test_an_empty_row_of_a_claims_csv_frame_is_rejected_not_skipped() -> None:
    """A row whose cells are all missing is a row of the table: rejected with its label, never dropped."""
    frame = pd.DataFrame({k: [*v, None] for k, v in CSV_SHAPE.items()}, index=["x", "y", "z"])
    loaded = claims_from_dataframe(frame)
    assert len(loaded.claims) + len({e.location for e in loaded.rejected}) == 3
    assert all("row z" in str(e) for e in loaded.rejected)


def test_a_csv_header_is_named_as_written() -> None:
    """Defect: an unknown CSV column was named case-folded in the message ('Deaths' shown as 'deaths')."""
    with pytest.raises(claimdiff.exceptions.ClaimFileError, match="unknown column 'Deaths'"):
        claimdiff.loads_claims("id,Deaths\na,3\n", format="csv")


@pytest.mark.parametrize(
    ("relation", "message"),
    [
        (
            "{kind: series, daily: new cases, cumulative: cases, step_days: 0}",
            "step_days.*at least 1",
        ),
        (
            "{kind: series, daily: new cases, cumulative: cases, step_days: -1}",
            "step_days.*at least 1",
        ),
        ("{kind: series, daily: killed, cumulative: killd}", "cumulative.*did you mean 'killed'"),
    ],
)
def test_a_series_that_would_check_nothing_is_refused(relation: str, message: str) -> None:
    """Defect: series relations with step 0 or -1, or a misspelt metric, were accepted and then checked nothing."""
    with pytest.raises(claimdiff.exceptions.ClaimFileError, match=message):
        claimdiff.loads_claims_lenient(f"claims: []\nrelations: [{relation}]\n")


@pytest.mark.parametrize(
    "value", ["{low: [1]}", "{low: {a: 1}}", "{low: 1, high: [2]}", "{low: true}"]
)
def test_a_value_mapping_holding_a_list_is_a_located_error(value: str) -> None:
    """Defect: the fast claims reader raised TypeError: unhashable type: 'list' for `value: {low: [1]}`."""
    (error,) = claimdiff.loads_claims_lenient(
        f"claims: [{{id: a, metric: killed, counted: people, value: {value}, source: M}}]"
    ).rejected
    assert error.location.startswith("$.claims[0].value")
    (error,) = claimdiff.loads_claims_lenient(
        "claims: [{id: a, metric: killed, counted: people, value: 1, source: {name: [M]}}]"
    ).rejected
    assert error.location == "$.claims[0].source.name"


def test_the_default_dask_path_keeps_a_carriage_return_and_rejects_only_the_bad_row() -> None:
    """Defect: on the default Dask path a bare \\r split the row, and an infinite cell lost the partition."""
    dd = pytest.importorskip("dask.dataframe")
    frame = pd.DataFrame(
        {
            **{k: [*v, v[0]] for k, v in CSV_SHAPE.items()},
            "id": ["a", "b", "c"],
            "note": ["first\rsecond", None, None],
            "value_high": [None, None, np.inf],
            "value": ["12", "14", None],
            "value_low": [None, None, np.inf],
        }
    )
    _groups, _flags, claims, rejected = claimdiff.formats.reconcile_dask(
        dd.from_pandas(frame, npartitions=1)
    ).compute(scheduler="synchronous")
    assert sorted(claims["id"]) == ["a", "b"]
    assert claims.set_index("id").loc["a", "note"] == "first\rsecond"
    (reason,) = rejected["reason"].tolist()
    assert "row 2, column 'value_low'" in reason


def test_the_data_sets_readers_still_trim_their_cells() -> None:
    """A table of claims keeps its text as written, but a data set's export with padded cells (" 2013-01-03",
    a blank area) still reads as its codebook means: the readers trim their cells."""
    rows = [
        {
            "id": " 7 ",
            "best": " 4",
            "low": "3",
            "high": "9 ",
            "date_start": " 2013-01-03",
            "date_end": "2013-01-04 ",
            "country": "Syria ",
            "adm_1": "  ",
            "adm_2": " Ariha ",
        }
    ]
    (claim,) = claimdiff.formats.read_ucdp_ged(rows).claims
    assert (claim.id, claim.scope.place, claim.period.isoformat()) == (
        "ucdp-ged-7",
        ("Syria", "Ariha"),
        "2013-01-03/2013-01-04",
    )
