"""A sourced claim: who said what figure, about what, where, for when, through whom."""

from __future__ import annotations

import enum
import functools
import math
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from claimdiff._model.aliases import canonical_source
from claimdiff._model.estimate import Estimate, Hedge
from claimdiff._model.hedges import DEFAULT_HEDGES, parse_estimate
from claimdiff._model.measure import Measure
from claimdiff._model.period import Period, optional_period
from claimdiff._model.units import COUNT, UnitInfo, unit_info
from claimdiff._model.vocabulary import DEFAULT_VOCABULARY, Metric
from claimdiff.exceptions import InvalidClaimError, InvalidUnitError

__all__ = ["RANKS", "Claim", "Scope", "Source", "SourceKind", "place_path"]

#: The ranks a claim may carry, best first (Wikidata's statement ranks).
RANKS = ("preferred", "normal", "deprecated")

_INF = math.inf


class SourceKind(enum.Enum):
    """What kind of body a source is."""

    GOVERNMENT = "government"
    MILITARY = "military"
    OFFICIAL = "official"
    MEDIA = "media"
    AGENCY = "agency"
    NGO = "ngo"
    INTERNATIONAL = "international"
    ACADEMIC = "academic"
    INDIVIDUAL = "individual"
    OTHER = "other"
    UNKNOWN = "unknown"


def _kind(value: str | SourceKind) -> SourceKind:
    if isinstance(value, SourceKind):
        return value
    try:
        return SourceKind(str(value).strip().lower())
    except ValueError:
        raise InvalidClaimError(
            None, "source.kind", value, f"is not one of {[k.value for k in SourceKind]}"
        ) from None


def _strip(value: str) -> str:
    return value.strip() if isinstance(value, str) else value


