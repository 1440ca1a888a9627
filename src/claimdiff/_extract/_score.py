"""How well extraction did: extracted claims matched one-to-one against hand-written ones.

The matching rule: an extracted claim matches an expected claim when they have

* the same metric (after the vocabulary's synonyms: "shot down" and "destroyed" are "intercepted"),
* the same counted thing (after the vocabulary's synonyms: "UAVs" are "drones"),
* the same estimate: the same interval in the canonical unit, with the same closed or open
  bounds, and the same kind of hedge (so "at least 14" matches only ``[14, inf)`` said as a
  lower bound, and "some 70" only the band the hedge policy gives it),
* the same origin: source names compared after :func:`source_key` — case-folded, a leading
  "the" dropped, "defense" read as "defence" and "region"/"province" as "oblast" — and then
  looked up in the caller's alias table and the built-in one (:mod:`claimdiff._model.aliases`).

Place is part of the rule when asked for (``place=True``): the two places must be the same
after :func:`claimdiff._model.places.place_key` (ISO codes for countries and first-level
subdivisions, folded names below). Period, stated time and the ``via`` chain are not. Each claim is
matched at most once: precision is matched extracted claims over all extracted claims,
recall matched expected claims over all expected claims.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs

from claimdiff._model.aliases import canonical_source
from claimdiff._model.claim import Claim
from claimdiff._model.places import place_key

__all__ = [
    "FIELDS",
    "Score",
    "figures",
    "match_fields",
    "match_key",
    "origin_kind",
    "pair_unmatched",
    "score",
    "source_key",
]

#: The fields of the matching rule, in the order :func:`match_fields` gives them.
FIELDS = ("metric", "counted", "interval/hedge", "origin")

_WORD_SYNONYMS = {"defense": "defence", "region": "oblast", "province": "oblast"}


def source_key(name: str, aliases: Mapping[str, str] | None = None) -> str:
    """The name a source is matched by.

    >>> source_key("The governor of Bryansk region")
    'governor of bryansk oblast'
    """
    words = re.findall(r"[\w'’-]+", name.casefold().replace("’", "'"))
    if words[:1] == ["the"]:
        words = words[1:]
    key = " ".join(_WORD_SYNONYMS.get(w, w) for w in words)
    if aliases:
        table = {source_key(k): source_key(v) for k, v in aliases.items()}
        key = table.get(key, key)
    return key


def match_fields(claim: Claim, aliases: Mapping[str, str] | None = None) -> tuple[object, ...]:
    """The four fields of the matching rule (:data:`FIELDS`), each as the scorer compares it.

    >>> from claimdiff import Claim, Scope
    >>> c = Claim(id="a", metric="killed", estimate="14", scope=Scope(counted="people"), source="The MoD")
    >>> match_fields(c)[0], match_fields(c)[1], match_fields(c)[3]
    ('killed', 'people', 'ministry of defence')
    """
    return (
        claim.metric.name,
        claim.scope.counted,
        (
            claim.dimension,
            claim.low,
            claim.high,
            claim.low_closed,
            claim.high_closed,
            claim.estimate.hedge,
        ),
        source_key(canonical_source(claim.source.name, aliases)),
    )


def match_key(
    claim: Claim, aliases: Mapping[str, str] | None = None, *, place: bool = False
) -> tuple[object, ...]:
    """Everything two claims must share to match (see the module docstring); with ``place``, the place too."""
    metric, counted, interval, origin = match_fields(claim, aliases)
    key = (metric, counted, *interval, origin)  # type: ignore[misc]
    return (*key, place_key(claim.scope.place)) if place else key


def figures(claim: Claim) -> set[float]:
    """The numbers a claim states: its point if it has one, else its finite bounds.

    >>> from claimdiff import Claim, Scope
    >>> c = Claim(id="a", metric="killed", estimate="between 5 and 7", scope=Scope(counted="people"), source="MoD")
    >>> sorted(figures(c))
    [5.0, 7.0]
    """
    est = claim.estimate
    if est.point is not None:
        return {est.point}
    return {b for b in (est.low, est.high) if abs(b) != float("inf")}


def pair_unmatched(
    missed: Sequence[Claim], spurious: Sequence[Claim], aliases: Mapping[str, str] | None = None
) -> list[tuple[Claim, Claim | None, tuple[str, ...]]]:
    """Pair each missed claim with the closest unpaired spurious claim stating one of its numbers.

    In the order of ``missed``, each takes, among the spurious claims not yet taken that share a
    number with it (:func:`figures`), the one differing in the fewest :data:`FIELDS`. Returns
    ``(missed, partner or None, names of the differing fields)`` for every missed claim; the
    spurious claims left untaken are those not in any pair.

    >>> from claimdiff import Claim, Scope
    >>> e = Claim(id="e", metric="killed", estimate="at least 14", scope=Scope(counted="people"), source="MoD")
    >>> f = Claim(id="f", metric="injured", estimate="14", scope=Scope(counted="people"), source="MoD")
    >>> [(m.id, p.id if p else None, d) for m, p, d in pair_unmatched([e], [f])]
    [('e', 'f', ('metric', 'interval/hedge'))]
    """
    left = list(spurious)
    keys = {id(f): match_fields(f, aliases) for f in left}
    out: list[tuple[Claim, Claim | None, tuple[str, ...]]] = []
    for e in missed:
        fe, fig = match_fields(e, aliases), figures(e)

        def apart(f: Claim, fe: tuple[object, ...] = fe) -> tuple[str, ...]:
            return tuple(n for n, x, y in zip(FIELDS, fe, keys[id(f)], strict=True) if x != y)

        partner = min(
            (f for f in left if figures(f) & fig), key=lambda f: len(apart(f)), default=None
        )
        if partner is None:
            out.append((e, None, ()))
            continue
        left.remove(partner)
        out.append((e, partner, apart(partner)))
    return out


def _abbreviates(short: str, word: str) -> bool:
    """Whether ``short`` is ``word`` or an abbreviation of it: same first letter, its letters in order ("govt")."""
    if not short or not word or short[0] != word[0]:
        return False
    rest = iter(word)
    return all(ch in rest for ch in short)


def origin_kind(expected: str, found: str, outlet: str) -> str:
    """Which way two origin keys (:func:`source_key`) differ: one is the outlet, one body spelt twice, or two bodies.

    >>> origin_kind("ministry of health", "reliefweb", "reliefweb")
    'expected: a named source; found: the outlet'
    >>> origin_kind("humanitarian aid commission", "hac", "ocha")
    'one body, two spellings'
    """
    if expected == outlet:
        return "expected: the outlet; found: a named source"
    if found == outlet:
        return "expected: a named source; found: the outlet"
    short, long = sorted((expected, found), key=len)
    initials = "".join(w[0] for w in long.split() if w not in {"of", "for", "the", "and"})
    squeezed = short.replace(".", "").replace(" ", "")
    if squeezed in (initials, long.replace(".", "").replace(" ", "")) or all(
        any(_abbreviates(w, v) for v in long.split()) for w in short.split()
    ):
        return "one body, two spellings"
    return "two bodies"


@attrs.frozen
class Score:
    """Precision and recall of extracted claims against expected ones, with the ids behind them.

    Attributes:
        found: How many claims were extracted.
        expected: How many claims were expected.
        matched: ``(extracted id, expected id)`` pairs that matched.
        missed: Ids of expected claims nothing matched.
        spurious: Ids of extracted claims that matched nothing.
    """

    found: int
    expected: int
    matched: tuple[tuple[str, str], ...]
    missed: tuple[str, ...]
    spurious: tuple[str, ...]

    @property
    def precision(self) -> float:
        """Matched over extracted (1.0 when nothing was extracted)."""
        return len(self.matched) / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        """Matched over expected (1.0 when nothing was expected)."""
        return len(self.matched) / self.expected if self.expected else 1.0


def score(
    found: Sequence[Claim],
    expected: Sequence[Claim],
    *,
    aliases: Mapping[str, str] | None = None,
    place: bool = False,
) -> Score:
    """Match extracted claims to expected ones, each at most once, in text order.

    >>> from claimdiff import Claim, Scope
    >>> a = Claim(id="a", metric="killed", estimate="at least 14", scope=Scope(counted="people"), source="The MoD")
    >>> b = Claim(id="b", metric="dead", estimate="at least 14", scope=Scope(counted="persons"), source="MoD")
    >>> s = score([a], [b])
    >>> s.matched, s.precision, s.recall
    ((('a', 'b'),), 1.0, 1.0)
    """
    pool: dict[tuple[object, ...], list[str]] = {}
    for e in expected:
        pool.setdefault(match_key(e, aliases, place=place), []).append(e.id)
    matched: list[tuple[str, str]] = []
    spurious: list[str] = []
    for f in found:
        ids = pool.get(match_key(f, aliases, place=place))
        if ids:
            matched.append((f.id, ids.pop(0)))
        else:
            spurious.append(f.id)
    used = {e for _, e in matched}
    return Score(
        found=len(found),
        expected=len(expected),
        matched=tuple(matched),
        missed=tuple(e.id for e in expected if e.id not in used),
        spurious=tuple(spurious),
    )
