"""The ``truth`` policy: the report believes what :func:`claimdiff.truth.discover` learns, whatever the claims' order.

Each law is checked on both of reconcile's paths: claim by claim (small inputs) and columnar (where quiet
groups are made only when read), by moving the size at which the columnar path starts.
"""

from __future__ import annotations

import datetime as dt
import random
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

import claimdiff._core.reconcile as reconcile_module
from claimdiff import POLICIES, Claim, Estimate, Period, Report, Scope, Source, reconcile
from claimdiff._core.accepting import in_id_order
from claimdiff._core.truth.discover import learn
from claimdiff.truth import discover

_ORIGINS = "ABCDE"


@st.composite
def truth_claims(draw: st.DrawFn) -> list[Claim]:
    """Claims about 1-5 places from 5 origins: exact, "at least" or ranges, some dated, some relayed.

    Dated figures of one origin about one place revise each other, and a figure overtaken by a later
    one from another origin can be stale: groups then hold claims that no longer count.
    """
    out = []
    for p in range(draw(st.integers(1, 5))):
        base = draw(st.integers(0, 400))
        for k in range(draw(st.integers(1, 6))):
            who = draw(st.sampled_from(_ORIGINS))
            v = base + draw(st.integers(-30, 30))
            shape = draw(st.sampled_from(["exact", "exact", "at_least", "between"]))
            est = (
                Estimate.exact(max(v, 0))
                if shape == "exact"
                else Estimate.at_least(max(v, 0))
                if shape == "at_least"
                else Estimate.between(max(v, 0), max(v, 0) + draw(st.integers(1, 20)))
            )
            day = draw(st.none() | st.integers(1, 4))
            out.append(
                Claim(
                    id=f"p{p}-{k}",
                    metric="killed",
                    estimate=est,
                    scope=Scope(place=f"P{p}", counted="people"),
                    stated=None if day is None else Period.day(dt.date(2024, 3, day)),
                    source=Source(who),
                    via=[Source("Outlet")] if draw(st.booleans()) else [],
                )
            )
    return out


def _reconcile(claims: list[Claim], columnar: bool) -> Report:
    with mock.patch.object(reconcile_module, "COLUMNAR_FROM", 0 if columnar else 10**9):
        return reconcile(claims, "truth")


@settings(max_examples=60, deadline=None)
@given(truth_claims(), st.booleans())
def test_the_report_believes_what_discover_learns(claims: list[Claim], columnar: bool) -> None:
    """Law: the report's truth is ``discover`` on each group's claims that still count, and each best is its item's."""
    report = _reconcile(claims, columnar)
    # Withdrawn and stale claims no longer count.
    items = [
        [report.claim(cid) for cid in g.claims if cid not in set(g.withdrawn) | set(g.stale)]
        for g in report.groups
    ]
    learned = discover(items, policy=POLICIES["truth"])
    assert report.truth == learned
    for g, item in zip(report.groups, learned.items, strict=True):
        if item.best is None:
            assert g.best_rule.endswith("(truth discovery had no figure)")
        else:  # counts are whole
            assert g.best == float(round(item.best))
            assert g.best_rule == "truth (weighted by learned source reliability)"
    unlikely = {f.claims for f in report.flags_of("unlikely")}
    assert unlikely == {(fit.claim_id,) for fit in learned.unlikely()}


@settings(max_examples=60, deadline=None)
@given(truth_claims(), st.booleans(), st.randoms(use_true_random=False))
def test_the_order_of_the_claims_changes_no_believed_figure(
    claims: list[Claim], columnar: bool, rnd: random.Random
) -> None:
    """Law: shuffling the input claims changes no group's best, no learned truth, reliability or finding."""
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    a, b = _reconcile(claims, columnar), _reconcile(shuffled, columnar)
    assert [(g.claims, g.best, g.best_rule) for g in a.groups] == [
        (g.claims, g.best, g.best_rule) for g in b.groups
    ]
    assert a.truth == b.truth
    assert [(f.claims, f.message) for f in a.flags_of("unlikely")] == [
        (f.claims, f.message) for f in b.flags_of("unlikely")
    ]


def test_the_columnar_path_reads_no_claim_twice_for_truth() -> None:
    """On the columnar path, truth discovery takes each claim's figures from reconciling's columns, never from the claims.

    The claims of one group that revise one another leave a stale claim behind: the reads it drops go with it.
    """
    claims = [
        Claim(
            id=f"c{k}",
            metric="killed",
            estimate=Estimate.exact(100 + k % 3),
            scope=Scope(place=f"P{k // 3}", counted="people"),
            stated=Period.day(dt.date(2024, 3, 1 + k % 3)),
            source=Source("ABC"[k % 3] if k % 7 else "A"),
        )
        for k in range(30)
    ]
    expected = _reconcile(claims, columnar=False)
    with mock.patch(
        "claimdiff._core.truth.rows.Reads.of", side_effect=AssertionError("read twice")
    ):
        report = _reconcile(claims, columnar=True)
    assert any(g.stale for g in report.groups)
    assert report.truth == expected.truth
    assert [(g.best, g.best_rule) for g in report.groups] == [
        (g.best, g.best_rule) for g in expected.groups
    ]


def test_the_ids_are_sorted_once() -> None:
    """On the columnar path the ids are sorted once, when the claims are accepted: the report lists its claims in
    that order and truth discovery ranks them by it; the origins are those the columns read (as codes)."""
    claims = [
        Claim(
            id=f"c{k}",
            metric="killed",
            estimate=Estimate.exact(100 + k % 5),
            scope=Scope(place=f"P{k % 4}", counted="people"),
            source=Source("ABCD"[k % 4 - k % 2]),
        )
        for k in range(40)
    ]
    claims = [claims[7 * k % 40] for k in range(40)]  # not in id order
    expected = _reconcile(claims, columnar=False)
    with (
        mock.patch.object(reconcile_module, "in_id_order", wraps=in_id_order) as listing,
        mock.patch("claimdiff._core.believe.learn", wraps=learn) as learning,
    ):
        report = _reconcile(claims, columnar=True)
    assert (
        listing.call_args.args[1] is not None
    )  # listed in the order accept found: not sorted again
    reads = learning.call_args.kwargs["reads"]
    assert reads.rank is not None
    assert reads.origin is not None
    assert [c.id for c in report.claims] == sorted(c.id for c in claims)
    assert report.truth == expected.truth
    assert [(g.best, g.best_rule) for g in report.groups] == [
        (g.best, g.best_rule) for g in expected.groups
    ]
