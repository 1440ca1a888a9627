"""The figure parser's reading of a phrase of running text, worded, read once per phrase and hedge policy.

A figure read from running text is worded (:func:`worded`), whatever its digits. Phrases repeat
throughout a text and across texts ("14", "at least 14", "dozens of"): the figure parser
(:func:`~claimdiff._model.hedges.parse_estimate`) is pure and estimates are immutable, so each phrase
is read once and its worded estimate (or the parser's refusal) kept.
"""

from __future__ import annotations

import attrs

from claimdiff._extract._identity import by_identity
from claimdiff._model.estimate import Estimate, Provenance
from claimdiff._model.hedge_table import HedgePolicy
from claimdiff._model.hedges import parse_estimate
from claimdiff.exceptions import ClaimdiffError

__all__ = ["worded", "worded_estimate"]

_Memo = dict[tuple[str, bool | None], Estimate | None]
#: Per hedge policy (looked up by identity, :func:`by_identity`): (phrase, count) -> the estimate, or
#: ``None`` where the parser refuses the phrase.
_MEMOS: dict[int, tuple[HedgePolicy, _Memo]] = {}
#: The size past which a policy's memo starts again (a memo, not state: a long run of new phrases).
_PHRASES = 50_000


def worded(estimate: Estimate) -> Estimate:
    """A figure read from running text is worded, whatever its digits: it gets implied precision, not data's."""
    return (
        estimate
        if estimate.provenance is Provenance.WORDED
        else attrs.evolve(estimate, provenance=Provenance.WORDED)
    )


def worded_estimate(phrase: str, hedges: HedgePolicy, count: bool | None) -> Estimate | None:
    """``worded(parse_estimate(phrase, hedges=hedges, count=count))``, or ``None`` where the parser raises a claimdiff error.

    >>> from claimdiff._model.hedges import DEFAULT_HEDGES
    >>> found = worded_estimate("at least 14", DEFAULT_HEDGES, None)
    >>> found.interval_text(), found.provenance.name
    ('[14, inf)', 'WORDED')
    >>> worded_estimate("14 people", DEFAULT_HEDGES, None) is None
    True
    """
    memo: _Memo = by_identity(_MEMOS, hedges, _new_memo)
    key = (phrase, count)
    if key in memo:
        return memo[key]
    if len(memo) >= _PHRASES:
        memo.clear()
    try:
        found: Estimate | None = worded(parse_estimate(phrase, hedges=hedges, count=count))
    except ClaimdiffError:
        found = None
    memo[key] = found
    return found


def _new_memo(_: HedgePolicy) -> _Memo:
    return {}
