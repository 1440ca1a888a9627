"""Short reprs for settings objects: their name, and only what differs from the default."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs

__all__ = ["differing_fields", "how_many"]


def differing_fields(
    value: Any, default: Any, *, skip: Iterable[str] = (), show: Callable[[Any], str] = repr
) -> list[str]:
    """``name=repr`` for each init field of the attrs instance ``value`` that differs from ``default``'s.

    >>> @attrs.frozen
    ... class Knobs:
    ...     band: float = 0.1
    ...     name: str = "default"
    >>> differing_fields(Knobs(band=0.05), Knobs())
    ['band=0.05']
    >>> differing_fields(Knobs(name="x"), Knobs(), skip=("name",))
    []
    """
    skipped = frozenset(skip)
    return [
        f"{a.alias}={show(getattr(value, a.name))}"
        for a in attrs.fields(type(value))
        if a.init and a.name not in skipped and getattr(value, a.name) != getattr(default, a.name)
    ]


def how_many(n: int, noun: str) -> str:
    """``n`` and the noun, plural unless ``n`` is one.

    >>> how_many(1, "claim"), how_many(0, "group"), how_many(1204, "metric order")
    ('1 claim', '0 groups', '1,204 metric orders')
    """
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
