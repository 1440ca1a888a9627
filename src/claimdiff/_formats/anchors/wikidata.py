"""Wikidata quantity statements, in and out: ``P1120`` (number of deaths) = 14 ± bounds, with qualifiers and references.

Reading: every quantity statement of the chosen properties becomes a claim. ``amount`` with
``lowerBound``/``upperBound`` is the figure (exact without bounds); the unit is a count (``"1"``)
or one of :data:`WIKIDATA_UNITS`; ``P585`` (point in time) is when it was stated, ``P580``/``P582``
(start/end time) the period it covers, each at the precision Wikidata gives (day, month or year);
the reference's ``P248`` (stated in) is the source, else its ``P1932`` (stated as) text, else its
``P854`` (reference URL), else Wikidata itself. The statement's rank is the claim's
:attr:`~claimdiff.Claim.rank`, and is kept with its ``P459`` (determination method) in the note; a deprecated statement is rejected with that reason, as is one with no value.

Writing gives statements in the same JSON (the Wikibase data model), ready for a bot or a
review: :func:`wikidata_statements` is the inverse of :func:`read_wikidata` for figures Wikidata
can hold (a number, or a number with both bounds).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any

from claimdiff._formats._io import read_text
from claimdiff._formats.claims_file import LoadedClaims
from claimdiff._formats.frames import read_mappings
from claimdiff._model.claim import Claim
from claimdiff._model.numbers import format_number
from claimdiff._model.period import Period
from claimdiff.exceptions import ClaimFileError, InvalidClaimError

__all__ = ["WIKIDATA_PROPERTIES", "WIKIDATA_UNITS", "read_wikidata", "wikidata_statements"]

#: The quantity properties read by default, as (metric, counted thing).
WIKIDATA_PROPERTIES: Mapping[str, tuple[str, str | None]] = {
    "P1120": ("killed", "people"),  # number of deaths
    "P1339": ("injured", "people"),  # number of injured
    "P1446": ("missing", "people"),  # number of missing
    "P1082": ("population", "people"),  # population
}
_ENTITY = "http://www.wikidata.org/entity/"
#: Wikidata unit items claimdiff reads, by Q-id, as pint unit names (a count is ``"1"``, no item).
WIKIDATA_UNITS: Mapping[str, str] = {
    "Q11573": "m",
    "Q828224": "km",
    "Q253276": "mile",
    "Q174728": "cm",
    "Q11570": "kg",
    "Q191118": "t",
    "Q25343": "m**2",
    "Q712226": "km**2",
    "Q232291": "mile**2",
    "Q35852": "hectare",
    "Q11582": "L",
    "Q11574": "s",
    "Q7727": "minute",
    "Q25235": "hour",
    "Q573": "day",
}
_UNIT_ITEMS = {v: k for k, v in WIKIDATA_UNITS.items()}
# Wikidata time precision: 9 year, 10 month, 11 day.
_YEAR, _MONTH, _DAY = 9, 10, 11


def read_wikidata(
    entity: Mapping[str, Any] | str | os.PathLike[str],
    *,
    properties: Mapping[str, tuple[str, str | None]] = WIKIDATA_PROPERTIES,
    labels: Mapping[str, str] | None = None,
    include_deprecated: bool = False,
    name: str | None = None,
) -> LoadedClaims:
    """Read the quantity statements of a Wikidata entity (``Special:EntityData/Q….json``) as claims.

    >>> entity = {"id": "Q1", "claims": {"P1120": [{
    ...     "id": "Q1$abc", "rank": "normal", "mainsnak": {"snaktype": "value", "property": "P1120",
    ...     "datavalue": {"type": "quantity", "value": {"amount": "+25", "lowerBound": "+24", "upperBound": "+26",
    ...                                                 "unit": "1"}}},
    ...     "qualifiers": {"P585": [{"snaktype": "value", "property": "P585", "datavalue": {"type": "time",
    ...                  "value": {"time": "+2023-12-00T00:00:00Z", "precision": 10}}}]},
    ...     "references": [{"snaks": {"P248": [{"snaktype": "value", "property": "P248",
    ...                  "datavalue": {"type": "wikibase-entityid", "value": {"id": "Q2"}}}]}}]}]}}
    >>> (claim,) = read_wikidata(entity, labels={"Q2": "Reuters"}).claims
    >>> claim.id, claim.estimate.interval_text(), claim.source.name, claim.stated.isoformat()
    ('wikidata-Q1$abc', '[24, 26]', 'Reuters', '2023-12-01/2023-12-31')

    Args:
        entity: The entity's JSON (one entity, or the ``{"entities": {...}}`` document), or a path to it.
        properties: The quantity properties to read, each as (metric, counted thing).
        labels: Names for Q-ids (sources, determination methods); a Q-id without one is named by its id.
        include_deprecated: Read deprecated statements too instead of rejecting them.
        name: The entity's name in messages (default: its id, or the path).

    Returns:
        The claims (ids ``wikidata-<statement id>``), and the statements that could not be read.

    Raises:
        ClaimFileError: The file cannot be read or is not an entity.

    .. versionadded:: 0.2.0
    """
    doc, label = _entity(entity, name)
    names = labels or {}
    mappings = _mappings(doc, label, properties, names, include_deprecated=include_deprecated)
    return read_mappings(mappings, column_of={}, name=label)


def _entity(entity: Mapping[str, Any] | str | os.PathLike[str], name: str | None) -> tuple[Mapping[str, Any], str]:
    if isinstance(entity, str | os.PathLike):
        path = os.fspath(entity)
        text = read_text(path, label=name)
        try:
            entity = json.loads(text)
        except ValueError as e:
            raise ClaimFileError(name or path, "$", None, f"cannot be read as JSON: {e}") from e
        name = name or path
    if not isinstance(entity, Mapping):
        raise ClaimFileError(name or "<entity>", "$", None, "must be a Wikidata entity (a JSON object)")
    if "entities" in entity and isinstance(entity["entities"], Mapping) and len(entity["entities"]) == 1:
        entity = next(iter(entity["entities"].values()))
    if not isinstance(entity, Mapping) or not isinstance(entity.get("claims", {}), Mapping):
        raise ClaimFileError(name or "<entity>", "$", None, "must be a Wikidata entity with a 'claims' object")
    return entity, name or str(entity.get("id", "<entity>"))


def _value(snak: Mapping[str, Any]) -> Any:
    return (snak.get("datavalue") or {}).get("value")


def _time(snak: Mapping[str, Any]) -> Any:
    """A Wikidata time value as a claims-file period (day, month, or a year as a span), or None."""
    value = _value(snak)
    if not isinstance(value, Mapping) or "time" not in value:
        return None
    text = str(value["time"]).lstrip("+")
    year, month, day = text[:4], text[5:7], text[8:10]
    precision = int(value.get("precision", _DAY))
    if precision >= _DAY and day != "00":
        return f"{year}-{month}-{day}"
    if precision == _MONTH or (precision >= _DAY and month != "00"):
        return f"{year}-{month}"
    if precision == _YEAR:
        return {"start": f"{year}-01-01", "end": f"{year}-12-31"}
    return None


def _number(text: Any) -> float | int:
    value = float(str(text))
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _mappings(
    entity: Mapping[str, Any],
    name: str,
    properties: Mapping[str, tuple[str, str | None]],
    labels: Mapping[str, str],
    *,
    include_deprecated: bool,
) -> Iterator[tuple[Hashable, Mapping[str, Any] | ClaimFileError]]:
    qid = str(entity.get("id", "")) or None
    for prop, statements in entity.get("claims", {}).items():
        if prop not in properties:
            continue
        metric, counted = properties[prop]
        for i, st in enumerate(statements):
            sid = str(st.get("id") or f"{qid}-{prop}-{i}")
            cid = f"wikidata-{sid}"
            where = f"{prop}[{i}]"
            snak = st.get("mainsnak") or {}
            value = _value(snak)
            rank = st.get("rank", "normal")
            if snak.get("snaktype", "value") != "value" or not isinstance(value, Mapping) or "amount" not in value:
                yield where, ClaimFileError(name, where, cid, f"has no quantity (snaktype {snak.get('snaktype')!r})")
                continue
            if rank == "deprecated" and not include_deprecated:
                yield (
                    where,
                    ClaimFileError(name, where, cid, "is a deprecated statement (include_deprecated=True reads it)"),
                )
                continue
            unit = str(value.get("unit", "1"))
            unit_name = "" if unit == "1" else WIKIDATA_UNITS.get(unit.removeprefix(_ENTITY))
            if unit_name is None:
                yield where, ClaimFileError(name, f"{where}.unit", cid, f"is a unit claimdiff does not know ({unit})")
                continue
            try:
                amount = _number(value["amount"])
                bounds = [_number(value[k]) for k in ("lowerBound", "upperBound") if k in value]
            except ValueError:
                yield where, ClaimFileError(name, f"{where}.amount", cid, f"is not a number ({value['amount']!r})")
                continue
            figure: Any = amount
            if len(bounds) == 2:
                figure = {"low": bounds[0], "high": bounds[1], "point": amount, "hedge": "range"}
            out: dict[str, Any] = {"id": cid, "metric": metric, "value": figure, "source": _source(st, labels)}
            if rank in ("preferred", "normal", "deprecated"):
                out["rank"] = rank
            if counted is not None and unit_name == "":
                out["counted"] = counted
            if unit_name:
                out["unit"] = unit_name
            if qid:
                out["event"] = qid
            qualifiers = st.get("qualifiers") or {}
            stated = next((t for s in qualifiers.get("P585", []) if (t := _time(s)) is not None), None)
            if stated is not None:
                out["stated"] = stated
            start = next((t for s in qualifiers.get("P580", []) if (t := _time(s)) is not None), None)
            end = next((t for s in qualifiers.get("P582", []) if (t := _time(s)) is not None), None)
            if start is not None:
                out["period"] = {"start": _first(start), "end": _last(end if end is not None else start)}
            notes = [f"Wikidata {prop}, rank {rank}"]
            methods = [_item(s, labels) for s in qualifiers.get("P459", [])]
            if methods:
                notes.append("determination method: " + "; ".join(m for m in methods if m))
            out["note"] = "; ".join(notes)
            yield where, out


def _first(period: Any) -> str:
    return str(period["start"]) if isinstance(period, Mapping) else str(period)


def _last(period: Any) -> str:
    return str(period["end"]) if isinstance(period, Mapping) else str(period)


def _item(snak: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    value = _value(snak)
    if isinstance(value, Mapping) and "id" in value:
        return labels.get(str(value["id"]), str(value["id"]))
    return ""


def _source(statement: Mapping[str, Any], labels: Mapping[str, str]) -> Any:
    for ref in statement.get("references") or []:
        snaks = ref.get("snaks") or {}
        for snak in snaks.get("P248", []):
            if item := _item(snak, labels):
                return item
        for prop in ("P1932", "P854"):  # stated as (text), then reference URL
            for snak in snaks.get(prop, []):
                if isinstance(_value(snak), str) and _value(snak).strip():
                    return _value(snak)
    return {"name": "Wikidata", "kind": "other"}


# -- writing ----------------------------------------------------------------------------------------------


def _amount(v: float) -> str:
    text = format_number(v)
    return text if text.startswith("-") else f"+{text}"


def _time_value(period: Period, at: str) -> dict[str, Any] | None:
    """A Wikidata time value for the start (``at="start"``) or last day of a whole-day, month or year period."""
    text = period.describe()
    first, _, last = text.partition("/")
    day = first if at == "start" else (last or first)
    if len(day) != 10 or period.start.utcoffset() != dt.timedelta(0):
        return None
    start, end = period.start.date(), (period.end - dt.timedelta(days=1)).date()
    precision = _DAY
    if at == "whole" and start.day == 1 and end == _month_end(start):
        precision, day = _MONTH, f"{start.year:04d}-{start.month:02d}-00"
    elif at == "whole" and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        precision, day = _YEAR, f"{start.year:04d}-00-00"
    elif at == "whole" and start != end:
        return None
    return {
        "time": f"+{day}T00:00:00Z",
        "timezone": 0,
        "before": 0,
        "after": 0,
        "precision": precision,
        "calendarmodel": f"{_ENTITY}Q1985727",
    }


def _month_end(day: dt.date) -> dt.date:
    nxt = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _snak(prop: str, kind: str, value: Any) -> dict[str, Any]:
    return {"snaktype": "value", "property": prop, "datavalue": {"type": kind, "value": value}}


def wikidata_statements(
    claims: Iterable[Claim],
    *,
    properties: Mapping[str, tuple[str, str | None]] = WIKIDATA_PROPERTIES,
    items: Mapping[str, str] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Claims as Wikidata quantity statements, by property: what :func:`read_wikidata` reads back.

    >>> from claimdiff import Claim, Scope
    >>> c = Claim(id="a", metric="killed", estimate="between 24 and 26", scope=Scope(counted="people"),
    ...           source="Reuters", stated="2023-12-30")
    >>> (st,) = wikidata_statements([c], items={"Reuters": "Q130879"})["P1120"]
    >>> st["mainsnak"]["datavalue"]["value"]
    {'amount': '+25', 'unit': '1', 'lowerBound': '+24', 'upperBound': '+26'}
    >>> st["qualifiers"]["P585"][0]["datavalue"]["value"]["time"], st["references"][0]["snaks"]["P248"][0]["datavalue"]["value"]["id"]
    ('+2023-12-30T00:00:00Z', 'Q130879')

    Args:
        claims: The claims; each must be of a (metric, counted) pair in ``properties``.
        properties: The property of each (metric, counted) pair.
        items: Q-ids of sources by name, for the reference's ``P248`` (stated in); a source
            without one is written as ``P1932`` (stated as) text.

    Raises:
        InvalidClaimError: A claim has no property, a unit Wikidata items do not cover, or a
            figure Wikidata cannot hold (an open interval: "at least 14" has no upper bound).
    """
    by_pair = {(m, c): p for p, (m, c) in properties.items()}
    out: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        counted = c.scope.counted if c.is_count else None
        prop = by_pair.get((c.metric.name, counted))
        if prop is None:
            raise InvalidClaimError(c.id, "metric", f"{c.metric.name} of {counted}", "has no Wikidata property here")
        e = c.estimate
        unit = "1" if not e.unit else _UNIT_ITEMS.get(e.unit)
        if unit is None:
            raise InvalidClaimError(c.id, "unit", e.unit, f"has no Wikidata item here (known: {sorted(_UNIT_ITEMS)})")
        if not (math.isfinite(e.low) and math.isfinite(e.high)):
            raise InvalidClaimError(c.id, "value", e.describe(), "is open-ended; a Wikidata quantity needs both bounds")
        amount = e.point if e.point is not None else (e.low + e.high) / 2
        value: dict[str, Any] = {"amount": _amount(amount), "unit": unit if unit == "1" else f"{_ENTITY}{unit}"}
        if e.low != e.high or e.low != amount:
            value["lowerBound"], value["upperBound"] = _amount(e.low), _amount(e.high)
        statement: dict[str, Any] = {
            "type": "statement",
            "rank": c.rank or "normal",
            "mainsnak": _snak(prop, "quantity", value),
            "qualifiers": {},
        }
        if c.stated is not None and (t := _time_value(c.stated, "whole")) is not None:
            statement["qualifiers"]["P585"] = [_snak("P585", "time", t)]
        if c.period is not None:
            for qualifier, at in (("P580", "start"), ("P582", "end")):
                if (t := _time_value(c.period, at)) is not None:
                    statement["qualifiers"][qualifier] = [_snak(qualifier, "time", t)]
        qid = (items or {}).get(c.source.name)
        ref = (
            _snak("P248", "wikibase-entityid", {"entity-type": "item", "id": qid})
            if qid
            else _snak("P1932", "string", c.source.name)
        )
        statement["references"] = [{"snaks": {ref["property"]: [ref]}}]
        out.setdefault(prop, []).append(statement)
    return out
