"""Reconcile sourced claims: group what is comparable, find what agrees, flag what does not.

Everything here works on the floats each :class:`~claimdiff.Claim` computed once when it
was built; pint is not touched inside the loops.
"""

from __future__ import annotations

import gc
import math
import statistics
from collections.abc import Iterable, Sequence

from claimdiff._core.arithmetic import GroupFacts, check_arithmetic
from claimdiff._core.flags import Flag, FlagKind, Severity
from claimdiff._core.policy import POLICIES, Estimator, Policy, policy_named
from claimdiff._core.relations import DEFAULT_TAXONOMY, Relation, Taxonomy
from claimdiff._core.report import Group, Rejected, Report
from claimdiff._model.claim import Claim
from claimdiff._model.estimate import Hedge
from claimdiff._model.numbers import format_number
from claimdiff._model.period import Period
from claimdiff._model.units import UnitInfo, unit_info
from claimdiff.exceptions import InvalidClaimError

__all__ = ["reconcile"]

_INF = math.inf
_KIND_ORDER = {k: i for i, k in enumerate(FlagKind)}

# An interval as four plain values: low, low closed, high, high closed.
_Iv = tuple[float, bool, float, bool]


def reconcile(
    claims: Iterable[Claim],
    policy: Policy | str = POLICIES["consensus"],
    *,
    relations: Iterable[Relation] = (),
    taxonomy: Taxonomy = DEFAULT_TAXONOMY,
) -> Report:
    """Group comparable claims, reconcile each group, and flag every discrepancy.

    Claims are comparable when they have the same metric, the same counted thing,
    the same place and event, overlapping periods, and the same dimension
    (units are converted; "20 miles" and "32 km" compare). Claims that are not
    comparable are never forced into one group.

    The result does not depend on the order of ``claims``. Every claim ends in
    exactly one group or in :attr:`Report.rejected` with its reason.

    >>> from claimdiff import Claim, Scope, Source
    >>> scope = Scope(place="Russia > Belgorod Oblast > Belgorod", counted="people")
    >>> report = reconcile([
    ...     Claim(id="a", metric="injured", estimate="over 100", scope=scope, source="ZeroHedge"),
    ...     Claim(id="b", metric="injured", estimate="108", scope=scope, source="Russian MoD"),
    ... ])
    >>> report.has_contradiction
    False
    >>> report.groups[0].interval_text(), report.groups[0].best
    ('108', 108.0)

    Counts are then checked against each other through relations: partitions
    (adults + children = people), parts and wholes (children injured <= injured,
    a city <= its oblast <= its country), metric order (shot down <= launched),
    claims stated as parts of others, and the ``relations`` you declare. Bounds
    flow through the relations to a fixpoint; figures that cannot add up are
    flagged (:attr:`FlagKind.SUBTOTAL_MISMATCH`, :attr:`FlagKind.PART_EXCEEDS_WHOLE`,
    :attr:`FlagKind.INVERTED_METRICS`) and what the relations imply is reported
    in :attr:`Report.derived`.

    Args:
        claims: The claims to reconcile.
        policy: A :class:`Policy`, or the name of a ready-made one
            (``"consensus"``, ``"conservative"``, ``"latest"``, ``"median"``, ``"acled"``).
        relations: Relations between figures that you know hold, beyond the taxonomy's.
        taxonomy: How counted things and metrics nest.

    Raises:
        InvalidClaimError: An item of ``claims`` is not a :class:`Claim`.
        UnknownPolicyError: ``policy`` names no ready-made policy.
    """
    if isinstance(policy, str):
        policy = policy_named(policy)
    # Reconciling allocates many small acyclic objects; the cyclic collector would scan the
    # input again and again for nothing (a third of the time at 10^5 claims). Pause it, and
    # restore it as it was.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _reconcile(claims, policy, tuple(relations), taxonomy)
    finally:
        if collecting:
            gc.enable()


