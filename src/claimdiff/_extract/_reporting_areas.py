"""Countries counted as the subject of a report verb: "six countries reported confirmed cases".

ANNOTATION.md rule 42: a count of areas that report a level of activity ("23 countries reported
widespread activity", "seven countries and territories ... reported confirmed cases") counts the
areas, and its metric is the verb phrase with the kind of thing reported: `reported cases`,
`reported widespread activity`, `reported additional cases`. The status word of the cases
(confirmed, probable, suspected) is how sure a diagnosis is, no kind of activity, and is left out.
The countries report to the body that counts them: the figure is the text's own, not the
countries' word.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from claimdiff._extract._case_status import STATUS

if TYPE_CHECKING:
    from claimdiff._extract._candidate import Candidate
    from claimdiff._model.claim import Source
    from claimdiff._model.vocabulary import Vocabulary

__all__ = ["reporting_areas"]

#: After a number: countries (and territories), the rest of their noun phrase, a report verb and what it reports.
_REPORTING = re.compile(
    r"[\w,.-]*\s+(?P<areas>countries|territories|member\s+states)(?:\s+and\s+(?:territories|areas))?"
    r"(?:\s+(?:in|of)\s+[^,.;:()\d]{1,50}?)?"
    r"\s+(?:have\s+|had\s+|has\s+)?(?:reported|reporting|report|notified|notifying)\s+"
    r"(?P<kind>(?:[a-z-]+\s+){0,2}?)"
    r"(?P<noun>cases|deaths|activity|outbreaks)\b"
)
_STATUS_WORD = re.compile(rf"\b{STATUS}\s+")


def reporting_areas(
    found: list[Candidate], low: str, outlet: Source, vocabulary: Vocabulary
) -> list[Candidate]:
    """``found`` with each count of countries that report a thing filed under rule 42's metric.

    >>> from claimdiff import extract
    >>> s = "This year, 9 countries reported confirmed cases of the disease."
    >>> [(c.claim.metric.name, c.claim.scope.counted) for c in extract(s, outlet="Agency")]
    [('reported cases', 'countries')]
    """
    out = []
    for c in found:
        m = _REPORTING.match(low, c.start + len(c.claim.estimate.text or ""))
        if m is None or c.claim.scope.counted not in (None, "countries", "people", "cases"):
            out.append(c)
            continue
        kind = _STATUS_WORD.sub("", m.group("kind"))
        metric = " ".join(["reported", *kind.split(), m.group("noun")])
        source = c.claim.source
        if m.group("areas") in source.name.lower():
            source = outlet  # "Eight countries have reported": the counting body's own figure
        claim = attrs.evolve(
            c.claim,
            metric=vocabulary.metric(metric),
            scope=attrs.evolve(c.claim.scope, counted="countries"),
            source=source,
        )
        out.append(attrs.evolve(c, claim=claim))
    return out
