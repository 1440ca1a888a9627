"""File fields -> model values: figures, sources and text, as the claims of a document give them.

Shared by the full reader of a claim (:mod:`claimdiff._formats.build`), which reports every problem, and
the fast one for plain entries (:mod:`claimdiff._formats.plain`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from claimdiff._formats.schema import short_repr
from claimdiff._model.aliases import source_key
from claimdiff._model.claim import Source
from claimdiff._model.estimate import Estimate, Hedge, Provenance
from claimdiff._model.hedges import parse_estimate
from claimdiff._model.numbers import exact_float
from claimdiff._model.source_grade import SourceGrade
from claimdiff.exceptions import (
    ClaimdiffError,
    InvalidClaimError,
    InvalidEstimateError,
    InvalidUnitError,
)

if TYPE_CHECKING:
    from claimdiff._formats.build import Context

__all__ = [
    "CLAIM_FIELDS",
    "ESTIMATE_FIELDS",
    "FULL_ONLY_FIELDS",
    "PLAIN_FIELDS",
    "estimate_of",
    "grade_of",
    "make_source",
    "number",
    "opt_str",
    "reason_for",
    "source_def",
]

#: The fields of a claim in a claims file, in the schema's order (claimdiff/schema/claims.schema.json).
CLAIM_FIELDS = (
    "id",
    "metric",
    "counted",
    "value",
    "unit",
    "place",
    "event",
    "period",
    "stated",
    "source",
    "via",
    "quote",
    "location",
    "note",
    "part_of",
    "rank",
    "source_grade",
)

#: The fields only the full builder reads: a claim that gives one is no plain claim.
FULL_ONLY_FIELDS = ("rank", "source_grade")

#: The fields a plain claim may have, read by the fast path (``plain.plain_claim``) and the columnar
#: reader: every field but those only the full builder reads.
PLAIN_FIELDS = tuple(f for f in CLAIM_FIELDS if f not in FULL_ONLY_FIELDS)

#: The fields of a figure written out field by field.
#: The fields of a figure spelled out in a file (``value: {low: ..., high: ...}`` or the ``value_*`` CSV columns).
ESTIMATE_FIELDS = (
    "low",
    "high",
    "low_closed",
    "high_closed",
    "point",
    "hedge",
    "text",
    "provenance",
)


def source_def(raw: Any, loc: str, ctx: Context, *, name_default: str | None = None) -> Source:
    """The source a claim field names: a key of the file's ``sources:``, a name, or ``{name, kind, party}``."""
    if isinstance(raw, str):
        return ctx.sources.get(raw) or make_source({"name": raw}, loc, ctx)
    spec = dict(raw)
    if name_default is not None:
        spec.setdefault("name", name_default)
    return make_source(spec, loc, ctx)


def make_source(spec: Mapping[str, Any], loc: str, ctx: Context) -> Source:
    """The source ``spec`` describes, through the file's aliases; one shared object per distinct source."""
    name = spec.get("name", "")
    if ctx.aliases and isinstance(name, str):
        name = ctx.aliases.get(source_key(name), name)
    key = (name, spec.get("kind", "unknown"), spec.get("party"), spec.get("reliability"))
    found = ctx.named.get(key)
    if found is not None:
        return found
    try:
        found = Source(key[0], kind=key[1], party=key[2], reliability=key[3])
    except InvalidClaimError as e:
        raise ctx.error(
            loc, None, reason_for(e, e.field if e.field == "source.reliability" else "source")
        ) from e
    ctx.named[key] = found
    return found


def reason_for(e: ClaimdiffError, field: str | None = None) -> str:
    """What is wrong, in words, naming the file's ``field`` rather than the model's."""
    if isinstance(e, InvalidClaimError | InvalidEstimateError):
        return f"{field or e.field!r} {e.reason} (got {short_repr(e.value)})."
    if isinstance(e, InvalidUnitError):
        return f"{field or 'unit'!r}: unit {short_repr(e.unit)}: {e.reason}."
    return str(e)


def opt_str(value: Any, field: str) -> str | None:
    """An optional text field; numbers are read as their text.

    >>> opt_str(12, "event"), opt_str(None, "event")
    ('12', None)
    """
    if value is None:
        return None
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value)
    raise InvalidClaimError(None, field, value, "must be text")


def number(value: float, field: str) -> float:
    """A finite figure as a float; a figure too large for a float, or an integer a float would round, is refused.

    >>> number(12, "value")
    12.0
    >>> number(9007199254740993, "value")
    Traceback (most recent call last):
    ...
    claimdiff.exceptions.InvalidEstimateError: 'value' is a whole number with more significant digits than a float holds (15): it would be read as 9007199254740992 (got 9007199254740993).

    Raises:
        InvalidEstimateError: The figure is not finite, beyond the float range, or would be rounded.
    """
    number = exact_float(value, field)
    if type(value) is int and math.isinf(number):
        raise InvalidEstimateError(
            field, short_repr(value), "is beyond the largest figure claimdiff reads (about 1.8e308)"
        )
    if not math.isfinite(number):
        raise InvalidEstimateError(
            field, short_repr(value), "must be a finite number; write the word 'inf' for no bound"
        )
    return number


def estimate_of(
    value: Any, unit: str | None, ctx: Context, *, count: bool | None = None
) -> Estimate:
    """The figure a ``value`` field gives: a number, a hedged figure in words, or the estimate's fields.

    ``count`` says whether the claim says what it counts (see :func:`claimdiff.hedges.parse_estimate`).
    """
    if isinstance(value, int | float):
        return Estimate.exact(number(value, "value"), unit=unit or "")
    if isinstance(value, str):
        return parse_estimate(value, hedges=ctx.hedges, unit=unit, count=count)
    spec: dict[str, Any] = {k: value[k] for k in ESTIMATE_FIELDS if k in value}
    if "text" in spec and set(spec) <= {
        "text",
        "provenance",
    }:  # {text: '108', provenance: worded}: read the words
        words = parse_estimate(spec["text"], hedges=ctx.hedges, unit=unit, count=count)
        given = Provenance(spec.get("provenance", words.provenance.value))
        return words if given is words.provenance else attrs.evolve(words, provenance=given)
    for k in ("low", "high", "point"):
        if isinstance(spec.get(k), str):
            spec[k] = (
                -math.inf if spec[k].startswith("-") else math.inf
            )  # the schema allows only "inf", ".inf", ...
        elif k in spec:
            spec[k] = number(spec[k], k)
    if "hedge" in spec:
        spec["hedge"] = Hedge(spec["hedge"])
    if "provenance" in spec:
        spec["provenance"] = Provenance(spec["provenance"])
    return Estimate(unit=unit or "", **spec)


def grade_of(raw: Mapping[str, Any]) -> SourceGrade:
    """The source's own grade a ``source_grade`` field gives (a mapping the claims schema has checked).

    >>> grade_of({"scheme": "ucdp", "codes": {"date_prec": 1, "where_prec": 3}}).describe()
    'UCDP codes it date_prec 1, where_prec 3'

    Raises:
        InvalidClaimError: A field of the grade has a value a grade cannot hold.
    """
    try:
        return SourceGrade(
            raw["scheme"],
            raw.get("value"),
            codes=raw.get("codes") or {},
            meaning=raw.get("meaning") or "",
        )
    except (TypeError, KeyError) as e:
        raise InvalidClaimError(
            None,
            "source_grade",
            raw,
            "must give a 'scheme' and pair each code's non-empty name with a whole number",
        ) from e
