"""The JSON Schema of claims files, shipped with the package, and the structural check the loader runs with it.

The schema (``claimdiff/schema/claims.schema.json``) is the one published in the
docs. claimdiff checks documents against it itself — a few dozen lines for the
keywords the schema uses — so that reading a file needs no extra dependency and
every message reads like the rest of claimdiff's.
"""

from __future__ import annotations

import json
import reprlib
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "SCHEMA_RESOURCE",
    "claims_schema",
    "fast_estimate",
    "fast_source",
    "fits_claim_fast",
    "problems",
    "short_repr",
]

#: Where the schema lives inside the package.
SCHEMA_RESOURCE = "schema/claims.schema.json"

_TYPE_WORDS = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "null": "null",
    "object": "a mapping",
    "array": "a list",
}


class _Repr(reprlib.Repr):
    def repr_int(self, x: int, level: int) -> str:  # noqa: ARG002 - reprlib's signature
        if x.bit_length() <= 200:
            return repr(x)
        return f"<an integer of {digits(x):,} digits>"  # whole, it would fill the message (or exceed str's limit)


_REPR = _Repr()
_REPR.maxlevel, _REPR.maxdict, _REPR.maxlist, _REPR.maxstring, _REPR.maxother = 3, 4, 4, 60, 60


def digits(n: int) -> int:
    """How many decimal digits ``n`` has, even past Python's 4,300-digit limit on printing integers.

    >>> digits(-12), digits(10**5000)
    (2, 5001)
    """
    n = abs(n)
    if n.bit_length() <= 10_000:
        return len(str(n))
    guess = int(n.bit_length() * 0.30102999566398120)  # log10(2): exact to within one digit
    return guess + 1 if n >= 10**guess else guess


def short_repr(value: object) -> str:
    """A repr short enough for an error message, whatever the value holds.

    >>> short_repr("x" * 100)[-8:], short_repr(10**5000)
    ("xxxxx...'", '<an integer of 5,001 digits>')
    """
    return _REPR.repr(value)


@cache
def claims_schema() -> Mapping[str, Any]:
    """The JSON Schema of the claims-file format, as a mapping."""
    text = resources.files("claimdiff").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    schema: Mapping[str, Any] = json.loads(text)
    return schema


def _resolve(ref: str) -> Mapping[str, Any]:
    node: Any = claims_schema()
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node  # type: ignore[no-any-return]


def _is(value: Any, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "null":
        return value is None
    if kind == "object":
        return isinstance(value, Mapping)
    if kind == "array":
        return isinstance(value, list)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, int | float) and not isinstance(value, bool)  # number


def _title(schema: Mapping[str, Any]) -> str:
    if "$ref" in schema:
        return _title(_resolve(schema["$ref"]))
    if "title" in schema:
        return str(schema["title"])
    kinds = schema.get("type", [])
    kinds = [kinds] if isinstance(kinds, str) else kinds
    return " or ".join(_TYPE_WORDS[k] for k in kinds) or "a value"


def _accepts_type(schema: Mapping[str, Any], value: Any) -> bool:
    if "$ref" in schema:
        return _accepts_type(_resolve(schema["$ref"]), value)
    if "anyOf" in schema:
        return any(_accepts_type(s, value) for s in schema["anyOf"])
    kinds = schema.get("type")
    if kinds is None:
        return True
    return any(_is(value, k) for k in ([kinds] if isinstance(kinds, str) else kinds))


def problems(value: Any, schema: Mapping[str, Any], location: str) -> Iterator[tuple[str, str]]:
    """Every way ``value`` breaks ``schema``, as ``(location, reason)`` pairs, outermost first.

    Supports the keywords the claims schema uses: ``$ref`` (local), ``type``,
    ``const``, ``enum``, ``minLength``, ``minimum``, ``maximum``, ``properties``, ``required``,
    ``additionalProperties``, ``items`` and ``anyOf``.
    """
    if "$ref" in schema:
        yield from problems(value, _resolve(schema["$ref"]), location)
        return
    if "anyOf" in schema:
        fitting = [s for s in schema["anyOf"] if _accepts_type(s, value)]
        if not fitting:
            yield location, f"must be {_title(schema)} (got {short_repr(value)})"
            return
        found = [list(problems(value, s, location)) for s in fitting]
        if all(found):
            yield from min(
                found, key=len
            )  # the alternative the value comes nearest to says what is wrong
        return
    if not _accepts_type(schema, value):
        yield location, f"must be {_title(schema)} (got {short_repr(value)})"
        return
    if "const" in schema and value != schema["const"]:
        yield location, f"must be {schema['const']!r} (got {short_repr(value)})"
    if "enum" in schema and value not in schema["enum"]:
        yield (
            location,
            f"must be one of {', '.join(map(str, schema['enum']))} (got {short_repr(value)})",
        )
    if isinstance(value, str) and len(value.strip()) < schema.get("minLength", 0):
        yield location, "must not be empty"
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and not value >= schema["minimum"]:
            yield location, f"must be at least {schema['minimum']} (got {short_repr(value)})"
        if "maximum" in schema and not value <= schema["maximum"]:
            yield location, f"must be at most {schema['maximum']} (got {short_repr(value)})"
    if isinstance(value, Mapping):
        yield from _object_problems(value, schema, location)
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            yield from problems(item, schema["items"], f"{location}[{i}]")


