"""A candidate claim: a figure found in a text, where it stands and what it says."""

from __future__ import annotations

import attrs

from claimdiff._model.claim import Claim

__all__ = ["Candidate"]


@attrs.frozen(kw_only=True)
class Candidate:
    """A figure found in a text, as a claim ready to review: where it stands and what it says.

    Attributes:
        claim: The figure as a :class:`~claimdiff.Claim` (its ``quote`` is the sentence it was read from).
        start: Offset of the figure's first character in the text.
        end: Offset after its last character; ``text[start:end] == phrase``.
        phrase: The words of the figure: hedge, number, unit or thing counted ("at least 14 people").
        part_of: The id of the candidate this one is a part of ("including 15 children"), if any.
        headline: True for a figure of a heading: a claim of its own, even when the body repeats it.
    """

    claim: Claim
    start: int
    end: int
    phrase: str
    part_of: str | None = None
    headline: bool = False
