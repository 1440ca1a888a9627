"""Claims -> document: each claim as file fields, and a loaded file's layout kept when it is saved again."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from claimdiff._formats.build import Context, near
from claimdiff._formats.fields import ESTIMATE_FIELDS
from claimdiff._model.claim import Claim, Scope, Source
from claimdiff._model.composite import composite_claims
from claimdiff._model.estimate import Estimate, Hedge, provenance_of
from claimdiff._model.hedges import DEFAULT_HEDGES, HedgePolicy, parse_estimate
from claimdiff._model.period import Period
from claimdiff._model.source_grade import SourceGrade
from claimdiff._model.vocabulary import Vocabulary
from claimdiff.exceptions import ClaimdiffError, InvalidClaimError

__all__ = [
    "ESTIMATE_FIELDS",
    "Layout",
    "claim_to_dict",
    "counted_definitions",
    "grade_value",
    "metric_definitions",
    "period_text",
]

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def metric_definitions(
    claims: Iterable[Claim], vocabulary: Vocabulary
) -> dict[str, dict[str, Any]]:
    """Metrics whose claims' definition the vocabulary would not give back, as the file's ``metrics:``."""
    out: dict[str, dict[str, Any]] = {}
    seen: dict[str, Claim] = {}
    known = frozenset(w for m in vocabulary.metrics for w in (m.name, *m.aliases))
    for c in claims:
        m = c.metric
        first = seen.setdefault(m.name, c)
        if first.metric != m:
            raise InvalidClaimError(
                c.id,
                "metric",
                m,
                f"differs from the metric of the same name in claim {first.id!r} ({first.metric!r}); "
                "a file holds one definition of each metric",
            )
        if m.name not in out and (
            vocabulary.metric(m.name) != m or (m.name not in known and near(m.name, known))
        ):
            out[m.name] = {"cumulative": m.cumulative}
    return out


def counted_definitions(claims: Iterable[Claim], vocabulary: Vocabulary) -> dict[str, str]:
    """Counted things a reader would take for typos of known ones, declared as the file's ``counted:``."""
    known = frozenset(vocabulary.counted_synonyms) | frozenset(vocabulary.counted_synonyms.values())
    words = {c.scope.counted for c in claims if c.scope.counted is not None}
    return {w: w for w in sorted(words) if w not in known and near(w, known)}


def claim_to_dict(
    c: Claim,
    *,
    hedges: HedgePolicy = DEFAULT_HEDGES,
    bare_numbers: bool = True,
    tz: dt.tzinfo | None = None,
) -> dict[str, Any]:
    """One claim as a mapping in the claims-file format.

    >>> from claimdiff import Claim, Scope
    >>> claim_to_dict(Claim(id="a", metric="killed", estimate="at least 14", scope=Scope(counted="people"), source="MoD"))
    {'id': 'a', 'metric': 'killed', 'counted': 'people', 'value': 'at least 14', 'source': 'MoD'}

    Args:
        c: The claim.
        hedges: The hedge policy the mapping will be read back with.
        bare_numbers: Whether a figure's wording may be a bare number ("12"); CSV
            cannot tell the wording "12" from the number 12, so it writes such
            wording field by field.
        tz: The timezone the document's calendar days are in (``None``: UTC days only).
    """
    out: dict[str, Any] = {"id": c.id, "metric": c.metric.name}
    if c.scope.counted is not None:
        out["counted"] = c.scope.counted
    value, unit = _estimate_value(c.estimate, hedges, bare_numbers=bare_numbers)
    out["value"] = value
    if unit:
        out["unit"] = unit
    if c.scope.place:
        out["place"] = c.scope.place_text()
    if c.scope.event is not None:
        out["event"] = c.scope.event
    for name in ("period", "stated"):
        p: Period | None = getattr(c, name)
        if p is not None:
            out[name] = p.isoformat() if tz is None else period_text(p, tz)
    out["source"] = _source_value(c.source)
    if c.via:
        out["via"] = [_source_value(s) for s in c.via]
    for name in ("quote", "location", "note", "part_of", "rank"):
        text = getattr(c, name)
        if text is not None:
            out[name] = text
    if c.source_grade is not None:
        out["source_grade"] = grade_value(c.source_grade)
    return out


