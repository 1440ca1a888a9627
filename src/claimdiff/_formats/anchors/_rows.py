"""Rows of an anchor's table, from a CSV file, a DataFrame or any iterable of mappings."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any

from claimdiff._formats._io import read_text
from claimdiff.exceptions import ClaimFileError

__all__ = ["table_rows"]


def table_rows(
    table: Any, name: str | None, required: Iterable[str]
) -> tuple[str, Iterator[tuple[Hashable, Mapping[str, Any]]]]:
    """The table's name for messages and its ``(label, row)`` pairs.

    ``table`` is a path to a CSV file (labels are the line each row starts on), a
    :class:`pandas.DataFrame` (labels are its index), or an iterable of mappings (0, 1, ...).

    Raises:
        ClaimFileError: The file cannot be read, or a required column is missing.
    """
    need = list(required)
    if isinstance(table, str | os.PathLike):
        path = os.fspath(table)
        label = name or path
        text = read_text(path, label=label)
        reader = csv.DictReader(io.StringIO(text, newline=""))
        _require(label, list(reader.fieldnames or []), need)

        def from_csv() -> Iterator[tuple[Hashable, Mapping[str, Any]]]:
            line = 2
            for row in reader:
                yield f"line {line}", row
                line = reader.line_num + 1

        return label, from_csv()
    if hasattr(table, "columns") and hasattr(table, "index"):
        label = name or "<dataframe>"
        columns = [str(c) for c in table.columns]
        _require(label, columns, need)
        data = {c: table[c].tolist() for c in columns}
        index = list(table.index)
        return label, ((index[i], {c: data[c][i] for c in columns}) for i in range(len(index)))
    label = name or "<rows>"
    rows = list(table)
    if rows:
        _require(label, [str(k) for k in rows[0]], need)
    return label, ((i, row) for i, row in enumerate(rows))


def _require(name: str, columns: list[str], need: list[str]) -> None:
    missing = [c for c in need if c not in columns]
    if missing:
        raise ClaimFileError(name, "$", None, f"has no column {', '.join(map(repr, missing))}")
