"""Numbers written in digits or English words: "108", "1,500", "1.5 million", "twenty-one"."""

from __future__ import annotations

import math
import re

__all__ = ["NUMBER_WORDS", "format_number", "parse_number_prefix"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SUFFIX_SCALES = {"k": 1e3, "bn": 1e9, "mn": 1e6}

#: Every word the number reader understands.
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES) | {"hundred", "dozen"}

# ASCII digits only: digits of other scripts ("١٤") are refused rather than silently read (see docs/threat-model.md).
_DIGITS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9,])|[0-9]+(?:\.[0-9]+)?")
_SUFFIX = re.compile(r"(?:(k)|[ \t]*(bn|mn))\b")  # "1bn" and "1 bn"; "k" only joined ("5 k" is not 5,000)
_WORD = re.compile(r"[ \t]*(?:-[ \t]*)?([a-z]+)")


def parse_number_prefix(s: str) -> tuple[float, int] | None:
    """Read the number at the start of ``s`` (lower-case text).

    Returns:
        ``(value, characters consumed)``, or ``None`` when ``s`` does not start with a number.

    >>> parse_number_prefix("1.5 million people")
    (1500000.0, 11)
    >>> parse_number_prefix("one hundred and eight injured")
    (108.0, 21)
    >>> parse_number_prefix("two dozen")
    (24.0, 9)
    """
    m = _DIGITS.match(s)
    if m is not None:
        value = float(m.group().replace(",", ""))
        end = m.end()
        scaled = _scale_after(s, end)
        if scaled is not None:
            factor, end = scaled
            value *= factor
        return value, end
    return _words(s)


def _scale_after(s: str, pos: int) -> tuple[float, int] | None:
    suffix = _SUFFIX.match(s, pos)
    if suffix is not None:
        return _SUFFIX_SCALES[suffix.group(1) or suffix.group(2)], suffix.end()
    w = _WORD.match(s, pos)
    if w is None:
        return None
    word = w.group(1)
    if word in _SCALES:
        return _SCALES[word], w.end()
    if word == "hundred":
        return 100.0, w.end()
    if word == "dozen":
        return 12.0, w.end()
    return None


def _words(s: str) -> tuple[float, int] | None:
    total = 0.0
    current = 0.0
    seen = False
    end = 0
    pos = 0
    last = ""
    while True:
        w = _WORD.match(s, pos)
        if w is None:
            break
        word = w.group(1)
        if word in {"a", "an"} and not seen:
            nxt = _WORD.match(s, w.end())
            if nxt is None or nxt.group(1) not in {"hundred", "thousand", "million", "billion", "dozen"}:
                break
            pos = w.end()
            continue
        if word == "and" and seen and last in {"hundred", "thousand", "million", "billion"}:
            nxt = _WORD.match(s, w.end())
            if nxt is None or (nxt.group(1) not in _UNITS and nxt.group(1) not in _TENS):
                break
            pos = w.end()
            last = word
            continue
        if word in _UNITS:
            if last in _UNITS:
                break
            current += _UNITS[word]
        elif word in _TENS:
            if last in _UNITS or last in _TENS:
                break
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif word == "dozen":
            current = (current or 1.0) * 12
        elif word in _SCALES:
            total += (current or 1.0) * _SCALES[word]
            current = 0.0
        else:
            break
        seen = True
        last = word
        pos = end = w.end()
    if not seen:
        return None
    return total + current, end


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
