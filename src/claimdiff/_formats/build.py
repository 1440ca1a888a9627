"""Document -> claims: the one builder behind every file format.

A document (the plain data of a YAML, JSON or CSV file) is checked against the
schema section by section, then each claim is built field by field. Every
problem of a claim is reported, each at the field the user wrote (``value``,
``stated``), never at an internal one (``estimate``, ``period``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from claimdiff._core.relations import FigureKey, Relation
from claimdiff._core.series import Series
from claimdiff._formats.context import Context, near
from claimdiff._formats.documents import Lines
from claimdiff._formats.fields import (
    CLAIM_FIELDS,
    ESTIMATE_FIELDS,
    estimate_of,
    grade_of,
    opt_str,
    reason_for,
    source_def,
)
from claimdiff._formats.plain import plain_claim
from claimdiff._formats.schema import claims_schema, fits_claim_fast, problems, short_repr
from claimdiff._model.claim import Claim, Scope
from claimdiff._model.composite import composite_claims, parse_composite
from claimdiff._model.derived import count_unit_problem
from claimdiff._model.hedges import HedgePolicy
from claimdiff._model.units import unit_info
from claimdiff._model.vocabulary import Vocabulary
from claimdiff._model.withdrawal import Withdrawal
from claimdiff.exceptions import (
    ClaimdiffError,
    ClaimFileError,
    ClaimFileErrors,
    InvalidClaimError,
    InvalidUnitError,
)

__all__ = [
    "FORMAT_VERSION",
    "SECTIONS",
    "Built",
    "Context",
    "build_document",
    "build_entry",
    "document_context",
    "duplicate_reason",
    "near",
    "raise_all",
]

FORMAT_VERSION = 1
# The file format, field by field. The schema (claimdiff/schema/claims.schema.json) says the same;
# tests/test_files.py checks that they agree. A new top-level key is one entry here, one in the
# schema and one branch in ``Context.apply``; a new value form is one branch in ``fields.estimate_of``.
_CLAIM_FIELDS = CLAIM_FIELDS
_TOP_FIELDS = (
    "claimdiff",
    "title",
    "description",
    "timezone",
    "defaults",
    "metrics",
    "counted",
    "sources",
    "claims",
    "relations",
    "aliases",
    "withdrawals",
)
#: The top-level sections other than the claims, kept by a load so that saving writes them back.
SECTIONS = tuple(k for k in _TOP_FIELDS if k not in ("claimdiff", "claims"))
_DEFAULTABLE = ("metric", "counted", "unit", "place", "event", "period", "stated", "source", "via")
_ESTIMATE_FIELDS = ESTIMATE_FIELDS


@attrs.frozen
class Built:
    """What building a document gave: claims, one error per problem, relations, and its other sections."""

    claims: list[Claim]
    errors: list[ClaimFileError]
    relations: list[Relation | Series]
    sections: Mapping[str, Any]
    withdrawals: list[Withdrawal] = attrs.field(factory=list)


def raise_all(path: str, errors: list[ClaimFileError]) -> None:
    """Raise the one error, or all of them as a group; nothing when there are none."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        bad = len(
            {
                e.location.split(".")[1] if e.location.startswith("$.claims[") else e.location
                for e in errors
            }
        )
        raise ClaimFileErrors(
            f"{path}: {bad} {'claim' if bad == 1 else 'claims'} cannot be read", errors
        )


def document_context(
    data: Any, lines: Lines, path: str, hedges: HedgePolicy, vocabulary: Vocabulary
) -> Context:
    """Check a document's top-level sections and read the settings its claims are built with.

    Raises:
        ClaimFileError: A top-level section is bad (one problem).
        ClaimFileErrors: Several are.
    """
    ctx = Context(path, lines, hedges, vocabulary)
    if not isinstance(data, Mapping):
        raise ctx.error("$", None, "must be a mapping with a 'claims' list")
    version = data.get("claimdiff", FORMAT_VERSION)
    if type(version) is not int or version != FORMAT_VERSION:
        raise ctx.error(
            "$.claimdiff",
            None,
            f"format version {short_repr(version)} is not supported (this claimdiff reads {FORMAT_VERSION})",
        )
    raise_all(
        path, [ctx.error(loc, None, reason) for loc, reason in problems(data, _top_schema(), "$")]
    )
    ctx.apply(data)
    return ctx


