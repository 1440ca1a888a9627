"""Quiet groups numbered by their input: groups equal in what builds them but their names share one number.

A quiet group (:mod:`claimdiff._core.quiet`) is built from its claims and its intervals. What the builder reads of
the claims, but for what names the group, is few things: each claim's estimate (its figure, unit and
precision), its source's own grade, and which claims share an origin. Groups equal in these and in their
intervals build groups equal but for their ids, claims and names, whatever their places and origins. A table of
a million claims thus asks the one group builder (:meth:`~claimdiff._core.quiet.QuietGroups.group`) once per
distinct input and spreads the answer with numpy; what names each group comes from
:func:`~claimdiff._core.verdicts.group_about`. Only estimators that read nothing else of the claims
(:data:`~claimdiff._core.estimators.BY_FIGURES`) are so spread.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain, count
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from claimdiff._core.estimators import BY_FIGURES
from claimdiff._core.lazy_items import LazyItems
from claimdiff._core.quiet import QuietGroups
from claimdiff._core.verdicts import group_about, hull
from claimdiff._formats.codes import first_rows, number

if TYPE_CHECKING:
    from claimdiff._core.report import Group
    from claimdiff._model.claim import Claim

__all__ = ["QuietInputs", "objects", "quiet_of"]

_NAN = float("nan")


def quiet_of(groups: Sequence[Group]) -> QuietGroups | None:
    """The quiet groups behind a lazy sequence of groups, when they can be spread by input (else ``None``)."""
    if not isinstance(groups, LazyItems):
        return None
    maker = getattr(groups.make, "__self__", None)
    if not isinstance(maker, QuietGroups) or maker.policy.estimator not in BY_FIGURES:
        return None
    return maker


def objects(values: Sequence[Any]) -> Any:
    """``values`` as a numpy array of Python objects, whatever they are (a tuple stays one cell)."""
    import numpy as np  # noqa: PLC0415 - imported already by the columns that found the quiet groups

    out = np.empty(len(values), object)
    out[:] = list(values)
    return out


class QuietInputs:
    """The quiet groups at ``positions`` numbered by input, and one group built per number.

    Attributes:
        chosen: The claims of each group, in order.
        claims: Those claims laid end to end.
        sizes, starts: How many claims each group has, and where they start in ``claims``.
        number: Each group's number: groups with one number have equal inputs.
        built: Per number, the group built for its first group (:meth:`QuietGroups.group`).
    """

    def __init__(self, quiet: QuietGroups, positions: Any) -> None:
        import numpy as np  # noqa: PLC0415 - imported already by the columns that found the quiet groups

        raw = quiet.raw
        prepare = getattr(raw, "prepare", None)  # rows of a claim table: their claims built at once
        if prepare is not None:
            prepare(positions.tolist())
        self.chosen: list[list[Claim]] = [raw[i] for i in positions.tolist()]
        sizes = np.fromiter(map(len, self.chosen), np.int64, len(self.chosen))
        claims = list(chain.from_iterable(self.chosen))
        starts = np.cumsum(sizes) - sizes
        self.claims, self.sizes, self.starts = claims, sizes, starts
        n = len(claims)
        rows = np.repeat(quiet.intervals()[9][positions] - starts, sizes) + np.arange(n)
        # A claim's figure and unit follow from its estimate (claims share equal ones): read once per estimate.
        estimate = number(np.fromiter(map(id, map(attrgetter("estimate"), claims)), np.int64, n))
        first = first_rows(estimate)
        some = [claims[k] for k in first.tolist()]
        per_claim = _combined(
            np,
            _codes_of(np, np.fromiter(map(_figure, some), np.float64, len(some)))[estimate],
            _codes(np, map(id, map(attrgetter("unit_info"), some)), len(some))[estimate],
            *(_codes_of(np, v[rows]) for v in quiet.precisions()),
            _codes(np, map(attrgetter("source_grade"), claims), n),
            _first_alike(np, _codes(np, map(attrgetter("origin"), claims), n), sizes),
        )
        per_group = _combined(np, *(_codes_of(np, v[positions]) for v in quiet.intervals()[:9]))
        self.number, reps = _distinct(np, per_claim, per_group, sizes, starts)
        # In position order: the quiet groups' arrays are read a chunk at a time.
        made = {r: quiet.group(int(positions[r])) for r in sorted(reps)}
        self.built: list[Group] = [made[r] for r in reps]

    def about(self) -> list[dict[str, Any]]:
        """What names each group (:func:`~claimdiff._core.verdicts.group_about`); hulls asked once per periods."""
        import numpy as np  # noqa: PLC0415 - imported already by the columns that found the quiet groups

        periods = _codes(np, map(id, map(attrgetter("period"), self.claims)), len(self.claims))
        alike, firsts = _distinct(
            np, periods, np.zeros(len(self.sizes), np.int64), self.sizes, self.starts
        )
        hulls = [hull(self.chosen[r]) for r in firsts]
        return [
            group_about(cs[0], hulls[h]) for cs, h in zip(self.chosen, alike.tolist(), strict=True)
        ]


def _figure(c: Any) -> float:
    f: float | None = c.figure
    return _NAN if f is None else f


def _codes(np: Any, values: Any, n: int) -> Any:
    """Each value's number, equal values (hashable) numbered alike: where the first of them is."""
    seen: dict[Any, int] = {}
    return np.fromiter(map(seen.setdefault, values, count()), np.int64, n)


def _codes_of(np: Any, values: Any) -> Any:
    """Each array value's number, equal values numbered alike."""
    return number(values).astype(np.int64)


def _combined(np: Any, *codes: Any) -> Any:
    """One number per row for each distinct combination of the rows' numbers, numbered by first appearance."""
    out = _codes_of(np, codes[0])
    for more in codes[1:]:
        out = _codes_of(np, out * (int(more.max(initial=0)) + 1) + more)
    return out


def _first_alike(np: Any, codes: Any, sizes: Any) -> Any:
    """Per row, where in its group the first row with the same code is: which rows share, not what they share."""
    n = len(codes)
    member = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    order = np.lexsort((np.arange(n), codes, member))
    first = np.ones(n, np.bool_)
    same = (member[order][1:] == member[order][:-1]) & (codes[order][1:] == codes[order][:-1])
    first[1:] = ~same
    run = np.cumsum(first) - 1
    lead = order[first][run]
    out = np.empty(n, np.int64)
    out[order] = lead - (np.cumsum(sizes) - sizes)[member[order]]
    return out


def _distinct(
    np: Any, per_row: Any, per_group: Any, sizes: Any, starts: Any
) -> tuple[Any, list[int]]:
    """Number the groups by input (their rows' numbers in order, and their own): equal inputs, equal numbers.

    Returns each group's number and, per number, the first group that has it.
    """
    numbers = np.empty(len(sizes), np.int64)
    reps: list[int] = []
    for size in np.unique(sizes).tolist():
        which = np.flatnonzero(sizes == size)
        rows = starts[which][:, None] + np.arange(size)
        key = _combined(np, *per_row[rows].T, per_group[which])
        numbers[which] = key + len(reps)
        reps.extend(which[first_rows(key)].tolist())
    return numbers, reps
