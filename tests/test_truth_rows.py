"""The rows truth discovery weighs are the same whether it reads the claims or is given what was read of them.

Reconciling sorts the ids once and reads every claim's origin as a code; truth discovery then takes each claim's
rank in id order and its origin code (:class:`claimdiff._core.truth.rows.Reads`) instead of reading the claims
again. Law: the rows (:meth:`Rows.of`) are the same either way, whatever ranks and codes stand for the order and
the origins, and with some claims dropped (:meth:`Reads.take`).
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff import Claim, Estimate, Period, Scope, Source
from claimdiff._core.truth.discover import farthest
from claimdiff._core.truth.rows import Laid, Picked, Reads, Rows


@st.composite
def laid_claims(draw: st.DrawFn) -> Laid:
    """Items of 0-6 claims from 4 origins (an origin may speak more than once of an item), ids in no order."""
    items = []
    serial = draw(st.permutations(range(60)))
    used = 0
    for i in range(draw(st.integers(1, 6))):
        claims = []
        for _ in range(draw(st.integers(0, 6))):
            low = draw(st.integers(0, 50))
            day = draw(st.none() | st.integers(1, 3))
            claims.append(
                Claim(
                    id=f"k{serial[used]}",
                    metric="killed",
                    estimate=draw(st.sampled_from([Estimate.exact(low), Estimate.at_least(low)])),
                    scope=Scope(place=f"P{i}", counted="people"),
                    stated=None if day is None else Period.day(dt.date(2024, 1, day)),
                    source=Source(draw(st.sampled_from("ABCD"))),
                )
            )
            used += 1
        items.append(claims)
    return Laid.of(items)


def _given(laid: Laid, draw: st.DrawFn) -> Reads:
    """The reads of ``laid``, with a rank in id order and an origin code per claim, as reconciling gives them."""
    claims = laid.claims
    reads = Reads.of(claims)
    ids = sorted(c.id for c in claims)
    # Any increasing ranks stand for the order (reconciling's are positions among more claims than these).
    gaps = draw(st.lists(st.integers(1, 3), min_size=len(ids), max_size=len(ids)))
    rank_of = dict(zip(ids, np.cumsum(gaps).tolist(), strict=True))
    # Codes in any order, some naming origins no claim here has.
    names = draw(st.permutations(["a", "b", "c", "d", "nobody", "elsewhere"]))
    code = {o: k for k, o in enumerate(names)}
    return Reads(
        low=reads.low,
        high=reads.high,
        start=reads.start,
        end=reads.end,
        figure=reads.figure,
        rank=np.asarray([rank_of[c.id] for c in claims], np.int64),
        origin=np.asarray([code[c.origin] for c in claims], np.int64),
        origin_names=names,
    )


def _same_rows(a: Rows, b: Rows) -> None:
    for name in ("item", "order", "canon", "chosen", "row_item", "src", "counts", "low", "high"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    assert a.origins == b.origins
    assert a.sources == b.sources
    assert [c.id for c in a.rows] == [c.id for c in b.rows]
    assert [c.id for c in a.claims] == [c.id for c in b.claims]


@settings(max_examples=150, deadline=None)
@given(laid_claims(), st.data())
def test_rows_from_reads_equal_rows_from_claims(laid: Laid, data: st.DataObject) -> None:
    """Law: given ranks and origin codes, :meth:`Rows.of` finds the rows it finds reading the claims."""
    _same_rows(Rows.of(laid, _given(laid, data.draw)), Rows.of(laid))


@settings(max_examples=150, deadline=None)
@given(laid_claims(), st.data())
def test_rows_of_the_claims_kept_are_the_same(laid: Laid, data: st.DataObject) -> None:
    """Law: dropping claims from the reads (:meth:`Reads.take`) and from the items gives the rows of the claims kept."""
    keep = np.asarray(
        data.draw(st.lists(st.booleans(), min_size=len(laid.claims), max_size=len(laid.claims))),
        np.bool_,
    )
    member = np.repeat(np.arange(len(laid.sizes)), laid.sizes)
    kept = Laid(
        Picked(laid.claims, np.flatnonzero(keep)),
        np.bincount(member[keep], minlength=len(laid.sizes)),
    )
    _same_rows(
        Rows.of(kept, _given(laid, data.draw).take(keep)),
        Rows.of(Laid([laid.claims[k] for k in np.flatnonzero(keep).tolist()], kept.sizes)),
    )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([0.0, 0.5, 1.0, 2.0, 7.5, math.inf, math.nan]),
            st.text("ab", max_size=2),
        ),
        max_size=12,
    ),
    st.integers(1, 6),
)
def test_the_farthest_few_are_those_a_full_sort_puts_first(
    values: list[tuple[float, str]], k: int
) -> None:
    """Law: the values :func:`farthest` keeps, sorted largest first (ties by name), begin as all of them sorted do."""

    def first(rows: list[tuple[float, str]]) -> list[tuple[float, str]]:
        return sorted(rows, key=lambda v: (-v[0], v[1]))[:k]

    kept = farthest(np.asarray([e for e, _ in values], np.float64), k).tolist()
    assert kept == sorted(set(kept))
    assert repr(first([values[i] for i in kept])) == repr(first(values))
