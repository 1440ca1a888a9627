"""A group's consensus and its best figure under a policy's estimator.

The consensus is the set of claims that allow the value most independent origins allow (each origin
counts once, however many outlets repeat it). Ties between equally supported values are broken by the
policy's ``ties`` rule: ``"median"`` (the default) takes the value nearer the median of every origin's
figure, ``"lower"`` the lower value (the conservative convention of UCDP and ACLED), ``"higher"`` the
higher; then the smallest claim id behind it, so the result never depends on input order or repeats.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

from claimdiff._core.grading import airwars_grade, grade_rule
from claimdiff._core.intervals import Iv
from claimdiff._core.policy import Estimator, Policy
from claimdiff._model.claim import Claim
from claimdiff._model.numbers import format_number
from claimdiff._model.units import UnitInfo

__all__ = [
    "BY_FIGURES",
    "Figured",
    "best_by_figures",
    "best_in_unit",
    "choose_best",
    "consensus",
    "consensus_figure",
    "consensus_of_figures",
    "figured",
    "origin_figures",
    "origin_middles",
    "within",
]


#: An origin (anything that tells origins apart: a source's key, or a number for it) and a figure (``None``: none).
Figured = tuple[Hashable, "float | None"]


def figured(claims: Iterable[Claim]) -> list[Figured]:
    """Each claim's origin and figure: all the best figure's rules by figures read of a claim (:data:`BY_FIGURES`)."""
    return [(c.origin, c.figure) for c in claims]


def origin_figures(
    claims: Iterable[Claim], middle: Callable[[list[float]], float] = statistics.median
) -> dict[str, float]:
    """One figure per origin (the ``middle``, by default the median, of its distinct figures): repeats weigh nothing."""
    return origin_middles(figured(claims), middle)  # type: ignore[return-value]


def origin_middles(
    figures: Iterable[Figured], middle: Callable[[list[float]], float] = statistics.median
) -> dict[Hashable, float]:
    """:func:`origin_figures` of origins and figures (:data:`Figured`), however the origins are told apart.

    >>> origin_middles([(0, 10.0), (1, 12.0), (0, 14.0), (0, 10.0), (1, None)])
    {0: 12.0, 1: 12.0}
    """
    # An origin's one figure is kept as it is, its distinct figures in a set only when it has several.
    per: dict[Hashable, Any] = {}
    several = False
    for origin, figure in figures:
        if figure is not None:
            had = per.get(origin)
            if had is None:
                per[origin] = figure
            elif type(had) is set:
                had.add(figure)
            elif had != figure:
                per[origin] = {had, figure}
                several = True
    if not several:
        return per
    return {o: (float(middle(sorted(v))) if type(v) is set else v) for o, v in per.items()}


def consensus(
    current: Sequence[Claim], now: dict[str, Iv], ties: str = "median"
) -> tuple[set[str], Iv | None]:
    """The claims that allow the value most independent origins allow (ties: see the module), and their interval.

    Returns the ids, and what the claims allow together (their intersection, as
    :func:`~claimdiff._core.intervals.intersect` gives it), found by the same sweep. The rule is
    :func:`claimdiff._core.sweep.sweep`, which finds the consensus of many groups at once: here, of one.

    >>> from claimdiff import Claim, Scope
    >>> cs = [Claim(id=i, metric="killed", estimate=v, scope=Scope(counted="people"), source=s)
    ...       for i, v, s in (("a", 10, "A"), ("b", 10, "B"), ("c", 30, "C"))]
    >>> supporting, iv = consensus(cs, {c.id: (c.low, True, c.high, True) for c in cs})
    >>> sorted(supporting), iv
    (['a', 'b'], (10.0, True, 10.0, True))
    """
    from claimdiff._core.sweep import consensus_of_groups  # noqa: PLC0415 - imports numpy

    return consensus_of_groups([(current, now)], ties)[0]


#: Each estimator's rule as a best figure's rule names it (its value: a property call, read here once per member),
#: by the member's ``id``: a member is one object, and an enum member hashes in Python (a table asks this of every group).
_RULE = {id(e): e.value for e in Estimator}

#: The estimators by which :func:`choose_best` reads of the claims only their figures and which of them share an
#: origin (beside the intervals, the policy and ``is_count`` it is given): groups whose claims have equal figures,
#: their origins shared alike, and equal intervals have one best, so a bulk reader may ask it once for them all.
BY_FIGURES = frozenset({Estimator.CONSENSUS, Estimator.MEDIAN, Estimator.CONSERVATIVE})


def choose_best(
    policy: Policy,
    support: Sequence[Claim],
    current: Sequence[Claim],
    feasible: Iv | None,
    consensus_iv: Iv | None,
    is_count: bool,
) -> tuple[float | None, str]:
    """The group's best figure under the policy, and the rule that chose it."""
    if consensus_iv is None:
        return None, "no current claim"
    estimator = policy.estimator
    rule = _RULE[id(estimator)]
    anchor = _ANCHORS.get(id(estimator))
    if anchor is not None:
        anchored, rule = anchor(current)
        return _whole(anchored, None, is_count and policy.whole_counts), rule
    if estimator is Estimator.LATEST:
        timed = [c for c in current if c.stated is not None and c.figure is not None]
        if timed:
            last = max((c.stated_end, c.stated_start) for c in timed)
            latest = [
                c.figure
                for c in timed
                if (c.stated_end, c.stated_start) == last and c.figure is not None
            ]
            best: float | None = float(statistics.median(latest))
            return _whole(
                best, consensus_iv if feasible else None, is_count and policy.whole_counts
            ), rule
        estimator, rule = (
            Estimator.CONSENSUS,
            "consensus (no claim of the group says when it was stated)",
        )
    support_figures = figured(support)
    current_figures = support_figures if current is support else figured(current)
    return best_by_figures(
        policy,
        support_figures,
        current_figures,
        feasible,
        consensus_iv,
        is_count,
        estimator=estimator,
        rule=rule,
    )


