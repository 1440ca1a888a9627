"""A sourced claim: who said what figure, about what, where, for when, through whom."""

from __future__ import annotations

import inspect
import math
from collections.abc import Iterable
from operator import attrgetter
from typing import Any

import attrs

from claimdiff._model.derived import Derived, derive, shared_chain, shared_estimate
from claimdiff._model.estimate import Estimate
from claimdiff._model.hedges import DEFAULT_HEDGES, parse_estimate
from claimdiff._model.measure import Measure
from claimdiff._model.period import Period, optional_period
from claimdiff._model.scope import NO_SCOPE, Scope, place_path
from claimdiff._model.source import Source, SourceKind, _source, _sources
from claimdiff._model.source_grade import SourceGrade
from claimdiff._model.units import UnitInfo
from claimdiff._model.vocabulary import DEFAULT_VOCABULARY, Metric
from claimdiff.exceptions import InvalidClaimError, InvalidEstimateError

__all__ = [
    "PARTS",
    "RANKS",
    "Claim",
    "Scope",
    "Source",
    "SourceKind",
    "check_stated",
    "distinct_grades",
    "figure_for",
    "grade_in",
    "place_path",
    "source_grades",
    "stated_span",
]

#: The ranks a claim may carry, best first (Wikidata's statement ranks).
RANKS = ("preferred", "normal", "deprecated")

_INF = math.inf
#: The default of ``note`` and ``source_grade``: not given (kept from ``notes`` when ``attrs.evolve`` rebuilds).
_UNSET: Any = type("_Unset", (), {"__repr__": lambda _self: "None", "__slots__": ()})()
_NEG_INF = -math.inf


def _rank(value: str | None) -> str | None:
    if value is None:
        return None
    text = value.strip().lower() if isinstance(value, str) else value
    if text not in RANKS:
        raise InvalidClaimError(None, "rank", value, f"is not one of {', '.join(RANKS)}")
    return str(text)


def _estimate(claim_id: object, value: Estimate | str | float, count: bool) -> Estimate:
    """The claim's figure, read from a number, a hedged figure in words or an :class:`Estimate`.

    An unreadable one raises :class:`InvalidClaimError` naming the claim, caused by the parser's
    :class:`~claimdiff.exceptions.InvalidEstimateError` (as a unit error is).
    """
    who = claim_id if type(claim_id) is str else None
    if isinstance(value, Estimate):
        return value
    try:
        if isinstance(
            value, str
        ):  # a claim that says what it counts is a count: "1.2m" is 1.2 million
            return parse_estimate(value, hedges=DEFAULT_HEDGES, count=count)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return Estimate.exact(value)
    except InvalidEstimateError as exc:
        raise InvalidClaimError(who, "estimate", value, exc.reason) from exc
    raise InvalidClaimError(
        who, "estimate", value, "must be an Estimate, a number or a hedged figure in words"
    )


