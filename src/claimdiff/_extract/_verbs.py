"""The verb of a figure's clause as its metric: what was done to the things it counts.

ANNOTATION.md rule 3: counts of things acted on are claims, and their metric is the verb
("2,845 contacts have been identified", "the army deployed 40 soldiers", "there are now
781,000 war prisoners interned"). The trigger table (:mod:`claimdiff._extract._triggers`)
names the metrics the vocabulary knows; this rule reads any other verb by its grammar, a
past participle in a passive clause whose subject is the figure's noun phrase, or a past-tense
verb whose object it is, so that a counted thing acted on by a verb no table lists still
becomes a candidate. Verbs that say something of the number rather than of the things
(speech and estimate verbs, changes, plans, inclusion) give no metric.

>>> low = "a total of 2845 contacts have been identified in 18 states."
>>> acted_on(low, 0, len(low), low.index("2845"), low.index(" have"))
'identified'
>>> low = "the army deployed 40 soldiers."
>>> acted_on(low, 0, len(low), low.index("40"), low.index("."))
'deployed'
>>> low = "officials estimated 40 houses."
>>> acted_on(low, 0, len(low), low.index("40"), low.index(".")) is None
True
"""

from __future__ import annotations

import re

__all__ = ["PLAN", "acted_on", "planned", "present"]

#: Past participles that do not end in -ed (the irregular verbs of reports: things built, sent, held, ...).
_IRREGULAR = (
    r"built|sent|held|taken|brought|caught|found|seen|shot|struck|given|made|kept|put|"
    r"torn\s+down|set\s+up|shut\s+down|laid\s+off|freed|rebuilt|withdrawn|thrown|sold|bought|"
    r"stolen|seized|hidden|beaten|bitten|stung|sunk|sunken|spent|lost|dug|drawn|flown|driven"
)
#: A past participle: a word of five letters or more in -ed (not "need", "speed", "hundred"), or an irregular one.
_PARTICIPLE = rf"(?:(?!\w*(?:eed|dred)\b)[a-z]{{3,}}ed|{_IRREGULAR})"
#: Verbs that say something of the number, not of the things counted: who said it, how large it is,
#: how it changed, what is planned or needed, what a total takes in. Never a metric.
_NOT_ACTED_ON = frozenset(
    {
        "reported", "confirmed", "announced", "stated", "estimated", "counted", "numbered",
        "totalled", "totaled", "reached", "exceeded", "surpassed", "topped", "passed", "increased",
        "decreased", "raised", "lowered", "added", "noted", "claimed", "expected", "planned",
        "needed", "required", "targeted", "aimed", "included", "involved", "used", "compared",
        "based", "aged", "called", "named", "dated", "related", "located", "situated",
        "scheduled", "projected", "predicted", "forecasted", "believed", "feared", "considered",
        "deemed", "described", "classified", "composed", "comprised", "divided", "grouped",
        "allocated", "budgeted", "funded", "revised", "updated", "corrected",
        "doubled", "tripled", "halved", "reduced", "averaged",
        "ranged", "rounded", "calculated", "measured", "weighed", "valued", "priced",
        "documented", "verified", "accounted", "attributed", "linked", "associated",
        "compiled", "published", "released", "cited", "quoted", "mentioned", "shown", "given",
        "put", "made", "seen", "found", "tested", "screened", "followed", "traced",
        "caused", "triggered", "produced", "generated", "prompted", "sparked", "resulted",
    }
)  # fmt: skip
_BE = (
    r"(?:(?:(?:may|might|could|must)\s+)?(?:have|has|had)\s+(?:now\s+|also\s+|so\s+far\s+|reportedly\s+|already\s+|"
    r"since\s+|just\s+)?been|"
    r"were|was|are|is|being)"
    # "are feared buried", "were believed (to have been) trapped": what is feared of them is the verb
    r"(?:\s+(?:feared|believed|thought|presumed|reported|said|known)(?:\s+to\s+(?:have\s+been|be))?)?"
)
#: After the figure's noun phrase, its passive verb: "have been identified", "were (reportedly) collected".
#: Between the noun phrase and its verb: other nouns joined by commas and "and" ("firefighters, police
#: and local government workers were sent"), or a relative pronoun ("people who were injured").
_JOINED = (
    r"(?:(?:\s*,\s*[a-z]+(?:\s+[a-z]+)?)*\s*,?\s+and\s+(?:[a-z]+\s+){0,2}[a-z]+s)?"
    # a short phrase of place or kind: "five aftershocks of at least 3.0 were recorded"
    r"(?:\s+(?:of|in|at|from|near|across)\s+(?:[^,.;:()]|(?<=\d)\.(?=\d)){1,40}?)?"
    r"(?:\s+(?:who|that|which))?"
)
_PASSIVE = re.compile(
    rf"{_JOINED}\s*,?\s+(?:(?:now|also|so\s+far|reportedly|already|since)\s+)?{_BE}\s+"
    rf"(?:(?:now|also|reportedly|already|since|all|[a-z]{{3,}}ly)\s+)?(?P<v>{_PARTICIPLE})\b"
)
#: "there are now N things interned": a participle after the noun phrase of an existential clause.
_THERE = re.compile(r"\bthere\s+(?:are|were|is|was|have\s+been|has\s+been)\s+(?:now\s+|also\s+)?$")
_REDUCED = re.compile(rf"\s+(?P<v>{_PARTICIPLE})\b(?!\s+(?:the|a|an|their|its|his|her)\b)")
#: Before the figure, the verb whose object it is: "deployed 40 soldiers", "recorded a total of five".
#: Not after an auxiliary (a passive's agent follows it) nor after a modal or "to" (a plan, no level).
_ACTIVE = re.compile(
    rf"(?<![\w-])(?P<v>{_PARTICIPLE})\s+(?:(?:a\s+total\s+of|a\s+further|an\s+additional|another|some|"
    r"at\s+least|more\s+than|over|about|around|nearly|almost|up\s+to|approximately)\s+)?$"
)
_BEFORE_VERB = re.compile(
    r"\b(?:to|will|would|could|should|may|might|must|shall|can|be|been|being|were|was|is|are|not|"
    # a perfect is active ("the government has provided 15 helicopters"), unless a modal makes it unreal
    r"(?:will|would|could|should|may|might|must)\s+(?:have|has|had))\s+$"
)


