"""Arguments of claimdiff's strategies: checked at once, and shown in a repr that reads as the call."""

from __future__ import annotations

import datetime as dt
import inspect
import math
from collections.abc import Callable
from typing import Any, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

__all__ = ["BASE_DAY", "check_bounds", "check_int", "check_strategy", "explicit", "named"]

#: The first day strategies draw (periods, and the day planted claims are stated).
BASE_DAY = dt.date(2023, 12, 25)
_F = TypeVar("_F", bound=Callable[..., Any])


def named(name: str) -> Callable[[_F], _F]:
    """Give the composite behind a public strategy the public name, so that its repr reads as the call."""

    def rename(f: _F) -> _F:
        f.__name__ = f.__qualname__ = name
        return f

    return rename


def explicit(public: Callable[..., Any], values: dict[str, Any]) -> dict[str, Any]:
    """The arguments of a call that differ from ``public``'s defaults: what the repr should show."""
    params = inspect.signature(public).parameters
    return {k: v for k, v in values.items() if k in params and v is not params[k].default}


def check_strategy(name: str, value: object) -> None:
    if value is not None and not isinstance(value, st.SearchStrategy):
        raise InvalidArgument(f"{name}={value!r} must be a hypothesis strategy or None")


def check_int(name: str, value: object, *, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InvalidArgument(f"{name}={value!r} must be an integer >= {minimum}")


def check_bounds(min_value: object, max_value: object) -> None:
    for name, v in (("min_value", min_value), ("max_value", max_value)):
        if (
            isinstance(v, bool)
            or not isinstance(v, int | float)
            or not math.isfinite(v)
            or v != int(v)
        ):
            raise InvalidArgument(f"{name}={v!r} must be a finite whole number")
    assert isinstance(min_value, int | float)  # noqa: S101 - checked above
    assert isinstance(max_value, int | float)  # noqa: S101 - checked above
    if min_value > max_value:
        raise InvalidArgument(f"min_value={min_value!r} must be <= max_value={max_value!r}")
