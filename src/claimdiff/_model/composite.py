"""Composite figures: "12 adults and two children", "108, including 15 children".

One wording states several figures at once. claimdiff keeps each as a claim of
its own, linked to the figure it is part of, so that reconciling can check the
arithmetic ("12 + 2 = 14") against what others say.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import attrs

from claimdiff._model.claim import Claim, Scope
from claimdiff._model.estimate import Estimate, Hedge, provenance_of
from claimdiff._model.hedges import DEFAULT_HEDGES, HedgePolicy, parse_estimate
from claimdiff._model.vocabulary import DEFAULT_VOCABULARY, Vocabulary
from claimdiff.exceptions import ClaimdiffError, InvalidClaimError, InvalidEstimateError

__all__ = ["Composite", "composite_claims", "parse_composite", "sum_estimates"]

_INCLUDING = re.compile(
    r"^(?P<total>.+?),?\s+(?:including|among them|of whom|of which)\s+(?P<parts>.+)$", re.IGNORECASE
)
_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)


@attrs.frozen
class Composite:
    """A figure stated together with its parts.

    Attributes:
        total: The whole figure: stated ("108, including ...") or the sum of
            the parts ("12 adults and two children").
        parts: ``(counted thing, estimate)`` for each part.
        exhaustive: True when the parts make up the whole ("12 adults and two
            children"); False when they are only some of it ("including").
        text: The wording, as written.
    """

    total: Estimate
    parts: tuple[tuple[str, Estimate], ...]
    exhaustive: bool
    text: str


def parse_composite(
    text: str, *, hedges: HedgePolicy = DEFAULT_HEDGES, vocabulary: Vocabulary = DEFAULT_VOCABULARY
) -> Composite | None:
    """Read a composite figure, or return ``None`` when ``text`` states a single figure.

    >>> c = parse_composite("12 adults and two children")
    >>> c.total.point, [(what, e.point) for what, e in c.parts], c.exhaustive
    (14.0, [('adults', 12.0), ('children', 2.0)], True)
    >>> c = parse_composite("108, including 15 children")
    >>> c.total.point, c.parts[0][0], c.exhaustive
    (108.0, 'children', False)
    >>> parse_composite("at least 14") is None
    True

    Raises:
        InvalidEstimateError: The wording looks composite but a part cannot be read.
    """
    raw = " ".join(text.split())
    m = _INCLUDING.match(raw)
    if m is not None:
        total = parse_estimate(m.group("total"), hedges=hedges)
        parts = _parts(m.group("parts"), text, hedges, vocabulary)
        worded = attrs.evolve(
            total, text=raw, provenance=provenance_of(raw)
        )  # "108, including 15 children"
        return Composite(total=worded, parts=parts, exhaustive=False, text=raw)
    if not _SPLIT.search(raw) or raw.lower().startswith("between "):
        return None
    try:
        parse_estimate(raw, hedges=hedges)
    except ClaimdiffError:
        pass
    else:
        return None  # a single figure such as "10 and 20"-style ranges
    parts = _parts(raw, text, hedges, vocabulary)
    if len(parts) < 2:
        return None
    return Composite(
        total=sum_estimates([e for _, e in parts], raw), parts=parts, exhaustive=True, text=raw
    )


def _parts(
    text: str, original: str, hedges: HedgePolicy, vocabulary: Vocabulary
) -> tuple[tuple[str, Estimate], ...]:
    out = []
    for piece in _SPLIT.split(text.strip()):
        if not piece:
            continue
        out.append(_part(piece, original, hedges, vocabulary))
    seen = [what for what, _ in out]
    if len(set(seen)) != len(seen):
        raise InvalidEstimateError("text", original, "names the same counted thing twice")
    return tuple(out)


def _part(
    piece: str, original: str, hedges: HedgePolicy, vocabulary: Vocabulary
) -> tuple[str, Estimate]:
    words = piece.split()
    # The longest leading run of words that reads as a figure; the rest names what is counted.
    for k in range(len(words) - 1, 0, -1):
        try:
            estimate = parse_estimate(" ".join(words[:k]), hedges=hedges)
        except ClaimdiffError:
            continue
        noun = " ".join(words[k:])
        if noun.lower() in ("of", ""):
            continue
        return vocabulary.counted(noun), estimate
    raise InvalidEstimateError(
        "text", original, f"has a part {piece!r} that is not a figure followed by what it counts"
    )


def sum_estimates(estimates: Sequence[Estimate], text: str) -> Estimate:
    """The sum of figures as one estimate: bounds add; exact only if every part is exact."""
    units = {e.unit for e in estimates}
    if len(units) > 1:
        raise InvalidEstimateError(
            "text", text, f"adds parts in different units ({', '.join(sorted(units))})"
        )
    low = sum(e.low for e in estimates)
    high = sum(e.high for e in estimates)
    exact = all(e.hedge is Hedge.EXACT for e in estimates)
    points = [e.point for e in estimates]
    point = (
        None if any(p is None for p in points) else math.fsum(p for p in points if p is not None)
    )
    return Estimate(
        low=low,
        high=high,
        low_closed=all(e.low_closed for e in estimates),
        high_closed=all(e.high_closed for e in estimates),
        point=point,
        unit=units.pop(),
        hedge=Hedge.EXACT if exact else Hedge.RANGE,
        text=text,
    )


def composite_claims(
    text: str,
    *,
    id: str,  # noqa: A002 - the claim field's name
    scope: Scope,
    hedges: HedgePolicy = DEFAULT_HEDGES,
    vocabulary: Vocabulary = DEFAULT_VOCABULARY,
    **fields: Any,
) -> tuple[Claim, ...]:
    """The linked claims one composite wording states: the whole first, then each part.

    The whole keeps ``id`` and ``scope``; each part's id is ``"{id}/{counted}"``, its
    scope counts the part's thing, and its ``part_of`` is ``id``. A wording that states
    a single figure gives one claim.

    >>> from claimdiff import Scope
    >>> claims = composite_claims(
    ...     "12 adults and two children", id="mod", metric="killed",
    ...     scope=Scope(place="Russia > Belgorod Oblast > Belgorod", counted="people"), source="MoD")
    >>> [(c.id, c.scope.counted, c.low, c.part_of) for c in claims]
    [('mod', 'people', 14.0, None), ('mod/adults', 'adults', 12.0, 'mod'), ('mod/children', 'children', 2.0, 'mod')]

    Args:
        text: The wording.
        id: Id of the whole.
        scope: Scope of the whole; parts share its place and event.
        hedges: How hedged figures are read.
        vocabulary: How counted things are named.
        **fields: Every other :class:`~claimdiff.Claim` field (metric, source, via, stated, ...).

    Raises:
        InvalidClaimError: A field is invalid, or a part counts the same thing as the whole.
        InvalidEstimateError: The wording cannot be read.
    """
    composite = parse_composite(text, hedges=hedges, vocabulary=vocabulary)
    if composite is None:
        return (Claim(id=id, estimate=parse_estimate(text, hedges=hedges), scope=scope, **fields),)
    whole = Claim(id=id, estimate=composite.total, scope=scope, **fields)
    out = [whole]
    for counted, estimate in composite.parts:
        if counted == scope.counted:
            raise InvalidClaimError(
                id, "value", text, f"has a part counting {counted!r}, the same as the whole"
            )
        part_scope = Scope(place=scope.place, counted=counted, event=scope.event)
        out.append(
            Claim(id=f"{id}/{counted}", estimate=estimate, scope=part_scope, part_of=id, **fields)
        )
    return tuple(out)