def _reconcile(claims: Iterable[Claim], policy: Policy, relations: tuple[Relation, ...], taxonomy: Taxonomy) -> Report:
    accepted, rejected = _unique(claims)

    buckets: dict[tuple[str, str, tuple[str, ...], str], list[Claim]] = {}
    for c in accepted:
        bucket = buckets.get(c.key)
        if bucket is None:
            buckets[c.key] = [c]
        else:
            bucket.append(c)

    raw: list[list[Claim]] = []
    loose_flags: list[Flag] = []
    for cs in buckets.values():
        if len(cs) == 1:
            raw.append(cs)
            continue
        dims: dict[str, list[Claim]] = {}
        for c in cs:
            dims.setdefault(c.dimension, []).append(c)
        if len(dims) > 1:
            loose_flags.append(_incomparable(dims))
        for dim_cs in dims.values():
            raw.extend(_by_period(dim_cs))

    for cs in raw:
        cs.sort(key=_by_id)
    raw.sort(key=_group_order)

    groups: list[Group] = []
    flags: list[tuple[int, int, tuple[str, ...], Flag]] = []
    facts: list[GroupFacts] = []
    for index, cs in enumerate(raw):
        group, group_flags, group_facts = _analyse(f"g{index + 1}", cs, policy)
        groups.append(group)
        if group_facts is not None:
            facts.append(group_facts)
        flags.extend((index, _KIND_ORDER[f.kind], f.claims, f) for f in group_flags)
    flags.extend((-1, _KIND_ORDER[f.kind], f.claims, f) for f in loose_flags)
    arithmetic, derived = check_arithmetic(facts, relations, taxonomy) if facts else ([], [])
    flags.extend((len(raw), _KIND_ORDER[f.kind], f.claims, f) for f in arithmetic)
    flags.sort(key=lambda t: t[:3])

    accepted.sort(key=_by_id)
    rejected.sort(key=lambda r: (r.claim_id, r.reason))
    return Report(
        groups=tuple(groups),
        flags=tuple(t[3] for t in flags),
        rejected=tuple(rejected),
        claims=tuple(accepted),
        policy=policy.name,
        derived=tuple(derived),
    )


def _by_id(c: Claim) -> str:
    return c.id


def _unique(claims: Iterable[Claim]) -> tuple[list[Claim], list[Rejected]]:
    by_id: dict[str, list[Claim]] = {}
    for c in claims:
        if not isinstance(c, Claim):
            raise InvalidClaimError(None, "claims", c, "must hold only Claim objects")
        same = by_id.get(c.id)
        if same is None:
            by_id[c.id] = [c]
        else:
            same.append(c)
    accepted: list[Claim] = []
    rejected: list[Rejected] = []
    for cid, cs in by_id.items():
        if len(cs) == 1:
            accepted.append(cs[0])
        elif all(x == cs[0] for x in cs[1:]):
            accepted.append(cs[0])
            rejected.extend(
                Rejected(cid, f"repeats claim {cid!r} exactly; reconciled once") for _ in cs[1:]
            )
        else:
            rejected.extend(
                Rejected(cid, f"id {cid!r} is used by {len(cs)} different claims; none was reconciled")
                for _ in cs
            )
    return accepted, rejected


def _group_order(cs: list[Claim]) -> tuple[object, ...]:
    # Groups of one key and dimension (split by period) are told apart by their smallest id,
    # which is unique, so the order never depends on the input's.
    c = cs[0]
    return (*c.key, c.dimension, c.id)


def _by_period(cs: list[Claim]) -> list[list[Claim]]:
    """Split claims into groups whose periods overlap (a claim without a period joins everything)."""
    timed = [c for c in cs if c.period is not None]
    if len(timed) < len(cs) or len(timed) < 2:
        return [cs]
    timed.sort(key=lambda c: (c.period.start_ts, c.period.end_ts, c.id))  # type: ignore[union-attr]
    out: list[list[Claim]] = []
    current: list[Claim] = []
    end = -_INF
    prev_start = -_INF
    for c in timed:
        p = c.period
        assert p is not None  # noqa: S101 - filtered above
        if current and not (p.start_ts < end or p.start_ts == prev_start):
            out.append(current)
            current = []
            end = -_INF
        current.append(c)
        end = max(end, p.end_ts)
        prev_start = p.start_ts
    out.append(current)
    return out


