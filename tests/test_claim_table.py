"""A claim table (claimdiff._model.claim_table) is a tuple of claims held as columns, and the core reads its columns.

Laws: a table read from a frame (full of bad cells: some rows are left to the full reader and held as
claims) builds, row by row, the claim ``Claim(...)`` gives for that row's parts; it equals, hashes, slices,
adds and pickles as the tuple of its claims. The core's columns read from a table equal those read claim
by claim, and reconciling a table gives the report of its claims in a tuple.
"""

from __future__ import annotations

import pickle
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdiff import Claim, claims_from_dataframe, reconcile
from claimdiff._core.columns import Columns
from claimdiff._core.grouping import group_claims, keys_of
from claimdiff._core.hedge_reading import read_with_policy, rereads_any
from claimdiff._core.policy import Policy, policy_named
from claimdiff._core.reconcile import COLUMNAR_FROM
from claimdiff._core.table_reads import as_table, distinct_ids, table_keys
from claimdiff._formats import table_columns
from claimdiff._model.claim_table import FIELDS, ClaimTable, by_id, picked
from claimdiff._model.scope import place_path
from claimdiff._model.table_concat import concat
from claimdiff.exceptions import InvalidClaimError
from claimdiff.tolerance import Precision, Tolerance
from test_frames_columnar import frames

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

_SLOW = settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60)


@st.composite
def csv_frames(draw: st.DrawFn) -> tuple[Any, None, None]:
    """Frames in the claims-CSV columns whose rows the columnar reader reads, leaves to the full reader
    (a rank, a composite figure: held as the claims it builds) or rejects, with repeated ids."""
    n = draw(st.integers(0, 12))
    cells = {
        "id": st.sampled_from(["a", "b", "c", "d", "e", "f", "g", "h"]),
        "value": st.sampled_from(
            ["3", "at least 4", "dozens", "108, including 15 children", "-4", "x", "2 km"]
        ),
        "rank": st.sampled_from(["", "", "preferred"]),
        "source": st.sampled_from(["A", "B", "C [media]"]),
        "period": st.sampled_from(["", "2024-01-02"]),
        "stated": st.sampled_from(["", "2024-01-01", "2024-01-05"]),
        "via": st.sampled_from(["", "Reuters"]),
    }
    rows = {c: draw(st.lists(s, min_size=n, max_size=n)) for c, s in cells.items()}
    if draw(st.booleans()):
        del rows["rank"]  # a rank column sends every row to the full reader
    df = pd.DataFrame({"metric": "killed", "counted": "people", **rows}, index=range(n))
    return df, None, None


_FRAMES = st.one_of(frames(), csv_frames())


def _table(frame: tuple[Any, Any, Any], chunk: int | None = None) -> ClaimTable:
    """The frame's claims as read; read ``chunk`` rows at a time when given (the chunks laid end to end: ids packed)."""
    df, columns, defaults = frame
    with mock.patch.object(table_columns, "TABLE_CHUNK", chunk or table_columns.TABLE_CHUNK):
        claims = claims_from_dataframe(df, columns=columns, defaults=defaults).claims
    assert type(claims) is ClaimTable
    return claims


def _rebuilt(c: Claim) -> Claim:
    """The claim ``Claim(...)`` gives for the parts ``c`` holds."""
    return Claim(**{f: getattr(c, f) for f in FIELDS}, rank=c.rank, source_grade=c.source_grade)


@_SLOW
@given(_FRAMES)
def test_each_claim_is_the_claim_its_parts_make(frame: Any) -> None:
    """``table[i]`` and iteration give, in order, the claim ``Claim(...)`` makes of the row's parts, once."""
    table = _table(frame)
    claims = list(table)
    assert len(claims) == len(table)
    assert claims == [table[i] for i in range(len(table))]
    assert all(table[i] is table[i - len(table)] for i in range(len(table)))
    for c in claims:
        again = _rebuilt(c)
        assert again == c
        assert (again.low, again.high, again.origin, again.key) == (c.low, c.high, c.origin, c.key)
        assert repr(again) == repr(c)