def build_entry(raw: Any, i: int, ctx: Context) -> tuple[list[Claim], list[ClaimFileError]]:
    """The claims entry ``i`` of a document states (several for a composite figure), or every problem it has.

    Whether its ids are new is the caller's to check (:func:`duplicate_reason`).
    """
    if isinstance(raw, ClaimFileError):  # a CSV row that could not be turned into fields
        return [], [raw]
    plain = plain_claim(raw, ctx)
    if plain is not None:
        return [plain], []
    loc = f"$.claims[{i}]"
    if not fits_claim_fast(raw):
        cid = raw.get("id") if isinstance(raw, Mapping) and isinstance(raw.get("id"), str) else None
        found = [
            ctx.error(where, cid, reason)
            for where, reason in problems(raw, claims_schema()["$defs"]["claim"], loc)
        ]
        if found:
            return [], found
    built, problems_found = _claim(raw, loc, ctx)
    return ([], problems_found) if problems_found else (built, [])


def duplicate_reason(clash: str, first: str) -> str:
    """Why a claim whose id an earlier claim (at ``first``) already has is refused.

    >>> duplicate_reason("a", "row 3")
    "id 'a' is also the id of row 3; ids must be unique"
    """
    return f"id {clash!r} is also the id of {first}; ids must be unique"


def build_document(
    data: Any, lines: Lines, path: str, hedges: HedgePolicy, vocabulary: Vocabulary
) -> Built:
    """Check a document's sections and build its claims, collecting every problem of every claim."""
    ctx = document_context(data, lines, path, hedges, vocabulary)
    claims: list[Claim] = []
    errors: list[ClaimFileError] = []
    ids: dict[str, int] = {}  # id -> index of the entry that has it
    for i, raw in enumerate(data["claims"]):
        built, found = build_entry(raw, i, ctx)
        if found:
            errors.extend(found)
            continue
        clash = next((c.id for c in built if c.id in ids), None)
        if clash is not None:
            first = f"$.claims[{ids[clash]}]"
            line = ctx.lines().get(first)
            at = f"{first} (line {line})" if line is not None else first
            cid = raw.get("id") if isinstance(raw.get("id"), str) else None
            errors.append(ctx.error(f"$.claims[{i}].id", cid, duplicate_reason(clash, at)))
            continue
        ids.update((c.id, i) for c in built)
        claims.extend(built)
    relations = [
        _relation(raw, f"$.relations[{i}]", ctx)
        for i, raw in enumerate(data.get("relations") or [])
    ]
    withdrawals = [
        _withdrawal(raw, f"$.withdrawals[{i}]", ctx)
        for i, raw in enumerate(data.get("withdrawals") or [])
    ]
    sections = {k: data[k] for k in data if k in SECTIONS}
    return Built(claims, errors, relations, sections, withdrawals)


def _top_schema() -> dict[str, Any]:
    """The schema of everything but the claims themselves, which are checked one by one."""
    schema = dict(claims_schema())
    schema["properties"] = {
        **schema["properties"],
        "claims": {"title": "a list of claims", "type": "array"},
    }
    return schema


def _withdrawal(raw: Mapping[str, Any], loc: str, ctx: Context) -> Withdrawal:
    """A withdrawal: the claim withdrawn, and when, by whom and why when the file says."""
    return Withdrawal(
        claim=str(raw["claim"]),
        stated=ctx.period(raw.get("stated"), f"{loc}.stated"),
        by=None if raw.get("by") is None else str(raw["by"]),
        reason=None if raw.get("reason") is None else str(raw["reason"]),
    )


