"""Estimate: a reported figure as an interval that refuses to be malformed."""

from __future__ import annotations

import math
import pickle

import pytest

from claimdiff import Estimate, Hedge
from claimdiff.exceptions import InvalidEstimateError


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"low": math.nan}, "low"),
        ({"high": math.nan}, "high"),
        ({"low": math.inf}, "low"),
        ({"high": -math.inf}, "high"),
        ({"low": 20, "high": 14}, "low"),
        ({"low": 5, "high": 5, "low_closed": False}, "low"),
        ({"low": 1, "high": 2, "point": 3}, "point"),
        ({"low": 1, "high": 2, "point": math.inf}, "point"),
        ({"low": "x"}, "value"),
    ],
)
def test_malformed_estimates_are_rejected(kwargs: dict[str, object], field: str) -> None:
    """NaN, infinite points, reversed or empty intervals and stray points raise, naming the field."""
    with pytest.raises(InvalidEstimateError) as info:
        Estimate(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


def test_message_follows_attrs_form() -> None:
    """The message reads like attrs', with the value once: "'low' must be <= 'high', 14 (got 20.0)."."""
    with pytest.raises(InvalidEstimateError) as info:
        Estimate(low=20, high=14)
    assert str(info.value) == "'low' must be <= 'high', 14 (got 20.0)."


def test_exact_rejects_infinity() -> None:
    """An exact figure must be finite."""
    with pytest.raises(InvalidEstimateError):
        Estimate.exact(math.inf)


def test_infinite_bounds_are_open() -> None:
    """Unbounded sides are normalised to open, so equal intervals compare equal."""
    assert Estimate(low=3, high=math.inf, high_closed=True) == Estimate(low=3)


def test_contains_respects_open_bounds() -> None:
    """'over 100' excludes 100; 'at least 14' includes 14."""
    assert not Estimate.more_than(100).contains(100)
    assert Estimate.more_than(100).contains(100.5)
    assert Estimate.at_least(14).contains(14)


def test_repr_is_readable() -> None:
    """An exact estimate shows how to build it."""
    assert repr(Estimate.exact(14)) == "Estimate.exact(14)"
    assert "Hedge.LOWER" in repr(Estimate.at_least(14))


def test_describe_keeps_wording() -> None:
    """describe() prefers the original wording, else says the interval in words."""
    assert Estimate.at_least(14, text="at least 14").describe() == "at least 14"
    assert Estimate.at_least(14).describe() == "at least 14"
    assert Estimate.more_than(100).describe() == "more than 100"
    assert Estimate.between(10, 20, unit="km").describe() == "10 to 20 km"
    assert Estimate.about(70).describe() == "about 70 (63 to 77)"


def test_errors_pickle() -> None:
    """claimdiff errors survive pickling (for multiprocessing pipelines)."""
    e = InvalidEstimateError("low", 3, "is wrong")
    again = pickle.loads(pickle.dumps(e))
    assert (again.field, again.value, str(again)) == ("low", 3, str(e))


def test_hedge_is_exact_only_for_exact() -> None:
    """Only the EXACT hedge claims exactness."""
    assert [h for h in Hedge if h.is_exact] == [Hedge.EXACT]
