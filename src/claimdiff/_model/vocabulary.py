"""What is measured and what is counted: an extensible vocabulary with synonyms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs

from claimdiff._model.short_repr import how_many
from claimdiff.exceptions import InvalidClaimError

__all__ = ["DEFAULT_VOCABULARY", "Metric", "Vocabulary"]


def _name(value: str) -> str:
    return " ".join(str(value).strip().lower().replace("_", " ").split())


def _names(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(_name(v) for v in values)


def _synonyms(table: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType({_name(k): _name(v) for k, v in table.items()})


@attrs.frozen
class Metric:
    """What a figure measures: "killed", "injured", "intercepted", "distance", ...

    Attributes:
        name: Canonical name, lower case.
        cumulative: True when reported figures only grow while an event is
            reported on (a death toll): a later, higher figure is then an
            update, not a contradiction, and a later, lower one is flagged.
        description: One line for people reading a report.
        aliases: Other words for the same metric ("shot down", "destroyed").
    """

    name: str = attrs.field(converter=_name)
    cumulative: bool = attrs.field(default=False, kw_only=True)
    description: str = attrs.field(default="", kw_only=True, eq=False)
    aliases: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_names, eq=False)

    @name.validator
    def _check_name(self, _attribute: object, value: str) -> None:
        if not value:
            raise InvalidClaimError(None, "metric", value, "must not be empty")

    def __str__(self) -> str:
        return self.name


_DEFAULT_METRICS = (
    Metric(
        "killed",
        cumulative=True,
        description="people killed",
        aliases=("dead", "deaths", "died", "fatalities"),
    ),
    Metric(
        "injured",
        cumulative=True,
        description="people injured",
        aliases=("wounded", "hurt", "injuries"),
    ),
    Metric("casualties", cumulative=True, description="killed and injured together"),
    Metric("missing", description="people missing; falls as people are found"),
    Metric("displaced", description="people displaced"),
    Metric("evacuated", cumulative=True, description="people evacuated"),
    Metric("arrested", cumulative=True, description="people detained", aliases=("detained",)),
    Metric(
        "launched", cumulative=True, description="weapons launched or fired", aliases=("fired",)
    ),
    Metric(
        "intercepted",
        cumulative=True,
        description="weapons intercepted, shot down or destroyed in the air",
        aliases=("shot down", "downed", "destroyed"),
    ),
    Metric("hit", cumulative=True, description="targets struck"),
    Metric("damaged", cumulative=True, description="buildings or objects damaged"),
    Metric(
        "razed",
        cumulative=True,
        description="buildings or objects destroyed outright",
        aliases=("levelled", "leveled", "flattened", "destroyed buildings"),
    ),
    Metric("rescued", cumulative=True, description="people rescued", aliases=("pulled out alive",)),
    Metric("affected", description="people affected by a disaster"),
    Metric("sheltered", description="people in shelters", aliases=("in shelters",)),
    Metric("trapped", description="people trapped", aliases=("under the rubble",)),
    Metric(
        "cases", cumulative=True, description="confirmed cases of a disease", aliases=("confirmed",)
    ),
    Metric("distance", description="a distance between places"),
    Metric("population", description="people living in a place"),
    Metric("volume", description="an amount traded or moved"),
    Metric("temperature", description="a temperature reading"),
)

_DEFAULT_COUNTED: Mapping[str, str] = {
    "person": "people",
    "persons": "people",
    "people": "people",
    "individuals": "people",
    "civilian": "civilians",
    "civilians": "civilians",
    "child": "children",
    "children": "children",
    "minors": "children",
    "kids": "children",
    "adult": "adults",
    "adults": "adults",
    "soldier": "soldiers",
    "soldiers": "soldiers",
    "servicemen": "soldiers",
    "troops": "soldiers",
    "drone": "drones",
    "drones": "drones",
    "uav": "drones",
    "uavs": "drones",
    "uncrewed aerial vehicle": "drones",
    "uncrewed aerial vehicles": "drones",
    "unmanned aerial vehicle": "drones",
    "unmanned aerial vehicles": "drones",
    "uncrewed aerial system": "drones",
    "uncrewed aerial systems": "drones",
    "unmanned aerial system": "drones",
    "unmanned aerial systems": "drones",
    "uas": "drones",
    "missile": "missiles",
    "missiles": "missiles",
    "rocket": "rockets",
    "rockets": "rockets",
    "missiles and drones": "missiles and drones",
    "drones and missiles": "missiles and drones",
    "home": "homes",
    "homes": "homes",
    "houses": "homes",
    "house": "homes",
    "building": "buildings",
    "buildings": "buildings",
    "business": "businesses",
    "businesses": "businesses",
    "village": "villages",
    "villages": "villages",
}


@attrs.frozen(kw_only=True)
class Vocabulary:
    """The metrics and counted things claimdiff knows, with their synonyms.

    Pass a vocabulary explicitly to the loader; extend one with :meth:`with_metrics`
    and :meth:`with_counted` (no global registration):

    >>> vocab = DEFAULT_VOCABULARY.with_metrics(Metric("rescued", cumulative=True))
    >>> vocab.metric("Rescued").cumulative
    True
    >>> DEFAULT_VOCABULARY.metric("shot down").name
    'intercepted'
    >>> DEFAULT_VOCABULARY.counted("UAVs")
    'drones'
    """

    metrics: tuple[Metric, ...] = _DEFAULT_METRICS
    counted_synonyms: Mapping[str, str] = attrs.field(
        default=_DEFAULT_COUNTED, converter=_synonyms, eq=False
    )
    strict: bool = False
    _index: Mapping[str, Metric] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, Metric] = {}
        for m in self.metrics:
            for word in (m.name, *m.aliases):
                index[word] = m
        object.__setattr__(self, "_index", MappingProxyType(index))

    def __repr__(self) -> str:
        strict = ", strict" if self.strict else ""
        synonyms = how_many(len(self.counted_synonyms), "counted synonym")
        return f"<Vocabulary: {how_many(len(self.metrics), 'metric')}, {synonyms}{strict}>"

    def metric(self, name: str | Metric) -> Metric:
        """Look a metric up by name or alias.

        Unknown names make a new non-cumulative metric, unless the vocabulary is
        ``strict``, in which case they raise :class:`~claimdiff.exceptions.InvalidClaimError`.
        """
        if isinstance(name, Metric):
            return name
        key = _name(name)
        found = self._index.get(key)
        if found is not None:
            return found
        if self.strict or not key:
            raise InvalidClaimError(None, "metric", name, f"is not one of {sorted(self._index)}")
        return Metric(key)

    def counted(self, name: str) -> str:
        """The canonical name of a counted thing ("UAVs" -> "drones"); unknown names are kept, lower-cased."""
        key = _name(name)
        if not key:
            raise InvalidClaimError(None, "counted", name, "must not be empty")
        return self.counted_synonyms.get(key, key)

    def with_metrics(self, *metrics: Metric) -> Vocabulary:
        """A copy that also knows ``metrics`` (replacing metrics of the same name)."""
        names = {m.name for m in metrics}
        kept = tuple(m for m in self.metrics if m.name not in names)
        return attrs.evolve(self, metrics=kept + tuple(metrics))

    def with_counted(self, synonyms: Mapping[str, str] | Iterable[tuple[str, str]]) -> Vocabulary:
        """A copy with extra counted-thing synonyms (``{"aircraft": "planes"}``)."""
        extra = dict(synonyms)
        return attrs.evolve(self, counted_synonyms={**self.counted_synonyms, **extra})


#: The vocabulary claimdiff uses unless told otherwise.
DEFAULT_VOCABULARY = Vocabulary()
