"""The report as JSON, written in pieces: a 10^6-claim report is never one string, nor one document in memory.

The document equals ``report.to_dict()`` with the file's name added; each group is made just before it is
written, every non-finite float is written as ``null`` (JSON has no NaN), and DEL, C1 controls and bidi
overrides are escaped so that the output is safe to print.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import attrs

from claimdiff._core.report import Report

__all__ = ["json_chunks", "report_document"]


_C1 = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class _Written(list):  # type: ignore[type-arg]
    """A list the JSON encoder writes item by item, each item made just before it is written."""

    def __init__(self, items: Sequence[Any], make: Callable[[Any], object]) -> None:
        super().__init__()
        self._items, self._make = items, make

    def __iter__(self) -> Iterator[Any]:
        return (self._make(item) for item in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)


def report_document(report: Report, title: str) -> dict[str, Any]:
    """The report's JSON document, its groups (most of it) each made as it is written, never all at once.

    The document equals ``report.to_dict()`` with ``file`` added (``tests/test_cli.py`` checks it).
    """
    doc = attrs.evolve(report, groups=()).to_dict()
    doc["summary"]["groups"] = len(report.groups)
    doc["groups"] = _Written(report.groups, lambda g: _finite(g.to_dict()))
    doc["file"] = title
    return doc


def _finite(value: object) -> object:
    """``value`` with every non-finite float as ``None`` (JSON has no NaN or Infinity), changed in place.

    In place: the report's document is made for this output only, and a copy would double its memory.
    """
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    items: Iterable[tuple[Any, object]]
    if type(value) is dict:
        items = value.items()
    elif type(value) is list:  # not a _Written list: its items are made finite as they are made
        items = enumerate(value)
    else:
        return value
    for (
        key,
        item,
    ) in items:  # replacing the value of a key while iterating is allowed (no key is added)
        if isinstance(item, float):
            if not math.isfinite(item):
                value[key] = None
        elif type(item) is dict or type(item) is list:
            _finite(item)
    return value


def json_chunks(doc: object, *, batch: int = 8192) -> Iterator[str]:
    """The report as indented JSON, in pieces of ``batch`` tokens (a 10^6-claim report is never one string)."""
    encoder = json.JSONEncoder(indent=2, ensure_ascii=False, allow_nan=False)
    pieces: list[str] = []
    for token in encoder.iterencode(_finite(doc)):
        pieces.append(token)
        if len(pieces) >= batch:
            yield _escaped("".join(pieces))
            pieces.clear()
    pieces.append("\n")
    yield _escaped("".join(pieces))


def _escaped(text: str) -> str:
    # JSON escapes C0 controls itself; escape DEL, C1 and bidi overrides too, so the output is safe to cat.
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
