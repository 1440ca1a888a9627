"""Where: the places a sentence names for a figure ("in Belgorod", "Russia's Belgorod region", "Kharkiv: ...").

Which of them is a figure's place is chosen in :mod:`claimdiff._extract._place_choice`.
"""

from __future__ import annotations

import re

from claimdiff._extract import _gazetteer_reads as _reads
from claimdiff._extract._constructions import has
from claimdiff._extract._dated_lines import dated_place_line
from claimdiff._extract._gazetteer_reads import KIND as _KIND
from claimdiff._extract._gazetteer_reads import as_town, country_first, known, of_level
from claimdiff._extract._gazetteer_reads import common as common_parent
from claimdiff._extract._not_a_place import (
    AGENT_AFTER,
    FACILITY,
    GROUP_BEFORE,
    SUPERLATIVE_WORD,
    THING_AFTER,
    WATER,
    comparison_domains,
)
from claimdiff._extract._place_modified import modified_units
from claimdiff._extract._place_owner import NAME as _NAME
from claimdiff._extract._place_owner import country_owning, owns_a_body
from claimdiff._extract._place_owner import is_country as _is_country
from claimdiff._extract._place_path import COUNTRY_OF_ADJECTIVE
from claimdiff._extract._place_path import place_path as _path
from claimdiff._extract._place_settlement import settlements
from claimdiff._extract._place_within import DATE_WORDS as _DATE_WORDS
from claimdiff._extract._place_within import town_after
from claimdiff._extract._place_within import within as _within
from claimdiff._extract._text import word_opening
from claimdiff._extract._world_regions import with_world_regions
from claimdiff._model.place_towns import countries_with
from claimdiff._model.places import DEFAULT_GAZETTEER, Gazetteer

__all__ = [
    "known",
    "places_named",
]

