"""The figure parser's reading of a phrase of running text, read once per phrase and hedge policy.

Phrases repeat throughout a text and across texts ("14", "at least 14", "dozens of"): the figure
parser (:func:`~claimdiff._model.hedges.parse_estimate`) is pure, so each phrase is read once and
its estimate (or the parser's refusal) kept.
"""

from __future__ import annotations

from claimdiff._model.estimate import Estimate
from claimdiff._model.hedge_table import HedgePolicy
from claimdiff._model.hedges import parse_estimate
from claimdiff.exceptions import ClaimdiffError

__all__ = ["parsed_estimate"]

#: Per hedge policy (by identity, the policy kept beside its memo): (phrase, count) -> the estimate, or
#: ``None`` where the parser refuses the phrase.
_MEMOS: dict[int, tuple[HedgePolicy, dict[tuple[str, bool | None], Estimate | None]]] = {}
#: Sizes past which a memo starts again (a memo, not state: a long run of new phrases or policies).
_PHRASES = 50_000
_POLICIES = 16


def parsed_estimate(phrase: str, hedges: HedgePolicy, count: bool | None) -> Estimate | None:
    """``parse_estimate(phrase, hedges=hedges, count=count)``, or ``None`` where it raises a claimdiff error.

    >>> from claimdiff._model.hedges import DEFAULT_HEDGES
    >>> parsed_estimate("at least 14", DEFAULT_HEDGES, None).interval_text()
    '[14, inf)'
    >>> parsed_estimate("14 people", DEFAULT_HEDGES, None) is None
    True
    """
    entry = _MEMOS.get(id(hedges))
    if entry is None or entry[0] is not hedges:
        if len(_MEMOS) >= _POLICIES:
            _MEMOS.clear()
        entry = _MEMOS[id(hedges)] = (hedges, {})
    memo = entry[1]
    key = (phrase, count)
    if key in memo:
        return memo[key]
    if len(memo) >= _PHRASES:
        memo.clear()
    try:
        found: Estimate | None = parse_estimate(phrase, hedges=hedges, count=count)
    except ClaimdiffError:
        found = None
    memo[key] = found
    return found
