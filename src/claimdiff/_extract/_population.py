"""A number labelled as a place's population: "Sherzad (est. population: 60,300)", "pop. 28,000".

A label "population" (or its abbreviation "pop.") right before a bare number says what the number
counts: the people living there, metric ``population`` (ANNOTATION.md rule 9). "est." before the
label is "estimated", the hedge the figure parser reads ("an estimated 60,300", rule 15).
"""

from __future__ import annotations

import contextlib
import re
from typing import TYPE_CHECKING

import attrs

from claimdiff._extract._parsed import worded
from claimdiff._model.estimate import Hedge
from claimdiff._model.hedges import parse_estimate
from claimdiff.exceptions import ClaimdiffError

if TYPE_CHECKING:
    from claimdiff._extract._figures import Figure
    from claimdiff._model.hedges import HedgePolicy

__all__ = ["populated"]

#: Right before the number: "population:", "est. population:", "estimated population of", "pop.".
_LABEL = re.compile(
    r"(?<![\w.])(?P<est>est\.\s*|estimated\s+)?(?:total\s+)?(?:population|pop\.)\s*(?::\s*|of\s+)?$"
)
#: How far before the number a label is looked for: a label is short.
_REACH = 32


def populated(text: str, low: str, fig: Figure, hedges: HedgePolicy) -> Figure:
    """``fig`` as a population of people when a population label stands right before it, else ``fig``.

    >>> from claimdiff._extract._figures import figures
    >>> from claimdiff._model.hedges import HedgePolicy
    >>> from claimdiff._model.vocabulary import Vocabulary
    >>> s = "Alpha (est. pop. 60,300) was hit."
    >>> fig = figures(s, s.lower(), 0, len(s), HedgePolicy(), Vocabulary())[0]
    >>> out = populated(s, s.lower(), fig, HedgePolicy())
    >>> out.metric, out.counted, out.estimate.text
    ('population', 'people', 'an estimated 60,300')
    """
    if not fig.bare:
        return fig
    # from before the sentence's start: a splitter may end a sentence at the abbreviation ("pop. 28,000")
    label = _LABEL.search(low, max(0, fig.start - _REACH), fig.start)
    if label is None:
        return fig
    estimate = fig.estimate
    if label.group("est") and estimate.hedge is Hedge.EXACT:
        with contextlib.suppress(ClaimdiffError):  # as the parser reads "an estimated 60,300"
            estimate = worded(
                parse_estimate(f"an estimated {text[fig.start : fig.end]}", hedges=hedges)
            )
    return attrs.evolve(fig, counted="people", bare=False, metric="population", estimate=estimate)
