"""Cells that cross a Dask shuffle as they are, or pickled, so each row is read after it as in one process.

A shuffle serialises every cell on its own terms, and not faithfully (partd's msgpack, the p2p shuffle's
Arrow): :func:`_pack` pickles, before the shuffle, every cell that is not text or missing, and marks the row;
:func:`_unpack` reads back, after it, exactly the cells it pickled. Used by
:mod:`claimdiff._formats.dask_frames`.

>>> _plain("12 killed"), _plain(None), _plain({"low": 1})
(True, True, False)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

__all__ = ["PACKED_COLUMN", "_pack", "_plain", "_unpack"]

#: The column that names, for each row, the columns whose cells cross the shuffle pickled (``""``: none).
PACKED_COLUMN = "_claimdiff_packed"


def _plain(cell: Any) -> bool:
    """Whether a cell crosses every shuffle as it is: text, or missing (``None``, NaN)."""
    return cell is None or type(cell) is str or (type(cell) is float and math.isnan(cell))


def _pack(pdf: Any, columns: Sequence[str]) -> Any:
    """A partition's rows ready for the shuffle: in ``columns``, each cell that is not text or missing pickled.

    A shuffle serialises every cell on its own terms, and not faithfully: partd's disk shuffle packs an object
    column with msgpack, which writes a mapping with integer keys that it cannot read back (partd then unpickles
    the msgpack bytes: a raw ``UnpicklingError`` or ``MemoryError``) and turns a tuple into a list; the
    distributed p2p shuffle converts columns to Arrow and fails on a column of text and numbers. So such a cell
    crosses as the text of its pickle, and :data:`PACKED_COLUMN` names the row's packed columns (by position in
    ``columns``), so that a pickle is read back only where this function wrote one, never from a cell's own
    text. The reader then sees the very cell it would see in one process, and reads or rejects it by its rule.
    A column of text and missing cells (all of them, in a claims CSV read with ``dtype=str``) is passed over
    after one check in C.
    """
    import pickle  # noqa: PLC0415

    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415

    marks: list[list[str]] = [[] for _ in range(len(pdf))]
    packed: dict[str, list[Any]] = {}
    for at, name in enumerate(columns):
        column = pdf[name]
        if pd.api.types.infer_dtype(column, skipna=True) in {"string", "empty"}:
            continue
        cells = column.tolist()
        for row, cell in enumerate(cells):
            if not _plain(cell):
                cells[row] = pickle.dumps(cell, protocol=pickle.HIGHEST_PROTOCOL).decode("latin-1")
                marks[row].append(str(at))
        packed[name] = cells
    out = pdf.assign(
        **{PACKED_COLUMN: pd.Series([" ".join(m) for m in marks], index=pdf.index, dtype=object)}
    )
    for name, cells in packed.items():
        out[name] = pd.Series(cells, index=pdf.index, dtype=object)
    return out


def _unpack(pdf: Any, columns: Sequence[str]) -> Any:
    """A shuffled partition's rows with the cells :func:`_pack` pickled read back, and its mark column gone."""
    import pickle  # noqa: PLC0415

    marks = pdf[PACKED_COLUMN].tolist()
    out = pdf.drop(columns=[PACKED_COLUMN])
    odd = [(row, mark) for row, mark in enumerate(marks) if mark]
    if not odd:
        return out
    cells = {
        name: out[name].tolist() for name in {columns[int(at)] for _, m in odd for at in m.split()}
    }
    for row, mark in odd:
        for at in mark.split():
            name = columns[int(at)]
            cells[name][row] = pickle.loads(cells[name][row].encode("latin-1"))  # noqa: S301 - written by _pack
    import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415

    for name, values in cells.items():
        out[name] = pd.Series(values, index=out.index, dtype=object)
    return out
