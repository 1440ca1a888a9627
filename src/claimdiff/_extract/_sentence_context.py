"""What a sentence says of time and place, read once for all the figures in it (the reader's per-sentence context)."""

from __future__ import annotations

import attrs

from claimdiff._extract._text import Sentence
from claimdiff._extract._time import DaysNamed
from claimdiff._model.period import Period

__all__ = ["Context"]


@attrs.frozen
class Context:
    """What a sentence says of time and place, read once for all the figures in it.

    Attributes:
        sentence: The sentence.
        places: Every place it names, with its offset.
        days: The days it names (read only for a sentence with a figure to date).
        stated: When it was stated.
        starts: Where each chain of figures starts: a place after the next chain is that chain's.
    """

    sentence: Sentence
    places: list[tuple[int, tuple[str, ...]]]
    days: DaysNamed | None
    stated: Period | None
    starts: tuple[int, ...]
