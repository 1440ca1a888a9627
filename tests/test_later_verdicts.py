"""Under ``truth``, loud groups are judged when read: the report reads the same as one whose groups were all judged at once.

The law (hypothesis): whatever is read first (the flags, every group, or a few groups), a truth report whose
loud groups wait to be judged equals, group by group and flag by flag with its message, the report of the same
claims with every group judged during reconciling. The examples show that the call itself judges none of
the waiting groups, and that a lag found between cumulative series (which reads the flags) changes nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from typing import Any
from unittest import mock

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import claimdiff._core.later_verdicts as later_module
import claimdiff._core.reconcile as reconcile_module
from claimdiff import Claim, Estimate, Period, Report, Scope, Source, Withdrawal, reconcile
from claimdiff.strategies import PLANTS, claim_sets, claims
from claimdiff.vocabulary import Metric

_ORIGINS = "ABCDE"
_DEATHS = Metric("covid deaths", cumulative=True)
_START = dt.date(2020, 3, 1)


def _truth(cs: Sequence[Claim], withdrawals: Sequence[Withdrawal], *, later: bool) -> Report:
    """The truth report on the columnar path, its quiet loud groups judged when read (``later``) or at once."""
    with contextlib.ExitStack() as patches:
        patches.enter_context(mock.patch.object(reconcile_module, "COLUMNAR_FROM", 0))
        if not later:
            patches.enter_context(
                mock.patch.object(reconcile_module, "judge_later", return_value=[])
            )
        return reconcile(cs, "truth", withdrawals=withdrawals)


def _series(origin: str, values: Sequence[float | None], place: str) -> list[Claim]:
    """One origin's cumulative deaths in ``place`` as of each day from ``_START`` (``None``: no figure that day)."""
    out = []
    for d, v in enumerate(values):
        if v is None:
            continue
        day = (_START + dt.timedelta(days=d)).isoformat()
        out.append(
            Claim(
                id=f"{origin}-{place}-{d:03}",
                metric=_DEATHS,
                estimate=Estimate.exact(v),
                scope=Scope(place=(place,), counted="people"),
                source=origin,
                period=f"{_START.isoformat()}/{day}",
                stated=day,
            )
        )
    return out


@st.composite
def _places(draw: st.DrawFn) -> list[Claim]:
    """Claims about a few places from five origins: exact, "at least" or ranges, some dated, relayed or stated as parts."""
    out = []
    for p in range(draw(st.integers(1, 4))):
        base = draw(st.integers(0, 400))
        for k in range(draw(st.integers(1, 6))):
            v = max(base + draw(st.integers(-30, 30)), 0)
            est = draw(
                st.sampled_from(
                    [Estimate.exact(v), Estimate.at_least(v), Estimate.between(v, v + 15)]
                )
            )
            day = draw(st.none() | st.integers(1, 3))
            counted = draw(st.sampled_from(["people", "children"]))
            out.append(
                Claim(
                    id=f"p{p}-{k}",
                    metric=draw(st.sampled_from(["killed", "injured"])),
                    estimate=est,
                    scope=Scope(place=f"P{p}", counted=counted),
                    stated=None if day is None else Period.day(dt.date(2024, 3, day)),
                    source=Source(draw(st.sampled_from(_ORIGINS))),
                    via=[Source("Outlet")] if draw(st.booleans()) else [],
                    part_of=f"p{p}-0"
                    if k and counted == "children" and draw(st.booleans())
                    else None,
                )
            )
    return out


@st.composite
def _running(draw: st.DrawFn) -> list[Claim]:
    """Cumulative series of two or three origins over a few days, each a noisy copy of one running toll."""
    days = draw(st.integers(2, 6))
    toll = list(
        itertools.accumulate(draw(st.lists(st.integers(0, 40), min_size=days, max_size=days)))
    )
    out = []
    for origin in _ORIGINS[: draw(st.integers(2, 3))]:
        shift = draw(st.integers(0, min(2, days - 1)))
        values = [None] * shift + toll[: days - shift]
        out.extend(
            _series(
                origin, [None if v is None else v + draw(st.integers(0, 3)) for v in values], "EG"
            )
        )
    return out


