"""A group of a report: claims about one figure, what they allow together, the best figure and the verdict."""

from __future__ import annotations

import math
from typing import Any

import attrs

from claimdiff._core.grading import grade_of_rule, grades_text
from claimdiff._core.outcomes import (
    Corroboration,
    Grade,
    Verdict,
    as_corroboration,
    as_verdict,
    optional_grade,
)
from claimdiff._core.precision_used import precision_sentence
from claimdiff._model.numbers import format_number
from claimdiff._model.short_repr import how_many
from claimdiff._model.source_grade import SourceGrade

__all__ = ["Group", "group_id", "group_position", "json_number"]


def group_id(position: int) -> str:
    """The id of the report's group at ``position``: ``g`` and the position plus one (one rule for every path).

    >>> group_id(0), group_position(group_id(41))
    ('g1', 41)
    """
    return f"g{position + 1}"


def group_position(gid: str) -> int:
    """Where the group ``gid`` stands in its report: the inverse of :func:`group_id`."""
    return int(gid[1:]) - 1


def json_number(v: float | None) -> float | int | None:
    """A figure as the JSON output gives it: ``None`` for none or a non-finite one, a whole number as an int."""
    if v is None or not math.isfinite(v):
        return None
    return int(v) if v == int(v) and abs(v) < 2**53 else v