def _relation(raw: Mapping[str, Any], loc: str, ctx: Context) -> Relation | Series:
    """A declared relation; fields a figure leaves out come from the whole, then from the defaults."""
    if raw.get("kind") == "series":
        names = []
        for field in (
            "daily",
            "cumulative",
        ):  # a misspelt metric would make the series check nothing
            metric, reason = ctx.word("metric", raw[field])
            if reason:
                raise ctx.error(f"{loc}.{field}", None, reason)
            names.append(metric.name)
        return Series(
            daily=names[0],
            cumulative=names[1],
            step=dt.timedelta(days=int(raw.get("step_days", 1))),
        )
    base = {
        k: ctx.defaults[k] for k in ("metric", "counted", "place", "event") if k in ctx.defaults
    }

    def figure(spec: Mapping[str, Any], inherit: Mapping[str, Any], where: str) -> FigureKey:
        merged = {**inherit, **spec}
        try:
            if not merged.get("metric") or not merged.get("counted"):
                missing = "metric" if not merged.get("metric") else "counted"
                raise InvalidClaimError(
                    None, missing, None, "is required for a figure in a relation"
                )
            metric, reason = ctx.word("metric", merged["metric"])
            counted, why = ctx.word("counted", merged["counted"])
            if reason or why:
                raise ClaimFileError(ctx.path, where, None, reason or why)
            return FigureKey(
                metric.name,
                counted,
                merged.get("place"),
                opt_str(merged.get("event"), "event"),
            )
        except ClaimFileError as e:
            raise ctx.error(where, None, e.reason) from None
        except ClaimdiffError as e:
            raise ctx.error(where, None, reason_for(e)) from e

    whole_spec = {**base, **raw["whole"]}
    whole = figure(raw["whole"], base, f"{loc}.whole")
    parts = [figure(p, whole_spec, f"{loc}.parts[{j}]") for j, p in enumerate(raw["parts"])]
    reason = str(raw.get("reason") or "declared in the file")
    try:
        if raw.get("kind", "at_most") == "partition":
            return Relation.partition(whole, parts, reason)
        return Relation.at_most(whole, parts, reason)
    except InvalidClaimError as e:
        raise ctx.error(f"{loc}.parts", None, reason_for(e)) from e


# The file field that holds what a Claim complained about.
_FIELD_OF_ERROR = {
    "source.name": "source",
    "source.kind": "source",
    "estimate": "value",
    "text": "value",
    "low": "value",
    "high": "value",
    "point": "value",
    "unit": "unit",
    "timezone": "period",
}