@attrs.frozen(kw_only=True, init=False, weakref_slot=False)
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
            children" is part of "108 injured"); see :func:`claimdiff.relations.composite_claims`.
        rank: ``"preferred"``, ``"normal"`` or ``"deprecated"`` (Wikidata's statement ranks), or
            ``None`` (normal). The ``wikidata`` policy puts preferred claims forward and never a
            deprecated one.
        source_grade: How the source itself grades the figure (Airwars' grade, ACLED's or UCDP's precision
            codes; see :class:`claimdiff.sources.SourceGrade`), or ``None``. Metadata, like ``note``: it takes no part
            in equality or reconciling, and the report shows it beside claimdiff's grade.

    Raises:
        InvalidClaimError: A field is missing or inconsistent (negative counts,
            unknown units, a statement before the period it reports on, ...).
    """

    id: str
    metric: Metric
    estimate: Estimate
    scope: Scope
    period: Period | None = None
    stated: Period | None = None
    source: Source
    via: tuple[Source, ...] = ()
    quote: str | None = None
    location: str | None = None
    # ``note`` and ``source_grade`` share one slot: both are metadata outside equality, and few claims carry a
    # source's grade, so a claim without one costs not a byte more. It holds the note, or (note, grade).
    _notes: Any = attrs.field(default=None, eq=False, repr=False, alias="notes")
    part_of: str | None = None
    rank: str | None = None

    # Derived once, here, so that reconciling compares floats; plain slots, read for every claim.
    low: float = attrs.field(init=False, eq=False, repr=False)
    high: float = attrs.field(init=False, eq=False, repr=False)
    low_closed: bool = attrs.field(init=False, eq=False, repr=False)
    high_closed: bool = attrs.field(init=False, eq=False, repr=False)
    figure: float | None = attrs.field(init=False, eq=False, repr=False)
    origin: str = attrs.field(init=False, eq=False, repr=False)
    # When it was stated, as floats: an unknown time is (-inf, +inf), never before or after anything.
    stated_start: float = attrs.field(init=False, eq=False, repr=False)
    stated_end: float = attrs.field(init=False, eq=False, repr=False)
    key: tuple[str, str, tuple[str, ...], str] = attrs.field(init=False, eq=False, repr=False)

    def __init__(
        self,
        *,
        id: str,  # noqa: A002 - the field's name
        metric: Metric | str,
        estimate: Estimate | str | float,
        scope: Scope | None = None,
        period: Period | str | None = None,
        stated: Period | str | None = None,
        source: Source | str,
        via: Iterable[Source | str] | Source | str = (),
        quote: str | None = None,
        location: str | None = None,
        note: str | None = _UNSET,
        part_of: str | None = None,
        rank: str | None = None,
        source_grade: SourceGrade | None = _UNSET,
        notes: Any = None,
    ) -> None:
        # One pass: each value is converted only when it is not already of its type, then checked.
        if type(metric) is not Metric:
            metric = DEFAULT_VOCABULARY.metric(metric)
        if scope is None:
            scope = NO_SCOPE
        elif type(scope) is not Scope:
            attrs.validators.instance_of(Scope)(self, attrs.fields(Claim).scope, scope)
        if type(estimate) is not Estimate:
            estimate = _estimate(id, estimate, scope.counted is not None)
        if period is not None and type(period) is not Period:
            period = optional_period(period)
        if stated is not None and type(stated) is not Period:
            stated = optional_period(stated)
        if type(source) is not Source:
            source = _source(source)
        if type(via) is not tuple or not all(type(v) is Source for v in via):
            via = _sources(via)
        if rank is not None:
            rank = _rank(rank)
        # ``notes`` is the shared slot as ``attrs.evolve`` hands it back; ``note`` and ``source_grade`` given win.
        if note is _UNSET:
            note = notes[0] if type(notes) is tuple else notes
        if source_grade is _UNSET:
            source_grade = notes[1] if type(notes) is tuple else None
        elif source_grade is not None and type(source_grade) is not SourceGrade:
            raise InvalidClaimError(
                id, "source_grade", source_grade, "must be a SourceGrade or None"
            )
        if type(id) is not str or not id or id.isspace():
            raise InvalidClaimError(None, "id", id, "must be a non-empty string")
        self._fill(
            id,
            metric,
            estimate,
            scope,
            period,
            stated,
            source,
            via,
            quote,
            location,
            note if source_grade is None else (note, source_grade),
            rank,
            part_of,
        )

    @classmethod
    def _from_parts(
        cls,
        id: str,  # noqa: A002 - the field's name
        metric: Metric,
        estimate: Estimate,
        scope: Scope,
        period: Period | None,
        stated: Period | None,
        source: Source,
        via: tuple[Source, ...],
        quote: str | None,
        location: str | None,
        note: str | None,
        part_of: str | None,
    ) -> Claim:
        """A claim from parts each already made by its validating constructor (a columnar reader's parts).

        Only the checks between parts are made here (a count needs ``counted``; stated before its period), by
        the same code as ``__init__``: each part was checked once where it was made. ``id`` is a non-empty
        string and ``via`` a tuple of sources; never call this with parts that did not come from their types'
        constructors. ``Claim._from_parts(...) == Claim(...)`` for the same parts.
        """
        self = object.__new__(cls)
        self._fill(
            id,
            metric,
            estimate,
            scope,
            period,
            stated,
            source,
            via,
            quote,
            location,
            note,
            None,
            part_of,
        )
        return self

    def _fill(
        self,
        id: str,  # noqa: A002 - the field's name
        metric: Metric,
        estimate: Estimate,
        scope: Scope,
        period: Period | None,
        stated: Period | None,
        source: Source,
        via: tuple[Source, ...],
        quote: str | None,
        location: str | None,
        notes: Any,
        rank: str | None,
        part_of: str | None,
    ) -> None:
        """Check the parts against each other (each is of its type), derive the floats and set every slot."""
        estimate, derived = figure_for(id, estimate, scope.counted)
        if via:
            via = shared_chain(via)
        low, high, low_closed, high_closed, figure = derived[:5]
        check_stated(id, period, stated)
        start, end = stated_span(stated)
        keys = scope._keys  # noqa: SLF001 - the group key, shared per scope and metric
        if type(keys) is not tuple or keys[0] != metric.name:
            keys = scope._key_for(metric.name)  # noqa: SLF001
        set_ = _SETTERS
        set_[0](self, id)
        set_[1](self, metric)
        set_[2](self, estimate)
        set_[3](self, scope)
        set_[4](self, period)
        set_[5](self, stated)
        set_[6](self, source)
        set_[7](self, via)
        set_[8](self, quote)
        set_[9](self, location)
        set_[10](self, notes)
        set_[11](self, part_of)
        set_[12](self, rank)
        set_[13](self, low)
        set_[14](self, high)
        set_[15](self, low_closed)
        set_[16](self, high_closed)
        set_[17](self, figure)
        set_[18](self, source._key or source.key)  # noqa: SLF001 - the origin: the key, kept once worked out
        set_[19](self, start)
        set_[20](self, end)
        set_[21](self, keys)

    @property
    def note(self) -> str | None:
        """Free text for the analyst, or ``None``."""
        notes = self._notes
        return notes[0] if type(notes) is tuple else notes  # type: ignore[no-any-return]

    @property
    def source_grade(self) -> SourceGrade | None:
        """How the source itself grades the figure (see :class:`claimdiff.sources.SourceGrade`), or ``None``.

        >>> from claimdiff.sources import SourceGrade
        >>> c = Claim(id="a", metric="killed", estimate=4, scope=Scope(counted="civilians"), source="Airwars",
        ...           source_grade=SourceGrade("airwars", "Fair"), note="Airwars grade Fair")
        >>> c.source_grade.value, c.note, attrs.evolve(c, note="x").source_grade.value
        ('Fair', 'Airwars grade Fair', 'Fair')
        """
        return grade_in(self._notes)

    @property
    def dimension(self) -> str:
        """The dimension of the figure: ``"count"`` for counts, ``"[length]"`` for distances, ..."""
        derived: Derived = self.estimate._derived  # noqa: SLF001 - read as unit_info reads it (grouping asks every claim)
        return derived[5].dimension

    @property
    def unit_info(self) -> UnitInfo:
        """How the figure's unit maps to its canonical unit."""
        derived: Derived = self.estimate._derived  # noqa: SLF001 - set when the claim was built
        return derived[5]

    @property
    def chain(self) -> tuple[Source, ...]:
        """The origin followed by every source it passed through."""
        return (self.source, *self.via)

    @property
    def reporter(self) -> Source:
        """The last link of the chain: the outlet the claim was read in."""
        return self.via[-1] if self.via else self.source

    def chain_text(self) -> str:
        """The chain in words: "Russian Ministry of Defence, via Reuters, via ZeroHedge"."""
        return ", ".join([self.source.name, *(f"via {s.name}" for s in self.via)])

    @property
    def is_count(self) -> bool:
        """True when the figure is a count of things."""
        derived: Derived = self.estimate._derived  # noqa: SLF001 - set when the claim was built
        return derived[6]

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


#: The parts :meth:`Claim._from_parts` takes, in its order (a claim table holds one column of each).
PARTS = tuple(inspect.signature(Claim._from_parts).parameters)  # noqa: SLF001 - its own class

# Each slot's own setter, called directly: half the cost of ``object.__setattr__``, which looks the name up
# first (a million claims are built from a table at a time). In the order ``_fill`` sets them.
_SETTERS = tuple(
    Claim.__dict__[name].__set__
    for name in (
        *("_notes" if part == "note" else part for part in PARTS),
        "rank",
        "low",
        "high",
        "low_closed",
        "high_closed",
        "figure",
        "origin",
        "stated_start",
        "stated_end",
        "key",
    )
)
assert len(_SETTERS) == len(attrs.fields(Claim))  # noqa: S101 - every field is set (a new one must be added here)


def grade_in(notes: Any) -> SourceGrade | None:
    """The source's grade held in a claim's note slot (the note, or the note and the grade), or ``None``.

    What :attr:`Claim.source_grade` reads; a claim table's note column holds that slot.

    >>> grade_in(("seen", SourceGrade("airwars", "Fair"))).value, grade_in("seen")
    ('Fair', None)
    """
    return notes[1] if type(notes) is tuple else None


def figure_for(claim_id: str, estimate: Estimate, counted: str | None) -> tuple[Estimate, Derived]:
    """The estimate a claim holds (an equal one already in use) and what it derives, checked against ``counted``.

    One of the two checks between a claim's parts (a count needs ``counted``, a unit takes none): a
    columnar reader asks it once per distinct (figure, counted) pair and builds claims later.

    >>> e, derived = figure_for("a", Estimate.more_than(100), "people")
    >>> derived[:2], derived[6]
    ((101.0, inf), True)
    """
    if estimate._derived is None:  # noqa: SLF001 - a new estimate: share an equal one seen before
        estimate = shared_estimate(estimate)
    derived: Derived | None = estimate._derived  # noqa: SLF001 - worked out by the first claim that held it
    if derived is None or derived[6] is (
        counted is None
    ):  # a count without 'counted', or the reverse
        derived = derive(
            estimate, claim_id, counted
        )  # computes and checks (a count needs 'counted')
    return estimate, derived


def stated_span(stated: Period | None) -> tuple[float, float]:
    """When a claim was stated, as floats: an unknown time is (-inf, +inf), never before or after anything.

    >>> stated_span(None)
    (-inf, inf)
    """
    if stated is None:
        return _NEG_INF, _INF
    return stated.start_ts, stated.end_ts


def check_stated(claim_id: str, period: Period | None, stated: Period | None) -> None:
    """Refuse a claim stated before the period it reports on starts (the other check between parts).

    >>> check_stated("a", optional_period("2024-03-02"), optional_period("2024-03-01"))
    Traceback (most recent call last):
    ...
    claimdiff.exceptions.InvalidClaimError: claim 'a': 'stated' is before the period it reports on starts (2024-03-02) (got '2024-03-01').
    """
    if (
        stated is not None
        and period is not None
        and stated.end_ts <= period.start_ts
        and stated.start_ts < period.start_ts
    ):  # stated.before(period)
        raise InvalidClaimError(
            claim_id,
            "stated",
            stated.isoformat(),
            f"is before the period it reports on starts ({period.isoformat()})",
        )


def source_grades(claims: Iterable[Claim]) -> tuple[SourceGrade, ...]:
    """The distinct grades the claims' sources gave their figures, in the claims' order.

    Read from the slot the grade shares with the note, without a property call per claim: a report asks
    it of every group.

    >>> fair = SourceGrade("airwars", "Fair")
    >>> cs = [Claim(id=i, metric="killed", estimate=4, scope=Scope(counted="civilians"), source="Airwars",
    ...             source_grade=fair) for i in "ab"]
    >>> source_grades(cs) == (fair,)
    True
    """
    return distinct_grades(map(grade_in, map(_NOTES, claims)))


#: The slot a claim holds its note and its source's grade in (see :class:`Claim`).
_NOTES = attrgetter("_notes")


def distinct_grades(grades: Iterable[SourceGrade | None]) -> tuple[SourceGrade, ...]:
    """:func:`source_grades` of the claims' grades (``None``: none), in the claims' order, as a column holds them.

    >>> fair = SourceGrade("airwars", "Fair")
    >>> distinct_grades([None, fair, fair]) == (fair,)
    True
    """
    return tuple(dict.fromkeys(g for g in grades if g is not None))
