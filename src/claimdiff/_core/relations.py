"""Relations between figures: parts and wholes, place and population hierarchies, metric order."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType

import attrs

from claimdiff._model.claim import place_path
from claimdiff._model.short_repr import how_many
from claimdiff._model.vocabulary import DEFAULT_VOCABULARY
from claimdiff.exceptions import InvalidClaimError

__all__ = ["DEFAULT_TAXONOMY", "FigureKey", "Relation", "RelationKind", "Taxonomy"]


def _metric_name(value: str) -> str:
    return DEFAULT_VOCABULARY.metric(value).name


def _counted_name(value: str) -> str:
    return DEFAULT_VOCABULARY.counted(value)


def _keys(values: Iterable[FigureKey]) -> tuple[FigureKey, ...]:
    return tuple(values)


@attrs.frozen
class FigureKey:
    """Which figure: the metric, what is counted, where, and for which event.

    >>> FigureKey("shot down", "UAVs", "Russia", "attack")
    FigureKey(metric='intercepted', counted='drones', place=('Russia',), event='attack')
    """

    metric: str = attrs.field(converter=_metric_name)
    counted: str = attrs.field(converter=_counted_name)
    place: tuple[str, ...] = attrs.field(default=(), converter=place_path)
    event: str | None = None

    def describe(self) -> str:
        """``"killed: children in Belgorod"``."""
        where = f" in {self.place[-1]}" if self.place else ""
        return f"{self.metric}: {self.counted}{where}"


class RelationKind(enum.Enum):
    """How the parts of a relation stand to its whole."""

    #: The parts make up the whole exactly: adults + children = people.
    PARTITION = "partition"
    #: The parts, taken together, are at most the whole: children <= people,
    #: Bryansk + Kursk <= Russia, shot down <= launched.
    AT_MOST = "at_most"


@attrs.frozen
class Relation:
    """A constraint between figures: ``sum(parts) == whole`` or ``sum(parts) <= whole``.

    Declare your own and pass them to :func:`claimdiff.reconcile`:

    >>> Relation.partition(
    ...     FigureKey("killed", "people", "Sudan"),
    ...     [FigureKey("killed", "civilians", "Sudan"), FigureKey("killed", "soldiers", "Sudan")],
    ... ).kind
    <RelationKind.PARTITION: 'partition'>

    Attributes:
        kind: Partition (sum equals whole) or at-most (sum does not exceed whole).
        whole: The whole figure.
        parts: The parts, which must not overlap.
        reason: Why the relation holds, for messages ("age breakdown", "declared in file").
    """

    kind: RelationKind
    whole: FigureKey
    parts: tuple[FigureKey, ...] = attrs.field(converter=_keys)
    reason: str = "declared"

    @parts.validator
    def _check_parts(self, _attribute: object, value: tuple[FigureKey, ...]) -> None:
        if not value:
            raise InvalidClaimError(None, "parts", value, "must name at least one part")
        if self.whole in value or len(set(value)) != len(value):
            raise InvalidClaimError(
                None, "parts", value, "must be distinct and differ from the whole"
            )

    @classmethod
    def partition(
        cls, whole: FigureKey, parts: Iterable[FigureKey], reason: str = "declared"
    ) -> Relation:
        """``whole == sum(parts)``."""
        return cls(RelationKind.PARTITION, whole, tuple(parts), reason)

    @classmethod
    def at_most(
        cls, whole: FigureKey, parts: Iterable[FigureKey], reason: str = "declared"
    ) -> Relation:
        """``sum(parts) <= whole``."""
        return cls(RelationKind.AT_MOST, whole, tuple(parts), reason)


def _table(pairs: Mapping[str, Sequence[str]]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in pairs.items()})


@attrs.frozen(kw_only=True)
class Taxonomy:
    """Built-in knowledge of how counted things and metrics nest.

    Attributes:
        partitions: Counted wholes and the things that make them up exactly
            (people: adults, children).
        subsets: Counted things and the wholes they are part of (children: people).
        metric_partitions: Metrics that are sums of others (casualties: killed, injured).
        metric_order: Metrics bounded by others (intercepted: launched — nothing is
            shot down that was not launched).
    """

    partitions: Mapping[str, tuple[str, ...]] = attrs.field(
        default={"people": ("adults", "children"), "missiles and drones": ("missiles", "drones")},
        converter=_table,
        eq=False,
    )
    subsets: Mapping[str, tuple[str, ...]] = attrs.field(
        default={
            "civilians": ("people",),
            "soldiers": ("people",),
            "women": ("people",),
            "men": ("people",),
            "police officers": ("people",),
            "journalists": ("people",),
        },
        converter=_table,
        eq=False,
    )
    metric_partitions: Mapping[str, tuple[str, ...]] = attrs.field(
        default={"casualties": ("killed", "injured")},
        converter=_table,
        eq=False,
    )
    metric_order: Mapping[str, tuple[str, ...]] = attrs.field(
        default={"intercepted": ("launched",), "hit": ("launched",)},
        converter=_table,
        eq=False,
    )

    def __repr__(self) -> str:
        sizes = zip(
            (self.partitions, self.subsets, self.metric_partitions, self.metric_order),
            ("partition", "subset", "metric partition", "metric order"),
            strict=True,
        )
        return f"<Taxonomy: {', '.join(how_many(len(t), noun) for t, noun in sizes)}>"

    def counted_above(self, counted: str) -> tuple[str, ...]:
        """Every counted thing that contains ``counted``, nearest first (not ``counted`` itself)."""
        return _closure(counted, _parents(wholes=self.partitions, above=self.subsets))

    def metrics_above(self, metric: str) -> tuple[str, ...]:
        """Every metric that bounds ``metric`` from above (not ``metric`` itself)."""
        return _closure(metric, _parents(wholes=self.metric_partitions, above=self.metric_order))


def _parents(
    *, wholes: Mapping[str, Sequence[str]], above: Mapping[str, Sequence[str]]
) -> dict[str, list[str]]:
    """Each name's direct parents: the wholes it is a part of, and what is listed above it."""
    parents: dict[str, list[str]] = {}
    for whole, parts in wholes.items():
        for p in parts:
            parents.setdefault(p, []).append(whole)
    for low, highs in above.items():
        parents.setdefault(low, []).extend(highs)
    return parents


def _closure(start: str, parents: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    out: list[str] = []
    frontier = [start]
    while frontier:
        nxt = []
        for x in frontier:
            for p in parents.get(x, ()):
                if p != start and p not in out:
                    out.append(p)
                    nxt.append(p)
        frontier = nxt
    return tuple(out)


#: The taxonomy claimdiff uses unless told otherwise.
DEFAULT_TAXONOMY = Taxonomy()
