"""Texts packed in one numpy array read back as the very texts given (ids of a claim table)."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from claimdiff._model.packed_texts import PackedTexts, packed, taken

_TEXTS = st.lists(st.text(max_size=12), max_size=40)


@given(_TEXTS, st.lists(st.none() | st.integers(), max_size=2))
def test_packed_reads_back_what_was_given(values: list[str], tail: list[object]) -> None:
    held = packed(list(values), tuple(tail))
    assert list(held) == [*values, *tail]
    assert [held[i] for i in range(len(held))] == [*values, *tail]
    assert all(type(v) is str for v in list(held)[: len(values)])


@given(_TEXTS, st.data())
def test_taken_is_reading_each_code(values: list[str], data: st.DataObject) -> None:
    held = packed(list(values), (None,))
    codes = data.draw(st.lists(st.integers(-1, len(values)), max_size=30))
    assert taken(held, codes) == [[*values, None][c] for c in codes]


def test_texts_that_do_not_pack_exactly_stay_a_list() -> None:
    # numpy drops a trailing NUL; one long text among short ones would cost more than the strings
    assert type(packed(["a", "b" + chr(0)])) is list
    assert type(packed(["a"] * 10 + ["x" * 10_000])) is list
    assert type(packed(["a", 1])) is list
    ascii_ids = packed([f"c{i}" for i in range(100)])
    assert isinstance(ascii_ids, PackedTexts)
    assert ascii_ids.array.dtype.kind == "S"
    other = packed(["été", "a"])
    assert isinstance(other, PackedTexts)
    assert list(other) == ["été", "a"]


def test_a_prefix_is_the_texts_without_their_tail() -> None:
    held = packed(["a", "bb"], (None,))
    assert list(held[:-1]) == ["a", "bb"]
    assert held[::-1] == [None, "bb", "a"]


def test_a_table_read_in_chunks_holds_its_ids_packed_and_reads_them_back() -> None:
    import pickle

    import pandas as pd

    from claimdiff import claims_from_dataframe
    from claimdiff._formats.table_columns import TABLE_CHUNK

    n = TABLE_CHUNK + 3
    ids = [f"id-{i}" for i in range(n)]
    claims = claims_from_dataframe(
        pd.DataFrame(
            {"id": ids, "metric": "killed", "counted": "people", "value": 3, "source": "MoD"}
        )
    ).claims
    codes, parts = claims.column("id")
    assert [parts[c] for c in codes.tolist()] == ids
    assert claims[n - 1].id == ids[-1]
    assert [c.id for c in claims[TABLE_CHUNK - 1 : TABLE_CHUNK + 1]] == ids[
        TABLE_CHUNK - 1 : TABLE_CHUNK + 1
    ]
    assert isinstance(claims._values[0], PackedTexts)
    again = pickle.loads(pickle.dumps(claims))
    assert [c.id for c in again] == ids


@given(
    st.lists(
        st.text(alphabet="ac1é0 ", min_size=1, max_size=4).filter(lambda t: t.strip() == t),
        min_size=8,
        max_size=30,
        unique=True,
    )
)
def test_a_packed_table_in_id_order_is_python_s_order(ids: list[str]) -> None:
    from unittest import mock

    import pandas as pd

    from claimdiff import claims_from_dataframe
    from claimdiff._formats import table_columns
    from claimdiff._model.claim_table import by_id

    frame = pd.DataFrame(
        {"id": ids, "metric": "killed", "counted": "people", "value": 3, "source": "MoD"}
    )
    with mock.patch.object(table_columns, "TABLE_CHUNK", 3):  # read in chunks: the ids packed
        claims = claims_from_dataframe(frame).claims
    assert [c.id for c in by_id(claims)] == sorted(ids)
    assert [c.id for c in by_id(claims[::-1])] == sorted(ids)


@given(st.lists(st.text(alphabet="ab\x00é\U0001f600", max_size=4), max_size=30))
def test_packed_texts_are_ordered_and_compared_as_python_orders_them(values: list[str]) -> None:
    """Order, ascent and distinctness read from the packed array are Python's, for ASCII and other texts
    (a NUL inside a text, a text that begins another)."""
    held = packed(list(values))
    if type(held) is not PackedTexts:
        return
    assert [values[i] for i in held.order().tolist()] == sorted(values)
    assert held.order().tolist() == sorted(range(len(values)), key=values.__getitem__)
    assert held.ascending() == all(a < b for a, b in pairwise(values))
    assert held.distinct() == (len(set(values)) == len(values))


@given(st.lists(st.text(alphabet="ab \x00\t~é", max_size=5), min_size=1, max_size=30))
def test_texts_packed_from_arrow_buffers_are_packed_by_the_rule_of_packed(
    values: list[str],
) -> None:
    """packed_ascii packs an Arrow column's texts exactly when packed() packs them as ASCII (none empty),
    and they read back as given."""
    import numpy as np
    import pyarrow as pa

    from claimdiff._model.packed_texts import packed_ascii

    array = pa.array(values, pa.large_string())[1:]  # a slice: its offsets do not start at 0
    _, offsets, data = array.buffers()
    held = packed_ascii(
        np,
        np.frombuffer(offsets, np.int64)[array.offset : array.offset + len(array) + 1],
        np.frombuffer(data if data is not None else b"", np.uint8),
    )
    rest = values[1:]
    by_rule = packed(list(rest))
    expected = (
        bool(rest)
        and "" not in rest
        and type(by_rule) is PackedTexts
        and by_rule.array.dtype.kind == "S"
    )
    assert (held is not None) == expected
    if held is not None:
        assert list(held) == rest
        assert held.array.dtype == by_rule.array.dtype  # type: ignore[union-attr]
