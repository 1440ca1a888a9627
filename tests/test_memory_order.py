"""A long list of claims scattered in memory is reconciled in memory order: the report is the one of the order given."""

from __future__ import annotations

import pytest

from claimdiff import Claim, Scope, reconcile
from claimdiff._core.accepting import in_memory_order
from claimdiff._core.reconcile import COLUMNAR_FROM

np = pytest.importorskip("numpy")


def _claims(n: int, repeat: bool) -> list[Claim]:
    """``n`` claims in groups of three, made in order (so laid in memory in order); one id used twice if ``repeat``."""
    out = [
        Claim(
            id=f"c{k:05d}",
            metric="killed",
            estimate=str(k // 3 + k % 3 * (k % 7 == 0)),
            scope=Scope(counted="people", place=("Country", f"Town {k // 3}")),
            source=f"S{k % 5}",
        )
        for k in range(n)
    ]
    if repeat:
        out.append(
            Claim(
                id="c00001",
                metric="killed",
                estimate="9",
                scope=Scope(counted="people"),
                source="X",
            )
        )
    return out


@pytest.mark.parametrize("repeat", [False, True])
def test_scattered_claims_report_as_given(repeat: bool) -> None:
    """The same claims reconciled in their memory order and shuffled give one report: groups, claims, flags, rejections."""
    claims = _claims(COLUMNAR_FROM + 100, repeat)
    shuffled = [claims[k] for k in np.random.default_rng(3).permutation(len(claims)).tolist()]
    assert in_memory_order(np, shuffled) == sorted(shuffled, key=id)  # scattered: taken as they sit
    a, b = reconcile(claims), reconcile(shuffled)
    assert [list(g.claims) for g in a.groups] == [list(g.claims) for g in b.groups]
    assert list(a.groups) == list(b.groups)
    assert [c.id for c in a.claims] == [c.id for c in b.claims]
    assert list(a.flags) == list(b.flags)
    assert list(a.rejected) == list(b.rejected)
    assert bool(b.rejected) is repeat


def test_claims_in_memory_order_are_kept() -> None:
    """Claims laid in memory as listed are returned as they are, the very list."""
    claims = _claims(50, False)
    by_place = sorted(claims, key=id)
    assert in_memory_order(np, by_place) is by_place
