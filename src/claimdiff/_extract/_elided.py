"""A bare figure read by the figure before it: what it counts, or that it lists another place.

"1,200 homes were destroyed and a further 3,500 damaged": the 3,500 are homes (:func:`elided`);
"61 died in the capital, 40 in the north": the 40 are listed by place (:func:`listed`); "Further
drones were destroyed, with three intercepted": the noun left out is the last one counted before
(:func:`elided_noun`). :data:`METRIC_NOUN` is the noun right after a bare figure that names its metric.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from claimdiff._extract._figures import Figure
    from claimdiff._model.vocabulary import Vocabulary

__all__ = ["METRIC_NOUN", "elided", "elided_noun", "listed"]

#: A metric said by the noun right after a bare figure: "including 17 deaths", "(39 fatalities)".
#: The noun after a number that names its metric, past modifiers: "17 deaths", "3 new deaths", "5 suspected cases".
METRIC_NOUN = re.compile(
    r"\s+(?:(?:new|more|additional|further|confirmed|suspected|probable|reported|recorded|associated|related)\s+){0,2}"
    r"(deaths|fatalities|injuries|dead|cases)\b"
)


def listed(low: str, before: Figure, fig: Figure) -> bool:
    """True for a bare figure listed after another with only a place of its own: ", 40 in the north"."""
    return (
        fig.bare
        and _LIST_GAP.fullmatch(low, before.end, fig.start) is not None
        and _PLACE_AFTER.match(low, fig.end) is not None
    )


_LIST_GAP = re.compile(
    r"(?:\s+[^,;.]{1,60}?)?\s*(?:,|;|\band\b|,\s*and\b|\bwhile\b)\s*"
    r"(?:(?:another|a further|an additional)\s+)?"
)
_PLACE_AFTER = re.compile(r"\s+(?:more\s+|others?\s+)?(?:in|at|near|across|from)\s+")


#: A verb only people undergo: "and 7 died" counts people, whatever the figure before counted.
_PEOPLE_VERB = re.compile(
    r"\s+(?:people\s+)?(?:died|dead|killed|injured|wounded|hurt|drowned|perished|missing)\b"
)


#: A verb only people undergo right before a figure: "and injured 30 others", "that killed 80".
_PEOPLE_VERB_BEFORE = re.compile(
    r"\b(?:killed|killing|kills|injured|injuring|injures|wounded|wounding|wounds|hurt|hurting)\s+$"
)


_THINGS = frozenset(
    {
        "buildings",
        "houses",
        "homes",
        "schools",
        "bridges",
        "roads",
        "vehicles",
        "shelters",
        "facilities",
        "drones",
        "missiles",
        "latrines",
        "water points",
        "health centres",
        "hospitals",
        "families",
        "households",
        "hectares",
        "livestock",
        "dwellings",
    }
)


def elided(low: str, found: list[Figure]) -> list[Figure]:
    """A bare figure counts what the one before it does: "1,200 homes were destroyed and a further 3,500 damaged".

    Not across "out of" or "of": "279 children killed out of 2,600 deaths" counts people, not children.
    A bare figure that things undergo, before "and" and a figure naming them, counts them:
    "12,215 damaged and 6,295 houses destroyed".
    """
    out: list[Figure] = []
    for fig in found:
        if (
            fig.bare
            and out
            and out[-1].counted is not None
            and not out[-1].article
            and not re.search(r"\bof\b", low[out[-1].end : fig.start])
            and not (
                out[-1].counted in _THINGS
                and (
                    _PEOPLE_VERB.match(low, fig.end)
                    or _PEOPLE_VERB_BEFORE.search(low, max(0, fig.start - 20), fig.start)
                )
            )  # "destroyed 520 homes and injured 30 others": the injured are people
            and not METRIC_NOUN.match(low, fig.end)
        ):
            fig = attrs.evolve(fig, counted=out[-1].counted)  # noqa: PLW2901 - the figure, completed
        out.append(fig)
    for i, fig in enumerate(out[:-1]):
        after = out[i + 1]
        if fig.bare and after.counted is not None and _RAISED.fullmatch(low, fig.end, after.start):
            # "12,215 damaged and 6,295 houses destroyed": the noun the next figure names is both's
            out[i] = attrs.evolve(fig, counted=after.counted, bare=False)
    return out


#: Between a bare figure and the next, a verb only things undergo, then "and": the noun comes after both.
_RAISED = re.compile(
    r"\s+(?:(?:partially|totally|fully|completely|partly)\s+)?(?:damaged|destroyed)\s*,?\s+(?:and|or)\s+"
)


def elided_noun(low: str, start: int, at: int, vocabulary: Vocabulary) -> str | None:
    """The last plural noun the vocabulary counts in ``low[start:at]``: what a bare number leaves out."""
    synonyms = vocabulary.counted_synonyms
    for word in reversed(_WORD.findall(low, start, at)):
        if word.endswith("s") and word in synonyms:
            return vocabulary.counted(word)
    return None


_WORD = re.compile(r"[a-z]+")
