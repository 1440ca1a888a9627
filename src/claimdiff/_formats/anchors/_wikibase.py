"""The Wikibase JSON data model, read defensively: statements, snaks, times, quantities and item ids.

Every accessor checks the shape it reads (mediawiki.org/wiki/Wikibase/DataModel/JSON) and raises
:class:`Malformed` with the path and the reason when a document breaks it (a string where a list of
statements is, a list where a snak is, a precision ``'x'``, an amount of 5,000 digits), so the
reader rejects that statement with its location and keeps the others.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from typing import Any

__all__ = [
    "PLACE_PROPERTIES",
    "Malformed",
    "amount",
    "entity_items",
    "entity_period",
    "item_id",
    "mainsnak",
    "period_end",
    "period_start",
    "place_path",
    "qualifier_snaks",
    "ranked",
    "reference_source",
    "snaks_of",
    "span",
    "statements_of",
    "time_period",
    "total_id",
    "value_of",
]
PLACE_PROPERTIES = ("P17", "P131", "P276")  # country, administrative area, location: widest first

# Wikidata time precision: 9 year, 10 month, 11 day (finer ones are read as the day).
_YEAR, _MONTH, _DAY = 9, 10, 11
_TIME = re.compile(r"\+?(\d{4})-(\d{2})-(\d{2})T")
_AMOUNT = re.compile(r"[+-]?\d{1,30}(?:\.\d{1,30})?")
_ITEM = re.compile(r"[QPL]\d{1,12}")


class Malformed(Exception):  # noqa: N818 - a signal inside the reader, turned into a ClaimFileError
    """A part of a Wikidata document that does not follow the data model: where, and why."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(where, reason)
        self.where = where
        self.reason = reason


def _kind(value: Any) -> str:
    return type(value).__name__


def statements_of(claims: Any, prop: str, where: str) -> list[Mapping[str, Any]]:
    """The statements of ``prop`` in an entity's ``claims`` (empty when it has none)."""
    found = claims.get(prop, [])
    if not isinstance(found, list):
        raise Malformed(where, f"must be a list of statements (got {_kind(found)})")
    return found


def snaks_of(group: Any, where: str) -> Mapping[str, list[Mapping[str, Any]]]:
    """A ``qualifiers`` or reference ``snaks`` object: property -> list of snaks, checked."""
    if group is None:
        return {}
    if not isinstance(group, Mapping):
        raise Malformed(where, f"must be an object of property -> snaks (got {_kind(group)})")
    for prop, snaks in group.items():
        if not isinstance(snaks, list) or not all(isinstance(s, Mapping) for s in snaks):
            raise Malformed(f"{where}.{prop}", "must be a list of snaks (objects)")
    return group


def qualifier_snaks(
    statement: Mapping[str, Any], prop: str, where: str
) -> Iterator[Mapping[str, Any]]:
    """The statement's value snaks for one qualifier property (``somevalue``/``novalue`` skipped)."""
    for snak in snaks_of(statement.get("qualifiers"), f"{where}.qualifiers").get(prop, []):
        if snak.get("snaktype", "value") == "value":
            yield snak


def value_of(snak: Mapping[str, Any]) -> Any:
    """A snak's ``datavalue.value``, or ``None``."""
    datavalue = snak.get("datavalue")
    return datavalue.get("value") if isinstance(datavalue, Mapping) else None


def item_id(snak: Mapping[str, Any], where: str) -> str | None:
    """The item a ``wikibase-entityid`` snak names (``Q42``), or ``None`` when it names none."""
    value = value_of(snak)
    if value is None:
        return None
    if (
        not isinstance(value, Mapping)
        or not isinstance(value.get("id"), str)
        or not _ITEM.fullmatch(value["id"])
    ):
        raise Malformed(where, f"must name an item as {{'id': 'Q...'}} (got {str(value)[:60]!r})")
    return str(value["id"])


def time_period(snak: Mapping[str, Any], where: str) -> Any:
    """A time snak as a claims-file period: the day, the month, or the year as a span."""
    value = value_of(snak)
    if not isinstance(value, Mapping) or not isinstance(value.get("time"), str):
        raise Malformed(where, f"must be a time value with a 'time' (got {str(value)[:60]!r})")
    precision = value.get("precision", _DAY)
    if not isinstance(precision, int) or isinstance(precision, bool) or not 0 <= precision <= 14:
        raise Malformed(f"{where}.precision", f"must be a whole number 0 to 14 (got {precision!r})")
    m = _TIME.match(value["time"])
    if m is None or value["time"].startswith("-") or m.group(1) == "0000":
        raise Malformed(
            f"{where}.time", f"is not a date of years 1 to 9999 (got {value['time'][:40]!r})"
        )
    year, month, day = m.groups()
    if precision < _YEAR:
        raise Malformed(
            f"{where}.precision", f"is coarser than a year ({precision}); no period can be given"
        )
    if precision >= _DAY and day != "00" and month != "00":
        return f"{year}-{month}-{day}"
    if precision >= _MONTH and month != "00":
        return f"{year}-{month}"
    return {"start": f"{year}-01-01", "end": f"{year}-12-31"}


