"""Which groups a relation can touch: the arithmetic visits only those, cluster by cluster.

Most groups of a report have no figure they could add up with: no figure of their event at,
inside or around their place that the taxonomy relates them to (a partition sibling, a bounding
metric, a counted superset, the same figure in a containing place), no claim stated as part of
another, no declared relation. Finding that takes a few passes over the distinct figure keys,
most of them in C, instead of building and propagating a node for every group.

The kept groups are split into clusters that no relation crosses: taxonomy relations stay
within one event and one top-level place; claims stated as parts and declared relations join
clusters. Clusters are checked a batch at a time, which bounds the memory the arithmetic needs
by the batch (or the largest cluster) rather than the whole report.

The selection is conservative (periods are ignored; figures in nested places are all kept, the
graph works out which relate; every figure a partition could create counts as present), so that
the graph of a batch holds exactly the relations the graph of all groups would hold between the
same groups, in the same order (``rank`` keeps the order of place sums).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import chain
from operator import itemgetter

import attrs

from claimdiff._core.figure_graph import GroupFacts, Key, ManyFacts, figure_key, partition_axes
from claimdiff._core.relations import Relation, Taxonomy
from claimdiff._model.places import place_set

__all__ = ["Reach", "everywhere", "reach"]

_Rest = tuple[str, str, str]  # metric, counted, event
_Root = tuple[str, tuple[str, ...]]  # event, top-level place
_BATCH = 2_000
_PLACE = itemgetter(2)
_LAST = itemgetter(-1)


@attrs.frozen
class Reach:
    """The groups to check, in independent clusters.

    Attributes:
        clusters: The indices of the groups to check together (one or more whole clusters), in order.
        declared: For each of ``clusters``, the declared relations that concern it, in canonical order.
        rank: For each (metric, counted, event) of a kept group, the index of the first group with it
            among all the facts (so that the place sums of a cluster come in the order of the whole).
    """

    clusters: tuple[tuple[int, ...], ...]
    declared: tuple[tuple[Relation, ...], ...]
    rank: Mapping[_Rest, int]


def everywhere(facts: Sequence[GroupFacts] | ManyFacts, declared: Sequence[Relation]) -> Reach:
    """Every group in one cluster: the arithmetic as it was before it learnt where to look."""
    rank: dict[_Rest, int] = {}
    for i, (m, c, _place, e) in enumerate(ManyFacts.of(facts).keys):
        rank.setdefault((m, c, e), i)
    return Reach(clusters=(tuple(range(len(facts))),), declared=(tuple(declared),), rank=rank)


def reach(
    facts: Sequence[GroupFacts] | ManyFacts,
    declared: Sequence[Relation],
    taxonomy: Taxonomy,
    *,
    batch: int = _BATCH,
) -> Reach:
    """The groups some relation can touch, in clusters no relation crosses, checked ``batch`` groups at a time.

    Only the groups' keys are read (and, where a claim is stated as part of another, those groups' claims):
    the facts of a group are made only if the arithmetic visits it.
    """
    # The passes over every group run in C (map, zip, Counter); Python loops only over what they leave.
    many = ManyFacts.of(facts)
    distinct_keys = functools.cache(
        lambda: set(many.keys)
    )  # the groups' distinct keys, made when first asked

    places = _places(many.keys, distinct_keys)
    marked = _placed(distinct_keys, places, taxonomy)
    ties: list[tuple[Key, Key]] = []  # keys that must share a cluster although their roots differ
    for a, b in chain(_stated(many), _place_sets(distinct_keys, places[0])):
        marked.update((a, b))
        ties.append((a, b))
    for r in declared:
        ends = [figure_key(r.whole), *(figure_key(p) for p in r.parts)]
        marked.update(ends)
        ties.extend((ends[0], k) for k in ends[1:])
    if not marked:
        return Reach(clusters=(), declared=(), rank={})
    keys = distinct_keys()

    parent: dict[_Root, _Root] = {}

    def root(k: Key) -> _Root:
        x = (k[3], k[2][:1])
        x = parent.setdefault(x, x)  # the one tuple kept for it, not a copy per key
        while parent[x] is not x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in ties:
        ra, rb = root(a), root(b)
        if ra is not rb:
            parent[rb] = ra
    cluster_of = {k: root(k) for k in marked if k in keys}
    rests = {(m, c, e) for m, c, _place, e in cluster_of}
    # Figures left out count too where they come first: they set the order of the place sums.
    rest_of = {k: mce for k in keys.difference(cluster_of) if (mce := (k[0], k[1], k[3])) in rests}
    del keys, marked
    members: dict[_Root, list[int]] = {}
    rank: dict[_Rest, int] = {}
    for i, key in enumerate(many.keys):
        cid = cluster_of.get(key)
        if cid is not None:
            members.setdefault(cid, []).append(i)
            rank.setdefault((key[0], key[1], key[3]), i)
        elif rest_of:
            other = rest_of.get(key)
            if other is not None and other not in rank:
                rank[other] = i
    # Small clusters are checked together, in batches of about ``batch`` groups: a graph has a fixed cost,
    # and a batch bounds the memory the graph takes.
    batches: list[set[_Root]] = []
    size = batch
    for cid, indices in members.items():
        if size >= batch:
            batches.append(set())
            size = 0
        batches[-1].add(cid)
        size += len(indices)
    # A cluster of declared figures no group states holds nothing to check; it is left out.
    return Reach(
        clusters=tuple(tuple(sorted(chain.from_iterable(members[c] for c in b))) for b in batches),
        declared=tuple(
            tuple(r for r in declared if root(figure_key(r.whole)) in b) for b in batches
        ),
        rank=rank,
    )


def _places(
    keys: Sequence[Key], distinct_keys: Callable[[], set[Key]]
) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
    """The places of the distinct keys, and those of two or more keys (:func:`_counted` of their places).

    Where every group has a place of its own (as often: one group per town), no key repeats and no place
    is held twice, which one set of the places tells without a set of the keys.
    """
    at = set(map(_PLACE, keys))
    if len(at) == len(keys):
        return at, set()
    return _counted(map(_PLACE, distinct_keys()))


def _counted(items: Iterable[tuple[str, ...]]) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
    """The distinct ``items``, and those among them given more than once."""
    listed = list(items)
    distinct = set(listed)
    if len(distinct) == len(listed):  # the common case, without counting
        return distinct, set()
    return distinct, {x for x, n in Counter(listed).items() if n > 1}


def _placed(
    distinct_keys: Callable[[], set[Key]],
    places: tuple[set[tuple[str, ...]], set[tuple[str, ...]]],
    taxonomy: Taxonomy,
) -> set[Key]:
    """The keys some taxonomy relation can touch (``places``: the places of the keys, and those of two or more).

    Every taxonomy relation ties figures of one event whose places are equal or one inside the
    other: partitions and metric order at one place, parts in the place that contains them. A
    figure a partition creates lies at the place of the figures it comes from. So a key is kept
    when a figure of its event lies in or around its place (conservatively: the relation is
    worked out on the graph), or when it shares its place with a figure the taxonomy relates it to.
    Places are looked at first regardless of event, which is cheaper and leaves few keys in most
    reports.
    """
    nested, shared = _linked(*places, 1)
    if not nested and not shared:
        return set()
    some = [k for k in distinct_keys() if k[2] in nested or k[2] in shared]
    # An event and a place as one tuple (the event first), so that the place's levels are its prefixes too.
    nested, shared = _linked(*_counted((k[3], *k[2]) for k in some), 2)
    kept = {k for k in some if (k[3], *k[2]) in nested}
    together: dict[tuple[str, tuple[str, ...]], list[Key]] = {}
    for k in some:
        if (k[3], *k[2]) in shared:
            together.setdefault((k[3], k[2]), []).append(k)
    above = _Above(taxonomy)
    # What relates figures at one place depends only on their metrics and counted things: worked out once.
    related: dict[tuple[frozenset[tuple[str, str]], bool], set[tuple[str, str]]] = {}
    for (_e, place), here in together.items():
        pairs = frozenset((k[0], k[1]) for k in here)
        found = related.get((pairs, bool(place)))
        if found is None:
            found = related[pairs, bool(place)] = _related_here(
                pairs, taxonomy, above, placed=bool(place)
            )
        kept.update(k for k in here if (k[0], k[1]) in found)
    return kept


def _linked(
    at: set[tuple[str, ...]], twice: set[tuple[str, ...]], floor: int
) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
    """The tuples of ``at`` a prefix of another, or with one as a prefix; and the others of ``twice`` (held twice).

    Prefixes shorter than ``floor`` do not count (a place's first level is a country: nothing contains it;
    with the event first, the event alone is no place).
    """
    # Every tuple containing another, level by level (the levels shrink fast: towns, regions, countries). Only
    # tuples of different lengths can be one inside the other: of one length (every place a town), none is.
    ancestors: set[tuple[str, ...]] = set()
    level = {x[:-1] for x in at if len(x) > floor} if len(set(map(len, at))) > 1 else set()
    while level:
        ancestors |= level
        level = {x[:-1] for x in level if len(x) > floor}
    nested = ancestors.intersection(at)
    if nested:
        inner = set(nested)
        for x in at:
            y = x
            while len(y) > floor:
                y = y[:-1]
                if y in inner:
                    nested.add(x)
                    break
    return nested, twice - nested


def _related_here(
    pairs: frozenset[tuple[str, str]], taxonomy: Taxonomy, above: _Above, *, placed: bool
) -> set[tuple[str, str]]:
    """The (metric, counted) of figures at one place that a partition or the taxonomy's order relates.

    Figures a partition creates count as present, so that what they relate to is kept too.
    """
    present = set(pairs)
    marked: set[tuple[str, str]] = set()
    work = list(present)
    while work:
        m, c = work.pop()
        for axis, table, whole_needed in partition_axes(taxonomy):
            name = c if axis else m
            for whole, parts in table.items():
                if name != whole and name not in parts:
                    continue
                family = [(m, x) if axis else (x, c) for x in (whole, *parts)]
                if sum(p in present for p in family) < 2 or (
                    whole_needed and family[0] not in present
                ):
                    continue
                for p in family:
                    marked.add(p)
                    if p not in present:
                        present.add(p)
                        work.append(p)
    if placed:  # an empty place is unknown, not "everywhere": nothing is at most a figure of it
        for p in present:
            metrics, counted = above.metrics(p[0]), above.counted(p[1])
            for p2 in present:
                if p2 != p and p2[0] in metrics and p2[1] in counted:
                    marked.update((p, p2))
    return marked


class _Above:
    """Each metric and counted thing with those above it in the taxonomy, worked out once per name."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self._taxonomy = taxonomy
        self._metrics: dict[str, frozenset[str]] = {}
        self._counted: dict[str, frozenset[str]] = {}

    def metrics(self, m: str) -> frozenset[str]:
        """``m`` and every metric bounding it."""
        found = self._metrics.get(m)
        if found is None:
            found = self._metrics[m] = frozenset((m, *self._taxonomy.metrics_above(m)))
        return found

    def counted(self, c: str) -> frozenset[str]:
        """``c`` and everything counted that contains it."""
        found = self._counted.get(c)
        if found is None:
            found = self._counted[c] = frozenset((c, *self._taxonomy.counted_above(c)))
        return found


