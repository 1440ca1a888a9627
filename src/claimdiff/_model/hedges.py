"""English hedges -> :class:`~claimdiff.Estimate`, read with an explicit, overridable hedge table.

The table itself (:class:`HedgePolicy`, the default and ACLED's) is in :mod:`claimdiff._model.hedge_table`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from claimdiff._model.estimate import Estimate, Hedge, band
from claimdiff._model.hedge_table import (
    ACLED_HEDGES,
    DEFAULT_HEDGES,
    HedgePolicy,
    VagueQuantity,
    normalise,
)
from claimdiff._model.numbers import TOO_LARGE, Number, joined_m, read_number, written_problem
from claimdiff._model.units import MAX_UNIT_CHARS, unit_info
from claimdiff.exceptions import InvalidEstimateError, InvalidUnitError

__all__ = ["ACLED_HEDGES", "DEFAULT_HEDGES", "HedgePolicy", "VagueQuantity", "parse_estimate"]


_CURRENCY = "$£€"
# The words that join the two ends of a range; the ends are split at the first of them where both read
# ("twenty-one thousand and twenty-two thousand" is split at "and", not at the hyphen of "twenty-one").
_RANGE_JOIN = re.compile(r"\s*(?:-|\band\b|\bto\b|\bor\b)\s*")
_RANGE_SPLITS = 8  # the joins tried, at most: a figure has one or two

_UNIT_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "%": "percent",
        "per cent": "percent",
        "percent": "percent",
        "km": "kilometer",
        "kms": "kilometer",
        "kilometres": "kilometer",
        "kilometre": "kilometer",
        "kilometers": "kilometer",
        "kilometer": "kilometer",
        "miles": "mile",
        "mile": "mile",
        "mi": "mile",
        "metres": "meter",
        "metre": "meter",
        "meters": "meter",
        "meter": "meter",
        "m": "meter",
        "tonnes": "tonne",
        "tonne": "tonne",
        "t": "tonne",
        "kg": "kilogram",
        "kilograms": "kilogram",
        "hectares": "hectare",
        "hectare": "hectare",
        "ha": "hectare",
        "square kilometres": "km**2",
        "square kilometers": "km**2",
        "sq km": "km**2",
        "km2": "km**2",
        "litres": "liter",
        "liters": "liter",
        "litre": "liter",
        "liter": "liter",
        "hours": "hour",
        "hour": "hour",
        "days": "day",
        "day": "day",
    }
)


def _cut(text: str) -> str:
    """The text as an error message may repeat it: at most 80 characters."""
    return text if len(text) <= 80 else text[:77] + "..."


def parse_estimate(
    text: str,
    *,
    hedges: HedgePolicy = DEFAULT_HEDGES,
    unit: str | None = None,
    count: bool | None = None,
) -> Estimate:
    """Read a hedged figure written in English into an :class:`~claimdiff.Estimate`.

    The hedge is never lost: the interval encodes it and ``text`` keeps the wording.

    A hedge before a range ("about 1,500 to 2,000", "some 5,000-6,000", "200-300 or so") hedges
    each end as it would hedge a single figure, so the interval is the range widened as the hedge
    widens its ends: an approximation widens the low end down and the high end up by the policy's
    band (``[A - d(A), B + d(B)]``; "nearly" keeps ``B`` as an open upper end, "just over" ``A`` as
    an open lower end); a lower bound keeps the low end ("at least 200 to 300" is ``[200, inf)``),
    an upper bound the high end ("up to 200-300" is ``(-inf, 300]``). A hedged range is
    :attr:`Hedge.APPROXIMATE`, :attr:`Hedge.LOWER` or :attr:`Hedge.UPPER` as its hedge is, with no
    point (no single figure was said).

    >>> parse_estimate("at least 14").interval_text()
    '[14, inf)'
    >>> parse_estimate("over 100").interval_text()
    '(100, inf)'
    >>> parse_estimate("some 70").interval_text()
    '[63, 77]'
    >>> parse_estimate("1.5 million").point
    1500000.0
    >>> parse_estimate("dozens").interval_text()
    '[24, 99]'
    >>> parse_estimate("20 miles").unit
    'mile'
    >>> parse_estimate("1.2m", count=True).point, parse_estimate("1.2m", count=False).unit
    (1200000.0, 'meter')
    >>> parse_estimate("5 to 10 thousand").interval_text(), parse_estimate("half a million").point
    ('[5000, 10000]', 500000.0)
    >>> parse_estimate("about 1,500 to 2,000").interval_text(), parse_estimate("well over 100").interval_text()
    ('[1350, 2200]', '(100, inf)')

    Args:
        text: The figure as written: "12", "two", "at least 14", "up to 158",
            "between 10 and 20", "dozens", "20 miles".
        hedges: The semantics table to read hedges with.
        unit: The unit, when it is given separately; a unit in ``text`` then is an error.
        count: Whether the figure is a count (a claim that says what it counts), a measurement
            (``False``), or not known (``None``). It decides only what a joined ``m`` means: "1.2m"
            is 1.2 million of a count and 1.2 metres of a length; when nothing says which, it is an error.

    Raises:
        InvalidEstimateError: The text is not a figure claimdiff can read, or reads two ways
            ("1.2m" with ``count=None``), or holds a figure a float cannot carry (beyond 1.8e308, or
            a whole number from 2**53 on that a float would change); the message says which part.
        InvalidUnitError: The unit after the figure is unknown.
    """
    if not isinstance(text, str):
        raise InvalidEstimateError("text", text, "must be a string")
    original = text
    s = normalise(text)
    if not s:
        raise InvalidEstimateError("text", original, "is empty")

    prefixes: tuple[tuple[str, str], ...] = hedges._prefixes_at.get(s[0]) or hedges._prefixes_at[""]  # noqa: SLF001
    for phrase, kind in prefixes:
        if s.startswith(phrase) and (
            len(s) == len(phrase) or not s[len(phrase)].isalnum() or not phrase[-1].isalnum()
        ):
            rest = s[len(phrase) :].strip()
            if not rest:
                break
            return _hedged_figure(kind, rest, original, unit, count, hedges)

    for phrase, kind in hedges._suffixes_at.get(s[-1]) or hedges._suffixes_at[""]:  # noqa: SLF001
        if s.endswith(phrase) and len(s) > len(phrase):
            head = s[: -len(phrase)].rstrip(" -")
            if head and (
                not phrase[0].isalnum() or not head[-1].isalnum() or s[-len(phrase) - 1] == " "
            ):
                hedge_kind = {"or_more": "at_least", "or_fewer": "at_most", "or_so": "about"}[kind]
                return _hedged_figure(hedge_kind, head, original, unit, count, hedges)

    if s in ("a", "an"):  # "17 people, including a child": one
        return Estimate.exact(1, unit=unit or "", text=original.strip())

    vague = _vague(s, original, hedges, unit)
    if vague is not None:
        return vague

    # A whole number first ("twenty-one", "one hundred and eight" are not ranges), then a range.
    try:
        value, u = _number_and_unit(s, original, unit, count)
    except (InvalidEstimateError, InvalidUnitError):
        ranged = _range(s, original, unit, count)
        if ranged is not None:
            return ranged
        raise
    return Estimate.exact(value, unit=u, text=original.strip())


def _hedged_figure(
    kind: str, s: str, original: str, unit: str | None, count: bool | None, hedges: HedgePolicy
) -> Estimate:
    """The figure ``s`` (a number or a range) under the hedge ``kind``."""
    try:
        value, u = _number_and_unit(s, original, unit, count)
    except (InvalidEstimateError, InvalidUnitError):
        ranged = _range(s, original, unit, count)
        if ranged is None:
            raise
        return _hedged(kind, ranged.low, ranged.high, ranged.unit, hedges, original)
    return _hedged(kind, value, value, u, hedges, original)


def _hedged(kind: str, a: float, b: float, unit: str, hedges: HedgePolicy, text: str) -> Estimate:
    """The figure ``a`` (or the range ``a`` to ``b``) under the hedge ``kind``: each end hedged as a figure is."""
    text = text.strip()
    if kind == "at_least":
        return Estimate.at_least(a, unit=unit, text=text)
    if kind == "more_than":
        return Estimate.more_than(a, unit=unit, text=text)
    if kind == "at_most":
        return Estimate.at_most(b, unit=unit, text=text)
    if kind == "less_than":
        return Estimate.less_than(b, unit=unit, text=text)
    try:
        low, high = band(a, hedges.half_width(a))[0], band(b, hedges.half_width(b))[1]
    except InvalidEstimateError as e:
        raise InvalidEstimateError("text", _cut(text), e.reason) from None
    if kind == "about":
        return Estimate(
            low=low,
            high=high,
            point=a if a == b else None,
            unit=unit,
            hedge=Hedge.APPROXIMATE,
            text=text,
        )
    if kind == "nearly":
        return Estimate(
            low=low, high=b, high_closed=False, unit=unit, hedge=Hedge.APPROXIMATE, text=text
        )
    # just_over
    return Estimate(
        low=a, low_closed=False, high=high, unit=unit, hedge=Hedge.APPROXIMATE, text=text
    )


def _vague(s: str, original: str, hedges: HedgePolicy, unit: str | None) -> Estimate | None:
    for word in hedges._vague_at.get(s[0]) or hedges._vague_at[""]:  # noqa: SLF001
        if s == word or s.startswith((word + " ", word + ",")):
            rest = s[len(word) :].strip(" ,")
            rest = rest.removeprefix("of").strip()
            q = hedges.vague[word]
            scale, rest = _scaled(q, rest)
            u = _unit(rest, original, unit) if rest else (unit or "")
            return Estimate(
                low=q.low * scale,
                # "a few hundred" runs to the last number the words still cover: 2 to 5 hundred is
                # 200 to 599, as "hundreds" is 200 to 999.
                high=q.high if scale == 1 else (q.high + 1) * scale - 1,
                point=None if q.point is None else q.point * scale,
                unit=u,
                hedge=Hedge.VAGUE,
                text=original.strip(),
            )
    return None


#: Scale words a small quantity word may multiply: "several thousand", "a few hundred", "a couple dozen".
_VAGUE_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "dozen": 12,
}
_SCALE_WORD = rf"(?:{'|'.join(_VAGUE_SCALES)})s?\b"
#: The scale words after a small quantity word, each larger than the one before ("several hundred
#: thousand"), with an "of" they may take ("several hundreds of").
VAGUE_SCALE = re.compile(rf"(?P<scale>{_SCALE_WORD}(?:\s+(?:of\s+)?{_SCALE_WORD})*)(?:\s+of\b)?\s*")


def scale_of(words: str) -> int | None:
    """The multiplier of a run of scale words ("hundred thousand": 100,000), or ``None``.

    ``None`` when a word does not grow on the one before ("thousand hundred" is not a figure).

    >>> scale_of("hundred thousand"), scale_of("dozen"), scale_of("thousand hundred")
    (100000, 12, None)
    """
    scale = 1
    for word in words.split():
        if word == "of":  # "several hundreds of thousands"
            continue
        k = _VAGUE_SCALES[word.removesuffix("s")]
        if k <= scale:
            return None
        scale *= k
    return scale


def _scaled(q: VagueQuantity, rest: str) -> tuple[int, str]:
    """The multiplier the scale words after a small quantity word give, and what follows them.

    Only a quantity below ten is scaled ("several thousand" is 3,000 to 9,999, "a few hundred thousand"
    200,000 to 599,999); "dozens" and larger already name their size, and "dozens thousand" is not English.
    """
    m = VAGUE_SCALE.match(rest)
    scale = None if m is None or q.high >= 10 else scale_of(m.group("scale"))
    if m is None or scale is None:
        return 1, rest
    return scale, rest[m.end() :]


def _range(s: str, original: str, unit: str | None, count: bool | None) -> Estimate | None:
    body = s.removeprefix("from ").strip().removeprefix("between ").lstrip()
    for i, join in enumerate(_RANGE_JOIN.finditer(body)):
        if i == _RANGE_SPLITS:
            return None
        a_text, b_text = body[: join.start()].strip(), body[join.end() :].strip()
        if not a_text or not b_text:
            continue
        try:
            a_number, a_unit = _read(a_text, original, unit, count)
            b_number, b_unit = _read(b_text, original, unit, count)
        except (InvalidEstimateError, InvalidUnitError) as e:
            if (
                isinstance(e, InvalidEstimateError)
                and e.field == "text"
                and e.reason.startswith(_REFUSALS)
            ):
                raise
            continue
        return _between(a_number, a_unit, b_number, b_unit, original)
    return None


def _between(
    a_number: Number, a_unit: str, b_number: Number, b_unit: str, original: str
) -> Estimate:
    """The range from ``a_number`` to ``b_number``, checked."""
    if a_unit and a_unit != b_unit:
        raise InvalidEstimateError(
            "text", original, f"gives two units in one range ({a_unit!r} and {b_unit!r})"
        )
    a, b = a_number.value, b_number.value
    # A scale written once is shared: "5 to 10 thousand" is 5,000 to 10,000 ("500 to 2 million" is not).
    if not a_unit and a_number.scale == 1 and b_number.scale != 1 and a <= b_number.base:
        a = a * b_number.scale
    if a > b:
        raise InvalidEstimateError(
            "text", original, f"is a range with its ends reversed ({a:g} > {b:g})"
        )
    return Estimate.between(a, b, unit=b_unit, text=original.strip())


def _number_and_unit(
    s: str, original: str, unit: str | None, count: bool | None
) -> tuple[float, str]:
    number, u = _read(s, original, unit, count)
    return number.value, u


# Refusals of a figure that reads but cannot be carried: a range around it is refused as well.
_AMBIGUOUS_M = (
    "has 'm' after the figure, which is million for a count and metres for a length: say what is "
    "counted, or write 'million' or 'metres'"
)
#: A figure in words is read without a sign: a reported toll or amount is never below zero.
_MINUS = frozenset("-\u2212\u2013")
_SIGNED = (
    "has a minus sign before the figure: a figure in words is read without a sign (a toll or an amount "
    "is never below zero); give a signed measurement as a number"
)
_REFUSALS = (TOO_LARGE, "is a whole number with more significant digits", _AMBIGUOUS_M)


def _read(s: str, original: str, unit: str | None, count: bool | None) -> tuple[Number, str]:
    """The number at the start of ``s`` and the unit after it (or ``unit``), checked."""
    if (
        s[:1] in _CURRENCY
    ):  # "$3.5bn": an amount of money, a count (the currency is what is counted)
        s, count = s[1:], True
    number = read_number(s, count=count)
    if number is None:
        if s[:1] in _MINUS and read_number(s[1:].lstrip(), count=count) is not None:
            raise InvalidEstimateError("text", original, _SIGNED)
        raise InvalidEstimateError("text", original, "holds no figure claimdiff can read")
    problem = written_problem(number)
    if problem is not None:
        raise InvalidEstimateError("text", _cut(original), problem)
    if (
        count is None
        and unit is None
        and number.scale == 1
        and joined_m(s, number.end)
        and not s[number.end + 1 :].strip()
    ):
        raise InvalidEstimateError("text", _cut(original), _AMBIGUOUS_M)
    rest = s[number.end :].strip()
    if not rest:
        return number, unit or ""
    return number, _unit(rest, original, unit)


def _as_written(rest: str, original: str) -> str:
    """``rest`` (lower-cased) as the original text writes it, or ``rest`` itself when it cannot be found."""
    at = original.casefold().rfind(rest)
    if at < 0 or len(original.casefold()) != len(original):
        return rest
    return original[at : at + len(rest)]


def _unit(rest: str, original: str, unit: str | None) -> str:
    if unit is not None:
        raise InvalidEstimateError(
            "text",
            original,
            f"has {rest!r} after the figure, but the unit is given separately ({unit!r})",
        )
    if len(rest) > MAX_UNIT_CHARS:
        raise InvalidEstimateError(
            "text",
            _cut(original),
            f"has {len(rest):,} characters after the figure, longer than any unit ({MAX_UNIT_CHARS} at most)",
        )
    # The words were lower-cased to read the hedge, but a unit's case is its meaning ("Mm" is not "mm",
    # "kHz" not "khz"): take it as the original text writes it, unless it is a spelled-out alias.
    name = _UNIT_ALIASES.get(rest) or _as_written(rest, original)
    try:
        info = unit_info(name)
    except InvalidUnitError as e:
        raise InvalidEstimateError(
            "text",
            original,
            f"has {rest!r} after the figure, which is not a unit (what is counted goes in 'counted')",
        ) from e
    return info.unit
