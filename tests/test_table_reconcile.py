"""Reconciling a claim table builds no claim per row, and gives the report its claims give in a tuple.

Laws: for tables of many groups (series as of several dates, stated and unstated figures, counts of people
and of children for the arithmetic, figures in two dimensions under one key, figures that disagree, repeated
and changed ids, rows the reader rejects, withdrawals), under every ready-made policy and on both sides of
the columnar threshold, ``reconcile(table)`` equals ``reconcile(tuple(table))`` field by field, message by
message; its ``claims`` behave as the tuple; and on the table path quiet groups leave their claims unbuilt.
"""

from __future__ import annotations

import pickle
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdiff import POLICIES, Withdrawal, claims_from_dataframe, reconcile
from claimdiff._core import reconcile as reconcile_module
from claimdiff._core.table_reads import key_ranks
from claimdiff._model.claim_table import ClaimTable, TableClaims, picked

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

_SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow], max_examples=40, deadline=None)

_VALUES = ["3", "4", "at least 3", "about 10", "10", "12", "dozens", "2 km", "-4", "x", "40", ""]
_PERIODS = ["", "2024-01-01/2024-01-03", "2024-01-01/2024-01-05", "2024-01-02"]


@st.composite
def tables(draw: st.DrawFn) -> tuple[Any, list[Withdrawal]]:
    """A frame of claims in many small groups, and withdrawals of some of its ids (or of none)."""
    n = draw(st.integers(1, 40))
    rows = {
        "id": [f"c{draw(st.integers(0, 2 * n))}" for _ in range(n)],  # repeated ids, now and then
        "metric": draw(st.lists(st.sampled_from(["killed", "injured"]), min_size=n, max_size=n)),
        "counted": draw(st.lists(st.sampled_from(["people", "children"]), min_size=n, max_size=n)),
        "place": draw(
            st.lists(
                st.sampled_from(["Syria", "Syria > Idlib", "Syria > Aleppo", "Iraq"]),
                min_size=n,
                max_size=n,
            )
        ),
        "value": draw(st.lists(st.sampled_from(_VALUES), min_size=n, max_size=n)),
        "period": draw(st.lists(st.sampled_from(_PERIODS), min_size=n, max_size=n)),
        "stated": draw(
            st.lists(st.sampled_from(["", "2024-01-03", "2024-01-09"]), min_size=n, max_size=n)
        ),
        "source": draw(st.lists(st.sampled_from(["A", "B", "C", "D"]), min_size=n, max_size=n)),
        "via": draw(st.lists(st.sampled_from(["", "", "Reuters", "A"]), min_size=n, max_size=n)),
    }
    ids = sorted(set(rows["id"]))
    gone = draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))
    return pd.DataFrame(rows), [Withdrawal(claim=i) for i in gone]


def _same(a: Any, b: Any) -> None:
    """Two reports equal field by field, and in what they say."""
    assert list(a.groups) == list(b.groups)
    assert list(a.flags) == list(b.flags)
    assert [str(f.message) for f in a.flags] == [str(f.message) for f in b.flags]
    assert a.rejected == b.rejected
    assert a.claims == b.claims
    assert a.derived == b.derived
    assert a.lags == b.lags
    assert a == b


@_SETTINGS
@given(tables(), st.sampled_from(sorted(POLICIES)), st.sampled_from([1, 10_000]), st.data())
def test_a_table_reconciles_as_its_claims_on_both_paths(
    case: tuple[Any, list[Withdrawal]], policy: str, columnar_from: int, data: st.DataObject
) -> None:
    """``reconcile(table) == reconcile(tuple(table))`` under every policy, through the columns or claim by claim."""
    frame, withdrawals = case
    loaded = claims_from_dataframe(frame)
    table = loaded.claims
    assert type(table) is ClaimTable
    if len(table) and data.draw(st.booleans()):  # rows again: exact repeats, or a changed claim
        extra = data.draw(st.lists(st.integers(0, len(table) - 1), max_size=3))
        table = picked(table, [*range(len(table)), *extra])
    withdrawn = withdrawals if data.draw(st.booleans()) else []
    with mock.patch.object(reconcile_module, "COLUMNAR_FROM", columnar_from):
        by_table = reconcile(table, policy, withdrawals=withdrawn)
        by_tuple = reconcile(
            tuple(picked(table, list(range(len(table))))), policy, withdrawals=withdrawn
        )
        from_reader = reconcile(loaded, policy)
        from_tuple = reconcile(attrs.evolve(loaded, claims=tuple(loaded.claims)), policy)
    _same(by_table, by_tuple)
    _same(from_reader, from_tuple)


