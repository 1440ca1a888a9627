"""A figure stated again in another paragraph: a claim of its own (ANNOTATION.md rule 6), unless one is the title.

Used by :func:`claimdiff._extract._merge.dedupe`, which otherwise keeps one candidate per figure and origin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimdiff._extract._case_status import told_by_status
from claimdiff._extract._headlines import title_cased

if TYPE_CHECKING:
    from claimdiff._extract._candidate import Candidate


def section(c: Candidate) -> str:
    """The paragraph (or table) a candidate stands in: its location up to the first comma."""
    return (c.claim.location or "").partition(",")[0]


def titled(c: Candidate) -> bool:
    """Whether a candidate stands in the text's title: its first paragraph, in title case."""
    quote = c.claim.quote or ""
    return section(c) == "paragraph 1" and title_cased(quote, 0, len(quote))


def restated(first: Candidate, again: Candidate) -> bool:
    """Whether ``again`` states ``first``'s figure anew: in another paragraph, neither of them the title.

    Each stated figure is its own claim, a figure restated in another paragraph included
    (ANNOTATION.md rule 6); a title's unattributed figure is one claim with the lead that repeats it.
    """
    if told_by_status(first.phrase, again.phrase):
        return True  # "18 confirmed and 18 probable cases": two figures of one value (rule 7)
    return section(first) != section(again) and not (titled(first) or titled(again))
