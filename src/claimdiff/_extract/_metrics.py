"""The metric a figure reports: the trigger words around it, its unit, and what it counts.

"14 killed", "the death toll rose to 14", "20 miles" (a distance), "IDPs" (displaced people):
the words and the unit of a figure say which metric it gives, and chains of figures ("12
adults and two children", "108, including 15 children") share one. What the figure is then
recorded under (razed or destroyed, launched or used) is :mod:`._recording`'s.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimdiff._extract._counted_metrics import counted_metric, event_metric
from claimdiff._extract._items import joined_items
from claimdiff._extract._kinds import predicate_noun
from claimdiff._extract._left_words import left_word
from claimdiff._extract._levels import level_noun, number_of
from claimdiff._extract._measures import is_window, measured, unit_metric
from claimdiff._extract._noun import PERSONS, STRIKES
from claimdiff._extract._partitives import OF_WHOM
from claimdiff._extract._predicate import predicate
from claimdiff._extract._recording import FLYING, PEOPLE_METRICS
from claimdiff._extract._sheltered import in_shelters
from claimdiff._extract._text import alternation
from claimdiff._extract._triggers import TRIGGERS
from claimdiff._extract._verbs import acted_on, planned, present
from claimdiff._model.estimate import Hedge
from claimdiff._model.numbers import NUMBER_WORDS

if TYPE_CHECKING:
    from claimdiff._extract._figures import Figure

__all__ = [
    "chains",
    "counted_metric",
    "is_window",
    "measured",
    "metric_for",
    "partitive",
    "unit_metric",
]

_AUX = (
    # "were identified by the authorities as destroyed", "were tagged as totally damaged": the class is the metric
    r"(?:(?:listed|identified|classified|categori[sz]ed|tagged|recorded|registered|counted)"
    r"(?:\s+by\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)?\s+as|"
    r"who|that|already|continues?|continued|were|was|are|is|be|been|being|have|has|had|got|get|reportedly|also|all|still|now|later|then|"
    r"remain|remained|remains|reported|confirmed|believed|feared|thought|said|to|in total|initially|found|"
    r"since|either|both|left|suspected|confirmed|new|additional|more|internally|newly|temporarily|"
    # a modal is no hedge of the number (ANNOTATION.md rule 34): "as many as 100 people may have been killed"
    r"(?:may|might|could)\s+have|staying|remaining|"
    r"[a-z][a-z-]{2,}ly)"
)  # an adverb before the participle: "were lightly injured", "were seriously wounded"
#: Words that may stand between a bare number and the metric it counts ("2,600 total deaths", "four others injured").
_BETWEEN = r"(?:total|confirmed|reported|suspected|new|additional|associated|civilian|other|others|more|people)"
#: A short place between a figure and its verb ("33 civilians in Yemen were killed").
_LOCATIVE_GAP = (
    r"(?:\s+(?:in|across|near|at|of)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,5}?(?=\s*,?\s*"
    + _AUX
    + r"\s)|\s+[-–—(]\s?[^-–—()]{1,90}?\s?[-–—)](?=\s*,?\s*"
    + _AUX
    + r"\s))?"
)
_TRIGGER_ALT = alternation(TRIGGERS)
#: Between a counted noun and its verb: a short place ("in the region need") or another noun joined by "and"
#: ("five bridges and roads affected", "21 Israelis, Jews and Arabs were killed").
_NOUN_GAP = (
    r"(?:\s+(?:in|across|near|at)\s+(?:the\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?"
    r"|(?:\s*,\s*[a-z]+)*\s*,?\s+and\s+(?:[a-z]+\s+){0,2}[a-z]+s)"
)
#: A quotation mark around the words of a metric changes nothing: 'houses were "partially damaged"'.
_QUOTE = r"[\"“]?(?:[a-z]+ly[\"”]?\s+)?"
_RIGHT = re.compile(
    # "31,743 individuals (6,340 households) affected": the same count in other units, in brackets
    rf"(?:\s*\([^()]{{1,60}}\)\s*(?:{_AUX}\s+)*"
    rf"|\s*,[^,.;\"“”]{{1,60}},\s*(?:{_AUX}\s+)*|{_LOCATIVE_GAP}\s*,?\s*(?:{_AUX}\s+)+|{_NOUN_GAP}(?:\s+{_AUX})*\s+"
    # "13 hospitals and medical centres across the district are now out of service": both gaps
    rf"|{_NOUN_GAP}{_LOCATIVE_GAP}\s*,?\s*(?:{_AUX}\s+)+|\s+)"
    rf"{_QUOTE}(?P<t>{_TRIGGER_ALT})\b"
)
_RIGHT_AUX = re.compile(
    rf"(?:\s*,[^,.;\"“”]{{1,60}},)?\s*(?:{_AUX}\s+)+{_QUOTE}(?P<t>{_TRIGGER_ALT})\b"
)
#: A metric fronted as the topic of the clause: "For the injured, the latest figure is 446", "As for the dead, ...".
_FOR_THE = re.compile(rf"\b(?:as\s+)?for\s+the\s+(?P<t>{_TRIGGER_ALT})\s*,[^.;,]{{0,50}}$")
_WITH_ABSOLUTE = re.compile(
    rf"(?:\s+(?:in|across|near|at)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){{0,2}}?)?\s+(?P<t>{_TRIGGER_ALT})\b(?=\s*[,.;]|\s*$)"
)
#: "Among the dead were", "among the injured are": the figures after it count the dead or the injured again.
_AMONG = re.compile(
    r"\bamong\s+(?:the\s+|those\s+)?(?P<w>dead|killed|victims|fatalities|deceased|injured|wounded)\s+"
    r"(?:(?:were|was|are|is)(?:\s+also)?|included|include|includes)\s+$"
)
_AMONG_METRIC = {"injured": "injured", "wounded": "injured"}
#: "The dead included three soldiers": the figures after it count the dead, as after "among the dead were".
_THE_DEAD = re.compile(
    r"\bthe\s+(?P<w>dead|victims|fatalities|deceased|injured|wounded)\s+(?:included|include|includes)\s+$"
)
#: A bare number, then "have been (laboratory-)confirmed": cases (the verb alone, never before a number).
_CONFIRMED = re.compile(rf"(?:\s+{_AUX})+\s+(?:laboratory[- ]|lab[- ])?confirmed\b")
_BARE_RIGHT = re.compile(rf"(?:\s+{_BETWEEN})*(?:\s+{_AUX})*\s+{_QUOTE}(?P<t>{_TRIGGER_ALT})\b")
_LEFT = re.compile(
    rf"\b(?P<t>{_TRIGGER_ALT})(?:\s+(?:and|or)\s+(?P<n>\w+))?\s+(?:(?:a total of|another|a further|an additional|"
    rf"all the|all|the|up|of|now)\s+)?$"
    # "totally destroyed (55,095), partially destroyed (28,129)": the number in brackets after its metric
    rf"|\b(?P<b>{_TRIGGER_ALT})\s*\(\s*$"
)
_DIGIT = re.compile(r"\d")
#: An object relative clause after the figure's noun: "20 drones that Russia launched", "which the army shot down".
_RELATIVE = re.compile(
    rf"\s+(?:that|which)\s+(?:the\s+)?(?!(?:were|was|are|is|have|has|had)\b)[a-z][\w'’-]*\s+"
    rf"(?:[a-z][\w'’-]*\s+){{0,2}}?(?P<t>{_TRIGGER_ALT})\b"
)
#: A bracket closing right after the figures it holds: "destroyed (55,095)", never "wounded (9,737 evacuated)".
_CLOSING = re.compile(r"\s*\)")
#: A toll, then a verb of level: "the toll rose to 14", "the toll had been reported as 358".
_TOLL = re.compile(
    r"\b(?:(?P<w>death|casualty|injury)?\s*tolls?|(?P<c>death)\s+count)\b(?:[^.,;]|(?<=\d)[.,](?=\d)|(?<=\b[a-z])\.){0,130}?"
    r"\b(?:at|to|of|as|reached|hit|is|was|be|stood|stands|"
    r"rose|risen|climbed|tops|topped|nears|neared|passes|passed|exceeds|exceeded|surpasses|surpassed|"
    r"approaches|reaches|hits|climbs|rises|nearing|approaching|"
    # "the death toll includes 39 in Wajima and 23 in Suzu": the toll's parts, each a figure of it
    r"includes|included|include|comprises|comprised)\s+(?:only\s+|now\s+)?$"
)
_CHAIN = re.compile(
    # "765,869 families, equivalent to 2,733,646 persons": one count in two units shares its verb
    r"^\s*(?:,?\s*(?:equivalent\s+to|the\s+equivalent\s+of|that\s+is|representing|corresponding\s+to)\s+|,\s*(?:and\s+|or\s+)?|and\s+|or\s+|/\s*|(?:,|\s*(?:--|[–—]))?\s*(?P<sub>including|among them|among whom|of whom|of them|"
    # "13 victims, comprising six males and seven females": the parts the whole is made of; "six
    # militants -- including two commanders --": parts in an aside between dashes
    r"among those|comprising|consisting of|made up of)\s+)"
    # a hedge said twice, the figure keeping the inner one: "2,100 families, roughly some 9,000 people"
    r"(?:(?:roughly|about|around|approximately|nearly|almost)\s+)?$"
)


_FROM = re.compile(r"\s+(?:from|in)\s+")
_HOMES = frozenset({"households", "families"})
#: Words that open the parts a whole is made of, not a further item.
_MADE_OF = frozenset({"comprising", "consisting of", "made up of"})
#: The metrics whose verb's object suffers them: its subject did them.
_TOLL_VERBS = frozenset({"killed", "injured"})
#: An active verb of the toll right after a figure's noun phrase, then its object: "20 attackers shot dead six".
_AGENT = re.compile(
    rf"\s+(?:also\s+|then\s+)?(?P<t>{_TRIGGER_ALT})\s+(?:(?:at\s+least|more\s+than|some|about|around|"
    rf"nearly|over)\s+)?(?:\d|(?:{alternation(w for w in NUMBER_WORDS if ' ' not in w)}|the|a|an|dozens|"
    r"hundreds|scores|several|many)\b)"
)
#: A verb right after a noun phrase, by its form: "engaged", "struck", "took place", "using".
_DID = re.compile(
    r"\s+(?:(?:also|then|successfully|reportedly)\s+)?(?:[a-z]{2,}ed|struck|hit|took|[a-z]{3,}ing)\b"
)


def chains(low: str, found: list[Figure]) -> list[list[tuple[Figure, bool]]]:
    """Figures joined by "and", commas or "including", each with True when it is a part of the one before."""
    out: list[list[tuple[Figure, bool]]] = []
    for fig in found:
        if (
            out and fig.estimate.high != 0 and out[-1][-1][0].estimate.high != 0
        ):  # a zero stands alone
            prev = out[-1][-1][0]
            gap_start = prev.end
            said = _BARE_RIGHT.match(low, prev.end, fig.start) if prev.bare else None
            if (
                said is not None
            ):  # "108 injured, including 15 children": the metric word sits inside the chain
                gap_start = said.end()
            m = _CHAIN.match(low[gap_start : fig.start])
            if (
                m is None
                and said is None
                and not prev.bare
                and not fig.bare
                and (
                    joined_items(low, prev.end, fig.start)
                    # "619 individuals from 133 households were affected": one count, in two units
                    or (fig.counted in _HOMES and _FROM.fullmatch(low, prev.end, fig.start))
                )
            ):  # "5,143 tanks and other armoured vehicles, 851 launchers": the next item of a list
                m = _CHAIN.match(", ")
            # "Toll at 24, Scores Missing": a bare figure with its own metric word after it is no part
            own = said is None and fig.bare and _BARE_RIGHT.match(low, fig.end) is not None
            if (
                m is not None
                and fig.start >= prev.end
                and (said is None or m.group("sub") is not None)
                and not (own and m.group("sub") is None)
                # "an attack comprising 20 drones": the event itself, no whole of parts (C9)
                and not (prev.article and m.group("sub") in _MADE_OF)
            ):
                # "including six males and seven females": the items after a part are parts too
                out[-1].append((fig, m.group("sub") is not None or out[-1][-1][1]))
                continue
        out.append([(fig, False)])
    return out


def metric_for(low: str, start: int, end: int, chain: list[tuple[Figure, bool]]) -> str | None:
    """The metric a chain of figures reports, read from the words around it; ``None`` if none is given."""
    first, last = chain[0][0], chain[-1][0]
    if (
        event_metric(first.counted)
        and first.estimate.hedge is not Hedge.VAGUE
        and not first.article
    ):
        return "recorded"  # "suffered three landslides", "two earthquakes killed 277": events (rule 36)
    if first.metric == "population":
        return first.metric  # "Sherzad (est. population: 60,300)": the label says it (._population)
    numeric = any(not f.article for f, _ in chain)
    if numeric:
        among = (
            _AMONG.search(low, max(start, first.start - 40), first.start)
            if low.find("among", max(start, first.start - 40), first.start) >= 0
            else None
        )
        if among is None and low.find("the ", max(start, first.start - 40), first.start) >= 0:
            among = _THE_DEAD.search(low, max(start, first.start - 40), first.start)
        if among is not None:  # "Among the victims were two families": the dead, counted again
            return _AMONG_METRIC.get(among.group("w"), "killed")
        left = _LEFT.search(
            low, max(start, first.start - 80), first.start
        )  # a trigger and a few words
        if left is not None:
            word = left_word(low, start, left)
            if word is not None and (
                left.group("b") is None or _CLOSING.match(low, last.end, end) is not None
            ):
                return None if planned(low, start, left.start()) else TRIGGERS[word]
        far = max(start, first.start - 170)
        toll = (  # "toll from the quake in X has risen to"
            _TOLL.search(low, far, first.start)
            if low.find("toll", far, first.start) >= 0 or low.find("count", far, first.start) >= 0
            else None
        )
        if toll is not None:
            return "injured" if toll.group("w") == "injury" else "killed"
        near = max(start, first.start - 80)
        topic = (
            _FOR_THE.search(low, near, first.start)
            if low.find("for the ", near, first.start) >= 0
            else None
        )
        if topic is not None:  # "For the injured, the latest figure is 446"
            return TRIGGERS[topic.group("t")]
        level = level_noun(low, max(start, first.start - 90), first.start)
        if level is not None:  # "combat deaths are generally agreed to have totaled about 250,000"
            return TRIGGERS[level.group("t")]
        number = number_of(low, max(start, first.start - 90), first.start)
        if number is not None:  # "the number of displaced people has reached 14,000"
            return TRIGGERS[number.group("t")]
    if first.bare:
        right = _BARE_RIGHT.match(low, first.end, end)
        if right is None and _CONFIRMED.match(low, first.end, end):
            return "cases"  # "70 have been confirmed by a DNA test": confirmed cases are cases
        if right is None:
            part = partitive(low, start, end, first)
            if part is not None:
                return part
        return TRIGGERS[right.group("t")] if right is not None else first.metric
    if first.counted in STRIKES and (
        _RIGHT.match(low, last.end, end) is not None or _DID.match(low, last.end, end) is not None
    ):
        # "three strikes struck three units", "a strike destroyed": the strikes did what the verb
        # says; their own count is of strikes carried out (ANNOTATION.md rule 26, settled C8)
        return "conducted"
    agent = _AGENT.match(low, last.end, end) if numeric else None
    if (
        agent is not None
        and TRIGGERS[agent.group("t")] in _TOLL_VERBS
        and first.counted not in STRIKES
    ):
        # "at least 20 attackers shot dead six people": the figure did it, the object suffered it;
        # people who did are attackers (ANNOTATION.md settled C5), things that did count nothing
        return None if first.counted in FLYING else "attacked"
    right = (_RIGHT if numeric else _RIGHT_AUX).match(low, last.end, end)
    if right is not None:
        return TRIGGERS[right.group("t")]
    right = _RIGHT.match(
        low, last.end, end
    )  # "a civilian injured": said of people, the verb alone will do
    if right is not None and TRIGGERS[right.group("t")] in PEOPLE_METRICS:
        return TRIGGERS[right.group("t")]
    relative = _RELATIVE.match(low, last.end, end) if numeric else None
    if relative is not None:  # "17 of 20 drones that Russia used": the verb of the relative clause
        return TRIGGERS[relative.group("t")]
    if low.endswith("with ", start, first.start):  # "with four towers in Gaza city destroyed"
        absolute = _WITH_ABSOLUTE.match(low, last.end, end)
        if absolute is not None:
            return TRIGGERS[absolute.group("t")]
    if first.metric is None and numeric and in_shelters(low, last.end, end):
        return "sheltered"  # "924 people in 16 temporary accommodation centers"
    if first.metric is None and not first.estimate.unit and numeric:
        # the clause's predicate (_predicate): "2,845 contacts have been identified", "46 bodies have been recovered"
        passive_only = counted_metric(first.counted) is not None
        verb = predicate(low, start, end, chain, passive_only=passive_only)
        if verb is None and first.counted in STRIKES and not planned(low, start, first.start):
            return "conducted"  # "used aircraft to conduct seven airstrikes", "carried out 12 airstrikes"
        if (
            verb is None
            and not passive_only  # refugees in the camps are displaced, whoever is present
            and first.counted in PERSONS
            and present(low, start, end, first.start, last.end)
        ):
            return "present"  # "There were 359 miners underground" (rule 24)
        return verb
    return first.metric


#: A bare number, then the whole it is a part of: "134 of the deaths", "55 of 75 confirmed dead",
#: "150 of the village's 1,800 residents" (a possessive, a number and two words may stand before the head).
_PARTITIVE = re.compile(
    r"\s+of\s+(?:(?:(?:the|these|those|all|its|their|all\s+the|[a-z][\w-]*['’]s)\s+)+"
    r"(?:(?:about|some|around|nearly|over|more\s+than|at\s+least)\s+)?(?:\d[\d,.]*\s+)?"
    r"|(?:(?:about|some|around|nearly|over|more\s+than|at\s+least)\s+)?\d[\d,.]*\s+)"
    r"(?:(?!(?:were|was|are|is|have|has|had|been|be|who|that|which)\b)[a-z][\w'’-]*\s+){0,2}?"
    rf"(?:(?P<t>{_TRIGGER_ALT})|[a-z][\w'’-]*s)\b"
)
#: The whole fronted before the number: "Of the deaths, 17,388 were in Kashmir", "Of the dead, four were children".
_FRONTED_WHOLE = re.compile(
    rf"\bof\s+(?:the|these|those)\s+(?:\d[\d,.]*\s+)?(?:[a-z][\w'’-]*\s+){{0,2}}?"
    # "Of the 15 people who were hospitalised, 12 have been discharged": the whole by its relative clause
    rf"(?:(?:who|that)\s+(?:were|was|are|is|had\s+been|have\s+been|has\s+been)\s+)?(?P<t>{_TRIGGER_ALT})\s*,\s*"
    r"(?:(?:about|some|around|nearly|over|more\s+than|at\s+least|only|just)\s+)?$"
)

#: After a part's whole, nothing but where it is or who reported it: the part counts what the whole counts.
_WHERE_ONLY = re.compile(
    r"\s*(?:$|[,.;:)]|(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+)?"
    # "eight of the deaths occurred in Idlib": where the part happened
    r"(?:(?:reported|recorded|registered|confirmed|counted|occurred|happened|took\s+place)\s+)?"
    r"(?:in|on|at|from|across|near)\b)"
)


def partitive(low: str, start: int, end: int, fig: Figure) -> str | None:
    """The metric of a bare number that is a part of a whole it names: the verb after the whole, else the whole's.

    In "N of the WHOLE ..." the number is the subject: the verb after the whole says what
    happened to it ("150 of the village's 1,800 residents were killed": killed; "55 of 75
    confirmed dead had been identified": identified, ANNOTATION.md rule 33); with no verb of
    its own it counts what the whole counts ("134 of the deaths were on the island": killed).
    A whole fronted before the number ("Of the deaths, 17,388 were ...") reads the same way.
    """
    of_them = OF_WHOM.match(low, fig.end, end)
    if of_them is not None:
        # "1,243 were rescued and 42 of them were found seriously injured", "health workers, 163 of
        # whom have been killed": a part of a count or of people named before, with its own verb;
        # "three of them were taken to hospital" alone is a part of nothing named (no figure)
        said = _RIGHT_AUX.match(low, of_them.end(), end)
        named = fig.counted is not None or _DIGIT.search(low, start, fig.start) is not None
        return TRIGGERS[said.group("t")] if said is not None and named else None
    part = _PARTITIVE.match(low, fig.end, end)
    noun: str | None = None
    after = fig.end
    if part is not None:
        noun, after = part.group("t"), part.end()
    else:
        fronted = _FRONTED_WHOLE.search(low, max(start, fig.start - 60), fig.start)
        if fronted is None:
            return None
        noun = fronted.group("t")
    verb = _RIGHT_AUX.match(low, after, end)
    if verb is not None:
        return TRIGGERS[verb.group("t")]
    done = acted_on(low, start, end, fig.start, after, passive_only=True)
    if done is not None:
        return done
    if noun is None or (
        _WHERE_ONLY.match(low, after, end) is None and predicate_noun(low, after, end) is None
    ):
        return None  # "26 of the injured remained in intensive care": a state the rules do not name
    return TRIGGERS[noun]
