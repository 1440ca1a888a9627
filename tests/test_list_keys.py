"""A long list of claims read once into codes: what grouping and the columns read, and the orders they find.

``list_keys`` holds each claim's key, dimension and period as codes by identity and each estimate as a code;
the law is that row by row they read as ``keys_of`` reads the claims themselves. The ranks that order keys
(``_ranks``, both of its ways), each group's key rank that grouping keeps, and the report's claim order taken
from the order ``accept`` found are checked against the plain definitions they stand for.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff import Claim, Estimate, Period, Scope
from claimdiff._core.accepting import in_id_order
from claimdiff._core.codes import _ranks, identity_codes
from claimdiff._core.grouping import PerRow, group_claims, keys_of
from claimdiff._core.list_keys import coded, list_keys
from claimdiff._core.table_reads import table_groups
from claimdiff._model.period import optional_period

_DAYS = [
    None,
    Period.day(dt.date(2024, 1, 1)),
    Period.day(dt.date(2024, 1, 2)),
    optional_period("2024-01-01/2024-01-03"),
]
_SCOPES = [
    Scope(place="A > B", counted="people"),
    Scope(place="A > B > C", counted="people", event="e1"),
    Scope(place="A", counted="children"),
    Scope(place="A > B", counted="people"),  # equal to the first, another object
]
_FIGURES = [Estimate.exact(3), Estimate.at_least(2), Estimate.about(4), Estimate.exact(3)]


@st.composite
def claim_lists(draw: st.DrawFn) -> list[Claim]:
    """Claims whose parts repeat, as the same objects and as equal ones; some in kilometres."""
    n = draw(st.integers(1, 30))
    out = []
    for k in range(n):
        distance = draw(st.booleans()) and draw(st.booleans())
        out.append(
            Claim(
                id=f"c{draw(st.integers(0, 10**6))}-{k}",
                metric="distance"
                if distance
                else draw(st.sampled_from(["killed", "injured", "deaths"])),
                estimate=Estimate.exact(draw(st.integers(1, 5)), unit="km")
                if distance
                else draw(st.sampled_from(_FIGURES)),
                scope=Scope(place="A > B") if distance else draw(st.sampled_from(_SCOPES)),
                period=draw(st.sampled_from(_DAYS)),
                source=draw(st.sampled_from(["MoD", "UN", "Reuters"])),
            )
        )
    return out


@settings(max_examples=80)
@given(claim_lists())
def test_list_keys_read_each_claim_as_keys_of_does(claims: list[Claim]) -> None:
    """Row by row, the codes read the very objects ``keys_of`` reads; each estimate code names the claim's estimate."""
    held = list_keys(np, claims)
    plain = keys_of(claims)
    assert list(held.ids) == plain.ids
    for part, read in (
        (held.keys, plain.keys),
        (held.dims, plain.dims),
        (held.periods, plain.periods),
    ):
        assert type(part) is PerRow
        assert list(part) == read
    assert all(a is b for a, b in zip(held.keys, plain.keys, strict=True))
    assert all(a is b for a, b in zip(held.periods, plain.periods, strict=True))
    assert held.estimates is not None
    at, first = held.estimates
    assert all(
        claims[first[a]].estimate is c.estimate for a, c in zip(at.tolist(), claims, strict=True)
    )
    assert all(
        claims[f].estimate is not claims[g].estimate
        for f in first.tolist()
        for g in first.tolist()
        if f != g
    )


@settings(max_examples=80)
@given(claim_lists())
def test_keys_read_as_codes_group_as_lists_do(claims: list[Claim]) -> None:
    """Grouping from codes finds the groups and flags grouping from the claims finds; each group's key rank
    is its key's rank among the distinct keys in sorted order."""
    by_id = sorted(range(len(claims)), key=lambda i: claims[i].id)
    codes = list_keys(np, claims, by_id=by_id)
    positions, flags = table_groups(np, claims, codes)
    assert (positions, flags) == group_claims(claims)
    ranked = sorted({c.key for c in claims})
    assert positions.key_rank.tolist() == [ranked.index(claims[g[0]].key) for g in positions]  # type: ignore[attr-defined]


@given(
    st.lists(st.sampled_from(["b", "a", "", "ab", "ba", None]), min_size=1),
    st.booleans(),
    st.booleans(),
)
def test_ranks_are_ranks_in_sorted_order_either_way(
    values: list[Any], fresh: bool, spread: bool
) -> None:
    """``_ranks`` gives each value its rank (from 1) among the distinct values, ``missing`` 0, whether the values
    mostly repeat (looked up) or are mostly distinct (positions sorted); equal values held apart rank alike."""
    if spread:  # mostly distinct: the other way of ranking
        values = [v if v is None else f"{v}{k}" for k, v in enumerate(values)]
    if fresh:
        values = [v if v is None else "".join(list(v)) for v in values]
    ranked = sorted({v for v in values if v is not None})
    expected = [0 if v is None else ranked.index(v) + 1 for v in values]
    assert _ranks(np, values).tolist() == expected


@given(
    st.lists(st.text(st.sampled_from("ab\x00é\U0001f600 \ud800"), max_size=4), min_size=1),
    st.booleans(),
)
def test_ranks_of_distinct_texts_follow_sorted(values: list[str], narrow: bool) -> None:
    """Mostly distinct strings ranked at once by numpy (or, holding a NUL or too wide, by ``sorted``) rank as
    ``sorted`` orders them: code point order (a lone surrogate too), a prefix first, a trailing NUL after the
    string without it."""
    if narrow:  # a column too wide for numpy: ranked by ``sorted``
        values = [*values, "x" * (1 << 24)]
    ranked = sorted(set(values))
    assert _ranks(np, values).tolist() == [ranked.index(v) + 1 for v in values]


@given(st.lists(st.sampled_from([("a",), ("b",), ("a", "b")]), min_size=1))
def test_codes_by_identity_name_the_first_row_of_each_object(values: list[tuple[str, ...]]) -> None:
    """Each code's row is the first that holds its object; ``coded`` reads back the very objects."""
    at, rows = identity_codes(np, values)
    for code, row in enumerate(rows.tolist()):
        same = [k for k, v in enumerate(values) if v is values[row]]
        assert row == same[0]
        assert at[same].tolist() == [code] * len(same)
    assert all(a is b for a, b in zip(coded(np, values), values, strict=True))


@given(claim_lists())
def test_claims_in_the_order_accept_found_are_in_id_order(claims: list[Claim]) -> None:
    """The report's claims taken by the order ``accept`` found are the claims sorted by id."""
    order = sorted(range(len(claims)), key=lambda i: claims[i].id)
    assert (
        in_id_order(claims, order)
        == in_id_order(claims, None)
        == tuple(sorted(claims, key=lambda c: c.id))
    )
