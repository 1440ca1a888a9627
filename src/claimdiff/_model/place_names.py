"""Place names as they are compared: folded, stemmed, and read for the kind of unit they name.

"Belgorodskaya oblast'", "Belgorod region" and "Belgorod Oblast" are one place: a name is folded (lower case,
no accents, apostrophes and dots dropped, letters such as "ł" and "ß" spelled out), and a subdivision is also
known by its stem, the name with the kind of unit ("oblast", "region", "governorate") left off, with its
Russian adjectival ending dropped, French and Spanish compass words in English, and transliteration
variants ("Al-Raqqa", "Ar Raqqah"). The gazetteer (:mod:`claimdiff._model.places`) indexes ISO 3166 by these
keys.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = [
    "DISPLAY_KINDS",
    "KINDS",
    "KIND_WORDS",
    "ascii_name",
    "below_key",
    "fold",
    "kind_of",
    "skeleton",
    "stems",
    "variants",
]

#: Words naming the kind of unit a subdivision is, left off to find its stem.
KINDS = (
    "regions",
    "provinces",
    "oblasts",
    "states",
    "governorates",
    "districts",
    "autonomous republic",
    "autonomous region",
    "autonomous okrug",
    "oblast",
    "oblast'",
    "region",
    "province",
    "state",
    "governorate",
    "county",
    "prefecture",
    "district",
    "territory",
    "department",
    "kray",
    "krai",
    "respublika",
    "republic",
    "avtonomnyy okrug",
    "avtonomnaya",
    "division",
    "municipality",
    "wilaya",
    "muhafazat",
    "vilayati",
    "velayat",
    "sheng",
    "zizhiqu",
    "ken",
    "prefecture",
    "local government area",  # Nigeria's second level, "Bama LGA"
    "lga",
    "agency",  # Pakistan's tribal agencies, "Khyber Agency"
    "independent city",
)
KIND_WORDS = re.compile(
    r"\b(?:" + "|".join(re.escape(k) for k in sorted(KINDS, key=len, reverse=True)) + r")\b"
)
#: The English word a subdivision kind is written with after its stem.
DISPLAY_KINDS = {
    "oblast": "Oblast",
    "region": "Region",
    "province": "Province",
    "state": "State",
    "governorate": "Governorate",
    "county": "County",
    "prefecture": "Prefecture",
}
_COMPASS = {
    "nord": "north",
    "sud": "south",
    "est": "east",
    "ouest": "west",
    "norte": "north",
    "sur": "south",
    "centre": "central",
    "center": "central",
    "centro": "central",
}
_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ħ": "h",
    }
)
_ARTICLE = re.compile(r"^(?:al|ar|as|ad|an|ash|at|az|el|ad-)\s+")
_ADJECTIVAL = re.compile(r"(?:s'?kaya|s'?kiy|s'?ka|s'?kyi|skoye)$")


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no accents, apostrophes and dots dropped, "&" read "and", other punctuation as spaces.

    >>> fold("Azad Jammu & Kashmir") == fold("Azad Jammu and Kashmir")
    True
    """
    plain = "".join(
        c
        for c in unicodedata.normalize("NFKD", text.translate(_LETTERS))
        if not unicodedata.combining(c)
    )
    plain = re.sub(r"['’‘ʼʻʿʾ`.]", "", plain.lower()).replace("&", " and ")  # "Jammu & Kashmir"
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def variants(stem: str) -> set[str]:
    """Transliteration variants: "Al-Raqqa" and "Ar Raqqah" both read "raqqa"."""
    plain = _ARTICLE.sub("", stem)
    return {plain, plain.removesuffix("h")} - {stem, ""}


def stems(name: str) -> set[str]:
    """The keys a subdivision is known by: its name, and its stem with the kind of unit left off.

    A name with a numbered unit in brackets ("Zamboanga Peninsula (Region IX)") is also known by it.
    """
    inner = _BRACKETED.search(name)
    if inner is not None and KIND_WORDS.search(fold(inner.group(1))):
        return _stems(name) | {fold(inner.group(1))}
    return _stems(name)


def _stems(name: str) -> set[str]:
    folded = fold(name)
    stem = " ".join(KIND_WORDS.sub(" ", folded).split())
    out = {folded, stem} if stem else {folded}
    bare = _ADJECTIVAL.sub("", stem)
    if bare != stem and bare:
        out |= {bare, stem[:-3] if stem.endswith(("aya", "kiy")) else bare}
        out.add(stem.removesuffix("aya").removesuffix("iy").removesuffix("a"))
    out |= {
        " ".join(_COMPASS.get(w, w) for w in k.split()) for k in out
    }  # "Nord-Kivu" is North Kivu
    out |= {v for k in out for v in variants(k)}
    return {k for k in out if len(k) > 2}


#: A name in brackets after another: "(Region IX)".
_BRACKETED = re.compile(r"\s*\(([^()]+)\)")


def kind_of(text: str) -> str | None:
    """The word of ``text`` that names a kind of unit ("oblast" in "Belgorod Oblast"), folded; ``None`` if none."""
    m = KIND_WORDS.search(fold(text))
    return m.group(0) if m else None


def ascii_name(name: str) -> str:
    """An ISO name as it is displayed: accents dropped, a turned comma written as an apostrophe."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
    ).replace("‘", "'")


#: Letters transliterations disagree on: vowels, and the "h", "w" and "y" that write them or are dropped.
_SOFT = re.compile(r"[aeiouyhw\s-]+")
_DOUBLED = re.compile(r"(.)\1+")


def skeleton(stem: str) -> str:
    """The first letter and the consonants after it of a folded name, each doubled one once.

    What two transliterations of a name share: "Hilmand" and "Helmand", "Hirat" and "Herat",
    "Baluchistan" and "Balochistan", "Khyber Pakhtunkwa" and "Khyber Pakhtunkhwa" have one
    skeleton; "Mandima" and "Maniema" (another consonant) do not.

    >>> skeleton("hirat") == skeleton("herat"), skeleton("mandima") == skeleton("maniema")
    (True, False)
    """
    return _DOUBLED.sub(r"\1", stem[:1] + _SOFT.sub("", stem[1:]))


#: Bearings written as adjectives: "Eastern Ghouta" and "East Ghouta" are one place.
_BEARING_ADJECTIVES = {
    "northern": "north",
    "southern": "south",
    "eastern": "east",
    "western": "west",
}


def below_key(folded: str) -> str:
    """The key of a place below the subdivision: its folded name, the kind of unit left off and bearings plain.

    >>> below_key("eastern ghouta") == below_key("east ghouta district")
    True
    """
    words = KIND_WORDS.sub(" ", folded).split() or folded.split()
    return " ".join(_BEARING_ADJECTIVES.get(w, w) for w in words)
