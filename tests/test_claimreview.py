"""ClaimReview as Google's fact-check markup and schema.org define it, compared with Google's own example."""

from __future__ import annotations

import json
from typing import Any

import pytest

import claimdiff
from claimdiff import Claim, Scope, reconcile
from claimdiff.exceptions import InvalidClaimError
from conftest import ROOT

GOOGLE = json.loads(
    (
        ROOT / "tests" / "fixtures" / "exports" / "claimreview" / "google-factcheck-example.json"
    ).read_text(encoding="utf-8")
)
_IDLIB = Scope(place="Syria > Idlib", counted="people")


def _report() -> Any:
    return reconcile(
        [
            Claim(
                id="mod",
                metric="killed",
                estimate="8",
                scope=_IDLIB,
                source="MoD",
                period="2024-01-10",
            ),
            Claim(
                id="reuters",
                metric="killed",
                estimate="at least 14",
                scope=_IDLIB,
                source="Reuters",
                period="2024-01-10",
            ),
            Claim(
                id="moh",
                metric="killed",
                estimate="14",
                scope=_IDLIB,
                source="Syrian Ministry of Health",
                via=["AFP"],
                period="2024-01-10",
                stated="2024-01-10",
            ),
        ]
    )


def _reviews(**kw: Any) -> dict[str, dict[str, Any]]:
    out = claimdiff.formats.claimreview_jsonld(
        _report(),
        author="Example Fact Check",
        url="https://example.org/idlib",
        date_published="2024-01-12",
        every_claim=True,
        **kw,
    )
    return {r["url"].rsplit("#", 1)[1]: r for r in out}


def _shape(value: Any) -> Any:
    """The keys of a JSON-LD object, all the way down (lists by their first item)."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return type(value).__name__


def test_every_field_google_requires_and_recommends_is_there() -> None:
    """Field by field against Google's example: the same required and recommended keys at the same places."""
    review = _reviews()["moh"]
    for key in (
        "@context",
        "@type",
        "url",
        "claimReviewed",
        "datePublished",
        "author",
        "itemReviewed",
        "reviewRating",
    ):
        assert key in GOOGLE
        assert key in review
    assert review["@type"] == GOOGLE["@type"] == "ClaimReview"
    assert review["author"]["@type"] == GOOGLE["author"]["@type"] == "Organization"
    assert set(GOOGLE["itemReviewed"]) <= set(review["itemReviewed"]) | {"appearance"}
    assert review["itemReviewed"]["@type"] == "Claim"
    assert set(GOOGLE["reviewRating"]) <= set(review["reviewRating"])
    assert _shape(review["itemReviewed"]["author"]) == {"@type": "str", "name": "str"}


def test_claim_reviewed_is_a_sentence_and_the_item_is_the_claim_made() -> None:
    """claimReviewed reads as a sentence; itemReviewed names who said it, when, and where it appeared."""
    review = _reviews()["moh"]
    assert (
        review["claimReviewed"]
        == "Syrian Ministry of Health: 14 killed in Idlib on 10 January 2024"
    )
    assert review["itemReviewed"]["author"]["name"] == "Syrian Ministry of Health"
    assert review["itemReviewed"]["datePublished"] == "2024-01-10"
    assert review["itemReviewed"]["appearance"] == [
        {"@type": "CreativeWork", "publisher": {"@type": "Organization", "name": "AFP"}}
    ]
    assert review["author"]["name"] == "Example Fact Check"


def test_the_rating_follows_the_verdict_on_that_claim() -> None:
    """The contradiction names MoD and Reuters, but Reuters' figure is one the analysis backs: only MoD's is
    "Contradicted"; the best figure is never rated below 4 of 5."""
    reviews = _reviews()
    assert reviews["mod"]["reviewRating"]["alternateName"] == "Contradicted by other sources"
    assert reviews["mod"]["reviewRating"]["ratingValue"] == 1
    assert reviews["reuters"]["reviewRating"]["alternateName"] != "Contradicted by other sources"
    assert reviews["moh"]["reviewRating"]["ratingValue"] >= 4


def test_the_explanation_is_in_plain_words() -> None:
    """The explanation says what the source said, what the sources allow together, and where this figure stands."""
    text = _reviews()["mod"]["reviewRating"]["ratingExplanation"]
    assert text.startswith(
        "MoD says 8. Taken together, the 3 current figures allow 14; the best estimate is 14."
    )
    assert "'" not in text  # no claim ids or quoted internals


@pytest.mark.parametrize("missing", [{"author": None}, {"url": None}, {"author": "  "}])
def test_author_and_url_are_required(missing: dict[str, Any]) -> None:
    """A review without the fact-checker's name or the page it is on is refused with a clear error."""
    kw = {"author": "Example Fact Check", "url": "https://example.org/idlib", **missing}
    with pytest.raises(InvalidClaimError, match="is required"):
        claimdiff.formats.claimreview_jsonld(_report(), **kw)
