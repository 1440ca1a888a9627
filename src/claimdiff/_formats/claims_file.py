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
import re
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import attrs
import yaml

from claimdiff._core.relations import FigureKey, Relation
from claimdiff._formats.csv_format import parse_csv, write_csv
from claimdiff._formats.documents import MAX_CHARS, Lines, parse_json, parse_yaml
from claimdiff._formats.schema import claims_schema, problems, short_repr
from claimdiff._model.claim import Claim, Scope, Source
from claimdiff._model.composite import composite_claims, parse_composite
from claimdiff._model.estimate import Estimate, Hedge
from claimdiff._model.hedges import DEFAULT_HEDGES, HedgePolicy, parse_estimate
from claimdiff._model.period import Period, timezone_named
from claimdiff._model.vocabulary import DEFAULT_VOCABULARY, Metric, Vocabulary
from claimdiff.exceptions import (
    ClaimdiffError,
    ClaimFileError,
    ClaimFileErrors,
    InvalidClaimError,
    InvalidEstimateError,
    InvalidUnitError,
)

__all__ = [
    "FORMATS", "LoadedClaims", "claim_to_dict", "dump_claims", "load_claims", "load_claims_lenient", "loads_claims",
    "loads_claims_lenient",
]

FORMAT_VERSION = 1
#: The file formats claimdiff reads and writes.
FORMATS = ("yaml", "json", "csv")
Format = Literal["yaml", "json", "csv"]
_SUFFIXES: Mapping[str, Format] = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".csv": "csv"}
# The file format, field by field. The schema (claimdiff/schema/claims.schema.json) says the same;
# tests/test_files.py checks that they agree. A new top-level key is one entry here, one in the
# schema and one branch in ``_document``; a new value form is one branch in ``_estimate``.
_CLAIM_FIELDS = (
    "id", "metric", "counted", "value", "unit", "place", "event", "period", "stated", "source", "via",
    "quote", "location", "note", "part_of",
)
_TOP_FIELDS = (
    "claimdiff", "title", "description", "timezone", "defaults", "metrics", "counted", "sources", "claims", "relations",
)
_DEFAULTABLE = ("metric", "counted", "unit", "place", "event", "period", "stated", "source", "via")
_ESTIMATE_FIELDS = ("low", "high", "low_closed", "high_closed", "point", "hedge", "text")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


@attrs.frozen(kw_only=True)
class LoadedClaims:
    """What a lenient read of a claims file found: the claims it accepted and the rows it rejected.

    Nothing is dropped silently: every claim in the file is in exactly one of
    ``claims`` and ``rejected``.

    >>> loaded = loads_claims_lenient('''
    ... claims:
    ...   - {id: a, metric: killed, counted: people, value: 12, source: MoD}
    ...   - {id: b, metric: killed, counted: people, value: -4, source: MoD}
    ... ''')
    >>> [c.id for c in loaded.claims]
    ['a']
    >>> print(loaded.rejected[0])
    <string>: claim 'b' ($.claims[1].value, line 4): 'estimate' is a negative count (got '-4').

    Attributes:
        path: The file, as given.
        claims: The claims that were read, in file order.
        rejected: One error per claim that could not be read, in file order;
            each names the claim, its location, line (or CSV row) and reason.
        relations: The relations the file declares (its ``relations:`` section),
            to pass to :func:`claimdiff.reconcile`.

    .. versionadded:: 0.1.0
    """

    path: str
    claims: tuple[Claim, ...]
    rejected: tuple[ClaimFileError, ...]
    relations: tuple[Relation, ...] = ()

    def raise_for_rejected(self) -> None:
        """Raise what a strict read would have: the one error, or all of them as a group.

        Raises:
            ClaimFileError: One claim was rejected.
            ClaimFileErrors: Several claims were rejected.
        """
        _raise_all(self.path, list(self.rejected))


def load_claims(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,  # noqa: A002 - the natural name for the caller
    hedges: HedgePolicy = DEFAULT_HEDGES,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
) -> list[Claim]:
    r"""Read every claim in a claims file (YAML, JSON or CSV).

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "claims.csv"
    >>> _ = path.write_text("id,metric,counted,value,source\nmod-1,killed,people,at least 14,MoD\n")
    >>> load_claims(path)[0].estimate.interval_text()
    '[14, inf)'

    Args:
        path: The file.
        format: ``"yaml"``, ``"json"`` or ``"csv"``; by default, from the file's
            suffix (``.yaml``/``.yml``, ``.json``, ``.csv``; anything else is read as YAML).
        hedges: How hedged figures in the file are read.
        vocabulary: The metrics and counted things known before the file's own.

    Returns:
        The claims, in file order.

    Raises:
        ClaimFileError: The file cannot be read, or holds one bad claim; the
            message names the file, the claim, the field and the line (for
            CSV, the line the row starts on).
        ClaimFileErrors: The file holds several bad claims: all are reported.

    .. versionchanged:: 0.1.0
       Reads CSV; ``format=`` chooses the format.
    """
    loaded = load_claims_lenient(path, format=format, hedges=hedges, vocabulary=vocabulary)
    loaded.raise_for_rejected()
    return list(loaded.claims)


