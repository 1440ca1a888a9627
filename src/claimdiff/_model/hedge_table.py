"""The hedge table: how English hedges and quantity words are read, as an explicit, overridable value.

:func:`claimdiff.hedges.parse_estimate` (in :mod:`claimdiff._model.hedges`) reads a figure with one of these tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TypeVar

import attrs

from claimdiff._model.short_repr import differing_fields, how_many
from claimdiff.exceptions import InvalidEstimateError

__all__ = ["ACLED_HEDGES", "DEFAULT_HEDGES", "HedgePolicy", "VagueQuantity", "normalise"]

_T = TypeVar("_T")
_SPACE = re.compile(r"\s+")
# A thin, narrow no-break or no-break space between groups of digits ("10 000") is a group separator.
_GROUP_SPACE = re.compile(r"(?<=[0-9])[\u2009\u202f\u00a0](?=[0-9]{3}(?![0-9]))")
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " "})


def normalise(text: str) -> str:
    """``text`` as hedges are matched: spaces collapsed, dashes plain, digit groups joined by commas, lower case."""
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
            raise InvalidEstimateError("low", self.low, f"must be <= 'high', {self.high:g}")
        if self.point is not None and not self.low <= self.point <= self.high:
            raise InvalidEstimateError("point", self.point, "must lie between 'low' and 'high'")


def _freeze(table: Mapping[str, VagueQuantity]) -> Mapping[str, VagueQuantity]:
    return MappingProxyType({normalise(k): v for k, v in table.items()})


def _phrases(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(normalise(v) for v in values)


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
    there is no global state. The repr names the table and shows only what differs from
    the default one:

    >>> strict = attrs.evolve(DEFAULT_HEDGES, name="strict", band=0.05)
    >>> strict.half_width(70)
    3.5
    >>> strict
    HedgePolicy('strict', band=0.05)
    >>> ACLED_HEDGES
    HedgePolicy('acled', vague=<15 words, 10 read otherwise than the default>)

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
    band: float = attrs.field(
        default=0.1, validator=[attrs.validators.ge(0), attrs.validators.lt(1)]
    )
    band_minimum: float = attrs.field(default=1.0, validator=attrs.validators.ge(0))
    # Compared (two tables that read "dozens" differently differ) but not hashed: a mapping has no hash.
    vague: Mapping[str, VagueQuantity] = attrs.field(
        default=_DEFAULT_VAGUE, converter=_freeze, hash=False
    )
    _prefixes: tuple[tuple[str, str], ...] = attrs.field(init=False, repr=False, eq=False)
    _suffixes: tuple[tuple[str, str], ...] = attrs.field(init=False, repr=False, eq=False)
    _vague_words: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    # The same lists by first (prefixes, words) or last (suffixes) character, in the same order: a figure is
    # compared only with the phrases that can start or end it.
    _prefixes_at: Mapping[str, tuple[tuple[str, str], ...]] = attrs.field(
        init=False, repr=False, eq=False
    )
    _suffixes_at: Mapping[str, tuple[tuple[str, str], ...]] = attrs.field(
        init=False, repr=False, eq=False
    )
    _vague_at: Mapping[str, tuple[str, ...]] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        prefixes: list[tuple[str, str]] = []
        for kind in (
            "at_least",
            "more_than",
            "at_most",
            "less_than",
            "about",
            "nearly",
            "just_over",
        ):
            prefixes.extend((p, kind) for p in getattr(self, kind))
            if kind in (
                "more_than",
                "less_than",
            ):  # "well over", "far fewer than": the same bound, stressed
                prefixes.extend(
                    (f"{w} {p}", kind) for w in self.intensifiers for p in getattr(self, kind)
                )
        prefixes.sort(key=lambda pk: (-len(pk[0]), pk[0]))
        object.__setattr__(self, "_prefixes", tuple(prefixes))
        suffixes = [(s, "or_more") for s in self.or_more]
        suffixes += [(s, "or_fewer") for s in self.or_fewer]
        suffixes += [(s, "or_so") for s in self.or_so]
        suffixes.sort(key=lambda sk: (-len(sk[0]), sk[0]))
        object.__setattr__(self, "_suffixes", tuple(suffixes))
        object.__setattr__(
            self, "_vague_words", tuple(sorted(self.vague, key=lambda w: (-len(w), w)))
        )
        object.__setattr__(self, "_prefixes_at", _by_char(self._prefixes, lambda pk: pk[0][:1]))
        object.__setattr__(self, "_suffixes_at", _by_char(self._suffixes, lambda sk: sk[0][-1:]))
        object.__setattr__(self, "_vague_at", _by_char(self._vague_words, lambda w: w[:1]))

    def vague_table(self) -> dict[str, VagueQuantity]:
        """A copy of the quantity-word table, to build an amended policy from."""
        return dict(self.vague)

    def __repr__(self) -> str:
        default = DEFAULT_HEDGES
        shown = [repr(self.name), *differing_fields(self, default, skip=("name", "vague"))]
        if dict(self.vague) != dict(default.vague):
            differ = sum(default.vague.get(w) != q for w, q in self.vague.items())
            gone = sum(w not in self.vague for w in default.vague)
            more = f", {gone} of the default's left out" if gone else ""
            shown.append(
                f"vague=<{how_many(len(self.vague), 'word')}, {differ} read otherwise than the default{more}>"
            )
        return f"HedgePolicy({', '.join(shown)})"

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
