"""Kinds of people and things a text tells apart: by the words before their noun, or by a predicate.

"three cruise missiles, four guided missiles": two kinds of missiles the text tells apart
(ANNOTATION.md rule 13); "of the dead, four were children": the people a bare number is said to be.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from claimdiff._extract._noun import counted
from claimdiff._model.vocabulary import Vocabulary

if TYPE_CHECKING:
    from claimdiff._extract._figures import Figure

__all__ = ["predicate_noun", "told_apart"]


def told_apart(
    text: str, low: str, chain: Sequence[Figure], vocabulary: Vocabulary
) -> list[Figure]:
    """A chain's figures, those counting one thing kept apart by the words the text puts before it.

    "three cruise missiles, four guided missiles and five drones": two figures of missiles, which
    the text tells apart, count "cruise missiles" and "guided missiles" (ANNOTATION.md rule 13);
    a figure alone of its kind keeps the head noun ("five drones").
    """
    kinds = Counter(f.counted for f in chain if f.counted is not None)
    out: list[Figure] = []
    for fig in chain:
        if fig.noun_at is not None and fig.counted is not None and kinds[fig.counted] > 1:
            thing, np_end, _ = counted(
                text, low, fig.noun_at, fig.end, vocabulary, single=False, keep_modifiers=True
            )
            if thing is not None and np_end == fig.end:
                fig = attrs.evolve(fig, counted=thing)  # noqa: PLW2901 - the figure, told apart
        out.append(fig)
    return out


#: After a bare number, "were/are" and the people it is: "(70%, 7) were females", "four were children".
_PREDICATE = re.compile(
    r"\s*\)?\s+(?:were|are)\s+(?:all\s+)?(?P<n>women|men|females|males|children|boys|girls|adults|minors|"
    r"infants|babies|civilians|soldiers|students|foreigners|health workers|aid workers|journalists)\b(?!\s+(?:of|who|and)\b)"
)


def predicate_noun(low: str, at: int, end: int) -> str | None:
    """The people a bare number is said to be ("four were children"): its counted thing, as the text names it.

    >>> s = "of the dead, four were children."
    >>> predicate_noun(s, s.index(" were"), len(s))
    'children'
    """
    m = _PREDICATE.match(low, at, end)
    return m.group("n") if m is not None else None