def grade_value(grade: SourceGrade) -> dict[str, Any]:
    """A source's own grade as a claims file writes it: the scheme, and the value, codes and meaning it has.

    >>> grade_value(SourceGrade("airwars", "Fair"))
    {'scheme': 'airwars', 'value': 'Fair'}
    """
    out: dict[str, Any] = {"scheme": grade.scheme}
    if grade.value is not None:
        out["value"] = grade.value
    if grade.codes:
        out["codes"] = dict(grade.codes)
    if grade.meaning:
        out["meaning"] = grade.meaning
    return out


def period_text(p: Period, tz: dt.tzinfo) -> str:
    """A period as a file with ``timezone: tz`` writes it: a year, a month, days, or instants with offsets.

    >>> from zoneinfo import ZoneInfo
    >>> moscow = ZoneInfo("Europe/Moscow")
    >>> period_text(Period.parse("2023-12-30", moscow), moscow), period_text(Period.parse("2023-12", moscow), moscow)
    ('2023-12-30', '2023-12')
    """
    s, e = p.start.astimezone(tz), p.end.astimezone(tz)
    if p.is_instant:
        return s.isoformat()
    if _midnight(s) and _midnight(e):
        months = (e.year * 12 + e.month) - (s.year * 12 + s.month)
        if s.day == 1 and e.day == 1 and s.month == 1 and e.month == 1 and months == 12:
            return f"{s.year:04d}"
        if s.day == 1 and e.day == 1 and months == 1:
            return f"{s.year:04d}-{s.month:02d}"
        last = e.date() - dt.timedelta(days=1)
        return (
            s.date().isoformat()
            if last == s.date()
            else f"{s.date().isoformat()}/{last.isoformat()}"
        )
    return f"{s.isoformat()}/{e.isoformat()}"


def _midnight(t: dt.datetime) -> bool:
    return t.hour == 0 and t.minute == 0 and t.second == 0 and t.microsecond == 0


def _source_value(s: Source) -> str | dict[str, Any]:
    if s.kind.value == "unknown" and s.party is None and s.reliability is None:
        return s.name
    out: dict[str, Any] = {"name": s.name, "kind": s.kind.value}
    if s.party is not None:
        out["party"] = s.party
    if s.reliability is not None:
        out["reliability"] = s.reliability
    return out


def _reads_back(
    text: str, e: Estimate, hedges: HedgePolicy, unit: str | None, *, as_given: bool = True
) -> bool:
    """Whether ``text`` reads as ``e`` (with ``as_given=False``: as ``e`` but for how it was given)."""
    try:
        words = parse_estimate(text, hedges=hedges, unit=unit)
    except ClaimdiffError:
        return False
    return words == e if as_given else attrs.evolve(words, provenance=e.provenance) == e


def _estimate_value(e: Estimate, hedges: HedgePolicy, *, bare_numbers: bool) -> tuple[Any, str]:
    """The ``value`` and ``unit`` fields that read back as ``e``."""
    if e.text and (bare_numbers or not _NUMBER.fullmatch(e.text.strip())):
        if _reads_back(e.text, e, hedges, None):
            return e.text, ""
        if e.unit and _reads_back(e.text, e, hedges, e.unit):
            return e.text, e.unit
    if e.text and _reads_back(e.text, e, hedges, e.unit or None, as_given=False):
        return {
            "text": e.text,
            "provenance": e.provenance.value,
        }, e.unit  # "108" read from an article: worded
    if (
        e.hedge is Hedge.EXACT
        and e.point is not None
        and not e.text
        and Estimate.exact(e.point, unit=e.unit) == e
    ):
        number = int(e.point) if e.point == int(e.point) and abs(e.point) < 2**53 else e.point
        return number, e.unit
    out: dict[str, Any] = {}
    for name in ESTIMATE_FIELDS:
        value: Any = getattr(e, name)
        if name in ("low", "high") and not math.isfinite(value):
            continue
        if name in ("low_closed", "high_closed") and (
            value or not math.isfinite(getattr(e, name[:-7] or "low"))
        ):
            continue
        if name == "provenance":  # written only when the text alone would not say it
            value = None if value is provenance_of(e.text) else value.value
        if name == "hedge":
            value = value.value
        if value is None or value == "":
            continue
        out[name] = value
    out.setdefault("hedge", e.hedge.value)
    return out, e.unit


