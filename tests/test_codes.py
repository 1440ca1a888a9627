"""Keys numbered by first appearance (claimdiff._formats.codes): the hashing and the sorting ways agree."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff._formats.codes import first_rows, number

np = pytest.importorskip("numpy")


def _by_sorting(keys: list[float] | list[int]) -> list[int]:
    """The numbers by the definition: each key's position in the list of keys in order of first appearance."""
    order: dict[object, int] = {}
    out = []
    for k in keys:
        key = "nan" if k != k else k  # NaN is one key  # noqa: PLR0124
        out.append(order.setdefault(key, len(order)))
    return out


@given(st.lists(st.integers(-3, 3) | st.sampled_from([0.5, float("nan"), -0.0])))
def test_numbers_follow_first_appearance(keys: list[float]) -> None:
    """Equal keys get equal numbers, numbered 0, 1, ... as the rows first meet them (NaN equal to itself)."""
    got = number(np.array(keys, dtype=np.float64))
    assert got.tolist() == _by_sorting(keys)
    assert first_rows(got).tolist() == [
        _by_sorting(keys).index(k) for k in range(len(set(got.tolist())))
    ]


@given(st.lists(st.integers(-(2**40), 2**40)))
def test_integer_keys_number_alike(keys: list[int]) -> None:
    """Large integer keys (the mixed-radix keys of several columns) are numbered as the definition says."""
    got = number(np.array(keys, dtype=np.int64))
    assert got.tolist() == _by_sorting(keys)
