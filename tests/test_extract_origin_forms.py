"""Origin forms from the guide's rules (issue 22 item 3, third round), on sentences written for the test.

A speech word heading the speaker's phrase ("the report said") is no verb; an adverb between an
auxiliary and the report verb ("has so far recorded") keeps the subject the speaker; a labelled source
closing a sentence ("(Source: X)") is a closing citation (ANNOTATION.md rule 16); one body keeps one
name in a text (rule 17).
"""

from __future__ import annotations

import pytest

from claimdiff import extract

OUTLET = "Morning Ledger"


def origins(text: str, outlet: str = OUTLET) -> list[str]:
    """The origin of every candidate of ``text``, in order."""
    return [c.claim.source.name for c in extract(text, published="2024-03-01", outlet=outlet)]


@pytest.mark.parametrize(
    "text",
    [
        '"Some 900 families have lost their homes", the report said.',
        '"Roughly 75 wells were contaminated," the estimates show.',
    ],
)
def test_a_noun_heading_the_speaker_is_no_name(text: str) -> None:
    """'"...," the report said' points back (no one named before: the outlet), never "The"."""
    assert origins(text) == [OUTLET]


def test_a_quoted_speaker_after_the_quotation_is_still_read() -> None:
    """The head-noun guard leaves a plain '"...," the agency said' alone."""
    text = 'The Water Board said it was testing wells. "We closed 31 wells," the board said.'
    assert origins(text) == ["Water Board"]


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("The Coastal Relief Office has so far recorded 47 deaths.", "Coastal Relief Office"),
        ("Provincial officials have thus far confirmed 19 deaths.", "Provincial officials"),
        ("The Coastal Relief Office so far confirmed 47 deaths.", "Coastal Relief Office"),
        ("The Coastal Relief Office has now reported 47 deaths.", "Coastal Relief Office"),
    ],
)
def test_an_adverb_before_the_report_verb_keeps_its_subject(text: str, origin: str) -> None:
    """'X has so far recorded N': X reports the figure, the adverb is no part of its name."""
    assert origins(text) == [origin]


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("Nine people drowned and 610 fled their homes (Source: CRO).", "CRO"),
        (
            "Nine people drowned and 610 fled their homes (source: Coastal Relief Office, 3 March).",
            "Coastal Relief Office",
        ),
        (
            "Nine people drowned and 610 fled their homes. (Source: Coastal Relief Office)",
            "Coastal Relief Office",
        ),
    ],
)
def test_a_labelled_source_closing_the_sentence_cites_it(text: str, origin: str) -> None:
    """A "(Source: X)" parenthesis closing the sentence is X's citation, its label no part of the name."""
    assert set(origins(text)) == {origin}


def test_a_labelled_source_cites_its_own_sentence_only() -> None:
    """The next sentence without attribution, in another paragraph, is the outlet's again."""
    text = "Nine people died (Source: CRO).\n\nA further 610 people were evacuated."
    assert origins(text) == ["CRO", OUTLET]
