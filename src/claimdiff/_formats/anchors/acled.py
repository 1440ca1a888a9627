"""ACLED's event data: one political-violence or protest event per row, with a conservative fatality count.

Each event becomes one claim: ``killed`` ``people`` in ``country > admin1 > admin2 > admin3``,
for the event ``acled-<event_id_cnty>``, stated by ACLED. ``fatalities`` is ACLED's own figure,
an exact count (ACLED codes the lowest figure its sources support). The event date becomes a
period by its ``time_precision``: 1 is the day, 2 the week around it (the date ±3 days), 3 the
calendar month. The sources (``source``, split on ``;``), the source scale, the event type and
the precision are kept in the note; the codes ``time_precision`` and ``geo_precision`` are also kept on
the claim as data (``SourceGrade("acled", codes={"time_precision": 1, "geo_precision": 2})``, see
:attr:`claimdiff.Claim.source_grade`). With ``extract_notes=True`` the figures in the ``notes``
column ("... killed 5 civilians, according to local sources") are read by :func:`claimdiff.extract`
(passed in by :func:`claimdiff.formats.read_acled`: this module imports nothing of extraction) as further claims, each from the source the note names, so ACLED's coding can be checked
against the reports it summarises.

Every vintage of ACLED's export is read: the older UPPERCASE headers (``EVENT_ID_CNTY``), today's
lower-case ones, and the API's JSON response (``{"status": 200, "success": true, "data": [...]}``,
every cell a string). Dates are read in every written form ACLED has used (``18/04/2001``,
``16 February 2024``, ``2024-02-16``); the order of day and month in numeric dates is settled by
the file's own unambiguous dates. A row whose date, ``time_precision`` (1, 2 or 3) or
``fatalities`` cannot be read is rejected with its line and column; the other rows are kept.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from claimdiff._formats.anchors._dates import Day, DayOrder, day_order, read_day
from claimdiff._formats.anchors._grades import Grades
from claimdiff._formats.anchors._rows import Table, count_cell, read_table, where
from claimdiff._formats.claims_file import LoadedClaims
from claimdiff._formats.frames import clean_cell, read_mappings
from claimdiff._model.claim import Claim
from claimdiff._model.hedges import ACLED_HEDGES, HedgePolicy
from claimdiff._model.source_grade import SourceGrade
from claimdiff.exceptions import ClaimFileError

__all__ = ["ACLED_SOURCE", "GEO_PRECISION", "TIME_PRECISION", "NoteReader", "read_acled_events"]

#: What reads the figures of an event's notes: the text, the event's day and the hedges -> the claims found.
NoteReader = Callable[[str, dt.date, HedgePolicy], Iterable[Claim]]

#: What ACLED's ``time_precision`` codes mean, and the period claimdiff gives each.
TIME_PRECISION = {1: "the day", 2: "the week around the date", 3: "the month"}
#: What ACLED's ``geo_precision`` codes mean (ACLED codebook): how closely the place is known.
GEO_PRECISION = {
    1: "the town or location itself",
    2: "near a town, or a part of a region: the nearest town is coded",
    3: "only a larger region: its capital is coded",
}
#: The source of every ACLED figure.
ACLED_SOURCE: Mapping[str, str] = {"name": "ACLED", "kind": "ngo"}
_REQUIRED = ("event_id_cnty", "event_date", "fatalities", "country")


def read_acled_events(
    table: str | os.PathLike[str] | Any,
    *,
    notes: NoteReader | None = None,
    name: str | None = None,
    hedges: HedgePolicy = ACLED_HEDGES,
    dayfirst: bool | None = None,
) -> LoadedClaims:
    """Read ACLED events as claims, one per event; the public reader is :func:`claimdiff.formats.read_acled`.

    Reading the figures in the events' notes needs the extractor, a layer above the file formats: it is
    passed in as ``notes`` (``claimdiff.formats.read_acled(..., extract_notes=True)`` passes
    :func:`claimdiff.extract`), so that this module imports nothing of extraction.

    >>> rows = [{"event_id_cnty": "SYR1", "event_date": "30 December 2023", "time_precision": 2, "fatalities": 5,
    ...          "country": "Syria", "admin1": "Idlib", "admin2": None, "source": "SOHR; Step News Agency",
    ...          "notes": "On 30 December 2023, shelling killed 7 civilians in Idlib, SOHR said."}]
    >>> (acled,) = read_acled_events(rows).claims
    >>> acled.id, acled.estimate.describe(), acled.scope.place, acled.period.isoformat()
    ('acled-SYR1', '5', ('Syria', 'Idlib'), '2023-12-27/2024-01-02')

    Args:
        table: An ACLED CSV export, a :class:`pandas.DataFrame` of its rows, or an iterable of mappings.
        notes: What reads the figures of one event's ``notes`` (its text, the event's day and ``hedges``) as
            claims; ``None`` reads no notes.
        name: The table's name in messages (default: the path).
        hedges: How hedged figures in the notes are read (ACLED's own reading by default: "dozens" is 12).
        dayfirst: Whether numeric dates (``1/12/2023``) put the day first (see :func:`claimdiff.formats.read_acled`).

    Raises:
        ClaimFileError: As :func:`claimdiff.formats.read_acled` says.
    """
    t = read_table(table, name, _REQUIRED)
    order = day_order(t.values("event_date"), dayfirst)
    found: list[Claim] = []
    kept = Grades()
    # ``found`` fills with the notes' claims while the rows are read, before read_mappings adds it at the end.
    loaded = read_mappings(
        _mappings(t, order, found, hedges, kept, notes),
        column_of=_COLUMN_OF,
        name=t.name,
        hedges=hedges,
        extra=found,
    )
    return kept.apply(loaded)


_COLUMN_OF = {
    "value": "fatalities",
    "period": "event_date",
    "place": "country",
    "id": "event_id_cnty",
}


def _period(day: Day, precision: int) -> Any:
    """The span ACLED's ``time_precision`` gives a date; OverflowError at the calendar's ends."""
    if precision == 2:
        return {
            "start": (day.date - dt.timedelta(days=3)).isoformat(),
            "end": (day.date + dt.timedelta(days=3)).isoformat(),
        }
    if precision == 3:
        return f"{day.date.year:04d}-{day.date.month:02d}"
    return day.period()


def _mappings(
    table: Table,
    order: DayOrder,
    found: list[Claim],
    hedges: HedgePolicy,
    kept: Grades,
    notes: NoteReader | None,
) -> Iterator[tuple[Hashable, Mapping[str, Any] | ClaimFileError]]:
    name = table.name
    for label, row in table.rows():
        if isinstance(row, ClaimFileError):
            yield label, row
            continue
        eid = _text(row.get("event_id_cnty"))
        cid = f"acled-{eid}"
        at = where(label)
        day = read_day(clean_cell(row.get("event_date")), order)
        if isinstance(day, str):
            yield label, ClaimFileError(name, f"{at}, column 'event_date'", cid, day)
            continue
        precision = count_cell(clean_cell(row.get("time_precision")))
        if isinstance(precision, str) or (
            precision is not None and precision not in TIME_PRECISION
        ):
            got = _text(row.get("time_precision"))
            yield (
                label,
                ClaimFileError(
                    name,
                    f"{at}, column 'time_precision'",
                    cid,
                    f"is not one of ACLED's codes {sorted(TIME_PRECISION)} (got {got!r})",
                ),
            )
            continue
        try:
            period = _period(day, precision or 1)
        except OverflowError:
            yield (
                label,
                ClaimFileError(
                    name,
                    f"{at}, columns 'event_date', 'time_precision'",
                    cid,
                    f"{day.date.isoformat()} with time_precision {precision} reaches past the end of the calendar",
                ),
            )
            continue
        fatalities = count_cell(clean_cell(row.get("fatalities")))
        if isinstance(fatalities, str):
            yield (
                label,
                ClaimFileError(
                    name,
                    f"{at}, column 'fatalities'",
                    cid,
                    f"{fatalities} (got {_text(row.get('fatalities'))!r})",
                ),
            )
            continue
        out: dict[str, Any] = {
            "id": cid,
            "metric": "killed",
            "counted": "people",
            "event": cid,
            "source": dict(ACLED_SOURCE),
            "period": period,
        }
        if fatalities is not None:
            out["value"] = fatalities
        place = [
            p for p in (_text(row.get(k)) for k in ("country", "admin1", "admin2", "admin3")) if p
        ]
        if place:
            out["place"] = " > ".join(p.replace(">", "-") for p in place)
        bits = []
        if precision is not None:
            bits.append(f"ACLED time_precision {precision} ({TIME_PRECISION[precision]})")
        bits.extend(
            f"{key} {_text(row.get(key))}"
            for key in ("event_type", "sub_event_type", "location")
            if _text(row.get(key))
        )
        sources = [s.strip() for s in _text(row.get("source")).split(";") if s.strip()]
        if sources:
            scale = _text(row.get("source_scale"))
            bits.append("sources: " + "; ".join(sources) + (f" ({scale})" if scale else ""))
        geo = count_cell(clean_cell(row.get("geo_precision")))
        if geo is not None and not (isinstance(geo, int) and geo in GEO_PRECISION):
            bits.append(
                f"geo_precision {_text(row.get('geo_precision'))!r} is not one of ACLED's codes"
            )
            geo = None
        if bits:
            out["note"] = "; ".join(bits)
        kept.note(cid, _grade(precision, geo))
        yield label, out
        text = _text(row.get("notes"))
        if notes is not None and text:
            found.extend(_note_claims(notes(text, day.date, hedges), cid, out.get("place")))


def _grade(time: int | None, geo: int | str | None) -> SourceGrade | None:
    """ACLED's precision codes of an event as data (``None`` when it gives neither)."""
    codes = [
        (n, c) for n, c in (("time_precision", time), ("geo_precision", geo)) if isinstance(c, int)
    ]
    if not codes:
        return None
    meaning = "; ".join(f"{_CODEBOOK[n][0]} {_CODEBOOK[n][1][c]}" for n, c in codes)
    return SourceGrade("acled", codes=codes, meaning=meaning)


_CODEBOOK = {
    "time_precision": ("date:", TIME_PRECISION),
    "geo_precision": ("place:", GEO_PRECISION),
}


def _text(value: Any) -> str:
    """A cell as text ("" when missing): ACLED's API gives every cell as text, a DataFrame may not."""
    cell = clean_cell(value)
    return "" if cell is None else str(cell)


def _note_claims(found: Iterable[Claim], cid: str, place: str | None) -> list[Claim]:
    """The claims read from the notes of event ``cid``, made claims about that event at ACLED's place."""
    out = []
    for c in found:
        # The note is about this event: ACLED's place, not the narrower or looser one the text names.
        scope = (
            attrs.evolve(c.scope, place=place, event=cid)
            if place
            else attrs.evolve(c.scope, event=cid)
        )
        said = f"; the text names the place {c.scope.place_text()!r}" if c.scope.place else ""
        out.append(
            attrs.evolve(
                c,
                id=f"{cid}/notes/{c.id}",
                scope=scope,
                part_of=None if c.part_of is None else f"{cid}/notes/{c.part_of}",
                note=f"read from ACLED's notes for {cid}{said}",
            )
        )
    return out
