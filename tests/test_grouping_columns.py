"""Grouping with numpy (``table_groups``) finds, for claims in any order, the groups ``group_claims`` finds.

Large inputs (from :data:`~claimdiff._core.reconcile.COLUMNAR_FROM` claims on) are grouped with numpy whether
they come as a claim table or as a list; the law holds for the claims in any order, with keys of several
dimensions and periods (split by grouping's own ``split_key``) and equal keys held by distinct objects.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdiff import Claim, Scope
from claimdiff._core.accepting import accept
from claimdiff._core.grouping import group_claims, keys_of
from claimdiff._core.policy import policy_named
from claimdiff._core.table_reads import by_identity, first_positions, laid_out, table_groups

np = pytest.importorskip("numpy")

_UNITS = ["", "km", "m", "kg"]
_PERIODS = [None, "2024-01-01", "2024-01-01/2024-01-03", "2024-01-01/2024-01-05", "2024-01-02"]


@st.composite
def claim_lists(draw: st.DrawFn) -> list[Claim]:
    """Claims of a few keys (scopes made anew for each claim), in any order."""
    n = draw(st.integers(0, 30))
    out = []
    for i in draw(st.permutations(range(n))):
        unit = draw(st.sampled_from(_UNITS))
        out.append(
            Claim(
                id=f"c{i:02d}",
                metric=draw(st.sampled_from(["killed", "deaths so far"])),
                estimate=f"{draw(st.integers(1, 9))} {unit}".strip(),
                scope=Scope(
                    place=draw(st.sampled_from([None, "Syria", "Syria > Idlib", "Iraq"])),
                    counted=None if unit else "people",
                ),
                source=draw(st.sampled_from("ABC")),
                period=draw(st.sampled_from(_PERIODS)),
            )
        )
    return out


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(claim_lists())
def test_numpy_grouping_of_a_list_is_grouping(claims: list[Claim]) -> None:
    """The same groups, in the same order, each in id order, and the same incomparable-units flags."""
    positions, flags = group_claims(claims)
    found, found_flags = table_groups(np, claims, keys_of(claims))
    assert found == positions
    assert [(f.claims, f.message) for f in found_flags] == [(f.claims, f.message) for f in flags]


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(claim_lists(), st.data())
def test_positions_lay_out_as_their_lists(claims: list[Claim], data: st.DataObject) -> None:
    """Groups held as arrays give, for any groups chosen, the sizes and positions their lists give."""
    found, _ = table_groups(np, claims, keys_of(claims))
    lists = list(found)
    which = np.array(
        data.draw(st.lists(st.integers(0, max(len(lists) - 1, 0)), max_size=len(lists) and 8)),
        np.int64,
    )
    for chosen in (None, which):
        by_arrays, by_lists = laid_out(np, found, chosen), laid_out(np, lists, chosen)
        assert [a.tolist() for a in by_arrays] == [a.tolist() for a in by_lists]
    assert first_positions(found) == first_positions(lists)
    assert [found[i] for i in range(len(found))] == lists


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(claim_lists(), st.data())
def test_accepted_claims_carry_their_id_order_to_grouping(
    claims: list[Claim], data: st.DataObject
) -> None:
    """``accept`` reads what grouping reads of a list once, with the ids sorted (repeats found side by side):
    grouping with it gives the groups of the claims kept, and a repeated id still goes by the rule for repeats."""
    repeated = data.draw(st.lists(st.sampled_from(claims), max_size=3)) if claims else []
    given_claims = claims + repeated  # exact repeats: each reconciled once, the repeat rejected
    accepted, rejected, _, keys = accept(given_claims, policy_named("consensus"))
    assert keys is not None
    assert [list(k) for k in keys[:4]] == [list(k) for k in keys_of(accepted)[:4]]
    assert sorted(c.id for c in accepted) == sorted(c.id for c in claims)
    assert len(rejected) == len(repeated)
    if keys.by_id is not None:
        assert [accepted[i].id for i in keys.by_id] == sorted(c.id for c in accepted)
    assert table_groups(np, accepted, keys) == group_claims(accepted)
    assert group_claims(accepted, keys) == group_claims(accepted)


@given(st.lists(st.integers(0, 3), max_size=40))
def test_codes_by_identity_hold_the_very_objects(picks: list[int]) -> None:
    """Each value's code stands for the very object it holds, runs of one object or not; equal values held by
    distinct objects have distinct codes."""
    pool = [[k] for k in (0, 0, 1, 2)]  # the first two are equal, not the same object
    values = [pool[k] for k in picks]
    codes, objects = by_identity(np, values)
    assert all(objects[c] is v for c, v in zip(codes.tolist(), values, strict=True))
    assert len(objects) == len({id(v) for v in values})
