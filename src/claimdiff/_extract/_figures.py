"""Figures in context: the hedged number and the thing counted.

The number and its hedge are read by the core parser (:func:`claimdiff.hedges.parse_estimate`
and :func:`claimdiff._model.numbers.parse_number_prefix`); this module only decides which
characters of the sentence form the figure and what is counted. The metric the sentence
gives a figure is read in :mod:`claimdiff._extract._metrics`; what makes a number no count
(a date, a rate, a distance, a magnitude) in :mod:`claimdiff._extract._not_counts`.
"""

from __future__ import annotations

import contextlib
import functools
import re

import attrs

from claimdiff._extract._case_status import shared_status
from claimdiff._extract._constructions import has
from claimdiff._extract._hedge_before import _VERB_BOUND, _hedge_start
from claimdiff._extract._identity import by_identity
from claimdiff._extract._not_counts import (
    CHANGED,
    DATE_AFTER,
    DIFFERENCE,
    DISTANCE,
    MAGNITUDE_AFTER,
    NOT_A_COUNT_AFTER,
    a_rate,
    dates_event,
    magnitude_before,
    month_before,
)
from claimdiff._extract._noun import counted as noun_phrase
from claimdiff._extract._parsed import worded, worded_estimate
from claimdiff._extract._partitives import WORD_AFTER, partitives
from claimdiff._extract._range_ends import first_end
from claimdiff._extract._text import alternation
from claimdiff._extract._vague_tolls import vague_toll as _vague_toll
from claimdiff._extract._vague_tolls import vague_toll_before as _vague_toll_before
from claimdiff._model.estimate import Estimate, Hedge, Provenance
from claimdiff._model.hedges import _UNIT_ALIASES, VAGUE_SCALE, HedgePolicy, parse_estimate
from claimdiff._model.numbers import LENGTH_WORDS, NUMBER_WORDS, joined_m, parse_number_prefix
from claimdiff._model.vocabulary import Vocabulary
from claimdiff.exceptions import ClaimdiffError

__all__ = ["FRACTION", "Figure", "figures", "worded"]

_TIME_UNITS = (
    "tons",
    "ton",
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "minutes",
    "minute",
)
_UNIT_WORDS = tuple(
    sorted(
        (u for u in (*_UNIT_ALIASES, *_TIME_UNITS) if len(u) > 2 or u in {"km", "kg", "ha"}),
        key=len,
        reverse=True,
    )
)
_UNIT = re.compile(r"\s*(?:%|(?:" + "|".join(re.escape(u) for u in _UNIT_WORDS) + r")\b)")
#: Where a number starts: not inside another (a decimal, a date, a code); "--" is a dash between sentences
#: ("March 11--Eight thousand houses"), "c." the circa before a number ("c.30,000").
_STARTING_WORDS = NUMBER_WORDS - {"hundred", "thousand", "million", "billion", "trillion", "dozen"}
_NUMBER_START = re.compile(
    # the first character looked at before the look-behinds: it rules out most places at once
    rf"(?=[\d{''.join(sorted({w[0] for w in _STARTING_WORDS}))}])"
    # "65,295 families/319,226 persons": a count after a word and a slash starts a number too
    r"(?:(?<![\w$£€.,/:-])|(?<=[^-]--)|(?<=\bc\.)|(?<=[a-z]{3}/))(?:\d|"
    + alternation(_STARTING_WORDS)
    + r"\b)"
)


_ARTICLE = re.compile(r"(?=a)\b(?:a|an|another)\s+(?=[a-z])")  # its first letter looked at first


@attrs.frozen
class Figure:
    """A figure found in a sentence, before its metric and source are known.

    Attributes:
        start: Offset of the first character (the hedge, when there is one).
        end: Offset after the last character (after the counted thing, when named).
        estimate: The hedged estimate, read by the core hedge parser.
        counted: The thing counted as named in the text, canonical; ``None`` when not named.
        article: True for "a child", "an adult": the count 1 said with an article.
        bare: True when neither a unit nor a counted thing follows the number.
        metric: The metric a participle before the counted thing gives ("941 partially damaged houses").
        noun_at: Offset where the counted thing's noun phrase begins (``None`` when not read).
    """

    start: int
    end: int
    estimate: Estimate
    counted: str | None
    article: bool = False
    bare: bool = False
    metric: str | None = None
    noun_at: int | None = None


