"""Numbers written in digits or English words: "108", "1,500", "1.5 million", "twenty-one"."""

from __future__ import annotations

import math
import re
from fractions import Fraction
from typing import NamedTuple

from claimdiff.exceptions import InvalidEstimateError

__all__ = [
    "GROUP_SEPARATORS",
    "LENGTH_WORDS",
    "NUMBER_WORDS",
    "Number",
    "exact_float",
    "format_number",
    "joined_m",
    "parse_number_prefix",
    "read_number",
    "whole_number_problem",
    "written_problem",
]

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# The Indian scale words, read only after a number ("3 lakh", "1.2 crore", "two lakhs"): alone, "lakhs of
# people" is vague, and they are not number words a figure may start with.
_SOUTH_ASIAN_SCALES = {"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
#: Every word that multiplies the number before it, with its multiplier.
_MULTIPLIERS = {"hundred": 100.0, "dozen": 12.0, **_SCALES, **_SOUTH_ASIAN_SCALES}
_SUFFIX_SCALES = {"k": 1e3, "bn": 1e9, "mn": 1e6, "m": 1e6}
_SHARES = {
    "half": Fraction(1, 2),
    "quarter": Fraction(1, 4),
    "quarters": Fraction(1, 4),
    "third": Fraction(1, 3),
    "thirds": Fraction(1, 3),
}

#: Every word the number reader understands.
NUMBER_WORDS = (
    frozenset(_UNITS)
    | frozenset(_TENS)
    | frozenset(_SCALES)
    | frozenset(_SHARES)
    | {"hundred", "dozen"}
)

#: What separates groups of three digits: a comma, or a thin, narrow no-break or no-break space ("10 000").
GROUP_SEPARATORS = ",\u2009\u202f\u00a0"
# ASCII digits only: digits of other scripts ("١٤") are refused rather than silently read (see docs/threat-model.md).
# Groups use one separator throughout; a separator not followed by three digits ends the number ("1,000, and").
_DIGITS = re.compile(
    r"[0-9]{1,3}(?P<sep>[,\u2009\u202f\u00a0])[0-9]{3}(?:(?P=sep)[0-9]{3})*(?:\.[0-9]+)?(?![0-9]|(?P=sep)[0-9])"
    r"|[0-9]+(?:\.[0-9]+)?"
)
_UNGROUP = str.maketrans("", "", GROUP_SEPARATORS)
_SUFFIX = re.compile(
    r"(?:(k)|[ \t]*(bn|mn))\b"
)  # "1bn" and "1 bn"; "k" only joined ("5 k" is not 5,000)
# "1.2m": million or metres, as the figure is a count or a length (never "mm", "mi", "min", "m2").
_JOINED_M = re.compile(r"m(?![a-z0-9\u00b2\u00b3])")
#: Words after "5m" that make it a length, when nothing says whether the figure is a count.
LENGTH_WORDS = frozenset(
    {
        "long",
        "high",
        "deep",
        "wide",
        "tall",
        "thick",
        "away",
        "across",
        "above",
        "below",
        "from",
        "in",
        "of",
        "radius",
        "diameter",
        "length",
        "height",
        "depth",
        "width",
    }
)
_FOLLOWING_WORD = re.compile(r"[ \t]+([a-z]+)")
_WORD = re.compile(r"[ \t]*(?:-[ \t]*)?([a-z]+)")
_SCALE_WORDS = "hundred|thousand|million|billion|trillion|dozen|lakh|crore"
_SMALL = "|".join(sorted(_UNITS, key=len, reverse=True))
# "half a million", "a quarter of a million", "three quarters of a million", "two-thirds of a million".
_FRACTION = re.compile(
    r"(?:(?P<n>a|an|one|two|three)(?:[ \t]+|[ \t]*-[ \t]*))?(?P<f>half|quarters?|thirds?)[ \t]+"
    rf"(?:of[ \t]+)?(?:a|an)[ \t]+(?P<scale>{_SCALE_WORDS})\b"
)
# "two and a half million", "a million and a half".
_AND_A_HALF = re.compile(
    rf"(?P<n>[0-9]+|{_SMALL})[ \t]+and[ \t]+a[ \t]+half[ \t]+(?P<scale>{_SCALE_WORDS})\b"
    rf"|(?P<n2>a|an|one|[0-9]+|{_SMALL})[ \t]+(?P<scale2>{_SCALE_WORDS})[ \t]+and[ \t]+a[ \t]+half\b"
)


class Number(NamedTuple):
    """A number read from the start of a text, with the scale it was written with.

    Attributes:
        value: The number (``base * scale``).
        base: The number before its scale ("1.2" of "1.2m", 10 of "10 thousand"; ``value`` when unscaled).
        scale: The multiplier written after it ("thousand", "m", "bn"), 1 when none.
        end: How many characters were read.
        written: The digits as written (separators removed), or ``""`` for a number in words.
    """

    value: float
    base: float
    scale: float
    end: int
    written: str


def parse_number_prefix(s: str, *, count: bool | None = None) -> tuple[float, int] | None:
    """Read the number at the start of ``s`` (lower-case text).

    A joined ``m`` ("1.2m") is million for a count and metres for a length: ``count=True`` reads it
    as million, ``count=False`` leaves it to be read as a unit, and ``count=None`` (not known) reads it
    as million only when a word other than a length word ("long", "high", "away", ...) follows.

    Returns:
        ``(value, characters consumed)``, or ``None`` when ``s`` does not start with a number.

    >>> parse_number_prefix("1.5 million people")
    (1500000.0, 11)
    >>> parse_number_prefix("one hundred and eight injured")
    (108.0, 21)
    >>> parse_number_prefix("two dozen")
    (24.0, 9)
    >>> parse_number_prefix("1.2m people"), parse_number_prefix("1.2m", count=False)
    ((1200000.0, 4), (1.2, 3))
    >>> parse_number_prefix("half a million"), parse_number_prefix("10\u2009000 homes")
    ((500000.0, 14), (10000.0, 6))
    """
    n = read_number(s, count=count)
    return None if n is None else (n.value, n.end)


def read_number(s: str, *, count: bool | None = None) -> Number | None:
    """The number at the start of ``s`` (lower-case text) with its scale; see :func:`parse_number_prefix`.

    >>> read_number("5 thousand")
    Number(value=5000.0, base=5.0, scale=1000.0, end=10, written='5')
    """
    fraction = _FRACTION.match(s) or _AND_A_HALF.match(s)
    if fraction is not None:
        return _fraction(fraction)
    m = _DIGITS.match(s)
    if m is not None:
        written = m.group().translate(_UNGROUP)
        base = float(written)
        scaled = _scale_after(s, m.end(), count)
        if scaled is None:
            return Number(base, base, 1.0, m.end(), written)
        factor, end = scaled
        # Rounded once, from the exact product: 65.1 million is 65,100,000, not 65.1 * 1e6 = 65,099,999.99...
        return Number(float(Fraction(written) * int(factor)), base, factor, end, written)
    return _words(s)


def _fraction(m: re.Match[str]) -> Number:
    after = "f" not in m.re.groupindex and m.group("scale") is None  # "a million and a half"
    word = m.group("scale2" if after else "scale")
    scale = _MULTIPLIERS[word]
    n = m.group("n2" if after else "n")
    whole: float
    if "f" in m.re.groupindex:  # "three quarters of a million"
        whole = 1 if n in (None, "a", "an") else _UNITS[n]
        share = Fraction(whole) * _SHARES[m.group("f")]
    else:  # "two and a half million", "a million and a half"
        whole = 1 if n in ("a", "an") else float(n) if n.isdigit() else _UNITS[n]
        share = Fraction(whole) + Fraction(1, 2)
    # A share of a scale word is a whole number of things: "a third of a million" is 333,333, not 333,333.33.
    return Number(float(round(share * int(scale))), float(share), scale, m.end(), "")


def _scale_after(s: str, pos: int, count: bool | None) -> tuple[float, int] | None:
    suffix = _SUFFIX.match(s, pos)
    if suffix is not None:
        return _SUFFIX_SCALES[suffix.group(1) or suffix.group(2)], suffix.end()
    if count is not False and _JOINED_M.match(s, pos):
        following = _FOLLOWING_WORD.match(s, pos + 1)
        if count or (following is not None and following.group(1) not in LENGTH_WORDS):
            return 1e6, pos + 1
        return None
    w = _WORD.match(s, pos)
    if w is None:
        return None
    word = w.group(1)
    return None if word not in _MULTIPLIERS else (_MULTIPLIERS[word], w.end())


def joined_m(s: str, pos: int) -> bool:
    """True when ``s`` has a joined ``m`` at ``pos`` that may be million or metres ("1.2m").

    >>> joined_m("1.2m", 3), joined_m("1.2mm", 3), joined_m("1.2 m", 3)
    (True, False, False)
    """
    return _JOINED_M.match(s, pos) is not None


def _words(s: str) -> Number | None:
    # A number in words is groups, each a small number and the scale after it, the scales falling
    # ("two million three hundred thousand and five"). A scale word that does not fall ("one hundred
    # and two hundred", "two thousand three thousand") starts a second number: the first ends after
    # its last scale word, where ``kept`` holds it.
    total = 0.0
    current = 0.0
    seen = False
    end = 0
    pos = 0
    last = ""
    smallest = math.inf  # the smallest scale word added to the total so far
    kept: Number | None = None
    base, scale = (
        0.0,
        1.0,
    )  # "ten thousand": 10 scaled by 1,000, while the scale word ends the number
    while True:
        w = _WORD.match(s, pos)
        if w is None:
            break
        word = w.group(1)
        if word in {"a", "an"} and not seen:
            nxt = _WORD.match(s, w.end())
            if nxt is None or nxt.group(1) not in _MULTIPLIERS:
                break
            pos = w.end()
            continue
        if word == "and" and seen and last in _MULTIPLIERS:
            nxt = _WORD.match(s, w.end())
            if nxt is None or (nxt.group(1) not in _UNITS and nxt.group(1) not in _TENS):
                break
            pos = w.end()
            last = word
            continue
        before, total_before = current, total
        if word in _UNITS:
            if last in _UNITS:
                break
            current += _UNITS[word]
        elif word in _TENS:
            if last in _UNITS or last in _TENS:
                break
            current += _TENS[word]
        elif word in ("hundred", "dozen"):
            if current >= 100:  # "one hundred and two hundred": a second number
                if kept is not None:
                    return kept
                break
            current = (current or 1.0) * (100 if word == "hundred" else 12)
        elif word in _SCALES or (word in _SOUTH_ASIAN_SCALES and (seen or pos > 0)):
            if _MULTIPLIERS[word] >= smallest:  # "two thousand three thousand": a second number
                return kept
            total += (current or 1.0) * _MULTIPLIERS[word]
            smallest = _MULTIPLIERS[word]
            current = 0.0
        else:
            break
        seen = True
        last = word
        pos = end = w.end()
        if word in _MULTIPLIERS and total_before == 0:
            base, scale = (before or 1.0), (total + current) / (before or 1.0)
        else:
            base, scale = total + current, 1.0
        if word in _MULTIPLIERS:
            kept = Number(total + current, base, scale, end, "")
    if not seen:
        return None
    return Number(total + current, base, scale, end, "")


TOO_LARGE = "holds a figure too large for claimdiff (beyond 1.8e308, the float range)"
# From 2**53 on, floats skip whole numbers.
_EXACT_WHOLE = 2.0**53
# Significant decimal digits every float keeps.
_FLOAT_DIGITS = 15


def whole_number_problem(exact: int | Fraction, value: float) -> str | None:
    """Why the number ``exact`` cannot be taken as the float ``value``, or ``None`` when it can.

    A figure too large for a float is refused; so is a whole number that a float would change in a
    digit it states: from 2**53 on floats skip whole numbers, and 9007199254740993 is never read as
    9007199254740992. A round figure ("17" and 24 zeros) is the float nearest to it, as any decimal is:
    floats keep 15 significant digits, so two figures that differ within them never read as equal.

    >>> whole_number_problem(9_007_199_254_740_992, 9007199254740992.0) is None
    True
    >>> print(whole_number_problem(9_007_199_254_740_993, 9007199254740992.0))
    is a whole number with more significant digits than a float holds (15): it would be read as 9007199254740992
    >>> whole_number_problem(17 * 10**24, 1.7e25) is None
    True
    """
    if not math.isfinite(value):
        return TOO_LARGE
    if (
        abs(value) < _EXACT_WHOLE
        or exact == value
        or (type(exact) is not int and exact.denominator != 1)
    ):
        return None
    if len(str(int(exact)).lstrip("-").rstrip("0")) <= _FLOAT_DIGITS:
        return None
    return (
        f"is a whole number with more significant digits than a float holds ({_FLOAT_DIGITS}): it would be "
        f"read as {int(value)}"
    )


def exact_float(value: float, field: str = "value") -> float:
    """A number given as data (int or float) as a float, refused when the float would change a digit it states.

    Beyond the float range the result is infinity, which the caller refuses as not finite.

    >>> exact_float(14), exact_float(2**60)
    (14.0, 1.152921504606847e+18)
    >>> exact_float(2**53 + 1)
    Traceback (most recent call last):
    ...
    claimdiff.exceptions.InvalidEstimateError: 'value' is a whole number with more significant digits than a float holds (15): it would be read as 9007199254740992 (got 9007199254740993).
    """
    if type(value) is float:
        return value
    try:
        number = float(value)
    except OverflowError:
        return math.inf
    if isinstance(value, int) and math.isfinite(number):
        problem = whole_number_problem(value, number)
        if problem is not None:
            raise InvalidEstimateError(field, value, problem)
    return number


def written_problem(n: Number) -> str | None:
    """Why the number read as ``n`` cannot be taken as its float value, or ``None`` when it can."""
    if not math.isfinite(n.value):
        return TOO_LARGE
    if abs(n.value) < _EXACT_WHOLE or not n.written:
        return None
    return whole_number_problem(Fraction(n.written) * Fraction(n.scale), n.value)


def format_number(value: float, *, grouped: bool = False) -> str:
    """A figure as people write it: whole numbers without a decimal point, ``inf`` for no bound.

    >>> format_number(14.0), format_number(1.5), format_number(float("inf"))
    ('14', '1.5', 'inf')
    >>> format_number(1500000.0, grouped=True), format_number(0.1234567, grouped=True)
    ('1,500,000', '0.1235')

    Args:
        value: The figure.
        grouped: Separate thousands with commas and keep four significant digits,
            as reports do; otherwise as short as exact (``repr``-like, for intervals).
    """
    if value in (math.inf, -math.inf):
        return "inf" if value > 0 else "-inf"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}" if grouped else str(int(value))
    return f"{value:,.4g}" if grouped else f"{value:g}"
