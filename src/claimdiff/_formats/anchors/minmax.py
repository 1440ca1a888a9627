"""Incident lists with a minimum and a maximum toll: Iraq Body Count (IBC) and Airwars.

Both publish one incident per row with the lowest and the highest number of civilians
reported killed; each row becomes one claim ``killed`` ``civilians`` = ``[min, max]``
(exact when they are equal) from the list's maintainer. Airwars grades each incident
(``Confirmed``, ``Fair``, ``Weak``, ``Contested``, ``Discounted``); the grade, the belligerent and
the sources are kept in the note, the grade sets the claim's rank (``Confirmed`` is ``preferred``,
``Discounted`` is ``deprecated``, the others normal; see :attr:`claimdiff.Claim.rank`), and
``grades=`` keeps only some grades (the others are rejected with their grade as the reason, never
dropped).

The column names follow the lists' CSV exports; pass ``columns=`` to map others.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Collection, Hashable, Iterator, Mapping
from typing import Any

from claimdiff._formats.anchors._rows import table_rows
from claimdiff._formats.claims_file import LoadedClaims
from claimdiff._formats.frames import clean_cell, read_mappings
from claimdiff.exceptions import ClaimFileError

__all__ = ["AIRWARS_COLUMNS", "AIRWARS_GRADES", "IBC_COLUMNS", "read_airwars", "read_ibc"]

#: IBC's incident export: which column holds each part of a claim.
IBC_COLUMNS: Mapping[str, str] = {
    "id": "IBC code", "start": "Start Date", "end": "End Date", "place": "Location", "min": "Reported Minimum",
    "max": "Reported Maximum", "sources": "Sources", "note": "Weapons",
}
#: Airwars' civilian-harm export.
AIRWARS_COLUMNS: Mapping[str, str] = {
    "id": "code", "start": "date", "end": "date", "country": "country", "place": "location",
    "min": "civilians_killed_min", "max": "civilians_killed_max", "grade": "grading", "party": "belligerent",
    "sources": "sources",
}
#: Airwars' grades, from the best supported.
AIRWARS_GRADES = ("Confirmed", "Fair", "Weak", "Contested", "Discounted")
# Airwars' grades that say how far a figure may be put forward: a belligerent's own admission is preferred,
# a discounted incident never best (see the ``airwars`` and ``wikidata`` policies); the others stay normal.
_GRADE_RANKS = {"confirmed": "preferred", "discounted": "deprecated"}
_FORMS = ("%Y-%m-%d", "%d %b %Y", "%d %B %Y", "%d/%m/%Y", "%d-%b-%Y")


def _day(value: Any) -> str | None:
    text = clean_cell(value)
    if text is None:
        return None
    for form in _FORMS:
        try:
            return dt.datetime.strptime(str(text)[:10] if form == "%Y-%m-%d" else str(text), form).date().isoformat()  # noqa: DTZ007
        except ValueError:
            continue
    return None


def read_ibc(
    table: str | os.PathLike[str] | Any, *, columns: Mapping[str, str] = IBC_COLUMNS, country: str = "Iraq",
    name: str | None = None,
) -> LoadedClaims:
    """Read Iraq Body Count incidents as claims of civilians killed, ``[Reported Minimum, Reported Maximum]``.

    >>> loaded = read_ibc([{"IBC code": "k1", "Start Date": "3 Jan 2004", "End Date": "3 Jan 2004",
    ...                     "Location": "Baghdad", "Reported Minimum": 4, "Reported Maximum": 6,
    ...                     "Sources": "AP; Reuters", "Weapons": "car bomb"}])
    >>> c = loaded.claims[0]
    >>> c.id, c.estimate.interval_text(), c.scope.place, c.period.isoformat(), c.source.name
    ('ibc-k1', '[4, 6]', ('Iraq', 'Baghdad'), '2004-01-03', 'Iraq Body Count')

    .. versionadded:: 0.2.0
    """
    label, rows = table_rows(table, name, [columns["id"], columns["min"], columns["max"]])
    source = {"name": "Iraq Body Count", "kind": "ngo"}
    return read_mappings(_mappings(rows, label, columns, "ibc", source, country=country, grades=None),
                         column_of={"value": columns["min"], "id": columns["id"]}, name=label)


def read_airwars(
    table: str | os.PathLike[str] | Any, *, columns: Mapping[str, str] = AIRWARS_COLUMNS,
    grades: Collection[str] | None = None, name: str | None = None,
) -> LoadedClaims:
    """Read Airwars incidents as claims of civilians killed, ``[min, max]``, keeping each incident's grade.

    >>> rows = [{"code": "CS1", "date": "2017-03-17", "country": "Iraq", "location": "Mosul",
    ...          "civilians_killed_min": 105, "civilians_killed_max": 141, "grading": "Confirmed",
    ...          "belligerent": "US-led Coalition"},
    ...         {"code": "CS2", "date": "2017-03-18", "country": "Iraq", "location": "Mosul",
    ...          "civilians_killed_min": 2, "civilians_killed_max": 2, "grading": "Weak"}]
    >>> loaded = read_airwars(rows, grades={"Confirmed", "Fair"})
    >>> [(c.id, c.estimate.interval_text(), c.note) for c in loaded.claims]
    [('airwars-CS1', '[105, 141]', 'grade Confirmed; belligerent US-led Coalition')]
    >>> print(loaded.rejected[0].reason)
    is graded Weak; grades kept: Confirmed, Fair

    Args:
        table: A CSV export, a DataFrame or rows.
        columns: Which column holds each part: ``id``, ``start``, ``end``, ``country``, ``place``, ``min``,
            ``max``, ``grade``, ``party``, ``sources`` (by default Airwars' export names, ``code``, ``date``, ...).
        grades: The grades to keep (default: all); others are rejected with their grade.
        name: The table's name in messages.

    .. versionadded:: 0.2.0
    """
    label, rows = table_rows(table, name, [columns["id"], columns["min"], columns["max"]])
    source = {"name": "Airwars", "kind": "ngo"}
    return read_mappings(_mappings(rows, label, columns, "airwars", source, country=None, grades=grades),
                         column_of={"value": columns["min"], "id": columns["id"]}, name=label)


def _mappings(
    rows: Iterator[tuple[Hashable, Mapping[str, Any]]], name: str, columns: Mapping[str, str], prefix: str,
    source: Mapping[str, str], *, country: str | None, grades: Collection[str] | None,
) -> Iterator[tuple[Hashable, Mapping[str, Any] | ClaimFileError]]:
    def cell(key: str) -> Any:
        return clean_cell(row.get(columns[key])) if key in columns else None

    for label, row in rows:
        cid = f"{prefix}-{cell('id')}"
        grade = cell("grade")
        if grades is not None and grade not in grades:
            where = label if isinstance(label, str) else f"row {label}"
            yield label, ClaimFileError(name, f"{where}, column {columns['grade']!r}", cid,
                                        f"is graded {grade}; grades kept: {', '.join(sorted(grades))}")
            continue
        low, high = cell("min"), cell("max")
        out: dict[str, Any] = {"id": cid, "metric": "killed", "counted": "civilians", "source": dict(source),
                               "event": cid}
        if low is not None or high is not None:
            out["value"] = low if low == high else {"low": low if low is not None else 0,
                                                    **({"high": high} if high is not None else {}), "hedge": "range"}
        place = [p for p in (country or cell("country"), cell("place")) if p]
        if place:
            out["place"] = " > ".join(str(p).replace(">", "-") for p in place)
        start, end = _day(row.get(columns.get("start", ""))), _day(row.get(columns.get("end", "")))
        if start is not None:
            out["period"] = {"start": start, "end": end or start}
        rank = _GRADE_RANKS.get(str(grade).strip().casefold()) if grade else None
        if rank is not None:
            out["rank"] = rank
        notes = [f"grade {grade}"] if grade else []
        if cell("party"):
            notes.append(f"belligerent {cell('party')}")
        if cell("note"):
            notes.append(str(cell("note")))
        if cell("sources"):
            notes.append(f"sources: {cell('sources')}")
        if notes:
            out["note"] = "; ".join(notes)
        yield label, out
