"""Cumulative series over time: a toll given "as of" each date never falls, and daily figures add up.

A cumulative figure stated for a period from the start of an event to a date is a point of a series.
Each as-of date is its own group (see :func:`claimdiff.reconcile`); here each origin's series is read
across dates. A fall from one date to the next is a downward revision by that origin. Differences between
origins are judged on the same as-of date, where they are comparable, not across dates.

A declared :class:`Series` ties a daily metric to a cumulative one: the daily figure for a day must be
the rise of the cumulative figure over that day, by the same origin.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import operator
from collections.abc import Sequence
from typing import Any

import attrs

from claimdiff._core.flags import Flag, FlagKind, Severity
from claimdiff._core.group_rows import GroupRows
from claimdiff._core.intervals import Iv, above
from claimdiff._core.judged_group import SetAside, set_aside_of
from claimdiff._core.messages import as_of, figure_text, gap_words, small_counts
from claimdiff._core.policy import Policy
from claimdiff._core.report import Group
from claimdiff._core.tolerance import relative_gap
from claimdiff._core.verdicts import widen
from claimdiff._model.claim import Claim
from claimdiff._model.numbers import format_number

__all__ = ["About", "Points", "Series", "check_series", "series_points"]

_INF = math.inf


@attrs.frozen
class Series:
    """A daily (or other per-step) metric that is the step-by-step rise of a cumulative one.

    Declared once for every counted thing, place and event: "new cases on day d = cases as of the end
    of d - cases as of the end of d - 1", checked for each origin's own figures.

    >>> Series(daily="new cases", cumulative="cases").step
    datetime.timedelta(days=1)

    Attributes:
        daily: The metric of the per-step figures (its claims' periods are one step long).
        cumulative: The metric of the running totals (its claims' periods run from the series start).
        step: The length of one step.
    """

    daily: str = attrs.field(validator=attrs.validators.instance_of(str))
    cumulative: str = attrs.field(validator=attrs.validators.instance_of(str))
    step: dt.timedelta = attrs.field(default=dt.timedelta(days=1), kw_only=True)


#: Per group: whether its metric is cumulative, and its key.
About = tuple[Sequence[bool], Sequence[tuple[str, str, tuple[str, ...], str]]]
#: (key, origin) -> as-of end -> the origin's standing claim for that date (its latest statement).
Points = dict[tuple[tuple[str, str, tuple[str, ...], str], str], dict[float, Claim]]


def check_series(
    raw: Sequence[list[Claim]],
    groups: Sequence[Group],
    series: Sequence[Series],
    policy: Policy,
    one_date: Sequence[bool] | None = None,
    about: About | None = None,
    *,
    points: Points | None = None,
    unbuilt: SetAside | None = None,
) -> list[Flag]:
    """Falls across as-of dates in each origin's cumulative series, and daily figures that do not add up.

    ``one_date``, when known, says for each group whether all its claims' periods end together (or none
    has one): such a group, the only one of its key, holds no series. ``about``, when known, says for each
    group whether its metric is cumulative, and its key (read from columns: no claim is read for them).
    ``points`` are the groups' :func:`series_points` when found already (reconciling finds them once, for
    the lags and for this check). ``unbuilt``: what the groups judged and not made set aside
    (:func:`~claimdiff._core.judged_group.set_aside_of`).
    """
    if points is None:
        points = series_points(raw, groups, one_date, about, unbuilt)
    flags = _falls(points, policy)
    if series:
        flags.extend(_daily(raw, points, series, policy, _gone(groups, unbuilt)))
    return flags


def _gone(groups: Sequence[Group], unbuilt: SetAside | None) -> set[str]:
    """The ids of the claims revised away or withdrawn."""
    gone: set[str] = set()
    for superseded, _, withdrawn in set_aside_of(groups, unbuilt).values():
        gone.update(superseded)
        gone.update(withdrawn)
    return gone


def series_points(
    raw: Sequence[list[Claim]],
    groups: Sequence[Group],
    one_date: Sequence[bool] | None = None,
    about: About | None = None,
    unbuilt: SetAside | None = None,
) -> Points:
    """Each origin's cumulative series: its standing claim (latest statement) for each as-of date, by key.

    Claims revised away or withdrawn are left out; so are keys with one group and one as-of date.
    ``one_date`` and ``about`` (see :func:`check_series`) are read from the groups' claims when not given;
    ``unbuilt`` is what the groups judged and not made set aside (see :func:`check_series`).
    """
    points: Points = {}
    if one_date is None:
        one_date = [
            len({None if c.period is None else c.period.end_ts for c in cs}) == 1 for cs in raw
        ]
    if about is None:
        about = ([cs[0].metric.cumulative for cs in raw], [cs[0].key for cs in raw])
    # Groups are in key order, so the groups of one key are neighbours.
    cumulative = list(itertools.compress(range(len(about[0])), about[0]))
    same = _same_key_as_before(raw, about[1], cumulative)
    read = [
        i
        for k, i in enumerate(cumulative)
        # the only group of its key, one as-of date: no series to read across dates
        if not one_date[i] or same[k] or same[k + 1]
    ]
    if not read:
        return points
    gone = _gone(groups, unbuilt)
    for i in read:
        for c in raw[i]:
            if c.period is None or c.id in gone:
                continue
            slot = points.setdefault((c.key, c.origin), {})
            held = slot.get(c.period.end_ts)
            if held is None or (c.stated_end, c.stated_start, c.id) > (
                held.stated_end,
                held.stated_start,
                held.id,
            ):
                slot[c.period.end_ts] = c
    return points


def _same_key_as_before(
    raw: Sequence[list[Claim]], keys: Sequence[Any], groups: list[int]
) -> list[bool]:
    """For each of ``groups`` (positions, in order), whether its key is that of the one before it; and ``False`` after the last.

    Read from the ranks of the groups' keys when grouping found them (equal keys rank alike), else
    from the keys themselves.
    """
    ranks = raw.key_ranks() if isinstance(raw, GroupRows) else None
    if ranks is not None:
        r = ranks[groups]
        return [False, *(r[1:] == r[:-1]).tolist(), False]
    held = list(map(keys.__getitem__, groups))
    return [False, *map(operator.eq, held[1:], held[:-1]), False]


def _wide(c: Claim, policy: Policy) -> Iv:
    return widen(c, policy, policy.tolerance.for_metric(c.metric.name))


def _falls(points: Points, policy: Policy) -> list[Flag]:
    flags = []
    for slot in points.values():
        if len(slot) < 2:
            continue
        series = [(c, _wide(c, policy)) for _, c in sorted(slot.items())]  # each point widened once
        for (a, wa), (b, wb) in itertools.pairwise(series):
            if not above(wa[0], wa[1], wb[2], wb[3]):
                continue
            gap = a.low - b.high
            flags.append(
                Flag(
                    kind=FlagKind.DOWNWARD_REVISION,
                    severity=Severity.WARNING,
                    claims=(a.id, b.id),
                    group=None,
                    message=f"{a.source.name}'s figure for {a.metric.name} ({a.scope.describe()}) falls from {figure_text(a.estimate)} "
                    f"as of {as_of(a)} ({a.id}) to {figure_text(b.estimate)} as of {as_of(b)} ({b.id}); a cumulative series should not fall "
                    f"(down {format_number(gap, grouped=True)}).",
                    gap=gap,
                    relative_gap=relative_gap(a.low, b.high),
                    unit=a.unit_info.unit,
                )
            )
    return flags


def _daily(
    raw: Sequence[list[Claim]],
    points: Points,
    series: Sequence[Series],
    policy: Policy,
    gone: set[str],
) -> list[Flag]:
    flags = []
    by_daily = {s.daily: s for s in series}
    for cs in raw:
        s = by_daily.get(cs[0].metric.name)
        if s is None:
            continue
        step = s.step.total_seconds()
        for c in cs:
            p = c.period
            if p is None or c.id in gone or not math.isclose(p.end_ts - p.start_ts, step):
                continue
            key = (s.cumulative, c.key[1], c.key[2], c.key[3])
            slot = points.get((key, c.origin))
            if not slot:
                continue
            after = slot.get(p.end_ts)
            if after is None:
                continue
            prior = slot.get(p.start_ts)
            starts_series = after.period is not None and math.isclose(
                after.period.start_ts, p.start_ts
            )
            if prior is None and not starts_series:
                continue
            flag = _mismatch(c, after, prior, policy)
            if flag is not None:
                flags.append(flag)
    return flags


def _mismatch(daily: Claim, after: Claim, prior: Claim | None, policy: Policy) -> Flag | None:
    """A flag when the daily figure lies outside the rise the cumulative figures allow."""
    wd, wa = _wide(daily, policy), _wide(after, policy)
    wp = _wide(prior, policy) if prior is not None else (0.0, True, 0.0, True)
    rise_low = wa[0] - wp[2]
    rise_high = wa[2] - wp[0]
    if wd[0] <= rise_high and wd[2] >= rise_low:
        return None
    if wd[0] > rise_high:
        higher, lower = daily.low, after.high - (prior.low if prior is not None else 0.0)
    else:
        higher, lower = after.low - (prior.high if prior is not None else 0.0), daily.high
    gap = higher - lower
    rel = relative_gap(higher, lower)
    counted = gap if daily.is_count else None
    error = policy.grading.is_contradiction(rel, counted)
    small = (
        f"; {small_counts(policy.grading.min_count_gap)}"
        if counted is not None and policy.grading.small_count(rel, gap)
        else ""
    )
    ids = tuple(sorted({daily.id, after.id, *((prior.id,) if prior is not None else ())}))
    since = (
        f"{figure_text(prior.estimate)} ({prior.id})"
        if prior is not None
        else "the start of the series"
    )
    rise = (
        f"{format_number(rise_low, grouped=True)}"
        if rise_low == rise_high
        else f"{format_number(max(rise_low, 0.0), grouped=True)} to {format_number(rise_high, grouped=True)}"
    )
    return Flag(
        kind=FlagKind.SERIES_MISMATCH,
        severity=Severity.ERROR if error else Severity.WARNING,
        claims=ids,
        group=None,
        message=f"{daily.source.name}'s {daily.metric.name} for {daily.period.isoformat() if daily.period else '?'} "
        f"is {figure_text(daily.estimate)} ({daily.id}), but its {after.metric.name} rose from {since} to "
        f"{figure_text(after.estimate)} ({after.id}), a rise of {rise} "
        f"({gap_words(format_number(gap, grouped=True), rel, higher, lower)}{small}).",
        gap=gap,
        relative_gap=rel,
        unit=daily.unit_info.unit,
    )
