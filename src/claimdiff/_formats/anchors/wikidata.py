"""Wikidata quantity statements, in and out: ``P1120`` (number of deaths) = 14 ± bounds, with qualifiers and references.

Reading: every quantity statement of the chosen properties, in every entity of the document,
becomes a claim. ``amount`` with ``lowerBound``/``upperBound`` is the figure (exact without
bounds, and described as "1700 (1500 to 1900)" with them); the unit is a count (``"1"``) or one of
:data:`WIKIDATA_UNITS`.

- **Period**: the statement's ``P580``/``P582`` (start/end time) qualifiers, else the entity's own
  ``P585`` (point in time, the date of an event) or ``P580``/``P582``, at the precision Wikidata
  gives (day, month or year). A ``P585`` *qualifier* says as of when the figure holds: it is when
  the figure was stated.
- **Place**: ``P17`` (country) > ``P131`` (administrative area) > ``P276`` (location), from the
  statement's qualifiers, else the entity's own statements; each item is named by ``labels=``, else
  by the label of that item when the document holds it, else by its Q-id.
- **Part**: a ``P518`` (applies to part) qualifier makes the statement a figure of that part: its
  counted thing is the part's name (``civilians``), and it is ``part_of`` the statement of the same
  property with no ``P518`` (the preferred one, else the first), never a rival of the total.
- **Hedges**: ``P1480`` (sourcing circumstances) ``circa`` (Q5727902) makes the figure approximate
  ("about 1700"); every circumstance is kept in the note.
- **Source**: the reference's ``P248`` (stated in), else its ``P1932`` (stated as) text, else its
  ``P854`` (reference URL), else Wikidata itself.
- **Rank**: the statement's rank is the claim's :attr:`~claimdiff.Claim.rank`, kept with its
  ``P459`` (determination method) in the note; a deprecated statement is rejected with that reason,
  as is one with no value.

A part of the document that breaks the Wikibase data model (a string where statements are, a list
where a snak is, a precision ``'x'``, an amount of 5,000 digits or ``NaN``) rejects its statement
with the path to it; the other statements are read. A document giving a key twice is refused.

Writing gives statements in the same JSON (the Wikibase data model), ready for a bot or a
review: :func:`wikidata_statements` is the inverse of :func:`read_wikidata` for figures Wikidata
can hold (a number, or a number with both bounds).
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any

from claimdiff._formats._io import read_text
from claimdiff._formats.anchors._rows import load_json
from claimdiff._formats.anchors._wikibase import (
    PLACE_PROPERTIES,
    Malformed,
    amount,
    entity_items,
    entity_period,
    item_id,
    mainsnak,
    place_path,
    qualifier_snaks,
    reference_source,
    span,
    statements_of,
    time_period,
    total_id,
    value_of,
)
from claimdiff._formats.claims_file import LoadedClaims
from claimdiff._formats.frames import read_mappings
from claimdiff._model.claim import Claim
from claimdiff._model.numbers import format_number
from claimdiff._model.period import Period
from claimdiff.exceptions import ClaimFileError, InvalidClaimError

__all__ = ["CIRCA", "WIKIDATA_PROPERTIES", "WIKIDATA_UNITS", "read_wikidata", "wikidata_statements"]

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
#: ``P1480`` (sourcing circumstances) items that make a figure approximate.
CIRCA = frozenset({"Q5727902"})
_RANKS = ("preferred", "normal", "deprecated")


def read_wikidata(
    entity: Mapping[str, Any] | str | os.PathLike[str],
    *,
    properties: Mapping[str, tuple[str, str | None]] = WIKIDATA_PROPERTIES,
    labels: Mapping[str, str] | None = None,
    include_deprecated: bool = False,
    name: str | None = None,
) -> LoadedClaims:
    """Read the quantity statements of Wikidata entities (``Special:EntityData/Q….json``) as claims.

    >>> def snak(prop, kind, value):
    ...     return {"snaktype": "value", "property": prop, "datavalue": {"type": kind, "value": value}}
    >>> def item(prop, qid):
    ...     return [snak(prop, "wikibase-entityid", {"entity-type": "item", "id": qid})]
    >>> quake = {"id": "Q1", "claims": {
    ...     "P585": [{"rank": "normal", "mainsnak": snak("P585", "time", {"time": "+2023-02-06T00:00:00Z", "precision": 11})}],
    ...     "P17": [{"rank": "normal", "mainsnak": item("P17", "Q43")[0]}],
    ...     "P1120": [{"id": "Q1$total", "rank": "preferred",
    ...                "mainsnak": snak("P1120", "quantity", {"amount": "+1700", "lowerBound": "+1500",
    ...                                                      "upperBound": "+1900", "unit": "1"}),
    ...                "references": [{"snaks": {"P248": item("P248", "Q2")}}]},
    ...               {"id": "Q1$part", "rank": "normal", "mainsnak": snak("P1120", "quantity", {"amount": "+300", "unit": "1"}),
    ...                "qualifiers": {"P518": item("P518", "Q3"), "P1480": item("P1480", "Q5727902")}}]}}
    >>> total, part = read_wikidata(quake, labels={"Q2": "Reuters", "Q43": "Turkey", "Q3": "children"}).claims
    >>> total.estimate.describe(), total.source.name, total.scope.place, total.period.isoformat(), total.rank
    ('1700 (1500 to 1900)', 'Reuters', ('Turkey',), '2023-02-06', 'preferred')
    >>> part.scope.counted, part.part_of, part.estimate.describe()
    ('children', 'wikidata-Q1$total', 'about 300')

    Args:
        entity: The JSON of one entity, or the ``{"entities": {...}}`` document of one or more, or a path to it.
        properties: The quantity properties to read, each as (metric, counted thing).
        labels: Names for Q-ids (sources, places, parts, methods). A Q-id not named here is named by the
            label the document gives it (English first), else by the Q-id itself.
        include_deprecated: Read deprecated statements too instead of rejecting them.
        name: The document's name in messages (default: the entity's id, or the path).

    Returns:
        The claims (ids ``wikidata-<statement id>``), and the statements that could not be read, each with
        its path (``Q1.claims.P1120[0].qualifiers.P585[0].precision``) and reason.

    Raises:
        ClaimFileError: The file cannot be read, is not JSON, gives a key twice, or holds no entity.

    .. versionadded:: 0.2.0
    """
    entities, label = _entities(entity, name)
    names = {**_document_labels(entities), **(labels or {})}
    mappings = (
        pair
        for key, e in entities
        for pair in _entity_mappings(
            e, key, label, properties, names, include_deprecated=include_deprecated
        )
    )
    return read_mappings(mappings, column_of={}, name=label)


def _entities(
    entity: Mapping[str, Any] | str | os.PathLike[str], name: str | None
) -> tuple[list[tuple[str, Any]], str]:
    """The document's entities as (key, entity) pairs, and the document's name for messages."""
    if isinstance(entity, str | os.PathLike) or hasattr(entity, "read"):
        name = name or (os.fspath(entity) if isinstance(entity, str | os.PathLike) else "<stream>")
        entity = load_json(read_text(entity, label=name), name)  # type: ignore[arg-type]
    if not isinstance(entity, Mapping):
        raise ClaimFileError(
            name or "<entity>", "$", None, "must be a Wikidata entity (a JSON object)"
        )
    if isinstance(entity.get("entities"), Mapping):
        found = [(str(k), v) for k, v in entity["entities"].items()]
        return found, name or ", ".join(k for k, _ in found) or "<entities>"
    if "claims" not in entity:
        raise ClaimFileError(
            name or "<entity>", "$", None, "must be a Wikidata entity with a 'claims' object"
        )
    key = str(entity.get("id") or "<entity>")
    return [(key, entity)], name or key


def _document_labels(entities: list[tuple[str, Any]]) -> dict[str, str]:
    """The labels the document gives its own entities (English first), by id."""
    out: dict[str, str] = {}
    for key, e in entities:
        labels = e.get("labels") if isinstance(e, Mapping) else None
        if not isinstance(labels, Mapping):
            continue
        for lang in ("en", *labels):
            label = labels.get(lang)
            if (
                isinstance(label, Mapping)
                and isinstance(label.get("value"), str)
                and label["value"].strip()
            ):
                out[str(e.get("id") or key)] = label["value"].strip()
                break
    return out


def _entity_mappings(
    entity: Any,
    key: str,
    name: str,
    properties: Mapping[str, tuple[str, str | None]],
    labels: Mapping[str, str],
    *,
    include_deprecated: bool,
) -> Iterator[tuple[Hashable, Mapping[str, Any] | ClaimFileError]]:
    if not isinstance(entity, Mapping) or not isinstance(entity.get("claims", {}), Mapping):
        yield key, ClaimFileError(name, key, None, "is not an entity with a 'claims' object")
        return
    qid = str(entity.get("id") or key)
    claims = entity.get("claims", {})
    try:
        own_period = entity_period(claims, qid)
        own_place = {p: entity_items(claims, p, qid) for p in PLACE_PROPERTIES}
    except Malformed as e:
        yield e.where, ClaimFileError(name, e.where, None, e.reason)
        own_period, own_place = None, {}
    for prop, (metric, counted) in properties.items():
        where = f"{qid}.claims.{prop}"
        try:
            statements = statements_of(claims, prop, where)
        except Malformed as e:
            yield e.where, ClaimFileError(name, e.where, None, e.reason)
            continue
        total = total_id(statements, qid, prop)
        for i, st in enumerate(statements):
            at = f"{where}[{i}]"
            sid = (
                str(st.get("id") or f"{qid}-{prop}-{i}")
                if isinstance(st, Mapping)
                else f"{qid}-{prop}-{i}"
            )
            cid = f"wikidata-{sid}"
            try:
                out = _statement(
                    st,
                    at,
                    cid,
                    qid,
                    prop,
                    metric,
                    counted,
                    labels,
                    total,
                    own_period,
                    own_place,
                    include_deprecated=include_deprecated,
                )
            except Malformed as e:
                yield e.where, ClaimFileError(name, e.where, cid, e.reason)
                continue
            yield at, out


def _statement(
    st: Any,
    at: str,
    cid: str,
    qid: str,
    prop: str,
    metric: str,
    counted: str | None,
    labels: Mapping[str, str],
    total: str | None,
    own_period: Any,
    own_place: Mapping[str, list[str]],
    *,
    include_deprecated: bool,
) -> Mapping[str, Any] | ClaimFileError:
    snak = mainsnak(st, at)
    rank = st.get("rank", "normal")
    if rank not in _RANKS:
        raise Malformed(
            f"{at}.rank", f"must be one of {', '.join(_RANKS)} (got {str(rank)[:40]!r})"
        )
    value = value_of(snak)
    if (
        snak.get("snaktype", "value") != "value"
        or not isinstance(value, Mapping)
        or "amount" not in value
    ):
        raise Malformed(at, f"has no quantity (snaktype {str(snak.get('snaktype'))[:20]!r})")
    if rank == "deprecated" and not include_deprecated:
        raise Malformed(at, "is a deprecated statement (include_deprecated=True reads it)")
    unit = str(value.get("unit", "1"))
    unit_name = "" if unit == "1" else WIKIDATA_UNITS.get(unit.removeprefix(_ENTITY))
    if unit_name is None:
        raise Malformed(f"{at}.mainsnak.unit", f"is a unit claimdiff does not know ({unit[:80]})")
    figure = amount(value["amount"], f"{at}.mainsnak.amount")
    bounds = [
        amount(value[k], f"{at}.mainsnak.{k}") for k in ("lowerBound", "upperBound") if k in value
    ]
    circumstances = [item_id(s, f"{at}.qualifiers.P1480") for s in qualifier_snaks(st, "P1480", at)]
    circa = any(
        c in CIRCA or labels.get(c or "", "").casefold() in {"circa", "about", "approximately"}
        for c in circumstances
    )
    out: dict[str, Any] = {
        "id": cid,
        "metric": metric,
        "value": _figure(figure, bounds, circa=circa),
        "source": reference_source(st, labels, at),
        "rank": rank,
        "event": qid,
    }
    parts = [
        p for s in qualifier_snaks(st, "P518", at) if (p := item_id(s, f"{at}.qualifiers.P518"))
    ]
    if counted is not None and unit_name == "":
        out["counted"] = labels.get(parts[0], parts[0]) if parts else counted
    if parts and total is not None and total != cid:
        out["part_of"] = total
    if unit_name:
        out["unit"] = unit_name
    stated = next(
        (time_period(s, f"{at}.qualifiers.P585") for s in qualifier_snaks(st, "P585", at)), None
    )
    if stated is not None:
        out["stated"] = stated
    start = next(
        (time_period(s, f"{at}.qualifiers.P580") for s in qualifier_snaks(st, "P580", at)), None
    )
    end = next(
        (time_period(s, f"{at}.qualifiers.P582") for s in qualifier_snaks(st, "P582", at)), None
    )
    period = span(start, end) or own_period
    if period is not None:
        out["period"] = period

    def items(p: str) -> list[str]:
        return [q for s in qualifier_snaks(st, p, at) if (q := item_id(s, f"{at}.qualifiers.{p}"))]

    place = place_path(lambda p: items(p) or own_place.get(p, []), labels)
    if place:
        out["place"] = " > ".join(place)
    notes = [f"Wikidata {prop}, rank {rank}"]
    methods = [
        m for s in qualifier_snaks(st, "P459", at) if (m := item_id(s, f"{at}.qualifiers.P459"))
    ]
    if methods:
        notes.append("determination method: " + "; ".join(labels.get(m, m) for m in methods))
    if circumstances:
        notes.append(
            "sourcing circumstances: "
            + "; ".join(labels.get(c or "", c or "?") for c in circumstances)
        )
    if parts:
        notes.append("applies to part: " + "; ".join(labels.get(p, p) for p in parts))
    out["note"] = "; ".join(notes)
    return out


def _figure(figure: float, bounds: list[float], *, circa: bool) -> Any:
    """The claims-file value of an amount with its bounds; ``circa`` makes a figure without bounds approximate."""
    if (
        len(bounds) == 2
    ):  # described with its amount ("1700 (1500 to 1900)") as any range with a best figure
        return {
            "low": bounds[0],
            "high": bounds[1],
            "point": figure,
            "hedge": "approximate" if circa else "range",
        }
    return f"about {format_number(figure)}" if circa else figure


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
    elif (
        at == "whole"
        and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
        and start.year == end.year
    ):
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
            raise InvalidClaimError(
                c.id, "metric", f"{c.metric.name} of {counted}", "has no Wikidata property here"
            )
        e = c.estimate
        unit = "1" if not e.unit else _UNIT_ITEMS.get(e.unit)
        if unit is None:
            raise InvalidClaimError(
                c.id, "unit", e.unit, f"has no Wikidata item here (known: {sorted(_UNIT_ITEMS)})"
            )
        if not (math.isfinite(e.low) and math.isfinite(e.high)):
            raise InvalidClaimError(
                c.id, "value", e.describe(), "is open-ended; a Wikidata quantity needs both bounds"
            )
        amount = e.point if e.point is not None else (e.low + e.high) / 2
        value: dict[str, Any] = {
            "amount": _amount(amount),
            "unit": unit if unit == "1" else f"{_ENTITY}{unit}",
        }
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
