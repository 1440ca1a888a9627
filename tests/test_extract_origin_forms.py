"""Origin forms from the guide's rules (issue 22 item 3, third round), on sentences written for the test.

A speech word heading the speaker's phrase ("the report said") is no verb; an adverb between an
auxiliary and the report verb ("has so far recorded") keeps the subject the speaker; a labelled source
closing a sentence ("(Source: X)") is a closing citation (ANNOTATION.md rule 16); one body keeps one
name in a text (rule 17).
"""

from __future__ import annotations

import pytest

from claimdiff import extract
from claimdiff._extract._spellings import _acronyms

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


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        (
            "The Water Ministry said 14 wells were poisoned. The Ministry of Water said 3 more were shut.",
            "Ministry of Water",
        ),
        (
            "The Ministry of Water has sent engineers. The Water Ministry said 14 wells were poisoned.",
            "Ministry of Water",
        ),
        (
            "The Ministry of Rural Water said 14 wells were poisoned. The Rural Water Ministry said 3 were shut.",
            "Ministry of Rural Water",
        ),
    ],
)
def test_a_ministry_credited_in_two_orders_takes_the_fuller_name(text: str, origin: str) -> None:
    """ "Water Ministry" and "Ministry of Water" are one body: its fuller name, written in the text (rule 17)."""
    assert set(origins(text)) == {origin}


def test_a_ministry_named_once_keeps_its_name() -> None:
    """Nothing is expanded from outside knowledge: a name the text writes once stays as written."""
    assert origins("The Water Ministry said 14 wells were poisoned.") == ["Water Ministry"]


def test_two_ministries_stay_two() -> None:
    """The Water Ministry and the Ministry of Roads are two bodies."""
    text = "The Water Ministry said 14 wells were poisoned. The Ministry of Roads said 3 bridges were destroyed."
    assert origins(text) == ["Water Ministry", "Ministry of Roads"]


def test_an_acronym_credited_takes_the_name_the_text_spells() -> None:
    """ "CRA" after "the Coastal Rescue Authority of Velmar": the name the text spells (rule 17)."""
    text = (
        "The Coastal Rescue Authority of Velmar said 14 sailors were missing. "
        "CRA said 3 were rescued."
    )
    assert set(origins(text)) == {"Coastal Rescue Authority of Velmar"}


def test_an_acronym_of_two_names_is_left() -> None:
    """An acronym whose initials two names of the text share names no one of them: left as written."""
    text = "The Coastal Rescue Authority met the Central Roads Agency."
    assert _acronyms({"CRA"}, text) == {}
    assert _acronyms({"CRA"}, "The Coastal Rescue Authority met.") == {
        "CRA": "Coastal Rescue Authority"
    }


def test_a_body_of_the_built_in_table_keeps_the_tables_name() -> None:
    """OCHA is written as the built-in table names it, however the text spells it out."""
    text = (
        "The Office for the Coordination of Humanitarian Affairs said 14 people died. "
        "OCHA said 40 were hurt."
    )
    assert set(origins(text)) == {"OCHA"}


@pytest.mark.parametrize(
    "opening",
    [
        "Rescuers expect the toll to climb.",
        "Officials fear more bodies will be found.",
        "The mayor warned that the river could rise again.",
    ],
)
def test_an_expectation_carries_to_no_later_sentence(opening: str) -> None:
    """A speaker who only expects or fears states no figure the next sentence goes on with (C14, rule 16)."""
    assert origins(f"{opening} More than 800 workers were inside the mill.") == [OUTLET]


def test_a_figure_inside_the_expectation_is_the_speakers() -> None:
    """C14: the figure of the expecting sentence is its subject's; the next sentence is the outlet's."""
    text = (
        "Rescuers expect the toll to climb as dozens of people remain missing. "
        "More than 800 workers were inside the mill."
    )
    assert origins(text) == ["Rescuers", OUTLET]


def test_a_report_still_carries_to_the_end_of_its_paragraph() -> None:
    """Rule 16: a speaker who states a figure keeps the figures after it in the paragraph."""
    text = "The mayor said 12 people died. More than 800 workers were inside the mill."
    assert origins(text) == ["Mayor", "Mayor"]


@pytest.mark.parametrize(
    "text",
    [
        "At least 260 people were killed, based on a compilation of official figures from the Harbour Board.",
        "Based on data provided by the Harbour Board, at least 260 people died.",
    ],
)
def test_a_basis_naming_a_body_with_no_speaker_cites_it(text: str) -> None:
    """With no one speaking, "based on figures from X" names whose figures they are: X."""
    assert set(origins(text)) == {"Harbour Board"}


