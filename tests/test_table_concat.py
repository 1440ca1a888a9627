"""Claim tables laid end to end (claimdiff._model.table_concat): the tuple of their claims, parts kept once or packed."""

from __future__ import annotations

import pytest

from claimdiff import claims_from_dataframe
from claimdiff._model.claim_table import FIELDS
from claimdiff._model.packed_texts import PackedTexts
from claimdiff._model.table_concat import concat

pd = pytest.importorskip("pandas")


def test_chunks_joined_hold_each_shared_part_once_and_narrow() -> None:
    """Joined chunks hold a part they share once (a claim is then built once per distinct part, not per
    chunk), in codes of the fewest bytes that fit; their columns are still given as int32 or wider."""
    n = 512
    df = pd.DataFrame(
        {
            "id": [f"c{i}" for i in range(n)],
            "metric": ["killed", "injured"] * (n // 2),
            "counted": "people",
            "value": [i % 3 for i in range(n)],
            "source": ["MoD", "UN"] * (n // 2),
        }
    )
    table = claims_from_dataframe(df).claims
    cuts = [table[i : i + 128] for i in range(0, n, 128)]
    joined = concat(cuts)
    assert joined == tuple(table)
    held = dict(zip(FIELDS, joined._codes, strict=True))
    for field, parts in (("metric", 2), ("estimate", 3), ("source", 2)):
        codes, values = joined.column(field)
        assert len(values) == parts + 1, field  # each part once, and what a missing field holds
        assert held[field].dtype.itemsize == 1, field
        assert codes.dtype.itemsize >= 4, field
        assert [values[k] for k in codes.tolist()] == [getattr(c, field) for c in table]


def test_chunks_of_many_parts_are_laid_end_to_end_and_ids_stay_packed() -> None:
    """Fields of many parts (ids, places) are laid end to end: the joined table is the tuple of the chunks'
    claims, its ids still packed (none unpacked), each place's scope the very object its chunk made.

    (A frame in named columns, as ``bench_tables.py`` gives it: its Arrow-held ids are read packed.)"""
    n = 64
    df = pd.DataFrame(
        {
            "id": [f"c{i:03d}" for i in range(n)],
            "metric": "killed",
            "counted": "people",
            "place": [f"Country > Town {i}" for i in range(n)],
            "low": 3.0,
            "high": 5.0,
            "source": "MoD",
        }
    )
    table = claims_from_dataframe(df).claims
    assert type(table.texts("id")) is PackedTexts
    cuts = [table[i : i + 16] for i in range(0, n, 16)]
    joined = concat(cuts)
    assert joined == tuple(table)
    assert type(joined.texts("id")) is PackedTexts
    codes, scopes = joined.column("scope")
    assert [scopes[k] for k in codes.tolist()] == [c.scope for c in table]
    assert all(scopes[k] is c.scope for k, c in zip(codes.tolist(), table, strict=True))
    assert concat([table]) is table  # one table is its own concatenation
    assert len(concat([])) == 0