# -- interval helpers on plain floats ------------------------------------------------------------


def _above(a_low: float, a_lc: bool, b_high: float, b_hc: bool) -> bool:
    """True when every value from ``a_low`` up lies above every value up to ``b_high``."""
    return a_low > b_high or (a_low == b_high and not (a_lc and b_hc))


def _before(a: Claim, b: Claim) -> bool:
    """True when ``a`` was stated strictly before ``b`` (never when either time is unknown)."""
    return a.stated_end <= b.stated_start and a.stated_start < b.stated_start


def _intersect(ivs: Iterable[_Iv]) -> _Iv | None:
    low, lc, high, hc = -_INF, False, _INF, False
    for lo, lo_c, hi, hi_c in ivs:
        if lo > low:
            low, lc = lo, lo_c
        elif lo == low:
            lc = lc and lo_c
        if hi < high:
            high, hc = hi, hi_c
        elif hi == high:
            hc = hc and hi_c
    if low > high or (low == high and not (lc and hc)):
        return None
    return low, lc, high, hc


def _interval(c: Claim) -> _Iv:
    return c.low, c.low_closed, c.high, c.high_closed


def _median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def _origin_figures(claims: Iterable[Claim]) -> dict[str, float]:
    """One figure per origin (the median of its distinct figures), so repeats weigh nothing."""
    per: dict[str, set[float]] = {}
    for c in claims:
        if c.figure is not None:
            per.setdefault(c.origin, set()).add(c.figure)
    return {o: (next(iter(v)) if len(v) == 1 else _median(sorted(v))) for o, v in per.items()}


def _clip(value: float, iv: _Iv) -> float:
    return min(max(value, iv[0]), iv[2])


# -- one group -----------------------------------------------------------------------------------


class _Say:
    """Formats figures of one group for messages, in the group's display unit.

    ``say.subject`` names what the group is about ("killed (people in Belgorod [event])");
    it is built only when a message needs it.
    """

    def __init__(self, unit: UnitInfo, first: Claim) -> None:
        self.unit = unit
        self.suffix = f" {unit.unit}" if unit.unit else ""
        self._first = first
        self._subject: str | None = None

    @property
    def subject(self) -> str:
        if self._subject is None:
            c = self._first
            self._subject = f"{c.metric.name} ({c.scope.describe()})"
        return self._subject

    def value(self, canonical: float) -> float:
        return self.unit.from_canonical(canonical) if math.isfinite(canonical) else canonical

    def gap(self, canonical_gap: float) -> float:
        return canonical_gap / self.unit.factor

    def num(self, canonical: float) -> str:
        return format_number(self.value(canonical), grouped=True)

    @staticmethod
    def who(c: Claim) -> str:
        return f"'{c.id}' ({c.source.name})"

    @staticmethod
    def figure(c: Claim) -> str:
        return c.estimate.describe()

    @staticmethod
    def when(c: Claim) -> str:
        return f" on {c.stated.isoformat()}" if c.stated is not None else ""


def _display_unit(cs: Sequence[Claim]) -> UnitInfo:
    first = cs[0].unit_info
    if first.is_count:
        return first
    counts: dict[str, int] = {}
    for c in cs:
        counts[c.unit_info.unit] = counts.get(c.unit_info.unit, 0) + 1
    name = min(counts, key=lambda u: (-counts[u], u))
    return unit_info(name)


def _unordered(cs: list[Claim]) -> bool:
    """True when no claim was stated strictly before another (all statement windows share a moment)."""
    max_start = -_INF
    min_end = _INF
    for c in cs:
        s = c.stated
        if s is not None:
            max_start = max(max_start, s.start_ts)
            min_end = min(min_end, s.end_ts)
    return max_start < min_end or max_start == -_INF


