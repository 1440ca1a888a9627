"""The figures that must add up, as a graph: groups as nodes, relations between them as edges.

Relations come from the taxonomy (partitions, parts and wholes, metric order), the place
hierarchy, place sets (a figure over several places is the sum of theirs), claims stated as parts
of others, and the relations a user declares. Nodes no
claim speaks of (adults injured, when only people and children are reported) are created
where a partition or a declared relation lets claimdiff derive them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs

from claimdiff._core.group_facts import ClaimsNow, GroupFacts, Key, ManyFacts, Period, parts_stated
from claimdiff._core.relations import FigureKey, Relation, RelationKind, Taxonomy
from claimdiff._model.claim import Claim
from claimdiff._model.places import place_set

__all__ = [
    "ClaimsNow",
    "FigureGraph",
    "GroupFacts",
    "Key",
    "ManyFacts",
    "Node",
    "Period",
    "Rel",
    "figure_key",
    "partition_axes",
    "parts_stated",
    "relation_order",
]


@attrs.define
class Rel:
    """One relation between nodes: ``sum(parts) == whole`` (partition) or ``<= whole``."""

    kind: RelationKind
    whole: int
    parts: tuple[int, ...]
    reason: str
    label: str  # partition | place | counted | metric | stated | declared


@attrs.define
class Node:
    """One figure: a group of claims, or a figure no claim states (``gid`` is ``None``)."""

    key: Key
    gid: str | None
    period: Period
    claims: list[tuple[Claim, float, float]]


def overlap(a: Period, b: Period) -> bool:
    """Whether two periods share time (an unknown period overlaps every other)."""
    if a is None or b is None:
        return True
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == b[0]


def figure_key(k: FigureKey) -> Key:
    """A declared figure's key, as groups are keyed."""
    return (k.metric, k.counted, k.place, k.event or "")


def relation_order(r: Relation) -> tuple[object, ...]:
    """A canonical order of declared relations, so that results never depend on the order given."""
    return (r.kind.value, figure_key(r.whole), tuple(figure_key(p) for p in r.parts), r.reason)


def partition_axes(
    taxonomy: Taxonomy,
) -> tuple[tuple[int, Mapping[str, tuple[str, ...]], bool], ...]:
    """The axes figures split along: (key position, wholes and their parts, whether the whole must be reported).

    Counted things split along the counted axis (people = adults + children); metrics along the
    metric axis (casualties = killed + injured), which is only split when it is reported itself.
    """
    return ((1, taxonomy.partitions, False), (0, taxonomy.metric_partitions, True))


def replace(key: Key, axis: int, value: str) -> Key:
    """``key`` with its metric (axis 0) or counted thing (axis 1) replaced."""
    m, c, place, event = key
    return (value, c, place, event) if axis == 0 else (m, value, place, event)


