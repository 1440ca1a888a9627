"""What grouping and the columns read of a long list of claims, each part held as codes by identity.

Claims share their parts: a group's claims hold one key and one period object, and claims with equal figures
hold one estimate (:func:`claimdiff._model.derived.shared_estimate`). :func:`list_keys` reads each part of every
claim once and holds it as codes into the distinct objects (:class:`~claimdiff._core.grouping.PerRow`), as a
claim table's columns are held; what depends on the figure alone is asked of one claim per distinct estimate.
Grouping (:func:`claimdiff._core.table_reads.table_groups`) and the columns
(:class:`claimdiff._core.columns.Columns`) then read codes, not claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import Any

from claimdiff._core.codes import identity_codes
from claimdiff._core.grouping import Keys, PerRow
from claimdiff._model.claim import Claim

__all__ = ["coded", "list_keys"]

_ESTIMATE = attrgetter("estimate")


def coded(np: Any, values: Sequence[Any]) -> PerRow:
    """``values`` held as codes by identity into the distinct objects (each the very object given).

    >>> import numpy as np
    >>> a, b = ("a",), ("b",)
    >>> held = coded(np, [a, a, b])
    >>> list(held) == [a, a, b] and held[2] is b, len(held.values)
    (True, 2)
    """
    at, rows = identity_codes(np, values)
    return PerRow(at, [values[i] for i in rows.tolist()])


def list_keys(
    np: Any,
    claims: Sequence[Claim],
    ids: list[str] | None = None,
    by_id: Any = None,
    estimates: tuple[Any, Any] | None = None,
) -> Keys:
    """:func:`~claimdiff._core.grouping.keys_of` of ``claims``, each part held as codes by identity.

    ``ids`` and ``by_id`` are the claims' ids and their positions in id order (a list or numpy), when read already;
    ``estimates`` is :func:`~claimdiff._core.table_reads.identity_codes` of the claims' estimates, when read
    already: it is kept as ``Keys.estimates``. Each dimension is the one the first claim holding each distinct
    estimate has (a claim's dimension is its estimate's).

    >>> import numpy as np
    >>> from claimdiff import Claim, Scope
    >>> from claimdiff._core.grouping import keys_of
    >>> cs = [Claim(id=i, metric=m, estimate=v, scope=Scope(counted=c), source="A")
    ...       for i, m, v, c in (("b", "killed", "4", "people"), ("a", "killed", "4", "people"),
    ...                          ("c", "distance", "9 km", None))]
    >>> keys = list_keys(np, cs)
    >>> [list(part) for part in keys[:4]] == [list(part) for part in keys_of(cs)[:4]]
    True
    """
    if estimates is None:
        estimates = identity_codes(np, list(map(_ESTIMATE, claims)))
    at, first = estimates
    return Keys(
        list(map(attrgetter("id"), claims)) if ids is None else ids,
        coded(np, list(map(attrgetter("key"), claims))),
        PerRow(at, [claims[i].dimension for i in first.tolist()]),
        coded(np, list(map(attrgetter("period"), claims))),
        by_id,
        estimates,
    )