def figures(
    text: str, low: str, start: int, end: int, hedges: HedgePolicy, vocabulary: Vocabulary
) -> list[Figure]:
    """Every figure in the sentence ``text[start:end]`` (``low`` is ``text`` folded to lower case)."""
    taken: list[tuple[int, int]] = []
    out: list[Figure] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    vague_words: tuple[str, ...] = hedges._vague_words  # noqa: SLF001 - the policy's own word list
    for word in (
        vague_words
        if vague_words and by_identity(_VAGUE_ANY, vague_words, _vague_any).search(low, start, end)
        else ()
    ):
        for m in _vague_pattern((word,)).finditer(low, start, end):
            if not free(m.start(), m.end()):
                continue
            word_end = m.end()
            # "several thousand", "a few hundred": the scale word is part of the figure, as the parser
            # reads it (a word that names its own size is not scaled: the parser refuses it, and the
            # word alone is read).
            space = _SPACE.match(low, word_end, end)
            scale = VAGUE_SCALE.match(low, space.end(), end) if space else None
            fig = None
            for fig_end in ((scale.end("scale"),) if scale else ()) + (word_end,):
                np_start = fig_end
                of = _OF.match(low, np_start, end)
                np_start = of.end() if of else np_start
                hedged = _hedge_start(low, start, m.start(), hedges)  # "more than a dozen": a bound
                fig = (
                    _figure(
                        text, low, hedged, fig_end, np_start, end, hedges, vocabulary, value=None
                    )
                    if hedged < m.start()
                    else None
                ) or _figure(
                    text, low, m.start(), fig_end, np_start, end, hedges, vocabulary, value=None
                )
                if fig is not None:
                    break
            if (
                fig is not None
                and (
                    fig.counted is not None
                    or _vague_toll(low, fig.end, end)
                    or _vague_toll_before(low, start, fig.start)
                )
            ):  # "several Provinces": a vague word counts only what it names, or people a toll's verb names
                # "several hundreds": the word read alone before ("hundreds") gives way to the whole.
                out[:] = [f for f in out if not fig.start <= f.start < f.end <= fig.end]
                taken[:] = [(a, b) for a, b in taken if not fig.start <= a < b <= fig.end]
                if free(fig.start, fig.end):
                    out.append(fig)
                    taken.append((fig.start, fig.end))
    # A fraction of a scale ("a quarter of a million") and a scale said with an article ("a hundred")
    # start a number as digits and number words do: hedged, ranged and followed by a suffix alike.
    seg = low[
        start:end
    ]  # the words a fraction or a scale needs, looked for before the patterns run
    fractions = (
        {m.start(): m.end() for m in FRACTION.finditer(low, start, end)}
        if "half" in seg or "quarter" in seg or "third" in seg
        else {}
    )
    starts = {m.start() for m in _NUMBER_START.finditer(low, start, end)}
    if "hundred" in seg or "thousand" in seg or "illion" in seg:
        starts.update(m.start() for m in _A_SCALE.finditer(low, start, end))
    for pos in sorted(starts.union(fractions)):
        if not free(pos, pos + 1):
            continue
        fig = _number_at(text, low, pos, start, end, hedges, vocabulary)
        if fig is not None and free(fig.start, fig.end):
            out.append(fig)
            taken.append((fig.start, fig.end))
        elif pos in fractions:
            # never "a quarter" counted as one, whether or not the parser reads the whole
            taken.append((pos, fractions[pos]))
    for m in _NONE.finditer(low, start, end) if "no " in seg else ():
        if free(m.start(), m.end()):  # "no deaths were reported": a zero, the level the text denies
            out.append(
                Figure(
                    start=m.start(),
                    end=m.end(),
                    estimate=Estimate.exact(0, provenance=Provenance.WORDED),
                    counted="people",
                    metric=_NONE_METRIC[m.group("noun")],
                )
            )
            taken.append(m.span())
    for m in _ARTICLE.finditer(low, start, end):
        if not free(m.start(), m.end() + 1):
            continue
        fig = _figure(
            text, low, m.start(), m.end(), m.end(), end, hedges, vocabulary, value=1.0, article=True
        )
        if fig is not None and fig.counted is not None and free(fig.start, fig.end):
            out.append(fig)
            taken.append((fig.start, fig.end))
    # "12 confirmed and 18 probable cases": the status words share the noun named once
    return shared_status(low, partitives(low, end, sorted(out, key=lambda f: f.start), vocabulary))