def amount(value: Any, where: str) -> float | int:
    """A quantity's amount or bound (``"+25"``, ``"-1.5"``) as a finite number."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise Malformed(where, f"must be a decimal string such as '+25' (got {_kind(value)})")
    if isinstance(value, str) and not _AMOUNT.fullmatch(value.strip()):
        shown = value[:20] + ("..." if len(value) > 20 else "")
        raise Malformed(where, f"is not a decimal number of at most 30 digits (got {shown!r})")
    number = float(value)
    if not math.isfinite(number):
        raise Malformed(where, f"is not a finite number (got {value!r})")
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def entity_items(claims: Mapping[str, Any], prop: str, qid: str) -> list[str]:
    """The items an entity's own statements of ``prop`` name, best rank first, deprecated left out."""
    out = []
    for i, st in enumerate(ranked(statements_of(claims, prop, f"{qid}.claims.{prop}"))):
        snak = mainsnak(st, f"{qid}.claims.{prop}[{i}]")
        if snak.get("snaktype", "value") == "value" and (
            found := item_id(snak, f"{qid}.claims.{prop}[{i}]")
        ):
            out.append(found)
    return out


def entity_period(claims: Mapping[str, Any], qid: str) -> Any:
    """The entity's own period: its P585 (point in time), else its P580..P582 (start..end), else None."""

    def period_start(prop: str) -> Any:
        for i, st in enumerate(ranked(statements_of(claims, prop, f"{qid}.claims.{prop}"))):
            snak = mainsnak(st, f"{qid}.claims.{prop}[{i}]")
            if snak.get("snaktype", "value") == "value":
                return time_period(snak, f"{qid}.claims.{prop}[{i}].mainsnak")
        return None

    point = period_start("P585")
    if point is not None:
        return point
    start, end = period_start("P580"), period_start("P582")
    return span(start, end)


def span(start: Any, end: Any) -> Any:
    if start is None and end is None:
        return None
    if start is None:
        return end
    return {"start": period_start(start), "end": period_end(end if end is not None else start)}


def ranked(statements: list[Any]) -> list[Mapping[str, Any]]:
    kept = [st for st in statements if isinstance(st, Mapping) and st.get("rank") != "deprecated"]
    return sorted(kept, key=lambda st: st.get("rank") != "preferred")


def mainsnak(st: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(st, Mapping):
        raise Malformed(where, f"must be a statement (an object; got {type(st).__name__})")
    snak = st.get("mainsnak")
    if not isinstance(snak, Mapping):
        raise Malformed(
            f"{where}.mainsnak", f"must be a snak (an object; got {type(snak).__name__})"
        )
    return snak


def total_id(statements: list[Any], qid: str, prop: str) -> str | None:
    """The id of the statement the parts (``P518``) belong to: the preferred one with no part, else the first."""
    whole = [
        st
        for st in ranked(statements)
        if not (isinstance(st.get("qualifiers"), Mapping) and st["qualifiers"].get("P518"))
    ]
    if not whole:
        return None
    i = statements.index(whole[0])
    return f"wikidata-{whole[0].get('id') or f'{qid}-{prop}-{i}'}"


def place_path(items_of: Any, labels: Mapping[str, str]) -> list[str]:
    path: list[str] = []
    for prop in PLACE_PROPERTIES:
        for qid in items_of(prop)[:1]:
            label = labels.get(qid, qid).replace(">", "-")
            if label not in path:
                path.append(label)
    return path


def reference_source(statement: Mapping[str, Any], labels: Mapping[str, str], at: str) -> Any:
    references = statement.get("references") or []
    if not isinstance(references, list):
        raise Malformed(
            f"{at}.references", f"must be a list of references (got {type(references).__name__})"
        )
    for j, ref in enumerate(references):
        if not isinstance(ref, Mapping):
            raise Malformed(
                f"{at}.references[{j}]",
                f"must be a reference (an object; got {type(ref).__name__})",
            )
        snaks = snaks_of(ref.get("snaks"), f"{at}.references[{j}].snaks")
        for snak in snaks.get("P248", []):
            if found := item_id(snak, f"{at}.references[{j}].snaks.P248"):
                return labels.get(found, found)
        for prop in ("P1932", "P854"):  # stated as (text), then reference URL
            for snak in snaks.get(prop, []):
                text = value_of(snak)
                if isinstance(text, str) and text.strip():
                    return text.strip()[:500]
    return {"name": "Wikidata", "kind": "other"}


def period_start(period: Any) -> str:
    return str(period["start"]) if isinstance(period, Mapping) else str(period)


def period_end(period: Any) -> str:
    return str(period["end"]) if isinstance(period, Mapping) else str(period)
