"""Text -> document: YAML and JSON parsed safely, with the line of every claim and field.

A *document* is the plain data of a claims file (mappings, lists, text, numbers)
before any claim is built. Both parsers refuse hostile input with a
:class:`~claimdiff.ClaimFileError` instead of hanging or exhausting memory:
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

__all__ = ["MAX_ALIAS_EXPANSION", "MAX_CHARS", "MAX_DEPTH", "MAX_YAML_LINE", "Lines", "parse_json", "parse_yaml"]

#: The largest text (in characters, and file in bytes) claimdiff reads.
MAX_CHARS = 64 * 1024 * 1024
#: The deepest nesting of mappings and lists a claims file may have (a claim needs four).
MAX_DEPTH = 64
#: The longest line a YAML text may have: PyYAML reads about 4 MB a second, so a longer line
#: is refused at once rather than read for minutes. (JSON and CSV are read by C code.)
MAX_YAML_LINE = 1_000_000
#: How many values YAML aliases may add to a document beyond those written out.
MAX_ALIAS_EXPANSION = 1_000_000

#: Line of each claim and each of its fields, keyed by location (``$.claims[3].value``),
#: computed when first asked for: most files have no error and never need it.
Lines = Callable[[], Mapping[str, int]]


class _TooDeepError(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


class _Loader(yaml.SafeLoader):
    """A safe loader that keeps dates as text (claimdiff reads them, timezone-aware) and limits nesting."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooDeepError(self.peek_event().start_mark.line + 1)  # type: ignore[no-untyped-call]
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def check_size(text: str, path: str) -> None:
    """Refuse a text larger than :data:`MAX_CHARS`."""
    if len(text) > MAX_CHARS:
        raise ClaimFileError(path, "$", None, f"is {len(text):,} characters long; claimdiff reads up to {MAX_CHARS:,}")


def parse_yaml(text: str, path: str) -> tuple[Any, Lines]:
    """The document in a YAML text, and its line index."""
    check_size(text, path)
    long_line = _first_long_line(text, MAX_YAML_LINE)
    if long_line is not None:
        raise ClaimFileError(path, "$", None, f"has a line longer than {MAX_YAML_LINE:,} characters", line=long_line)
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                _check_aliases(node, path)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except _TooDeepError as e:
        raise ClaimFileError(path, "$", None, f"is nested more than {MAX_DEPTH} levels deep", line=e.line) from None
    except yaml.MarkedYAMLError as e:
        line = e.problem_mark.line + 1 if e.problem_mark is not None else None
        raise ClaimFileError(path, "$", None, f"is not valid YAML: {e.problem}", line=line) from e
    except yaml.YAMLError as e:
        raise ClaimFileError(path, "$", None, f"is not valid YAML: {e}") from e
    lines = _yaml_lines(node)
    return data, lambda: lines


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


def _check_aliases(root: yaml.Node, path: str) -> None:
    """Refuse aliases that refer to themselves or expand the document beyond :data:`MAX_ALIAS_EXPANSION`."""
    size: dict[int, int] = {}  # id(node) -> values it expands to; -1 while being counted
    written = 0
    # Iterative post-order walk: the graph is a DAG of shared nodes unless an alias loops.
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            size[key] = min(1 + sum(size[id(c)] for c in children), 2 * MAX_ALIAS_EXPANSION)
            continue
        if key in size:
            if size[key] == -1:
                line = node.start_mark.line + 1
                raise ClaimFileError(path, "$", None, "holds a YAML alias that refers to itself", line=line)
            continue
        size[key] = -1
        written += 1
        stack.append((node, True))
        stack.extend((c, False) for c in children)
    if size[id(root)] - written > MAX_ALIAS_EXPANSION:
        raise ClaimFileError(
            path, "$", None, f"holds YAML aliases that expand to more than {MAX_ALIAS_EXPANSION:,} values"
        )


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
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ClaimFileError(path, "$", None, f"is not valid JSON: {e.msg}", line=e.lineno) from e
    except RecursionError:
        raise ClaimFileError(path, "$", None, "is nested too deeply to be a claims file") from None
    cache: list[Mapping[str, int]] = []

    def lines() -> Mapping[str, int]:
        if not cache:
            try:
                cache.append(_json_lines(text))
            except (ValueError, RecursionError):
                cache.append({})
        return cache[0]

    return data, lines


_KEY = re.compile(r'"((?:[^"\\]|\\.)*)"\s*:', re.DOTALL)


def _json_lines(text: str) -> dict[str, int]:
    """Parse again with the pure-Python scanner, recording where each object starts and ends."""
    spans: dict[int, tuple[int, int]] = {}
    keep: list[object] = []  # keeps every object alive so that ids stay unique

    def recording(parse: Callable[..., tuple[Any, int]]) -> Callable[..., tuple[Any, int]]:
        def record(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
            obj, end = parse(s_and_end, *args)
            spans[id(obj)] = (s_and_end[1] - 1, end)
            keep.append(obj)
            return obj, end

        return record

    decoder = json.JSONDecoder()
    decoder.parse_object = recording(json.decoder.JSONObject)  # type: ignore[attr-defined]
    decoder.parse_array = recording(json.decoder.JSONArray)  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    data = decoder.decode(text)
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
