"""A table column's distinct cells read at once (table_columns._read_cells) are each cell read by cell_value."""

from __future__ import annotations

import enum
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from claimdiff._formats.columnar import BAD
from claimdiff._formats.table_columns import _read_cell, _read_cells, csv_text, csv_texts


class _Tag(enum.StrEnum):
    """A text subclass: read as the text it is, by cell_value's own rule for subclasses."""

    A = "a"


_TEXTS = st.text(max_size=4) | st.sampled_from(["", " ", "at least 5", "\r"])
_CELLS = _TEXTS | st.none() | st.floats() | st.integers() | st.booleans() | st.just(_Tag.A)


@given(
    st.lists(_TEXTS, unique=True) | st.lists(_CELLS),
    st.sampled_from(["id", "value", "high", "low"]),
)
def test_a_column_reads_as_its_cells_one_by_one(values: list[Any], field: str) -> None:
    """Text-only columns (read by text_cells) and mixed ones give, cell for cell, what cell_value gives."""
    got, text = _read_cells(values, field)
    want = [_read_cell(v, field) for v in values]
    if text:  # a column said to be text only holds no cell that fails to read
        assert BAD not in want
    assert [(type(g), g) for g in got] == [
        (type(w), w) for w in want
    ]  # NaN cells are missing: None


_CSV_TEXTS = _TEXTS | st.sampled_from(["'=1+2", "'", "''x", "c12"])


@given(
    st.lists(_CSV_TEXTS, unique=True) | st.lists(_CSV_TEXTS | _CELLS),
    st.sampled_from(["id", "value", "via", "high"]),
)
def test_a_csv_column_reads_as_its_cells_one_by_one(values: list[Any], column: str) -> None:
    """A claims-CSV column of distinct cells (text only, or mixed) gives, cell for cell, what csv_text gives."""
    got = csv_texts(values, column)
    want = [csv_text(v, column) for v in values]
    assert [(type(g), g) for g in got] == [(type(w), w) for w in want]