class Layout:
    """How a loaded file was written: its sections, defaults, named sources and timezone.

    Claims written through a layout leave out what the defaults give, name
    sources by their keys, write days in the file's timezone, and fold the parts
    of a composite figure back into its wording, so that a file read and saved
    unchanged keeps its shape.
    """

    def __init__(
        self, sections: Mapping[str, Any], hedges: HedgePolicy, vocabulary: Vocabulary
    ) -> None:
        self.sections = sections
        self.hedges = hedges
        self.ctx = Context("<layout>", dict, hedges, vocabulary)
        self.ctx.apply(sections)
        self.keys = {s: k for k, s in reversed(list(self.ctx.sources.items()))}

    def rows(self, claims: Sequence[Claim]) -> list[dict[str, Any]]:
        """The claims as file rows, each composite figure folded back into one row."""
        out: list[dict[str, Any]] = []
        i = 0
        while i < len(claims):
            c = claims[i]
            parts = 0
            while i + 1 + parts < len(claims) and claims[i + 1 + parts].part_of == c.id:
                parts += 1
            row = self._row(c)
            if parts and self._folds(c, claims[i + 1 : i + 1 + parts]):
                row["value"] = c.estimate.text
                row.pop("unit", None)
                i += parts
            out.append(row)
            i += 1
        return out

    def _folds(self, whole: Claim, parts: Sequence[Claim]) -> bool:
        """True when the whole's wording states exactly these parts again."""
        try:
            again = composite_claims(
                whole.estimate.text,
                id=whole.id,
                scope=whole.scope,
                hedges=self.hedges,
                vocabulary=self.ctx.vocabulary,
                metric=whole.metric,
                period=whole.period,
                stated=whole.stated,
                source=whole.source,
                via=whole.via,
                quote=whole.quote,
                location=whole.location,
                note=whole.note,
                rank=whole.rank,
            )
        except ClaimdiffError:
            return False
        return list(again) == [whole, *parts]

    def _row(self, c: Claim) -> dict[str, Any]:
        row = claim_to_dict(c, hedges=self.hedges, tz=self.ctx.tz)
        row["source"] = self._source(c.source)
        if c.via:
            row["via"] = [self._source(s) for s in c.via]
        defaults = self.ctx.defaults
        for field in (
            "metric",
            "counted",
            "unit",
            "place",
            "event",
            "period",
            "stated",
            "source",
            "via",
        ):
            if field not in defaults:
                continue
            if self._default_holds(field, defaults[field], c):
                row.pop(field, None)
            elif field not in row:
                row[field] = [] if field == "via" else None
        return {k: row[k] for k in ("id", *[k for k in row if k != "id"])}

    def _source(self, s: Source) -> str | dict[str, Any]:
        key = self.keys.get(s)
        if key is not None:
            return key
        value = _source_value(s)
        if isinstance(value, str) and value in self.ctx.sources:
            return {"name": s.name, "kind": s.kind.value}  # the bare name would read as the key
        return value

    def _default_holds(self, field: str, default: Any, c: Claim) -> bool:
        """True when leaving ``field`` out of the claim's row reads back as the claim's own value."""
        ctx = self.ctx
        try:
            if field == "metric":
                return default is not None and ctx.vocabulary.metric(str(default)) == c.metric
            if field == "counted":
                return (
                    None if default is None else ctx.vocabulary.counted(str(default))
                ) == c.scope.counted
            if field == "unit":
                return default is None and not c.estimate.unit
            if field == "place":
                return Scope(place=default).place == c.scope.place
            if field == "event":
                return (None if default is None else str(default)) == c.scope.event
            if field in ("period", "stated"):
                return bool(ctx.period(default, field) == getattr(c, field))
            if field == "source":
                return (
                    isinstance(default, str)
                    and (ctx.sources.get(default) or Source(default)) == c.source
                )
            items = default if isinstance(default, list) else [default] if default else []
            return (
                all(isinstance(v, str) for v in items)
                and tuple(ctx.sources.get(v) or Source(v) for v in items) == c.via
            )
        except ClaimdiffError:
            return False
