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
    return pd.DataFrame({
        "event": ["e1", "e2", "e3", "e4"],
        "deaths": pd.array([3, None, 5, -2], dtype="Int64"),
        "low": [np.int64(2), np.nan, np.float64(4.0), np.int32(1)],
        "country": ["Syria", "Syria", "Iraq", "Iraq"],
        "adm1": ["Idlib", np.nan, None, "Anbar"],
        "day": pd.to_datetime(["2023-12-30", "2023-12-29", None, "2023-12-30"]),
    }, index=[10, 11, 12, 13])


COLUMNS = {"id": "event", "best": "deaths", "low": "low", "place": ["country", "adm1"], "period": "day"}
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
    assert messages[0].startswith("events: claim 'e2' (row 11, column 'deaths'): 'value' is required")
    assert "claim 'e4' (row 13, column 'deaths')" in messages[1]
    assert "must lie within" in messages[1] or "negative" in messages[1]


def test_default_columns_are_the_fields_named_like_them() -> None:
    """Without columns=, a frame with the claims file's column names reads like the CSV format;
    a missing id becomes row-<label>."""
    frame = pd.DataFrame({"metric": ["killed"], "counted": ["people"], "value": ["at least 14"],
                          "source": ["MoD"], "source_kind": ["military"]})
    (claim,) = claims_from_dataframe(frame).claims
    assert claim.id == "row-0"
    assert claim.estimate.interval_text() == "[14, inf)"
    assert claim.source.kind.value == "military"


def test_unknown_fields_and_columns_are_errors() -> None:
    """A field claimdiff does not know, or a column the frame lacks, is a claimdiff error naming it."""
    with pytest.raises(claimdiff.InvalidClaimError, match="deaths"):
        claims_from_dataframe(_frame(), columns={"deaths": "deaths"})
    with pytest.raises(claimdiff.ClaimFileError, match="'fatalities'"):
        claims_from_dataframe(_frame(), columns={"value": "fatalities"})


def _report() -> claimdiff.Report:
    return reconcile(load_claims(SEED))


def test_report_tables_have_fixed_columns_and_dtypes() -> None:
    """Every table has the same columns and dtypes for the seed's report and for an empty one: no Python
    lists in cells, nullable numbers, text as strings."""
    empty = reconcile([])
    for table in claimdiff.REPORT_TABLES:
        full, none = _report().to_dataframe(table), empty.to_dataframe(table)
        assert list(full.columns) == list(none.columns), table
        assert [str(t) for t in full.dtypes] == [str(t) for t in none.dtypes], table
        for column in full.columns:
            assert not any(isinstance(v, list | tuple | dict) for v in full[column]), (table, column)


def test_severity_sorts_by_seriousness() -> None:
    """severity is an ordered categorical: info < warning < error (not alphabetical)."""
    flags = reconcile([
        Claim(id="a", metric="killed", estimate="12", scope=Scope(counted="people"), source="A"),
        Claim(id="b", metric="killed", estimate="at least 20", scope=Scope(counted="people"), source="B"),
        Claim(id="c", metric="injured", estimate="3", scope=Scope(counted="people"), source="C"),
    ]).to_dataframe("flags")
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
    groups = reconcile([Claim(id="a", metric="killed", estimate="at least 14", scope=Scope(counted="people"),
                              source="A")]).to_dataframe()
    assert (groups["low"].iloc[0], groups["high"].iloc[0]) == (14, float("inf"))


def test_arrow_and_parquet_round_trip(tmp_path: Path) -> None:
    """Arrow tables have the pandas tables' columns; Parquet files read back with the same rows."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from claimdiff import report_arrow, write_report_parquet

    report = _report()
    table = report_arrow(report, "claims")
    assert isinstance(table, pa.Table)
    assert table.column_names == list(report.to_dataframe("claims").columns)
    written = write_report_parquet(report, tmp_path)
    assert sorted(Path(p).stem for p in written) == sorted(claimdiff.REPORT_TABLES)
    back = pq.read_table(tmp_path / "flags.parquet")
    assert back.num_rows == len(report.flags)
    assert back.column("severity").to_pylist() == [f.severity.value for f in report.flags]


def test_without_pyarrow_the_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pyarrow, Arrow export says which extra to install."""
    import sys

    from claimdiff import report_arrow

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"claimdiff\[pyarrow\]"):
        report_arrow(_report(), "groups")


def test_rejections_keep_the_order_of_the_rows() -> None:
    """Rejections made by a reader before the loader (UCDP's inconsistent figures) and by the loader itself come
    out in row order, as in a file."""
    rows = [
        {"id": 1, "best": 2, "low": 3, "high": 3, "date_start": "2020-01-01", "date_end": "2020-01-01", "country": "X"},
        {"id": 2, "best": 1, "low": 1, "high": 1, "date_start": "2020-13-01", "date_end": "2020-13-01", "country": "X"},
        {"id": 3, "best": 9, "low": 1, "high": 3, "date_start": "2020-01-01", "date_end": "2020-01-01", "country": "X"},
    ]
    loaded = claimdiff.read_ucdp_ged(rows)
    assert [e.claim_id for e in loaded.rejected] == ["ucdp-ged-1", "ucdp-ged-2", "ucdp-ged-3"]


def test_a_table_in_the_claims_csv_columns_reads_as_the_csv() -> None:
    """A DataFrame with the claims-CSV columns keeps a via cell of two relays and a figure spelled in value_*
    columns, exactly as the CSV reader does: nothing in the table is dropped."""
    pd = pytest.importorskip("pandas")
    from claimdiff import claims_from_dataframe, loads_claims

    text = ("id,metric,counted,source,via,value_low,value_high\n"
            "a,killed,people,MoD,TASS | AP,10,20\n")
    df = pd.read_csv(__import__("io").StringIO(text))
    loaded = claims_from_dataframe(df)
    assert loaded.rejected == ()
    assert list(loaded.claims) == loads_claims(text, format="csv")
    (claim,) = loaded.claims
    assert [s.name for s in claim.via] == ["TASS", "AP"]
    assert (claim.low, claim.high) == (10.0, 20.0)
