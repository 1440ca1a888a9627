"""Hardening of the reconciling core: exact unit equalities, huge counts, the collector under threads."""

from __future__ import annotations

import gc
import threading

import attrs
import pytest

from claimdiff import POLICIES, Claim, Scope, reconcile
from claimdiff.tolerance import Precision

EXACT = attrs.evolve(POLICIES["consensus"], precision=Precision(mode="exact"))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("7 miles", "11.265408 km"),
        ("1 ft", "30.48 cm"),
        ("1 mile", "5280 ft"),
        ("1 litre", "0.001 m**3"),
    ],
)
def test_equal_amounts_in_other_units_agree_even_taken_at_their_word(a: str, b: str) -> None:
    """A stated exact equality holds whatever the float rounding of the conversion (issue 13, defect 6)."""
    place = Scope(place="X")
    claims = [
        Claim(id="a", metric="distance", estimate=a, scope=place, source="A"),
        Claim(id="b", metric="distance", estimate=b, scope=place, source="B"),
    ]
    assert not reconcile(claims, EXACT).has_conflict


def test_more_than_two_to_the_53_does_not_allow_itself() -> None:
    """'more than 2**53' cannot be tightened to a whole float: refused, never read as allowing 2**53 (defect 7)."""
    from claimdiff.exceptions import InvalidClaimError

    with pytest.raises(InvalidClaimError, match=r"2\*\*53"):
        Claim(
            id="a",
            metric="killed",
            estimate="more than 9007199254740992",
            scope=Scope(counted="people"),
            source="A",
        )


def test_concurrent_reconciles_leave_the_collector_as_they_found_it() -> None:
    """Eight threads reconciling at once, many times: the garbage collector is enabled afterwards (defect 14)."""
    scope = Scope(place="X", counted="people")
    claims = [
        Claim(
            id=f"c{i}", metric="killed", estimate=str(10 + i % 3), scope=scope, source=f"S{i % 5}"
        )
        for i in range(60)
    ]
    assert gc.isenabled()
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(40):
                reconcile(claims)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert gc.isenabled()


def test_overlapping_pauses_restore_the_collector_only_when_the_last_ends() -> None:
    """Overlapping reconcile calls (and file reads) share one pause: the collector stays paused until the last
    ends, and a collector the caller had turned off stays off."""
    from claimdiff._collector import PAUSE, CollectorPause
    from claimdiff._core import reconcile as reconcile_module
    from claimdiff._formats import claims_file

    assert reconcile_module.PAUSE is PAUSE
    assert claims_file.PAUSE is PAUSE
    pause = CollectorPause()
    assert gc.isenabled()
    pause.__enter__()  # a first call starts
    pause.__enter__()  # a second, overlapping
    assert not gc.isenabled()
    pause.__exit__(None, None, None)
    assert not gc.isenabled()  # the second call is still running
    pause.__exit__(None, None, None)
    assert gc.isenabled()
    gc.disable()
    try:
        with pause:
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