def test_a_speakers_basis_is_no_second_speaker() -> None:
    """C13: with a speaker, the basis names no one: the speaker's."""
    text = "The mayor said, based on data from the Harbour Board, that 260 people died."
    assert origins(text) == ["Mayor"]


def test_a_basis_naming_no_body_is_the_outlets() -> None:
    """ "Based on these reports" names no body: the outlet (annotator B)."""
    assert origins("Based on these reports, at least 260 people died.") == [OUTLET]


def test_a_person_set_off_before_a_role_is_that_roles_speaker_later() -> None:
    """'Ana Vell, the district governor, said' then 'Vell added': the same speaker (rule 17)."""
    text = "Ana Vell, the district governor, said 12 people died. Vell added that 30 were injured."
    assert origins(text) == ["District governor", "District governor"]


@pytest.mark.parametrize(
    "text",
    [
        "The toll rose to 12, head of the Harbour Rescue Administration Ana Vell reported.",
        "Head of the Harbour Rescue Administration Ana Vell said 12 people died.",
        "Director of the Harbour Rescue Administration Ana Vell said 12 people died.",
    ],
)
def test_the_head_of_a_body_named_before_a_person_is_the_body(text: str) -> None:
    """A body's head speaks for it (rule 17); the person's name closing it is no part of its name."""
    assert origins(text) == ["Harbour Rescue Administration"]


@pytest.mark.parametrize(
    "text",
    [
        "The toll rose to 12, the press service of the Harbour Rescue Administration said.",
        "The toll rose to 12, according to the press office of the Harbour Rescue Administration.",
    ],
)
def test_a_press_service_speaks_for_its_body(text: str) -> None:
    """ "the press service of X" is X, as "X's press service" is (rule 17)."""
    assert origins(text) == ["Harbour Rescue Administration"]


@pytest.mark.parametrize("verb", ["tallied", "documented"])
def test_a_tally_verb_reports(verb: str) -> None:
    """ "X tallied N", "X documented N": X reports the count."""
    assert origins(f"The Harbour Rescue Administration {verb} 1,300 displaced families.") == [
        "Harbour Rescue Administration"
    ]


def test_a_person_for_a_body_speaks_for_it_then_and_later() -> None:
    """ "Ana Vell, for the Harbour Board, said" then "noted Ms. Vell": the board both times (rule 17)."""
    text = (
        "Ana Vell, for the Harbour Board, said 45 tonnes of supplies were delivered. "
        "Since May, 6,400 people had been assisted, noted Ms. Vell."
    )
    assert origins(text) == ["Harbour Board", "Harbour Board"]


def test_a_source_in_a_named_hospital_speaks_for_it() -> None:
    """ "A source in Velmar Hospital told the agency": the hospital, the source belonging to it (rule 17)."""
    text = "A source in Velmar Hospital told the agency that the hospital received 6 bodies."
    assert origins(text) == ["Velmar Hospital"]


@pytest.mark.parametrize(
    "text",
    [
        "Velmar Post reporter in Orra said that a blast killed three civilians.",
        "The Velmar Post correspondent said that a blast killed three civilians.",
    ],
)
def test_an_outlets_reporter_is_the_outlet(text: str) -> None:
    """A named outlet's reporter speaks for it (rule 17): the outlet, where they report from no part of it."""
    assert origins(text, outlet="Velmar Post") == ["Velmar Post"]


@pytest.mark.parametrize(
    ("opening", "origin"),
    [
        (
            "Velmar's Ministry of Water notified the agency of the spill.",
            "Velmar Ministry of Water",
        ),
        (
            "The Ministry of Water of Velmar notified the agency of the spill.",
            "Ministry of Water of Velmar",
        ),
    ],
)
def test_a_ministry_takes_the_state_the_text_gives_it(opening: str, origin: str) -> None:
    """The fuller name with its state, written once in the text, names the bare "Ministry of Water" (rule 17)."""
    text = f"{opening} The Ministry of Water said 14 wells were poisoned."
    assert origins(text) == [origin]


def test_two_states_ministries_leave_a_bare_name() -> None:
    """With two states' ministries named, a bare "Ministry of Water" is said to be neither's."""
    text = (
        "Velmar's Ministry of Water and Orra's Ministry of Water met on Monday. "
        "The Ministry of Water said 14 wells were poisoned."
    )
    assert origins(text) == ["Ministry of Water"]


