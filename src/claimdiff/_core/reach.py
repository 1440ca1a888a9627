"""Which groups a relation can touch: the arithmetic visits only those, cluster by cluster.

Most groups of a report have no figure they could add up with: no partner in the taxonomy
(the same figure in a containing place, a partition sibling, a bounding metric, a counted
superset), no claim stated as part of another, no declared relation. Finding that costs a few
look-ups per distinct figure key instead of building and propagating a node for every group.

The kept groups are split into clusters that no relation crosses: taxonomy relations stay
within one event and one top-level place; claims stated as parts and declared relations join
clusters. Each cluster is then checked on its own, which bounds the memory the arithmetic
needs by the largest cluster rather than the whole report.

The selection is conservative (periods are ignored, and every figure a partition could create
is assumed created), so that the graph of a cluster holds exactly the relations the graph of
all groups would hold between the same groups, in the same order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from claimdiff._core.figure_graph import GroupFacts, Key, figure_key, partition_axes, replace
from claimdiff._core.relations import Relation, Taxonomy

__all__ = ["Reach", "everywhere", "reach"]

_Rest = tuple[str, str, str]  # metric, counted, event
_Root = tuple[str, tuple[str, ...]]  # event, top-level place


@attrs.frozen
class Reach:
    """The groups to check, in independent clusters.

    Attributes:
        clusters: Per cluster, the indices of its groups in the facts, in order.
        declared: Per cluster, the declared relations that concern it, in canonical order.
        rank: For each (metric, counted, event) of a kept group, the index of the first group with it
            among all the facts (so that the place sums of a cluster come in the order of the whole).
    """

    clusters: tuple[tuple[int, ...], ...]
    declared: tuple[tuple[Relation, ...], ...]
    rank: Mapping[_Rest, int]


def everywhere(facts: Sequence[GroupFacts], declared: Sequence[Relation]) -> Reach:
    """Every group in one cluster: the arithmetic as it was before it learnt where to look."""
    rank: dict[_Rest, int] = {}
    for i, f in enumerate(facts):
        m, c, _place, e = f.key
        rank.setdefault((m, c, e), i)
    return Reach(clusters=(tuple(range(len(facts))),), declared=(tuple(declared),), rank=rank)


def reach(facts: Sequence[GroupFacts], declared: Sequence[Relation], taxonomy: Taxonomy) -> Reach:
    """The groups some relation can touch, in clusters no relation crosses."""
    first: dict[Key, int] = {}
    for i, f in enumerate(facts):
        first.setdefault(f.key, i)
    roots: dict[_Root, list[Key]] = {}
    for key in first:
        roots.setdefault((key[3], key[2][:1]), []).append(key)

    marked: set[Key] = set()
    ties: list[tuple[Key, Key]] = []  # keys that must share a cluster although their roots differ
    partners = _Partners(taxonomy)
    for keys in roots.values():
        if len(keys) > 1:
            partners.mark(keys, marked)
    for a, b in _stated(facts):
        marked.update((a, b))
        ties.append((a, b))
    for r in declared:
        keys = [figure_key(r.whole), *(figure_key(p) for p in r.parts)]
        marked.update(keys)
        ties.extend((keys[0], k) for k in keys[1:])
    if not marked:
        return Reach(clusters=(), declared=(), rank={})

    parent: dict[_Root, _Root] = {}

    def root(x: _Root) -> _Root:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in ties:
        ra, rb = root((a[3], a[2][:1])), root((b[3], b[2][:1]))
        if ra != rb:
            parent[rb] = ra
    cluster_of: dict[Key, _Root] = {k: root((k[3], k[2][:1])) for k in marked if k in first}
    members: dict[_Root, list[int]] = {}
    for i, f in enumerate(facts):
        cid = cluster_of.get(f.key)
        if cid is not None:
            members.setdefault(cid, []).append(i)
    per_cluster: dict[_Root, list[Relation]] = {}
    for r in declared:
        w = figure_key(r.whole)
        per_cluster.setdefault(root((w[3], w[2][:1])), []).append(r)
    rests = {(m, c, e) for m, c, _place, e in cluster_of}
    rank: dict[_Rest, int] = {}
    for key, i in first.items():
        rest = (key[0], key[1], key[3])
        if rest in rests:
            rank.setdefault(rest, i)
    # A cluster of declared figures no group states holds nothing to check; it is left out.
    order = list(members)
    return Reach(clusters=tuple(tuple(members[k]) for k in order),
                 declared=tuple(tuple(per_cluster.get(k, ())) for k in order), rank=rank)


def _stated(facts: Sequence[GroupFacts]) -> list[tuple[Key, Key]]:
    """Keys of groups holding a claim stated as part of another claim, beside the keys of the groups holding that one."""
    refs: list[tuple[Key, str]] = []
    for f in facts:
        for c, _, _ in f.claims:
            if c.part_of:
                refs.append((f.key, c.part_of))
    if not refs:
        return []
    wanted = {ref for _, ref in refs}
    holders: dict[str, list[Key]] = {}
    for f in facts:
        for c, _, _ in f.claims:
            if c.id in wanted:
                holders.setdefault(c.id, []).append(f.key)
    return [(key, whole) for key, ref in refs for whole in holders.get(ref, ())]


class _Partners:
    """Marks the keys of one event and top-level place that a taxonomy relation can tie together."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.families: list[tuple[int, dict[str, list[tuple[str, ...]]], bool]] = []
        for axis, table, whole_needed in partition_axes(taxonomy):
            by_name: dict[str, list[tuple[str, ...]]] = {}
            for whole, parts in table.items():
                for name in (whole, *parts):
                    by_name.setdefault(name, []).append((whole, *parts))
            self.families.append((axis, by_name, whole_needed))
        self._metrics: dict[str, frozenset[str]] = {}
        self._counted: dict[str, frozenset[str]] = {}

    def mark(self, keys: list[Key], marked: set[Key]) -> None:
        """Add to ``marked`` every key of ``keys`` (and figure a partition creates) some relation can touch."""
        by_place: dict[tuple[str, ...], list[Key]] = {}
        for key in keys:
            by_place.setdefault(key[2], []).append(key)
        if len(by_place) == len(keys) and not any(
            p[:depth] in by_place for p in by_place for depth in range(1, len(p))
        ):
            return  # one figure per place and no place inside another: nothing to relate
        present = set(keys)
        self._partitions(present, marked)
        pairs: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        for m, c, place, _e in present:
            pairs.setdefault(place, []).append((m, c))
        for key in present:
            m, c, place, e = key
            ms, cs = self._above(m, c)
            # An empty place is unknown, not "everywhere": it contains nothing.
            for depth in range(len(place), 0, -1):
                p2 = place[:depth]
                for m2, c2 in pairs.get(p2, ()):
                    if m2 in ms and c2 in cs and (depth < len(place) or (m2, c2) != (m, c)):
                        marked.add(key)
                        marked.add((m2, c2, p2, e))

    def _partitions(self, present: set[Key], marked: set[Key]) -> None:
        """Mark partition families with two figures present, adding the figures they create to ``present``."""
        work = list(present)
        while work:
            key = work.pop()
            for axis, by_name, whole_needed in self.families:
                for names in by_name.get(key[1] if axis else key[0], ()):
                    family = [replace(key, axis, x) for x in names]
                    if sum(k in present for k in family) < 2 or (whole_needed and family[0] not in present):
                        continue
                    for k in family:
                        marked.add(k)
                        if k not in present:
                            present.add(k)
                            work.append(k)

    def _above(self, m: str, c: str) -> tuple[frozenset[str], frozenset[str]]:
        ms = self._metrics.get(m)
        if ms is None:
            ms = self._metrics[m] = frozenset((m, *self.taxonomy.metrics_above(m)))
        cs = self._counted.get(c)
        if cs is None:
            cs = self._counted[c] = frozenset((c, *self.taxonomy.counted_above(c)))
        return ms, cs
