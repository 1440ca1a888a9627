"""Writers checked against readers (issue 18, item 4): what each writer writes reads back equal.

YAML, JSON and CSV claims files (and a claims CSV read by pandas into a DataFrame) give back the claims
written; Parquet and Arrow give back the report tables written. The text is odd on purpose (carriage
returns, NEL, the Unicode line and paragraph separators, quotes, formula starts, long cells) and the
figures extreme (subnormal, near the float limit, integers up to 2**53 and beyond it where a float holds
them exactly). A writer never writes what its reader refuses: a duplicate id, or a CSV cell over the CSV
reader's field limit, is refused at write.
"""

from __future__ import annotations

import csv
import io
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimdiff
from claimdiff import Claim, Estimate, Hedge, Scope, dump_claims, loads_claims, reconcile
from claimdiff.strategies import claims, estimates, scopes, sources, texts
from conftest import ROUND_TRIP_EXAMPLES

FORMATS = ("yaml", "json", "csv")

#: Text a line-based reader or a spreadsheet might mangle.
ODD = "\r\n\x85\u2028\u2029\"'=+-@\t,;|[]\\ \x00\x1b\u202e"
odd_texts = st.one_of(
    texts(max_size=20),
    st.text(
        st.sampled_from(ODD) | st.characters(exclude_categories=("Cs",)), min_size=1, max_size=20
    ).filter(lambda s: s.strip()),
)
odd_names = odd_texts.filter(lambda s: s == s.strip() and s.isprintable() and not s.startswith("'"))
#: Kilometres up to the largest a float holds once converted to metres (a larger figure is refused).
finite = st.floats(min_value=0, max_value=1.79e305, allow_nan=False, allow_infinity=False)
#: Counts: whole numbers up to 2**53, and beyond it the whole numbers a float holds exactly.
extreme_counts = st.one_of(
    estimates(max_value=2**53 - 1),
    st.sampled_from([2.0**53 + 2, 1e20, 1.7976931348623157e308, 2.0**1000]).map(Estimate.exact),
    st.integers(0, 2**53 - 1).map(lambda n: Estimate(low=n, high=math.inf, hedge=Hedge.LOWER)),
)
#: Measures (in km): any float, from the smallest subnormal to the largest that metres can hold.
extreme_measures = st.one_of(
    st.sampled_from([0.0, 5e-324, 2.2250738585072014e-308, 1.79e305, 0.1, 1 / 3]).map(
        lambda x: Estimate.exact(x, unit="km")
    ),
    st.tuples(finite, finite)
    .map(sorted)
    .map(lambda b: Estimate(low=b[0], high=b[1], hedge=Hedge.RANGE, unit="km")),
    finite.map(lambda x: Estimate(low=x, high=math.inf, hedge=Hedge.LOWER, unit="km")),
)
_common = {
    "ids": odd_names,
    "notes": st.none() | odd_texts,
    "sources": sources(names=odd_names, parties=st.none() | odd_names),
}
odd_claims = st.one_of(
    claims(estimates=extreme_counts, **_common),
    claims(
        estimates=extreme_measures,
        metrics=st.just("distance"),
        scopes=scopes(counted=st.none()),
        **_common,
    ),
)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=ROUND_TRIP_EXAMPLES)
@given(cs=st.lists(odd_claims, max_size=4, unique_by=lambda c: c.id))
def test_odd_text_and_extreme_figures_read_back_equal(fmt, cs):
    """Every format gives back the claims written: \\r, NEL, U+2028, quotes and formula starts in the text, and
    figures from the smallest subnormal to the largest float."""
    assert loads_claims(dump_claims(cs, format=fmt), format=fmt) == cs


@settings(max_examples=ROUND_TRIP_EXAMPLES)
@given(cs=st.lists(odd_claims, min_size=1, max_size=4, unique_by=lambda c: c.id))
def test_a_claims_csv_read_by_pandas_reads_back_equal_as_a_dataframe(cs):
    """The CSV writer's output, read by pandas as text (the way the docs say to), is a DataFrame that
    :func:`claimdiff.claims_from_dataframe` reads back to the claims written."""
    pd = pytest.importorskip("pandas")
    text = dump_claims(cs, format="csv")
    frame = pd.read_csv(
        io.StringIO(text, newline=""), dtype=str, keep_default_na=False, engine="python"
    )
    loaded = claimdiff.claims_from_dataframe(frame)
    assert loaded.rejected == ()
    assert list(loaded.claims) == cs


# Reconciling figures near the float limit is another matter (issue 18, item 5): here the tables carry odd text.
reconcilable_claims = claims(**_common)


