"""Text -> document: YAML and JSON parsed safely, with the line of every claim and field.

A *document* is the plain data of a claims file (mappings, lists, text, numbers)
before any claim is built. Both parsers refuse hostile input with a
:class:`~claimdiff.exceptions.ClaimFileError` instead of hanging or exhausting memory:
YAML aliases that expand without bound (a "billion laughs"), nesting deeper
than any claims file needs, and texts larger than claimdiff reads.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import re
from collections.abc import Callable, Mapping
from typing import Any

import yaml

from claimdiff.exceptions import ClaimFileError

__all__ = [
    "MAX_ALIAS_EXPANSION",
    "MAX_CHARS",
    "MAX_DEPTH",
    "MAX_YAML_LINE",
    "Lines",
    "parse_json",
    "parse_yaml",
]

#: The largest text (in characters, and file in bytes) claimdiff reads.
MAX_CHARS = 64 * 1024 * 1024
#: The deepest nesting of mappings and lists a claims file may have (a claim needs four).
MAX_DEPTH = 64
#: The longest line a YAML text may have when PyYAML's pure-Python parser reads it (about 4 MB a
#: second): a longer line is refused at once rather than read for minutes. libyaml has no such limit.
MAX_YAML_LINE = 1_000_000
#: How much YAML aliases may add to a document beyond what is written out, counted as one per value
#: plus one per character of text: a few aliases to a long text expand by size, not by count.
MAX_ALIAS_EXPANSION = 1_000_000

try:  # libyaml's C parser and composer, when PyYAML was built with it (the wheels on PyPI are)
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
    #: True when YAML is parsed and composed by libyaml.
    USES_LIBYAML = True
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader
    USES_LIBYAML = False

#: Line of each claim and each of its fields, keyed by location (``$.claims[3].value``),
#: computed when first asked for: most files have no error and never need it.
Lines = Callable[[], Mapping[str, int]]


class _Loader(_BaseLoader):  # type: ignore[valid-type, misc]
    """A safe loader that keeps dates as text (claimdiff reads them, timezone-aware).

    Nesting, aliases and repeated keys are checked on the composed node tree,
    before anything is constructed (:func:`_check_tree`); libyaml itself also
    refuses nesting beyond 1,000 levels while parsing.
    """


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_float(loader: yaml.SafeLoader, node: yaml.Node) -> float | str:
    # ``.inf`` stays the word ``inf`` (an unbounded end); a figure too large for a float becomes infinity
    # and is then refused as not finite, instead of being read as unbounded.
    text = str(node.value).strip().lower()
    if text.lstrip("+-") == ".inf":
        return "-inf" if text.startswith("-") else "inf"
    return yaml.SafeLoader.construct_yaml_float(loader, node)  # type: ignore[arg-type, unused-ignore]


_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def check_size(text: str, path: str) -> None:
    """Refuse a text larger than :data:`MAX_CHARS`."""
    if len(text) > MAX_CHARS:
        raise ClaimFileError(
            path,
            "$",
            None,
            f"is {len(text):,} characters long; claimdiff reads up to {MAX_CHARS:,}",
        )


def parse_yaml(text: str, path: str) -> tuple[Any, Lines]:
    """The document in a YAML text, and its line index."""
    check_size(text, path)
    long_line = None if USES_LIBYAML else _first_long_line(text, MAX_YAML_LINE)
    if long_line is not None:
        raise ClaimFileError(
            path, "$", None, f"has a line longer than {MAX_YAML_LINE:,} characters", line=long_line
        )
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                _check_tree(node, path)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except ClaimFileError:
        raise
    except yaml.MarkedYAMLError as e:
        line = e.problem_mark.line + 1 if e.problem_mark is not None else None
        if "nesting depth" in str(e.problem) or "recursion" in str(e.problem):
            raise ClaimFileError(
                path, "$", None, f"is nested more than {MAX_DEPTH} levels deep", line=line
            ) from None
        raise ClaimFileError(
            path, "$", None, f"is not valid YAML: {e.problem}", line=line
        ) from None
    except yaml.YAMLError as e:
        raise ClaimFileError(path, "$", None, f"is not valid YAML: {str(e)[:200]}") from None
    except RecursionError:
        raise ClaimFileError(
            path, "$", None, f"is nested more than {MAX_DEPTH} levels deep"
        ) from None
    except ValueError as e:  # int() of a figure with more digits than Python converts
        raise ClaimFileError(path, "$", None, _value_error(e)) from None
    cache: list[Mapping[str, int]] = []

    def lines() -> Mapping[str, int]:
        if not cache:
            cache.append(_yaml_lines(node))
        return cache[0]

    return data, lines


def _value_error(e: ValueError) -> str:
    if "integer string conversion" in str(e):
        return "holds an integer of more than 4,300 digits, more than any figure needs"
    return f"holds a value claimdiff cannot read: {str(e)[:120]}"


def _first_long_line(text: str, limit: int) -> int | None:
    """The number of the first line longer than ``limit``, if any."""
    if len(text) <= limit:
        return None
    start, number = 0, 1
    while True:
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        if end - start > limit:
            return number
        if end == len(text):
            return None
        start, number = end + 1, number + 1


def _check_tree(root: yaml.Node, path: str) -> None:
    """One walk of the node tree: nesting, aliases that loop or expand too much, keys given twice.

    A node reached twice is an alias. Its expanded size (one per value plus its text's length) is
    counted once and reused, so the walk is linear in the written document however far aliases
    would expand it.
    """
    size: dict[int, int] = {}  # id(node) -> expanded size; -1 while its children are being counted
    written = 0
    cap = 2 * MAX_ALIAS_EXPANSION
    mapping, sequence = yaml.MappingNode, yaml.SequenceNode
    # Iterative post-order walk with each collection's location (for messages) and depth.
    stack: list[tuple[yaml.Node, str, int, bool]] = [(root, "$", 1, False)]
    while stack:
        node, where, depth, done = stack.pop()
        key = id(node)
        cls = type(node)
        if done:
            children = _children(node)
            size[key] = min(1 + sum(size[id(c)] for c in children), cap)
            continue
        if key in size:
            if size[key] == -1:
                line = node.start_mark.line + 1
                raise ClaimFileError(
                    path, where, None, "holds a YAML alias that refers to itself", line=line
                )
            continue
        if cls is not mapping and cls is not sequence:
            own = 1 + len(node.value)
            size[key] = own
            written += own
            continue
        if depth > MAX_DEPTH:
            raise ClaimFileError(
                path,
                where,
                None,
                f"is nested more than {MAX_DEPTH} levels deep",
                line=node.start_mark.line + 1,
            )
        size[key] = -1
        written += 1
        stack.append((node, where, depth, True))
        if cls is sequence:
            stack.extend((c, f"{where}[{i}]", depth + 1, False) for i, c in enumerate(node.value))
        else:
            seen: dict[str, int] = {}
            for k, v in node.value:
                name = k.value if type(k) is yaml.ScalarNode else None
                if name is not None and k.tag != "tag:yaml.org,2002:merge":
                    line = k.start_mark.line + 1
                    if name in seen:
                        raise ClaimFileError(
                            path,
                            f"{where}.{name}",
                            None,
                            f"gives the key {_short(name)!r} twice (lines {seen[name]} and {line}); a key may appear once",
                            line=line,
                        )
                    seen[name] = line
                stack.append((k, where, depth + 1, False))
                stack.append((v, f"{where}.{name}", depth + 1, False))
    if size[id(root)] - written > MAX_ALIAS_EXPANSION:
        raise ClaimFileError(
            path,
            "$",
            None,
            f"holds YAML aliases that expand to more than {MAX_ALIAS_EXPANSION:,} values and characters",
        )


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _yaml_lines(node: yaml.Node | None) -> dict[str, int]:
    out: dict[str, int] = {}
    if not isinstance(node, yaml.MappingNode):
        return out
    for key, value in node.value:
        out[f"$.{getattr(key, 'value', '?')}"] = key.start_mark.line + 1
        if getattr(key, "value", None) == "claims" and isinstance(value, yaml.SequenceNode):
            for i, item in enumerate(value.value):
                out[f"$.claims[{i}]"] = item.start_mark.line + 1
                if isinstance(item, yaml.MappingNode):
                    for k, v in item.value:
                        out[f"$.claims[{i}].{getattr(k, 'value', '?')}"] = v.start_mark.line + 1
    return out


def parse_json(text: str, path: str) -> tuple[Any, Lines]:
    """The document in a JSON text, and its line index (computed only when an error needs it)."""
    check_size(text, path)
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as e:
        raise ClaimFileError(path, "$", None, f"is not valid JSON: {e.msg}", line=e.lineno) from e
    except RecursionError:
        raise ClaimFileError(path, "$", None, "is nested too deeply to be a claims file") from None
    except ClaimFileError:
        raise
    except _DuplicateKeyError as e:
        where, both = _json_duplicate(text, e.key)
        found = f" (lines {both[0]} and {both[1]})" if both else ""
        raise ClaimFileError(
            path,
            where,
            None,
            f"gives the key {_short(e.key)!r} twice{found}; a key may appear once",
            line=both[1] if both else None,
        ) from None
    except ValueError as e:  # an integer of more digits than Python converts
        raise ClaimFileError(path, "$", None, _value_error(e)) from None
    cache: list[Mapping[str, int]] = []

    def lines() -> Mapping[str, int]:
        if not cache:
            try:
                cache.append(_json_lines(text))
            except (ValueError, RecursionError):
                cache.append({})
        return cache[0]

    return data, lines


class _DuplicateKeyError(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for k, _ in pairs:
            if k in seen:
                raise _DuplicateKeyError(k)
            seen.add(k)
    return out


def _json_duplicate(text: str, key: str) -> tuple[str, tuple[int, int] | None]:
    """Where the first object that gives ``key`` twice is, and the lines of both (a slow pass, for the message)."""
    try:
        data, spans = _json_spans(text)
    except (ValueError, RecursionError):
        return "$", None
    newlines = [m.start() for m in re.finditer("\n", text)]
    stack: list[tuple[Any, str]] = [(data, "$")]
    while stack:
        value, where = stack.pop()
        if isinstance(value, dict):
            start, end = spans[id(value)]
            nested = [spans[id(v)] for v in value.values() if id(v) in spans]
            found = [
                m.start()
                for m in _KEY.finditer(text, start + 1, end)
                if m.group(1) == key and not any(a <= m.start() < b for a, b in nested)
            ]
            if len(found) > 1:
                first, second = (bisect.bisect_left(newlines, at) + 1 for at in found[:2])
                return f"{where}.{key}", (first, second)
            stack.extend((v, f"{where}.{k}") for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, f"{where}[{i}]") for i, v in enumerate(value))
    return "$", None


# Unrolled ("normal* (special normal*)*"), so that a megabyte-long string is one step, not a million backtrack states.
_KEY = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"\s*:', re.DOTALL)


def _json_spans(text: str) -> tuple[Any, dict[int, tuple[int, int]]]:
    """Parse again with the pure-Python scanner, recording where each object and array starts and ends."""
    spans: dict[int, tuple[int, int]] = {}

    def recording(parse: Callable[..., tuple[Any, int]]) -> Callable[..., tuple[Any, int]]:
        def record(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
            obj, end = parse(s_and_end, *args)
            spans[id(obj)] = (s_and_end[1] - 1, end)
            return obj, end

        return record

    decoder = json.JSONDecoder()
    decoder.parse_object = recording(json.decoder.JSONObject)  # type: ignore[attr-defined]
    decoder.parse_array = recording(json.decoder.JSONArray)  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    data = decoder.decode(text)
    return (
        data,
        spans,
    )  # every recorded object is part of ``data``: their ids stay unique while it lives


def _json_lines(text: str) -> dict[str, int]:
    """The line of each claim and claim field, from a second, position-keeping parse."""
    data, spans = _json_spans(text)
    newlines = [m.start() for m in re.finditer("\n", text)]

    def line(offset: int) -> int:
        return bisect.bisect_left(newlines, offset) + 1

    out: dict[str, int] = {}
    if not isinstance(data, dict):
        return out
    claims = data.get("claims")
    if not isinstance(claims, list):
        return out
    for i, item in enumerate(claims):
        if id(item) in spans:
            out[f"$.claims[{i}]"] = line(spans[id(item)][0])
        if not isinstance(item, dict):
            continue
        start, end = spans[id(item)]
        nested = [spans[id(v)] for v in _nested_objects(item) if id(v) in spans]
        for m in _KEY.finditer(text, start + 1, end):
            if not any(a <= m.start() < b for a, b in nested):
                out.setdefault(f"$.claims[{i}].{m.group(1)}", line(m.start()))
    return out


def _nested_objects(item: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for v in item.values():
        if isinstance(v, dict):
            found.append(v)
        elif isinstance(v, list):
            found.extend(x for x in v if isinstance(x, dict))
    return found
