"""Claims files: a YAML (or JSON) document that is pleasant to write by hand.

The format is documented in ``docs/file-format.md``. In short::

    claimdiff: 1
    timezone: Europe/Moscow        # bare dates are calendar days here (default UTC)
    defaults:                      # apply to every claim that does not say otherwise
      event: belgorod-2023-12-30
      place: Russia > Belgorod Oblast > Belgorod
      period: 2023-12-30
      stated: 2023-12-30
    sources:                       # sources named once, referred to by key
      mod: {name: Russian Ministry of Defence, kind: military, party: Russia}
    claims:
      - id: mod-killed-adults
        metric: killed
        counted: adults
        value: 12                  # or "at least 14", "some 70", "20 miles", "between 10 and 20"
        source: mod
        via: [reuters]
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from collections.abc import Iterable, Mapping
from typing import Any

import yaml

from claimdiff._claim import Claim, Scope, Source
from claimdiff._estimate import Estimate, Hedge
from claimdiff._hedges import DEFAULT_HEDGES, HedgePolicy, parse_estimate
from claimdiff._period import Period, timezone_named
from claimdiff._vocabulary import DEFAULT_VOCABULARY, Metric, Vocabulary
from claimdiff.exceptions import (
    ClaimdiffError,
    ClaimFileError,
    ClaimFileErrors,
    InvalidClaimError,
    InvalidEstimateError,
    InvalidUnitError,
)

__all__ = ["dump_claims", "load_claims", "loads_claims"]

FORMAT_VERSION = 1
_CLAIM_FIELDS = (
    "id", "metric", "counted", "value", "unit", "place", "event", "period", "stated", "source", "via",
    "quote", "location", "note",
)
_TOP_FIELDS = ("claimdiff", "title", "description", "timezone", "defaults", "metrics", "counted", "sources", "claims")
_DEFAULTABLE = ("metric", "counted", "unit", "place", "event", "period", "stated", "source", "via")
_ESTIMATE_FIELDS = ("low", "high", "low_closed", "high_closed", "point", "hedge", "text")
_MAX_BYTES = 64 * 1024 * 1024


class _Loader(yaml.SafeLoader):
    """A safe loader that keeps dates and times as text: claimdiff reads them itself, timezone-aware."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_claims(
    path: str | os.PathLike[str],
    *,
    hedges: HedgePolicy = DEFAULT_HEDGES,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
) -> list[Claim]:
    """Read every claim in a claims file (``.yaml``, ``.yml`` or ``.json``).

    Args:
        path: The file.
        hedges: How hedged figures in the file are read.
        vocabulary: The metrics and counted things known before the file's own.

    Returns:
        The claims, in file order.

    Raises:
        ClaimFileError: The file cannot be read, or holds one bad claim; the
            message names the file, the claim, the field and the line.
        ClaimFileErrors: The file holds several bad claims: all are reported.
    """
    name = os.fspath(path)
    try:
        size = os.path.getsize(name)
        if size > _MAX_BYTES:
            raise ClaimFileError(name, "$", None, f"is {size:,} bytes; claimdiff reads files up to {_MAX_BYTES:,}")
        with open(name, encoding="utf-8") as f:
            text = f.read()
    except ClaimFileError:
        raise
    except (OSError, UnicodeDecodeError) as e:
        raise ClaimFileError(name, "$", None, f"cannot be read: {e}") from e
    fmt = "json" if name.lower().endswith(".json") else "yaml"
    return loads_claims(text, format=fmt, path=name, hedges=hedges, vocabulary=vocabulary)


def loads_claims(
    text: str,
    *,
    format: str = "yaml",  # noqa: A002 - the natural name for the caller
    path: str = "<string>",
    hedges: HedgePolicy = DEFAULT_HEDGES,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
) -> list[Claim]:
    """Read claims from the text of a claims document (see :func:`load_claims`).

    >>> claims = loads_claims('''
    ... claims:
    ...   - {id: a, metric: killed, counted: people, value: at least 14, source: ZeroHedge}
    ... ''')
    >>> claims[0].estimate.interval_text()
    '[14, inf)'
    """
    data, lines = _parse(text, format, path)
    claims, errors = _document(data, lines, path, hedges, vocabulary)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ClaimFileErrors(f"{path}: {len(errors)} claims cannot be read", errors)
    return claims


