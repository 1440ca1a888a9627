r"""A claims CSV's rows tokenized by pandas' C parser, in columns, each with the line it starts on.

The ``csv`` module reads a row at a time in Python; pandas' C parser reads a chunk of rows into columns
many times faster. The two agree on a file whose every row is one physical line, so this reader first
scans the bytes (a few numpy passes) for what it needs to be sure of that:

* the cells of each line (its commas, plus one), so that a short row is known as short (pandas pads it);
* each line holding a quote, read again with the ``csv`` module (so a quoted cell is unquoted by the
  same rules as today, and a quote left open, or a stray one, is refused by them);
* that there is no NUL, no carriage return but in a ``\r\n`` line end (as Python's ``csv`` module and
  spreadsheets write them), no row longer than the header, and no line longer than the ``csv`` module's
  field limit (which it refuses a cell beyond).

When any of that fails, or pandas is missing, gives a different count of rows, or raises (an encoding
error, say), :func:`token_batches` says so by :class:`Unsure`, and the caller reads the file with the
``csv`` module instead: its errors, lines and columns are today's, written once there.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

__all__ = ["BLOCK", "Batch", "Layout", "Unsure", "layout", "token_batches"]

#: Bytes scanned at a time (whole lines: a line cut by a block waits for the next one).
BLOCK = 1 << 24
#: Above this share of lines holding a quote, the ``csv`` module alone reads the file faster.
_MOST_QUOTED = 0.5

#: A batch of rows: the columns (padded with ``""``), each row's cell count, its row as read, its line.
Batch = tuple[list[Any], np.ndarray, Callable[[int], list[str]], list[int]]


class Unsure(Exception):  # noqa: N818 - a signal between two readers, not an error for the user
    """The C tokenizer cannot be shown to read this text as the ``csv`` module does: read it with that."""


class Layout:
    """What a scan of a CSV text's bytes found: its lines, each line's cells, and its quoted lines read."""

    def __init__(self, cells: np.ndarray, blank: np.ndarray, quoted: dict[int, list[str]]) -> None:
        #: The cells of each physical line (commas + 1; a quoted line: as the ``csv`` module reads it).
        self.cells = cells
        #: Whether each line has no cell filled (no row, as the csv reader reads it).
        self.blank = blank
        #: Each line holding a quote (index from 0), as the ``csv`` module reads it.
        self.quoted = quoted
        #: The first line's row.
        self.header = quoted[0]
        #: The quoted lines, in order.
        self.lines = np.array(sorted(quoted), dtype=np.intp)


def _whole_lines(read: Callable[[int], bytes]) -> Iterator[bytes]:
    """The bytes ``read`` gives, in blocks that end at a line's end (the last block: at the end)."""
    tail = b""
    while True:
        block = read(BLOCK)
        if not block:
            if tail:
                yield tail
            return
        block = tail + block
        cut = block.rfind(b"\n") + 1
        tail = block[cut:]
        if cut:
            yield block[:cut]


def layout(read: Callable[[int], bytes]) -> Layout:
    r"""Scan the bytes ``read`` gives (a file's, from its start) for the lines, cells and quoted lines.

    >>> scan = layout(io.BytesIO(b'id,note\na,"x, y"\n\nb\n').read)
    >>> scan.cells.tolist(), scan.blank.tolist(), scan.quoted, scan.header
    ([2, 2, 1, 1], [False, False, True, False], {0: ['id', 'note'], 1: ['a', 'x, y']}, ['id', 'note'])

    Raises:
        Unsure: A NUL, a carriage return but in a ``\r\n`` line end, a line beyond the csv field limit, text
            that is not UTF-8, a quoted line that the ``csv`` module refuses or reads on into the next line,
            or more quoted lines than plain ones.
    """
    cells: list[np.ndarray] = []
    blank: list[np.ndarray] = []
    quoted: dict[int, list[str]] = {}
    base, width = 0, 0
    for block in _whole_lines(read):
        if b"\0" in block:
            raise Unsure
        ends = np.flatnonzero(np.frombuffer(block, dtype=np.uint8) == 10)
        if block[-1:] != b"\n":
            ends = np.append(ends, len(block))
        starts = np.concatenate(([0], ends[:-1] + 1))
        ends = _line_ends(block, ends, starts)
        sizes = ends - starts
        if len(block) > csv.field_size_limit() and (sizes > csv.field_size_limit()).any():
            raise Unsure  # a cell may be beyond the csv module's limit: it says where
        if base == 0:
            quoted[0] = _read_line(block[: ends[0]], "utf-8-sig")
            width = len(quoted[0])
        n = len(ends)
        rows = 1 if base == 0 else 0  # the rows' lines start after the header's
        after = int(starts[rows]) if rows < n else len(block)
        if b'"' not in block[after:] and block.count(b",", after) == (width - 1) * (n - rows):
            # As many commas as a full row on every line: a line short of them would need one long
            # of them, which pandas refuses (from its second row; the first is checked here).
            cells.append(np.full(n, width, dtype=np.intp))
            blank.append(sizes == width - 1)
            first = 1 - base  # the first row after the header, if in this block
            if 0 <= first < n and block[starts[first] : ends[first]].count(b",") != width - 1:
                raise Unsure
        else:
            arr = np.frombuffer(block, dtype=np.uint8)
            commas = np.bincount(np.searchsorted(ends, np.flatnonzero(arr == 44)), minlength=n)
            cells.append(commas[:n] + 1)
            blank.append(sizes == commas[:n])
            for line in np.unique(np.searchsorted(ends, np.flatnonzero(arr == 34))).tolist():
                if base + line:
                    row = quoted[base + line] = _read_line(
                        block[starts[line] : ends[line]], "utf-8"
                    )
                    cells[-1][line], blank[-1][line] = len(row), not any(row)
        base += n
    if not cells:
        raise Unsure  # an empty file: the csv reader says so
    if len(quoted) > _MOST_QUOTED * base:
        raise Unsure
    return Layout(np.concatenate(cells), np.concatenate(blank), quoted)