def _analyse(gid: str, cs: list[Claim], policy: Policy) -> tuple[Group, list[Flag], GroupFacts | None]:
    first = cs[0]
    cumulative = first.metric.cumulative
    say = _Say(_display_unit(cs), first)
    flags: list[Flag] = []

    ordered = len(cs) > 1 and not _unordered(cs)
    superseded: set[str] = set()
    stale: set[str] = set()
    active = current = cs
    if ordered:
        # Only statements known to follow one another can revise or outdate each other.
        superseded = _revisions(gid, cs, cumulative, say, flags)
        active = [c for c in cs if c.id not in superseded] if superseded else cs
        if cumulative and len(active) > 1:
            stale = _stale(gid, active, say, flags)
        current = [c for c in active if c.id not in stale] if stale else active
        now = _now_intervals(current, cumulative)
    else:
        now = {c.id: _interval(c) for c in cs}
    feasible = _intersect(now.values())
    # Claims with one value in common cannot conflict (Helly), unless a cumulative figure fell over time.
    if len(active) > 1 and (feasible is None or (ordered and cumulative)):
        _contradictions(gid, active, cumulative, say, flags)

    if feasible is not None:
        supporting = {c.id for c in current}
        consensus = feasible
        support = current
    else:
        supporting = _consensus(current, now)
        found = _intersect(now[cid] for cid in sorted(supporting))
        assert found is not None  # noqa: S101 - the supporting claims share a point by construction
        consensus = found
        support = [c for c in current if c.id in supporting]
    best = _best(policy.estimator, support, current, feasible, consensus)

    origins = {c.origin for c in cs}
    if len(cs) == 1:
        flags.append(Flag(kind=FlagKind.UNCORROBORATED, severity=Severity.INFO, claims=(first.id,), group=gid,
                          message=f"Only {say.who(first)} reports {say.subject}: {say.figure(first)}; "
                                  "no independent source confirms it."))
    elif len(origins) == 1 and len({c.reporter.key for c in current}) == 1:
        flags.append(Flag(kind=FlagKind.UNCORROBORATED, severity=Severity.INFO, claims=tuple(c.id for c in current),
                          group=gid,
                          message=f"Only {first.source.name} stands behind {say.subject}; "
                                  "no independent source confirms it."))
    elif len(origins) == 1:
        reporters = sorted({c.reporter.name for c in cs})
        flags.append(Flag(
            kind=FlagKind.CIRCULAR_CORROBORATION, severity=Severity.WARNING, claims=tuple(c.id for c in cs),
            group=gid,
            message=f"{len(cs)} reports of {say.subject} ({', '.join(reporters)}) all trace back to one origin, "
                    f"{first.source.name}: they are one source, not {len(cs)}.",
        ))
    if len(origins) >= policy.outlier_min_origins:
        _outliers(gid, current, policy, say, flags)
    if len(support) > 1:
        _precision_gap(gid, support, say, flags)

    dissenting = tuple(sorted(c.id for c in current if c.id not in supporting))
    first_p = last_p = None
    for c in cs:
        p = c.period
        if p is not None:
            if first_p is None or p.start_ts < first_p.start_ts:
                first_p = p
            if last_p is None or p.end_ts > last_p.end_ts:
                last_p = p
    period_label = None
    if first_p is not None and last_p is not None:
        hull = first_p if first_p is last_p else Period(first_p.start, last_p.end)
        period_label = hull.describe()

    def shown(v: float) -> float | None:
        return say.value(v) if math.isfinite(v) else None

    group = Group(
        id=gid,
        metric=first.metric.name,
        counted=first.scope.counted,
        place=first.scope.place,
        event=first.scope.event,
        dimension=first.dimension,
        cumulative=cumulative,
        unit=say.unit.unit,
        period=period_label,
        claims=tuple(c.id for c in cs),
        feasible=feasible is not None,
        low=shown(feasible[0]) if feasible else None,
        high=shown(feasible[2]) if feasible else None,
        low_closed=bool(feasible and feasible[1] and math.isfinite(feasible[0])),
        high_closed=bool(feasible and feasible[3] and math.isfinite(feasible[2])),
        consensus_low=shown(consensus[0]),
        consensus_high=shown(consensus[2]),
        best=None if best is None else say.value(best),
        supporting=tuple(sorted(supporting)),
        dissenting=dissenting,
        superseded=tuple(sorted(superseded)),
        stale=tuple(sorted(stale)),
        origins=len(origins),
    )
    facts = None
    if first.is_count:
        facts = GroupFacts(
            gid=gid, key=first.key,
            period=None if first_p is None or last_p is None else (first_p.start_ts, last_p.end_ts),
            claims=tuple((c, now[c.id][0], now[c.id][2]) for c in support),
        )
    return group, flags, facts


