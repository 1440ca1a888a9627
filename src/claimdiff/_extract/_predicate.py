"""The predicate of a figure's clause as its metric, when no word of the vocabulary names one.

ANNOTATION.md rules 3 and 11: a count of things acted on takes the verb as its metric, "a short verb
phrase of the text" where no vocabulary metric fits, and the vocabulary's name where one does. The
trigger table (:mod:`claimdiff._extract._triggers`) names the vocabulary's words; this module reads
the clause around a figure by its grammar, so that a verb no table lists still gives a metric:

* a passive after the figure's noun phrase, also after a locative that lists places ("families in
  6,321 barangays in Regions I, II and CAR were affected"), or the verb whose object the figure is
  (:func:`claimdiff._extract._verbs.acted_on`);
* a perfect with no object after the noun phrase ("over 450 homes have burned down"), a state of
  the people counted ("two service members are in fair and stable condition": rule 31), a verb of
  undergoing and its harm ("sustained minor injuries": injured);
* areas counted as the subject of "reported" (rule 42: "23 countries reported widespread activity");
  a settlement described by its people ("a village of 300 people": population);
* a verb of giving: whom it gives to was assisted ("provided kits to 1,000 families", "reached over
  145,600 children": rule 11's `assisted`), people and their means given were deployed, goods delivered;
* a verb completed by a word after its object ("pulled 5 people alive": the trigger "pulled alive").

A figure that counts nothing a claim states ("several villages", "740-thousand dollars": rules 1, 8)
gets no metric, and a verb that says something of the number (reported, estimated) is none.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimdiff._extract._noun import PERSONS
from claimdiff._extract._text import alternation
from claimdiff._extract._triggers import TRIGGERS
from claimdiff._extract._verbs import _BE, _JOINED, _PARTICIPLE, _verb, acted_on

if TYPE_CHECKING:
    from claimdiff._extract._figures import Figure

__all__ = [
    "befell",
    "completed",
    "placed_passive",
    "predicate",
    "recipient",
    "reported",
    "transferred",
    "uncounted",
]

#: Quantifiers that count nothing a claim can state (ANNOTATION.md rule 8): "several", "many", "some".
_NO_NUMBER = frozenset({"several", "many", "some", "a few", "few", "numerous"})
#: Currencies: a sum of money is no count (ANNOTATION.md rule 1, settled E10).
_MONEY = frozenset(
    {"dollars", "euros", "pounds", "francs", "swiss francs", "usd", "eur", "rupees", "yuan", "yen"}
)
#: Verbs of giving: what they give is delivered or deployed, whom they give to assisted.
_TRANSFER = frozenset({"provided", "supplied", "donated", "handed", "sent", "distributed"})
_TRANSFER_ALT = "|".join(sorted(_TRANSFER))
#: What a verb of giving deploys rather than delivers: people, teams and the vehicles that carry them.
# fmt: off
_MEANS = frozenset(
    {"personnel", "staff", "experts", "teams", "specialists", "helicopters", "aircraft", "planes", "boats",
     "vehicles", "trucks", "ambulances", "ships", "vessels"}
)
# fmt: on
#: Who receives what a clause gives: people, and the homes they are counted by.
_RECEIVERS = PERSONS | {"families", "households", "residents", "communities"}
#: A verb of giving in the clause, then what it gives, then "to" right before the figure: the figure received it.
_TO_RECIPIENT = re.compile(
    rf"\b(?:{_TRANSFER_ALT}|provide|provides|providing|supply|supplies|supplying)\b"
    r"[^.;:()\d]{0,100}?\bto\s+(?:(?:at\s+least|more\s+than|over|about|around|nearly|some|up\s+to)\s+)?$"
)
#: "reached N people": assistance reaching them (rule 11, `assisted`: reached); "reached N" alone is a level.
_REACHED = re.compile(
    r"\breached\s+(?:(?:at\s+least|more\s+than|over|about|around|nearly|some|an\s+estimated|"
    r"a\s+total\s+of)\s+)?$"
)
#: After the figure's noun phrase, "with" what it was given, in an active or a passive clause of giving.
_GIVEN_WITH = re.compile(
    rf"(?:{_JOINED}\s*,?\s+{_BE}\s+(?:[a-z]{{3,}}ly\s+)?(?:{_TRANSFER_ALT})\s+|\s+)with\b"
)
#: After the figure's noun phrase, a perfect with no object: "over 450 homes have burned down". What befell the
#: things counted, as a passive says it (an object after the verb would make the things its agents: "220,000
#: people have experienced more").
_PERFECT = re.compile(
    rf"{_JOINED}\s*,?\s+(?:have|has|had)\s+(?:(?:now|also|reportedly|already|since|all|[a-z]{{3,}}ly)\s+)?"
    rf"(?P<v>{_PARTICIPLE}(?:\s+(?:down|up|out|off|away))?)"
    r"(?=\s*(?:[,.;:()]|$)|\s+(?:in|on|at|across|near|since|after|during|due|because|and|leaving|following|"
    r"from|over)\b)"
)
#: After the figure's noun phrase, a state of the people it counts: "are in critical condition", "remain in
#: stable condition", "is reported to be in critical but stable condition" (ANNOTATION.md rules 31, I2).
_STATE = re.compile(
    rf"{_JOINED}\s*,?\s+(?:is|are|was|were|remain|remains|remained)\s+"
    r"(?:(?:reported|said|believed|listed|thought)\s+to\s+be\s+)?"
    r"(?:(?:still|now|also|currently|all|[a-z]{3,}ly)\s+)?"
    r"in\s+(?:an?\s+)?(?P<adj>[a-z]+)(?:\s+(?:but|and|yet)\s+[a-z]+)?\s+condition\b"
)
#: Nouns of harm a verb of undergoing takes, and the metric of what underwent it.
_HARMS = {
    "injuries": "injured",
    "wounds": "injured",
    "burns": "injured",
    "damage": "damaged",
    "damages": "damaged",
}
#: After the figure's noun phrase, a verb of undergoing and the noun of what befell the things counted: "sustained
#: minor injuries", "have suffered serious wounds" (the noun's metric; an adjective or two may stand before it).
_UNDERGONE = re.compile(
    rf"{_JOINED}\s*,?\s+(?:(?:have|has|had)\s+)?(?:(?:also|reportedly|all)\s+)?"
    r"(?:suffered|sustained|incurred|received|suffer|sustain)\s+(?:[a-z][a-z-]*\s+){0,2}?"
    rf"(?P<t>{alternation(_HARMS)})\b"
)
#: Areas a report counts as the subject of its verb: countries, states, districts (rules 3, 42).
# fmt: off
_AREAS = frozenset({"countries", "territories", "states", "provinces", "districts", "regions", "counties",
                    "municipalities", "lgas", "areas", "localities", "prefectures"})
# fmt: on
#: After areas counted, "reported" and its object up to its head noun: "reported widespread activity", "reported an
#: increase in cases" (the object's number dropped, its prepositional phrase left out).
_REPORTED = re.compile(
    rf"{_JOINED}\s*,?\s+(?:(?:have|has|had)\s+)?(?:(?:also|all|each)\s+)?reported\s+"
    r"(?P<o>(?:(?:an?|the)\s+)?(?:\d[\d,.]*(?:\s\d{3})*\s+)?[a-z][a-z-]*"
    r"(?:\s+(?!(?:in|of|to|from|on|at|by|during|since|for|and|or|with|between|among|as|this|last|that)\b)[a-z][a-z-]*)?)"
)
#: A locative opening right after a noun phrase: "in 6,321 barangays", "across the regions".
_LOCATIVE = re.compile(r"\s+(?:in|across|at)\s+")
#: The first passive verb of the rest of a sentence, with nothing but places before it: "... and CAR were affected".
_PASSIVE_AFTER = re.compile(
    rf"[^.;:()\n]*?\s(?P<aux>have\s+been|has\s+been|had\s+been|were|was|are|is)\s+(?:(?:now|also|all|[a-z]{{3,}}ly)\s+)?"
    rf"(?P<v>{_PARTICIPLE})\b"
)
#: A number in a list of places, and what may follow it there: nothing ("village 16,") or a noun of areas.
_NUMBER = re.compile(r"\d+(?:[,.]\d+)*")
_AREA_AFTER = re.compile(
    r"(?:\s*(?:[,;]|and\b|$)|\s+(?:countries|territories|states|provinces|districts|regions|counties|"
    r"municipalities|barangays|villages|cities|towns|communes|localities|sites|camps|cent(?:er|re)s)\b)"
)
#: Words that make a clause of a gap, never a list of places: verbs of speech, relatives, pronouns, auxiliaries.
_CLAUSE_WORD = re.compile(
    r"\b(?:said|says|say|told|reported|according|who|which|that|while|whereas|but|they|it|he|she|we|there|"
    r"were|was|are|is|have|has|had|will|would|could|killed|injured|including|of\s+whom|of\s+which)\b"
)
#: A settlement described by its people right before the figure: "a village of 300 people", "a town of some 20,000".
_SETTLEMENT_OF = re.compile(
    r"\b(?:a|an|the)\s+(?:[a-z-]+\s+)?(?:village|town|city|hamlet|settlement|municipality|township)\s+of\s+"
    r"(?:(?:about|some|around|nearly|over|more\s+than|at\s+least|between|roughly|approximately)\s+)?$"
)
#: The two words after a noun phrase: "alive from", "into custody".
_NEXT_WORDS = re.compile(r"\s+([a-z]+)(?:\s+([a-z]+))?")


def predicate(
    low: str, start: int, end: int, chain: list[tuple[Figure, bool]], *, passive_only: bool
) -> str | None:
    """The metric the clause of a chain of figures gives by its grammar; ``None`` when it gives none.

    ``low[start:end]`` is the sentence; ``passive_only`` reads only what follows the noun phrase
    (its things' name already says what happened to them: refugees, bodies).

    >>> from claimdiff._extract._figures import figures
    >>> from claimdiff._model.hedges import HedgePolicy
    >>> from claimdiff._model.vocabulary import Vocabulary
    >>> def read(s):
    ...     found = figures(s, s, 0, len(s), HedgePolicy(), Vocabulary())
    ...     return predicate(s, 0, len(s), [(f, False) for f in found], passive_only=False)
    >>> read("the government has provided 15 helicopters."), read("unicef provided kits to 1,000 families.")
    ('deployed', 'assisted')
    >>> read("over 450 homes have burned down."), read("the army had taken several villages.")
    ('burned down', None)
    """
    first, last = chain[0][0], chain[-1][0]
    if uncounted(first):
        return None  # "had taken several villages", "pledged 740-thousand dollars": no count (rules 1, 8)
    # "932,467 families in 6,321 barangays in Regions I, II and III were affected": the passive after a list of places
    verb = placed_passive(low, last.end, end)
    if verb is None:
        verb = acted_on(low, start, end, first.start, last.end, passive_only=passive_only)
    if verb is None and (first.counted or "").rsplit(" ", 1)[-1] in _AREAS:
        verb = reported(low, last.end, end)  # "23 countries reported widespread activity" (rule 42)
    if verb is None and not any(f.article for f, _ in chain):
        # "As a result of the fires, over 450 homes ...": "a result" is no item the perfect befell
        verb = befell(low, last.end, end)
    if (
        verb is None
        and first.counted in (None, "people")
        and _SETTLEMENT_OF.search(low, max(start, first.start - 40), first.start)
    ):
        return "population"  # "Karatarik, a village of between 200 and 300 people": the people living there
    if verb is None:
        given = not passive_only and (
            recipient(low, start, first.start)
            or (
                first.counted in _RECEIVERS
                and _REACHED.search(low, max(start, first.start - 30), first.start) is not None
            )
        )
        return "assisted" if given else None
    given = _GIVEN_WITH.match(low, last.end, end) is not None
    return completed(transferred(verb, first.counted, given=given), low, last.end, end)


def placed_passive(low: str, last_end: int, end: int) -> str | None:
    """The passive verb after a figure's noun phrase and a place that lists several names.

    "A total of 932,467 families in 6,321 barangays in Regions I, II, III and CAR were affected":
    the commas and "and" between the names of places are the locative's, not clauses of their own,
    so the verb after them is the figure's. The gap is a locative phrase ("in", "across", "at") of
    at most 200 characters holding no verb, pronoun or clause mark; the verb is a passive
    (the vocabulary's word, else the participle as written).

    >>> s = "932,467 families in 6,321 barangays in regions i, ii, iii and car were affected."
    >>> placed_passive(s, s.index(" in 6"), len(s))
    'affected'
    >>> s = "150 houses in village 16, officials said, were hit."
    >>> placed_passive(s, s.index(" in"), len(s)) is None
    True
    """
    opened = _LOCATIVE.match(low, last_end, end)
    if opened is None:
        return None
    verb = _PASSIVE_AFTER.match(low, opened.end(), min(end, opened.end() + 200))
    if verb is None or _CLAUSE_WORD.search(low, opened.end(), verb.start("aux")) is not None:
        return None
    if any(  # "and approximately 86 million square metres of land were flooded": another count, no place
        not _AREA_AFTER.match(low, n.end())
        for n in _NUMBER.finditer(low, opened.end(), verb.start("aux"))
    ):
        return None
    word = verb.group("v")
    return TRIGGERS.get(word) or _verb(word)


def reported(low: str, last_end: int, end: int) -> str | None:
    """The metric of areas counted as the subject of "reported": the verb with what they reported (rule 42).

    "23 countries reported widespread activity": reported widespread activity; "30 countries
    reported 8,643 cases of measles": reported cases (the object's number and its "of" phrase left out).

    >>> s = "30 countries reported 8,643 cases of measles."
    >>> reported(s, s.index(" reported"), len(s))
    'reported cases'
    >>> s = "13 countries in the region reported an increase in cases."
    >>> reported(s, s.index(" in the"), len(s))
    'reported an increase'
    """
    said = _REPORTED.match(low, last_end, end)
    if said is None:
        return None
    return "reported " + " ".join(w for w in said.group("o").split() if not w[0].isdigit())


def uncounted(fig: Figure) -> bool:
    """Whether a figure counts nothing a claim states: "several villages" (rule 8), "740-thousand dollars" (rule 1)."""
    return (fig.estimate.text or "").strip().lower() in _NO_NUMBER or fig.counted in _MONEY


def befell(low: str, last_end: int, end: int) -> str | None:
    """What the clause after a figure's noun phrase says befell the things counted, when no passive says it.

    A perfect with no object ("over 450 homes have burned down": burned down; an object would make
    the things its agents), or a state of the people counted ("two service members are in fair and
    stable condition": in fair condition, a double state under its first word, ANNOTATION.md rule 31).
    ``low[last_end:end]`` is the rest of the sentence after the noun phrase.

    >>> s = "two service members are in fair and stable condition."
    >>> befell(s, s.index(" are"), len(s))
    'in fair condition'
    >>> s = "220,000 people have experienced more."
    >>> befell(s, s.index(" have"), len(s)) is None
    True
    """
    undergone = _UNDERGONE.match(low, last_end, end)
    if undergone is not None:  # "twenty personnel sustained minor injuries": injured
        return _HARMS[undergone.group("t")]
    perfect = _PERFECT.match(low, last_end, end)
    if perfect is not None:
        return _verb(perfect.group("v"))
    state = _STATE.match(low, last_end, end)
    return None if state is None else f"in {state.group('adj')} condition"


def transferred(verb: str, counted: str | None, *, given: bool = False) -> str:
    """The metric of a count a verb of giving reads: whom it gives to assisted, what it gives delivered or deployed.

    ``given`` says the things counted are the ones given to ("provided 9.4 million people with
    food", "were provided with water": assisted, ANNOTATION.md rule 11); else people and their means
    were deployed ("the government has provided 15 helicopters", settled H's "helicopters
    provided"; people sent, settled J2), goods delivered ("provided some 2,000 first aid kits").
    Any other verb is its own metric.

    >>> transferred("provided", "helicopters"), transferred("supplied", "kits"), transferred("seized", "kits")
    ('deployed', 'delivered', 'seized')
    >>> transferred("provided", "people", given=True)
    'assisted'
    """
    if verb not in _TRANSFER:
        return verb
    if given:
        return "assisted"
    head = (counted or "").rsplit(" ", 1)[-1]
    means = counted in PERSONS or counted in _MEANS or head in _MEANS or head in PERSONS
    return "deployed" if means else "delivered"


def completed(verb: str, low: str, last_end: int, end: int) -> str:
    """A verb with the word after its object that completes it: "pulled 5 people alive" is "pulled alive".

    A phrasal verb split by its object says what the whole phrase says; the trigger table names
    the phrase's metric (rescued). Any other verb stays as it is.

    >>> s = "rescuers had pulled 5 people alive from the rubble"
    >>> completed("pulled", s, s.index(" alive"), len(s))
    'rescued'
    """
    after = _NEXT_WORDS.match(low, last_end, end)
    if after is not None:
        for phrase in (f"{verb} {after.group(1)} {after.group(2)}", f"{verb} {after.group(1)}"):
            if phrase in TRIGGERS:
                return TRIGGERS[phrase]
    return verb


def recipient(low: str, start: int, at: int) -> bool:
    """Whether the figure at ``at`` is the one a verb of giving gives to: "provided food to 1,000 families".

    The people given to were assisted (ANNOTATION.md rule 11); ``low[start:at]`` is the sentence before.

    >>> s = "the agency provided tents and blankets to 1,000 families"
    >>> recipient(s, 0, s.index("1,000")), recipient("they sent 1,000 tents", 0, 10)
    (True, False)
    """
    return _TO_RECIPIENT.search(low, max(start, at - 120), at) is not None
