"""Interval constraint propagation over the figure graph, with the provenance of every bound.

Each node holds the interval its allowed claims give; relations narrow the intervals until
nothing changes. Every bound remembers the claims and relations it came from (its
provenance), so that an empty interval names the claims that cannot all hold.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Sequence

from claimdiff._core.figure_graph import FigureGraph, Rel
from claimdiff._core.relations import RelationKind

__all__ = ["EPS", "INF", "Bounds", "Prov", "initial", "propagate", "sum_except", "union"]

INF = math.inf
EPS = 1e-9

#: Where a bound comes from: the ids of claims and the indices of relations.
Prov = tuple[frozenset[str], frozenset[int]]
_EMPTY: Prov = (frozenset(), frozenset())
#: Lower and upper bounds of nodes, and their provenances.
Bounds = tuple[dict[int, float], dict[int, float], dict[int, Prov], dict[int, Prov]]


def initial(graph: FigureGraph, nodes: Iterable[int], allowed: set[str] | None) -> Bounds:
    """Each node's interval from the allowed claims alone; nodes no claim speaks of are [0, inf)."""
    lo: dict[int, float] = {}
    hi: dict[int, float] = {}
    lo_p: dict[int, Prov] = {}
    hi_p: dict[int, Prov] = {}
    for i in nodes:
        lo[i], hi[i], lo_p[i], hi_p[i] = 0.0, INF, _EMPTY, _EMPTY
        for c, clo, chi in graph.nodes[i].claims:  # in id order, so ties go to the smallest id
            if allowed is not None and c.id not in allowed:
                continue
            if clo > lo[i]:
                lo[i], lo_p[i] = clo, (frozenset((c.id,)), frozenset())
            if chi < hi[i]:
                hi[i], hi_p[i] = chi, (frozenset((c.id,)), frozenset())
    return lo, hi, lo_p, hi_p


def propagate(
    graph: FigureGraph, rels: Sequence[int], allowed: set[str] | None = None
) -> tuple[dict[int, float], dict[int, float], dict[int, Prov], dict[int, Prov], int | None]:
    """Narrow the nodes of ``rels`` to a fixpoint; return the bounds and the first node that emptied, if any."""
    touching: dict[int, list[int]] = {}
    for r in rels:
        rel = graph.rels[r]
        for n in (rel.whole, *rel.parts):
            touching.setdefault(n, []).append(r)
    lo, hi, lo_p, hi_p = initial(graph, touching, allowed)
    for i in touching:
        if lo[i] > hi[i] + EPS:
            return lo, hi, lo_p, hi_p, i
    queue = deque(rels)
    queued = set(rels)
    budget = 200 + 50 * len(queue)
    while queue and budget > 0:
        r = queue.popleft()
        queued.discard(r)
        rel = graph.rels[r]
        changed: list[int] = []
        for node, is_low, value, skip in _rule(rel, lo, hi):
            budget -= 1
            # The provenance is gathered only for a bound that tightens, before anything else changes.
            if is_low:
                bound: float = math.ceil(value - EPS)
                if bound > lo[node] + EPS:
                    lo[node], lo_p[node] = (
                        bound,
                        _provenance(rel, r, node, is_low, skip, lo_p, hi_p),
                    )
                    changed.append(node)
            else:
                bound = math.floor(value + EPS) if math.isfinite(value) else value
                if bound < hi[node] - EPS:
                    hi[node], hi_p[node] = (
                        bound,
                        _provenance(rel, r, node, is_low, skip, lo_p, hi_p),
                    )
                    changed.append(node)
        for node in changed:
            if lo[node] > hi[node] + EPS:
                return lo, hi, lo_p, hi_p, node
            for r2 in touching.get(node, ()):
                if r2 != r and r2 not in queued:
                    queued.add(r2)
                    queue.append(r2)
    return lo, hi, lo_p, hi_p, None


def union(*provs: Prov) -> Prov:
    """The claims and relations of all of ``provs``."""
    claims: frozenset[str] = frozenset().union(*(p[0] for p in provs))
    rels: frozenset[int] = frozenset().union(*(p[1] for p in provs))
    return claims, rels


def sum_except(values: Sequence[float], skip: int | None) -> float:
    """The sum of ``values`` but the one at ``skip`` (infinite as soon as one is)."""
    total = 0.0
    for i, v in enumerate(values):
        if i != skip:
            if v == INF:
                return INF
            total += v
    return total


def _rule(
    rel: Rel, lo: dict[int, float], hi: dict[int, float]
) -> Iterable[tuple[int, bool, float, int | None]]:
    """The bounds a relation implies: node, lower or upper, value, and the part left out of the sum (if any)."""
    w, parts = rel.whole, rel.parts
    plo = [lo[p] for p in parts]
    phi = [hi[p] for p in parts]
    yield w, True, sum_except(plo, None), None
    if rel.kind is RelationKind.PARTITION:
        yield w, False, sum_except(phi, None), None
    for k, p in enumerate(parts):
        if hi[w] != INF:
            yield p, False, hi[w] - sum_except(plo, k), k
        if rel.kind is RelationKind.PARTITION:
            rest = sum_except(phi, k)
            if rest != INF:
                yield p, True, lo[w] - rest, k


def _provenance(
    rel: Rel,
    r: int,
    node: int,
    is_low: bool,
    skip: int | None,
    lo_p: dict[int, Prov],
    hi_p: dict[int, Prov],
) -> Prov:
    """Where a bound of :func:`_rule` comes from: relation ``r`` and the bounds its value was computed from."""
    me: Prov = (frozenset(), frozenset((r,)))
    if node == rel.whole and skip is None:  # the whole from the sum of its parts
        return union(me, *((lo_p if is_low else hi_p)[p] for p in rel.parts))
    # A part from the whole less the other parts: its upper bound from theirs lower, and the other way round.
    w = rel.whole
    if is_low:
        return union(me, lo_p[w], *(hi_p[q] for j, q in enumerate(rel.parts) if j != skip))
    return union(me, hi_p[w], *(lo_p[q] for j, q in enumerate(rel.parts) if j != skip))
