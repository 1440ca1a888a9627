"""Figures that must add up: interval propagation over relations between groups.

Each group of claims is a node holding the interval its supporting claims allow.
Relations (partitions and at-most sums) narrow the nodes' intervals until nothing
changes (interval constraint propagation). Every bound remembers the claims and
relations it came from, so that an empty interval names the claims that cannot all
hold; a deletion filter then shrinks that set to a smallest one. Nodes no claim
speaks of (adults injured, when only people and children are reported) are
created where a partition lets claimdiff derive them.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Sequence

import attrs

from claimdiff._core.flags import Flag, FlagKind, Severity
from claimdiff._core.relations import DEFAULT_TAXONOMY, FigureKey, Relation, RelationKind, Taxonomy
from claimdiff._core.report import Derived
from claimdiff._model.claim import Claim
from claimdiff._model.numbers import format_number

__all__ = ["GroupFacts", "check_arithmetic"]

_INF = math.inf
_EPS = 1e-9
_Key = tuple[str, str, tuple[str, ...], str]  # metric, counted, place, event ("" for none)


@attrs.frozen
class GroupFacts:
    """What the arithmetic needs to know of one group of counts."""

    gid: str
    key: _Key
    period: tuple[float, float] | None
    claims: tuple[tuple[Claim, float, float], ...]  # (claim, low now, high now) of its supporting claims, by id


@attrs.define
class _Rel:
    kind: RelationKind
    whole: int
    parts: tuple[int, ...]
    reason: str
    label: str  # partition | place | counted | metric | stated | declared


@attrs.define
class _Node:
    key: _Key
    gid: str | None
    period: tuple[float, float] | None
    claims: list[tuple[Claim, float, float]]


_Prov = tuple[frozenset[str], frozenset[int]]
_EMPTY: _Prov = (frozenset(), frozenset())


def _overlap(a: tuple[float, float] | None, b: tuple[float, float] | None) -> bool:
    if a is None or b is None:
        return True
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == b[0]


class _System:
    """Nodes and relations built from the groups, the taxonomy and declared relations."""

    def __init__(self, facts: Sequence[GroupFacts], declared: Sequence[Relation], taxonomy: Taxonomy) -> None:
        # Each group's claims come in id order, so that ties between bounds go to the smallest id.
        self.nodes: list[_Node] = [_Node(f.key, f.gid, f.period, list(f.claims)) for f in facts]
        self.rels: list[_Rel] = []
        self._index: dict[_Key, list[int]] = {}
        for i, n in enumerate(self.nodes):
            self._index.setdefault(n.key, []).append(i)
        self._seen: set[tuple[RelationKind, int, tuple[int, ...]]] = set()
        # Partitions first: the figures they imply (adults injured, when only people and
        # children are reported) then take part in the hierarchies like reported ones.
        self._partitions(taxonomy)
        self._dominance(taxonomy)
        self._place_sums()
        self._stated()
        # Declared relations in a canonical order, so that results never depend on the order given.
        for r in sorted(set(declared), key=_relation_order):
            self._declared(r)

    # -- building --------------------------------------------------------------------------------

    def _add(self, kind: RelationKind, whole: int, parts: Iterable[int], reason: str, label: str) -> None:
        ps = tuple(sorted(set(parts)))
        if not ps or whole in ps:
            return
        sig = (kind, whole, ps)
        if sig in self._seen:
            return
        self._seen.add(sig)
        self.rels.append(_Rel(kind, whole, ps, reason, label))

    def _find(self, key: _Key, period: tuple[float, float] | None, *, create: bool) -> int | None:
        for i in self._index.get(key, ()):
            if _overlap(self.nodes[i].period, period):
                return i
        if not create:
            return None
        self.nodes.append(_Node(key, None, period, []))
        i = len(self.nodes) - 1
        self._index.setdefault(key, []).append(i)
        return i

    def _dominance(self, taxonomy: Taxonomy) -> None:
        """Figure g is at most h when h's metric bounds g's, h counts a superset, and h's place contains g's."""
        metrics_above: dict[str, tuple[str, ...]] = {}
        counted_above: dict[str, tuple[str, ...]] = {}
        for g in range(len(self.nodes)):
            m, c, place, event = self.nodes[g].key
            if m not in metrics_above:
                metrics_above[m] = (m, *taxonomy.metrics_above(m))
            if c not in counted_above:
                counted_above[c] = (c, *taxonomy.counted_above(c))
            for m2 in metrics_above[m]:
                for c2 in counted_above[c]:
                    # An empty place is unknown, not "everywhere": it contains nothing.
                    for depth in range(len(place), 0, -1):
                        p2 = place[:depth]
                        if (m2, c2, p2) == (m, c, place):
                            continue
                        h = self._find((m2, c2, p2, event), self.nodes[g].period, create=False)
                        if h is None:
                            continue
                        label = "metric" if m2 != m else ("counted" if c2 != c else "place")
                        self._add(RelationKind.AT_MOST, h, (g,), _why(label, self.nodes[g].key, (m2, c2, p2, event)),
                                  label)

    def _place_sums(self) -> None:
        """Places that do not contain one another add up to at most the place that contains them all."""
        by_rest: dict[tuple[str, str, str], list[int]] = {}
        for i, n in enumerate(self.nodes):
            m, c, _place, event = n.key
            by_rest.setdefault((m, c, event), []).append(i)
        for members in by_rest.values():
            if len(members) < 3:
                continue
            # Index members by every place that strictly contains theirs, so that each place looks only at
            # what lies inside it (linear in the members, not quadratic: a series of 40,000 national
            # figures has no place inside another).
            under: dict[tuple[str, ...], list[int]] = {}
            for i in members:
                place = self.nodes[i].key[2]
                for depth in range(1, len(place)):
                    under.setdefault(place[:depth], []).append(i)
            for w in members:
                wp = self.nodes[w].key[2]
                candidates = under.get(wp)
                if not candidates or len(candidates) < 2:
                    continue
                inside = [i for i in candidates if i != w and _overlap(self.nodes[i].period, self.nodes[w].period)]
                outer = [i for i in inside
                         if not any(j != i and _under(self.nodes[i].key[2], self.nodes[j].key[2]) for j in inside)]
                if len(outer) >= 2:
                    self._add(RelationKind.AT_MOST, w, outer, f"places within {wp[-1] if wp else 'everywhere'}",
                              "place")

    def _partitions(self, taxonomy: Taxonomy) -> None:
        # Counted things split along the counted axis (people = adults + children); metrics along the
        # metric axis (casualties = killed + injured), which is only split when it is reported itself.
        axes = ((1, taxonomy.partitions, False), (0, taxonomy.metric_partitions, True))
        named = [set(table) | {p for parts in table.values() for p in parts} for _, table, _ in axes]
        done: set[tuple[object, ...]] = set()
        for g in range(len(self.nodes)):
            key = self.nodes[g].key
            for (axis, table, whole_needed), names in zip(axes, named, strict=True):
                if key[axis] not in names:
                    continue
                for whole, parts in table.items():
                    if key[axis] != whole and key[axis] not in parts:
                        continue
                    keys = [_replace(key, axis, x) for x in (whole, *parts)]
                    if (axis, keys[0]) not in done:
                        done.add((axis, keys[0]))
                        self._partition(keys, self.nodes[g].period, f"{whole} = {' + '.join(parts)}",
                                        whole_needed=whole_needed)

    def _partition(
        self, keys: list[_Key], period: tuple[float, float] | None, reason: str, *, whole_needed: bool
    ) -> None:
        found = [self._find(k, period, create=False) for k in keys]
        # Two reported figures are needed to relate anything. A metric sum (casualties) is
        # only split when reported: killed and injured alone imply no casualty figure worth showing.
        if sum(f is not None for f in found) < 2 or (whole_needed and found[0] is None):
            return
        ids = [f if f is not None else self._find(k, period, create=True) for f, k in zip(found, keys, strict=True)]
        whole, *parts = ids
        assert whole is not None  # noqa: S101 - created above
        self._add(RelationKind.PARTITION, whole, [p for p in parts if p is not None], reason, "partition")

    def _stated(self) -> None:
        """A claim stated as part of another ("including 15 children") puts its group under the other's."""
        if not any(c.part_of for n in self.nodes for c, _, _ in n.claims):
            return
        group_of: dict[str, int] = {}
        for i, n in enumerate(self.nodes):
            for c, _, _ in n.claims:
                group_of[c.id] = i
        parts_of: dict[int, set[int]] = {}
        for i, n in enumerate(self.nodes):
            for c, _, _ in n.claims:
                w = group_of.get(c.part_of) if c.part_of else None
                if w is not None and w != i:
                    parts_of.setdefault(w, set()).add(i)
        for w, parts in parts_of.items():
            self._add(RelationKind.AT_MOST, w, parts, "stated as parts", "stated")

    def _declared(self, r: Relation) -> None:
        def key(k: FigureKey) -> _Key:
            return (k.metric, k.counted, k.place, k.event or "")

        whole_key = key(r.whole)
        anchors: list[int | None] = [*self._index.get(whole_key, [])] or [None]
        for anchor in anchors:
            period = None if anchor is None else self.nodes[anchor].period
            whole = anchor if anchor is not None else self._find(whole_key, None, create=True)
            parts = [self._find(key(p), period, create=True) for p in r.parts]
            assert whole is not None  # noqa: S101
            self._add(r.kind, whole, [p for p in parts if p is not None], r.reason, "declared")

    # -- propagation -----------------------------------------------------------------------------

    def components(self) -> list[tuple[list[int], list[int]]]:
        """Nodes and relations split into independent parts: each is checked on its own."""
        parent = list(range(len(self.nodes)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for rel in self.rels:
            a = root(rel.whole)
            for p in rel.parts:
                b = root(p)
                if a != b:
                    parent[max(a, b)] = min(a, b)
                    a = min(a, b)
        nodes: dict[int, list[int]] = {}
        rels: dict[int, list[int]] = {}
        for i in range(len(self.nodes)):
            nodes.setdefault(root(i), []).append(i)
        for r, rel in enumerate(self.rels):
            rels.setdefault(root(rel.whole), []).append(r)
        return [(nodes[k], rels[k]) for k in sorted(rels)]

    def initial(
        self, nodes: Iterable[int], allowed: set[str] | None
    ) -> tuple[dict[int, float], dict[int, float], dict[int, _Prov], dict[int, _Prov]]:
        """Each node's interval from the allowed claims alone; nodes no claim speaks of are [0, inf)."""
        lo: dict[int, float] = {}
        hi: dict[int, float] = {}
        lo_p: dict[int, _Prov] = {}
        hi_p: dict[int, _Prov] = {}
        for i in nodes:
            lo[i], hi[i], lo_p[i], hi_p[i] = 0.0, _INF, _EMPTY, _EMPTY
            for c, clo, chi in self.nodes[i].claims:  # in id order, so ties go to the smallest id
                if allowed is not None and c.id not in allowed:
                    continue
                if clo > lo[i]:
                    lo[i], lo_p[i] = clo, (frozenset((c.id,)), frozenset())
                if chi < hi[i]:
                    hi[i], hi_p[i] = chi, (frozenset((c.id,)), frozenset())
        return lo, hi, lo_p, hi_p

    def propagate(
        self, rels: Sequence[int], allowed: set[str] | None = None
    ) -> tuple[dict[int, float], dict[int, float], dict[int, _Prov], dict[int, _Prov], int | None]:
        """Narrow the nodes of ``rels`` to a fixpoint; return the bounds and the first node that emptied, if any."""
        touching: dict[int, list[int]] = {}
        for r in rels:
            rel = self.rels[r]
            for n in (rel.whole, *rel.parts):
                touching.setdefault(n, []).append(r)
        lo, hi, lo_p, hi_p = self.initial(touching, allowed)
        for i in touching:
            if lo[i] > hi[i] + _EPS:
                return lo, hi, lo_p, hi_p, i
        queue = deque(rels)
        queued = set(rels)
        budget = 200 + 50 * len(queue)
        while queue and budget > 0:
            r = queue.popleft()
            queued.discard(r)
            rel = self.rels[r]
            changed: list[int] = []
            for node, is_low, value, provs in _rule(rel, r, lo, hi, lo_p, hi_p):
                budget -= 1
                if is_low:
                    bound: float = math.ceil(value - _EPS)
                    if bound > lo[node] + _EPS:
                        lo[node], lo_p[node] = bound, _union(*provs)
                        changed.append(node)
                else:
                    bound = math.floor(value + _EPS) if math.isfinite(value) else value
                    if bound < hi[node] - _EPS:
                        hi[node], hi_p[node] = bound, _union(*provs)
                        changed.append(node)
            for node in changed:
                if lo[node] > hi[node] + _EPS:
                    return lo, hi, lo_p, hi_p, node
                for r2 in touching.get(node, ()):
                    if r2 != r and r2 not in queued:
                        queued.add(r2)
                        queue.append(r2)
        return lo, hi, lo_p, hi_p, None


def _replace(key: _Key, axis: int, value: str) -> _Key:
    m, c, place, event = key
    return (value, c, place, event) if axis == 0 else (m, value, place, event)


def _relation_order(r: Relation) -> tuple[object, ...]:
    def k(f: FigureKey) -> tuple[str, str, tuple[str, ...], str]:
        return (f.metric, f.counted, f.place, f.event or "")

    return (r.kind.value, k(r.whole), tuple(k(p) for p in r.parts), r.reason)


def _under(inner: tuple[str, ...], outer: tuple[str, ...]) -> bool:
    return bool(outer) and len(inner) > len(outer) and inner[: len(outer)] == outer


def _why(label: str, part: _Key, whole: _Key) -> str:
    if label == "metric":
        return f"{part[0]} <= {whole[0]}"
    if label == "counted":
        return f"{part[1]} are {whole[1]}"
    return f"{part[2][-1] if part[2] else 'everywhere'} is in {whole[2][-1] if whole[2] else 'everywhere'}"


def _union(*provs: _Prov) -> _Prov:
    claims: frozenset[str] = frozenset().union(*(p[0] for p in provs))
    rels: frozenset[int] = frozenset().union(*(p[1] for p in provs))
    return claims, rels


def _sum_except(values: Sequence[float], skip: int | None) -> float:
    total = 0.0
    for i, v in enumerate(values):
        if i != skip:
            if v == _INF:
                return _INF
            total += v
    return total


def _rule(
    rel: _Rel, r: int, lo: dict[int, float], hi: dict[int, float], lo_p: dict[int, _Prov], hi_p: dict[int, _Prov]
) -> Iterable[tuple[int, bool, float, tuple[_Prov, ...]]]:
    """The bounds relation ``r`` implies, with the provenances each comes from (united only if it is used)."""
    w, parts = rel.whole, rel.parts
    me: _Prov = (frozenset(), frozenset((r,)))
    plo = [lo[p] for p in parts]
    phi = [hi[p] for p in parts]
    yield w, True, _sum_except(plo, None), (me, *(lo_p[p] for p in parts))
    if rel.kind is RelationKind.PARTITION:
        yield w, False, _sum_except(phi, None), (me, *(hi_p[p] for p in parts))
    for k, p in enumerate(parts):
        if hi[w] != _INF:
            yield p, False, hi[w] - _sum_except(plo, k), (me, hi_p[w], *(lo_p[q] for j, q in enumerate(parts) if j != k))
        if rel.kind is RelationKind.PARTITION:
            rest = _sum_except(phi, k)
            if rest != _INF:
                yield p, True, lo[w] - rest, (me, lo_p[w], *(hi_p[q] for j, q in enumerate(parts) if j != k))


# -- flags and derived figures ---------------------------------------------------------------------


def check_arithmetic(
    facts: Sequence[GroupFacts],
    declared: Sequence[Relation] = (),
    taxonomy: Taxonomy = DEFAULT_TAXONOMY,
) -> tuple[list[Flag], list[Derived]]:
    """Flag the figures that cannot add up, and derive what the relations imply."""
    system = _System(facts, declared, taxonomy)
    flags: list[Flag] = []
    derived: list[Derived] = []
    for nodes, rels in system.components():
        allowed = {c.id for i in nodes for c, _, _ in system.nodes[i].claims}
        broken = False
        for _ in range(50):  # each round sets at least one claim aside; bounded for safety
            lo, hi, lo_p, hi_p, empty = system.propagate(rels, allowed)
            if empty is None:
                # Where figures do not add up, anything derived would rest on a choice of which claims to
                # believe, and could contradict a claim the report keeps: derive nothing there.
                if not broken:
                    derived.extend(_derived(system, nodes, allowed, lo, hi, lo_p, hi_p))
                break
            broken = True
            suspects = set(lo_p[empty][0] | hi_p[empty][0])
            used = _simplest(system, suspects, sorted(lo_p[empty][1] | hi_p[empty][1]), nodes, rels)
            core = _shrink(system, suspects, used)
            flags.append(_flag(system, core, used, nodes))
            allowed -= core
    derived.sort(key=lambda d: (d.metric, d.counted, d.place, d.event or "", d.group or ""))
    return flags, derived


def _simplest(
    system: _System, suspects: set[str], used: list[int], nodes: Sequence[int], rels: Sequence[int]
) -> list[int]:
    """One relation that alone shows the conflict, if there is one (an at-most before a partition)."""
    holders = {i for i in nodes if any(c.id in suspects for c, _, _ in system.nodes[i].claims)}
    candidates = set(used) | {
        r for r in rels if system.rels[r].whole in holders and holders.intersection(system.rels[r].parts)
    }
    if len(candidates) > 1 or candidates != set(used):
        ranked = sorted(candidates, key=lambda r: (system.rels[r].kind is RelationKind.PARTITION,
                                                   len(system.rels[r].parts), r))
        for r in ranked:
            if system.propagate([r], suspects)[4] is not None:
                return [r]
    return used


def _shrink(system: _System, suspects: set[str], rels: Sequence[int]) -> set[str]:
    """Deletion filter: drop every claim without which the conflict still stands."""
    core = set(suspects)
    for cid in sorted(suspects):
        trial = core - {cid}
        if system.propagate(rels, trial)[4] is not None:
            core = trial
    return core


def _claim_text(c: Claim) -> str:
    return f"'{c.id}' ({c.estimate.describe()})"


def _flag(system: _System, core: set[str], rels: Sequence[int], nodes: Sequence[int]) -> Flag:
    claims = {c.id: (c, system.nodes[i]) for i in nodes for c, _, _ in system.nodes[i].claims if c.id in core}
    used = [system.rels[r] for r in rels]
    if any(r.kind is RelationKind.PARTITION or len(r.parts) > 1 for r in used):
        kind = FlagKind.SUBTOTAL_MISMATCH
    elif any(r.label == "metric" for r in used):
        kind = FlagKind.INVERTED_METRICS
    else:
        kind = FlagKind.PART_EXCEEDS_WHOLE
    message, gap = _explain(system, core, used, claims)
    return Flag(kind=kind, severity=Severity.ERROR, claims=tuple(sorted(core)), group=None, message=message,
                gap=gap, relative_gap=None, unit="")


def _node_bounds(node: _Node, core: set[str]) -> tuple[float, float, list[Claim], list[Claim]]:
    lo, hi = 0.0, _INF
    lows: list[Claim] = []
    highs: list[Claim] = []
    for c, clo, chi in node.claims:
        if c.id in core:
            if clo > lo:
                lo, lows = clo, [c]
            if chi < hi:
                hi, highs = chi, [c]
    return lo, hi, lows, highs


def _explain(system: _System, core: set[str], used: list[_Rel], claims: dict[str, tuple[Claim, _Node]]) -> tuple[str, float | None]:
    if len(used) == 1:
        rel = used[0]
        whole = system.nodes[rel.whole]
        wlo, whi, wlows, whighs = _node_bounds(whole, core)
        parts = [(system.nodes[p], *_node_bounds(system.nodes[p], core)) for p in rel.parts]
        what = f"{whole.key[0]}: {whole.key[1]}" + (f" in {whole.key[2][-1]}" if whole.key[2] else "")
        sum_lo = _sum_except([p[1] for p in parts], None)
        if sum_lo > whi:
            shown = [p for p in parts if p[1] > 0]
            terms = " + ".join(f"{format_number(lo, grouped=True)} {n.key[1]}{_ids(lows)}" for n, lo, _hi, lows, _h in shown)
            total = f" = {format_number(sum_lo, grouped=True)}" if len(shown) > 1 else ""
            return (f"{what}: {terms}{total}, but {_says(whighs)} at most {format_number(whi, grouped=True)} "
                    f"[{rel.reason}]."), sum_lo - whi
        sum_hi = _sum_except([p[2] for p in parts], None)
        terms = " + ".join(f"{format_number(hi, grouped=True)} {n.key[1]}{_ids(highs)}" for n, _lo, hi, _l, highs in parts)
        return (f"{what}: the parts add up to at most {terms} = {format_number(sum_hi, grouped=True)}, but "
                f"{_says(wlows)} at least {format_number(wlo, grouped=True)} [{rel.reason}]."), wlo - sum_hi
    listed = "; ".join(f"{_claim_text(c)} for {n.key[0]}: {n.key[1]}" for c, n in
                       (claims[k] for k in sorted(claims)))
    reasons = "; ".join(sorted({r.reason for r in used}))
    return f"These figures cannot all hold [{reasons}]: {listed}.", None


def _ids(cs: list[Claim]) -> str:
    return f" ('{cs[0].id}')" if cs else ""


def _says(cs: list[Claim]) -> str:
    if not cs:
        return "the whole allows"
    c = cs[0]
    return f"'{c.id}' ({c.estimate.describe()}) allows"


def _derived(
    system: _System,
    nodes: Sequence[int],
    allowed: set[str],
    lo: dict[int, float],
    hi: dict[int, float],
    lo_p: dict[int, _Prov],
    hi_p: dict[int, _Prov],
) -> list[Derived]:
    base_lo, base_hi, _, _ = system.initial(nodes, allowed)
    out = []
    for i in nodes:
        n = system.nodes[i]
        if i not in lo:
            continue
        tighter_lo = lo[i] > base_lo[i] + _EPS
        tighter_hi = hi[i] < base_hi[i] - _EPS
        if not (tighter_lo or tighter_hi):
            continue
        provs = [p for p, t in ((lo_p[i], tighter_lo), (hi_p[i], tighter_hi)) if t]
        claims, rels = _union(*provs)
        reasons = tuple(sorted({system.rels[r].reason for r in rels}))
        m, c, place, event = n.key
        interval = format_number(lo[i], grouped=True) if lo[i] == hi[i] else f"[{format_number(lo[i], grouped=True)}, {format_number(hi[i], grouped=True)}{']' if hi[i] != _INF else ')'}"
        out.append(Derived(
            metric=m, counted=c, place=place, event=event or None, group=n.gid,
            low=lo[i], high=None if hi[i] == _INF else hi[i], claims=tuple(sorted(claims)), relations=reasons,
            message=f"{m}: {c}{' in ' + place[-1] if place else ''} is {interval}, derived from "
                    f"{', '.join(sorted(claims))} ({'; '.join(reasons)}).",
        ))
    return out