def best_by_figures(
    policy: Policy,
    support: Sequence[Figured],
    current: Sequence[Figured],
    feasible: Iv | None,
    consensus_iv: Iv,
    is_count: bool,
    *,
    estimator: Estimator | None = None,
    rule: str | None = None,
) -> tuple[float | None, str]:
    """:func:`choose_best` under an estimator of :data:`BY_FIGURES`, from the claims' origins and figures alone.

    The one rule of those estimators: :func:`choose_best` reads each claim's origin and figure and asks it, and
    a reader of columns (the groups table of quiet groups) asks it with figures and origins read from them.
    ``estimator`` and ``rule`` are the policy's own unless a rule falls back on another (``latest``).

    >>> from claimdiff import Policy
    >>> best_by_figures(Policy(), [("A", 10.0), ("B", 12.0)], [("A", 10.0), ("B", 12.0)],
    ...                 (10.0, True, 12.0, True), (10.0, True, 12.0, True), True)
    (10.0, 'consensus')
    """
    estimator = policy.estimator if estimator is None else estimator
    rule = _RULE[id(estimator)] if rule is None else rule
    if estimator is Estimator.MEDIAN:
        figures = list(origin_middles(current).values())
        best = float(statistics.median(figures)) if figures else _bound_figure(consensus_iv)
        return _whole(best, None, is_count and policy.whole_counts), rule
    if estimator is Estimator.CONSERVATIVE:
        iv = feasible or consensus_iv
        inside = [f for _, f in support if f is not None and iv[0] <= f <= iv[2]]
        best = min(inside) if inside else _bound_figure(iv)
        return _whole(best, iv, is_count and policy.whole_counts), rule
    best = consensus_of_figures(support, current, consensus_iv, is_count=is_count, ties=policy.ties)
    kept = consensus_iv if best is not None and within(best, consensus_iv) else None
    return _whole(best, kept, is_count and policy.whole_counts), rule


def consensus_figure(
    support: Sequence[Claim],
    current: Sequence[Claim],
    iv: Iv,
    *,
    is_count: bool,
    ties: str = "median",
) -> float | None:
    """The consensus figure: one an origin reported, or the median of the reported points for a measurement.

    It is never an edge produced by widening a figure by its precision or a tolerance. The supporting
    origins form a consensus when they are a majority of the current origins, or, for a count, when at
    least two independent origins support it (two origins giving the same count is seldom chance; two
    noisy readings agreeing within precision often is). Then the best is, for a count, the lower median
    of the supporting origins' figures that lie inside ``iv`` (what the supporting claims allow together;
    of all of them when none lies inside), a figure an origin reported, so an exact 123,456 is preferred
    to a round 120,000 it agrees with, and an origin's 108 to its own later "over 100"; for a measurement, the median of the supporting origins' readings,
    however precise each is worded. Without a consensus, the same median over every current origin's
    figure. A count takes the upper median instead when the policy breaks ties ``"higher"``. With no
    figure at all, the best is a finite bound of ``iv``.

    >>> from claimdiff import Claim, Estimate, Scope
    >>> readings = [Claim(id=f"r{v}", metric="reading", scope=Scope(place="x"), source=f"site {v}",
    ...                   estimate=Estimate.exact(v, unit="degF", text=str(v))) for v in (40, 41, 42, 43, 44)]
    >>> consensus_figure(readings[1:3], readings, (41.5, True, 41.5, True), is_count=False) == readings[2].figure
    True
    """
    support_figures = figured(support)
    current_figures = support_figures if current is support else figured(current)
    return consensus_of_figures(support_figures, current_figures, iv, is_count=is_count, ties=ties)


