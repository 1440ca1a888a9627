"""A range's first end where the number reader read both ends as one number ("between one hundred and two hundred")."""

from __future__ import annotations

import re

from claimdiff._model.numbers import parse_number_prefix

__all__ = ["first_end"]

_BETWEEN = re.compile(r"\bbetween\s+$")
_AND = re.compile(r"\s+and\s+")


def first_end(low: str, pos: int, end: int, parsed: tuple[float, int]) -> tuple[float, int]:
    """After "between", the first end of the range, when the number reader has read both ends as one number.

    "between one hundred and two hundred" is a range of two numbers, not "one hundred and two hundred".
    """
    read = low[pos : pos + parsed[1]]
    if " and " not in read or not _BETWEEN.search(low, max(0, pos - 12), pos):
        return parsed
    for m in _AND.finditer(read):
        first = parse_number_prefix(read[: m.start()])
        second = parse_number_prefix(low[pos + m.end() : end])
        if (
            first is not None
            and second is not None
            and first[1] == m.start()
            and first[0] <= second[0]
        ):
            return first  # "between one hundred and twelve" stays 112: a range's ends rise
    return parsed
