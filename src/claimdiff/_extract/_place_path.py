"""What a capitalised name is as a place: a path, or no place at all (one rule for every reader of places)."""

from __future__ import annotations

import re

from claimdiff._extract import _gazetteer_reads as _reads
from claimdiff._extract._gazetteer_reads import KIND as _KIND
from claimdiff._extract._gazetteer_reads import known, well_known
from claimdiff._extract._sources import COUNTRIES
from claimdiff._extract._time import CALENDAR_WORDS
from claimdiff._extract._triggers import TRIGGERS
from claimdiff._model.places import DEFAULT_GAZETTEER, alpha_3

__all__ = ["COUNTRY_OF_ADJECTIVE", "OWNER", "place_path"]

#: Capitalised words that open no place name ("The", "Update", "Christmas"), and calendar words.
_NOT_PLACES = CALENDAR_WORDS | frozenset(
    {
        "the",
        "president",
        "telegram",
        "reuters",
        "update",
        "note",
        "source",
        "sources",
        "breaking",
        "christmas",
        "new",
        "need",
        "needs",
        "areas",
        "area",
        "assistance",
        "total",
        "people",
        "fiscal",
        "figure",
        "table",
        "week",  # "in Week 14", "Epi-week 19": a week of the calendar
        "epi-week",
        "facebook",  # where a statement was published, never where a figure is ("said on Facebook")
        "twitter",
        "youtube",
        "instagram",
        "whatsapp",
    }
)

#: Units of distance: a name opening with one is a landmark numbered by it ("Kilometre 5", "Km 4"), no place.
_DISTANCES = frozenset({"kilometre", "kilometer", "km", "mile"})

#: Months and weekdays as abbreviated: a name alone of these is a date, never a place.
_ABBREVIATED_DAYS = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
    | {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
)

#: Bearings abbreviated before a place's name ("NW Pakistan").
_BEARING_ABBREVIATIONS = frozenset({"N", "S", "E", "W", "NE", "NW", "SE", "SW"})

#: Words a metric's label opens with: "Casualties:", "Total deaths:", "Losses:".
_METRIC_WORDS = frozenset(
    {*(t for t in TRIGGERS if " " not in t), "casualties", "losses", "toll", "victims"}
    # a measure's label ("Depth: 10 km", "Magnitude: 7.0"): no place either
    | {"depth", "magnitude", "duration", "intensity", "epicentre", "epicenter", "elevation"}
)

#: Who holds a place, written before its name: "Hamas-run Gaza", "Russian-occupied Melitopol".
_HELD_BY = re.compile(
    r"-(?:controlled|held|occupied|backed|led|run|allied|aligned|affiliated|based)$", re.IGNORECASE
)

#: A possessive that ends a name: "in Pakistan's powerful quake" is in Pakistan.
OWNER = re.compile(r"['’]s$")

#: A nationality adjective to its country ("Ukrainian" to Ukraine).
COUNTRY_OF_ADJECTIVE = {adj.lower(): country.title() for country, adj in COUNTRIES.items()}


def place_path(country: str | None, place: str) -> tuple[str, ...] | None:
    """The place a capitalised name stands for, as a path, or ``None`` when the name is no place.

    ``country`` is a country named before it ("Nigeria's Borno State"). A label naming a metric, an
    abbreviated month or day, an acronym, a nationality adjective, who holds a place ("Hamas-run") and a
    kind of unit alone are no places; a bearing before a name is dropped ("NW Pakistan" is Pakistan).

    >>> place_path(None, "NW Pakistan"), place_path(None, "Jan."), place_path("Nigeria", "Borno State")
    (('Pakistan',), None, ('Nigeria', 'Borno State'))
    """
    place = OWNER.sub("", place)
    words = place.split()
    if re.fullmatch(_KIND, place.lower()):
        return None  # "City of Freeport", "Province of Sindh": a kind of unit, the name after it
    if place.lower() in TRIGGERS or words[0].lower() in _METRIC_WORDS:
        return None  # "Casualties: 1,200 killed", "Deaths: 40": a label naming the metric
    if len(words) > 1 and (words[0] in _BEARING_ABBREVIATIONS or _reads.bearing_before(place)):
        words = words[1:]  # "NW Pakistan", "Eastern Ethiopia": a part of the place by its bearing
        place = " ".join(words)
    held = [i for i, w in enumerate(words) if _HELD_BY.search(w)]
    if held and held[-1] > 0:
        # "Islamic State-held territory", "Islamic State-held Mosul": who holds it is no place; what
        # follows the holder is the place, if it is capitalised (else a common noun: no place)
        words = words[held[-1] :]
        place = " ".join(words)
    if _HELD_BY.search(words[0]) and len(words) > 1:
        words = words[
            1:
        ]  # "in Hamas-run Gaza", "Russian-occupied Melitopol": the place, whoever holds it
        place = " ".join(words)
        if place.islower():
            return None  # "in Islamic State-held territory": a common noun, no place named
    if len(words) == 1 and words[0].lower().rstrip(".") in _ABBREVIATED_DAYS:
        return None  # "in Jan. and Feb.", "on Wed.": a month or a day, abbreviated
    if (
        len(words) == 1
        and (place.isupper() or (place[-1] == "s" and place[:-1].isupper()))
        and (not known(DEFAULT_GAZETTEER, place) or place in alpha_3())
    ):
        return None  # "in UN history", "outside ECs": an acronym (maybe plural) or a country code
    head = words[0].split("-")[0]
    if (
        len(words) == 1
        and head != words[0]
        and head.isupper()
        and len(head) > 1
        and not known(DEFAULT_GAZETTEER, place)
    ):
        return None  # "on MERS-CoV in Saudi Arabia", "COVID-19": an acronym's compound, not a place
    if words[0].lower() in _DISTANCES:
        # "in Mogadishu's Kilometre 5 neighbourhood": a landmark of the town named before it
        return (country,) if country is not None else None
    if words[0].lower() in _NOT_PLACES and not well_known(place):
        return None  # "in New cases", "The ..." (but "New York", "New Delhi" are places)
    if _HELD_BY.search(words[0]):
        return None  # "in a Houthi-controlled area", "Russian-held": who holds a place
    if (
        words[0].lower() in COUNTRY_OF_ADJECTIVE
        and len(words) == 2
        and words[1].lower()
        in {"territory", "soil", "cities", "towns", "villages", "regions", "airspace"}
    ):
        return (COUNTRY_OF_ADJECTIVE[words[0].lower()],)
    if words[0].lower() in COUNTRY_OF_ADJECTIVE:
        return None  # "Ukrainian media", "Russian forces": an adjective, not a place
    if country is not None and country.lower() in COUNTRIES:
        return (country, place)
    return (place,)