def _place_sets(
    distinct_keys: Callable[[], set[Key]], places: Iterable[tuple[str, ...]]
) -> list[tuple[Key, Key]]:
    """Keys of figures about a set of places, beside the keys of figures stated for its places."""
    out: list[tuple[Key, Key]] = []
    if "+" not in "".join(map(_LAST, filter(None, places))):  # no set named anywhere: one pass in C
        return out
    sets = {p for p in places if p and "+" in p[-1]}
    keys = distinct_keys()
    for k in keys:
        members = place_set(k[2]) if k[2] in sets else None
        if members:
            out.extend((k, p) for mp in members if (p := (k[0], k[1], mp, k[3])) in keys)
    return out


def _stated(facts: ManyFacts) -> list[tuple[Key, Key]]:
    """Keys of groups holding a claim stated as part of another claim, beside the keys of the groups holding that one."""
    if not any(facts.states_parts):
        return []
    refs: list[tuple[Key, str]] = []
    for i in range(len(facts)):
        if facts.states_parts[i]:
            for c, _, _ in facts[i].claims:
                if c.part_of:
                    refs.append((facts.keys[i], c.part_of))
    wanted = {ref for _, ref in refs}
    holders: dict[str, list[Key]] = {}
    for i in range(len(facts)):
        for c, _, _ in facts[i].claims:
            if c.id in wanted:
                holders.setdefault(c.id, []).append(facts.keys[i])
    return [(key, whole) for key, ref in refs for whole in holders.get(ref, ())]
