"""One CSV cell's text: a relay chain written in a cell, and cells a spreadsheet will not run as formulas."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["NUMBER", "CellError", "escape_cell", "parse_via", "unescape_cell", "via_cell"]

#: A number as a CSV cell writes it (a figure, not a formula).
NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


class CellError(Exception):
    """A cell that cannot be read: its column (``None`` for the whole row) and why."""

    def __init__(self, column: str | None, reason: str) -> None:
        self.column = column
        self.reason = reason


# -- the via cell -------------------------------------------------------------------------------
#

# Two spellings, both read: the plain one people type ("Reuters [agency] | ZeroHedge [media; US]"), and a
# JSON array for names that hold the plain spelling's separators. claimdiff writes the plain spelling when
# it reads back exactly and JSON otherwise, so no hand-made escape grammar stands between a name and its
# round trip.

_PLAIN_FORBIDDEN = re.compile(r'[\\|\[\];"\r\n]')


def parse_via(cell: str) -> list[str | dict[str, str]]:
    """The sources in a ``via`` cell, nearest the origin first.

    A cell is either plain text, names separated by ``|``, each optionally followed by ``[kind]`` or
    ``[kind; party]``, or a JSON array of names and ``{"name", "kind", "party"}`` objects (what claimdiff
    writes when a name holds ``|``, ``[``, ``]``, ``;``, a quote or a backslash).

    >>> parse_via("Reuters [agency] | ZeroHedge")
    [{'name': 'Reuters', 'kind': 'agency'}, 'ZeroHedge']
    >>> parse_via('["a | b", {"name": "c [d]", "kind": "media"}]')
    ['a | b', {'name': 'c [d]', 'kind': 'media'}]
    """
    if cell.lstrip().startswith("["):
        return _json_via(cell)
    items: list[str | dict[str, str]] = []
    for part in cell.split("|"):
        name, bracket = _bracket(part)
        if bracket is None:
            items.append(name)
            continue
        kind, sep, party = bracket.partition(";")
        spec = {"name": name, "kind": kind.strip()}
        if sep:
            spec["party"] = party.strip()
        items.append(spec)
    return items


def _json_via(cell: str) -> list[str | dict[str, str]]:
    try:
        value = json.loads(cell)
    except (json.JSONDecodeError, RecursionError) as e:
        raise CellError("via", f"starts with '[' but is not a JSON array of sources: {e}") from e
    if not isinstance(value, list):
        raise CellError("via", "starts with '[' but is not a JSON array of sources")
    items: list[str | dict[str, str]] = []
    for i, item in enumerate(value):
        if isinstance(item, str) or (
            isinstance(item, dict)
            and set(item) <= {"name", "kind", "party", "reliability"}
            and "name" in item
            and all(isinstance(v, str) or k == "reliability" for k, v in item.items())
        ):
            items.append(item)
        else:
            raise CellError(
                "via",
                f"item {i} of the JSON array must be a name or an object with 'name' and "
                f"optional 'kind' and 'party' strings (got {json.dumps(item)[:80]})",
            )
    return items


def _bracket(part: str) -> tuple[str, str | None]:
    stripped = part.strip()
    if "[" not in stripped and "]" not in stripped:
        return stripped, None
    at = stripped.find("[")
    if at < 0 or not stripped.endswith("]") or stripped.count("[") > 1 or stripped.count("]") > 1:
        raise CellError(
            "via",
            f"has unbalanced brackets in {stripped!r}; write 'Name [kind]' or "
            "'Name [kind; party]', or the cell as a JSON array",
        )
    return stripped[:at].strip(), stripped[at + 1 : -1]


def _plain(text: str) -> bool:
    return text == text.strip() and text != "" and not _PLAIN_FORBIDDEN.search(text)


def via_cell(items: Iterable[str | Mapping[str, Any]]) -> str:
    """The ``via`` cell for sources in the claims-file form; :func:`parse_via` reads it back exactly.

    >>> via_cell([{"name": "Reuters", "kind": "agency"}, "ZeroHedge"])
    'Reuters [agency] | ZeroHedge'
    >>> via_cell(["a | b"])
    '["a | b"]'
    """
    items = list(items)
    texts = [
        t
        for item in items
        for t in ([item] if isinstance(item, str) else item.values())
        if t is not None
    ]
    if all(isinstance(t, str) and _plain(t) for t in texts):
        out = []
        for item in items:
            if isinstance(item, str):
                out.append(item)
            elif item.get("party") is None:
                out.append(f"{item['name']} [{item['kind']}]")
            else:
                out.append(f"{item['name']} [{item['kind']}; {item['party']}]")
        return " | ".join(out)
    plain_items = [
        item if isinstance(item, str) else {k: v for k, v in item.items() if v is not None}
        for item in items
    ]
    return json.dumps(plain_items, ensure_ascii=False)


# -- writing ------------------------------------------------------------------------------------


# -- spreadsheet formulas -------------------------------------------------------------------------
#
# A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before them) as a formula.
# Following OWASP's guidance on CSV injection, claimdiff writes such a cell behind a single quote, which
# spreadsheets show but do not run, and reads a leading quote before one of those characters (or before
# another quote) back off, so that every text round-trips. Plain numbers ("-4") are not formulas.

_FORMULA_START = frozenset("=+-@\t\r")


def escape_cell(text: str) -> str:
    """A cell a spreadsheet will not run as a formula; :func:`unescape_cell` gives ``text`` back.

    >>> escape_cell("=1+2"), escape_cell("-4"), escape_cell("'=x"), escape_cell("'Tis")
    ("'=1+2", '-4', "''=x", "'Tis")
    """
    if not text or NUMBER.fullmatch(text):
        return text
    if text[0] in _FORMULA_START or (
        text[0] == "'" and text[1:2] and text[1] in _FORMULA_START | {"'"}
    ):
        return "'" + text
    return text


def unescape_cell(text: str) -> str:
    """The text of a cell written by :func:`escape_cell` (a cell a person wrote reads as itself).

    >>> unescape_cell("'=1+2"), unescape_cell("''=x"), unescape_cell("'Tis")
    ('=1+2', "'=x", "'Tis")
    """
    if text[:1] == "'" and text[1:2] and text[1] in _FORMULA_START | {"'"}:
        return text[1:]
    return text
