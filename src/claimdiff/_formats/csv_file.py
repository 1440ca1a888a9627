"""A claims CSV file of any size, read row chunk by row chunk, with the claims and errors of the text reader.

A claims file is read whole, up to :data:`~claimdiff._formats.documents.MAX_CHARS` (the bound that keeps
hostile input from exhausting memory). A claims CSV has no structure that needs the whole text at once,
so a larger one is streamed instead: pandas' C parser reads its rows into columns when
:mod:`claimdiff._formats.csv_tokens` can show it reads them as the ``csv`` module would (else the ``csv``
module reads them: the same dialect, the same line numbers), :class:`~claimdiff._formats.table_columns.CsvReader`
reads each chunk of rows in columns, and rows it leaves to the full reader are read as in a smaller file. Every error names the same claim index
(``$.claims[i]``) and line as the text reader's would. Memory holds one chunk of rows and the claims.

One thing needs the whole file: a ``cumulative`` column defines metrics for every row, before any row is
read. A file with one is read whole, within the limit.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np

from claimdiff._formats._io import read_text
from claimdiff._formats.build import document_context, duplicate_reason
from claimdiff._formats.claims_file import LoadedClaims, load_document
from claimdiff._formats.columnar import fast_claims
from claimdiff._formats.csv_format import parse_csv, parse_rows
from claimdiff._formats.csv_tokens import Batch, Unsure, layout, token_batches
from claimdiff._formats.documents import MAX_CHARS
from claimdiff._formats.settle import Chunk, Outcome, entry_outcome, settle_all
from claimdiff._formats.table_columns import TABLE_CHUNK, CsvReader
from claimdiff._model.hedges import DEFAULT_HEDGES, HedgePolicy
from claimdiff._model.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from claimdiff.exceptions import ClaimFileError

__all__ = ["read_csv_file", "read_csv_rows", "streamed"]

_ENTRY = re.compile(r"\$\.claims\[(\d+)\]")


def streamed(path: str | os.PathLike[str], limit: int = MAX_CHARS) -> bool:
    """Whether ``path`` is a regular file larger than ``limit`` bytes: too large to read whole, so streamed.

    >>> streamed("pyproject.toml")
    False
    """
    try:
        info = os.stat(path)
    except OSError:
        return False
    return os.path.isfile(path) and info.st_size > limit


class _Starts(Mapping[str, int]):
    """The line each claim's row starts on, as the line index of a document (``$.claims[i]`` -> line)."""

    def __init__(self, starts: list[int]) -> None:
        self.starts = starts

    def __getitem__(self, key: str) -> int:
        m = _ENTRY.fullmatch(key)
        if m is None or int(m.group(1)) >= len(self.starts):
            raise KeyError(key)
        return self.starts[int(m.group(1))]

    def __iter__(self) -> Iterator[str]:
        return (f"$.claims[{i}]" for i in range(len(self.starts)))

    def __len__(self) -> int:
        return len(self.starts)


def read_csv_file(
    path: str | os.PathLike[str],
    *,
    name: str | None = None,
    hedges: HedgePolicy = DEFAULT_HEDGES,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
    chunk: int = TABLE_CHUNK,
) -> LoadedClaims:
    r"""Read a claims CSV file of any size as :func:`claimdiff.load_claims_lenient` reads a smaller one.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "claims.csv"
    >>> _ = path.write_text("id,metric,counted,value,source\na,killed,people,at least 14,MoD\n"
    ...                     "b,killed,people,-4,MoD\n")
    >>> loaded = read_csv_file(path)
    >>> [c.id for c in loaded.claims], str(loaded.rejected[0]).split(": ", 1)[1]
    (['a'], "claim 'b' ($.claims[1].value, line 3): 'value' is a negative count (got '-4').")

    Raises:
        ClaimFileError: The file cannot be read, is not UTF-8 or not valid CSV (the line is named), has a
            bad header, or has a ``cumulative`` column and is too large to read whole.
    """
    name = name if name is not None else os.fspath(path)
    try:
        f = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed below
    except OSError as e:
        raise ClaimFileError(name, "$", None, f"cannot be read ({e.strerror or e})") from e
    with f:
        loaded = read_csv_rows(f, name=name, hedges=hedges, vocabulary=vocabulary, chunk=chunk)
    if loaded is None:  # a `cumulative` column: the whole text is needed, within the limit
        if streamed(path):
            raise ClaimFileError(
                name,
                "$",
                None,
                f"has a 'cumulative' column and is larger than {MAX_CHARS:,} "
                "bytes, the most claimdiff reads whole; declare the metrics in a YAML file, or "
                "split the file",
            )
        doc, lines = parse_csv(read_text(path), name)
        loaded = load_document(doc, lines, path=name, hedges=hedges, vocabulary=vocabulary)
    return loaded


def read_csv_rows(
    f: Iterable[str],
    *,
    name: str,
    hedges: HedgePolicy = DEFAULT_HEDGES,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
    chunk: int = TABLE_CHUNK,
) -> LoadedClaims | None:
    r"""Read the claims CSV text ``f`` (lines, as from a file opened with ``newline=""``) chunk by chunk, in columns.

    ``None`` when the header has a ``cumulative`` column: its cells define metrics for every row, so the
    whole text is read as one document instead (:func:`claimdiff._formats.csv_format.parse_csv`).

    >>> import io
    >>> text = "id,metric,counted,value,source\na,killed,people,about 5,MoD\n"
    >>> [c.id for c in read_csv_rows(io.StringIO(text, newline=""), name="<t>").claims]
    ['a']

    Raises:
        ClaimFileError: The text is not valid CSV (the line is named) or has a bad header.
    """
    source = _bytes_source(f)
    if source is not None:
        try:
            scan = layout(source[0])
            return _read_batches(
                scan.header,
                lambda width: token_batches(source[1](), scan, width, chunk),
                name=name,
                hedges=hedges,
                vocabulary=vocabulary,
            )
        except Unsure:  # the csv module reads it: today's rows, errors and lines
            source[2]()
    reader = csv.reader(f, strict=True)
    try:
        return _read_batches(
            next(reader, None),
            lambda width: _csv_batches(reader, width, chunk),
            name=name,
            hedges=hedges,
            vocabulary=vocabulary,
        )
    except csv.Error as e:
        raise ClaimFileError(name, "$", None, f"is not valid CSV: {e}", line=reader.line_num) from e
    except UnicodeDecodeError as e:  # a file's text, decoded as it is read
        raise ClaimFileError(
            name, "$", None, f"is not UTF-8 text: {e.reason}", line=reader.line_num + 1
        ) from e


