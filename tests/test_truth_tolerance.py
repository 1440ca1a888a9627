"""Truth discovery under a policy's precision and Tolerance (issue 17): the allowance is the least unit of error."""

from __future__ import annotations

import random

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff import POLICIES, Claim, Estimate, Scope, Source, reconcile
from claimdiff._core.truth import TruthResult, discover
from claimdiff.tolerance import Precision, Tolerance

EXACT = attrs.evolve(POLICIES["truth"], precision=Precision(mode="exact"))


def departure(cid: str, minutes: float, site: str, train: int) -> Claim:
    """A site's reading of when a train left, in minutes after midnight (given as a datum, not worded)."""
    return Claim(
        id=cid,
        metric="departure",
        estimate=Estimate.exact(minutes, unit="minute"),
        scope=Scope(place=f"train {train}"),
        source=Source(site),
    )


def timetable(seed: int) -> tuple[list[list[Claim]], list[float]]:
    """Two sites read the clock loosely (up to 4 minutes off); three give the minute but an hour late 30% of days."""
    rnd = random.Random(seed)  # noqa: S311 - reproducible test data, not security
    items, truths = [], []
    for train in range(40):
        t = float(rnd.randint(300, 1300))
        cs = [
            departure(f"{train}-j{k}", t + rnd.randint(-4, 4), f"Loose {k}", train)
            for k in range(2)
        ]
        cs += [
            departure(f"{train}-e{k}", t + (60 if rnd.random() < 0.3 else 0), f"Exact {k}", train)
            for k in range(3)
        ]
        items.append(cs)
        truths.append(t)
    return items, truths


def error(result: TruthResult, truths: list[float]) -> float:
    """Minutes off the true departures, summed."""
    return sum(
        abs(it.best / 60 - t)
        for it, t in zip(result.items, truths, strict=True)
        if it.best is not None
    )


@pytest.mark.parametrize("seed", range(5))
def test_a_tolerance_makes_sources_within_it_reliable(seed: int) -> None:
    """With a 10-minute Tolerance, sites always within 5 minutes are trusted over sites an hour off at times
    (errors are measured in units of at least the tolerance)."""
    items, _ = timetable(seed)
    with_tol = discover(
        items, policy=attrs.evolve(EXACT, tolerance=Tolerance(absolute=600.0))
    )  # seconds
    loose = [s.reliability for s in with_tol.sources if s.origin.startswith("loose")]
    exact = [s.reliability for s in with_tol.sources if s.origin.startswith("exact")]
    assert min(loose) > max(exact)
    assert all(it.scale >= 600.0 for it in with_tol.items)


def test_a_tolerance_brings_the_learned_times_nearer() -> None:
    """Over five timetables, the times learned with the tolerance are nearer the truth than without it, where
    the loose sites' minutes count as errors and the three that agree exactly, when on time, outvote them."""
    tolerant = attrs.evolve(EXACT, tolerance=Tolerance(absolute=600.0))
    timetables = [timetable(seed) for seed in range(5)]
    with_tol = sum(error(discover(items, policy=tolerant), truths) for items, truths in timetables)
    without = sum(error(discover(items), truths) for items, truths in timetables)
    assert with_tol < without / 2


@pytest.mark.parametrize("seed", range(5))
def test_a_tolerance_in_the_policy_does_at_least_as_well_as_one_written_into_each_claim(
    seed: int,
) -> None:
    """The same readings, the allowance declared once or written as ±5 minutes into every claim."""
    items, truths = timetable(seed)
    by_hand = [
        [
            attrs.evolve(
                c,
                estimate=Estimate(
                    low=c.low / 60 - 5, high=c.high / 60 + 5, point=c.low / 60, unit="minute"
                ),
            )
            for c in cs
        ]
        for cs in items
    ]
    declared = discover(items, policy=attrs.evolve(EXACT, tolerance=Tolerance(absolute=600.0)))
    assert error(declared, truths) <= error(discover(by_hand), truths)


_FIGURES = st.lists(
    st.lists(st.tuples(st.integers(0, 5), st.integers(1, 500)), min_size=1, max_size=5),
    min_size=1,
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(_FIGURES)
def test_no_allowance_is_the_same_as_no_policy(raw: list[list[tuple[int, int]]]) -> None:
    """Law: a policy that reads figures exactly and allows nothing beyond them changes nothing."""
    items = [
        [
            Claim(
                id=f"{i}-{j}",
                metric="killed",
                estimate=Estimate.exact(v),
                scope=Scope(place=f"p{i}", counted="people"),
                source=Source(f"S{s}"),
            )
            for j, (s, v) in enumerate(cs)
        ]
        for i, cs in enumerate(raw)
    ]
    plain, exact = discover(items), discover(items, policy=EXACT)
    assert [it.best for it in plain.items] == [it.best for it in exact.items]
    assert [(s.origin, s.reliability) for s in plain.sources] == [
        (s.origin, s.reliability) for s in exact.sources
    ]


def test_the_truth_policy_uses_its_tolerance() -> None:
    """``reconcile`` under the truth policy believes what ``discover`` learns under the same policy."""
    items, _ = timetable(3)
    policy = attrs.evolve(EXACT, tolerance=Tolerance(absolute=600.0))
    report = reconcile([c for cs in items for c in cs], policy)
    learned = discover(items, policy=policy)
    best = {it.claims[0].split("-")[0]: it.best / 60 for it in learned.items if it.best is not None}
    for g in report.groups:
        assert g.best == pytest.approx(best[g.claims[0].split("-")[0]])
