"""An organisation's own channel and the member bodies it speaks for (ANNOTATION.md rule 18b).

The United Nations' noon briefings and UN News relay the UN's member bodies: a figure such a channel
gives in a paragraph about a member, credited to no one else, is that member's; any other outlet, a
body that is no member, or a member named only as the owner of the things counted gives nothing.
"""

from __future__ import annotations

import re

from claimdiff._extract._names import members_of
from claimdiff._extract._pointers import Attribution
from claimdiff._extract._roles import source_kind
from claimdiff._model.aliases import bodies_named
from claimdiff._model.claim import Source

__all__ = ["member_named"]

#: A number right before a body's name: the name modifies the thing counted ("40 UNRWA installations").
_COUNTED_BEFORE = re.compile(r"\d[\d,.]*\s+$")


def member_named(outlet: Source, text: str, start: int, end: int) -> Attribution | None:
    """The first member body of the outlet's organisation that ``text[start:end]`` names, or ``None``.

    An organisation's own channel (its briefings, its news service) speaks for its member bodies: a
    figure it gives in a paragraph about one of them, credited to no one, is that member's, through
    the channel (ANNOTATION.md rule 18b). Any other outlet, or a body that is no member, gives nothing.

    >>> member_named(Source("UN News"), "UNHCR is calling for calm.", 0, 26).source.name
    'UNHCR'
    >>> member_named(Source("Daily Planet"), "UNHCR is calling for calm.", 0, 26) is None
    True
    """
    members = members_of(outlet.name)
    if not members:
        return None
    named = next(
        (
            name
            for at, name in bodies_named(text, start, end)
            # "At least 40 UNRWA installations": the body names whose things are counted, no speaker
            if name in members and not _COUNTED_BEFORE.search(text, max(start, at - 24), at)
        ),
        None,
    )
    return None if named is None else Attribution(Source(named, kind=source_kind(named)))