def _revisions(
    gid: str, cs: list[Claim], cumulative: bool, say: _Say, flags: list[Flag]
) -> set[str]:
    """Mark claims their own origin restated later, and flag each change of figure."""
    by_origin: dict[str, list[Claim]] = {}
    for c in cs:
        by_origin.setdefault(c.origin, []).append(c)
    superseded: set[str] = set()
    for ocs in by_origin.values():
        if len(ocs) < 2:
            continue
        for c in ocs:
            later = [d for d in ocs if _before(c, d)]
            if not later:
                continue
            superseded.add(c.id)
            nxt = min(later, key=lambda d: (d.stated.start_ts, d.stated.end_ts, d.id))  # type: ignore[union-attr]
            if _interval(c) == _interval(nxt):
                continue
            down = cumulative and _above(c.low, c.low_closed, nxt.high, nxt.high_closed)
            if down:
                gap = c.low - nxt.high
                flags.append(Flag(
                    kind=FlagKind.DOWNWARD_REVISION, severity=Severity.WARNING, claims=(c.id, nxt.id), group=gid,
                    message=f"{c.source.name} lowered {say.subject} from {say.figure(c)} ({c.id}{say.when(c)}) "
                            f"to {say.figure(nxt)} ({nxt.id}{say.when(nxt)}); a cumulative figure "
                            f"should not fall (down {format_number(say.gap(gap), grouped=True)}{say.suffix}).",
                    gap=say.gap(gap), relative_gap=_relative(gap, c.low, nxt.high), unit=say.unit.unit,
                ))
            else:
                flags.append(Flag(
                    kind=FlagKind.REVISION, severity=Severity.INFO, claims=(c.id, nxt.id), group=gid,
                    message=f"{c.source.name} revised {say.subject} from {say.figure(c)} ({c.id}{say.when(c)}) "
                            f"to {say.figure(nxt)} ({nxt.id}{say.when(nxt)}); the later figure stands.",
                ))
    return superseded


def _stale(gid: str, active: list[Claim], say: _Say, flags: list[Flag]) -> set[str]:
    """Cumulative claims overtaken by a later, higher figure from another origin."""
    stale: set[str] = set()
    for c in active:
        best: tuple[float, str, Claim] | None = None
        for d in active:
            if d.origin != c.origin and _before(c, d) and _above(d.low, d.low_closed, c.high, c.high_closed):
                cand = (-(d.low - c.high), d.id, d)
                if best is None or cand[:2] < best[:2]:
                    best = cand
        if best is not None:
            d = best[2]
            stale.add(c.id)
            flags.append(Flag(
                kind=FlagKind.STALE, severity=Severity.INFO, claims=(c.id, d.id), group=gid,
                message=f"{say.who(c)} gave {say.figure(c)} for {say.subject}{say.when(c)}; {say.who(d)} later "
                        f"gave {say.figure(d)}{say.when(d)}. The toll rose: the earlier figure is out of date, "
                        "not contradicted.",
                gap=say.gap(d.low - c.high), relative_gap=_relative(d.low - c.high, d.low, c.high),
                unit=say.unit.unit,
            ))
    return stale


def _conflict(a: Claim, b: Claim, cumulative: bool) -> tuple[float, Claim, Claim] | None:
    """``(gap, higher, lower)`` when ``a`` and ``b`` cannot both hold, else ``None``."""
    if cumulative:
        # A cumulative figure may rise between statements, never fall.
        if _before(a, b):
            return (a.low - b.high, a, b) if _above(a.low, a.low_closed, b.high, b.high_closed) else None
        if _before(b, a):
            return (b.low - a.high, b, a) if _above(b.low, b.low_closed, a.high, a.high_closed) else None
    if _above(a.low, a.low_closed, b.high, b.high_closed):
        return a.low - b.high, a, b
    if _above(b.low, b.low_closed, a.high, a.high_closed):
        return b.low - a.high, b, a
    return None