def _parse(text: str, fmt: str, path: str) -> tuple[Any, dict[str, int]]:
    if fmt == "json":
        try:
            return json.loads(text), {}
        except json.JSONDecodeError as e:
            raise ClaimFileError(path, "$", None, f"is not valid JSON: {e.msg}", line=e.lineno) from e
    if fmt != "yaml":
        raise ClaimFileError(path, "$", None, f"unknown format {fmt!r}; use 'yaml' or 'json'")
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as e:
        line = e.problem_mark.line + 1 if e.problem_mark is not None else None
        raise ClaimFileError(path, "$", None, f"is not valid YAML: {e.problem}", line=line) from e
    except yaml.YAMLError as e:
        raise ClaimFileError(path, "$", None, f"is not valid YAML: {e}") from e
    except RecursionError as e:
        raise ClaimFileError(path, "$", None, "is nested too deeply to be a claims file") from e
    return data, _lines(node)


def _lines(node: yaml.Node | None) -> dict[str, int]:
    """Line of each claim and each of its fields, keyed by location (``$.claims[3].value``)."""
    out: dict[str, int] = {}
    if not isinstance(node, yaml.MappingNode):
        return out
    for key, value in node.value:
        if getattr(key, "value", None) == "claims" and isinstance(value, yaml.SequenceNode):
            for i, item in enumerate(value.value):
                out[f"$.claims[{i}]"] = item.start_mark.line + 1
                if isinstance(item, yaml.MappingNode):
                    for k, v in item.value:
                        out[f"$.claims[{i}].{getattr(k, 'value', '?')}"] = v.start_mark.line + 1
    return out


class _Context:
    def __init__(self, path: str, lines: dict[str, int], hedges: HedgePolicy, vocabulary: Vocabulary) -> None:
        self.path = path
        self.lines = lines
        self.hedges = hedges
        self.vocabulary = vocabulary
        self.tz: dt.tzinfo = dt.UTC
        self.sources: dict[str, Source] = {}
        self.periods: dict[str, Period] = {}

    def error(self, location: str, claim_id: str | None, reason: str) -> ClaimFileError:
        line = self.lines.get(location)
        if line is None and "." in location[2:]:
            line = self.lines.get(location.rsplit(".", 1)[0])
        return ClaimFileError(self.path, location, claim_id, reason, line=line)


