"""ACLED's event data: one political-violence or protest event per row, with a conservative fatality count.

Each event becomes one claim: ``killed`` ``people`` in ``country > admin1 > admin2 > admin3``,
for the event ``acled-<event_id_cnty>``, stated by ACLED. ``fatalities`` is ACLED's own figure,
an exact count (ACLED codes the lowest figure its sources support). The event date becomes a
period by its ``time_precision``: 1 is the day, 2 the week around it (the date ±3 days), 3 the
calendar month. The sources (``source``, split on ``;``), the source scale, the event type and
the precision are kept in the note. With ``extract_notes=True`` the figures in the ``notes``
column ("... killed 5 civilians, according to local sources") are read by :func:`claimdiff.extract`
as further claims, each from the source the note names, so ACLED's coding can be checked
against the reports it summarises.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Hashable, Iterator, Mapping
from typing import Any

import attrs

from claimdiff._formats.anchors._rows import table_rows
from claimdiff._formats.claims_file import LoadedClaims
from claimdiff._formats.frames import clean_cell, read_mappings
from claimdiff._model.claim import Claim
from claimdiff._model.hedges import ACLED_HEDGES, HedgePolicy
from claimdiff.exceptions import ClaimFileError

__all__ = ["ACLED_SOURCE", "TIME_PRECISION", "read_acled"]

#: What ACLED's ``time_precision`` codes mean, and the period claimdiff gives each.
TIME_PRECISION = {1: "the day", 2: "the week around the date", 3: "the month"}
#: The source of every ACLED figure.
ACLED_SOURCE: Mapping[str, str] = {"name": "ACLED", "kind": "ngo"}
_REQUIRED = ("event_id_cnty", "event_date", "fatalities", "country")


def read_acled(
    table: str | os.PathLike[str] | Any,
    *,
    extract_notes: bool = False,
    name: str | None = None,
    hedges: HedgePolicy = ACLED_HEDGES,
) -> LoadedClaims:
    """Read ACLED events (a CSV export, a DataFrame or rows) as claims, one per event.

    >>> rows = [{"event_id_cnty": "SYR1", "event_date": "30 December 2023", "time_precision": 2, "fatalities": 5,
    ...          "country": "Syria", "admin1": "Idlib", "admin2": None, "source": "SOHR; Step News Agency",
    ...          "event_type": "Explosions/Remote violence",
    ...          "notes": "On 30 December 2023, shelling killed 7 civilians in Idlib, SOHR said."}]
    >>> loaded = read_acled(rows, extract_notes=True)
    >>> acled, note = loaded.claims
    >>> acled.id, acled.estimate.describe(), acled.scope.place, acled.period.isoformat()
    ('acled-SYR1', '5', ('Syria', 'Idlib'), '2023-12-27/2024-01-02')
    >>> note.id, note.estimate.describe(), note.source.name
    ('acled-SYR1/notes/syrian-observatory-for-killed-civilians', '7', 'Syrian Observatory for Human Rights')

    Args:
        table: An ACLED CSV export, a :class:`pandas.DataFrame` of its rows, or an iterable of mappings.
        extract_notes: Also read the figures in each event's ``notes`` as claims (ids ``acled-<id>/notes/...``).
        name: The table's name in messages (default: the path).
        hedges: How hedged figures in the notes are read (ACLED's own reading by default: "dozens" is 12).

    Returns:
        The claims, and the rows that could not be read with their reasons.

    Raises:
        ClaimFileError: The table cannot be read or lacks one of the columns
            ``event_id_cnty, event_date, fatalities, country``.

    .. versionadded:: 0.2.0
    """
    label, rows = table_rows(table, name, _REQUIRED)
    notes: list[Claim] = []
    # ``notes`` fills while the rows are read, before read_mappings adds it at the end.
    return read_mappings(_mappings(rows, label, notes if extract_notes else None, hedges), column_of=_COLUMN_OF,
                         name=label, hedges=hedges, extra=notes)


_COLUMN_OF = {"value": "fatalities", "period": "event_date", "place": "country", "id": "event_id_cnty"}


def _date(value: Any) -> dt.date | None:
    text = clean_cell(value)
    if text is None:
        return None
    text = str(text)
    for form in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text[:10] if form == "%Y-%m-%d" else text, form).date()  # noqa: DTZ007 - a day
        except ValueError:
            continue
    return None


def _period(day: dt.date, precision: int | None) -> Any:
    if precision == 2:
        return {"start": (day - dt.timedelta(days=3)).isoformat(), "end": (day + dt.timedelta(days=3)).isoformat()}
    if precision == 3:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _mappings(
    rows: Iterator[tuple[Hashable, Mapping[str, Any]]], name: str, notes: list[Claim] | None, hedges: HedgePolicy
) -> Iterator[tuple[Hashable, Mapping[str, Any] | ClaimFileError]]:
    for label, row in rows:
        eid = clean_cell(row.get("event_id_cnty"))
        cid = f"acled-{eid}"
        where = label if isinstance(label, str) else f"row {label}"
        day = _date(row.get("event_date"))
        if day is None:
            yield label, ClaimFileError(name, f"{where}, column 'event_date'", cid,
                                        f"is not a date (got {clean_cell(row.get('event_date'))!r})")
            continue
        precision = clean_cell(row.get("time_precision"))
        try:
            precision = None if precision is None else int(precision)
        except (TypeError, ValueError):
            precision = None
        out: dict[str, Any] = {"id": cid, "metric": "killed", "counted": "people", "event": cid,
                               "source": dict(ACLED_SOURCE), "period": _period(day, precision)}
        fatalities = clean_cell(row.get("fatalities"))
        if fatalities is not None:
            out["value"] = fatalities
        place = [p for p in (clean_cell(row.get(k)) for k in ("country", "admin1", "admin2", "admin3")) if p]
        if place:
            out["place"] = " > ".join(str(p).replace(">", "-") for p in place)
        bits = []
        if precision is not None:
            bits.append(f"time_precision {precision} ({TIME_PRECISION.get(precision, 'unknown code')})")
        bits.extend(f"{key} {clean_cell(row.get(key))}" for key in ("event_type", "sub_event_type", "location")
                    if clean_cell(row.get(key)) is not None)
        sources = [s.strip() for s in str(clean_cell(row.get("source")) or "").split(";") if s.strip()]
        if sources:
            scale = clean_cell(row.get("source_scale"))
            bits.append("sources: " + "; ".join(sources) + (f" ({scale})" if scale else ""))
        if bits:
            out["note"] = "; ".join(bits)
        yield label, out
        text = clean_cell(row.get("notes"))
        if notes is not None and text:
            notes.extend(_note_claims(str(text), day, cid, out.get("place"), hedges))


def _note_claims(text: str, day: dt.date, cid: str, place: str | None, hedges: HedgePolicy) -> list[Claim]:
    from claimdiff._extract import extract  # noqa: PLC0415 - the extractor loads its tables on first use

    found = extract(text, published=day, outlet=ACLED_SOURCE["name"], hedges=hedges)
    out = []
    for candidate in found:
        c = candidate.claim
        # The note is about this event: ACLED's place, not the narrower or looser one the text names.
        scope = attrs.evolve(c.scope, place=place, event=cid) if place else attrs.evolve(c.scope, event=cid)
        said = f"; the text names the place {c.scope.place_text()!r}" if c.scope.place else ""
        out.append(attrs.evolve(
            c, id=f"{cid}/notes/{c.id}", scope=scope, part_of=None if c.part_of is None else f"{cid}/notes/{c.part_of}",
            note=f"read from ACLED's notes for {cid}{said}",
        ))
    return out
