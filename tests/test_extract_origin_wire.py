"""Who said each figure in wire copy (issue 22 item 3), on sentences written for the test.

The subject of a speech verb is read past what the grammar sets off between it and the verb (an
adverb, a prepositional phrase, a participle), never from the verb's complement; an unnamed single
speaker is written in the plural (ANNOTATION.md rule 18); a person speaks for the body they come
from or belong to (rule 17); a quotation carried into the next paragraph keeps its speaker; and a
pointer back ("the ministry") is the body of that noun the text named last.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._extract._crediting import _without_footnotes
from claimdiff._extract._names import defined_names
from claimdiff._extract._sources import canonical_source

OUTLET = "Daily Planet"


def origins(text: str) -> list[str]:
    """The origin of every candidate of ``text``, in order."""
    return [c.claim.source.name for c in extract(text, published="2024-03-01", outlet=OUTLET)]


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # a phrase set off by commas between the subject and the verb is no subject
        ("The ministry, however, said 40 people died.", "Ministry"),
        (
            "The state government, in a letter to the federal authorities, said 400 people were affected.",
            "State government",
        ),
        ("The health agency, in a statement, said 40 people died.", "Health agency"),
        # a participle after the subject describes it
        ("Kara Holt, supervising rescue operations said 40 people died.", "Kara Holt"),
        # an indefinite description right before the verb is the subject itself
        ("The toll rose to five, a local source said.", "Local sources"),
        ("The toll rose to five, a government relief agency said.", "Government relief agency"),
        # ... and set off after a name, it describes the name
        ("The Lakeside Monitor, a volunteer group, said 40 died.", "Lakeside Monitor"),
        # after "said" a hedged figure opens the complement, never an inverted subject
        ("Dan Roe, a lawmaker from the north, said at least nine civilians died.", "Dan Roe"),
        # an adverb closing the subject is no part of the name
        ("The health ministry recently said 500 people died.", "Ministry of Health"),
        # an initialism keeps its last dot
        ("The U.N. said 40 people died.", "United Nations"),
        # a name closing the sentence after the verb, without a comma
        ("Over 300 people are marooned and 2,757 houses have been damaged said Jena.", "Jena"),
    ],
)
def test_subject_past_what_is_set_off(text: str, origin: str) -> None:
    assert set(origins(text)) == {origin}


@pytest.mark.parametrize(
    ("phrase", "body"),
    [
        ("a security source", "Security sources"),  # rule 18: one unnamed speaker, in the plural
        ("a member of the Lakeside provincial council", "Lakeside provincial council"),
        ("Abdul Karimi from the provincial council", "Provincial council"),
        (
            "statistics from the Central Emergency Operation Center",
            "Central Emergency Operation Center",
        ),
        (
            "Preliminary assessments conducted by UNDAC in collaboration with local authorities",
            "UNDAC",
        ),
        ("Lakeside Gov. Ann Lee", "Governor of Lakeside"),
        ("UN High Commissioner for Refugees Ann Lee", "UN High Commissioner for Refugees"),
        # a one-person office written out, then its holder (rule 17: the office speaks)
        ("President of Lakeland Ann Lee", "President of Lakeland"),
        ("Governor of Lakeside Region Ann Lee", "Governor of Lakeside Region"),
    ],
)
def test_whom_a_phrase_names(phrase: str, body: str) -> None:
    found = canonical_source(phrase)
    assert found is not None
    assert found.source is not None
    assert found.source.name == body


def test_a_known_body_after_a_preposition_is_no_apposition() -> None:
    found = canonical_source("the ministry together with WHO")
    assert found is not None
    assert found.source is None
    assert found.refers_to == "ministry"


def test_an_acronym_the_table_knows_keeps_its_name() -> None:
    # rule 17: "OCHA" is written OCHA however the text spells it out
    text = "The UN Office for the Coordination for Humanitarian Affairs (OCHA) said 40 people died."
    assert defined_names(text)["UN Office for the Coordination for Humanitarian Affairs"] == "OCHA"
    assert origins(text) == ["OCHA"]


def test_a_title_dot_before_a_quotations_speaker() -> None:
    text = '"Seventeen civilians were killed," Lakeside Gov. Ann Lee told reporters.'
    assert origins(text) == ["Governor of Lakeside"]


def test_amid_fears_is_a_noun_and_where_it_spoke_reaches_back() -> None:
    text = (
        "More than 250 people are reported to have been killed, amid fears that the toll could rise to "
        "over 500, OCHA said in a flash update on the disaster, issued on Thursday."
    )
    assert origins(text) == ["OCHA", "OCHA"]


def test_a_quotation_carried_into_the_next_paragraph_keeps_its_speaker() -> None:
    carried = 'The mayor said: "We have found 5 bodies.\n\n"Another 12 people are missing."'
    assert origins(carried) == ["Mayor", "Mayor"]
    closed = '"We have found 5 bodies," the mayor said.\n\n"Another 12 people are missing."'
    assert origins(closed) == ["Mayor", OUTLET]  # a new paragraph returns to the outlet (rule 16)


def test_footnote_marks_end_the_sentence_before_them() -> None:
    text = "Reuters reported that 13 people died. [5]\nA shooting in Lakeside killed 16 civilians."
    assert origins(text) == ["Reuters", OUTLET]
    assert _without_footnotes("died later. [4][5] ") == "died later."


def test_a_pointer_back_is_the_body_of_its_noun_named_last() -> None:
    text = (
        "The enclave's Ministry of Health has updated its figures, the United Nations said.\n\n"
        "The ministry said 24,686 people were identified."
    )
    assert origins(text) == ["Ministry of Health"]
    # no ministry named before: the noun's own body
    assert origins("Police said 5 died. The ministry said 40 people were hurt.") == [
        "Police",
        "Ministry",
    ]


_SPEAKERS = st.sampled_from(
    [("The ministry", "Ministry"), ("Police", "Police"), ("The Red Cross", "Red Cross")]
)
_SET_OFF = st.sampled_from(
    [
        "however",
        "in a statement",
        "on Tuesday",
        "in a letter to the governor",
        "meanwhile",
        "at a briefing",
    ]
)


@given(_SPEAKERS, _SET_OFF, st.integers(min_value=2, max_value=99_999))
def test_a_phrase_set_off_never_changes_the_speaker(
    speaker: tuple[str, str], aside: str, n: int
) -> None:
    """Law: "S, P, said N people died" has the origin of "S said N people died"."""
    subject, name = speaker
    plain = origins(f"{subject} said {n:,} people died.")
    assert plain == [name]
    assert origins(f"{subject}, {aside}, said {n:,} people died.") == plain


def test_a_verb_of_emphasis_reports() -> None:
    text = "Aid reached 3,000 people displaced by the fighting, UN agencies stressed on Tuesday."
    assert origins(text) == ["UN agencies"]


def test_a_closing_teller_passes_the_speaker_on_to_the_next_sentence() -> None:
    # "according to a Premium Times report": "report" is a noun; the officials' figures came through
    # the paper, and the sentence after goes on with the officials, not with the paper (rule 16, 18c)
    text = (
        "Health officials report five deaths in Sokoto, according to a Premium Times report. "
        "In Lagos, two deaths have been reported."
    )
    found = extract(text, published="2024-03-01", outlet=OUTLET)
    assert [c.claim.source.name for c in found] == ["Health officials", "Health officials"]
    assert all(c.claim.via[0].name == "Premium Times" for c in found)


def test_a_summary_line_names_the_texts_speaker() -> None:
    # like a release's "From a ... News Release" line (ANNOTATION.md C7)
    text = (
        "This is a summary of what was said by UNHCR spokesperson Ann Lee - to whom quoted text may be "
        "attributed - at today's press briefing in Geneva.\n\n"
        "More than 4,500 refugees have arrived in Chad.\n\n"
        "The refugees said 20 people were killed."
    )
    assert origins(text) == ["UNHCR", "Refugees"]


def test_told_and_whom_closing_the_sentence_credits_the_figures_before() -> None:
    text = "The dead included three soldiers and two militants, a Nampala official told a radio service."
    assert origins(text) == ["Nampala officials", "Nampala officials"]
    # "told reporters that M ...": the complement follows, the figure before is the outlet's
    assert origins("5 people died and the governor told reporters that 7 were hurt.") == [
        OUTLET,
        "Governor",
    ]


def test_a_rule_the_figures_meet_is_no_speaker() -> None:
    text = "Two cases, meeting laboratory criteria as per the EU case definition, were reported in Serbia."
    assert origins(text) == [OUTLET]


def test_a_speaker_described_by_its_ties_is_one_speaker() -> None:
    found = canonical_source("Sources connected to the NUG and PDF")
    assert found is not None
    assert found.source is not None
    assert found.source.name == "Sources connected to the NUG and PDF"


def test_a_word_of_report_before_of_or_in_is_a_noun() -> None:
    # "flood fear in X": no one fears; the headline's figure is the outlet's (rule 5)
    assert origins("Odisha rains: Death toll rises to 12, flood fear in Mahanadi") == [OUTLET]