def _contradictions(
    gid: str, active: list[Claim], cumulative: bool, say: _Say, flags: list[Flag]
) -> None:
    """Flag, for every claim in a conflict, its widest conflict: a smallest set that cannot all hold."""
    worst: dict[str, tuple[float, str, tuple[float, Claim, Claim]]] = {}
    for i, a in enumerate(active):
        for b in active[i + 1:]:
            found = _conflict(a, b, cumulative)
            if found is None:
                continue
            gap = found[0]
            for x, y in ((a, b), (b, a)):
                cur = worst.get(x.id)
                if cur is None or (-gap, y.id) < (-cur[0], cur[1]):
                    worst[x.id] = (gap, y.id, found)
    seen: set[tuple[str, str]] = set()
    for gap, _partner, (_, hi, lo) in sorted(worst.values(), key=lambda w: (w[2][1].id, w[2][2].id)):
        pair = (min(hi.id, lo.id), max(hi.id, lo.id))
        if pair in seen:
            continue
        seen.add(pair)
        rel = _relative(gap, hi.low, lo.high)
        if cumulative and (_before(hi, lo) or _before(lo, hi)):
            earlier, later = (hi, lo) if _before(hi, lo) else (lo, hi)
            why = (f"{say.who(earlier)} gave {say.figure(earlier)}{say.when(earlier)}, but later "
                   f"{say.who(later)} gave {say.figure(later)}{say.when(later)}; a cumulative figure cannot fall")
        else:
            why = (f"{say.who(hi)} says {say.figure(hi)} but {say.who(lo)} says {say.figure(lo)}; "
                   "no single figure fits both")
        shown_gap = say.gap(gap)
        flags.append(Flag(
            kind=FlagKind.CONTRADICTION, severity=Severity.ERROR, claims=pair, group=gid,
            message=f"{say.subject}: {why} (gap {format_number(shown_gap, grouped=True)}{say.suffix}, {rel:.0%}).",
            gap=shown_gap, relative_gap=rel, unit=say.unit.unit,
        ))


def _now_intervals(current: list[Claim], cumulative: bool) -> dict[str, _Iv]:
    """What each claim says about the figure now: an earlier cumulative figure is only a floor."""
    if not cumulative or len(current) == 1:
        return {c.id: _interval(c) for c in current}
    out: dict[str, _Iv] = {}
    for c in current:
        end, start = c.stated_end, c.stated_start
        if any(end <= d.stated_start and start < d.stated_start for d in current):
            out[c.id] = (c.low, c.low_closed, _INF, False)
        else:
            out[c.id] = _interval(c)
    return out


def _consensus(current: list[Claim], now: dict[str, _Iv]) -> set[str]:
    """The claims that allow the value most independent origins agree on (ties: the lowest value)."""
    events: list[tuple[float, int, int]] = []
    for i, c in enumerate(current):
        lo, lc, hi, hc = now[c.id]
        events.append((lo, 0 if lc else 2, i))
        events.append((hi, 1 if hc else -1, i))
    events.sort()
    live: dict[int, None] = {}
    per_origin: dict[str, int] = {}
    best_weight = -1
    best: set[str] = set()
    k = 0
    n = len(events)
    while k < n:
        x, order = events[k][0], events[k][1]
        opened = False
        while k < n and events[k][0] == x and events[k][1] == order:
            i = events[k][2]
            origin = current[i].origin
            if order in (0, 2):
                live[i] = None
                per_origin[origin] = per_origin.get(origin, 0) + 1
                opened = True
            else:
                del live[i]
                left = per_origin[origin] - 1
                if left:
                    per_origin[origin] = left
                else:
                    del per_origin[origin]
            k += 1
        if opened:
            # Count origins, not claims: repeats of one origin must not move the consensus.
            weight = len(per_origin)
            if weight > best_weight:
                best_weight = weight
                best = {current[i].id for i in live}
    return best