def _document(
    data: Any, lines: dict[str, int], path: str, hedges: HedgePolicy, vocabulary: Vocabulary
) -> tuple[list[Claim], list[ClaimFileError]]:
    ctx = _Context(path, lines, hedges, vocabulary)
    if not isinstance(data, Mapping):
        raise ctx.error("$", None, "must be a mapping with a 'claims' list")
    unknown = sorted(str(k) for k in data if k not in _TOP_FIELDS)
    if unknown:
        raise ctx.error(f"$.{unknown[0]}", None, f"unknown top-level field {unknown[0]!r}; known: {', '.join(_TOP_FIELDS)}")
    version = data.get("claimdiff", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise ctx.error("$.claimdiff", None, f"format version {version!r} is not supported (this claimdiff reads {FORMAT_VERSION})")
    if "timezone" in data:
        try:
            ctx.tz = timezone_named(str(data["timezone"]))
        except InvalidClaimError as e:
            raise ctx.error("$.timezone", None, e.reason + f" (got {data['timezone']!r})") from e
    ctx.vocabulary = _vocabulary(data, ctx)
    for key, raw in _mapping(data.get("sources") or {}, "$.sources", ctx).items():
        ctx.sources[str(key)] = _source_def(raw, f"$.sources.{key}", ctx, name_default=str(key))
    defaults = _mapping(data.get("defaults") or {}, "$.defaults", ctx)
    for k in defaults:
        if k not in _DEFAULTABLE:
            raise ctx.error(f"$.defaults.{k}", None, f"{k!r} cannot have a default; defaults may set {', '.join(_DEFAULTABLE)}")
    raw_claims = data.get("claims")
    if not isinstance(raw_claims, list):
        raise ctx.error("$.claims", None, "must be a list of claims")
    claims: list[Claim] = []
    errors: list[ClaimFileError] = []
    for i, raw in enumerate(raw_claims):
        loc = f"$.claims[{i}]"
        try:
            claims.append(_claim(raw, defaults, loc, ctx))
        except ClaimFileError as e:
            errors.append(e)
    return claims, errors


def _mapping(value: Any, loc: str, ctx: _Context) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ctx.error(loc, None, f"must be a mapping (got {type(value).__name__})")
    return value


def _vocabulary(data: Mapping[str, Any], ctx: _Context) -> Vocabulary:
    vocab = ctx.vocabulary
    metrics = []
    for name, spec in _mapping(data.get("metrics") or {}, "$.metrics", ctx).items():
        loc = f"$.metrics.{name}"
        spec = _mapping(spec or {}, loc, ctx)
        bad = sorted(set(spec) - {"cumulative", "description", "aliases"})
        if bad:
            raise ctx.error(f"{loc}.{bad[0]}", None, f"unknown field {bad[0]!r}; known: cumulative, description, aliases")
        cumulative = spec.get("cumulative", False)
        if not isinstance(cumulative, bool):
            raise ctx.error(f"{loc}.cumulative", None, f"must be true or false (got {cumulative!r})")
        aliases = spec.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ctx.error(f"{loc}.aliases", None, "must be a list of words")
        metrics.append(Metric(str(name), cumulative=cumulative, description=str(spec.get("description", "")),
                              aliases=tuple(aliases)))
    if metrics:
        vocab = vocab.with_metrics(*metrics)
    counted = _mapping(data.get("counted") or {}, "$.counted", ctx)
    if counted:
        vocab = vocab.with_counted({str(k): str(v) for k, v in counted.items()})
    return vocab


def _source_def(raw: Any, loc: str, ctx: _Context, *, name_default: str | None = None) -> Source:
    if isinstance(raw, str):
        return ctx.sources.get(raw) or _make_source({"name": raw}, loc, ctx)
    if isinstance(raw, Mapping):
        spec = dict(raw)
        if name_default is not None:
            spec.setdefault("name", name_default)
        return _make_source(spec, loc, ctx)
    raise ctx.error(loc, None, f"must be a source key, a name, or a mapping with 'name' (got {raw!r})")


def _make_source(spec: Mapping[str, Any], loc: str, ctx: _Context) -> Source:
    bad = sorted(set(spec) - {"name", "kind", "party"})
    if bad:
        raise ctx.error(f"{loc}.{bad[0]}", None, f"unknown source field {bad[0]!r}; known: name, kind, party")
    try:
        return Source(spec.get("name", ""), kind=spec.get("kind", "unknown"), party=spec.get("party"))
    except InvalidClaimError as e:
        raise ctx.error(loc, None, str(e)) from e


_FIELD_OF_ERROR = {
    "source.name": "source", "source.kind": "source", "estimate": "value", "text": "value", "low": "value",
    "high": "value", "point": "value", "unit": "unit", "timezone": "period",
}


def _claim(raw: Any, defaults: Mapping[str, Any], loc: str, ctx: _Context) -> Claim:
    if not isinstance(raw, Mapping):
        raise ctx.error(loc, None, f"must be a mapping of claim fields (got {type(raw).__name__})")
    cid = raw.get("id")
    if not isinstance(cid, str) or not cid.strip():
        raise ctx.error(f"{loc}.id", None, f"'id' must be a non-empty string (got {cid!r})")
    unknown = sorted(str(k) for k in raw if k not in _CLAIM_FIELDS)
    if unknown:
        raise ctx.error(f"{loc}.{unknown[0]}", cid, f"unknown field {unknown[0]!r}; known: {', '.join(_CLAIM_FIELDS)}")
    merged = {**defaults, **raw}
    field = "metric"
    try:
        for required in ("metric", "value", "source"):
            if merged.get(required) is None:
                field = required
                raise InvalidClaimError(cid, required, None, "is required")
        field = "metric"
        metric = ctx.vocabulary.metric(str(merged["metric"]))
        field = "counted"
        counted = merged.get("counted")
        counted = None if counted is None else ctx.vocabulary.counted(str(counted))
        field = "value"
        estimate = _estimate(merged["value"], merged.get("unit"), ctx)
        field = "place"
        scope = Scope(place=merged.get("place"), event=_opt_str(merged.get("event"), "event"))
        scope = _with_counted(scope, counted)
        field = "period"
        period = _period(merged.get("period"), ctx)
        field = "stated"
        stated = _period(merged.get("stated"), ctx)
        field = "source"
        source = _source_def(merged["source"], f"{loc}.source", ctx)
        field = "via"
        via_raw = merged.get("via") or []
        if isinstance(via_raw, str | Mapping):
            via_raw = [via_raw]
        if not isinstance(via_raw, list):
            raise InvalidClaimError(cid, "via", via_raw, "must be a list of sources")
        via = tuple(_source_def(v, f"{loc}.via[{j}]", ctx) for j, v in enumerate(via_raw))
        field = "claim"
        return Claim(
            id=cid, metric=metric, estimate=estimate, scope=scope, period=period, stated=stated,
            source=source, via=via, quote=_opt_str(raw.get("quote"), "quote"),
            location=_opt_str(raw.get("location"), "location"), note=_opt_str(raw.get("note"), "note"),
        )
    except ClaimFileError as e:
        raise ClaimFileError(e.path, e.location, cid, e.reason, e.line) from e
    except (InvalidClaimError, InvalidEstimateError, InvalidUnitError) as e:
        where = field
        if field == "claim":
            # Raised by Claim itself: name the file field that holds what it complained about.
            named = "unit" if isinstance(e, InvalidUnitError) else (getattr(e, "field", "") or "")
            where = _FIELD_OF_ERROR.get(named, named if named in _CLAIM_FIELDS else "value")
        raise ctx.error(f"{loc}.{where}", cid, _reason(e)) from e
    except ClaimdiffError as e:
        raise ctx.error(f"{loc}.{field}", cid, str(e)) from e


def _reason(e: ClaimdiffError) -> str:
    text = str(e)
    prefix = "claim "
    if text.startswith(prefix) and ": " in text:
        text = text.split(": ", 1)[1]
    return text


def _opt_str(value: Any, field: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value)
    raise InvalidClaimError(None, field, value, "must be text")


def _with_counted(scope: Scope, counted: str | None) -> Scope:
    # The file's vocabulary has already normalised ``counted``; keep it as given.
    return Scope(place=scope.place, counted=counted, event=scope.event)


def _period(value: Any, ctx: _Context) -> Period | None:
    if value is None:
        return None
    if isinstance(value, Mapping):
        bad = sorted(set(value) - {"start", "end"})
        if bad or "start" not in value:
            raise InvalidClaimError(None, "period", dict(value), "must be a date, a datetime, 'start/end', or {start, end}")
        start = _period(value["start"], ctx)
        end = _period(value.get("end", value["start"]), ctx)
        assert start is not None and end is not None  # noqa: S101 - both given
        return Period(start.start, end.end)
    key = str(value)
    found = ctx.periods.get(key)
    if found is None:
        found = Period.parse(key, ctx.tz)
        ctx.periods[key] = found
    return found


def _estimate(value: Any, unit: Any, ctx: _Context) -> Estimate:
    if unit is not None and not isinstance(unit, str):
        raise InvalidEstimateError("unit", unit, "must be text")
    if isinstance(value, bool):
        raise InvalidEstimateError("value", value, "must be a number or a hedged figure in words")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise InvalidEstimateError("value", value, "must be a finite number")
        return Estimate.exact(value, unit=unit or "")
    if isinstance(value, str):
        return parse_estimate(value, hedges=ctx.hedges, unit=unit)
    if isinstance(value, Mapping):
        bad = sorted(set(value) - set(_ESTIMATE_FIELDS))
        if bad:
            raise InvalidEstimateError(bad[0], value[bad[0]], f"is not an estimate field; known: {', '.join(_ESTIMATE_FIELDS)}")
        spec: dict[str, Any] = {k: value[k] for k in _ESTIMATE_FIELDS if k in value}
        for k in ("low", "high"):
            if k in spec and isinstance(spec[k], str) and spec[k].strip().lower() in {"inf", "-inf", ".inf", "-.inf"}:
                spec[k] = float(spec[k].strip().lstrip("."))
        if "hedge" in spec:
            try:
                spec["hedge"] = Hedge(str(spec["hedge"]))
            except ValueError:
                raise InvalidEstimateError("hedge", spec["hedge"], f"is not one of {[h.value for h in Hedge]}") from None
        for k in ("low_closed", "high_closed"):
            if k in spec and not isinstance(spec[k], bool):
                raise InvalidEstimateError(k, spec[k], "must be true or false")
        return Estimate(unit=unit or "", **spec)
    raise InvalidEstimateError("value", value, "must be a number, a hedged figure in words, or a mapping")


# -- writing --------------------------------------------------------------------------------------


def dump_claims(claims: Iterable[Claim], path: str | os.PathLike[str] | None = None, *,
                hedges: HedgePolicy = DEFAULT_HEDGES) -> str:
    """Write claims as a claims file in YAML; return the text.

    A figure is written as its original wording when reading that wording back
    gives the same estimate under ``hedges``, else as an explicit interval, so
    that :func:`load_claims` returns equal claims.

    Args:
        claims: The claims to write.
        path: Where to write; ``None`` only returns the text.
        hedges: The hedge policy the file will be read back with.
    """
    doc = {"claimdiff": FORMAT_VERSION, "claims": [claim_to_dict(c, hedges=hedges) for c in claims]}
    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
    if path is not None:
        with open(os.fspath(path), "w", encoding="utf-8") as f:
            f.write(text)
    return text


def claim_to_dict(c: Claim, *, hedges: HedgePolicy = DEFAULT_HEDGES) -> dict[str, Any]:
    """One claim as a mapping in the claims-file format."""
    out: dict[str, Any] = {"id": c.id, "metric": c.metric.name}
    if c.scope.counted is not None:
        out["counted"] = c.scope.counted
    out["value"] = _estimate_value(c.estimate, hedges)
    if c.estimate.unit and not isinstance(out["value"], str):
        out["unit"] = c.estimate.unit
    if c.scope.place:
        out["place"] = c.scope.place_text()
    if c.scope.event is not None:
        out["event"] = c.scope.event
    if c.period is not None:
        out["period"] = c.period.isoformat()
    if c.stated is not None:
        out["stated"] = c.stated.isoformat()
    out["source"] = _source_value(c.source)
    if c.via:
        out["via"] = [_source_value(s) for s in c.via]
    for name in ("quote", "location", "note"):
        value = getattr(c, name)
        if value is not None:
            out[name] = value
    return out


def _source_value(s: Source) -> str | dict[str, Any]:
    if s.kind.value == "unknown" and s.party is None:
        return s.name
    out: dict[str, Any] = {"name": s.name, "kind": s.kind.value}
    if s.party is not None:
        out["party"] = s.party
    return out


def _estimate_value(e: Estimate, hedges: HedgePolicy) -> str | int | float | dict[str, Any]:
    if e.text:
        try:
            if parse_estimate(e.text, hedges=hedges) == e:
                return e.text
        except ClaimdiffError:
            pass
    if e.hedge is Hedge.EXACT and e.point is not None and not e.text and Estimate.exact(e.point, unit=e.unit) == e:
        return int(e.point) if e.point == int(e.point) and abs(e.point) < 2**53 else e.point
    out: dict[str, Any] = {}
    for name in _ESTIMATE_FIELDS:
        value: Any = getattr(e, name)
        if name in ("low", "high") and not math.isfinite(value):
            continue
        if name in ("low_closed", "high_closed") and (value or not math.isfinite(getattr(e, name[:-7] or "low"))):
            continue
        if name == "hedge":
            value = value.value
        if value is None or value == "":
            continue
        out[name] = value
    out.setdefault("hedge", e.hedge.value)
    return out