#: A lower-case word inside a place's name: "Mar del Plata", "Rio de Janeiro", "Dar es Salaam".
_PARTICLE = (
    r"(?:de|del|da|do|dos|das|di|du|des|la|le|les|los|las|el|es|al|van|von|am|an der|ez|az|ash|ul)"
)
#: A region numbered in Roman numerals: "Region X", "Region IV-A" (the Philippines' regions).
_NUMBERED = r"(?<=[Rr]egion)\s+[IVX]{1,5}(?:-[AB])?\b"
#: The Arabic article joined to the name after it: "Deir ez-Zor", "Ras al-Ain", "ar-Raqqa".
_ARTICLE_JOINED = r"(?:al|el|ez|az|as|es|ar|an|at|ad|ed|ash|ul)-"
#: The prepositions before a place (a capital letter where the word may open a sentence).
_LOCATIVES = "[Ii]n [Oo]ver on [Nn]ear [Aa]cross at from of into [Oo]utside [Aa]round".split()  # noqa: SIM905
_LOOSE = "[Ii]n [Aa]cross [Tt]hroughout".split()  # noqa: SIM905
_LOCATIVE = re.compile(
    rf"{word_opening(_LOCATIVES)}\s+(?:the\s+)?"
    rf"(?:(?:(?:north|south|east|west)(?:-?(?:north|south|east|west))?(?:ern)?|central)\s+(?=\S+['’]s\s))?"
    rf"(?:(?P<c>{_NAME})(?:'s|’s)\s+)?"
    rf"(?P<p>{_NAME}(?:\s+(?:{_NAME}|{_KIND}|{_PARTICLE}\s+{_NAME}|{_ARTICLE_JOINED}{_NAME})|{_NUMBERED})*)"
)
_POSSESSIVE = re.compile(rf"\b(?P<c>{_NAME})(?:'s|’s)\s+(?P<p>{_NAME}(?:\s+{_NAME})*\s+{_KIND})\b")
_NAMES = re.compile(rf"{_NAME}(?:\s+(?:{_NAME}|{_KIND}))*")
_MORE_PLACES = re.compile(
    rf"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?{_NAME}(?:\s+(?:{_NAME}|{_KIND}))*)+"
)
_ADJECTIVE_PLACE = re.compile(
    r"\b(?:on|in|across|over|into)\s+(?:the\s+)?(?:[a-z]+\s+)?(?P<a>[A-Z][a-z]+)\s+(?:territory|soil|"
    r"cities|towns|villages|regions|airspace)\b"
)
_EVENT_AFTER = re.compile(
    r"\s+(?:bombings?|attacks?|strikes?|massacres?|war|offensive|floods?|earthquake|quake|storm|"
    r"cyclone|fires?|shelling|raids?|holidays?|festival|services?|parade|uprising|protests?)\b"
)
_BORDER = re.compile(r"\s+(?:border|frontier|side|line)s?\b")
#: After a name: it is an adjective of the country or continent named by the noun ("the African country").
_OF_NATION = re.compile(r"\s+(?:country|nation|continent)\b")
#: Days and months closing a run of capitalised words ("Belgorod Saturday"): the calendar's own words.
#: A place that opens a sentence as its subject, followed by a verb in the present or past.
_SUBJECT = re.compile(
    rf"[\"“]?(?P<p>{_NAME}(?:\s+{_NAME}){{0,2}}(?:\s+{_KIND})?)\s+(?:[a-z]+(?:s|ed)|is|was|has|had|lies|lay)\b"
)
#: A place a "where" clause follows: "Jonglei, where 85,000 people have been displaced".
_WHERE = re.compile(rf"\b(?P<p>{_NAME}(?:\s+{_NAME}){{0,3}}),?\s+where\b")
_LOOSE_IN = re.compile(
    rf"{word_opening(_LOOSE)}\s+(?:[a-z][\w-]*\s+){{1,2}}(?P<p>{_NAME}(?:\s+{_NAME}){{0,3}})"
)
#: A part of a place named by its bearing: "hit western Ecuador", "across north-eastern Syria".
_COMPASS = re.compile(
    rf"\b(?:north|south|east|west|central)(?:-?(?:north|south|east|west))?(?:ern)?\s+"
    rf"(?P<p>{_NAME}(?:\s+{_NAME}){{0,3}})"
)
#: A locative closing the words before a bearing: "in central Karachi", "across the north".
_LOCATIVE_BEFORE = re.compile(r"\b(?:[Ii]n|across|throughout|around)\s+(?:the\s+)?$")
#: "of" and a capitalised name after a unit's kind: "the US states of California and Arizona".
_KIND_OF = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
#: The words _COMPASS cannot match without: a sentence with none of them is not searched for it.
_BEARINGS = ("north", "south", "east", "west", "central")
#: A district named in its region: "Mawza District of Yemen's Taizz Governorate", "Awaran district in Balochistan".
_DISTRICT_OF = re.compile(
    rf"(?P<p>{_NAME}(?:\s+{_NAME}){{0,2}})\s+(?:[Dd]istrict|[Cc]ounty|[Mm]unicipality|[Tt]ownship)\s+(?:of|in)\s+"
    rf"(?:the\s+)?(?:(?P<c>{_NAME})(?:'s|’s)\s+)?(?P<r>{_NAME}(?:\s+(?:{_NAME}|{_KIND}))*)"
)
#: A regional office names its region: "the Donetsk regional governor", "Kharkiv regional administration".
_REGIONAL_OFFICE = re.compile(
    rf"\b(?P<p>{_NAME}(?:\s+{_NAME})?)(?:['’]s)?\s+(?:regional|oblast|provincial)\s+(?:governor|"
    rf"administration|authorities|police|prosecutor)"
)
#: "Democratic Republic of the Congo", "Republic of the Congo": the "of" belongs to the name.
_NAME_OF = re.compile(r"\bRepublic\s+$")
#: "the region of Kharkiv", "governor of Belgorod", "the province of Sindh": the first-level subdivision, not its city.
_REGION_OF = re.compile(
    r"\b(?P<k>region|province|oblast|governorate|governor)\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
_BEARING_OF = re.compile(
    r"\b(?:north|south|east|west)(?:-?(?:north|south|east|west))?(?:ern)?\s+of\s+(?:the\s+)?"
    r"(?:[\w’'-]+\s+){0,3}(?:of\s+)?$",
    re.IGNORECASE,
)
#: A place named with the kind of unit it is: "Henan province", "the Kursk region", "Unity State".
_KINDED = re.compile(
    rf"(?:(?P<c>{_NAME})['’]s\s+)?(?P<p>{_NAME}(?:\s+{_NAME}){{0,2}}\s+(?:[Pp]rovince|[Rr]egion|[Oo]blast|[Gg]overnorate|[Pp]refecture|"
    rf"[Ss]tate|[Dd]istrict|[Cc]ounty|[Dd]epartment))\b"
)
#: The words without which the patterns above cannot match: a sentence without them is not searched for them.
_POSSESSIVE_MARK = re.compile(r"['’]s\s|(?<=s)['’]\s")  # "Ecuador's", "the Philippines' south"
_DISTRICT_WORD = re.compile(
    r"\s(?:[Dd]istrict|[Cc]ounty|[Mm]unicipality|[Tt]ownship)\s+(?:of|in)\s"
)
_OFFICE_WORD = re.compile(r"\s(?:regional|oblast|provincial)\s")
_KIND_WORD = re.compile(
    r"\s(?:[Pp]rovince|[Rr]egion|[Oo]blast|[Gg]overnorate|[Pp]refecture|[Ss]tate|[Dd]istrict|[Cc]ounty|"
    r"[Dd]epartment)\b"
)
#: _KIND_WORD's words without their first letters (either case fits): looked for before it is run.
_KIND_STEMS = (
    "rovince",
    "egion",
    "blast",
    "overnorate",
    "refecture",
    "tate",
    "istrict",
    "ounty",
    "epartment",
)


#: What may stand between a place read at a locative and a settlement's unit: "in the ", "of ".
_OPENING = re.compile(r"(?:(?:[Ii]n|[Aa]t|[Oo]f|[Nn]ear|[Oo]utside|[Ff]rom)\s+)?(?:the\s+)?")
#: A word of letters (for telling a title-case headline), and the fewest words a headline is told by.
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TITLE_WORDS = 4
#: Before a preposition: a name of four or more capitalised words joined by "and"/"for"/"of" (a body's name).
_IN_A_NAME = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){2,}(?:(?:and|for|of|on)\s+)(?:[A-Z][\w.'’-]*\s+){2,}$"
)
#: The words :data:`_SEAT` can end in (besides a word after "told").
_SEAT_WORDS = frozenset({"based", "headquartered", "speaking", "spoke", "told"}) | frozenset(
    {"reporters", "journalists", "conference"}
)
#: Before a place: where a source sits or speaks, not where its figures are.
_SEAT = re.compile(
    r"\b(?:based|headquartered|[Ss]peaking|[Ss]poke|told\s+(?:[A-Z][\w.]*|reporters|journalists|a\s+news\s+conference))\s+$"
)
#: Before a name: it is a town's, whatever else is named like it ("the southern Ukrainian city of Zaporizhzhia").
_TOWN_OF = re.compile(
    r"\b(?:city|town|township|village|capital|hamlet|settlement|suburb)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: After a name: it is a town's ("Odesa city").
_TOWN_AFTER = re.compile(
    r"\s+(?:city|town|locality)\b(?!\s+(?:of|council|hall|authorities|officials)\b)"
)


def places_named(
    text: str, start: int, end: int, gazetteer: Gazetteer = DEFAULT_GAZETTEER
) -> list[tuple[int, tuple[str, ...]]]:
    """Every place the sentence ``text[start:end]`` names, with its offset, read once for all its figures.

    "from X" and "of X" name a place only when X is a country or a first-level subdivision
    ("from Government sources", "of the UN Security Council" are not places); several places
    in a row ("in Zambezia and Tete") give their common parent, never one of them; a country
    named anywhere ("In conflict-ridden Sudan", "Kenya hosts") counts too.
    """
    if dated_place_line(text, start, end):
        return []  # "October 3, 2012, Springfield": where words were said (its country: heading_places)
    found: list[tuple[int, tuple[str, ...]]] = []
    listed: list[tuple[int, int]] = []  # where the lists of places are ("in A, B and C regions")
    seen: set[int] = set()
    # whether the sentence is a title-case headline: read once, when an unknown name asks
    headline: list[bool] = []

    def titled() -> bool:  # (a closure, not a functools.cache: one is made for every sentence)
        if not headline:
            headline.append(_titled(text, start, end))
        return headline[0]

    # Each pattern below is searched only when the sentence has the words it cannot match without.
    possessive = (  # (the apostrophes looked for first: most sentences have none)
        text.find("'", start, end) >= 0 or text.find("’", start, end) >= 0
    ) and _POSSESSIVE_MARK.search(text, start, end) is not None
    for pattern in (_POSSESSIVE, _LOCATIVE) if possessive else (_LOCATIVE,):
        for m in pattern.finditer(text, start, end):
            seen.add(m.start())
            if _BORDER.match(text, m.end()) or (
                _OF_NATION.match(text, m.end()) and not known(gazetteer, m.group("p"))
            ):
                continue  # "from the Ukraine border": a landmark; "in the African country": an adjective
            path = _path(m.group("c"), _DATE_WORDS.sub("", m.group("p")))
            if (
                m.group("c") is not None
                and not _is_country(gazetteer, m.group("c"))
                and known(gazetteer, whole := text[m.start("c") : m.end("p")])
            ):
                path = (whole,)  # "in Hawke's Bay": one place's name, not Hawke's "Bay" (Somalia's)
            if path is not None and " " in path[-1] and not known(gazetteer, path):
                path = country_first(gazetteer, path, units=titled())
            if path is None or (
                (
                    _EVENT_AFTER.match(text, m.end())
                    or _EVENT_AFTER.fullmatch(f" {path[-1].split()[-1].lower()}")
                )
                and not known(gazetteer, path)
            ):
                continue  # "in the Easter bombings", "in Suspected Boko Haram Attacks": an event's name
            if AGENT_AFTER.match(text, m.end()):
                continue  # "of Shiga toxin-producing E. coli", "by Sudan virus": a disease's name
            if _NAME_OF.search(text, max(start, m.start() - 25), m.start()):
                continue  # "the Democratic Republic of the Congo": "of the Congo" is part of a name
            if (
                _KIND_OF.match(text, m.end())
                and (unit_kind := re.search(rf"\s{_KIND}$", path[-1]))
                and _is_country(gazetteer, path[-1][: unit_kind.start()])
            ):
                continue  # "the US state of California": the kind of the unit named after it
            unit = (
                _REGION_OF.search(text, max(start, m.start() - 30), m.start() + 3)
                if pattern is _LOCATIVE
                else None
            )
            if (
                unit is not None
                and not _is_country(gazetteer, path[-1])
                and not re.search(rf"\s{_KIND}$", path[-1])
            ):
                # "the region of Kharkiv", "governor of Belgorod": the region; "province of Guayas": the province
                kind = unit.group("k").lower()
                path = (*path[:-1], f"{path[-1]} {'region' if kind == 'governor' else kind}")
            previous = text[max(start, m.start() - 30) : m.start()].split()[
                -2:
            ]  # the two words before
            if (
                previous
                and previous[-1][:1].isupper()
                and _IN_A_NAME.search(text, max(start, m.start() - 80), m.start())
            ):
                continue  # "Agency for Palestine Refugees in the Near East": part of a body's name
            group = (
                GROUP_BEFORE.search(text, max(start, m.start() - 40), m.start())
                if text.startswith(("in ", "In "), m.start())
                else None
            )
            if (
                group is not None
                and not known(gazetteer, path)
                and not known(gazetteer, group.group("g"))
                and not FACILITY.search(" " + group.group("g"))
            ):
                continue  # "the Islamic State in Greater Sahara", "Al-Qaeda in the Islamic Maghreb": a name
            if (
                previous
                and (previous[-1].lower() in _SEAT_WORDS or previous[0] == "told")
                and _SEAT.search(text, max(start, m.start() - 30), m.start())
            ):
                continue  # "the monitor based in Britain", "told Reuters in Nairobi": where the source is
            if _BEARING_OF.search(text, max(start, m.start() - 45), m.start() + 3):
                continue  # "west of the Russian-held city of Donetsk": a landmark, not where the figure is
            weak = (
                pattern is _LOCATIVE
                and text[m.start() : m.start() + 4].lower().startswith(("from", "of "))
                and not re.search(rf"\b{_KIND}\s+$", text[max(start, m.start() - 12) : m.start()])
            )
            if weak and _TOWN_OF.search(text, max(start, m.start() - 30), m.start() + 3):
                weak = (
                    False  # "the township of Sharaban": a settlement named by its kind is a place
                )
            if weak and _vouched(gazetteer, text, m.end(), end):
                weak = False  # "the central community of Joplin, Missouri": a known place vouches for it
            if (weak or titled()) and not known(gazetteer, path):
                continue  # in a headline every word is capitalised: only a known name is a place
            if (
                "the " in text[m.start() : m.start("p")]
                and THING_AFTER.match(text, m.end())
                and not known(gazetteer, path)
                and not countries_with(path[-1])
            ):
                continue  # "into the Tandoori bar", "at the Raspadskaya mine": a thing's name, no place
            if (FACILITY.search(path[-1]) or WATER.search(path[-1])) and not known(gazetteer, path):
                continue  # "in the Situations Room", "on the Uru River": a site's or water's name, no place (G5)
            if _TOWN_OF.search(text, max(start, m.start() - 30), m.start() + 3):
                path = as_town(gazetteer, path)  # "the city of Odesa": the city, not its region
            elif kind := _TOWN_AFTER.search(path[-1]):
                # "Gaza city", "Mexico City": the town, by the name written ("city" is in many
                # towns' names); "Kalaya town": the town Kalaya ("town" is in none)
                bare = _TOWN_AFTER.sub("", path[-1])
                written = bare if kind.group().strip() in ("town", "locality") else path[-1]
                path = as_town(gazetteer, (*path[:-1], bare), written)
            more = _MORE_PLACES.match(text, m.end(), end)
            extra = (
                [gazetteer.normalise(p) for p in _NAMES.findall(more.group())]
                if more is not None
                else []
            )
            if (
                more is not None
                and " and " not in more.group()
                and len(extra) == 1
                and len(extra[0]) == 1
                and _is_country(gazetteer, extra[0][0])
                and not _is_country(gazetteer, path[-1])
            ):
                # "in Tripoli, Lebanon": the place within the country named after it, never another's
                inner = path[1:] if _is_country(gazetteer, path[0]) else path
                path = gazetteer.normalise((extra[0][0], *inner))
            elif more is not None and (
                chain := _reads.nested(gazetteer, path, extra, more.group())
            ):
                path = chain  # "in Yushu, Qinghai, China": one place, within the places after it
            elif more is not None and (
                " and " in more.group()
                or len(extra) >= 2
                or (known(gazetteer, path) and all(known(gazetteer, p) for p in extra))
            ):
                paths = [gazetteer.normalise(path), *extra]
                common = common_parent(gazetteer, paths)
                listed.append((m.end(), more.end()))  # its members are read as the list, not alone
                if not common and any(known(gazetteer, p) for p in paths):
                    continue
                # none known: the place they lie in ("A and B regencies in South Kalimantan"),
                # else the text's ("the towns of Tulunan, Magsaysay and Digos")
                path = common or _within(gazetteer, (), text, more.end(), end)
            elif extra and known(gazetteer, extra[-1]) and not known(gazetteer, path):
                path = gazetteer.normalise((*extra[-1], *path))  # "Bentiu, Unity State"
            elif more is None and not known(gazetteer, path):
                inner = _within(gazetteer, path, text, m.end(), end)  # "Fardous in Aleppo"
                town = town_after(text, m.end(), end) if inner == path else None
                if town is not None:  # "near Ayesha Manzil in Karachi": the town the site is in
                    found.append(town)
                    continue
                path = inner
            found.append((m.start(), path))
    seg = text[start:end]
    adjectival = any(
        w in seg
        for w in ("territory", "soil", "cities", "towns", "villages", "regions", "airspace")
    )
    for m in (
        _ADJECTIVE_PLACE.finditer(text, start, end) if adjectival else ()
    ):  # "on Ukrainian cities", "over Russian territory"
        country = COUNTRY_OF_ADJECTIVE.get(m.group("a").lower())
        if country is not None and all(at != m.start() for at, _ in found):
            found.append((m.start(), gazetteer.normalise(country)))
    found += [
        (m.start(), gazetteer.normalise(m.group("p")))
        for m in _LOOSE_IN.finditer(text, start, end)
        if m.start() not in seen
        and known(gazetteer, m.group("p"))
        and not re.search(r"['’]s\b", m.group("p"))
    ]
    found += [  # "in the nearby Gwoza district": a unit named with its kind after a modifier
        (a, p)
        for a, p in modified_units(text, start, end, gazetteer)
        if a not in seen and all(a != b for b, _ in found)
    ]
    # the pre-checks' own words looked for first (their first letters left out, either case fits)
    districts = (
        has(text, ("istrict", "ounty", "unicipality", "ownship"), start, end)
        and _DISTRICT_WORD.search(text, start, end) is not None
    )
    for m in _DISTRICT_OF.finditer(text, start, end) if districts else ():
        region = gazetteer.normalise(_path(m.group("c"), m.group("r")) or ())
        if (
            known(gazetteer, region)
            and len(gazetteer.key(region)) > 1
            and _path(None, m.group("p")) is not None
        ):
            # the district within its region, in place of the region alone named inside the same words
            found = [(a, p) for a, p in found if not m.start() <= a < m.end()]
            found.append((m.start("r"), gazetteer.normalise((*region, m.group("p")))))
    offices = (
        has(text, ("regional", "oblast", "provincial"), start, end)
        and _OFFICE_WORD.search(text, start, end) is not None
    )
    for m in _REGIONAL_OFFICE.finditer(text, start, end) if offices else ():
        region = gazetteer.normalise(f"{m.group('p')} region")
        if known(gazetteer, region) and len(gazetteer.key(region)) > 1:
            found.append((m.start(), region))
    at = {a for a, _ in found}
    found += [
        (m.start("p"), gazetteer.normalise(m.group("p")))
        for m in (_COMPASS.finditer(text, start, end) if has(text, _BEARINGS, start, end) else ())
        if (
            known(gazetteer, m.group("p"))
            or (  # "in central Karachi": a town GeoNames knows, after a locative (the part is the town's)
                _LOCATIVE_BEFORE.search(text, max(start, m.start() - 12), m.start()) is not None
                and bool(countries_with(m.group("p")))
            )
        )
        and not any(m.start() <= a <= m.start("p") for a in at)
        and not re.search(r"['’]s\b", m.group("p"))
    ]
    at = {a for a, _ in found}
    found += [  # "after heavy rain hit Henan province": a named unit of a known kind, wherever it stands
        (m.start("p"), gazetteer.normalise((m.group("c") or "", m.group("p"))))
        for m in (
            _KINDED.finditer(text, start, end)
            if has(text, _KIND_STEMS, start, end) and _KIND_WORD.search(text, start, end)
            else ()
        )
        if not any(m.start() - 12 <= a <= m.end() for a in at)
        and not re.search(r"['’]s\b", m.group("p"))
        and known(gazetteer, (m.group("c") or "", m.group("p")))
    ]
    at = {a for a, _ in found}
    found += [  # "strikes Ecuador's coast", "Pakistan's remote south-western province": the country owns it
        (owner[0], gazetteer.normalise(owner[1]))
        for mark in (_POSSESSIVE_MARK.finditer(text, start, end) if possessive else ())
        if (owner := country_owning(gazetteer, text, max(start, mark.start() - 60), mark.start()))
        and not any(owner[0] - 30 <= a < mark.end() for a in at)
        and not owns_a_body(text, mark.end(), end)
    ]
    found += [  # "The worst affected State is Jonglei, where 85,000 people ...": the where-clause's place
        (m.start("p"), gazetteer.normalise(m.group("p")))
        for m in (_WHERE.finditer(text, start, end) if text.find("where", start, end) >= 0 else ())
        if known(gazetteer, m.group("p")) and all(a != m.start("p") for a, _ in found)
    ]
    subject = _SUBJECT.match(text, start, end)
    mark = _POSSESSIVE_MARK.search(subject.group("p") + " ") if subject is not None else None
    if (
        subject is not None
        and known(gazetteer, subject.group("p"))
        and (mark is None or not owns_a_body(text, subject.start("p") + mark.end(), end))
    ):  # "Belgorod lies 20 miles from ..." (but "Italy's Civile Protezione says": a body)
        found.append((subject.start("p"), gazetteer.normalise(subject.group("p"))))
    for begins, ends, settled in settlements(text, start, end, gazetteer):
        # "the Parwan capital of Charikar": the town within its unit, in place of the names inside it
        # (and the locative opening them: "in the Sindh city" reads from its "in")
        found = [
            (a, p)
            for a, p in found
            if not (begins <= a < ends or (a < begins and _OPENING.fullmatch(text, a, begins)))
        ]
        found.append((begins, settled))
    found = [(a, p) for a, p in found if not any(i <= a < j for i, j in listed)]
    found = with_world_regions(text, start, end, found)
    if SUPERLATIVE_WORD.search(text, start, end):  # "the deadliest in Asia": a comparison's domain
        found = comparison_domains(text, start, found)
    found = of_level(gazetteer, text, found)  # peers of one clause are of one level
    return sorted(found)


def _vouched(gazetteer: Gazetteer, text: str, at: int, end: int) -> bool:
    """True when the name ending at ``at`` is followed by one known place in apposition ("Joplin, Missouri")."""
    more = _MORE_PLACES.match(text, at, end)
    names = _NAMES.findall(more.group()) if more is not None and " and " not in more.group() else []
    return len(names) == 1 and known(gazetteer, names[0])


def _titled(text: str, start: int, end: int) -> bool:
    """True for a headline in title case: four words or more, nearly all capitalised ("Attack on Military Base")."""
    words = _WORD.findall(text, start, end)
    return len(words) >= _TITLE_WORDS and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
