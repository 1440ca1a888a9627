"""Report tables' typed columns (claimdiff._formats.export.typed_array) are pandas' own reading of the same cells."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

pd = pytest.importorskip("pandas")

from claimdiff._formats.export import typed_array  # noqa: E402 - after the pandas skip

_CELLS = st.none() | st.floats() | st.integers(-(2**70), 2**70) | st.booleans()


def _read(values: list[Any], dtype: str) -> Any:
    """What ``read`` makes of the cells: the array, or the type of the error it raises."""
    try:
        return pd.array(values, dtype=dtype)
    except (TypeError, ValueError, OverflowError) as e:
        return type(e)


@given(st.lists(_CELLS, max_size=12), st.sampled_from(["Float64", "Int64", "boolean", "string"]))
def test_a_typed_column_is_what_pandas_makes_of_its_cells(values: list[Any], dtype: str) -> None:
    """Numbers, flags and missing cells (None, NaN) give pandas' array exactly; what pandas refuses is refused."""
    want = _read(values, dtype)
    if isinstance(want, type):
        with pytest.raises(want):
            typed_array(pd, values, dtype)
        return
    got = typed_array(pd, values, dtype)
    assert got.dtype == want.dtype
    assert got.isna().tolist() == want.isna().tolist()
    assert [None if m else v for v, m in zip(got.tolist(), got.isna().tolist(), strict=True)] == [
        None if m else v for v, m in zip(want.tolist(), want.isna().tolist(), strict=True)
    ]