def _number_at(
    text: str, low: str, pos: int, start: int, end: int, hedges: HedgePolicy, vocabulary: Vocabulary
) -> Figure | None:
    """The figure of the number starting at ``pos``, unless it is none or a time, date, age or ordinal."""
    # the words a number can take are few: a bounded slice keeps a long sentence's numbers linear
    head = low[pos : min(end, pos + _NUMBER_REACH)]
    parsed = parse_number_prefix(head)
    if parsed is None:
        return None
    if low[pos + parsed[1] : pos + parsed[1] + 2] in _M_JOINED and joined_m(low, pos + parsed[1]):
        parsed = parse_number_prefix(head, count=True) or parsed  # "2.2m+", "1m-2m people"
    parsed = first_end(low, pos, end, parsed)
    value, consumed = parsed
    num_end = pos + consumed
    if (
        NOT_A_COUNT_AFTER.match(low, num_end, end)
        or month_before(low, start, pos)
        or magnitude_before(low, start, pos)
        or DATE_AFTER.match(low, num_end, end)
        or MAGNITUDE_AFTER.match(text, num_end, end)
    ):
        return None
    return _number_figure(text, low, pos, num_end, start, end, value, hedges, vocabulary)


#: How far a number's words reach from its first character ("one hundred and twenty-three thousand ...").
_NUMBER_REACH = 200
#: A joined m before a suffix or the end of a range: read as million, as a count's is (the noun decides).
_M_JOINED = frozenset({"m+", "m-", "m–"})
#: "a quarter of a million", "half a million", "one third of a billion": read by the figure parser when it can.
FRACTION = re.compile(
    r"(?=[aohqt])(?<![\w-])(?:(?:a|one)\s+)?(?:half|quarter|third)\s+(?:of\s+)?(?:a\s+|one\s+)?"
    r"(?:million|billion|thousand)\b"
)
#: "no deaths", "no reports of casualties": a level denied is a zero ("no new cases" says no change: not read).
_NONE = re.compile(r"\bno\s+(?:reports?\s+of\s+)?(?P<noun>deaths|fatalities|casualties|injuries)\b")
_NONE_METRIC = {
    "deaths": "killed",
    "fatalities": "killed",
    "casualties": "casualties",
    "injuries": "injured",
}
#: "a hundred", "a thousand", "a million": a scale said with an article is a number.
_A_SCALE = re.compile(r"(?<![\w-])an?\s+(?:hundred|thousand|million|billion)\b")
_OF = re.compile(r"\s+of\b")
_SPACE = re.compile(r"\s+")


#: The pattern of any of a policy's vague words, by the word list's identity (read for every sentence).
_VAGUE_ANY: dict[int, tuple[tuple[str, ...], re.Pattern[str]]] = {}