def _line_ends(block: bytes, ends: np.ndarray, starts: np.ndarray) -> np.ndarray:
    r"""Where each line's text ends: before its ``\n``, and before the ``\r`` of a ``\r\n`` line end.

    Both readers end a line at ``\r\n`` as at ``\n``; a carriage return anywhere else (a line ended by ``\r``
    alone, one inside a cell) is left to the ``csv`` module.

    >>> _line_ends(b"a\r\nb\n", np.array([2, 5]), np.array([0, 3])).tolist()
    [1, 5]

    Raises:
        Unsure: A carriage return not followed by a line feed.
    """
    returns = block.count(b"\r")
    if not returns:
        return ends
    if returns != block.count(b"\r\n"):
        raise Unsure
    before = np.maximum(ends - 1, starts)  # the last byte of a line that has one
    arr = np.frombuffer(block, dtype=np.uint8)
    cr = (ends > starts) & (arr[np.minimum(before, len(arr) - 1)] == 13)
    out: np.ndarray = ends - cr
    return out


def _read_line(line: bytes, encoding: str) -> list[str]:
    """The one row the ``csv`` module reads from one line, or :class:`Unsure` (an error, or a row going on)."""
    try:
        reader = csv.reader([line.decode(encoding)], strict=True)
        rows = list(reader)
    except (UnicodeDecodeError, csv.Error) as e:
        raise Unsure from e
    if len(rows) != 1:
        raise Unsure
    return rows[0]


def token_batches(source: Any, scan: Layout, width: int, chunk: int) -> Iterator[Batch]:
    """The rows after the header of a claims CSV (a binary file or bytes), in batches of columns, blank rows left out.

    ``scan`` is :func:`layout`'s scan of the same bytes and ``width`` the header's cells. Every row is one
    physical line (the scan and the row count show it), so the row of line ``i`` starts on line ``i + 1``.

    Raises:
        Unsure: A row longer than the header, pandas missing or refusing the text, or giving a different
            number of rows than the text has lines.
    """
    try:
        import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415 - optional
    except ImportError as e:
        raise Unsure from e
    cells = scan.cells
    if (cells[1:] > width).any():
        raise Unsure  # a long row: the csv reader's rows say how long
    handle = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        reader = pd.read_csv(
            handle,
            header=None,
            skiprows=1,
            names=list(range(width)),
            index_col=False,
            dtype=object,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
            encoding="utf-8",
            encoding_errors="strict",
            chunksize=chunk,
        )
        done = 1  # lines read: the header
        with reader:
            for frame in reader:
                rows = len(frame)
                if done + rows > len(cells):
                    raise Unsure
                yield _batch(frame, scan, done, width)
                done += rows
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as e:
        raise Unsure from e
    if done != len(cells):
        raise Unsure


def _batch(frame: Any, scan: Layout, first: int, width: int) -> Batch:
    """One chunk of pandas rows (lines ``first`` on) as a batch: quoted lines as the csv module read them."""
    columns = [frame[i].to_numpy(dtype=object, copy=True) for i in range(width)]
    n = len(frame)
    lengths = scan.cells[first : first + n].astype(np.intp)
    lines = scan.lines
    for line in lines[np.searchsorted(lines, first) : np.searchsorted(lines, first + n)].tolist():
        row = scan.quoted[line]
        for j, column in enumerate(columns):
            column[line - first] = row[j] if j < len(row) else ""
    filled = np.zeros(n, dtype=bool)
    for column in columns:
        filled |= column != ""
    keep = np.flatnonzero(
        filled
    )  # a blank row (no cell filled) is no row, as the csv reader reads it
    columns = [column[keep] for column in columns]
    lengths = lengths[keep]

    def row_at(i: int) -> list[str]:
        return [column[i] for column in columns[: lengths[i]]]

    return columns, lengths, row_at, (keep + first + 1).tolist()