def consensus_of_figures(
    support: Sequence[Figured],
    current: Sequence[Figured],
    iv: Iv,
    *,
    is_count: bool,
    ties: str = "median",
) -> float | None:
    """:func:`consensus_figure` from the supporting and the current claims' origins and figures (:data:`Figured`).

    The one rule: :func:`consensus_figure` reads them of claims, a reader of columns reads them of its columns.

    >>> consensus_of_figures([(0, 10.0), (1, 10.0)], [(0, 10.0), (1, 10.0), (2, 30.0)],
    ...                      (10.0, True, 10.0, True), is_count=True)
    10.0
    """

    def middle(figures: list[float]) -> float:
        n = len(figures)
        if n % 2:
            return figures[n // 2]
        if is_count:  # a reported figure
            return figures[n // 2] if ties == "higher" else figures[n // 2 - 1]
        return (figures[n // 2 - 1] + figures[n // 2]) / 2

    supported = origin_middles(support, middle)
    reported = origin_middles(current, middle) if len(current) != len(support) else supported
    if not reported:
        return _bound_figure(iv)
    agreed = 2 * len(supported) > len(reported) or (is_count and len(supported) >= 2)
    if not supported or not agreed:
        return middle(sorted(reported.values()))
    if (
        is_count
    ):  # the figures inside the interval, where there are some: each origin's own among them
        kept = [(o, f) for o, f in support if f is not None and within(f, iv)]
        inside = (
            supported
            if len(kept) == len(support) or len(kept) == sum(f is not None for _, f in support)
            else origin_middles(kept, middle)
        )  # all inside: no second pass
        if inside:
            return middle(sorted(inside.values()))
    return middle(sorted(supported.values()))


#: Relative slack of :func:`within`: a figure and an interval's edge computed through a unit conversion may
#: differ in their last bits.
SLACK = 1e-12


def within(figure: float, iv: Iv) -> bool:
    """True when ``figure`` lies in ``iv``, its edges taken as closed and loose by the float noise of conversion."""
    low, high = iv[0], iv[2]
    if low <= figure <= high:  # inside as it is: the slack, never negative, cannot leave it out
        return True
    slack = SLACK * max(1.0, abs(figure))
    return low - slack <= figure <= high + slack


# -- the anchors' rules (golden-tested in tests/test_anchor_policies.py) ---------------------------


def _ranked(current: Sequence[Claim]) -> list[Claim]:
    """The claims an anchor rule may put forward: no deprecated claim, ever."""
    return [c for c in current if c.rank != "deprecated" and c.figure is not None]


def _ucdp(current: Sequence[Claim]) -> tuple[float | None, str]:
    """UCDP: the most reliable origin's figure, else the lowest figure.

    An origin is the most reliable when it declares a reliability higher than every other origin's;
    an origin that declares none never outranks one that does.
    """
    usable = _ranked(current)
    figures = origin_figures(usable)
    if not figures:
        return None, "ucdp: no figure (every claim is deprecated or has none)"
    declared: dict[str, float] = {}
    for c in usable:
        r = c.source.reliability
        if r is not None:
            declared[c.origin] = max(r, declared.get(c.origin, r))
    if declared and len(figures) > 1:
        top = max(declared.values())
        most = [o for o, r in declared.items() if r == top]
        if len(most) == 1:
            name = min(c.source.name for c in usable if c.origin == most[0])
            return figures[
                most[0]
            ], f"ucdp: the figure of the most reliable origin, {name} (reliability {top:g})"
    best = min(figures.values())
    why = (
        "one origin"
        if len(figures) == 1
        else f"the lower figure of {len(figures)} origins, none declared more reliable"
    )
    return best, f"ucdp: {why}"


def _range(current: Sequence[Claim]) -> tuple[float | None, float | None, int]:
    """The lowest and highest figure stated over the independent origins (a range's ends count)."""
    usable = _ranked(current)
    lows = [c.low if math.isfinite(c.low) else c.figure for c in usable]
    highs = [c.high if math.isfinite(c.high) else c.figure for c in usable]
    low = min((v for v in lows if v is not None), default=None)
    high = max((v for v in highs if v is not None), default=None)
    return low, high, len({c.origin for c in usable})


def _range_text(low: float | None, high: float | None, origins: int) -> str:
    if low is None or high is None:
        return "no figure (every claim is deprecated or has none)"
    span = (
        format_number(low, grouped=True)
        if low == high
        else f"minimum {format_number(low, grouped=True)}, maximum {format_number(high, grouped=True)}"
    )
    return f"{span} over {origins} independent origin{'s' if origins != 1 else ''}; the best is the minimum"


def _ibc(current: Sequence[Claim]) -> tuple[float | None, str]:
    """IBC: the minimum and maximum over the origins; the best is the minimum."""
    low, high, n = _range(current)
    return low, f"ibc: {_range_text(low, high, n)}"


def _airwars(current: Sequence[Claim]) -> tuple[float | None, str]:
    """Airwars: the minimum (and maximum) over the origins, and the incident's grade."""
    low, high, n = _range(current)
    grade, why = airwars_grade(_ranked(current) or current)
    return low, grade_rule(grade, why, _range_text(low, high, n))


def _wikidata(current: Sequence[Claim]) -> tuple[float | None, str]:
    """Wikidata: the preferred claims' median origin figure, else the normal ones'; never a deprecated claim."""
    usable = _ranked(current)
    preferred = [c for c in usable if c.rank == "preferred"]
    chosen, which = (preferred, "preferred") if preferred else (usable, "normal")
    figures = list(origin_figures(chosen).values())
    if not figures:
        return None, "wikidata: no figure (every claim is deprecated or has none)"
    many = f"the median of {len(figures)} origins' figures" if len(figures) > 1 else "the figure"
    return float(statistics.median(figures)), f"wikidata: {many} of rank {which}"


#: The anchors' rules, by their estimator's ``id`` (as :data:`_RULE`).
_ANCHORS = {
    id(Estimator.UCDP): _ucdp,
    id(Estimator.IBC): _ibc,
    id(Estimator.AIRWARS): _airwars,
    id(Estimator.WIKIDATA): _wikidata,
}


def best_in_unit(best: float, unit: UnitInfo) -> float:
    """A best figure, given in the canonical unit, in ``unit``: without the float noise of conversion.

    The one place a best figure is put into its display unit. It keeps the decimals that 12 significant
    digits of the canonical figure give in ``unit``, so 40 °F read as kelvin and back is 40, not
    40.00000000000005, and 0 °F is 0, not -4e-13. A whole number stays as it is.

    >>> from claimdiff._model.units import unit_info
    >>> f = unit_info("degF")
    >>> best_in_unit(f.to_canonical(40.0), f)
    40.0
    """
    shown = unit.from_canonical(best)
    if not math.isfinite(shown) or shown.is_integer():
        return shown
    resolution = max(abs(best), abs(unit.offset)) * _DIGITS / unit.factor
    if resolution == 0:
        return shown
    return round(shown, -math.floor(math.log10(resolution))) + 0.0  # + 0.0: no "-0"


#: The share of a canonical figure that still means something after a conversion: 12 significant digits.
_DIGITS = 1e-12


def _whole(best: float | None, iv: Iv | None, whole: bool) -> float | None:
    """A count's best as a whole number (half away from zero), kept inside ``iv``; other figures as they are."""
    if best is None or not math.isfinite(best) or not whole:
        return best
    rounded = float(math.floor(best + 0.5))
    if iv is not None:
        if math.isfinite(iv[0]):
            rounded = max(rounded, float(math.ceil(iv[0])))
        if math.isfinite(iv[2]):
            rounded = min(rounded, float(math.floor(iv[2])))
    return rounded


def _bound_figure(iv: Iv) -> float | None:
    if math.isfinite(iv[0]):
        return iv[0]
    if math.isfinite(iv[2]):
        return iv[2]
    return None
