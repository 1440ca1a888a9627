"""The Dask path (``claimdiff[dask]``): a partitioned reconcile gives exactly the single-process answer."""

from __future__ import annotations

import doctest
import importlib.util
import io
import re
import sys
from collections import Counter
from typing import Any

import pytest

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

from claimdiff import Claim, Report, Scope, dump_claims, loads_claims, reconcile  # noqa: E402 - after the skips
from claimdiff._core.policy import policy_named  # noqa: E402
from claimdiff._core.relations import DEFAULT_TAXONOMY  # noqa: E402
from claimdiff.exceptions import InvalidClaimError, MissingExtraError  # noqa: E402
from claimdiff.formats import reconcile_dask  # noqa: E402
from claimdiff.relations import FigureKey, Relation  # noqa: E402
from conftest import ROOT  # noqa: E402

N = 100_000


def _make_claims(n: int) -> list[Claim]:
    spec = importlib.util.spec_from_file_location(
        "bench_reconcile", ROOT / "benchmarks" / "bench_reconcile.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    claims: list[Claim] = module.make_claims(n)
    return claims


def _frame(claims: list[Claim]) -> tuple[Any, Report]:
    """The claims as a claims-CSV DataFrame, and the single-process report of the same claims read back."""
    text = dump_claims(claims, format="csv")
    df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    return df, reconcile(loads_claims(text, format="csv"))


def _expected(report: Report) -> tuple[dict[str, tuple[Any, ...]], Counter[tuple[str, str, str]]]:
    """Per group (keyed by its smallest claim id): claim ids, low, high, best, verdict; and the flags as a multiset."""
    groups = {}
    for g in report.groups:
        ids = frozenset([*g.claims, *g.dissenting, *g.superseded, *g.stale, *g.withdrawn])
        low = float("-inf") if g.low is None else float(g.low)
        high = float("inf") if g.high is None else float(g.high)
        groups[min(ids)] = (
            ids,
            low if g.feasible else None,
            high if g.feasible else None,
            g.best,
            g.verdict,
        )
    flags = Counter((f.kind.value, f.severity.value, "; ".join(f.claims)) for f in report.flags)
    return groups, flags


def _cell(v: Any) -> Any:
    return None if v is pd.NA or v is None else float(v) if isinstance(v, int | float) else v


def _found(
    groups: Any, flags: Any, claims: Any
) -> tuple[dict[str, tuple[Any, ...]], Counter[tuple[str, str, str]]]:
    members: dict[str, set[str]] = {}
    for cid, gid in zip(claims["id"].tolist(), claims["group"].tolist(), strict=True):
        members.setdefault(gid, set()).add(cid)
    out = {}
    for row in groups.itertuples(index=False):
        out[row.id] = (
            frozenset(members[row.id]),
            _cell(row.low) if row.feasible else None,
            _cell(row.high) if row.feasible else None,
            _cell(row.best),
            row.verdict,
        )
    found = Counter(
        zip(
            flags["kind"].astype(str),
            flags["severity"].astype(str),
            flags["claims"].tolist(),
            strict=True,
        )
    )
    return out, found


def _assert_same(report: Report, tables: Any, **compute: Any) -> None:
    groups, flags, claims, rejected = tables.compute(**compute)
    want_groups, want_flags = _expected(report)
    got_groups, got_flags = _found(groups, flags, claims)
    assert len(groups) == len(report.groups)
    assert groups["id"].is_unique
    assert got_groups == want_groups
    assert got_flags == want_flags
    assert len(rejected) == len(report.rejected)


@pytest.fixture(scope="module")
def benchmark_claims() -> tuple[Any, Report]:
    """The benchmark's 10^5 claims as a claims-CSV frame, and their single-process report."""
    return _frame(_make_claims(N))


def test_a_synchronous_run_equals_one_process(benchmark_claims: tuple[Any, Report]) -> None:
    """On 10^5 benchmark claims in 8 partitions, every group (its claims, bounds, best figure and verdict) and every
    flag (kind, severity, claims) of the partitioned run equal the single-process report's."""
    df, report = benchmark_claims
    assert len(report.flags) > 1000  # the data has contradictions and outliers to find
    _assert_same(report, reconcile_dask(dd.from_pandas(df, npartitions=8)), scheduler="synchronous")


def test_a_partition_larger_than_one_file_is_read_in_slices(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A partition with more rows than one claims-file text holds is read a slice at a time: the same report, and a
    bad row in a later slice is rejected with the rows of its slice named."""
    from claimdiff._formats import dask_frames

    monkeypatch.setattr(dask_frames, "_ROWS", 700)
    df, report = _frame(_make_claims(3_000))
    _assert_same(report, reconcile_dask(dd.from_pandas(df, npartitions=1)), scheduler="synchronous")
    bad = df.copy()
    bad.loc[2_500, "value"] = "many"
    _groups, _flags, _claims, rejected = reconcile_dask(dd.from_pandas(bad, npartitions=1)).compute(
        scheduler="synchronous"
    )
    reasons = rejected["reason"].tolist()
    assert len(reasons) == 1
    found = re.search(
        r", rows (\d+) to (\d+): claim '[^']+' \(row 2500, column 'value'\)", reasons[0]
    )
    assert found, reasons[0]
    first, last = int(found[1]), int(found[2])
    assert first <= 2_501 <= last
    assert last - first < 700


def test_a_large_partition_is_reconciled_in_batches_of_whole_events(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A partition of more than ``_ROWS`` rows is read and reconciled a batch of whole events at a time (the report
    is the one-process report, as the tests above show): rows of one event interleaved with others are ordered
    by event first, one event larger than ``_ROWS`` is a batch of its own (read in slices), and a claim id
    repeated in the partition keeps it one batch, so that the repeat is still rejected."""
    from claimdiff._formats import dask_frames

    monkeypatch.setattr(dask_frames, "_ROWS", 5)
    claims = [_claim(f"{e}{i}", str(i), f"Land > {e}", e) for i in range(3) for e in "abcd"]
    claims += [_claim(f"e{i}", str(i), "Land > e", "e") for i in range(7)]
    df, _report = _frame(claims)
    keyed = df.assign(**{dask_frames.KEY_COLUMN: df["event"]})
    job = dask_frames._Job(
        policy=policy_named("consensus"),
        columns=None,
        defaults=None,
        relations=(),
        taxonomy=DEFAULT_TAXONOMY,
    )
    batches = list(dask_frames._batches(keyed, "<p>", job))
    events = [[sorted(set(rows["event"])) for rows, _where in batch] for batch in batches]
    assert events == [[["a"]], [["b"]], [["c"]], [["d"]], [["e"], ["e"]]]
    assert [where for _rows, where in batches[-1]] == [
        "<p>, rows (ordered by event) 13 to 17",
        "<p>, rows (ordered by event) 18 to 19",
    ]
    repeated = keyed.assign(id=keyed["id"].where(keyed.index != 4, "a0"))
    assert len(list(dask_frames._batches(repeated, "<p>", job))) == 1


def test_a_local_cluster_of_two_worker_processes_equals_one_process(
    benchmark_claims: tuple[Any, Report],
    tmp_path: Any,
) -> None:
    """The same equality holds on a ``dask.distributed`` local cluster of 2 worker processes reading 8 Parquet
    files, where partitions and results travel between processes as DataFrames."""
    df, report = benchmark_claims
    dd.from_pandas(df, npartitions=8).to_parquet(tmp_path / "claims", write_index=False)
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as client:
        _assert_same(report, reconcile_dask(dd.read_parquet(tmp_path / "claims")), scheduler=client)


def _spy_apart(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Record whether each run found its rows already partitioned by event (and so skipped the shuffle)."""
    from claimdiff._formats import dask_frames

    seen: list[bool] = []
    real = dask_frames._apart

    def spy(*args: Any) -> bool:
        seen.append(real(*args))
        return seen[-1]

    monkeypatch.setattr(dask_frames, "_apart", spy)
    return seen


def test_partitions_already_apart_by_event_are_reconciled_where_they_are(
    benchmark_claims: tuple[Any, Report],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Partitions that each hold whole events (files written per event) are reconciled without the shuffle, and
    the tables still equal the single-process report's."""
    df, report = benchmark_claims
    seen = _spy_apart(monkeypatch)
    block = df["event"].map(lambda e: sum(map(ord, e)) % 4)
    parts = [dask.delayed(df[block == k].reset_index(drop=True)) for k in range(4)]
    _assert_same(
        report, reconcile_dask(dd.from_delayed(parts, meta=df.iloc[:0])), scheduler="synchronous"
    )
    assert seen == [True]


def test_events_spread_over_partitions_are_shuffled_together(
    benchmark_claims: tuple[Any, Report],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rows in no order, every event spread over several partitions, are shuffled on the event first: the tables
    equal the single-process report's."""
    df, report = benchmark_claims
    seen = _spy_apart(monkeypatch)
    spread = df.sample(frac=1.0, random_state=7).reset_index(drop=True)
    _assert_same(
        report, reconcile_dask(dd.from_pandas(spread, npartitions=4)), scheduler="synchronous"
    )
    assert seen == [False]


def _claim(cid: str, value: str, place: str, event: str, **kw: Any) -> Claim:
    return Claim(
        id=cid,
        metric="killed",
        estimate=value,
        scope=Scope(place=place, counted="people", event=event),
        source=f"source of {cid}",
        **kw,
    )


def _filler(n: int) -> list[Claim]:
    """Claims of many other events, so that the partitions hold more than the claims under test."""
    return [_claim(f"f{i}", str(i), f"Land > Area {i}", f"other {i}") for i in range(n)]


def test_a_place_hierarchy_within_one_event_is_still_found() -> None:
    """A city said to have more dead than its oblast, in one event among many, is flagged as in one process: the
    two places are different groups, and the shuffle on the event puts them in one partition."""
    claims = [
        _claim("city", "30", "Russia > Belgorod Oblast > Belgorod", "raid"),
        _claim("oblast", "10", "Russia > Belgorod Oblast", "raid"),
        *_filler(200),
    ]
    df, report = _frame(claims)
    assert [f.claims for f in report.flags] == [("city", "oblast")]
    tables = reconcile_dask(dd.from_pandas(df.iloc[::-1], npartitions=16))
    _assert_same(report, tables, scheduler="synchronous")


def test_relations_across_events_put_their_events_together() -> None:
    """A claim stated as part of a claim of another event, and a declared relation between two events, are checked
    as in one process: their events are merged into one partition key."""
    claims = [
        _claim("whole", "5", "X", "e1"),
        _claim("part", "50", "X", "e2", part_of="whole"),
        _claim("all", "7", "Y", "e3"),
        _claim("some", "70", "Y", "e4"),
        *_filler(200),
    ]
    rel = Relation.at_most(
        FigureKey("killed", "people", "Y", "e3"), [FigureKey("killed", "people", "Y", "e4")]
    )
    text = dump_claims(claims, format="csv")
    df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    report = reconcile(loads_claims(text, format="csv"), relations=[rel])
    assert sorted(f.claims for f in report.flags) == [("all", "some"), ("part", "whole")]
    _assert_same(
        report,
        reconcile_dask(dd.from_pandas(df, npartitions=16), relations=[rel]),
        scheduler="synchronous",
    )


def test_columns_name_the_fields_of_any_frame() -> None:
    """With ``columns=``, rows are read as :func:`claimdiff.claims_from_dataframe` reads them, and bad rows come
    back as rejected rows with their reason, not dropped."""
    df = pd.DataFrame(
        {
            "key": ["a", "b", "c", "d"],
            "n": ["at least 20", "12", "3", "-1"],
            "ev": ["raid", "raid", "storm", "storm"],
            "who": ["MoD", "Reuters", "AP", "AP"],
        }
    )
    tables = reconcile_dask(
        dd.from_pandas(df, npartitions=2),
        columns={"id": "key", "value": "n", "event": "ev", "source": "who"},
        defaults={"metric": "killed", "counted": "people"},
    )
    groups, flags, _claims, rejected = tables.compute(scheduler="synchronous")
    assert sorted(groups["id"]) == ["a", "c"]
    assert flags["kind"].astype(str).tolist() == ["contradiction"]
    assert rejected["claim"].tolist() == ["d"]
    assert "row 3, column 'n'" in rejected["reason"].iloc[0]


def test_the_policy_reads_the_hedges() -> None:
    """Under the ACLED policy "dozens" is read by ACLED's rule (at least 12), as ``load_claims`` with the policy's
    hedges would read it; under the default policy it is at least 24."""
    df = pd.DataFrame(
        {
            "id": ["a"],
            "metric": ["killed"],
            "counted": ["people"],
            "value": ["dozens"],
            "source": ["AP"],
        }
    )
    lows = {}
    for name in ("acled", "consensus"):
        groups, _flags, _claims, _rejected = reconcile_dask(
            dd.from_pandas(df, npartitions=1), name
        ).compute(scheduler="synchronous")
        lows[name] = groups["low"].tolist()
    assert lows == {"acled": [12.0], "consensus": [24.0]}


def test_a_policy_that_learns_across_groups_is_refused() -> None:
    """The truth estimator learns each source's reliability from every group, so a partitioned run would differ:
    it is refused with a reason rather than run."""
    df = pd.DataFrame({"id": ["a"], "metric": ["killed"], "value": ["3"], "source": ["AP"]})
    with pytest.raises(InvalidClaimError, match="one process"):
        reconcile_dask(dd.from_pandas(df, npartitions=1), "truth")


def test_without_dask_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without dask installed, the call says which extra to install."""
    monkeypatch.setitem(sys.modules, "dask", None)
    with pytest.raises(MissingExtraError, match=r"claimdiff\[dask\]"):
        reconcile_dask(object())


def _odd_frame() -> Any:
    """Rows of two events spread over partitions, with cells a shuffle does not carry faithfully on its own."""
    return pd.DataFrame(
        {
            "id": ["a", {1: 2}, "c", "d", ("t", 1), "f", 7, "h"],
            "metric": "killed",
            "counted": "people",
            "value": ["14", "8", [3], "4", "5", 6, "2", {"low": 1}],
            "event": ["raid", "storm", "storm", "raid", ["x"], "raid", "storm", "raid"],
            "part_of": ["", "", "", "a", {1: 2}, "", "", ""],
            "source": ["A", "B", "C", "D", "E", "F", "G", "H"],
        },
        dtype=object,
    )


@pytest.mark.parametrize("method", ["disk", "tasks"])
def test_odd_cells_cross_the_shuffle_and_are_read_as_in_one_process(
    method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mapping with integer keys in the id column (which partd's disk shuffle once failed on with a raw
    ``UnpicklingError``), a tuple, a list, a number: rows spread over 3 partitions are shuffled on the event, and
    each row is read or rejected as in one partition, the rejection naming its partition, row and column."""
    seen = _spy_apart(monkeypatch)
    df = _odd_frame()
    with dask.config.set({"dataframe.convert-string": False, "dataframe.shuffle.method": method}):
        _g, _f, one_claims, one_rejected = reconcile_dask(
            dd.from_pandas(df, npartitions=1)
        ).compute(scheduler="synchronous")
        _g, _f, claims, rejected = reconcile_dask(
            dd.from_pandas(df, npartitions=3, sort=False)
        ).compute(scheduler="synchronous")
    assert seen == [False]  # the events span partitions: the rows were shuffled
    assert sorted(claims["id"]) == sorted(one_claims["id"]) == ["7", "a", "d", "f"]
    assert len(rejected) == len(one_rejected) == 4
    reasons = sorted(rejected["reason"])
    assert all(r.startswith("<dask partition of event ") for r in reasons)
    named = r"^<dask partition of event .+>: (claim '\w' )?\(row \d, column '(id|value)'\): holds a"
    assert all(re.match(named, r) for r in reasons), reasons
    assert any(
        "column 'id'): holds a mapping whose keys are not all text ({1: 2})" in r for r in reasons
    )
    assert any("column 'id'): holds a list (['t', 1])" in r for r in reasons)


def test_odd_cells_cross_the_p2p_shuffle_of_a_cluster() -> None:
    """On a local cluster the shuffle goes through Arrow (p2p), which refuses a column of text and numbers or
    mappings: the same rows are still read or rejected as in one process."""
    df = _odd_frame()
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    )
    with (
        cluster,
        distributed.Client(cluster) as client,
        dask.config.set({"dataframe.convert-string": False, "dataframe.shuffle.method": "p2p"}),
    ):
        _g, _f, claims, rejected = reconcile_dask(
            dd.from_pandas(df, npartitions=3, sort=False)
        ).compute(scheduler=client)
    assert sorted(claims["id"]) == ["7", "a", "d", "f"]
    assert len(rejected) == 4


def test_a_cell_is_unpickled_only_where_the_packing_pickled_it() -> None:
    """Packing for the shuffle and unpacking after it give back every cell as it was (type and value), and a text
    cell holding the bytes of a pickle stays text: the mark column, not the cell, says what was pickled."""
    import pickle

    from claimdiff._formats import dask_frames

    hostile = pickle.dumps({"x": 1}).decode("latin-1")
    df = pd.DataFrame(
        {
            "id": ["a", {1: 2}, ("t", 1), 2**70, None, hostile],
            "note": ["n", float("nan"), b"12", [["deep"]], "x", "y"],
            "event": ["e"] * 6,
        },
        dtype=object,
    )
    packed = dask_frames._pack(df, ("id", "note", "event"))
    assert packed[dask_frames.PACKED_COLUMN].tolist() == ["", "0", "0 1", "0 1", "", ""]
    for name in ("id", "note", "event"):
        assert pd.api.types.infer_dtype(packed[name], skipna=True) == "string"
    back = dask_frames._unpack(packed, ("id", "note", "event"))
    assert list(back.columns) == list(df.columns)
    for name in df.columns:
        for got, want in zip(back[name].tolist(), df[name].tolist(), strict=True):
            assert type(got) is type(want)
            assert got == want or (pd.isna(got) and pd.isna(want))
    assert back["id"].iloc[5] == hostile


def test_the_tables_are_written_a_batch_at_a_time(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``DaskTables.to_parquet`` writes each batch of whole events as it is reconciled (a row group per batch,
    so a worker never holds a partition's tables), and the files read back as the computed tables."""
    import pyarrow.parquet as pq

    from claimdiff._formats import dask_frames

    monkeypatch.setattr(dask_frames, "_ROWS", 5)
    claims = [
        _claim(f"{e}{i}", str(3 + i % 2), f"Land > {e}", e) for e in "abcdefgh" for i in range(3)
    ]
    df, report = _frame(claims)
    tables = reconcile_dask(dd.from_pandas(df, npartitions=2))
    tables.to_parquet(tmp_path, scheduler="synchronous")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims", "flags", "groups", "rejected"]
    files = sorted((tmp_path / "claims").glob("*.parquet"))
    assert [pq.ParquetFile(f).num_row_groups for f in files] == [4, 4]  # 4 events of 3 claims each
    groups, flags, members, _rejected = tables.compute(scheduler="synchronous")
    for name, want in (("groups", groups), ("flags", flags), ("claims", members)):
        got = dd.read_parquet(tmp_path / name).compute()
        assert list(got.columns) == list(want.columns)
        assert sorted(got.iloc[:, 0].astype(str)) == sorted(want.iloc[:, 0].astype(str))
    assert len(groups) == len(report.groups)


def test_the_tables_are_not_written_over_an_earlier_run(tmp_path: Any) -> None:
    """A table folder that holds files already is refused with the folder named: the files of an earlier run
    would be read back with this run's."""
    from claimdiff.exceptions import ClaimFileError

    df = pd.DataFrame({"id": ["a"], "metric": ["killed"], "value": ["3"], "source": ["AP"]})
    (tmp_path / "flags").mkdir()
    (tmp_path / "flags" / "part.0.parquet").write_bytes(b"")
    with pytest.raises(ClaimFileError, match=r"flags.*holds files already \('part.0.parquet'"):
        reconcile_dask(dd.from_pandas(df, npartitions=1)).to_parquet(tmp_path)


def test_the_api_reference_dask_example_runs() -> None:
    """The DaskTables example of ``docs/api-examples.md`` is skipped where dask is absent; here it runs."""
    page = (ROOT / "docs" / "api-examples.md").read_text(encoding="utf-8")
    start = page.index("## claimdiff.formats.DaskTables")
    section = page[start : page.index("\n## ", start + 1)].replace("  # doctest: +SKIP", "")
    test = doctest.DocTestParser().get_doctest(section, {}, "DaskTables", "api-examples.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert runner.summarize(verbose=False).attempted >= 7
