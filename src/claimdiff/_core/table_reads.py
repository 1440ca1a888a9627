"""What the columnar core reads of every claim, read from a claim table's columns: no claim is built per row.

:class:`claimdiff._core.columns.Columns` asks each claim for its figure's answers, when it was stated, its
origin, whether it is withdrawn and its period. A :class:`~claimdiff._model.claim_table.ClaimTable` holds
each of these as a column of codes into distinct parts, so each part is asked once and numpy spreads the
answers to the rows; the figure's answers are still those of the scalar rules, asked of one claim per
distinct input (``per_input``, :func:`claimdiff._core.columns._per_input` itself).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from claimdiff._core.policy import Policy
from claimdiff._model.claim import Claim, stated_span
from claimdiff._model.claim_table import ClaimTable

__all__ = ["ClaimReads", "as_table", "table_reads"]


class ClaimReads(NamedTuple):
    """Per claim, in the claims' order: what the columnar core reads of each."""

    #: Each claim's distinct input (an index into ``answers``) and the answers of ``_per_input``.
    inputs: Any
    answers: list[Any]
    stated_start: Any
    stated_end: Any
    #: Each claim's origin as a code, and how many codes there are.
    origin: Any
    n_origins: int
    #: Whether each claim is withdrawn (``None`` when none is).
    withdrawn: Any
    #: The identity of each claim's period object, and when it ends (NaN: no period).
    period: Any
    period_end: Any


def as_table(given: Any, accepted: Sequence[Claim]) -> Sequence[Claim]:
    """``given`` when it is a claim table whose very claims ``accepted`` holds, in order; else ``accepted``.

    Reconciling keeps the claims it accepts (a claim with a repeated id, or re-read under the policy's
    hedges, is no longer the table's): only then can their columns stand for them.

    >>> as_table((), [])
    []
    """
    if (
        type(given) is ClaimTable
        and len(given) == len(accepted)
        and all(map(operator.is_, accepted, given))
    ):
        return given
    return accepted


def table_reads(
    np: Any,
    claims: Sequence[Claim],
    policy: Policy,
    withdrawn: set[str] | frozenset[str],
    per_input: Callable[[Any, Sequence[Claim], Policy], tuple[Any, list[Any]]],
) -> ClaimReads | None:
    """What the core reads of each claim, from the columns of a claim table (``None`` for other claims).

    Equal to what reading each claim's attributes gives: each distinct part is asked what its claims
    would say, and the claims built (one per distinct figure input) are the table's own.
    """
    if type(claims) is not ClaimTable:
        return None
    e_codes, _ = claims.column("estimate")
    key = e_codes.astype(np.int64)
    if policy.tolerance.per_metric:  # tolerances differ by metric: the metric is part of the input
        m_codes, metrics = claims.column("metric")
        named: dict[str | None, int] = {}  # a part no claim holds is None
        names = np.array([named.setdefault(m and m.name, len(named)) for m in metrics], np.int64)
        key = key * len(named) + names[m_codes]
    _, first, index = np.unique(key, return_index=True, return_inverse=True)
    at, answers = per_input(np, [claims[i] for i in first.tolist()], policy)
    inputs = at[index.reshape(-1)]

    st_codes, stated = claims.column("stated")
    starts, ends = np.array([stated_span(s) for s in stated], np.float64).reshape(-1, 2).T

    s_codes, sources = claims.column("source")
    held = np.zeros(len(sources), np.bool_)
    held[s_codes] = True
    codes: dict[str, int] = {}  # the origin of a claim is its source's key
    origin = np.array(
        [
            codes.setdefault(s.key, len(codes)) if h else -1
            for s, h in zip(sources, held.tolist(), strict=True)
        ],
        np.int64,
    )

    out = None
    if withdrawn:
        i_codes, ids = claims.column("id")
        out = np.array([i in withdrawn for i in ids], np.bool_)[i_codes]

    p_codes, periods = claims.column("period")
    ids_of = np.array([id(p) for p in periods], np.int64)
    end = np.array([math.nan if p is None else p.end_ts for p in periods], np.float64)
    return ClaimReads(
        inputs,
        answers,
        starts[st_codes],
        ends[st_codes],
        origin[s_codes],
        len(codes),
        out,
        ids_of[p_codes],
        end[p_codes],
    )