def _nonempty(field: str) -> Any:
    def check(_inst: object, _attr: object, value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            raise InvalidClaimError(None, field, value, "must be a non-empty string")

    return check


def _reliability(value: float | None) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= float(value) <= 1.0:
        raise InvalidClaimError(None, "source.reliability", value, "must be a number from 0 to 1")
    return float(value)


def _rank(value: str | None) -> str | None:
    if value is None:
        return None
    text = value.strip().lower() if isinstance(value, str) else value
    if text not in RANKS:
        raise InvalidClaimError(None, "rank", value, f"is not one of {', '.join(RANKS)}")
    return str(text)


@attrs.frozen
class Source:
    """Who stated a figure.

    Two sources with the same name (ignoring case) are the same origin when
    claimdiff counts independent corroboration.

    Attributes:
        name: "Russian Ministry of Defence", "Reuters", "Governor of Bryansk Oblast".
        kind: What kind of body it is.
        party: The side of a conflict it belongs to, if any ("Russia", "Ukraine").
        reliability: How reliable the source is declared to be, from 0 to 1, or ``None`` when
            nothing is declared. The ``ucdp`` policy puts forward the figure of the most reliable
            origin; truth discovery starts from it (see :class:`claimdiff.TruthPrior`).

    >>> Source("UN OHCHR", kind="international", reliability=0.9).reliability
    0.9
    """

    name: str = attrs.field(converter=_strip, validator=_nonempty("source.name"))
    kind: SourceKind = attrs.field(default=SourceKind.UNKNOWN, converter=_kind, kw_only=True)
    party: str | None = attrs.field(default=None, kw_only=True)
    reliability: float | None = attrs.field(default=None, converter=_reliability, kw_only=True)

    @property
    def key(self) -> str:
        """The identity used to count origins: the name, through the built-in aliases, case-folded.

        "Russia's MoD" and "the Russian Defence Ministry" are one origin (see :func:`claimdiff.canonical_source`).

        >>> Source("Russia's MoD").key == Source("Russian Ministry of Defence").key
        True
        """
        return _origin_key(self.name)

    def __str__(self) -> str:
        return self.name


def _source(value: Source | str) -> Source:
    return value if isinstance(value, Source) else Source(value)


def _sources(values: Iterable[Source | str] | Source | str) -> tuple[Source, ...]:
    if isinstance(values, Source | str):
        values = [values]
    return tuple(_source(v) for v in values)


def place_path(value: str | Sequence[str] | None) -> tuple[str, ...]:
    """A place as its path from the widest area: ``"Russia > Belgorod Oblast > Belgorod"``.

    >>> place_path("Russia > Belgorod Oblast > Belgorod")
    ('Russia', 'Belgorod Oblast', 'Belgorod')
    """
    if value is None:
        return ()
    parts = value.split(">") if isinstance(value, str) else list(value)
    out = tuple(" ".join(str(p).split()) for p in parts)
    if any(not p for p in out):
        raise InvalidClaimError(None, "place", value, "has an empty part")
    return out


def _counted(value: str | None) -> str | None:
    if value is None:
        return None
    return DEFAULT_VOCABULARY.counted(value)


@attrs.frozen
class Scope:
    """What a figure is about: where, who or what is counted, and which event.

    Attributes:
        place: Path from the widest area, e.g. ``("Russia", "Belgorod Oblast", "Belgorod")``.
        counted: What or who is counted ("people", "children", "drones"), or ``None``
            for a measurement that is not a count (a distance).
        event: The event the figure belongs to, if it belongs to one.
    """

    place: tuple[str, ...] = attrs.field(default=(), converter=place_path)
    counted: str | None = attrs.field(default=None, converter=_counted)
    event: str | None = attrs.field(default=None)

    def place_text(self) -> str:
        """The place as written in files: ``"Russia > Belgorod Oblast > Belgorod"``."""
        return " > ".join(self.place)

    def describe(self) -> str:
        """A short phrase for reports: ``"people in Belgorod (event 'x')"``."""
        bits = [self.counted or "value"]
        if self.place:
            bits.append(f"in {self.place[-1]}")
        if self.event:
            bits.append(f"[{self.event}]")
        return " ".join(bits)


def _metric(value: Metric | str) -> Metric:
    return DEFAULT_VOCABULARY.metric(value)


def _estimate(value: Estimate | str | float) -> Estimate:
    if isinstance(value, Estimate):
        return value
    if isinstance(value, str):
        return parse_estimate(value, hedges=DEFAULT_HEDGES)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Estimate.exact(value)
    raise InvalidClaimError(None, "estimate", value, "must be an Estimate, a number or a hedged figure in words")


@attrs.frozen(kw_only=True)
class Claim:
    """One sourced figure: the unit of everything claimdiff does.

    >>> c = Claim(
    ...     id="mod-killed-adults",
    ...     metric="killed",
    ...     estimate="12",
    ...     scope=Scope(place="Russia > Belgorod Oblast > Belgorod", counted="adults"),
    ...     source=Source("Russian Ministry of Defence", kind="military", party="Russia"),
    ...     via=["Reuters"],
    ... )
    >>> c.low, c.high, c.origin
    (12.0, 12.0, 'russian ministry of defence')

    The figure is converted to its canonical unit once, here, so reconciling
    compares plain floats. For counts, open bounds are tightened to whole
    numbers: "over 100" people is ``[101, inf)``.

    Attributes:
        id: Unique id of the claim within a set of claims.
        metric: What is measured.
        estimate: The hedged figure as stated.
        scope: Where, what is counted, which event.
        period: The span the figure covers, or ``None`` if not given.
        stated: When the figure was stated, or ``None`` if not known.
        source: Who stated it first (the origin).
        via: The chain it reached us through, nearest the origin first
            ("Reuters", then the outlet).
        quote: The words it was read from, if kept.
        location: Where in the source text it stands (paragraph, character span).
        note: Free text for the analyst.
        part_of: Id of the claim this one is a stated part of ("including 15
            children" is part of "108 injured"); see :func:`claimdiff.composite_claims`.
        rank: ``"preferred"``, ``"normal"`` or ``"deprecated"`` (Wikidata's statement ranks), or
            ``None`` (normal). The ``wikidata`` policy puts preferred claims forward and never a
            deprecated one.

    Raises:
        InvalidClaimError: A field is missing or inconsistent (negative counts,
            unknown units, a statement before the period it reports on, ...).
    """

    id: str = attrs.field(validator=_nonempty("id"))
    metric: Metric = attrs.field(converter=_metric)
    estimate: Estimate = attrs.field(converter=_estimate)
    scope: Scope = attrs.field(factory=Scope, validator=attrs.validators.instance_of(Scope))
    period: Period | None = attrs.field(default=None, converter=optional_period)
    stated: Period | None = attrs.field(default=None, converter=optional_period)
    source: Source = attrs.field(converter=_source)
    via: tuple[Source, ...] = attrs.field(default=(), converter=_sources)
    quote: str | None = None
    location: str | None = None
    note: str | None = attrs.field(default=None, eq=False)
    part_of: str | None = None
    rank: str | None = attrs.field(default=None, converter=_rank)

    # Derived once, here, so that reconciling compares floats.
    low: float = attrs.field(init=False, eq=False, repr=False)
    high: float = attrs.field(init=False, eq=False, repr=False)
    low_closed: bool = attrs.field(init=False, eq=False, repr=False)
    high_closed: bool = attrs.field(init=False, eq=False, repr=False)
    figure: float | None = attrs.field(init=False, eq=False, repr=False)
    dimension: str = attrs.field(init=False, eq=False, repr=False)
    unit_info: UnitInfo = attrs.field(init=False, eq=False, repr=False)
    origin: str = attrs.field(init=False, eq=False, repr=False)
    # When it was stated, as floats: an unknown time is (-inf, +inf), never before or after anything.
    stated_start: float = attrs.field(init=False, eq=False, repr=False)
    stated_end: float = attrs.field(init=False, eq=False, repr=False)
    key: tuple[str, str, tuple[str, ...], str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        e = self.estimate
        try:
            info = unit_info(e.unit)
        except InvalidUnitError as exc:
            raise InvalidClaimError(self.id, "unit", e.unit, exc.reason) from exc
        counted = self.scope.counted
        low = _canonical(info, e.low)
        high = _canonical(info, e.high)
        lc, hc = e.low_closed, e.high_closed
        point = None if e.point is None else _canonical(info, e.point)
        if info.is_count:
            if counted is None:
                raise InvalidClaimError(self.id, "counted", None, "is required for a count (people, drones, homes...)")
            # An approximation's band may reach below zero ("about 0"); a stated negative figure may not.
            stated_low_negative = math.isfinite(e.low) and e.low < 0 and e.hedge is not Hedge.APPROXIMATE
            if stated_low_negative or (point is not None and point < 0) or e.high < 0:
                raise InvalidClaimError(self.id, "estimate", e.describe(), "is a negative count")
            # From 2**53 on floats skip whole numbers: "more than 2**53" would allow 2**53 itself. Refuse an
            # open bound there rather than compare inexactly (a closed one is a whole float, exact as it is).
            if any(math.isfinite(v) and abs(v) >= _EXACT_COUNTS and not closed
                   for v, closed in ((e.low, e.low_closed), (e.high, e.high_closed))):
                raise InvalidClaimError(self.id, "estimate", e.describe(),
                                        "has an open bound at 2**53 (9,007,199,254,740,992) or more, which "
                                        "floats cannot tighten to the next whole number")
            # A count is a whole number >= 0: tighten the interval to the integers it allows.
            low = max(0.0, _ceil_bound(low, lc))
            high = _floor_bound(high, hc) if math.isfinite(high) else high
            lc, hc = True, math.isfinite(high)
            if low > high:
                raise InvalidClaimError(self.id, "estimate", e.describe(), "allows no whole number")
        if self.stated is not None and self.period is not None and self.stated.before(self.period):
            raise InvalidClaimError(
                self.id, "stated", self.stated.isoformat(),
                f"is before the period it reports on starts ({self.period.isoformat()})",
            )
        set_ = object.__setattr__
        set_(self, "low", low)
        set_(self, "high", high)
        set_(self, "low_closed", lc)
        set_(self, "high_closed", hc)
        set_(self, "figure", _figure(point, low, high, e.hedge))
        set_(self, "dimension", info.dimension)
        set_(self, "unit_info", info)
        set_(self, "origin", self.source.key)
        set_(self, "stated_start", -_INF if self.stated is None else self.stated.start_ts)
        set_(self, "stated_end", _INF if self.stated is None else self.stated.end_ts)
        set_(self, "key", (self.metric.name, counted or "", self.scope.place, self.scope.event or ""))

    @property
    def chain(self) -> tuple[Source, ...]:
        """The origin followed by every source it passed through."""
        return (self.source, *self.via)

    @property
    def reporter(self) -> Source:
        """The last link of the chain: the outlet the claim was read in."""
        return self.via[-1] if self.via else self.source

    def chain_text(self) -> str:
        """"Russian Ministry of Defence, via Reuters, via ZeroHedge"."""
        return ", ".join([self.source.name, *(f"via {s.name}" for s in self.via)])

    @property
    def is_count(self) -> bool:
        """True when the figure is a count of things."""
        return self.dimension == COUNT

    @property
    def measure(self) -> Measure:
        """The figure in its canonical unit, ready to compare with or add to another."""
        return Measure(
            low=self.low,
            high=self.high,
            low_closed=self.low_closed,
            high_closed=self.high_closed,
            dimension=self.dimension,
            counted=self.scope.counted,
            unit=self.unit_info.canonical,
        )

    def allows(self, value: float) -> bool:
        """True when ``value`` (in the canonical unit) is allowed by this claim."""
        if value < self.low or value > self.high:
            return False
        if value == self.low and not self.low_closed:
            return False
        return not (value == self.high and not self.high_closed)


_EXACT_COUNTS = 2.0**53


@functools.lru_cache(maxsize=65_536)
def _origin_key(name: str) -> str:
    return canonical_source(name).casefold()


def _canonical(info: UnitInfo, value: float) -> float:
    """``value`` in the canonical unit, to 15 significant digits when it was converted.

    A conversion's float rounding must not decide a verdict: 7 miles and 11.265408 km are the same
    11265.408 m, and 1 ft and 30.48 cm the same 0.3048 m, to the last bit.
    """
    if not math.isfinite(value) or (info.factor == 1.0 and info.offset == 0.0):
        return value
    return float(f"{info.to_canonical(value):.15g}")


def _ceil_bound(v: float, closed: bool) -> float:
    if not math.isfinite(v):
        return v
    c = math.ceil(v)
    return c + 1.0 if (c == v and not closed) else float(c)


def _floor_bound(v: float, closed: bool) -> float:
    f = math.floor(v)
    return f - 1.0 if (f == v and not closed) else float(f)


def _figure(point: float | None, low: float, high: float, hedge: Hedge) -> float | None:
    """The one number that stands for a claim: its point, else a finite bound, else the middle."""
    if point is not None and low <= point <= high:
        return point
    finite_low, finite_high = math.isfinite(low), math.isfinite(high)
    if finite_low and finite_high:
        return low if hedge is Hedge.VAGUE else (low + high) / 2
    if finite_low:
        return low
    if finite_high:
        return high
    return None