def _claim(
    raw: Mapping[str, Any], loc: str, ctx: Context
) -> tuple[list[Claim], list[ClaimFileError]]:
    """The claims one entry states (several for a composite figure), or every problem it has."""
    cid = str(raw["id"])
    errors: list[ClaimFileError] = []

    def fail(field: str, reason: str) -> None:
        errors.append(ctx.error(f"{loc}.{field}", cid, reason))

    if not cid.strip():
        fail("id", f"'id' must be a non-empty string (got {cid!r})")
    merged = {**ctx.defaults, **raw}
    for required in ("metric", "value", "source"):
        if merged.get(required) is None:
            fail(required, f"{required!r} is required")
    metric = counted = estimate = composite = count_problem = None
    if merged.get("metric") is not None:
        metric, reason = ctx.word("metric", merged["metric"])
        if reason:
            fail("metric", reason)
    if merged.get("counted") is not None:
        counted, reason = ctx.word("counted", merged["counted"])
        if reason:
            fail("counted", reason)
    value, unit = merged.get("value"), merged.get("unit")
    value_field = "unit" if unit is not None else "value"
    if value is not None:
        try:
            # "12 adults and two children", "108, including 15 children": one wording, several linked claims.
            if isinstance(value, str) and unit is None:
                if value not in ctx.composites:
                    ctx.composites[value] = parse_composite(
                        value, hedges=ctx.hedges, vocabulary=ctx.vocabulary
                    )
                composite = ctx.composites[value]
            if composite is None:
                count = merged.get("counted") is not None
                cache_key = (
                    (type(value), value, unit, count) if not isinstance(value, Mapping) else None
                )
                estimate = ctx.estimates.get(cache_key) if cache_key is not None else None
                if estimate is None:
                    estimate = estimate_of(value, unit, ctx, count=count)
                    if cache_key is not None:
                        ctx.estimates[cache_key] = estimate
                count_problem = count_unit_problem(unit_info(estimate.unit), merged.get("counted"))
                if count_problem is not None:
                    fail(value_field, f"{value_field!r} {count_problem}")
        except InvalidUnitError as e:
            fail(
                "unit" if unit is not None else "value",
                reason_for(e, "unit" if unit is not None else "value"),
            )
        except ClaimdiffError as e:
            fail("value", reason_for(e, "value"))
    fields: dict[str, Any] = {}
    try:
        place, event = merged.get("place"), opt_str(merged.get("event"), "event")
        scope_key = (place if not isinstance(place, list) else tuple(place), counted, event)
        scope = ctx.scopes.get(scope_key)
        if scope is None:
            scope = ctx.scopes[scope_key] = Scope(place=place, counted=counted, event=event)
    except ClaimdiffError as e:
        fail(
            "place",
            reason_for(
                e,
                getattr(e, "field", "place")
                if getattr(e, "field", "") in ("place", "event")
                else "place",
            ),
        )
        scope = None
    for field in ("period", "stated"):
        try:
            fields[field] = ctx.period(merged.get(field), field)
        except ClaimdiffError as e:
            fail(field, reason_for(e, field))
    try:
        if merged.get("source") is not None:
            fields["source"] = source_def(merged["source"], f"{loc}.source", ctx)
        via_raw = merged.get("via") or []
        if isinstance(via_raw, str | Mapping):
            via_raw = [via_raw]
        fields["via"] = tuple(source_def(v, f"{loc}.via[{j}]", ctx) for j, v in enumerate(via_raw))
    except ClaimFileError as e:
        errors.append(ClaimFileError(e.path, e.location, cid, e.reason, e.line))
    for field in ("quote", "location", "note", "part_of"):
        try:
            fields[field] = opt_str(raw.get(field), field)
        except ClaimdiffError as e:
            fail(field, reason_for(e, field))
    if raw.get("source_grade") is not None:
        try:
            fields["source_grade"] = grade_of(raw["source_grade"])
        except ClaimdiffError as e:
            fail("source_grade", reason_for(e, "source_grade"))
    if (
        metric is None
        or scope is None
        or (estimate is None and composite is None)
        or "source" not in fields
    ):
        return [], _in_field_order(errors, loc)
    if errors:  # build what can be built anyway, for the problems only the claim itself finds (a negative count)
        fields = {k: v for k, v in fields.items() if k not in ("period", "stated") or v is not None}
    if raw.get("rank") is not None:
        fields["rank"] = raw["rank"]
    part_of = fields.pop("part_of", None)
    try:
        if composite is not None:
            built = list(
                composite_claims(
                    str(value),
                    id=cid,
                    scope=scope,
                    hedges=ctx.hedges,
                    vocabulary=ctx.vocabulary,
                    metric=metric,
                    **fields,
                )
            )
        else:
            assert estimate is not None  # noqa: S101 - checked above: no composite means an estimate
            built = [
                Claim(
                    id=cid, metric=metric, estimate=estimate, scope=scope, part_of=part_of, **fields
                )
            ]
    except ClaimdiffError as e:
        # Raised by Claim itself: name the file field that holds what it complained about.
        named = "unit" if isinstance(e, InvalidUnitError) else (getattr(e, "field", "") or "")
        where = _FIELD_OF_ERROR.get(named, named if named in _CLAIM_FIELDS else "value")
        said = (
            count_problem is not None and getattr(e, "reason", None) == count_problem
        )  # said above, once
        if not said and not any(x.location == f"{loc}.{where}" for x in errors):
            fail(where, reason_for(e, where))
        return [], _in_field_order(errors, loc)
    return ([], _in_field_order(errors, loc)) if errors else (built, [])


def _in_field_order(errors: list[ClaimFileError], loc: str) -> list[ClaimFileError]:
    """A claim's problems in the order its fields are documented."""

    def rank(e: ClaimFileError) -> int:
        field = e.location.removeprefix(loc + ".").split(".")[0].split("[")[0]
        return _CLAIM_FIELDS.index(field) if field in _CLAIM_FIELDS else len(_CLAIM_FIELDS)

    return sorted(errors, key=rank)
