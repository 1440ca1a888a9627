"""One hedge, one count in two units: "an estimated 2,592 individuals (513 households)" hedges both.

The same count said again in brackets in another unit ("12,400 people (2,100 households)") is said
with the hedge before the first (ANNOTATION.md settled C6 for the figures of one clause; rule 15).
Figures coordinated by "and" keep their own wording here: the project's written fixtures read
"at least 10 people were killed and 44 wounded" as 44 exactly, and they must not fall.
"""

from __future__ import annotations

import contextlib
import re

import attrs

from claimdiff._extract._figures import Figure
from claimdiff._extract._parsed import worded
from claimdiff._model.estimate import Hedge
from claimdiff._model.hedges import HedgePolicy, parse_estimate
from claimdiff._model.numbers import NUMBER_WORDS
from claimdiff.exceptions import ClaimdiffError

__all__ = ["share_hedge", "shared_in_chain"]


def share_hedge(low: str, found: list[Figure], hedges: HedgePolicy) -> list[Figure]:
    """The sentence's figures, an exact one in brackets right after a hedged one given that hedge.

    >>> from claimdiff._extract._figures import figures
    >>> from claimdiff._model.hedges import DEFAULT_HEDGES
    >>> from claimdiff._model.vocabulary import DEFAULT_VOCABULARY
    >>> s = "an estimated 2,592 individuals (513 households) were affected."
    >>> found = figures(s, s, 0, len(s), DEFAULT_HEDGES, DEFAULT_VOCABULARY)
    >>> [f.estimate.text for f in share_hedge(s, found, DEFAULT_HEDGES)]
    ['an estimated 2,592', 'an estimated 513']
    """
    out: list[Figure] = []
    for fig in found:
        before = out[-1] if out else None
        words = (
            _hedge_words(before)
            if before is not None and _coordinated(low, before.end, fig.start)
            else None
        )
        out.append(_hedged(fig, words, hedges) if words is not None else fig)
    return out


def shared_in_chain(
    chain: list[tuple[Figure, bool]], hedges: HedgePolicy
) -> list[tuple[Figure, bool]]:
    """A toll's chain: figures after a hedged first one, sharing its verb, without a hedge of their own, hedged alike.

    "The dead included at least three soldiers and two militants": at least two militants
    (ANNOTATION.md settled C6, one clause); parts after "including" keep their wording (F9), and
    figures with a verb of their own are in chains of their own ("killed and 44 wounded").
    """
    words = _hedge_words(chain[0][0]) if len(chain) > 1 else None
    if words is None:
        return chain
    out = [chain[0]]
    parts = False  # after "including", every figure is a part
    for fig, part in chain[1:]:
        parts = parts or part
        out.append((fig if parts else _hedged(fig, words, hedges), part))
    return out


def _hedged(fig: Figure, words: str, hedges: HedgePolicy) -> Figure:
    """The figure said with the hedge ``words`` when it has none of its own ("two" after "at least three")."""
    if fig.article or fig.estimate.hedge is not Hedge.EXACT:
        return fig
    with contextlib.suppress(ClaimdiffError):
        estimate = parse_estimate(f"{words} {fig.estimate.text}", hedges=hedges)
        return attrs.evolve(fig, estimate=worded(estimate))
    return fig


def _hedge_words(fig: Figure) -> str | None:
    """The words before the number of a hedged figure ("at least", "an estimated"); ``None`` for none."""
    if fig.estimate.hedge is Hedge.EXACT or fig.article or not fig.estimate.text:
        return None
    tokens = fig.estimate.text.split()
    for i, token in enumerate(tokens):
        if token[:1].isdigit() or token.lower().rstrip(",") in NUMBER_WORDS:
            return " ".join(tokens[:i]) or None
    return None


def _coordinated(low: str, end: int, start: int) -> bool:
    """Whether the figure at ``start`` is in brackets right after the one ending at ``end``: one count, two units."""
    return _BRACKET.fullmatch(low, end, start) is not None


#: A bracket opening right after a figure: "an estimated 2,592 individuals (513 households)".
_BRACKET = re.compile(r"\s*\(\s*")