def _object_problems(
    value: Mapping[Any, Any], schema: Mapping[str, Any], location: str
) -> Iterator[tuple[str, str]]:
    props: Mapping[str, Any] = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    for key in schema.get("required", ()):
        if key not in value:
            yield f"{location}.{key}", "is required"
    for key, item in value.items():
        name = str(key)
        if name in props:
            yield from problems(item, props[name], f"{location}.{name}")
        elif extra is False:
            yield f"{location}.{name}", f"unknown field {name!r}; known: {', '.join(props)}"
        elif isinstance(extra, Mapping):
            yield from problems(item, extra, f"{location}.{name}")


# Types each claim field may have without the schema walk: the common case, checked in one pass.
# Anything else (mappings, lists of mappings, booleans, unknown fields) goes through the full schema check.
_TEXT, _NUM, _NONE, _YEAR = (str,), (int, float), (type(None),), (int,)
_FAST_TYPES: Mapping[str, tuple[type, ...]] = {
    "id": _TEXT,
    "metric": _TEXT,
    "counted": (*_TEXT, *_NONE),
    "value": (*_TEXT, *_NUM, dict),
    "unit": (*_TEXT, *_NONE),
    "place": (*_TEXT, *_NONE),
    "event": (*_TEXT, *_NUM, *_NONE),
    "period": (*_TEXT, *_YEAR, *_NONE),
    "stated": (*_TEXT, *_YEAR, *_NONE),
    "source": (*_TEXT, dict),
    "via": (*_TEXT, *_NONE, list, dict),
    "quote": (*_TEXT, *_NUM, *_NONE),
    "location": (*_TEXT, *_NUM, *_NONE),
    "note": (*_TEXT, *_NUM, *_NONE),
    "part_of": (*_TEXT, *_NONE),
}
_NONEMPTY = ("id", "value", "source", "via")


def fits_claim_fast(raw: Any) -> bool:
    """True when every field of a claim has a type the claim schema accepts for it, checked in one pass.

    Most claims in a file are plain: text, numbers, source names or ``{name, kind, party}``. For them the
    schema walk (:func:`problems`) can be skipped; anything else goes through it. This never accepts
    what the schema refuses (``tests/test_files.py`` checks claimdiff against the schema).

    >>> fits_claim_fast({"id": "a", "metric": "killed", "value": 12, "source": "MoD"})
    True
    >>> fits_claim_fast({"id": "a", "value": True})
    False
    """
    if type(raw) is not dict or "id" not in raw:
        return False
    for k, v in raw.items():
        allowed = _FAST_TYPES.get(k)
        if allowed is None or type(v) not in allowed:
            return False
        if type(v) is str and k in _NONEMPTY and not v.strip():
            return False
        if type(v) is dict and not (
            fast_source(v) if k in ("source", "via") else k == "value" and fast_estimate(v)
        ):
            return False
        if type(v) is list and not all(fast_source(x) for x in v):
            return False
    return True


def fast_source(v: Any) -> bool:
    """A source key or name, or ``{name, kind, party}`` with text values: what the schema accepts, checked quickly.

    >>> fast_source({"name": "Reuters", "kind": "agency"}), fast_source({"name": ""})
    (True, False)
    """
    if type(v) is str:
        return bool(v.strip())
    return (
        type(v) is dict
        and v.keys() <= _SOURCE_KEYS
        and type(v.get("name")) is str
        and bool(v["name"].strip())
        and type(v.get("kind", "")) is str
        and type(v.get("party")) in (str, type(None))
    )


_SOURCE_KEYS = frozenset({"name", "kind", "party"})
_HEDGE_WORDS = frozenset(("exact", "lower", "upper", "approximate", "range", "vague"))
_BOUND_WORDS = frozenset({"inf", "-inf", ".inf", "-.inf"})
_PROVENANCE_WORDS = frozenset(("worded", "datum", "rounded"))
_ESTIMATE_TYPES: Mapping[str, tuple[type, ...]] = {
    "low": (int, float, str),
    "high": (int, float, str),
    "low_closed": (bool,),
    "high_closed": (bool,),
    "point": (int, float),
    "hedge": (str,),
    "text": (str,),
    "provenance": (str,),
}


def fast_estimate(v: dict[str, Any]) -> bool:
    """Estimate fields with the types and words the schema accepts, checked quickly.

    >>> fast_estimate({"low": 12, "high": "inf"}), fast_estimate({"low_closed": 1})
    (True, False)
    """
    for k, x in v.items():
        allowed = _ESTIMATE_TYPES.get(k)
        if allowed is None or type(x) not in allowed:
            return False
        if type(x) is str and (
            x not in _BOUND_WORDS
            if k in ("low", "high")
            else k == "hedge" and x not in _HEDGE_WORDS
        ):
            return False
        if k == "provenance" and x not in _PROVENANCE_WORDS:
            return False
    return True
