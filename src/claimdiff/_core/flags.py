"""Typed findings: every discrepancy claimdiff reports, with the claims involved and a sentence."""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

import attrs

__all__ = [
    "CONFLICT_KINDS",
    "Flag",
    "FlagKind",
    "FlagRow",
    "LazyMessage",
    "Severity",
    "as_flag",
    "conflict_verdict",
]


class Severity(enum.Enum):
    """How much a finding matters to someone who must state a figure."""

    #: Worth knowing; nothing is wrong (a revision, a vague figure beside an exact one).
    INFO = "info"
    #: Look before you publish (a toll that went down, an outlier, one origin repeated).
    WARNING = "warning"
    #: The claims cannot all be true.
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class FlagKind(enum.Enum):
    """What kind of discrepancy a :class:`Flag` reports."""

    #: Two claims' intervals cannot both hold, and the gap is large (see :class:`~claimdiff.tolerance.Grading`);
    #: the flag names the dissenting claim and the claim it conflicts with.
    CONTRADICTION = "contradiction"
    #: Two claims disagree beyond their precision and tolerance, by less than a contradiction.
    DISCREPANCY = "discrepancy"
    #: The same origin stated a different figure later.
    REVISION = "revision"
    #: The same origin stated a lower cumulative figure later (a death toll that went down).
    DOWNWARD_REVISION = "downward_revision"
    #: A cumulative figure overtaken by a later, higher one from elsewhere.
    STALE = "stale"
    #: Only one independent origin stands behind the figure, and only one report.
    UNCORROBORATED = "uncorroborated"
    #: Several reports of the figure, all from one origin.
    CIRCULAR_CORROBORATION = "circular_corroboration"
    #: Figures that look like one figure but have different dimensions.
    INCOMPARABLE = "incomparable"
    #: Kept so that code naming it keeps working: :func:`~claimdiff.reconcile` now reports a figure far
    #: outside the other origins' spread as the contradiction or discrepancy it is, tagged ``"outlier"``.
    OUTLIER = "outlier"
    #: A figure withdrawn by a later statement: kept in the report, no longer counted.
    WITHDRAWN = "withdrawn"
    #: A series that does not add up over time: a daily figure that is not the rise of its cumulative one.
    SERIES_MISMATCH = "series_mismatch"
    #: A figure the learned truth makes unlikely (the ``truth`` policy), with its score.
    UNLIKELY = "unlikely"
    #: A source whose figures sit a constant factor or offset from the others' (a unit written wrong).
    SYSTEMATIC_SHIFT = "systematic_shift"
    #: A source that likely copies another: the same figures, rare or wrong ones among them.
    COPYING = "copying"
    #: A vague figure beside an exact one that it agrees with: informational, never a conflict.
    PRECISION_GAP = "precision_gap"
    #: Parts that cannot add up to any total the whole allows ("12 + 5 = 17, but 14 killed").
    SUBTOTAL_MISMATCH = "subtotal_mismatch"
    #: A part larger than its whole (children injured above people injured; a city above its country).
    PART_EXCEEDS_WHOLE = "part_exceeds_whole"
    #: Metrics in the wrong order: more shot down than launched.
    INVERTED_METRICS = "inverted_metrics"


class LazyMessage:
    """A sentence written when first read, from a function and the values it needs.

    Reconciling finds many flags that nobody reads; their sentences cost more than the finding.
    A pickled ``LazyMessage`` is its sentence (the values it keeps stay behind).

    >>> text = LazyMessage("{} of {}".format, 3, 4)
    >>> str(text), str(text) == "3 of 4"
    ('3 of 4', True)
    """

    __slots__ = ("_args", "_render", "_text")

    def __init__(self, render: Callable[..., str], *args: object) -> None:
        self._render: Callable[..., str] | None = render
        self._args: tuple[object, ...] = args
        self._text: str | None = None

    def __str__(self) -> str:
        text = self._text
        if text is None:
            assert self._render is not None  # noqa: S101 - set until the text is written
            text = self._text = self._render(*self._args)
            self._render, self._args = None, ()
        return text

    def __repr__(self) -> str:
        return repr(str(self))

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        return str, (str(self),)


