"""The hedge before a figure in running text: a phrase of the policy's table, or a verb that says a bound.

"about 70", "more than a dozen": :func:`_hedge_start` finds where a hedge of the policy's own prefix list
ends right before a number, so the figure is read from there as :func:`claimdiff.hedges.parse_estimate`
reads it; "the toll has exceeded 5,000" (:data:`_VERB_BOUND`) bounds the figure by its verb. A hedge's
words that belong to something else are no hedge: "information about three fatalities", "the toll adds up
to 1,240".

>>> from claimdiff.hedges import DEFAULT_HEDGES
>>> low = "officials said about 70 drones"
>>> low[_hedge_start(low, 0, low.index("70"), DEFAULT_HEDGES) :]
'about 70 drones'
>>> total = "the toll adds up to 1,240 people"
>>> total[_hedge_start(total, 0, total.index("1,240"), DEFAULT_HEDGES) :]
'1,240 people'
"""

from __future__ import annotations

import functools
import re

from claimdiff._extract._identity import by_identity
from claimdiff._model.hedges import HedgePolicy

__all__ = ["_VERB_BOUND", "_hedge_start"]


#: A verb that says a bound: "the toll has exceeded 5,000" is more than 5,000; "topped", "passed", "surpassed"
#: alike; "the toll nears 350" is nearly 350.
_VERB_BOUND = re.compile(
    r"\b(?:has |have |had |is )?(?:exceeded|surpassed|topped|passed|exceeds|surpasses|tops|passes|"
    r"(?P<near>nears|neared|nearing|approaches|approached|approaching))\s+$"
)


@functools.lru_cache(maxsize=64)
def _phrases(
    prefixes: tuple[tuple[str, str], ...],
) -> tuple[tuple[str, ...], int, dict[str, tuple[str, ...]]]:
    """A hedge policy's prefix phrases, the length of the longest, and the phrases by last character.

    Read once per policy; the phrases ending in each character keep the policy's order.
    """
    phrases = tuple(p for p, _ in prefixes)
    by_last: dict[str, tuple[str, ...]] = {}
    for phrase in phrases:
        by_last[phrase[-1:]] = (*by_last.get(phrase[-1:], ()), phrase)
    return phrases, max(map(len, phrases), default=0), by_last


#: :func:`_phrases` of each policy's prefix list, by the list's identity (read for every number).
_PHRASES: dict[
    int,
    tuple[tuple[tuple[str, str], ...], tuple[tuple[str, ...], int, dict[str, tuple[str, ...]]]],
] = {}


def _hedge_start(low: str, start: int, pos: int, hedges: HedgePolicy) -> int:
    prefixes: tuple[tuple[str, str], ...] = hedges._prefixes  # noqa: SLF001 - the policy's own prefix list
    phrases, longest, by_last = by_identity(_PHRASES, prefixes, _phrases)
    window = max(
        start, pos - longest - 64
    )  # a hedge ends right before the number: look no further back
    left = low[window:pos].rstrip()
    if not left.endswith(phrases):
        return pos
    for phrase in by_last.get(left[-1:], ()):
        if left.endswith(phrase):
            at = window + len(left) - len(phrase)
            if at == start or not low[at - 1].isalnum() or not phrase[0].isalnum():
                around = (max(start, at - 20), at + len(phrase))
                return pos if _TOPIC.search(low, *around) or _TOTALS.search(low, *around) else at
    return pos


#: "information about three fatalities": after a noun of information "about" says what it is about, no hedge.
_TOPIC = re.compile(
    r"\b(?:information|news|reports?|data|details|talks?|questions?|concerns?|stories|story|fears|"
    r"speculation|rumou?rs)\s+(?:about|around|over|on)$"
)


#: "the toll adds up to 1,240": after a form of "add", "up to" is the phrasal verb of a total, no bound.
_TOTALS = re.compile(r"\badd(?:s|ed|ing)?\s+up to$")
