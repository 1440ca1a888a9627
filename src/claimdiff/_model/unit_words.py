"""A unit as it is written after a figure: "1 mile", "20 miles", "20 km".

Units are kept in the spelling they were read in, singular ("mile") or plural ("minutes"). A report writes a
unit's *name* (a lower-case word, or the last word before "per" in a compound) in the singular after 1 and in
the plural otherwise, and a *symbol* ("km", "mph", "m**2", "degC") as it is. Every view of a report (text,
HTML, chart titles) writes units by this one rule.
"""

from __future__ import annotations

__all__ = ["unit_words"]

#: Unit names that take no plural ending ("40 percent", "50 hertz").
_INVARIANT_UNITS = frozenset(
    {"percent", "celsius", "fahrenheit", "kelvin", "hertz", "lux", "siemens", "gauss"}
)
#: Unit names whose plural is not the singular and an "s" (a unit may be stored in either form).
_IRREGULAR_UNITS = {"foot": "feet"}
_SINGULAR_UNITS = {plural: singular for singular, plural in _IRREGULAR_UNITS.items()}
#: Names of units shorter than four letters (shorter words are symbols: "km", "mph", "psi").
_SHORT_UNIT_NAMES = frozenset({"day", "ton", "bar", "ell", "rod"})


def unit_words(unit: str, figure: float | None) -> str:
    """A unit as written after ``figure``: a unit's name in the singular after 1, else in the plural; a symbol as is.

    Units are stored in the spelling they were read in, singular ("mile") or plural ("minutes"); a name is
    a lower-case word (the last word before "per" in a compound), a symbol anything else.

    >>> unit_words("mile", 20), unit_words("minutes", 1), unit_words("mile", 1.5), unit_words("foot", 3)
    ('miles', 'minute', 'miles', 'feet')
    >>> unit_words("km", 20), unit_words("m**2", 3), unit_words("percent", 40), unit_words("degC", 2)
    ('km', 'm**2', 'percent', 'degC')
    >>> unit_words("kilometer per hour", 30)
    'kilometers per hour'
    """
    head, per, tail = unit.partition(" per ")
    words = head.split(" ")
    word = words[-1]
    named = word.isalpha() and word.islower() and (len(word) > 3 or word in _SHORT_UNIT_NAMES)
    if not named or word in _INVARIANT_UNITS or not any(v in word for v in "aeiouy"):
        return unit
    words[-1] = (
        _unit_singular(word) if figure is not None and abs(figure) == 1 else _unit_plural(word)
    )
    return " ".join(words) + per + tail


def _unit_plural(word: str) -> str:
    if word in _IRREGULAR_UNITS:
        return _IRREGULAR_UNITS[word]
    if word in _SINGULAR_UNITS or word.endswith("s"):
        return word  # stored in the plural already
    if word.endswith(("ch", "sh", "x", "z")):
        return word + "es"
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _unit_singular(word: str) -> str:
    if word in _SINGULAR_UNITS:
        return _SINGULAR_UNITS[word]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