def load_claims_lenient(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,  # noqa: A002 - the natural name for the caller
    hedges: HedgePolicy = DEFAULT_HEDGES,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
) -> LoadedClaims:
    """Read a claims file, keeping the good claims and reporting the bad ones beside them.

    Takes the same arguments as :func:`load_claims`. A claim that cannot be
    read goes to :attr:`LoadedClaims.rejected` with its reason instead of
    raising.

    Raises:
        ClaimFileError: The file as a whole cannot be read (missing, too large,
            not valid YAML/JSON/CSV, a bad top-level section): there is no claim to keep.
        ClaimFileErrors: Several top-level sections are bad.

    .. versionadded:: 0.1.0
    """
    name = os.fspath(path)
    fmt = format if format is not None else _SUFFIXES.get(os.path.splitext(name)[1].lower(), "yaml")
    text = _read(name)
    return loads_claims_lenient(text, format=fmt, path=name, hedges=hedges, vocabulary=vocabulary)


def _read(name: str) -> str:
    try:
        with open(name, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > MAX_CHARS:
                raise ClaimFileError(name, "$", None, f"is {size:,} bytes; claimdiff reads files up to {MAX_CHARS:,}")
            raw = f.read(MAX_CHARS + 1)  # never more: the file may be endless (a pipe, /dev/zero)
    except OSError as e:
        raise ClaimFileError(name, "$", None, f"cannot be read: {e}") from e
    if len(raw) > MAX_CHARS:
        raise ClaimFileError(name, "$", None, f"is larger than {MAX_CHARS:,} bytes, the most claimdiff reads")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        raise ClaimFileError(name, "$", None, f"is not UTF-8 text: {e.reason} at byte {e.start}", line=line) from e


def loads_claims(
    text: str,
    *,
    format: Format = "yaml",  # noqa: A002 - the natural name for the caller
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

    Args:
        text: The document.
        format: ``"yaml"`` (the default), ``"json"`` or ``"csv"``.
        path: The name to give the document in error messages.
        hedges: How hedged figures are read.
        vocabulary: The metrics and counted things known before the document's own.
    """
    loaded = loads_claims_lenient(text, format=format, path=path, hedges=hedges, vocabulary=vocabulary)
    loaded.raise_for_rejected()
    return list(loaded.claims)


def loads_claims_lenient(
    text: str,
    *,
    format: Format = "yaml",  # noqa: A002 - the natural name for the caller
    path: str = "<string>",
    hedges: HedgePolicy = DEFAULT_HEDGES,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
) -> LoadedClaims:
    """Read claims from a text, keeping the good ones and reporting the bad (see :func:`load_claims_lenient`).

    .. versionadded:: 0.1.0
    """
    data, lines = _parse(text, format, path)
    claims, errors, relations = _document(data, lines, path, hedges, vocabulary)
    return LoadedClaims(path=path, claims=tuple(claims), rejected=tuple(errors), relations=tuple(relations))


def _raise_all(path: str, errors: list[ClaimFileError]) -> None:
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ClaimFileErrors(f"{path}: {len(errors)} claims cannot be read", errors)


def _parse(text: str, fmt: str, path: str) -> tuple[Any, Lines]:
    if fmt == "yaml":
        return parse_yaml(text, path)
    if fmt == "json":
        return parse_json(text, path)
    if fmt == "csv":
        return parse_csv(text, path)
    raise ClaimFileError(path, "$", None, f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


class _Context:
    def __init__(self, path: str, lines: Lines, hedges: HedgePolicy, vocabulary: Vocabulary) -> None:
        self.path = path
        self.lines = lines
        self.hedges = hedges
        self.vocabulary = vocabulary
        self.tz: dt.tzinfo = dt.UTC
        self.sources: dict[str, Source] = {}
        self.periods: dict[str, Period] = {}

    def error(self, location: str, claim_id: str | None, reason: str) -> ClaimFileError:
        """An error at ``location``, with the line of the nearest enclosing place the index knows."""
        lines = self.lines()
        probe = location
        line = lines.get(probe)
        while line is None and probe != "$":
            cut = max(probe.rfind("."), probe.rfind("["))
            probe = probe[:cut] if cut > 1 else "$"
            line = lines.get(probe)
        return ClaimFileError(self.path, location, claim_id, reason, line=line)


def _top_schema() -> dict[str, Any]:
    """The schema of everything but the claims themselves, which are checked one by one."""
    schema = dict(claims_schema())
    schema["properties"] = {**schema["properties"], "claims": {"title": "a list of claims", "type": "array"}}
    return schema


def _document(
    data: Any, lines: Lines, path: str, hedges: HedgePolicy, vocabulary: Vocabulary
) -> tuple[list[Claim], list[ClaimFileError], list[Relation]]:
    ctx = _Context(path, lines, hedges, vocabulary)
    if not isinstance(data, Mapping):
        raise ctx.error("$", None, "must be a mapping with a 'claims' list")
    version = data.get("claimdiff", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise ctx.error("$.claimdiff", None, f"format version {version!r} is not supported (this claimdiff reads {FORMAT_VERSION})")
    _raise_all(path, [ctx.error(loc, None, reason) for loc, reason in problems(data, _top_schema(), "$")])
    if "timezone" in data:
        try:
            ctx.tz = timezone_named(str(data["timezone"]))
        except InvalidClaimError as e:
            raise ctx.error("$.timezone", None, e.reason + f" (got {data['timezone']!r})") from e
    ctx.vocabulary = _vocabulary(data, ctx)
    for key, raw in (data.get("sources") or {}).items():
        ctx.sources[str(key)] = _source_def(raw, f"$.sources.{key}", ctx, name_default=str(key))
    defaults = data.get("defaults") or {}
    claim_schema = claims_schema()["$defs"]["claim"]
    claims: list[Claim] = []
    errors: list[ClaimFileError] = []
    for i, raw in enumerate(data["claims"]):
        if isinstance(raw, ClaimFileError):  # a CSV row that could not be turned into fields
            errors.append(raw)
            continue
        loc = f"$.claims[{i}]"
        cid = raw.get("id") if isinstance(raw, Mapping) and isinstance(raw.get("id"), str) else None
        try:
            for where, reason in problems(raw, claim_schema, loc):
                raise ctx.error(where, cid, reason)
            claims.extend(_claim(raw, defaults, loc, ctx))
        except ClaimFileError as e:
            errors.append(e)
    relations = [_relation(raw, defaults, f"$.relations[{i}]", ctx) for i, raw in enumerate(data.get("relations") or [])]
    return claims, errors, relations


def _relation(raw: Mapping[str, Any], defaults: Mapping[str, Any], loc: str, ctx: _Context) -> Relation:
    """A declared relation; fields a figure leaves out come from the whole, then from the defaults."""
    base = {k: defaults[k] for k in ("metric", "counted", "place", "event") if k in defaults}

    def figure(spec: Mapping[str, Any], inherit: Mapping[str, Any], where: str) -> FigureKey:
        merged = {**inherit, **spec}
        try:
            if not merged.get("metric") or not merged.get("counted"):
                missing = "metric" if not merged.get("metric") else "counted"
                raise InvalidClaimError(None, missing, None, "is required for a figure in a relation")
            return FigureKey(
                ctx.vocabulary.metric(str(merged["metric"])).name,
                ctx.vocabulary.counted(str(merged["counted"])),
                merged.get("place"),
                _opt_str(merged.get("event"), "event"),
            )
        except ClaimdiffError as e:
            raise ctx.error(where, None, _reason(e)) from e

    whole_spec = {**base, **raw["whole"]}
    whole = figure(raw["whole"], base, f"{loc}.whole")
    parts = [figure(p, whole_spec, f"{loc}.parts[{j}]") for j, p in enumerate(raw["parts"])]
    reason = str(raw.get("reason") or "declared in the file")
    try:
        if raw.get("kind", "at_most") == "partition":
            return Relation.partition(whole, parts, reason)
        return Relation.at_most(whole, parts, reason)
    except InvalidClaimError as e:
        raise ctx.error(f"{loc}.parts", None, _reason(e)) from e


def _vocabulary(data: Mapping[str, Any], ctx: _Context) -> Vocabulary:
    vocab = ctx.vocabulary
    metrics = [
        Metric(str(name), cumulative=spec.get("cumulative", False), description=str(spec.get("description", "")),
               aliases=tuple(spec.get("aliases", ())))
        for name, spec in ((n, s or {}) for n, s in (data.get("metrics") or {}).items())
    ]
    if metrics:
        vocab = vocab.with_metrics(*metrics)
    counted = data.get("counted") or {}
    if counted:
        vocab = vocab.with_counted({str(k): str(v) for k, v in counted.items()})
    return vocab


def _source_def(raw: Any, loc: str, ctx: _Context, *, name_default: str | None = None) -> Source:
    if isinstance(raw, str):
        return ctx.sources.get(raw) or _make_source({"name": raw}, loc, ctx)
    spec = dict(raw)
    if name_default is not None:
        spec.setdefault("name", name_default)
    return _make_source(spec, loc, ctx)


def _make_source(spec: Mapping[str, Any], loc: str, ctx: _Context) -> Source:
    try:
        return Source(spec.get("name", ""), kind=spec.get("kind", "unknown"), party=spec.get("party"))
    except InvalidClaimError as e:
        raise ctx.error(loc, None, _reason(e)) from e


_FIELD_OF_ERROR = {
    "source.name": "source", "source.kind": "source", "estimate": "value", "text": "value", "low": "value",
    "high": "value", "point": "value", "unit": "unit", "timezone": "period",
}


def _claim(raw: Mapping[str, Any], defaults: Mapping[str, Any], loc: str, ctx: _Context) -> list[Claim]:
    cid = str(raw["id"])
    if not cid.strip():
        raise ctx.error(f"{loc}.id", None, f"'id' must be a non-empty string (got {cid!r})")
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
        # "12 adults and two children", "108, including 15 children": one wording, several linked claims.
        composite = None
        if isinstance(merged["value"], str) and merged.get("unit") is None:
            composite = parse_composite(merged["value"], hedges=ctx.hedges, vocabulary=ctx.vocabulary)
        estimate = None if composite is not None else _estimate(merged["value"], merged.get("unit"), ctx)
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
        via = tuple(_source_def(v, f"{loc}.via[{j}]", ctx) for j, v in enumerate(via_raw))
        field = "claim"
        fields: dict[str, Any] = {
            "metric": metric, "period": period, "stated": stated, "source": source, "via": via,
            "quote": _opt_str(raw.get("quote"), "quote"), "location": _opt_str(raw.get("location"), "location"),
            "note": _opt_str(raw.get("note"), "note"),
        }
        if composite is not None:
            field = "value"
            return list(composite_claims(merged["value"], id=cid, scope=scope, hedges=ctx.hedges,
                                         vocabulary=ctx.vocabulary, **fields))
        assert estimate is not None  # noqa: S101 - read above unless the value was composite
        return [Claim(id=cid, estimate=estimate, scope=scope, part_of=_opt_str(raw.get("part_of"), "part_of"),
                      **fields)]
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
    if isinstance(e, InvalidClaimError):
        return f"{e.field!r} {e.reason} (got {short_repr(e.value)})."
    return str(e)


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
        assert start is not None  # noqa: S101 - given
        assert end is not None  # noqa: S101 - given
        return Period(start.start, end.end)
    key = str(value)
    found = ctx.periods.get(key)
    if found is None:
        found = Period.parse(key, ctx.tz)
        ctx.periods[key] = found
    return found


def _number(value: float, field: str) -> float:
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise InvalidEstimateError(field, value, "must be a finite number")
    return number


def _estimate(value: Any, unit: str | None, ctx: _Context) -> Estimate:
    if isinstance(value, int | float):
        return Estimate.exact(_number(value, "value"), unit=unit or "")
    if isinstance(value, str):
        return parse_estimate(value, hedges=ctx.hedges, unit=unit)
    spec: dict[str, Any] = {k: value[k] for k in _ESTIMATE_FIELDS if k in value}
    for k in ("low", "high", "point"):
        if isinstance(spec.get(k), str):
            spec[k] = -math.inf if spec[k].startswith("-") else math.inf  # the schema allows only "inf", ".inf", ...
        elif k in spec:
            spec[k] = spec[k] if k != "point" and abs(spec[k]) == math.inf else _number(spec[k], k)
    if "hedge" in spec:
        spec["hedge"] = Hedge(spec["hedge"])
    return Estimate(unit=unit or "", **spec)


# -- writing --------------------------------------------------------------------------------------


def dump_claims(
    claims: Iterable[Claim],
    path: str | os.PathLike[str] | None = None,
    *,
    format: Format | None = None,  # noqa: A002 - the natural name for the caller
    hedges: HedgePolicy = DEFAULT_HEDGES,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
) -> str:
    """Write claims as a claims file (YAML, JSON or CSV); return the text.

    Reading the text back with :func:`load_claims` (or :func:`loads_claims`)
    and the same ``hedges`` and ``vocabulary`` returns equal claims, in every
    format. A figure is written as its original wording when reading that
    wording back gives the same estimate, else as a number, else field by field.
    Metrics the vocabulary does not define as the claims do are written out too.

    >>> from claimdiff import Claim, Scope
    >>> claim = Claim(id="a", metric="killed", estimate="at least 14", scope=Scope(counted="people"), source="MoD")
    >>> print(dump_claims([claim], format="csv"), end="")
    id,metric,counted,value,unit,place,event,period,stated,source,source_kind,source_party,via,quote,location,note
    a,killed,people,at least 14,,,,,,MoD,,,,,,
    >>> loads_claims(dump_claims([claim], format="json"), format="json") == [claim]
    True

    Args:
        claims: The claims to write.
        path: Where to write; ``None`` only returns the text.
        format: ``"yaml"``, ``"json"`` or ``"csv"``; by default, from the suffix
            of ``path`` (YAML when there is no path or the suffix is unknown).
        hedges: The hedge policy the file will be read back with.
        vocabulary: The vocabulary the file will be read back with.

    Raises:
        InvalidClaimError: Two claims hold different metrics of the same name,
            which one file cannot define both of.

    .. versionchanged:: 0.1.0
       Writes JSON and CSV; ``format=`` chooses the format.
    """
    name = None if path is None else os.fspath(path)
    fmt = format or (_SUFFIXES.get(os.path.splitext(name)[1].lower(), "yaml") if name else "yaml")
    claims = list(claims)
    metrics = _metric_definitions(claims, vocabulary)
    rows = [claim_to_dict(c, hedges=hedges, bare_numbers=fmt != "csv") for c in claims]
    if fmt == "csv":
        text = write_csv(rows, metrics)
    else:
        doc: dict[str, Any] = {"claimdiff": FORMAT_VERSION}
        if metrics:
            doc["metrics"] = metrics
        doc["claims"] = rows
        if fmt == "json":
            text = json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
        elif fmt == "yaml":
            text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
        else:
            raise ClaimFileError(name or "<string>", "$", None, f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if name is not None:
        with open(name, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    return text


def _metric_definitions(claims: Iterable[Claim], vocabulary: Vocabulary) -> dict[str, dict[str, Any]]:
    """Metrics whose claims' definition the vocabulary would not give back, as the file's ``metrics:``."""
    out: dict[str, dict[str, Any]] = {}
    seen: dict[str, Claim] = {}
    for c in claims:
        m = c.metric
        first = seen.setdefault(m.name, c)
        if first.metric != m:
            raise InvalidClaimError(
                c.id, "metric", m, f"differs from the metric of the same name in claim {first.id!r} ({first.metric!r}); "
                "a file holds one definition of each metric",
            )
        if m.name not in out and vocabulary.metric(m.name) != m:
            out[m.name] = {"cumulative": m.cumulative}
    return out


def claim_to_dict(c: Claim, *, hedges: HedgePolicy = DEFAULT_HEDGES, bare_numbers: bool = True) -> dict[str, Any]:
    """One claim as a mapping in the claims-file format.

    Args:
        c: The claim.
        hedges: The hedge policy the mapping will be read back with.
        bare_numbers: Whether a figure's wording may be a bare number ("12"); CSV
            cannot tell the wording "12" from the number 12, so it writes such
            wording field by field.
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
    if c.period is not None:
        out["period"] = c.period.isoformat()
    if c.stated is not None:
        out["stated"] = c.stated.isoformat()
    out["source"] = _source_value(c.source)
    if c.via:
        out["via"] = [_source_value(s) for s in c.via]
    for name in ("quote", "location", "note", "part_of"):
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


def _reads_back(text: str, e: Estimate, hedges: HedgePolicy, unit: str | None) -> bool:
    try:
        return parse_estimate(text, hedges=hedges, unit=unit) == e
    except ClaimdiffError:
        return False


def _estimate_value(e: Estimate, hedges: HedgePolicy, *, bare_numbers: bool) -> tuple[Any, str]:
    """The ``value`` and ``unit`` fields that read back as ``e``."""
    if e.text and (bare_numbers or not _NUMBER.fullmatch(e.text.strip())):
        if _reads_back(e.text, e, hedges, None):
            return e.text, ""
        if e.unit and _reads_back(e.text, e, hedges, e.unit):
            return e.text, e.unit
    if e.hedge is Hedge.EXACT and e.point is not None and not e.text and Estimate.exact(e.point, unit=e.unit) == e:
        number = int(e.point) if e.point == int(e.point) and abs(e.point) < 2**53 else e.point
        return number, e.unit
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
    return out, e.unit