@_SETTINGS
@given(tables())
def test_a_reports_claims_from_a_table_behave_as_a_tuple(
    case: tuple[Any, list[Withdrawal]],
) -> None:
    """``Report.claims`` of a table: equal and hashed as the tuple, sliced into tuples, shown and pickled as one."""
    frame, _ = case
    report = reconcile(claims_from_dataframe(frame).claims)
    claims = report.claims
    as_tuple = tuple(claims)
    assert claims == as_tuple
    assert as_tuple == claims
    assert hash(claims) == hash(as_tuple)
    assert len(claims) == len(as_tuple)
    assert claims[1:3] == as_tuple[1:3]
    assert type(claims[1:3]) is tuple
    assert claims[::-1] == as_tuple[::-1]
    assert repr(claims) == repr(as_tuple)
    assert [c.id for c in claims] == sorted(c.id for c in claims)
    assert pickle.loads(pickle.dumps(claims)) == as_tuple
    if len(claims):
        assert claims[-1] == as_tuple[-1]


def test_quiet_groups_of_a_table_build_no_claims() -> None:
    """Past the columnar threshold, reconciling a table of agreeing groups builds only the claims it reads."""
    n = reconcile_module.COLUMNAR_FROM + 1000
    group = np.arange(n) // 2
    frame = pd.DataFrame(
        {
            "id": [f"c{i}" for i in range(n)],
            "metric": "killed",
            "counted": "people",
            "place": [f"Country > Town {g}" for g in group.tolist()],
            "value": [str(10 + g % 7) for g in group.tolist()],
            "source": [f"source {i % 2}" for i in range(n)],
        }
    )
    frame.loc[0, "value"] = "99"  # one loud group
    table = claims_from_dataframe(frame).claims
    report = reconcile(table)
    built = report.claims.table._built  # type: ignore[attr-defined]
    assert isinstance(report.claims, TableClaims)
    assert sum(c is not None for c in built or ()) < n // 10
    assert report.has_conflict
    assert report == reconcile(tuple(table))


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["killed", "injured", ""]),
            st.sampled_from(["people", "children", ""]),
            st.lists(st.sampled_from(["", "A", "B", "AB"]), max_size=3).map(tuple),
            st.sampled_from(["", "e1", "e0"]),
        ),
        min_size=1,
    )
)
def test_keys_rank_as_sorted_orders_them(keys: list[Any]) -> None:
    """``key_ranks`` gives each key its rank in ``sorted(set(keys))``: one rule of order, part by part."""
    ranked = sorted(set(keys))
    assert key_ranks(np, keys).tolist() == [ranked.index(k) for k in keys]


def _fresh(text: str) -> str:
    """An equal text that is another object where Python makes one (a key's parts are told apart by identity
    first); CPython holds the empty text and one-letter texts once."""
    return "".join(list(text))


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["killed", "injured", ""]),
            st.sampled_from(["people", "children", ""]),
            st.lists(st.sampled_from(["", "A", "B", "AB", "B A"]), max_size=3).map(tuple),
            st.sampled_from(["", "e1", "e0", "e10"]),
        ),
        min_size=1,
    ),
    st.data(),
)
def test_keys_of_equal_parts_held_apart_rank_alike(keys: list[Any], data: st.DataObject) -> None:
    """Keys whose equal parts are different objects (a place read twice, an event per chunk) and keys that
    share one place object rank as ``sorted(set(keys))`` orders them."""
    shared = data.draw(st.booleans())
    held = {}
    fresh = []
    for metric, counted, place, event in keys:
        # one object per distinct place, or each place's names made anew
        at = held.setdefault(place, place) if shared else tuple(_fresh(p) for p in place)
        fresh.append((_fresh(metric), counted, at, _fresh(event)))
    ranked = sorted(set(fresh))
    assert key_ranks(np, fresh).tolist() == [ranked.index(k) for k in fresh]
