"""Compound nouns after a number: which word is the head ("377 missile systems" are systems).

English compounds put the head last; a word that ends a noun phrase (a preposition, a verb, a
pronoun: :data:`STOP`), a metric noun ("14 civilian deaths") or a thing the vocabulary counts on its
own is no head. Plurals are made here too, for "a woman" counted with the women.
"""

from __future__ import annotations

import re

from claimdiff._extract._triggers import TRIGGERS
from claimdiff._model.vocabulary import Vocabulary

__all__ = ["METRIC_NOUNS", "NEXT_NOUN", "STOP", "is_plural", "modifies_next", "plural"]

#: Words that end a noun phrase: prepositions, conjunctions, auxiliaries, pronouns, adverbs of time.
# fmt: off
STOP = frozenset(
    {"and", "or", "but", "in", "on", "at", "over", "across", "near", "from", "to", "by", "with", "without", "for",
     "into", "onto", "during", "after", "before", "since", "as", "that", "which", "who", "whom", "whose",
     "were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "got", "will", "would", "could",
     "may", "might", "said", "says", "told", "reportedly", "also", "all", "still", "now", "later", "then",
     "this", "these", "those", "the", "a", "an", "than", "per", "each", "some", "about", "among", "including",
     "between", "while", "when", "where", "did", "do", "does", "not", "no", "remain", "remained", "according",
     "overnight", "yesterday", "today", "of", "up", "out", "off", "down", "so", "more", "less", "fewer", "again",
     "others", "other", "them", "it", "they", "following", "amid", "despite", "inside", "outside", "within",
     "throughout", "beyond", "elsewhere", "under", "along", "around", "toward", "towards", "through", "against",
     "underground", "aboard"}
)
# fmt: on
#: Nouns that name what happened to people: the words before them modify them ("excess deaths").
METRIC_NOUNS = frozenset({"deaths", "death", "fatalities", "casualties", "injuries"})
#: A word in lower case right after another: "missile systems", "rocket launchers", "drone strikes".
NEXT_NOUN = re.compile(r"[ \t]+([a-z][a-z-]{2,})\b(?!['’])")


def modifies_next(
    low: str, word: str, at: int, end: int, vocabulary: Vocabulary, *, single: bool
) -> bool:
    """Whether a singular counted noun modifies a noun right after it, the compound's head.

    English compounds put the head last: "377 missile systems" are systems, "12 rocket attacks"
    attacks, "one missile system" a system. The head after it is a noun in lower case, plural
    after a number above one (``single`` is False), singular after one; a verb ("one rocket
    landed"), a metric noun ("14 civilian deaths": the civilians, rule 13's people) or a thing
    the vocabulary counts on its own ends the phrase at the known word.

    >>> from claimdiff._model.vocabulary import DEFAULT_VOCABULARY as V
    >>> s = "377 missile systems were destroyed"
    >>> modifies_next(s, "missile", s.index(" systems"), len(s), V, single=False)
    True
    >>> s = "one rocket landed"
    >>> modifies_next(s, "rocket", s.index(" landed"), len(s), V, single=True)
    False
    """
    if word.endswith("s") or plural(word) == word:
        return False
    nxt = NEXT_NOUN.match(low, at, end)
    if nxt is None or not _a_noun(nxt.group(1), vocabulary):
        return False
    if is_plural(nxt.group(1)) is not single:
        return True
    # "851 multiple rocket launcher vehicles": a second modifier, then the plural head
    after = None if single else NEXT_NOUN.match(low, nxt.end(), end)
    return after is not None and is_plural(after.group(1)) and _a_noun(after.group(1), vocabulary)


def is_plural(word: str) -> bool:
    """Whether a word is a plural in -s ("systems"; not "press").

    >>> is_plural("systems"), is_plural("press")
    (True, False)
    """
    return word.endswith("s") and not word.endswith("ss")


def _a_noun(word: str, vocabulary: Vocabulary) -> bool:
    """Whether a word after a counted noun may be the head of its compound: no verb, metric noun or thing counted alone."""
    return not (
        word.endswith(("ed", "ing", "ly"))
        or word in STOP
        or word in TRIGGERS
        or word in METRIC_NOUNS
        or word in vocabulary.counted_synonyms
    )


#: Nouns of people whose plural is not made with -s: "a woman" is one of the women counted.
_IRREGULAR_PLURALS = {"woman": "women", "man": "men", "child": "children", "person": "people",
                      "policeman": "policemen", "fisherman": "fishermen", "serviceman": "servicemen",
                      "gentleman": "gentlemen", "firefighter": "firefighters"}  # fmt: skip


def plural(word: str) -> str:
    """The plural of a noun: "women", "policemen", "boxes", "bodies", "systems".

    >>> plural("woman"), plural("box"), plural("body"), plural("system")
    ('women', 'boxes', 'bodies', 'systems')
    """
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word.endswith("man") and word.isalpha():
        return word[:-3] + "men"  # "a policewoman", "a fisherman"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word if word.endswith("s") else word + "es"
    if word.endswith("y") and word[-2:-1] not in set("aeiou"):
        return word[:-1] + "ies"
    return word + "s"