class FigureGraph:
    """Nodes and relations built from the groups, the taxonomy and declared relations.

    ``rank`` orders the groups of figures that differ only in place (metric, counted, event) as
    they first appear among all the groups of a report, so that a graph built on some of the
    groups lists its relations in the same order as one built on all of them.
    """

    def __init__(
        self,
        facts: Sequence[GroupFacts],
        declared: Sequence[Relation],
        taxonomy: Taxonomy,
        rank: Mapping[tuple[str, str, str], int],
    ) -> None:
        # Each group's claims come in id order, so that ties between bounds go to the smallest id.
        self.nodes: list[Node] = [Node(f.key, f.gid, f.period, list(f.claims)) for f in facts]
        self.rels: list[Rel] = []
        self._index: dict[Key, list[int]] = {}
        for i, n in enumerate(self.nodes):
            self._index.setdefault(n.key, []).append(i)
        self._seen: set[tuple[RelationKind, int, tuple[int, ...]]] = set()
        # Partitions first: the figures they imply (adults injured, when only people and
        # children are reported) then take part in the hierarchies like reported ones.
        self._partitions(taxonomy)
        self._place_sets()
        self._dominance(taxonomy)
        self._place_sums(rank)
        self._stated()
        for r in declared:  # in relation_order
            self._declared(r)

    # -- building --------------------------------------------------------------------------------

    def _add(
        self, kind: RelationKind, whole: int, parts: Iterable[int], reason: str, label: str
    ) -> None:
        ps = tuple(sorted(set(parts)))
        if not ps or whole in ps:
            return
        sig = (kind, whole, ps)
        if sig in self._seen:
            return
        self._seen.add(sig)
        self.rels.append(Rel(kind, whole, ps, reason, label))

    def _find(self, key: Key, period: Period, *, create: bool) -> int | None:
        for i in self._index.get(key, ()):
            if overlap(self.nodes[i].period, period):
                return i
        if not create:
            return None
        self.nodes.append(Node(key, None, period, []))
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
                        self._add(
                            RelationKind.AT_MOST,
                            h,
                            (g,),
                            _why(label, self.nodes[g].key, (m2, c2, p2, event)),
                            label,
                        )

    def _place_sums(self, rank: Mapping[tuple[str, str, str], int]) -> None:
        """Places that do not contain one another add up to at most the place that contains them all."""
        by_rest: dict[tuple[str, str, str], list[int]] = {}
        for i, n in enumerate(self.nodes):
            m, c, _place, event = n.key
            by_rest.setdefault((m, c, event), []).append(i)
        # Figures no group states come after every group, in the order they were created.
        ordered = sorted(
            by_rest.items(), key=lambda kv: (0, rank[kv[0]]) if kv[0] in rank else (1, kv[1][0])
        )
        for _rest, members in ordered:
            if len(members) < 3:
                continue
            # Index members by every place that strictly contains theirs, so that each place looks only at
            # what lies inside it (linear in the members, not quadratic: a series of 40,000 national
            # figures has no place inside another).
            under: dict[tuple[str, ...], list[int]] = {}
            for i in members:
                place = self.nodes[i].key[2]
                if place_set(place) is not None:
                    continue  # a set overlaps its own places: never summed beside them
                for depth in range(1, len(place)):
                    under.setdefault(place[:depth], []).append(i)
            for w in members:
                wp = self.nodes[w].key[2]
                candidates = under.get(wp)
                if not candidates or len(candidates) < 2:
                    continue
                inside = [
                    i
                    for i in candidates
                    if i != w and overlap(self.nodes[i].period, self.nodes[w].period)
                ]
                outer = [
                    i
                    for i in inside
                    if not any(
                        j != i and _under(self.nodes[i].key[2], self.nodes[j].key[2])
                        for j in inside
                    )
                ]
                if len(outer) >= 2:
                    self._add(
                        RelationKind.AT_MOST,
                        w,
                        outer,
                        f"places within {wp[-1] if wp else 'everywhere'}",
                        "place",
                    )

    def _place_sets(self) -> None:
        """A figure about a set of places is the sum of the figures of its places (they do not overlap).

        The places no claim speaks of are created, so that what their sum implies is derived.
        """
        for g in range(len(self.nodes)):
            m, c, place, event = self.nodes[g].key
            members = place_set(place)
            if members is None:
                continue
            keys = [(m, c, p, event) for p in members]
            period = self.nodes[g].period
            if all(self._find(k, period, create=False) is None for k in keys):
                continue  # nothing is stated for its places: nothing to add up
            parts = [self._find(k, period, create=True) for k in keys]
            self._add(
                RelationKind.PARTITION,
                g,
                [p for p in parts if p is not None],
                f"{place[-1]}: a set of {len(members)} places",
                "place set",
            )

    def _partitions(self, taxonomy: Taxonomy) -> None:
        axes = partition_axes(taxonomy)
        named = [
            set(table) | {p for parts in table.values() for p in parts} for _, table, _ in axes
        ]
        done: set[tuple[object, ...]] = set()
        for g in range(len(self.nodes)):
            key = self.nodes[g].key
            for (axis, table, whole_needed), names in zip(axes, named, strict=True):
                if key[axis] not in names:
                    continue
                for whole, parts in table.items():
                    if key[axis] != whole and key[axis] not in parts:
                        continue
                    keys = [replace(key, axis, x) for x in (whole, *parts)]
                    if (axis, keys[0]) not in done:
                        done.add((axis, keys[0]))
                        self._partition(
                            keys,
                            self.nodes[g].period,
                            f"{whole} = {' + '.join(parts)}",
                            whole_needed=whole_needed,
                        )

    def _partition(
        self, keys: list[Key], period: Period, reason: str, *, whole_needed: bool
    ) -> None:
        found = [self._find(k, period, create=False) for k in keys]
        # Two reported figures are needed to relate anything. A metric sum (casualties) is
        # only split when reported: killed and injured alone imply no casualty figure worth showing.
        if sum(f is not None for f in found) < 2 or (whole_needed and found[0] is None):
            return
        ids = [
            f if f is not None else self._find(k, period, create=True)
            for f, k in zip(found, keys, strict=True)
        ]
        whole, *parts = ids
        assert whole is not None  # noqa: S101 - created above
        self._add(
            RelationKind.PARTITION, whole, [p for p in parts if p is not None], reason, "partition"
        )

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
        whole_key = figure_key(r.whole)
        anchors: list[int | None] = [*self._index.get(whole_key, [])] or [None]
        for anchor in anchors:
            period = None if anchor is None else self.nodes[anchor].period
            whole = anchor if anchor is not None else self._find(whole_key, None, create=True)
            parts = [self._find(figure_key(p), period, create=True) for p in r.parts]
            assert whole is not None  # noqa: S101
            self._add(r.kind, whole, [p for p in parts if p is not None], r.reason, "declared")

    # -- independent parts -----------------------------------------------------------------------

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


def _under(inner: tuple[str, ...], outer: tuple[str, ...]) -> bool:
    return bool(outer) and len(inner) > len(outer) and inner[: len(outer)] == outer


def _why(label: str, part: Key, whole: Key) -> str:
    if label == "metric":
        return f"{part[0]} <= {whole[0]}"
    if label == "counted":
        return f"{part[1]} are {whole[1]}"
    return f"{part[2][-1] if part[2] else 'everywhere'} is in {whole[2][-1] if whole[2] else 'everywhere'}"
