"""A figure with no metric of its own that shares the metric of the figure read before it in its sentence.

"61 died in the capital, 40 in the north" (a list by place), "12,400 people (2,100 households)"
(the same count in other units), "78 schools damaged along with 6 bridges", "4,053 families are
served inside 24 centres and 4,470 outside" (a verb left out), "48 cases ... in both sexes (26
male, 22 female)" (a breakdown by sex): each says again what the figure before it counted.

>>> from claimdiff._extract._figures import figures
>>> from claimdiff._model.hedges import HedgePolicy
>>> from claimdiff._model.vocabulary import Vocabulary
>>> s = "61 died in the capital, 40 in the north."
>>> before, after = figures(s, s, 0, len(s), HedgePolicy(), Vocabulary())
>>> shares_previous(s, before, [after], len(s))
True
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimdiff._extract._bare_subject import bare_subject
from claimdiff._extract._breakdown import by_sex
from claimdiff._extract._clauses import gapped
from claimdiff._extract._elided import listed

if TYPE_CHECKING:
    from claimdiff._extract._figures import Figure

__all__ = ["shares_previous"]

#: "78 schools have been damaged along with 6 bridges": the figures after "along with" share the verb.
_ALONG = re.compile(r"[^,;.]{0,40}?\s+along\s+with\s+")
#: Right after a figure, an opening bracket: "12,400 people (2,100 households)".
_OPEN_PAREN = re.compile(
    # "1,135 cases (405 confirmed)": the noun of a bare figure's metric may stand before the bracket
    r"(?:\s+(?:cases|deaths|infections|fatalities))?\s*\(\s*(?:or\s+|i\.e\.\s+)?"
)


def shares_previous(low: str, before: Figure, chain: list[Figure], end: int) -> bool:
    """Whether the figures of ``chain`` (no metric of their own) count what ``before`` counted, up to ``end``."""
    first = chain[0]
    return (
        listed(low, before, first)
        or _OPEN_PAREN.fullmatch(low, before.end, first.start) is not None
        or _ALONG.fullmatch(low, before.end, first.start) is not None
        or by_sex(low, [(f, False) for f in chain])
        or gapped(low, before.end, first.start, chain[-1].end, end)
        or (  # "50 deaths were caused by the quake, 218 were caused by illness": the noun left out
            len(chain) == 1 and first.bare and bare_subject(low, before.end, first.start, first.end)
        )
    )