#: A modal or a verb of intent before the verb of a figure: what is planned, targeted or would happen, not a
#: level reached ("plan to evacuate 5,000", "would complete the evacuation of 3 lakh people": ANNOTATION.md rule 2).
PLAN = (
    # (their first letters looked for first: a place none starts at is passed over at once)
    r"(?=[achimpstw])\b(?:will|would|shall|could|should|may|might|(?:plans?|planned|planning|aims?|aimed|aiming|intends?|"
    r"intended|intending|seeks?|seeking|hopes?|hoping|targets?|targeting|wants?|is\s+set|are\s+set|"
    r"is\s+expected|are\s+expected|is|are)\s+to)\s+(?:be\s+)?"
)
_PLANNED = re.compile(PLAN + r"(?:[a-z]+\s+){0,2}$")


def planned(low: str, start: int, at: int) -> bool:
    """True when the verb starting at ``at`` follows a modal or a verb of intent: a plan, not a figure.

    >>> s = "authorities plan to evacuate 5,000 residents"
    >>> planned(s, 0, s.index("evacuate")), planned(s, 0, s.index("plan"))
    (True, False)
    """
    return _PLANNED.search(low, max(start, at - 40), at) is not None


def acted_on(
    low: str, start: int, end: int, first_start: int, last_end: int, *, passive_only: bool = False
) -> str | None:
    """The verb a sentence acts on a figure's things with, as its metric; ``None`` when it gives none.

    ``low[first_start:last_end]`` is the figure (or the chain of figures sharing one verb) with
    its noun phrase; ``low[start:end]`` is the sentence. The passive verb after the noun phrase is
    read first, then a participle after the noun phrase of "there are", then (unless ``passive_only``)
    the verb before.
    """
    after = _PASSIVE.match(low, last_end, end)
    if after is None and _THERE.search(low, max(start, first_start - 30), first_start):
        after = _REDUCED.match(low, last_end, end)
    if after is not None:
        return _verb(after.group("v"))
    if passive_only:
        return None
    before = _ACTIVE.search(low, max(start, first_start - 50), first_start)
    if before is None or _BEFORE_VERB.search(low, max(start, before.start() - 12), before.start()):
        return None
    return _verb(before.group("v"))


def _verb(word: str) -> str | None:
    verb = " ".join(word.split())
    return None if verb in _NOT_ACTED_ON else verb


def present(low: str, start: int, end: int, first_start: int, last_end: int) -> bool:
    """Whether the people ``low[first_start:last_end]`` are counted where they are: a crowd present (rule 24).

    "There were 359 miners underground", "There are 83 people in the mine", "More than 3,000
    people were in the building when it collapsed": the people at the scene. A state ("in
    critical condition", "in hospital", "in need") is no place.

    >>> s = "there were 359 miners underground."
    >>> present(s, 0, len(s), s.index("359"), s.index(" underground"))
    True
    >>> s = "25 people are in critical condition."
    >>> present(s, 0, len(s), 0, s.index(" are"))
    False
    """
    if _THERE.search(low, max(start, first_start - 30), first_start) is not None:
        return _AT_PLACE.match(low, last_end, end) is not None
    return _BE_AT_PLACE.match(low, last_end, end) is not None


_PLACE_WORDS = (
    r"(?:underground|on\s+board|aboard|inside|(?:in|at|inside|on)\s+(?:the|a|an)\s+"
    r"(?!(?:hospital|condition|critical|serious|stable|need|danger|custody|process|area|region|country)\b)[a-z])"
)
#: After the people counted by "there are": where they are ("underground", "in the mine").
_AT_PLACE = re.compile(rf"\s+(?:still\s+)?{_PLACE_WORDS}")
#: After the people counted: a verb of being, then where they are ("were in the building").
_BE_AT_PLACE = re.compile(
    rf"\s+(?:were|are|was|is|remain|remained|remains)\s+(?:still\s+)?{_PLACE_WORDS}"
)