def _best(
    estimator: Estimator, support: list[Claim], current: list[Claim], feasible: _Iv | None, consensus: _Iv
) -> float | None:
    if estimator is Estimator.LATEST:
        def when(c: Claim) -> tuple[float, float, str]:
            s = c.stated
            return (s.end_ts, s.start_ts, c.id) if s is not None else (-_INF, -_INF, c.id)
        latest = max(current, key=when)
        return latest.figure
    if estimator is Estimator.MEDIAN:
        figures = list(_origin_figures(current).values())
        return _median(figures) if figures else _bound_figure(consensus)
    if estimator is Estimator.CONSERVATIVE:
        iv = feasible or consensus
        inside = [c.figure for c in support if c.figure is not None and iv[0] <= c.figure <= iv[2]]
        return min(inside) if inside else _bound_figure(iv)
    figures = list(_origin_figures(support).values())
    return _clip(_median(figures), consensus) if figures else _bound_figure(consensus)


def _bound_figure(iv: _Iv) -> float | None:
    if math.isfinite(iv[0]):
        return iv[0]
    if math.isfinite(iv[2]):
        return iv[2]
    return None


def _outliers(gid: str, current: list[Claim], policy: Policy, say: _Say, flags: list[Flag]) -> None:
    per_origin = _origin_figures(current)
    positive = {o: v for o, v in per_origin.items() if v > 0}
    if len(positive) < policy.outlier_min_origins:
        return
    low, high = min(positive.values()), max(positive.values())
    if high < low * policy.outlier_factor:
        return  # every median of the others lies in [low, high]: no figure can be that far off
    for c in current:
        f = c.figure
        if f is None or f <= 0 or c.origin not in positive:
            continue
        others = [v for o, v in positive.items() if o != c.origin]
        m = _median(others)
        ratio = max(f / m, m / f)
        if ratio >= policy.outlier_factor:
            gap = abs(f - m)
            flags.append(Flag(
                kind=FlagKind.OUTLIER, severity=Severity.WARNING, claims=(c.id,), group=gid,
                message=f"{say.who(c)} gives {say.figure(c)} for {say.subject}, about {ratio:,.0f} times "
                        f"{'more' if f > m else 'less'} than the median of the {len(others)} other origins "
                        f"({say.num(m)}{say.suffix}): check it for a typing or unit error.",
                gap=say.gap(gap), relative_gap=gap / max(f, m), unit=say.unit.unit,
            ))


def _precision_gap(gid: str, support: list[Claim], say: _Say, flags: list[Flag]) -> None:
    exact = [c for c in support if c.estimate.hedge is Hedge.EXACT]
    vague = [c for c in support if c.estimate.hedge is not Hedge.EXACT and c.low != c.high]
    if not exact or not vague:
        return
    shown = ", ".join(f"{c.estimate.describe()!r} ({c.id})" for c in vague)
    exact_shown = ", ".join(f"{c.estimate.describe()} ({c.id})" for c in exact)
    flags.append(Flag(
        kind=FlagKind.PRECISION_GAP, severity=Severity.INFO, claims=tuple(sorted(c.id for c in vague + exact)),
        group=gid,
        message=f"{say.subject}: {shown} {'is' if len(vague) == 1 else 'are'} vaguer than {exact_shown}; "
                "they agree, so this is a difference of precision, not a conflict.",
    ))


def _incomparable(dims: dict[str, list[Claim]]) -> Flag:
    parts = []
    ids: list[str] = []
    for dim in sorted(dims):
        cs = sorted(dims[dim], key=_by_id)
        ids.extend(c.id for c in cs)
        shown = ", ".join(f"'{c.id}' ({c.estimate.describe()})" for c in cs)
        parts.append(f"{shown} as {dim}")
    c = dims[min(dims)][0]
    return Flag(
        kind=FlagKind.INCOMPARABLE, severity=Severity.WARNING, claims=tuple(sorted(ids)), group=None,
        message=f"{c.metric.name} ({c.scope.describe()}) is given in units that cannot be compared: "
                f"{'; '.join(parts)}. They are kept in separate groups.",
    )


def _relative(gap: float, a: float, b: float) -> float:
    scale = max(abs(a), abs(b))
    return gap / scale if scale else 0.0