def _mixed() -> st.SearchStrategy[list[Claim]]:
    planted = st.sampled_from((None, *PLANTS)).flatmap(lambda p: claim_sets(plant=p, max_size=5))
    return st.lists(
        _places() | _running() | planted | st.lists(claims(), min_size=1, max_size=4),
        min_size=1,
        max_size=3,
    ).map(lambda parts: list({c.id: c for part in parts for c in part}.values()))


def _read_first(report: Report, how: str, picks: Sequence[int]) -> None:
    """Read part of the report first: its flags, every group, or a few groups."""
    if how == "flags":
        list(report.flags)
    elif how == "groups":
        list(report.groups)
    elif report.groups:
        for k in picks:
            report.groups[k % len(report.groups)]


def _whole(report: Report) -> tuple[Any, ...]:
    return (
        list(report.groups),
        [g.to_dict() for g in report.groups],
        list(report.flags),
        [(f.message, f.to_dict()) for f in report.flags],
        report.lags,
        report.derived,
        report.truth,
        report.rejected,
        repr(report),
    )


@settings(max_examples=80, deadline=None)
@given(
    _mixed(),
    st.sampled_from(["flags", "groups", "some groups"]),
    st.lists(st.integers(0, 50), max_size=4),
    st.data(),
)
def test_a_report_read_later_is_the_report_judged_at_once(
    cs: list[Claim], how: str, picks: list[int], data: st.DataObject
) -> None:
    """Law: groups judged when read give the same groups, flags, messages, lags and truth, whatever is read first."""
    ids = sorted({c.id for c in cs})
    gone = data.draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)) if ids else []
    withdrawals = [Withdrawal(claim=w) for w in gone]
    at_once = _truth(cs, withdrawals, later=False)
    read_later = _truth(cs, withdrawals, later=True)
    _read_first(read_later, how, picks)
    assert _whole(read_later) == _whole(at_once)


def _counting_verdicts() -> tuple[list[int], Callable[..., Any]]:
    """A stand-in for the verdicts of the groups judged later that counts the groups it judges."""
    judged: list[int] = []
    real = later_module.analyse_groups

    def counting(jobs: Any, *args: Any, **kwargs: Any) -> Any:
        jobs = list(jobs)
        judged.append(len(jobs))
        return real(jobs, *args, **kwargs)

    return judged, counting


def test_the_call_judges_no_group_that_waits() -> None:
    """Disagreeing figures stated in no order: the truth call learns from them and judges none until read."""
    cs = [
        Claim(
            id=f"{p}-{o}",
            metric="killed",
            estimate=Estimate.exact(100 + p + 7 * k),
            scope=Scope(place=f"P{p}", counted="people"),
            source=Source(o),
        )
        for p in range(30)
        for k, o in enumerate(_ORIGINS)
    ]
    judged, counting = _counting_verdicts()
    with mock.patch.object(later_module, "analyse_groups", counting):
        report = _truth(cs, [], later=True)
        assert judged == []
        assert report.groups[3].best is not None
        assert sum(judged) >= 1  # the group read, and the run of groups after it
        assert len(report.flags) > 0
        assert sum(judged) == 30  # every group judged once
    assert _whole(report) == _whole(_truth(cs, [], later=False))


def test_a_lag_found_reads_the_flags_and_changes_nothing() -> None:
    """A follower one day behind its leader: the lag re-grades flags of groups judged when read, as at once.

    Children counted beyond the people on some days: the arithmetic reads those groups' facts as well.
    """
    toll = list(
        itertools.accumulate(
            [20, 3, 5, 2, 8, 4, 6, 7, 3, 9, 5, 4, 6, 8, 2, 5, 7, 3, 6, 4, 8, 5, 9, 3, 6, 7]
        )
    )
    children = [
        attrs.evolve(c, id=f"children-{c.id}", scope=Scope(place=("EG",), counted="children"))
        for c in _series("JHU", [v // 2 if d % 7 else v * 2 for d, v in enumerate(toll)], "EG")
    ]
    cs = [*_series("JHU", toll, "EG"), *_series("WHO", [None, *toll[:-1]], "EG"), *children]
    at_once = _truth(cs, [], later=False)
    assert at_once.lags  # the lag is found, so the flags are read during reconciling
    # and the arithmetic reads the facts of groups judged when read: children more than people on some days
    assert at_once.flags_of("part_exceeds_whole")
    assert _whole(_truth(cs, [], later=True)) == _whole(at_once)