@_SLOW
@given(_FRAMES, st.data())
def test_a_table_behaves_as_the_tuple_of_its_claims(frame: Any, data: st.DataObject) -> None:
    """Equality, hash, slicing, concatenation and pickling are those of ``tuple(table)``."""
    table = _table(frame)
    claims = tuple(table)
    assert table == claims
    assert claims == table
    assert hash(table) == hash(claims)
    assert table + () == claims  # noqa: RUF005 - the tuple law itself
    assert () + table == claims  # noqa: RUF005
    start = data.draw(st.integers(-len(claims) - 2, len(claims) + 2) | st.none())
    stop = data.draw(st.integers(-len(claims) - 2, len(claims) + 2) | st.none())
    step = data.draw(st.sampled_from([None, 1, 2, -1, -3]))
    part = table[start:stop:step]
    assert type(part) is ClaimTable
    assert part == claims[start:stop:step]
    fresh = _table(frame)[start:stop:step]  # sliced before any claim was built
    assert tuple(fresh) == claims[start:stop:step]
    again = pickle.loads(pickle.dumps(table))
    assert again == table
    assert type(again) is ClaimTable
    if claims:
        assert table != claims[:-1]
        assert table != (*claims[:-1], attrs.evolve(claims[-1], quote="other words"))
    with pytest.raises(IndexError):
        table[len(claims)]


@_SLOW
@given(_FRAMES, st.data())
def test_tables_concatenate_and_pick_as_tuples(frame: Any, data: st.DataObject) -> None:
    """``concat`` lays tables end to end; ``picked`` takes rows and claims given, in order."""
    table = _table(frame)
    claims = tuple(table)
    cut = data.draw(st.integers(0, len(claims)))
    assert concat([table[cut:], table[:cut]]) == claims[cut:] + claims[:cut]
    picks: list[Any] = (
        data.draw(st.lists(st.integers(0, len(claims) - 1), max_size=8)) if claims else []
    )
    if claims:
        picks.append(claims[0])
    assert tuple(picked(table, picks)) == tuple(
        p if isinstance(p, Claim) else claims[p] for p in picks
    )


@_SLOW
@given(_FRAMES)
def test_a_column_reads_each_claims_own_part(frame: Any) -> None:
    """``column(field)`` gives, without building claims, the very part each claim holds (held rows too)."""
    table = _table(frame)
    claims = tuple(_table(frame))  # another read: the same parts, built apart
    for field in ("metric", "scope", "period", "stated", "source", "via", "id", "note"):
        codes, values = table.column(field)
        # ``note`` reads the slot a claim holds its note in (with its source's grade, when it has one).
        slot = "_notes" if field == "note" else field
        assert [values[k] for k in codes.tolist()] == [getattr(c, slot) for c in claims]
    codes, values = table.column("period")
    assert [id(values[k]) for k in codes.tolist()] == [id(c.period) for c in table]


def _columns_alike(a: Columns, b: Columns) -> None:
    for name in (
        "sizes",
        "starts",
        "member",
        "low",
        "high",
        "low_closed",
        "high_closed",
        "wlow",
        "whigh",
        "wlow_closed",
        "whigh_closed",
        "figure",
        "stated_start",
        "stated_end",
        "exact",
        "vague",
        "precision_code",
        "step",
        "is_count",
        "cumulative",
    ):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)
    for name in ("origins_per_group", "same_period", "one_date", "unordered"):
        np.testing.assert_array_equal(getattr(a, name)(), getattr(b, name)(), err_msg=name)
    assert a.n_origins == b.n_origins
    assert (a.withdrawn is None) == (b.withdrawn is None)
    if a.withdrawn is not None:
        np.testing.assert_array_equal(a.withdrawn, b.withdrawn)


_POLICIES = [
    Policy(),
    Policy(
        name="tolerant",
        tolerance=Tolerance(
            absolute=2, relative=0.05, per_metric={"killed": Tolerance(relative=0.1)}
        ),
    ),
    Policy(name="exact", precision=Precision(mode="exact"), growth_window=0.0),
    policy_named("acled"),
    policy_named("ucdp"),
]


def _with_repeats(table: ClaimTable, data: st.DataObject) -> ClaimTable:
    """``table``, or a table of its rows picked again (repeated ids: exact repeats), or with a claim changed
    under a repeated id."""
    how = data.draw(st.sampled_from(["as read", "repeats", "changed"]))
    if how == "as read" or not len(table):
        return table
    picks: list[Any] = [*range(len(table)), *data.draw(st.lists(st.integers(0, len(table) - 1)))]
    if how == "changed":
        picks.append(attrs.evolve(table[0], quote="said otherwise"))
    return picked(table, picks)