@pytest.mark.parametrize("holder", ["rebel-held", "army-controlled", "Orran-occupied"])
def test_who_holds_a_place_is_no_part_of_a_speakers_name(holder: str) -> None:
    """ "the Orra-appointed administrator in rebel-held Velmar": in Velmar, whoever holds it (rule 17)."""
    text = f"Four people died, the Orra-appointed administrator in {holder} Velmar said."
    assert origins(text) == ["Orra-appointed administrator in Velmar"]


def test_a_headline_credited_to_unnamed_agencies_keeps_them() -> None:
    """A headline's own attribution to "UN agencies" (several unnamed speakers, rule 18) is its origin (rule 5),
    not the one body the story credits the same figure to."""
    text = (
        "UN agencies confirm at least 14 dead in Velmar mudslide\n\n"
        "The United Nations has confirmed that the mudslide killed at least 14 people."
    )
    assert origins(text, outlet="UN Daily") == ["UN agencies", "United Nations"]


def test_a_headline_crediting_a_described_body_takes_its_name() -> None:
    """ "..., says war monitor": one body described; the story's name for it is the origin."""
    text = (
        "Fighting kills 31 in Velmar, says war monitor\n\n"
        "The Velmar Observatory for Peace said 31 people were killed in the fighting."
    )
    assert set(origins(text)) == {"Velmar Observatory for Peace"}


def test_a_speech_headed_by_its_speaker_is_theirs() -> None:
    """ "Ana Vell's opening remarks:" heads a speech: its figures are hers (C7, a heading naming one source)."""
    text = (
        "The governor held a meeting on the floods.\n\n"
        "Ana Vell's opening remarks:\n\n"
        "Good afternoon. The floods have claimed 40 lives.\n\n"
        "More than 2,000 people have been evacuated."
    )
    assert origins(text) == ["Ana Vell", "Ana Vell"]


def test_remarks_in_a_sentence_head_nothing() -> None:
    """A sentence about someone's remarks is no heading: the outlet's figures stay the outlet's."""
    text = "Ana Vell's remarks drew applause.\n\nThe floods have claimed 40 lives."
    assert origins(text) == [OUTLET]


def test_a_member_named_in_the_thing_counted_makes_no_speaker() -> None:
    """Rule 18b: "40 UNICEF schools" names whose schools are counted; the channel's own figure stays its own."""
    assert origins("At least 40 UNICEF schools have been damaged.", outlet="UN News") == ["UN News"]


def test_a_member_the_paragraph_is_about_still_speaks() -> None:
    """Rule 18b: "UNICEF is calling for calm ..." makes the paragraph's figure UNICEF's, through the channel."""
    text = "UNICEF is calling for calm. At least 40 schools have been damaged."
    assert origins(text, outlet="UN News") == ["UNICEF"]


def test_a_reporters_label_names_no_speaker() -> None:
    """ "Ana Vell reporting from Orra:" says where the outlet's reporter is; the officials speak."""
    assert origins(
        "Ana Vell reporting from Orra: At least 40 people have died, officials say."
    ) == ["Officials"]


@pytest.mark.parametrize(
    ("headline", "origin"),
    [
        ("40 dead in Orra floods - emergency service", "Emergency service"),
        ("Orra floods leave 40 dead: state media", "State media"),
    ],
)
def test_a_headline_closing_on_a_body_noun_is_its(headline: str, origin: str) -> None:
    """Rule 5: a headline's own attribution closing it after a dash or a colon, a body's noun in lower case."""
    assert origins(headline) == [origin]


@pytest.mark.parametrize(
    "heading",
    [
        "Statement by the Orra Water Authority on the dam failure",
        "Statement of the Orra Water Authority",
    ],
)
def test_a_statement_headed_by_its_author_is_theirs(heading: str) -> None:
    """C7: a heading line naming the statement's one author is the origin of the figures no one else is given."""
    text = f"{heading}\n\nThe dam failed last night.\n\nSix deaths have been confirmed so far."
    assert origins(text) == ["Orra Water Authority"]


def test_a_statement_in_a_sentence_heads_nothing() -> None:
    """A sentence mentioning a statement is no heading."""
    text = "A statement by the Orra Water Authority was read out.\n\nSix deaths have been confirmed so far."
    assert origins(text) == [OUTLET]


def test_the_foreign_ministry_is_the_ministry_of_foreign_affairs_the_text_writes() -> None:
    """ "Foreign Ministry" and "Ministry of Foreign Affairs" in one text: one body, its fuller name (rule 17)."""
    text = (
        "The Foreign Ministry said 4 citizens were killed. "
        "Later the Ministry of Foreign Affairs said 2 more were injured."
    )
    assert origins(text) == ["Ministry of Foreign Affairs", "Ministry of Foreign Affairs"]