@attrs.frozen(kw_only=True)
class Group:
    """Claims about one figure: same metric, same counted thing, same scope, overlapping periods.

    Figures are in ``unit``, the unit most of the group's claims use.

    Attributes:
        id: Stable id within a report ("g1", "g2", ...), ordered by key.
        metric: What is measured.
        counted: What is counted (``None`` for a measurement).
        place: Path of the place.
        event: The event, if any.
        dimension: ``"count"`` or a pint dimensionality.
        cumulative: Whether the metric's figures only grow.
        unit: The unit the figures below are given in (``""`` for counts).
        period: ISO 8601 text of the span the claims cover, if any gave one.
        claims: Ids of every claim in the group.
        feasible: True when some value is allowed by every current claim, within the
            precision its wording implies and the policy's tolerance.
        low, high, low_closed, high_closed: The feasible interval — what every
            current claim allows, as worded when they share a value, else within precision
            and tolerance (``verdict`` is then ``"tolerance"``); ``None`` for an unbounded
            side, and both ``None`` when no value fits all (``feasible`` is then False).
        consensus_low, consensus_high: The interval the supporting claims all allow.
        best: The best estimate under the report's policy.
        supporting: Ids of current claims that allow the consensus.
        dissenting: Ids of current claims that do not.
        superseded: Ids of claims revised by their own origin later.
        stale: Ids of cumulative claims overtaken by later, higher figures from elsewhere.
        origins: Number of independent origins behind the group.
        verdict: The :class:`~claimdiff.Verdict` (``"agreement"``: one value fits every current claim as
            worded, ``"tolerance"``, ``"discrepancy"`` or ``"contradiction"``: the worst disagreement found);
            a plain word is converted, and the member equals its word.
        corroboration: The :class:`~claimdiff.Corroboration`: ``"single"`` (one report), ``"circular"``
            (several reports, one origin) or ``"independent"`` (two or more origins).
        withdrawn: Ids of claims withdrawn by a later statement.
        best_rule: How ``best`` was chosen (the estimator, or the rule it fell back to and why).
        stated_low, stated_high: What every current claim allows taken at its word (no precision, no
            tolerance); both ``None`` when nothing does.
        grade: How well the group is sourced, under a policy that grades (``airwars``): a
            :class:`~claimdiff.Grade` (``"confirmed"``, ``"fair"``, ``"weak"`` or ``"contested"``), from
            its origins and their parties; else ``None``.
            When not given it is read from ``best_rule``.
        source_grades: The grades the claims' own sources gave their figures (Airwars' grade, ACLED's and
            UCDP's precision codes), distinct, in claim order; :meth:`grades_text` sets them beside ``grade``.
        precision: How the figures were compared: ``"data"`` (numbers given as data, exact), ``"worded"``
            (the precision their wording implies), ``"rounded"`` (data declared rounded, read as worded),
            ``"exact"`` (the policy takes every figure at its word), or several joined by ``+``
            (``"data+worded"``); ``None`` when not known (a group built by hand).
        precision_step: The widest step of those figures' implied precision, in ``unit``; ``None`` when no
            figure was widened.
    """

    id: str
    metric: str
    counted: str | None
    place: tuple[str, ...]
    event: str | None
    dimension: str
    cumulative: bool
    unit: str
    period: str | None
    claims: tuple[str, ...]
    feasible: bool
    low: float | None
    high: float | None
    low_closed: bool
    high_closed: bool
    consensus_low: float | None
    consensus_high: float | None
    best: float | None
    supporting: tuple[str, ...]
    dissenting: tuple[str, ...]
    superseded: tuple[str, ...]
    stale: tuple[str, ...]
    origins: int
    verdict: Verdict = attrs.field(default=Verdict.AGREEMENT, converter=as_verdict)
    corroboration: Corroboration = attrs.field(
        default=Corroboration.INDEPENDENT, converter=as_corroboration
    )
    withdrawn: tuple[str, ...] = ()
    best_rule: str = ""
    stated_low: float | None = None
    stated_high: float | None = None
    grade: Grade | None = attrs.field(
        default=attrs.Factory(lambda self: grade_of_rule(self.best_rule), takes_self=True),
        converter=optional_grade,
    )
    source_grades: tuple[SourceGrade, ...] = ()
    precision: str | None = None
    precision_step: float | None = None

    def __repr__(self) -> str:
        best = "no best" if self.best is None else f"best {format_number(self.best, grouped=True)}"
        unit = f" {self.unit}" if self.unit and self.best is not None else ""
        origins = how_many(self.origins, "origin")
        return f"<Group {self.id} {self.describe()}: {how_many(len(self.claims), 'claim')} from {origins}, {self.verdict}, {best}{unit}>"

    def interval_text(self) -> str:
        """The feasible interval in mathematical notation, or ``"(none)"``."""
        if not self.feasible:
            return "(none)"
        return _interval(self.low, self.high, self.low_closed, self.high_closed)

    def grades_text(self) -> str | None:
        """The sources' own grades beside claimdiff's, saying why they differ; ``None`` when no source grades.

        "Airwars grades it Fair (reported by two or more credible sources); claimdiff: weak, a single-source
        claim (...): claimdiff counts only the origins of the claims it was given, not the sources Airwars read."
        """
        return grades_text(self.grade, self.best_rule, self.source_grades)

    def precision_text(self) -> str | None:
        """Which precision applied, in words: ``"compared as worded (implied precision, step 1,000)"``."""
        if self.precision is None:
            return None
        return precision_sentence(self.precision, self.precision_step, self.unit)

    def describe(self) -> str:
        """One line naming what the group is about."""
        what = f"{self.metric}: {self.counted}" if self.counted else self.metric
        where = f" in {' > '.join(self.place)}" if self.place else ""
        event = f" [{self.event}]" if self.event else ""
        when = f", {self.period}" if self.period else ""
        return f"{what}{where}{event}{when}"

    def to_dict(self) -> dict[str, Any]:
        """The group as in the JSON output contract."""
        return {
            "id": self.id,
            "metric": self.metric,
            "counted": self.counted,
            "place": list(self.place),
            "event": self.event,
            "period": self.period,
            "dimension": self.dimension,
            "cumulative": self.cumulative,
            "unit": self.unit,
            "low": json_number(self.low),
            "high": json_number(self.high),
            "low_closed": self.low_closed,
            "high_closed": self.high_closed,
            "feasible": self.feasible,
            "consensus_low": json_number(self.consensus_low),
            "consensus_high": json_number(self.consensus_high),
            "best": json_number(self.best),
            "claims": list(self.claims),
            "supporting": list(self.supporting),
            "dissenting": list(self.dissenting),
            "superseded": list(self.superseded),
            "stale": list(self.stale),
            "origins": self.origins,
            "verdict": self.verdict,
            "corroboration": self.corroboration,
            "withdrawn": list(self.withdrawn),
            "best_rule": self.best_rule,
            "stated_low": json_number(self.stated_low),
            "stated_high": json_number(self.stated_high),
            "grade": self.grade,
            "source_grades": [g.to_dict() for g in self.source_grades],
            "grade_note": self.grades_text(),
            "precision": self.precision,
            "precision_step": json_number(self.precision_step),
        }


def _interval(low: float | None, high: float | None, lc: bool, hc: bool) -> str:
    lo = "-inf" if low is None else format_number(low, grouped=True)
    hi = "inf" if high is None else format_number(high, grouped=True)
    if low is not None and high is not None and low == high:
        return lo
    return f"{'[' if lc and low is not None else '('}{lo}, {hi}{']' if hc and high is not None else ')'}"
