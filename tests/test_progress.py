"""reconcile(..., progress=): a callback or a tqdm-like bar is told how many claims are done, and changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings

from claimdiff import Claim, Scope, reconcile
from claimdiff.strategies import claim_sets


def _many(n: int) -> list[Claim]:
    """``n`` claims in groups of four, some disagreeing (past the columnar core's threshold when n >= 2000)."""
    out = []
    for i in range(n):
        group, k = divmod(i, 4)
        figure = 100 + group % 50 + (30 if k == 3 and group % 7 == 0 else 0)
        scope = Scope(place=f"Atlantis > P{group}", counted="people")
        out.append(
            Claim(id=f"c{i}", metric="killed", estimate=str(figure), scope=scope, source=f"S{k}")
        )
    return out


class Bar:
    """What reconcile needs of a tqdm bar, recorded."""

    def __init__(self) -> None:
        self.total: int | None = None
        self.n = 0
        self.descriptions: list[str] = []
        self.refreshed = 0

    def update(self, n: int) -> None:
        self.n += n

    def set_description(self, text: str) -> None:
        self.descriptions.append(text)

    def refresh(self) -> None:
        self.refreshed += 1


@pytest.mark.parametrize("n", [3, 2_400])
def test_a_callback_sees_every_claim_done_in_order_and_few_calls(n: int) -> None:
    """The count never falls, ends at the number of claims, and is told at most about every 5,000 claims."""
    seen: list[tuple[int, int, str]] = []
    reconcile(_many(n), progress=lambda done, total, stage: seen.append((done, total, stage)))
    assert seen[0][2] == "grouping"
    assert seen[-1] == (n, n, "checking relations and series")
    assert all(t == n for _, t, _ in seen)
    dones = [d for d, _, _ in seen]
    assert dones == sorted(dones)
    assert len(seen) <= 3 + 2 * (n // 5_000 + 1) + 3


def test_a_tqdm_like_bar_gets_its_total_stages_and_updates() -> None:
    """A bar's total is set, its description follows the stages, and its updates add up to the claims."""
    bar = Bar()
    reconcile(_many(2_400), progress=bar)
    assert bar.total == 2_400
    assert bar.n == 2_400
    assert bar.descriptions == ["grouping", "judging groups", "checking relations and series"]
    assert bar.refreshed >= 1


def test_the_real_tqdm_works_when_installed() -> None:
    """tqdm.tqdm() made without a total is filled in."""
    tqdm = pytest.importorskip("tqdm")
    bar = tqdm.tqdm(disable=True)
    reconcile(_many(50), progress=bar)
    assert bar.total == 50


def test_a_callback_that_raises_stops_reconciling() -> None:
    """The caller cancels by raising: the exception comes out of reconcile as it is."""

    class StopError(Exception):
        pass

    def cancel(done: int, total: int, stage: str) -> None:
        if stage == "judging groups":
            raise StopError

    with pytest.raises(StopError):
        reconcile(_many(10), progress=cancel)


def test_something_that_is_no_progress_is_refused_naming_it() -> None:
    """A value that is neither callable nor a bar is a TypeError saying what progress takes."""
    with pytest.raises(TypeError, match=r"progress: 42 is neither a callable"):
        reconcile(_many(3), progress=42)


@settings(max_examples=30)
@given(claim_sets())
def test_progress_changes_nothing_in_the_report(cs: list[Any]) -> None:
    """Law: the report is the same with a progress callback as without."""
    assert reconcile(cs, progress=lambda *_: None) == reconcile(cs)
