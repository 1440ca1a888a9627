"""schema.org ClaimReview in JSON-LD: a report's verdict on each claim, in the form fact-checkers publish.

Google's fact-check markup (developers.google.com/search/docs/appearance/structured-data/factcheck)
requires ``claimReviewed``, ``reviewRating`` (with ``alternateName``, the verdict in words) and
``url``, the page the review is published on; it recommends ``author`` (the fact-checker),
``datePublished`` and an ``itemReviewed`` Claim with its own ``author`` (who made the claim),
``datePublished`` and ``appearance`` (where it appeared). claimdiff writes one review per flagged
claim (or per claim, with ``every_claim=True``), with every one of those fields it knows:

- ``claimReviewed`` is a sentence: "Syrian Ministry of Health: 14 killed in Idlib on 10 January 2024".
- The rating follows the verdict on *that* claim: a figure the analysis backs (one of the group's
  supporting figures) is never "Contradicted", even when the flag that found the conflict names it;
  ``ratingValue`` places the verdict on a 1 (contradicted) to 5 (corroborated) scale.
- ``ratingExplanation`` says in plain words what the sources allow together and where this figure
  stands.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from claimdiff._core.flags import Flag, FlagKind
from claimdiff._core.report import Group, Report
from claimdiff._model.claim import Claim
from claimdiff._model.numbers import format_number
from claimdiff.exceptions import InvalidClaimError

__all__ = ["VERDICTS", "claimreview_jsonld"]

#: Each verdict and its place on the 1 (contradicted) to 5 (corroborated) rating scale.
VERDICTS: Mapping[str, int] = {
    "Corroborated by independent sources": 5,
    "Consistent with other sources": 4,
    "Consistent, but vaguer than other sources": 4,
    "Unconfirmed: one source": 3,
    "Repeated from one origin": 3,
    "Not comparable": 3,
    "Revised by its source": 2,
    "Lowered by its source": 2,
    "Withdrawn by its source": 1,
    "Out of date": 2,
    "Does not add up": 2,
    "Far from other sources": 2,
    "Disputed": 2,
    "Contradicted by other sources": 1,
}
# Flags that speak of the claim itself (its sum, its parts), whatever side of a conflict it is on.
_OWN = (
    (FlagKind.SUBTOTAL_MISMATCH, "Does not add up"),
    (FlagKind.PART_EXCEEDS_WHOLE, "Does not add up"),
    (FlagKind.INVERTED_METRICS, "Does not add up"),
    (FlagKind.INCOMPARABLE, "Not comparable"),
)


def _width(c: Claim) -> float:
    return c.high - c.low


def _verdict(c: Claim, flags: list[Flag], group: Group | None, claims: Mapping[str, Claim]) -> str:
    kinds = {f.kind for f in flags}
    # A precision gap names both figures; only the vaguer one is "vaguer".
    vaguer = any(
        _width(c) > min(_width(claims[i]) for i in f.claims if i in claims)
        for f in flags
        if f.kind is FlagKind.PRECISION_GAP
    )
    if group is not None and c.id in group.withdrawn:
        return "Withdrawn by its source"
    if group is not None and c.id in group.superseded:
        return (
            "Lowered by its source"
            if FlagKind.DOWNWARD_REVISION in kinds
            else "Revised by its source"
        )
    if group is not None and c.id in group.stale:
        return "Out of date"
    own = next((text for kind, text in _OWN if kind in kinds), None)
    if own is not None:
        return own
    if group is not None and c.id in group.dissenting:
        if FlagKind.CONTRADICTION in kinds:
            return "Contradicted by other sources"
        return "Far from other sources" if FlagKind.OUTLIER in kinds else "Disputed"
    if (
        group is not None
        and group.dissenting
        and len({claims[i].origin for i in group.supporting if i in claims}) < 2
    ):
        return "Disputed"  # it stands against the dissent alone: backed by the analysis, not by other sources
    if FlagKind.CIRCULAR_CORROBORATION in kinds or (
        group is not None and group.corroboration == "circular"
    ):
        return "Repeated from one origin"
    if FlagKind.UNCORROBORATED in kinds or (group is not None and group.corroboration == "single"):
        return "Unconfirmed: one source"
    if vaguer:
        return "Consistent, but vaguer than other sources"
    if group is not None and group.origins > 1 and not group.dissenting:
        return "Corroborated by independent sources"
    return "Consistent with other sources"


def _figure(value: float, unit: str) -> str:
    return f"{format_number(value, grouped=True)}{f' {unit}' if unit else ''}"


def _allowed(group: Group) -> str | None:
    """What the current sources allow together, in words ("between 14 and 20", "at least 14")."""
    low = group.consensus_low if group.consensus_low is not None else group.low
    high = group.consensus_high if group.consensus_high is not None else group.high
    if low is None or high is None:
        return None
    if low == high:
        return _figure(low, group.unit)
    if math.isinf(high):
        return f"at least {_figure(low, group.unit)}"
    return f"between {_figure(low, group.unit)} and {_figure(high, group.unit)}"


def _explanation(c: Claim, verdict: str, group: Group | None) -> str:
    said = f"{c.source.name} says {c.estimate.describe()}."
    if group is None:
        return said
    others = len(group.claims) - 1
    allowed = _allowed(group)
    parts = [said]
    if allowed is not None and others:
        parts.append(
            f"Taken together, the {others + 1} current figures allow {allowed}"
            + (
                f"; the best estimate is {_figure(group.best, group.unit)}."
                if group.best is not None
                else "."
            )
        )
    parts.append(
        {
            "Contradicted by other sources": "This figure cannot be reconciled with the figures most sources give.",
            "Far from other sources": "This figure lies far from the others.",
            "Disputed": "This figure lies outside what most sources allow.",
            "Does not add up": "Its parts and its total do not agree.",
            "Lowered by its source": "Its own source later gave a lower figure.",
            "Revised by its source": "Its own source later gave another figure.",
            "Withdrawn by its source": "Its own source withdrew it.",
            "Out of date": "Later, higher figures from other sources have overtaken it.",
            "Repeated from one origin": "The sources that repeat it all trace back to one origin.",
            "Unconfirmed: one source": "No independent source confirms it.",
            "Not comparable": "It counts something the other figures do not, so they cannot be compared.",
            "Consistent, but vaguer than other sources": "It agrees with the others, though less precisely.",
            "Corroborated by independent sources": "Independent sources agree with it.",
        }.get(verdict, "It agrees with the other figures.")
    )
    return " ".join(parts)


def _when(c: Claim) -> str:
    p = c.period
    if p is None or p.start.utcoffset() not in (None, dt.timedelta(0)):
        return ""
    first, last = p.start.date(), (p.end - dt.timedelta(microseconds=1)).date()
    if first == last:
        return f" on {first.day} {first:%B %Y}"
    if (
        first.day == 1
        and (last + dt.timedelta(days=1)).day == 1
        and (first.year, first.month) == (last.year, last.month)
    ):
        return f" in {first:%B %Y}"
    return f" between {first.day} {first:%B %Y} and {last.day} {last:%B %Y}"


def claim_sentence(c: Claim) -> str:
    """A claim as one sentence, as fact-checkers write ``claimReviewed``.

    >>> from claimdiff import Claim, Scope
    >>> claim_sentence(Claim(id="a", metric="killed", estimate="14", source="Syrian Ministry of Health",
    ...                      scope=Scope(place="Syria > Idlib", counted="people"), period="2024-01-10"))
    'Syrian Ministry of Health: 14 killed in Idlib on 10 January 2024'
    """
    counted = c.scope.counted
    if c.is_count:
        what = f"{c.estimate.describe()} {'' if counted in (None, 'people') else f'{counted} '}{c.metric.name}"
    else:
        what = f"{c.metric.name} {c.estimate.describe()}"
    where = f" in {c.scope.place[-1]}" if c.scope.place else ""
    return f"{c.source.name}: {what}{where}{_when(c)}"


def _required(field: str, given: str | None) -> str:
    if not isinstance(given, str) or not given.strip():
        raise InvalidClaimError(
            None,
            field,
            given,
            "is required: a ClaimReview names the fact-checker who publishes it and the page it is on",
        )
    return given.strip()


def _organisation(name: str) -> dict[str, str]:
    return {"@type": "Organization", "name": name}


def claimreview_jsonld(
    report: Report,
    *,
    author: str | None = None,
    url: str | None = None,
    date_published: dt.date | str | None = None,
    every_claim: bool = False,
) -> list[dict[str, Any]]:
    """One schema.org ``ClaimReview`` per flagged claim of ``report``, as JSON-LD objects.

    >>> from claimdiff import Claim, Scope, reconcile
    >>> idlib = Scope(place="Syria > Idlib", counted="people")
    >>> report = reconcile([
    ...     Claim(id="a", metric="killed", estimate="8", scope=idlib, source="MoD", period="2024-01-10"),
    ...     Claim(id="b", metric="killed", estimate="at least 14", scope=idlib, source="Reuters", period="2024-01-10"),
    ...     Claim(id="c", metric="killed", estimate="14", scope=idlib, source="Syrian Ministry of Health",
    ...           via=["AFP"], period="2024-01-10", stated="2024-01-10")])
    >>> reviews = claimreview_jsonld(report, author="Example Fact Check", url="https://example.org/idlib",
    ...                              date_published="2024-01-12", every_claim=True)
    >>> [(r["claimReviewed"], r["reviewRating"]["alternateName"]) for r in reviews]  # doctest: +NORMALIZE_WHITESPACE
    [('MoD: 8 killed in Idlib on 10 January 2024', 'Contradicted by other sources'),
     ('Reuters: at least 14 killed in Idlib on 10 January 2024', 'Consistent, but vaguer than other sources'),
     ('Syrian Ministry of Health: 14 killed in Idlib on 10 January 2024', 'Consistent with other sources')]
    >>> reviews[2]["itemReviewed"]["datePublished"], reviews[2]["itemReviewed"]["appearance"][0]["publisher"]["name"]
    ('2024-01-10', 'AFP')
    >>> print(reviews[0]["reviewRating"]["ratingExplanation"])
    MoD says 8. Taken together, the 3 current figures allow 14; the best estimate is 14. This figure cannot be reconciled with the figures most sources give.

    Args:
        report: The report.
        author: Who publishes the reviews: the fact-checker, the ``author`` of each review. Required.
        url: The page the reviews are published on; each review links to ``url#<claim id>``. Required.
        date_published: When the reviews are published (never guessed: left out when not given).
        every_claim: Review every claim, not only those with flags.

    Returns:
        JSON-LD objects, one per claim, in the report's claim order (``json.dumps`` each or the list).

    Raises:
        InvalidClaimError: ``author`` or ``url`` is missing (Google's markup requires a URL, and a review
            needs the fact-checker's name, not the tool's).
    """
    author, url = _required("author", author), _required("url", url)
    flags_of: dict[str, list[Flag]] = {}
    for f in report.flags:
        for cid in f.claims:
            flags_of.setdefault(cid, []).append(f)
    group_of: Mapping[str, Group] = {cid: g for g in report.groups for cid in g.claims}
    by_id = {c.id: c for c in report.claims}
    published = (
        date_published.isoformat() if isinstance(date_published, dt.date) else date_published
    )
    out = []
    for c in report.claims:
        flags = flags_of.get(c.id, [])
        if not flags and not every_claim:
            continue
        group = group_of.get(c.id)
        verdict = _verdict(c, flags, group, by_id)
        item: dict[str, Any] = {"@type": "Claim", "author": _organisation(c.source.name)}
        if c.stated is not None:
            item["datePublished"] = c.stated.start.date().isoformat()
        if c.via:
            item["appearance"] = [
                {"@type": "CreativeWork", "publisher": _organisation(s.name)} for s in c.via
            ]
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{url}#{c.id}",
            "claimReviewed": claim_sentence(c),
            "itemReviewed": item,
            "author": _organisation(author),
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": VERDICTS[verdict],
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": verdict,
                "ratingExplanation": _explanation(c, verdict, group),
            },
        }
        if published is not None:
            review["datePublished"] = published
        out.append(review)
    return out