@attrs.frozen(kw_only=True, repr=False)
class Flag:
    """One finding about a group of claims.

    Attributes:
        kind: What was found.
        severity: How much it matters.
        claims: Ids of the claims involved; for a contradiction, a smallest set
            of claims that cannot all hold.
        group: Id of the group the claims belong to (``None`` when the claims
            span groups, as for :attr:`FlagKind.INCOMPARABLE` and the arithmetic kinds).
        message: A sentence a person can check, with the figures in it (given as text, or as
            a sentence written when first read; either way it reads as text).
        gap: Size of the discrepancy in ``unit`` (distance between the
            intervals, or between a figure and the median), if it has a size.
        relative_gap: ``gap`` divided by the lower of the two facing figures (see
            :func:`claimdiff.tolerance.relative_gap`); infinite when that figure is zero.
        unit: Unit of ``gap`` (``""`` for counts).
        tags: Qualifiers of the finding: ``"contested"`` when the claims come from opposing parties,
            ``"outlier"`` when a dissenting figure lies far outside the others' spread.

    >>> f = Flag(kind=FlagKind.REVISION, severity=Severity.INFO, claims=("a", "b"), group="g1",
    ...          message=LazyMessage("{} revised its figure".format, "MoD"))
    >>> f.message
    'MoD revised its figure'
    >>> f == attrs.evolve(f, message="MoD revised its figure")
    True
    """

    kind: FlagKind
    severity: Severity
    claims: tuple[str, ...]
    group: str | None
    _message: str | LazyMessage = attrs.field(eq=str, alias="message")
    gap: float | None = None
    relative_gap: float | None = None
    unit: str = ""
    tags: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """A sentence a person can check, with the figures in it."""
        return str(self._message)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _SHOWN)
        return f"Flag({shown})"

    def to_dict(self) -> dict[str, Any]:
        """The flag as in the JSON output contract."""
        return {
            "kind": self.kind.value,
            "severity": self.severity.value,
            "claims": list(self.claims),
            "group": self.group,
            "message": self.message,
            "gap": self.gap,
            "relative_gap": self.relative_gap
            if self.relative_gap is None or math.isfinite(self.relative_gap)
            else None,
            "unit": self.unit,
            "tags": list(self.tags),
        }


class FlagRow(NamedTuple):
    """A flag held as a row, as reconciling finds it: the fields of a :class:`Flag`, its sentence as what writes it.

    Reconciling a large file finds tens of thousands of flags that are read, if at all, after it returns; a row
    costs one tuple, and the report makes each :class:`Flag` from its row when the flag is read (:meth:`flag`: the
    same fields, the same sentence). Passes inside reconciling read a row as they read a flag (``kind``,
    ``severity``, ``claims``, ``group``, ``gap``, ``relative_gap``, ``unit``, ``tags``, ``message``).

    >>> row = FlagRow(FlagKind.REVISION, Severity.INFO, ("a", "b"), "g1", "{} revised its figure".format, ("MoD",))
    >>> row.message, row.flag() == Flag(kind=FlagKind.REVISION, severity=Severity.INFO, claims=("a", "b"),
    ...                                 group="g1", message="MoD revised its figure")
    ('MoD revised its figure', True)
    """

    kind: FlagKind
    severity: Severity
    claims: tuple[str, ...]
    group: str | None
    #: Writes the sentence from ``args`` (as a :class:`LazyMessage` does).
    render: Callable[..., str]
    args: tuple[Any, ...]
    gap: float | None = None
    relative_gap: float | None = None
    unit: str = ""
    tags: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """The flag's sentence, written now."""
        return self.render(*self.args)

    def flag(self) -> Flag:
        """The :class:`Flag` the row holds (its sentence written when first read)."""
        return Flag(
            kind=self.kind,
            severity=self.severity,
            claims=self.claims,
            group=self.group,
            message=LazyMessage(self.render, *self.args),
            gap=self.gap,
            relative_gap=self.relative_gap,
            unit=self.unit,
            tags=self.tags,
        )

    def to_dict(self) -> dict[str, Any]:
        """The flag as in the JSON output contract (:meth:`Flag.to_dict`)."""
        return self.flag().to_dict()


def as_flag(f: Flag | FlagRow) -> Flag:
    """``f`` as a :class:`Flag`: a flag as it is, a row made into its flag."""
    return f if isinstance(f, Flag) else f.flag()


_SHOWN = ("kind", "severity", "claims", "group", "message", "gap", "relative_gap", "unit", "tags")


#: The kinds that say two claims of a group disagree.
CONFLICT_KINDS = frozenset((FlagKind.CONTRADICTION, FlagKind.DISCREPANCY, FlagKind.OUTLIER))
_CONFLICTS = tuple(CONFLICT_KINDS)


def conflict_verdict(flags: Iterable[Flag | FlagRow]) -> str | None:
    """A group's verdict from its conflicts: the worst, or ``None`` when no flag is a conflict.

    ``"contradiction"`` when a conflict is an error, else ``"discrepancy"``.

    >>> f = Flag(kind=FlagKind.DISCREPANCY, severity=Severity.WARNING, claims=("a", "b"), group="g1", message="")
    >>> conflict_verdict([f]), conflict_verdict([])
    ('discrepancy', None)
    """
    found = None
    for f in flags:
        if f.kind in _CONFLICTS:  # a tuple: members are found by identity, without hashing an enum
            if f.severity is Severity.ERROR:
                return "contradiction"
            found = "discrepancy"
    return found