@_SLOW
@given(_FRAMES, st.sampled_from(_POLICIES), st.data())
def test_a_tables_columns_answer_as_its_claims(
    frame: Any, policy: Policy, data: st.DataObject
) -> None:
    """Ids, re-reading and grouping keys read from a table's columns are what its claims say (ids packed or not,
    in id order or not)."""
    table = _with_repeats(_table(frame, data.draw(st.sampled_from([None, 3]))), data)
    if data.draw(st.booleans()):
        table = by_id(table)
    claims = list(picked(table, list(range(len(table)))))  # the same rows, built apart
    ids = [c.id for c in claims]
    assert list(table.texts("id")) == ids
    assert distinct_ids(np, table) == (len(set(ids)) == len(ids))
    assert rereads_any(table, policy) == bool(read_with_policy(claims, policy)[1])
    assert [list(read) for read in table_keys(np, table)[:4]] == list(keys_of(claims))[:4]


@_SLOW
@given(_FRAMES, st.sampled_from(_POLICIES), st.data())
def test_a_table_reconciles_as_the_tuple_of_its_claims(
    frame: Any, policy: Policy, data: st.DataObject
) -> None:
    """``reconcile(table) == reconcile(tuple(table))``, group by group and flag by flag, under every policy
    (repeated ids and figures the policy re-reads included; ids packed or not)."""
    table = _with_repeats(_table(frame, data.draw(st.sampled_from([None, 3]))), data)
    by_table = reconcile(table, policy)
    by_tuple = reconcile(tuple(picked(table, list(range(len(table))))), policy)
    assert list(by_table.groups) == list(by_tuple.groups)
    assert [g.best_rule for g in by_table.groups] == [g.best_rule for g in by_tuple.groups]
    assert list(by_table.flags) == list(by_tuple.flags)
    assert [f.message for f in by_table.flags] == [f.message for f in by_tuple.flags]
    assert by_table.rejected == by_tuple.rejected
    assert by_table.claims == by_tuple.claims


@_SLOW
@given(_FRAMES, st.sampled_from(_POLICIES))
def test_the_core_reads_a_tables_columns_as_its_claims(frame: Any, policy: Policy) -> None:
    """Columns read from a table's columns equal those read claim by claim (withdrawn ids included)."""
    table = _table(frame)
    claims = list(table)
    if not claims:
        return  # no group: nothing to lay out
    groups, _ = group_claims(claims)
    withdrawn = {c.id for c in claims[::3]}
    for gone in (set(), withdrawn):
        _columns_alike(Columns(table, groups, policy, gone), Columns(claims, groups, policy, gone))


def test_reconciling_a_table_reports_as_its_claims() -> None:
    """Past the columnar threshold, a table reconciles (through its columns) as the tuple of its claims."""
    n = COLUMNAR_FROM + 500
    rng = np.random.default_rng(3)
    group = np.arange(n) // 3
    df = pd.DataFrame(
        {
            "id": [f"c{i}" for i in range(n)],
            "metric": "killed",
            "counted": "people",
            "place": [f"Country > Town {g}" for g in group.tolist()],
            "value": [
                f"at least {v}" if v % 4 == 0 else str(v) for v in (group % 50 + 10).tolist()
            ],
            "period": [f"2024-01-{1 + g % 28:02d}" for g in group.tolist()],
            "source": [f"source {s}" for s in rng.integers(0, 30, n).tolist()],
        }
    )
    df.loc[::7, "value"] = (df["value"][::7].str.extract(r"(\d+)")[0].astype(int) + 9).astype(str)
    loaded = claims_from_dataframe(df)
    assert type(loaded.claims) is ClaimTable
    by_table = reconcile(loaded)
    by_tuple = reconcile(tuple(loaded.claims))
    assert list(by_table.groups) == list(by_tuple.groups)
    assert list(by_table.flags) == list(by_tuple.flags)
    assert by_table.claims == by_tuple.claims


def test_a_table_stands_for_the_claims_only_when_they_are_its_own() -> None:
    """``as_table`` gives the table back only when the accepted claims are its very claims, in order."""
    df = pd.DataFrame(
        {"id": ["a", "b"], "metric": "killed", "counted": "people", "value": 3, "source": "MoD"}
    )
    table = claims_from_dataframe(df).claims
    assert as_table(table, list(table)) is table
    assert as_table(table, list(table)[::-1]) == list(table)[::-1]
    copies = [attrs.evolve(c) for c in table]
    assert as_table(table, copies) is copies
    assert as_table(tuple(table), list(table)) == list(table)


