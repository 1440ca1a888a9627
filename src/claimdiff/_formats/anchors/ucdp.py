"""UCDP's Georeferenced Event Dataset (GED): one lethal event per row, with low, best and high death estimates.

Each event becomes one claim: ``killed`` ``people`` in ``country > adm_1 > adm_2``, for the
event ``ucdp-ged-<id>``, over the days ``date_start`` to ``date_end``, stated by UCDP. The figure
is UCDP's interval ``[low, high]`` with ``best`` as its point (an exact figure when all three are
equal). The period is the span UCDP gives; its ``date_prec`` (1 exact day ... 5 only the year) is
kept in the note, with the sources UCDP read, the deaths per side and the event's type. The codes
``date_prec``, ``where_prec`` and ``event_clarity`` are also kept on the claim as data
(``SourceGrade("ucdp", codes={"date_prec": 1, ...})``, see :attr:`claimdiff.Claim.source_grade`).

A row whose ``best`` lies outside its own ``[low, high]`` (13 of the 1,000 events of the GED 23.1
sample) is not an exception: by default it is rejected with a reason naming the three figures;
with ``inconsistent="split"`` it becomes two claims from UCDP, the interval and the best figure,
which :func:`claimdiff.reconcile` then reports as a finding.
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Iterator, Mapping
from typing import Any, Literal

from claimdiff._formats.anchors._dates import DayOrder, read_day
from claimdiff._formats.anchors._grades import Grades
from claimdiff._formats.anchors._rows import Table, read_table, where
from claimdiff._formats.claims_file import LoadedClaims
from claimdiff._formats.frames import clean_cell, read_mappings
from claimdiff._model.hedges import DEFAULT_HEDGES, HedgePolicy
from claimdiff._model.source_grade import SourceGrade
from claimdiff.exceptions import ClaimFileError

__all__ = ["DATE_PRECISION", "EVENT_CLARITY", "UCDP_SOURCE", "WHERE_PRECISION", "read_ucdp_ged"]
# GED writes ISO dates (``2013-01-03``, ``2024-01-01 00:00:00.000``); a numeric date of either order is refused.
_ISO_ONLY = DayOrder(None, "UCDP writes dates as year-month-day")

#: What UCDP's ``date_prec`` codes mean (GED codebook).
DATE_PRECISION = {
    1: "exact day",
    2: "within 2-6 days",
    3: "only the week",
    4: "within 8-30 days, or only the month",
    5: "within more than a month, or only the year",
}
#: What UCDP's ``where_prec`` codes mean (GED codebook): how closely the place is known.
WHERE_PRECISION = {
    1: "exact location",
    2: "within 25 km",
    3: "only the second-order administrative division",
    4: "only the first-order administrative division",
    5: "only a linear feature or area, not a division",
    6: "only the country",
    7: "international waters or airspace",
}
#: What UCDP's ``event_clarity`` codes mean (GED codebook).
EVENT_CLARITY = {
    1: "high (one clearly reported event)",
    2: "lower (an aggregate of reports, not one clearly told event)",
}
#: The source of every UCDP figure: UCDP's own adjudication of the reports it read.
UCDP_SOURCE: Mapping[str, str] = {"name": "UCDP GED", "kind": "academic"}
_VIOLENCE = {1: "state-based", 2: "non-state", 3: "one-sided"}
_REQUIRED = ("id", "best", "low", "high", "date_start", "date_end", "country")


def read_ucdp_ged(
    table: str | os.PathLike[str] | Any,
    *,
    inconsistent: Literal["reject", "split"] = "reject",
    name: str | None = None,
    hedges: HedgePolicy = DEFAULT_HEDGES,
) -> LoadedClaims:
    """Read UCDP GED events (a CSV file, a DataFrame or rows) as claims, one per event.

    >>> rows = [{"id": 7, "best": 4, "low": 3, "high": 9, "date_start": "2013-01-03", "date_end": "2013-01-04",
    ...          "date_prec": 2, "country": "Syria", "adm_1": "Idlib governorate", "adm_2": float("nan")},
    ...         {"id": 8, "best": 2, "low": 3, "high": 3, "date_start": "2013-01-05", "date_end": "2013-01-05",
    ...          "country": "Syria"}]
    >>> loaded = read_ucdp_ged(rows)
    >>> c = loaded.claims[0]
    >>> c.id, c.estimate.interval_text(), c.estimate.point, c.scope.place, c.period.isoformat()
    ('ucdp-ged-7', '[3, 9]', 4.0, ('Syria', 'Idlib governorate'), '2013-01-03/2013-01-04')
    >>> c.source_grade.codes
    (('date_prec', 2),)
    >>> print(loaded.rejected[0].reason)
    UCDP's best estimate 2 lies outside its own [low, high] = [3, 3]

    Args:
        table: A GED CSV file (UCDP's download, or any CSV with its column names), a
            :class:`pandas.DataFrame` of GED rows, or an iterable of mappings.
        inconsistent: What to do with an event whose ``best`` is outside ``[low, high]``:
            ``"reject"`` it with the reason, or ``"split"`` it into two claims (``...``
            for the interval, ``.../best`` for the best figure) for reconciling to flag
            (an interval whose low is above its high is still rejected).
        name: The table's name in messages (default: the path).
        hedges: The hedge policy (GED figures are numbers, so it matters only for notes read later).

    Returns:
        The claims, and the rows that could not be read with their reasons.

    Raises:
        ClaimFileError: The table cannot be read or lacks one of the columns
            ``id, best, low, high, date_start, date_end, country``.

    .. versionadded:: 0.2.0
    """
    t = read_table(table, name, _REQUIRED)
    kept = Grades()
    loaded = read_mappings(
        _mappings(t, inconsistent, kept), column_of=_COLUMN_OF, name=t.name, hedges=hedges
    )
    return kept.apply(loaded)


_COLUMN_OF = {"value": "best", "period": "date_start", "place": "country", "id": "id"}


def _int(value: Any) -> int | None:
    v = clean_cell(value)
    if v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return int(f) if f.is_integer() else None


def _mappings(
    table: Table, inconsistent: str, kept: Grades
) -> Iterator[tuple[Hashable, Mapping[str, Any] | ClaimFileError]]:
    name = table.name
    for label, row in table.rows():
        if isinstance(row, ClaimFileError):
            yield label, row
            continue
        raw_id = clean_cell(row.get("id"))
        cid = f"ucdp-ged-{_int(raw_id) if _int(raw_id) is not None else raw_id}"
        at = where(label)
        figures = {k: _int(row.get(k)) for k in ("low", "best", "high")}
        bad = [k for k, v in figures.items() if v is None or v < 0]
        if bad:
            cells = ", ".join(f"{k}={clean_cell(row.get(k))!r}" for k in bad)
            yield (
                label,
                ClaimFileError(
                    name,
                    f"{at}, column {bad[0]!r}",
                    cid,
                    f"UCDP's death estimates must be whole numbers >= 0 (got {cells})",
                ),
            )
            continue
        low, best, high = (
            int(figures[k] or 0) for k in ("low", "best", "high")
        )  # none is None: checked above
        base = _base(row, cid)
        if isinstance(base, str):
            yield label, ClaimFileError(name, f"{at}, columns 'date_start', 'date_end'", cid, base)
            continue
        grade = _grade(row)
        kept.note(cid, grade)
        kept.note(f"{cid}/best", grade)
        if low <= best <= high:
            value: Any = (
                best
                if low == best == high
                else {"low": low, "high": high, "point": best, "hedge": "range"}
            )
            yield label, {**base, "value": value}
            continue
        reason = f"UCDP's best estimate {best} lies outside its own [low, high] = [{low}, {high}]"
        if inconsistent != "split":
            yield label, ClaimFileError(name, f"{at}, columns 'low', 'best', 'high'", cid, reason)
            continue
        note = f"{base.get('note', '')}; {reason}".lstrip("; ")
        if low <= high:
            yield (
                label,
                {**base, "value": {"low": low, "high": high, "hedge": "range"}, "note": note},
            )
        else:
            yield (
                label,
                ClaimFileError(
                    name,
                    f"{at}, columns 'low', 'high'",
                    cid,
                    f"UCDP's low estimate {low} is above its high estimate {high}",
                ),
            )
        yield label, {**base, "id": f"{cid}/best", "value": best, "note": note}


_CODEBOOK = {
    "date_prec": ("date:", DATE_PRECISION),
    "where_prec": ("place:", WHERE_PRECISION),
    "event_clarity": ("clarity:", EVENT_CLARITY),
}


def _grade(row: Mapping[str, Any]) -> SourceGrade | None:
    """UCDP's own codes of an event as data (``None`` when it gives none); an unknown code is kept, unexplained."""
    codes = [(n, c) for n in _CODEBOOK if (c := _int(row.get(n))) is not None]
    if not codes:
        return None
    meaning = "; ".join(
        f"{_CODEBOOK[n][0]} {_CODEBOOK[n][1].get(c, 'unknown code')}" for n, c in codes
    )
    return SourceGrade("ucdp", codes=codes, meaning=meaning)


def _base(row: Mapping[str, Any], cid: str) -> dict[str, Any] | str:
    """The claim's fields but its figure, or the reason its dates cannot be read."""
    out: dict[str, Any] = {
        "id": cid,
        "metric": "killed",
        "counted": "people",
        "event": cid,
        "source": dict(UCDP_SOURCE),
    }
    place = [
        str(p)
        for p in (clean_cell(row.get(k)) for k in ("country", "adm_1", "adm_2"))
        if p is not None
    ]
    if place:
        out["place"] = " > ".join(p.replace(">", "-") for p in place)
    start, end = clean_cell(row.get("date_start")), clean_cell(row.get("date_end"))
    if start is not None:
        first, last = (
            read_day(start, _ISO_ONLY),
            read_day(end if end is not None else start, _ISO_ONLY),
        )
        if isinstance(first, str) or isinstance(last, str):
            return f"{'date_start' if isinstance(first, str) else 'date_end'} {first if isinstance(first, str) else last}"
        out["period"] = {"start": first.date.isoformat(), "end": last.date.isoformat()}
    notes = []
    if clean_cell(row.get("relid")) is not None:
        notes.append(f"UCDP GED {clean_cell(row.get('relid'))}")
    prec = _int(row.get("date_prec"))
    if prec is not None:
        notes.append(f"UCDP date_prec {prec} ({DATE_PRECISION.get(prec, 'unknown code')})")
    where_prec = _int(row.get("where_prec"))
    if where_prec is not None:
        notes.append(
            f"UCDP where_prec {where_prec} ({WHERE_PRECISION.get(where_prec, 'unknown code')})"
        )
    violence = _int(row.get("type_of_violence"))
    if violence is not None:
        notes.append(f"type_of_violence {violence} ({_VIOLENCE.get(violence, 'unknown code')})")
    sides = [(k, _int(row.get(f"deaths_{k}"))) for k in ("a", "b", "civilians", "unknown")]
    if all(v is not None for _, v in sides):
        notes.append("deaths " + ", ".join(f"{k} {v}" for k, v in sides))
    n = _int(row.get("number_of_sources"))
    offices = clean_cell(row.get("source_office"))
    if n is not None or offices is not None:
        count = "unknown number of" if n is None or n < 0 else str(n)
        notes.append(f"{count} sources" + (f": {offices}" if offices else ""))
    if notes:
        out["note"] = "; ".join(notes)
    return out
