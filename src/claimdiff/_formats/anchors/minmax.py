"""Incident lists with a minimum and a maximum toll: Iraq Body Count (IBC) and Airwars.

Both publish one incident per row with the lowest and the highest number of civilians
reported killed; each row becomes one claim ``killed`` ``civilians`` = ``[min, max]``
(exact when they are equal) from the list's maintainer. Airwars grades each incident
(``Confirmed``, ``Fair``, ``Weak``, ``Contested``, ``Discounted``); the grade, the belligerent and
the sources are kept in the note, the grade is kept on the claim as data
(``SourceGrade("airwars", "Fair", meaning=...)``, see :attr:`claimdiff.Claim.source_grade`) so that a
report shows it beside claimdiff's own grade, the grade sets the claim's rank (``Confirmed`` is ``preferred``,
``Discounted`` is ``deprecated``, the others normal; see :attr:`claimdiff.Claim.rank`), and
``grades=`` keeps only some grades (the others are rejected with their grade as the reason, never
dropped).

The column names follow the lists' CSV exports (column names match without case, spaces or
underscores, and IBC's download is read under its 11-line preamble); pass ``columns=`` to map others.
One column named for both ``min`` and ``max`` holds the range itself, as Airwars' incident pages write
it (``1 – 2``). A row with no figure (both cells empty, or ``Unknown``) is rejected with that reason.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Hashable, Iterator, Mapping
from typing import Any

from claimdiff._formats.anchors._dates import DayOrder, day_order, read_day
from claimdiff._formats.anchors._grades import Grades
from claimdiff._formats.anchors._rows import (
    Table,
    column_key,
    count_cell,
    range_cell,
    read_table,
    where,
)
from claimdiff._formats.claims_file import LoadedClaims
from claimdiff._formats.frames import clean_cell, read_mappings
from claimdiff._model.source_grade import SourceGrade
from claimdiff.exceptions import ClaimFileError

__all__ = [
    "AIRWARS_COLUMNS",
    "AIRWARS_GRADES",
    "AIRWARS_GRADE_MEANINGS",
    "IBC_COLUMNS",
    "read_airwars",
    "read_ibc",
]

#: IBC's incident export: which column holds each part of a claim.
IBC_COLUMNS: Mapping[str, str] = {
    "id": "IBC code",
    "start": "Start Date",
    "end": "End Date",
    "place": "Location",
    "min": "Reported Minimum",
    "max": "Reported Maximum",
    "sources": "Sources",
    "note": "Weapons",
}
#: Airwars' civilian-harm export.
AIRWARS_COLUMNS: Mapping[str, str] = {
    "id": "code",
    "start": "date",
    "end": "date",
    "country": "country",
    "place": "location",
    "min": "civilians_killed_min",
    "max": "civilians_killed_max",
    "grade": "grading",
    "party": "belligerent",
    "sources": "sources",
}
#: Airwars' grades, from the best supported.
AIRWARS_GRADES = ("Confirmed", "Fair", "Weak", "Contested", "Discounted")
# Airwars' grades that say how far a figure may be put forward: a belligerent's own admission is preferred,
# a discounted incident never best (see the ``airwars`` and ``wikidata`` policies); the others stay normal.
_GRADE_RANKS = {"confirmed": "preferred", "discounted": "deprecated"}
#: What each grade means, in the words of Airwars' methodology (airwars.org/about/methodology).
AIRWARS_GRADE_MEANINGS: Mapping[str, str] = {
    "confirmed": "a belligerent has accepted responsibility",
    "fair": "reported by two or more credible sources",
    "weak": "a single-source claim",
    "contested": "competing claims of responsibility",
    "discounted": "ruled out since it was first reported",
}


def read_ibc(
    table: str | os.PathLike[str] | Any,
    *,
    columns: Mapping[str, str] = IBC_COLUMNS,
    country: str = "Iraq",
    name: str | None = None,
    dayfirst: bool | None = None,
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
    t = read_table(table, name, [columns["id"], columns["min"], columns["max"]])
    source = {"name": "Iraq Body Count", "kind": "ngo"}
    return read_mappings(
        _mappings(
            t,
            columns,
            "ibc",
            source,
            country=country,
            grades=None,
            dayfirst=dayfirst,
            kept=Grades(),
        ),
        column_of={"value": columns["min"], "id": columns["id"]},
        name=t.name,
    )


def read_airwars(
    table: str | os.PathLike[str] | Any,
    *,
    columns: Mapping[str, str] = AIRWARS_COLUMNS,
    grades: Collection[str] | None = None,
    name: str | None = None,
    dayfirst: bool | None = None,
) -> LoadedClaims:
    """Read Airwars incidents as claims of civilians killed, ``[min, max]``, keeping each incident's grade.

    >>> rows = [{"code": "CS1", "date": "2017-03-17", "country": "Iraq", "location": "Mosul",
    ...          "civilians_killed_min": 105, "civilians_killed_max": 141, "grading": "Confirmed",
    ...          "belligerent": "US-led Coalition"},
    ...         {"code": "CS2", "date": "2017-03-18", "country": "Iraq", "location": "Mosul",
    ...          "civilians_killed_min": 2, "civilians_killed_max": 2, "grading": "Weak"}]
    >>> loaded = read_airwars(rows, grades={"Confirmed", "Fair"})
    >>> [(c.id, c.estimate.interval_text(), c.note) for c in loaded.claims]
    [('airwars-CS1', '[105, 141]', 'Airwars grade Confirmed; belligerent US-led Coalition')]
    >>> loaded.claims[0].source_grade.describe()
    'Airwars grades it Confirmed (a belligerent has accepted responsibility)'
    >>> print(loaded.rejected[0].reason)
    is graded Weak; grades kept: Confirmed, Fair

    Args:
        table: A CSV export, a DataFrame or rows.
        columns: Which column holds each part: ``id``, ``start``, ``end``, ``country``, ``place``, ``min``,
            ``max``, ``grade``, ``party``, ``sources`` (by default Airwars' export names, ``code``, ``date``, ...).
        grades: The grades to keep (default: all); others are rejected with their grade.
        name: The table's name in messages.
        dayfirst: Whether numeric dates put the day first; by default the file's own unambiguous dates
            settle it, and an ambiguous date is otherwise rejected with its row.

    .. versionadded:: 0.2.0
    """
    t = read_table(table, name, [columns["id"], columns["min"], columns["max"]])
    source = {"name": "Airwars", "kind": "ngo"}
    kept = Grades()
    loaded = read_mappings(
        _mappings(
            t, columns, "airwars", source, country=None, grades=grades, dayfirst=dayfirst, kept=kept
        ),
        column_of={"value": columns["min"], "id": columns["id"]},
        name=t.name,
    )
    return kept.apply(loaded)


def _mappings(
    table: Table,
    columns: Mapping[str, str],
    prefix: str,
    source: Mapping[str, str],
    *,
    country: str | None,
    grades: Collection[str] | None,
    dayfirst: bool | None,
    kept: Grades,
) -> Iterator[tuple[Hashable, Mapping[str, Any] | ClaimFileError]]:
    name = table.name
    keys = {k: column_key(v) for k, v in columns.items()}
    dates = [keys[k] for k in ("start", "end") if k in keys]
    order = day_order(
        ((label, cell) for key in dict.fromkeys(dates) for label, cell in table.values(key)),
        dayfirst,
    )

    for label, row in table.rows():
        if isinstance(row, ClaimFileError):
            yield label, row
            continue
        out = _incident(row, label, name, keys, columns, prefix, source, country, grades, order)
        if not isinstance(out, ClaimFileError) and prefix == "airwars":
            kept.note(
                out["id"],
                _airwars_grade(clean_cell(row.get(keys["grade"])) if "grade" in keys else None),
            )
        yield label, out


def _incident(
    row: Mapping[str, Any],
    label: Hashable,
    name: str,
    keys: Mapping[str, str],
    columns: Mapping[str, str],
    prefix: str,
    source: Mapping[str, str],
    country: str | None,
    grades: Collection[str] | None,
    order: DayOrder,
) -> Mapping[str, Any] | ClaimFileError:
    def cell(key: str) -> str:
        value = clean_cell(row.get(keys[key])) if key in keys else None
        return "" if value is None else str(value)

    cid = f"{prefix}-{cell('id')}"
    at = where(label)
    grade = cell("grade")
    if grades is not None and grade.casefold() not in {g.casefold() for g in grades}:
        return ClaimFileError(
            name,
            f"{at}, column {columns['grade']!r}",
            cid,
            f"is graded {grade or 'nothing'}; grades kept: {', '.join(sorted(grades))}",
        )
    figures = _figures(row, keys)
    if isinstance(figures, tuple) and isinstance(figures[1], str):
        key, reason = figures
        return ClaimFileError(
            name, f"{at}, column {columns[key]!r}", cid, f"{reason} (got {cell(key)!r})"
        )
    low, high = figures
    if low is None and high is None:
        both = (
            columns["min"]
            if columns["min"] == columns["max"]
            else f"{columns['min']}/{columns['max']}"
        )
        return ClaimFileError(name, f"{at}, column {both!r}", cid, "gives no number (empty)")
    out: dict[str, Any] = {
        "id": cid,
        "metric": "killed",
        "counted": "civilians",
        "source": dict(source),
        "event": cid,
    }
    out["value"] = (
        low
        if low == high
        else {
            "low": low if low is not None else 0,
            **({"high": high} if high is not None else {}),
            "hedge": "range",
        }
    )
    place = [p for p in (country or cell("country"), cell("place")) if p]
    if place:
        out["place"] = " > ".join(p.replace(">", "-") for p in place)
    days = {}
    for key in ("start", "end"):
        if cell(key):
            day = read_day(cell(key), order)
            if isinstance(day, str):
                return ClaimFileError(name, f"{at}, column {columns[key]!r}", cid, day)
            days[key] = day
    if days:
        first, last = days.get("start", days.get("end")), days.get("end", days.get("start"))
        out["period"] = {"start": _first(first), "end": _last(last)}
    rank = _GRADE_RANKS.get(grade.casefold()) if grade else None
    if rank is not None:
        out["rank"] = rank
    notes = [f"{source['name']} grade {grade}"] if grade else []
    if cell("party"):
        notes.append(f"belligerent {cell('party')}")
    if cell("note"):
        notes.append(cell("note"))
    if cell("sources"):
        notes.append(f"sources: {cell('sources')}")
    if notes:
        out["note"] = "; ".join(notes)
    return out


def _figures(
    row: Mapping[str, Any], keys: Mapping[str, str]
) -> tuple[int | None, int | None] | tuple[str, str]:
    """The row's ``(low, high)``, or ``(column part, reason)`` when a cell is unreadable.

    One column named for both ``min`` and ``max`` holds the range itself, as Airwars' incident pages
    write it (``1 – 2``); two columns hold one count each.
    """
    if keys["min"] == keys["max"]:
        both = range_cell(clean_cell(row.get(keys["min"])))
        return ("min", both) if isinstance(both, str) else both
    low, high = (count_cell(clean_cell(row.get(keys[k]))) for k in ("min", "max"))
    if isinstance(low, str):
        return "min", low
    if isinstance(high, str):
        return "max", high
    return low, high


def _airwars_grade(cell: Any) -> SourceGrade | None:
    """Airwars' grade of a row as data, in Airwars' own spelling; ``None`` when the row gives none."""
    text = "" if cell is None else " ".join(str(cell).split())
    if not text:
        return None
    known = next((g for g in AIRWARS_GRADES if g.casefold() == text.casefold()), None)
    return SourceGrade(
        "airwars", known or text, meaning=AIRWARS_GRADE_MEANINGS.get(text.casefold(), "")
    )


def _first(day: Any) -> str:
    period = day.period()
    return str(period["start"]) if isinstance(period, Mapping) else str(period)


def _last(day: Any) -> str:
    period = day.period()
    return str(period["end"]) if isinstance(period, Mapping) else str(period)
