"""``Report.claim(id)``: every reconciled claim found by its id, without building a claim table's other claims."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff import Claim, Scope, claims_from_dataframe, reconcile

pd = pytest.importorskip("pandas")


def _claims(ids: list[str]) -> list[Claim]:
    return [
        Claim(
            id=i,
            metric="killed",
            estimate=str(3 + k % 2),
            scope=Scope(counted="people"),
            source="A",
        )
        for k, i in enumerate(ids)
    ]


@given(
    st.lists(st.text("abcXY09-", min_size=1, max_size=4), min_size=1, max_size=12, unique=True),
    st.text(max_size=4),
)
def test_every_claim_is_found_by_its_id_and_no_other_id_is(ids: list[str], other: str) -> None:
    """``report.claim(i)`` is the claim with id ``i``, in any order given; an id not reconciled is a KeyError."""
    report = reconcile(_claims(ids))
    for c in report.claims:
        assert report.claim(c.id) is c
    shuffled = attrs.evolve(
        report, claims=tuple(reversed(report.claims))
    )  # a report made by hand, any order
    for c in report.claims:
        assert shuffled.claim(c.id) is c
    if other not in ids:
        with pytest.raises(KeyError):
            report.claim(other)
        with pytest.raises(KeyError):
            shuffled.claim(other)


def test_a_claim_of_a_table_is_found_without_building_the_others() -> None:
    """On a claim table's report, looking one claim up builds a handful of claims, not every one."""
    n = 5_000
    frame = pd.DataFrame(
        {
            "id": [f"c{i:05d}" for i in range(n)][::-1],
            "metric": "killed",
            "counted": "people",
            "place": [f"P{i // 2}" for i in range(n)],
            "value": 3,
            "source": [f"S{i % 7}" for i in range(n)],
        }
    )
    report = reconcile(claims_from_dataframe(frame))
    table = report.claims.table if hasattr(report.claims, "table") else None
    assert table is not None
    before = sum(c is not None for c in (table._built or []))
    assert report.claim("c01234").id == "c01234"
    after = sum(c is not None for c in table._built or [])
    assert after - before <= 20