def _vague_any(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern for whether a sentence holds any of ``words``, as :func:`_vague_pattern` reads each.

    Their first letters are looked at first, then the words as a trie: one letter read once, not
    every word tried at every place.
    """
    firsts = {w[:1] for w in words}
    ahead = "" if "" in firsts else f"(?=[{''.join(re.escape(c) for c in sorted(firsts))}])"
    return re.compile(rf"{ahead}(?<![\w-])(?:{alternation(words)})(?![\w-])")


@functools.lru_cache(maxsize=256)
def _vague_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # Searched within one sentence only (pos/endpos), so the look-behind still sees the text before it.
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(w) for w in words)})(?![\w-])")


def _number_figure(
    text: str,
    low: str,
    pos: int,
    num_end: int,
    start: int,
    end: int,
    value: float,
    hedges: HedgePolicy,
    vocabulary: Vocabulary,
) -> Figure | None:
    fig_start = _hedge_start(low, start, pos, hedges)
    opener = _opener(low, start, fig_start)
    if (
        opener is not None
        and opener[1] == "from"
        and (
            CHANGED.search(low, max(start, fig_start - 60), fig_start)
            # "individuals from 133 households": where the people are from, a count of its own
            or not (_TO.match(low, num_end, end) or _HOMES_AFTER.match(low, num_end, end))
        )
    ):
        return None  # "rose from 9 to 14": the old figure; the new one is read on its own
    stop = num_end
    ranged = _RANGED.match(low, num_end, end)
    if ranged and (not low[num_end:end].lstrip().startswith("and") or opener is not None):
        second = parse_number_prefix(low[ranged.end() : end])
        if second is not None:
            stop = ranged.end() + second[1]
            if DATE_AFTER.match(low, stop, end):
                return None  # "between 12 and 14 June": days, not a figure
            if opener is not None:  # "between 5 and 10", "from 200 to 300": a range, and its hedge
                fig_start = _hedge_start(low, start, opener[0], hedges)
    twice = _REPEATED.match(low, stop, end)
    repeated = (
        twice.end() if twice is not None and _same_number(low[pos:stop], twice.group(1)) else None
    )
    share = _SHARE_AFTER.match(low, stop, end) if repeated is None else None
    if share is not None:
        repeated = share.end()  # "6542 (46.7%) cases": the share is an aside
    unit = _UNIT.match(low, stop, end)
    if unit is not None and not re.match(r"\s*(?:m|t)\s", low[stop : unit.end() + 1]):
        stop = unit.end()
    suffixes: tuple[tuple[str, str], ...] = hedges._suffixes  # noqa: SLF001 - the policy's own suffix list
    near = low[stop : min(end, stop + 40)]
    any_suffix = tuple(p for p, _ in suffixes)
    for phrase, _kind in (
        suffixes if near.startswith(any_suffix) or near[1:].startswith(any_suffix) else ()
    ):
        gap = low[stop:end]
        for lead in ("", " ", "-"):
            if gap.startswith(lead + phrase) and (
                not phrase[-1].isalnum()
                or not gap[len(lead + phrase) : len(lead + phrase) + 1].isalnum()
            ):
                stop += len(lead + phrase)
                break
        else:
            continue
        break
    del value
    fig = _figure(
        text,
        low,
        fig_start,
        stop,
        repeated or stop,
        end,
        hedges,
        vocabulary,
        value=None,
        year=re.fullmatch(r"(?:1[89]|20)\d\d", low[pos:num_end]) is not None,
    )
    bound = (
        _VERB_BOUND.search(
            low, max(start, pos - 60), pos
        )  # a verb right before: never the whole sentence
        if fig is not None
        and fig_start == pos
        and fig.estimate.hedge is Hedge.EXACT
        and has(low, _BOUND_WORDS, max(start, pos - 60), pos)
        else None
    )
    if fig is not None and bound is not None:
        meant = "nearly" if bound.group("near") else "more than"
        with contextlib.suppress(
            ClaimdiffError
        ):  # the verb's bound, read by the figure parser as the words it means
            fig = attrs.evolve(
                fig, estimate=worded(parse_estimate(f"{meant} {text[pos:stop]}", hedges=hedges))
            )
    if a_rate(low, start, pos, num_end, end):
        return None  # "100 deaths per day", "one person displaced every three seconds": a rate
    if DIFFERENCE.match(low, stop, end):
        return None  # "2.3 million more people are food insecure than in March": a difference, not a count
    if DISTANCE.match(low, num_end, end):
        return None  # "about 50 kilometers south in Kurakhivka": where a place is, never a figure of the event
    if fig is not None and repeated is not None and fig.end < repeated:
        fig = attrs.evolve(fig, end=repeated)  # "twelve (12) persons": one figure written twice
    return fig


_TO = re.compile(r"\s+to\s+")
_HOMES_AFTER = re.compile(r"\s+(?:households|families)\b")
#: The stems of _VERB_BOUND's verbs: a figure with none of them before it is not searched for one.
_BOUND_WORDS = ("exceed", "surpass", "top", "pass", "near", "approach")


def _opener(low: str, start: int, at: int) -> tuple[int, str] | None:
    """The "between" or "from" (and spaces) right before offset ``at``, not before ``start``: where, and which.

    Read backwards from ``at``, so that a long sentence is not searched again for each of its numbers.
    """
    k = at
    while k > start and low[k - 1].isspace():
        k -= 1
    if k == at:
        return None
    for word in ("between", "from"):
        b = k - len(word)
        if (
            b >= start
            and low.startswith(word, b)
            and (b == start or not (low[b - 1].isalnum() or low[b - 1] == "_"))
        ):
            return b, word
    return None


#: Between the ends of a range: "5-10", "5 to 10", "between 5 and 10", "two or three".
_RANGED = re.compile(r"\s*(?:-|–|—|to|and|or\b)\s*(?=[\da-z])")
#: A verb of change before "from X to Y": the old figure and the new, not a range.
_REPEATED = re.compile(r"\s*\((\d[\d,.\s]*)\)")
#: A count's share of the whole in brackets right after it: "6542 (46.7%) cases", "901 (6.4 %)".
_SHARE_AFTER = re.compile(r"\s*\(\s*\d[\d.,]*\s*(?:%|per\s*cent|percent)\s*\)")


def _same_number(words: str, digits: str) -> bool:
    """True when ``digits`` ("12") repeats the number ``words`` says ("twelve")."""
    a, b = parse_number_prefix(words.strip()), parse_number_prefix(digits.strip())
    return a is not None and b is not None and a[0] == b[0]


def _figure(
    text: str,
    low: str,
    fig_start: int,
    fig_end: int,
    np_start: int,
    end: int,
    hedges: HedgePolicy,
    vocabulary: Vocabulary,
    *,
    value: float | None,
    article: bool = False,
    year: bool = False,
) -> Figure | None:
    noun: tuple[str | None, int, str | None] | None = None
    count: bool | None = None
    if value is None and any(
        low[i] == "m" and low[i - 1].isdigit() and joined_m(low, i)
        for i in range(fig_start + 1, fig_end)
    ):
        # A joined m is million when a plural noun follows ("1.2m people", "1.2m refugees"), and metres when
        # a length word or a singular noun does ("1.2m high", "a 1.2m wave": the figure measures the noun).
        noun = noun_phrase(text, low, np_start, end, vocabulary, single=False)
        following = WORD_AFTER.match(low, np_start, end)
        if (
            noun[0] is not None
            and following is not None
            and following.group(1) not in LENGTH_WORDS
            and (noun[0] in vocabulary.counted_synonyms.values() or re.search(r"[^s]s$", noun[0]))
        ):
            count = True
    if value is not None:
        estimate = Estimate.exact(value, provenance=Provenance.WORDED)
    else:
        parsed = worded_estimate(text[fig_start:fig_end], hedges, count)
        if parsed is None:
            return None
        estimate = parsed
    if estimate.unit:
        counted, np_end, participle = None, fig_end, None
    else:
        counted, np_end, participle = (
            noun
            if noun is not None and estimate.point != 1
            else noun_phrase(text, low, np_start, end, vocabulary, single=estimate.point == 1)
        )
    if counted is None and (article or year):
        return None
    if year and dates_event(text, low, fig_start, np_start, np_end):
        return None  # "the 2010 Yushu quake", "2010 Chile earthquakes": a year names an event, counts nothing
    return Figure(
        start=fig_start,
        end=max(fig_end, np_end),
        estimate=estimate,
        counted=counted,
        article=article,
        bare=counted is None and not estimate.unit,
        metric=participle,
        noun_at=np_start if counted is not None else None,
    )