@_SLOW
@given(_FRAMES, st.data())
def test_a_table_in_another_order_is_the_tuple_in_that_order(
    frame: Any, data: st.DataObject
) -> None:
    """A table in id order (:func:`by_id`) shares the columns it reorders, and is read, sliced, picked, laid end to
    end, pickled and asked for its columns as the tuple of its claims in that order (held rows too)."""
    table = _table(frame)
    claims = tuple(table)
    if len({c.id for c in claims}) < len(claims):
        return  # by_id is for tables of distinct ids
    ordered = by_id(_table(frame))  # no claim built before it is reordered
    expected = tuple(sorted(claims, key=lambda c: c.id))
    assert ordered == expected
    assert [ordered[i] for i in range(len(ordered))] == list(expected)
    start = data.draw(st.integers(-len(claims) - 1, len(claims) + 1) | st.none())
    step = data.draw(st.sampled_from([None, 1, 2, -1]))
    assert tuple(ordered[start::step]) == expected[start::step]
    assert pickle.loads(pickle.dumps(ordered)) == expected
    cut = data.draw(st.integers(0, len(claims)))
    assert concat([ordered[cut:], ordered[:cut]]) == expected[cut:] + expected[:cut]
    if claims:
        picks = data.draw(st.lists(st.integers(0, len(claims) - 1), max_size=6))
        assert tuple(picked(ordered, picks)) == tuple(expected[p] for p in picks)
    for field in ("scope", "period", "id", "note"):
        codes, values = ordered.column(field)
        slot = "_notes" if field == "note" else field
        assert [values[k] for k in codes.tolist()] == [getattr(c, slot) for c in expected]


_PLACE_PARTS = st.sampled_from(
    ["A", "Bé", "A b", "A  b", " A", "b ", "\tA", "\u2003", "", "B + A", "A+A"]
)
_PLACES = st.one_of(
    st.text(alphabet=" \t\u00a0\u2003>+AbBé-", max_size=24),
    st.builds(
        lambda parts, joints: (
            "".join(p + j for p, j in zip(parts, joints, strict=False)) + parts[-1]
        ),
        st.lists(_PLACE_PARTS, min_size=1, max_size=4),
        st.lists(st.sampled_from([" > ", ">", " >", ">  "]), min_size=3, max_size=3),
    ),
)


@given(_PLACES)
def test_a_place_reads_as_its_parts(text: str) -> None:
    """``place_path`` of a text is that of its parts: the text's own reading (spaced by single spaces, each part
    stripped) is the one every part gets (its whitespace tidied), or both refuse it."""

    def read(value: Any) -> Any:
        try:
            return place_path(value)
        except InvalidClaimError as e:
            return type(e)

    assert read(text) == read(text.split(">"))


def test_a_field_every_row_gives_alike_is_held_without_memory() -> None:
    """A field all rows give alike (one metric, one figure, no period) is held as one code repeated, taking no
    memory per row; its column still reads, claim by claim, a writable array of codes."""
    n = 1000
    df = pd.DataFrame(
        {
            "id": [f"c{i}" for i in range(n)],
            "metric": "killed",
            "counted": "people",
            "value": 3,
            "source": ["MoD", "UN"] * (n // 2),
        }
    )
    table = claims_from_dataframe(df).claims
    held = dict(zip(FIELDS, table._codes, strict=True))
    for field in ("metric", "estimate", "period", "note"):
        assert held[field].strides == (0,), field
    for field in ("id", "source"):
        assert held[field].nbytes == n * held[field].itemsize, field
    codes, values = table.column("metric")
    codes[0] = codes[1]  # the caller's own copy
    assert [values[k] for k in codes.tolist()] == [c.metric for c in table]
    assert pickle.loads(pickle.dumps(table)) == tuple(table)


@given(st.lists(_PLACES | st.sampled_from(["A > B", "A > B > C", "A >B", "A"]), max_size=6))
def test_a_place_reads_alike_with_the_wider_areas_kept(texts: list[str]) -> None:
    """A reader that keeps the wider areas it has met (``place_path(wider=)``) reads each place as alone."""

    def read(value: Any, **kw: Any) -> Any:
        try:
            return place_path(value, **kw)
        except InvalidClaimError as e:
            return type(e)

    met: dict[str, tuple[str, ...]] = {}
    assert [read(t, wider=met) for t in texts * 2] == [read(t) for t in texts * 2]
