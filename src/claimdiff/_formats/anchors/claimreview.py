"""schema.org ClaimReview in JSON-LD: a report's verdict on each claim, in the form fact-checkers publish.

Search engines and fact-check aggregators read ``ClaimReview`` markup: one review per claim,
with the claim (``itemReviewed``: who said it, when, where it appeared), the reviewer and a
rating. claimdiff writes one review per flagged claim (or per claim, with ``every_claim=True``):
the rating's ``alternateName`` is a short verdict from the claim's flags and its place in its
group, and ``ratingExplanation`` gives the group's reconciled figure and every flag's sentence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from claimdiff._core.flags import Flag, FlagKind, Severity
from claimdiff._core.report import Group, Report
from claimdiff._model.claim import Claim
from claimdiff._model.numbers import format_number

__all__ = ["claimreview_jsonld"]

# The verdict a flag gives its claims, most telling first.
_VERDICTS: tuple[tuple[FlagKind, str], ...] = (
    (FlagKind.CONTRADICTION, "Contradicted by other sources"),
    (FlagKind.SUBTOTAL_MISMATCH, "Does not add up"),
    (FlagKind.PART_EXCEEDS_WHOLE, "Does not add up"),
    (FlagKind.INVERTED_METRICS, "Does not add up"),
    (FlagKind.OUTLIER, "Far from other sources"),
    (FlagKind.DOWNWARD_REVISION, "Lowered by its source"),
    (FlagKind.REVISION, "Revised by its source"),
    (FlagKind.STALE, "Out of date"),
    (FlagKind.INCOMPARABLE, "Not comparable"),
    (FlagKind.CIRCULAR_CORROBORATION, "Repeated from one origin"),
    (FlagKind.UNCORROBORATED, "Unconfirmed: one source"),
    (FlagKind.PRECISION_GAP, "Consistent, but vaguer than other sources"),
)


def _verdict(flags: list[Flag], group: Group | None, claim_id: str) -> str:
    kinds = {f.kind for f in flags}
    for kind, text in _VERDICTS:
        if kind in kinds:
            return text
    if group is not None and claim_id in group.dissenting:
        return "Disputed"
    worst = max((f.severity for f in flags), key=lambda s: s.rank, default=None)
    if worst is Severity.ERROR:
        return "Conflicts with other figures"  # a kind added later: say what its severity says
    return "Consistent with other sources"


def _claim_text(c: Claim) -> str:
    if c.quote:
        return c.quote
    what = f"{c.metric.name}: {c.scope.counted}" if c.scope.counted else c.metric.name
    where = f" in {c.scope.place_text()}" if c.scope.place else ""
    return f"{what}{where}: {c.estimate.describe()}"


def _organisation(name: str) -> dict[str, str]:
    return {"@type": "Organization", "name": name}


def claimreview_jsonld(
    report: Report,
    *,
    reviewer: str = "claimdiff",
    url: str | None = None,
    date_published: dt.date | str | None = None,
    every_claim: bool = False,
) -> list[dict[str, Any]]:
    """One schema.org ``ClaimReview`` per flagged claim of ``report``, as JSON-LD objects.

    >>> from claimdiff import Claim, Scope, reconcile
    >>> people = Scope(place="X", counted="people")
    >>> report = reconcile([Claim(id="a", metric="killed", estimate="12", scope=people, source="MoD"),
    ...                     Claim(id="b", metric="killed", estimate="at least 14", scope=people, source="Reuters")])
    >>> review = claimreview_jsonld(report, url="https://example.org/check", date_published="2024-01-02")[0]
    >>> review["@type"], review["claimReviewed"], review["reviewRating"]["alternateName"]
    ('ClaimReview', 'killed: people in X: 12', 'Contradicted by other sources')
    >>> review["itemReviewed"]["author"]["name"], review["url"]
    ('MoD', 'https://example.org/check#a')

    Args:
        report: The report.
        reviewer: Who publishes the reviews (the ``author`` of each).
        url: The page the reviews are published on; each review links to ``url#<claim id>``.
        date_published: When the reviews are published (never guessed: left out when not given).
        every_claim: Review every claim, not only those with flags.

    Returns:
        JSON-LD objects, one per claim, in the report's claim order (``json.dumps`` each or the list).
    """
    flags_of: dict[str, list[Flag]] = {}
    for f in report.flags:
        for cid in f.claims:
            flags_of.setdefault(cid, []).append(f)
    group_of: Mapping[str, Group] = {cid: g for g in report.groups for cid in g.claims}
    published = date_published.isoformat() if isinstance(date_published, dt.date) else date_published
    out = []
    for c in report.claims:
        flags = flags_of.get(c.id, [])
        if not flags and not every_claim:
            continue
        group = group_of.get(c.id)
        explanation = []
        if group is not None:
            unit = f" {group.unit}" if group.unit else ""
            best = "" if group.best is None else f"; best estimate {format_number(group.best, grouped=True)}{unit}"
            explanation.append(f"All current sources allow {group.interval_text()}{unit}{best}.")
        explanation.extend(f.message for f in flags)
        item: dict[str, Any] = {"@type": "Claim", "author": _organisation(c.source.name)}
        if c.stated is not None:
            item["datePublished"] = c.stated.start.date().isoformat()
        if c.via:
            item["appearance"] = [{"@type": "CreativeWork", "publisher": _organisation(s.name)} for s in c.via]
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": _claim_text(c),
            "itemReviewed": item,
            "author": _organisation(reviewer),
            "reviewRating": {
                "@type": "Rating",
                "alternateName": _verdict(flags, group, c.id),
                "ratingExplanation": " ".join(explanation),
            },
        }
        if url is not None:
            review["url"] = f"{url}#{c.id}"
        if published is not None:
            review["datePublished"] = published
        out.append(review)
    return out
