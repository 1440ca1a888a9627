"""English hedges -> :class:`~claimdiff.Estimate`, under an explicit, overridable policy."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TypeVar

import attrs

from claimdiff._model.estimate import Estimate, Hedge, band
from claimdiff._model.numbers import TOO_LARGE, Number, joined_m, read_number, written_problem
from claimdiff._model.units import MAX_UNIT_CHARS, unit_info
from claimdiff.exceptions import InvalidEstimateError, InvalidUnitError

__all__ = ["ACLED_HEDGES", "DEFAULT_HEDGES", "HedgePolicy", "VagueQuantity", "parse_estimate"]


_T = TypeVar("_T")
_SPACE = re.compile(r"\s+")
# A thin, narrow no-break or no-break space between groups of digits ("10 000") is a group separator.
_GROUP_SPACE = re.compile(r"(?<=[0-9])[\u2009\u202f\u00a0](?=[0-9]{3}(?![0-9]))")
_CURRENCY = "$£€"
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " "})
_RANGE_WORDS = re.compile(r"^(?:between\s+)?(?P<a>.+?)\s*(?:-|\band\b|\bto\b|\bor\b)\s*(?P<b>.+)$")
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


def _norm(text: str) -> str:
    return _SPACE.sub(" ", _GROUP_SPACE.sub(",", text).translate(_DASHES).strip().lower())


@attrs.frozen
class VagueQuantity:
    """What a quantity word such as "dozens" is taken to mean: an interval and, optionally, a point.

    Attributes:
        low: Smallest value the word allows.
        high: Largest value the word allows.
        point: The single figure to code it as, if the policy has one (ACLED codes
            "dozens" as 12); ``None`` when the word names only a range.
    """

    low: float
    high: float
    point: float | None = None

    def __attrs_post_init__(self) -> None:
        if not self.low <= self.high:
            raise InvalidEstimateError("low", self.low, f"must be <= 'high' (got low={self.low}, high={self.high})")
        if self.point is not None and not self.low <= self.point <= self.high:
            raise InvalidEstimateError("point", self.point, "must lie between 'low' and 'high'")


def _freeze(table: Mapping[str, VagueQuantity]) -> Mapping[str, VagueQuantity]:
    return MappingProxyType({_norm(k): v for k, v in table.items()})


def _phrases(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(_norm(v) for v in values)


#: The default readings of quantity words. Lower ends follow the words' arithmetic
#: ("dozens" is at least two dozen, "hundreds" at least two hundred); upper ends stop
#: where the next word would be used.
_DEFAULT_VAGUE: dict[str, VagueQuantity] = {
    "a couple of": VagueQuantity(2, 3),
    "a couple": VagueQuantity(2, 3),
    "a handful of": VagueQuantity(2, 5),
    "a handful": VagueQuantity(2, 5),
    "a few": VagueQuantity(2, 5),
    "several": VagueQuantity(3, 9),
    "a dozen": VagueQuantity(10, 14, 12),
    "dozens": VagueQuantity(24, 99),
    "scores": VagueQuantity(40, 199),
    "tens": VagueQuantity(20, 99),
    "hundreds": VagueQuantity(200, 999),
    "thousands": VagueQuantity(2_000, 9_999),
    "tens of thousands": VagueQuantity(20_000, 99_999),
    "hundreds of thousands": VagueQuantity(200_000, 999_999),
    "millions": VagueQuantity(2_000_000, 999_999_999),
}


@attrs.frozen(kw_only=True)
class HedgePolicy:
    """The semantics table that turns English hedges into intervals.

    Every phrase list is matched at the start of the figure, longest phrase
    first, case-insensitively. Override any part with :func:`attrs.evolve`;
    there is no global state:

    >>> strict = attrs.evolve(DEFAULT_HEDGES, band=0.05)
    >>> parse_estimate("some 70", hedges=strict).low
    66.5

    Attributes:
        name: A name for reports and the CLI.
        at_least: Inclusive lower bounds: "at least 14" -> ``[14, inf)``.
        more_than: Exclusive lower bounds: "over 100" -> ``(100, inf)``.
        at_most: Inclusive upper bounds: "up to 158" -> ``(-inf, 158]``.
        less_than: Exclusive upper bounds: "fewer than 10" -> ``(-inf, 10)``.
        about: Symmetric approximations: "some 70" -> ``[70 - d, 70 + d]``.
        nearly: Approximations from below: "nearly 100" -> ``[100 - d, 100)``.
        just_over: Approximations from above: "just over 100" -> ``(100, 100 + d]``.
        or_more: Suffixes that make a lower bound: "14 or more", "14+".
        or_fewer: Suffixes that make an upper bound: "14 or fewer".
        or_so: Suffixes that approximate: "70 or so".
        intensifiers: Words that stress a bound without moving it, before a ``more_than`` or
            ``less_than`` phrase: "well over 100" is ``(100, inf)`` as "over 100" is (how far over
            is not said, so the interval cannot narrow), "far fewer than 10" is ``(-inf, 10)``.
        band: Relative half-width ``d / value`` of an approximation.
        band_minimum: Smallest half-width, so that "about 5" allows 4 and 6.
        vague: Quantity words and what they mean.
    """

    name: str = "default"
    # fmt: off
    at_least: tuple[str, ...] = attrs.field(
        default=("at least", "no fewer than", "no less than", "not less than", "a minimum of", "minimum of"),
        converter=_phrases,
    )
    more_than: tuple[str, ...] = attrs.field(
        default=("more than", "over", "above", "in excess of", "upwards of", "upward of", "exceeding", "greater than",
                 "higher than"),
        converter=_phrases,
    )
    at_most: tuple[str, ...] = attrs.field(
        default=("up to", "as many as", "as much as", "no more than", "not more than", "at most", "a maximum of",
                 "maximum of"),
        converter=_phrases,
    )
    less_than: tuple[str, ...] = attrs.field(default=("fewer than", "less than", "under", "below"), converter=_phrases)
    about: tuple[str, ...] = attrs.field(
        default=("some", "about", "around", "roughly", "approximately", "approx.", "approx", "an estimated",
                 "estimated", "circa", "ca.", "c.", "~", "more or less", "in the region of", "on the order of"),
        converter=_phrases,
    )
    nearly: tuple[str, ...] = attrs.field(
        default=("nearly", "almost", "just under", "just below", "just short of", "just shy of", "close to",
                 "approaching", "slightly under", "slightly below", "slightly less than", "slightly fewer than",
                 "a little under", "a little less than", "a little fewer than"),
        converter=_phrases,
    )
    just_over: tuple[str, ...] = attrs.field(
        default=("just over", "just above", "slightly more than", "slightly over", "a little over",
                 "a little more than"),
        converter=_phrases,
    )
    or_more: tuple[str, ...] = attrs.field(default=("or more", "+", "plus", "-plus"), converter=_phrases)
    or_fewer: tuple[str, ...] = attrs.field(default=("or fewer", "or less"), converter=_phrases)
    or_so: tuple[str, ...] = attrs.field(default=("or so",), converter=_phrases)
    intensifiers: tuple[str, ...] = attrs.field(
        default=("well", "far", "much", "way", "considerably", "significantly", "substantially", "comfortably"),
        converter=_phrases,
    )
    # fmt: on
    band: float = attrs.field(default=0.1, validator=[attrs.validators.ge(0), attrs.validators.lt(1)])
    band_minimum: float = attrs.field(default=1.0, validator=attrs.validators.ge(0))
    vague: Mapping[str, VagueQuantity] = attrs.field(default=_DEFAULT_VAGUE, converter=_freeze, eq=False)
    _prefixes: tuple[tuple[str, str], ...] = attrs.field(init=False, repr=False, eq=False)
    _suffixes: tuple[tuple[str, str], ...] = attrs.field(init=False, repr=False, eq=False)
    _vague_words: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    # The same lists by first (prefixes, words) or last (suffixes) character, in the same order: a figure is
    # compared only with the phrases that can start or end it.
    _prefixes_at: Mapping[str, tuple[tuple[str, str], ...]] = attrs.field(init=False, repr=False, eq=False)
    _suffixes_at: Mapping[str, tuple[tuple[str, str], ...]] = attrs.field(init=False, repr=False, eq=False)
    _vague_at: Mapping[str, tuple[str, ...]] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        prefixes: list[tuple[str, str]] = []
        for kind in ("at_least", "more_than", "at_most", "less_than", "about", "nearly", "just_over"):
            prefixes.extend((p, kind) for p in getattr(self, kind))
            if kind in ("more_than", "less_than"):  # "well over", "far fewer than": the same bound, stressed
                prefixes.extend((f"{w} {p}", kind) for w in self.intensifiers for p in getattr(self, kind))
        prefixes.sort(key=lambda pk: (-len(pk[0]), pk[0]))
        object.__setattr__(self, "_prefixes", tuple(prefixes))
        suffixes = [(s, "or_more") for s in self.or_more]
        suffixes += [(s, "or_fewer") for s in self.or_fewer]
        suffixes += [(s, "or_so") for s in self.or_so]
        suffixes.sort(key=lambda sk: (-len(sk[0]), sk[0]))
        object.__setattr__(self, "_suffixes", tuple(suffixes))
        object.__setattr__(self, "_vague_words", tuple(sorted(self.vague, key=lambda w: (-len(w), w))))
        object.__setattr__(self, "_prefixes_at", _by_char(self._prefixes, lambda pk: pk[0][:1]))
        object.__setattr__(self, "_suffixes_at", _by_char(self._suffixes, lambda sk: sk[0][-1:]))
        object.__setattr__(self, "_vague_at", _by_char(self._vague_words, lambda w: w[:1]))

    def vague_table(self) -> dict[str, VagueQuantity]:
        """A copy of the quantity-word table, to build an amended policy from."""
        return dict(self.vague)

    def half_width(self, value: float) -> float:
        """Half-width of the band an approximation of ``value`` allows."""
        return max(abs(value) * self.band, self.band_minimum)


def _by_char(items: tuple[_T, ...], char: Callable[[_T], str]) -> Mapping[str, tuple[_T, ...]]:
    """``items`` grouped by one character of each, keeping their order within each group."""
    out: dict[str, list[_T]] = {}
    for item in items:
        out.setdefault(char(item), []).append(item)
    anywhere = out.pop("", [])  # an empty phrase (shortest, so last) fits every figure
    return MappingProxyType({"": tuple(anywhere), **{k: (*v, *anywhere) for k, v in out.items()}})


#: The policy claimdiff uses unless told otherwise. See :class:`HedgePolicy` for the table.
DEFAULT_HEDGES = HedgePolicy()

#: ACLED's published coding rules: "tens" is coded 10, "dozens" 12, "hundreds" 100, and so on
#: by powers of ten. The words keep an upper end so that "dozens" still agrees with 45; the
#: point is the figure ACLED would code, and the ``conservative`` estimator picks it.
ACLED_HEDGES = HedgePolicy(
    name="acled",
    vague={
        **_DEFAULT_VAGUE,
        "tens": VagueQuantity(10, 99, 10),
        "dozens": VagueQuantity(12, 99, 12),
        "scores": VagueQuantity(20, 199, 20),
        "hundreds": VagueQuantity(100, 999, 100),
        "thousands": VagueQuantity(1_000, 9_999, 1_000),
        "tens of thousands": VagueQuantity(10_000, 99_999, 10_000),
        "hundreds of thousands": VagueQuantity(100_000, 999_999, 100_000),
        "millions": VagueQuantity(1_000_000, 999_999_999, 1_000_000),
        "a few": VagueQuantity(2, 5, 2),
        "several": VagueQuantity(3, 9, 3),
        "a dozen": VagueQuantity(10, 14, 12),
    },
)


def parse_estimate(
    text: str, *, hedges: HedgePolicy = DEFAULT_HEDGES, unit: str | None = None, count: bool | None = None
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
    s = _norm(text)
    if not s:
        raise InvalidEstimateError("text", original, "is empty")

    prefixes: tuple[tuple[str, str], ...] = hedges._prefixes_at.get(s[0]) or hedges._prefixes_at[""]  # noqa: SLF001
    for phrase, kind in prefixes:
        if s.startswith(phrase) and (len(s) == len(phrase) or not s[len(phrase)].isalnum() or not phrase[-1].isalnum()):
            rest = s[len(phrase) :].strip()
            if not rest:
                break
            return _hedged_figure(kind, rest, original, unit, count, hedges)

    for phrase, kind in hedges._suffixes_at.get(s[-1]) or hedges._suffixes_at[""]:  # noqa: SLF001
        if s.endswith(phrase) and len(s) > len(phrase):
            head = s[: -len(phrase)].rstrip(" -")
            if head and (not phrase[0].isalnum() or not head[-1].isalnum() or s[-len(phrase) - 1] == " "):
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
        return Estimate(low=low, high=high, point=a if a == b else None, unit=unit, hedge=Hedge.APPROXIMATE, text=text)
    if kind == "nearly":
        return Estimate(low=low, high=b, high_closed=False, unit=unit, hedge=Hedge.APPROXIMATE, text=text)
    # just_over
    return Estimate(low=a, low_closed=False, high=high, unit=unit, hedge=Hedge.APPROXIMATE, text=text)


def _vague(s: str, original: str, hedges: HedgePolicy, unit: str | None) -> Estimate | None:
    for word in hedges._vague_at.get(s[0]) or hedges._vague_at[""]:  # noqa: SLF001
        if s == word or s.startswith((word + " ", word + ",")):
            rest = s[len(word) :].strip(" ,")
            rest = rest.removeprefix("of").strip()
            u = _unit(rest, original, unit) if rest else (unit or "")
            q = hedges.vague[word]
            return Estimate(low=q.low, high=q.high, point=q.point, unit=u, hedge=Hedge.VAGUE, text=original.strip())
    return None


def _range(s: str, original: str, unit: str | None, count: bool | None) -> Estimate | None:
    m = _RANGE_WORDS.match(s.removeprefix("from ").strip())
    if m is None:
        return None
    a_text, b_text = m.group("a").strip(), m.group("b").strip()
    try:
        a_number, a_unit = _read(a_text, original, unit, count)
        b_number, b_unit = _read(b_text, original, unit, count)
    except (InvalidEstimateError, InvalidUnitError) as e:
        if isinstance(e, InvalidEstimateError) and e.field == "text" and e.reason.startswith(_REFUSALS):
            raise
        return None
    if a_unit and a_unit != b_unit:
        raise InvalidEstimateError("text", original, f"gives two units in one range ({a_unit!r} and {b_unit!r})")
    a, b = a_number.value, b_number.value
    # A scale written once is shared: "5 to 10 thousand" is 5,000 to 10,000 ("500 to 2 million" is not).
    if not a_unit and a_number.scale == 1 and b_number.scale != 1 and a <= b_number.base:
        a = a * b_number.scale
    if a > b:
        raise InvalidEstimateError("text", original, f"is a range with its ends reversed ({a:g} > {b:g})")
    return Estimate.between(a, b, unit=b_unit, text=original.strip())


def _number_and_unit(s: str, original: str, unit: str | None, count: bool | None) -> tuple[float, str]:
    number, u = _read(s, original, unit, count)
    return number.value, u


# Refusals of a figure that reads but cannot be carried: a range around it is refused as well.
_AMBIGUOUS_M = (
    "has 'm' after the figure, which is million for a count and metres for a length: say what is "
    "counted, or write 'million' or 'metres'"
)
_REFUSALS = (TOO_LARGE, "is a whole number with more significant digits", _AMBIGUOUS_M)


def _read(s: str, original: str, unit: str | None, count: bool | None) -> tuple[Number, str]:
    """The number at the start of ``s`` and the unit after it (or ``unit``), checked."""
    if s[:1] in _CURRENCY:  # "$3.5bn": an amount of money, a count (the currency is what is counted)
        s, count = s[1:], True
    number = read_number(s, count=count)
    if number is None:
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
            "text", original, f"has {rest!r} after the figure, but the unit is given separately ({unit!r})"
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
            "text", original, f"has {rest!r} after the figure, which is not a unit (what is counted goes in 'counted')"
        ) from e
    return info.unit