@settings(max_examples=ROUND_TRIP_EXAMPLES // 3)
@given(cs=st.lists(reconcilable_claims, max_size=5, unique_by=lambda c: c.id))
def test_parquet_and_arrow_read_back_the_tables_written(cs, tmp_path_factory):
    """``write_report_parquet`` writes tables that pandas reads back equal to ``Report.to_dataframe`` (same
    values, same dtypes, an ordered severity) and pyarrow reads back equal to ``report_arrow``. (A table of no
    rows reads back with no severity categories: Parquet keeps a dictionary's values with its rows.)"""
    pytest.importorskip("pyarrow")
    import pandas as pd
    import pyarrow.parquet as pq

    report = reconcile(cs)
    folder = tmp_path_factory.mktemp("parquet")
    for path in claimdiff.formats.write_report_parquet(report, folder):
        table = path.rsplit("/", 1)[-1].removesuffix(".parquet")
        expected = report.to_dataframe(table)
        back = pd.read_parquet(path)
        pd.testing.assert_frame_equal(back, expected, check_categorical=len(expected) > 0)
        arrow = pq.read_table(path)
        assert (
            arrow.schema.remove_metadata() == claimdiff.formats.report_arrow(report, table).schema
        )
        assert arrow.to_pylist() == claimdiff.formats.report_arrow(report, table).to_pylist()


def _flags_report() -> claimdiff.Report:
    return reconcile(
        [
            Claim(id="a", metric="killed", estimate="8", scope=Scope(counted="people"), source="A"),
            Claim(
                id="b",
                metric="killed",
                estimate="at least 14",
                scope=Scope(counted="people"),
                source="B",
            ),
            Claim(
                id="c", metric="injured", estimate="3", scope=Scope(counted="people"), source="C"
            ),
        ]
    )


def test_parquet_keeps_the_ordered_severity_and_the_nullable_dtypes(tmp_path):
    """Issue 21: Parquet written by ``write_report_parquet`` read back with pandas kept neither the ordered
    severity (sorting by severity broke) nor the nullable dtypes; with pyarrow, severity is an ordered
    dictionary of every severity."""
    pytest.importorskip("pyarrow")
    import pandas as pd
    import pyarrow.parquet as pq

    report = _flags_report()
    claimdiff.formats.write_report_parquet(report, tmp_path)
    for table in claimdiff.formats.REPORT_TABLES:
        back = pd.read_parquet(tmp_path / f"{table}.parquet")
        assert dict(back.dtypes.astype(str)) == dict(
            report.to_dataframe(table).dtypes.astype(str)
        ), table
    flags = pd.read_parquet(tmp_path / "flags.parquet")
    assert flags["severity"].cat.ordered
    assert list(flags["severity"].cat.categories) == ["info", "warning", "error"]
    assert flags.sort_values("severity")["severity"].iloc[-1] == "error"
    severity = pq.read_table(tmp_path / "flags.parquet").schema.field("severity").type
    assert severity.ordered
    assert pq.read_table(tmp_path / "flags.parquet").column("severity").chunk(
        0
    ).dictionary.to_pylist() == [
        "info",
        "warning",
        "error",
    ]


def test_a_csv_cell_over_the_readers_limit_is_refused_at_write():
    """Defect: the CSV writer wrote a cell longer than its reader's field limit (131,072 characters), a file
    the reader then refused; now the writer refuses, naming the claim and column, and YAML takes it."""
    limit = csv.field_size_limit()
    claim = Claim(
        id="long",
        metric="killed",
        estimate="12",
        scope=Scope(counted="people"),
        source="MoD",
        note="x" * (limit + 1),
    )
    with pytest.raises(
        claimdiff.exceptions.InvalidClaimError, match=r"'note' is .* characters long.*YAML or JSON"
    ):
        dump_claims([claim], format="csv")
    assert loads_claims(dump_claims([claim], format="yaml")) == [claim]
    fits = Claim(
        id="long",
        metric="killed",
        estimate="12",
        scope=Scope(counted="people"),
        source="MoD",
        note="x" * limit,
    )
    assert loads_claims(dump_claims([fits], format="csv"), format="csv") == [fits]


@pytest.mark.parametrize("fmt", FORMATS)
def test_duplicate_ids_are_refused_at_write(fmt, tmp_path):
    """Defect: ``dump_claims`` wrote two claims with one id, a file its reader refuses; now refused, and
    nothing is written."""
    a = Claim(id="a", metric="killed", estimate="12", scope=Scope(counted="people"), source="A")
    b = Claim(id="a", metric="killed", estimate="14", scope=Scope(counted="people"), source="B")
    target = tmp_path / f"claims.{fmt}"
    with pytest.raises(claimdiff.exceptions.InvalidClaimError, match=r"'a'.*ids must be unique"):
        dump_claims([a, b], target)
    assert not target.exists()