def _bytes_source(
    f: Iterable[str],
) -> tuple[Callable[[int], bytes], Callable[[], Any], Callable[[], None]] | None:
    """How to read ``f``'s bytes for the C tokenizer: to scan, to tokenize, and to rewind for the csv module.

    ``None`` for a text that is neither a string buffer nor a seekable file (read by the csv module alone).
    """
    if isinstance(f, io.StringIO):
        try:
            data = f.getvalue().encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: the csv module reads it as today
            return None
        return io.BytesIO(data).read, lambda: data, lambda: None
    raw = getattr(f, "buffer", None)
    if isinstance(f, io.TextIOWrapper) and raw is not None and f.seekable() and f.tell() == 0:

        def rewind() -> Any:
            f.seek(0)
            return raw

        def back() -> None:
            f.seek(0)

        return raw.read, rewind, back
    return None


def _read_batches(
    header: list[str] | None,
    batches: Callable[[int], Iterator[Batch]],
    *,
    name: str,
    hedges: HedgePolicy,
    vocabulary: Vocabulary,
) -> LoadedClaims | None:
    """The claims of a claims CSV from its header and its rows' batches (``batches(width)``)."""
    starts: list[int] = []
    rejected: list[ClaimFileError] = []
    if header is None:
        raise ClaimFileError(
            name,
            "$",
            None,
            "is empty; a claims CSV starts with a header row naming its columns",
        )
    parse_rows(header, (), name)  # the header's own checks
    names = [h.strip().lower() for h in header]
    if "cumulative" in names:
        return None
    ctx = document_context({"claims": []}, lambda: _Starts(starts), name, hedges, vocabulary)
    chunks: list[Chunk] = []

    def duplicate(label: Any, cid: str, clash: str, first: Any) -> ClaimFileError:
        at = f"$.claims[{first}] (line {starts[first]})"
        return ctx.error(f"$.claims[{label}].id", cid, duplicate_reason(clash, at))

    for columns, lengths, row_at, lines in batches(len(names)):
        starts.extend(lines)
        if lines:
            _chunk(columns, lengths, row_at, header, names, starts, ctx, name, chunks)
    claims = settle_all(chunks, duplicate=duplicate, rejected=rejected)
    return LoadedClaims(path=name, claims=claims, rejected=tuple(rejected))


def _csv_batches(reader: Any, width: int, chunk: int) -> Iterator[Batch]:
    """The csv module's rows in batches of ``chunk``, padded into columns of ``width`` cells."""
    rows: list[list[str]] = []
    lines: list[int] = []
    for line, row in _numbered(reader):
        lines.append(line)
        rows.append(row)
        if len(rows) >= chunk:
            yield _rows_batch(rows, lines, width)
            rows, lines = [], []
    if rows:
        yield _rows_batch(rows, lines, width)


def _numbered(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Each row with the line it starts on; a blank line is no row (as the text reader reads them)."""
    start = reader.line_num + 1
    for row in reader:
        here, start = start, reader.line_num + 1
        if any(row):
            yield here, row


def _rows_batch(rows: list[list[str]], lines: list[int], width: int) -> Batch:
    lengths = np.fromiter((len(r) for r in rows), dtype=np.intp, count=len(rows))
    even = [r if len(r) == width else (r + [""] * width)[:width] for r in rows]
    return [list(c) for c in zip(*even, strict=True)], lengths, rows.__getitem__, lines


def _chunk(
    columns: list[Any],
    lengths: np.ndarray,
    row_at: Callable[[int], list[str]],
    header: list[str],
    names: list[str],
    starts: list[int],
    ctx: Any,
    name: str,
    chunks: list[Chunk],
) -> None:
    """Read one chunk of rows (the last ``len(lengths)`` of ``starts``): in columns, and the rest one by one."""
    width = len(names)
    base = len(starts) - len(lengths)
    labels: Sequence[Hashable] = range(base, len(starts))
    fields = CsvReader(names).fields(columns, labels)
    fields.slow[lengths != width] = True  # a short or long row: the full reader pads it or says why
    fast = fast_claims(fields, ctx)
    outcomes: dict[int, Outcome] = {}
    slow = np.flatnonzero(~np.isin(np.arange(len(lengths)), fast.rows)).tolist()
    if slow:
        doc, _ = parse_rows(header, ((starts[base + i], row_at(i)) for i in slow), name)
        for i, entry in zip(slow, doc["claims"], strict=True):
            if isinstance(
                entry, ClaimFileError
            ):  # a cell the row could not give: located in the whole file
                where = _ENTRY.sub(f"$.claims[{base + i}]", entry.location, count=1)
                outcomes[i] = Outcome(
                    [], [ClaimFileError(name, where, entry.claim_id, entry.reason, line=entry.line)]
                )
            else:
                outcomes[i] = entry_outcome(entry, base + i, ctx, lambda e: e)
    chunks.append((labels, fast, outcomes))
