"""Origin rules written on outside texts (issue 22 item 3, seventh round), on sentences written for the test.

Who a figure is credited to when no speech verb stands next to it: a document that reports ("an
assessment found that"), a release line, a transcript's speaker label, reporters listed with their
figures, a sentence wrapped across lines, a definite document pointing back ("according to the
data"); and one spelling per body (an acronym of the name, "Xinhua" and "Xinhua News Agency").
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff._extract._names import shorter_spellings, spelled_more_fully
from test_extract_origin_clause import OUTLET, chains, origins


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # a document as the subject of a verb of finding or suggesting reports (annotator B's documents)
        (
            "An initial rapid assessment found that 24 health facilities were damaged.",
            "Initial rapid assessment",
        ),
        (
            "Currently assessed figures by humanitarian partners suggest 17,489 families were displaced.",
            "Humanitarian partners",
        ),
        # people find things: an action, no report
        ("Rescuers found 12 bodies in the rubble.", OUTLET),
        # a chronology's date opening the entry is no part of the speaker's name
        ("March 7--Copenhagen reports that 781,000 prisoners are interned.", "Copenhagen"),
        # an aside in brackets and a footnote mark after it are no boundary of the subject
        (
            "Since 2 October, the Ministry of Health of Kalomir (MSPP, its French acronym)2, reported 6,814 cases.",
            "Ministry of Health of Kalomir",
        ),
        # a passive's agent after "all": "reported, all by X"
        ("This week, 3 deaths were reported, all by Kalomir.", "Kalomir"),
        # the subject of a verb of expecting (ANNOTATION.md C14)
        ("Authorities expect the toll to rise as 300 people remain missing.", "Authorities"),
        # a place opening the subject, and a closing "worldwide", are no part of the name
        (
            "In the neighboring Valley Province authorities say 200 children were killed.",
            "Authorities",
        ),
        (
            "Since April, 1,093 cases have been reported by local health authorities worldwide.",
            "Local health authorities",
        ),
        # a chairman speaks for the body; said "by telephone" is how, not who
        ("Agency chairman Zafar Iqbal said 422 people had died.", "Agency"),
        (
            "Some 92 aftershocks were felt, county official Ann Lee said by telephone.",
            "County official Ann Lee",
        ),
        # "revised to N" reports: "they" is the speaker of the paragraph before
        (
            "Officials in Valley County have revised to 24 the death toll.\n\nThey said 240 people were injured.",
            "Officials",
        ),
        # a ministry the text names "X Ministry" keeps the text's spelling (rule 17)
        (
            "The Armenian Defense Ministry said 3 planes were shot down.",
            "Armenian Defense Ministry",
        ),
        # two bodies, the second one the built-in table knows: the first (rule 18c)
        (
            "According to the United Nations and World Food Programme, at least 700,000 people were affected.",
            "United Nations",
        ),
        # officials after a body's full name speak for the body (C7)
        (
            "The strikes destroyed 11 positions, Combined Joint Task Force officials reported today.",
            "Combined Joint Task Force",
        ),
        # reported to a recipient by an agent: the agent's
        (
            "Four cases were reported to WHO by the Ministry of Health of Kalomir.",
            "Ministry of Health of Kalomir",
        ),
        # a free relative coordinated after the speaker names no second body
        (
            "Some 7,500 residents remain, according to the local authorities and what they are telling us.",
            "Local authorities",
        ),
        # a participle inside a count ("29 new confirmed EVD cases") is no verb of report: the outlet's
        ("Since the last update, 29 new confirmed EVD cases were reported: 23 from Beni.", OUTLET),
        # a place's one-person office after its possessive, in lower case: the office (rule 17)
        (
            "Vahram Poghosyan, a spokesperson for Nagorno-Karabakh's president, said 3,000 soldiers were killed.",
            "President of Nagorno-Karabakh",
        ),
        ("Russia's president said 12 people were killed.", "President of Russia"),
        # an age before a person's name is no part of it
        ("13-year-old Carlos Ac said seven siblings were missing.", "Carlos Ac"),
    ],
)
def test_the_origin_a_sentence_names(text: str, origin: str) -> None:
    """Each sentence's first figure is credited to the body it names, as ANNOTATION.md writes it."""
    assert origins(text)[0] == origin


def test_unrwa_is_a_member_body_of_the_un_s_channel() -> None:
    """UN News relays UNRWA, a UN body of the built-in table, as it relays OCHA (ANNOTATION.md rule 18b)."""
    text = "UNRWA is calling for a ceasefire. A further 18 staffers have been injured."
    assert origins(text, outlet="UN News") == ["UNRWA"]
    assert origins(text) == [OUTLET]


def test_a_basis_is_no_second_speaker() -> None:
    """'X said that data showed N': X's figure, the data its basis (ANNOTATION.md C13)."""
    text = "The Coastal Relief Service said that data showed 300 homes were destroyed."
    assert origins(text) == ["Coastal Relief Service"]


def test_an_indefinite_spokesperson_after_a_body_speaks_for_it() -> None:
    """A spokeswoman quoted right after a body's spokesman speaks for that body (ANNOTATION.md E3)."""
    text = (
        "According to a spokesman for the Valley Relief Service, 97 people have died.\n\n"
        '"A further 1247 have been hospitalised," a spokeswoman commented.'
    )
    assert origins(text) == ["Valley Relief Service", "Valley Relief Service"]


def test_a_transcript_speaker_says_the_whole_turn() -> None:
    """A speaker's label opens a turn that runs over paragraphs until the next label (two speakers or more)."""
    text = (
        "Ann Lee: Good afternoon, Mr Smit.\n\n"
        "Paul Smit: Good afternoon. A blast killed 30 miners.\n\n"
        "As of 06:00, 12 people have been killed and 47 injured.\n\n"
        "Ann Lee: Thank you. We will send 54 rescuers."
    )
    assert origins(text) == ["Paul Smit"] * 3 + ["Ann Lee"]


def test_a_report_s_region_labels_are_no_transcript() -> None:
    """'Central Region: ...' and 'Eastern Region: ...' label places, not speakers: the outlet's figures."""
    text = (
        "Central Region: More than 4,000 people were displaced.\n\n"
        "Eastern Region: Some 1,127 displaced people arrived in the past week."
    )
    assert origins(text) == [OUTLET, OUTLET]


def test_a_wrapped_line_keeps_the_sentence_s_speaker() -> None:
    """A line going on with a sentence the line before left open keeps its speaker (rule 16)."""
    text = (
        "• In February, Kalomir reported its first outbreak, after the arrival of a traveller from\n"
        "Tanzania who fell ill. Overall, 132 cases have been reported."
    )
    assert origins(text) == ["Kalomir"]


def test_reporters_listed_with_their_figures_each_give_their_own() -> None:
    """'reported by A (45), B (42) and C (35)': each part its reporter's; the total no one's (F10)."""
    text = "To date, 122 deaths have been reported by Greece (45), Italy (42) and Serbia (35)."
    assert origins(text) == [OUTLET, "Greece", "Italy", "Serbia"]


def test_a_release_line_credits_the_figures_the_body_credits_to_no_one() -> None:
    """'From a X News Release' makes X the origin of every unattributed figure after it (ANNOTATION.md C7)."""
    text = (
        "Strikes Continue\n\n"
        "From a Joint Task Force Kalomir News Release\n\n"
        "Strikes in Syria\n\n"
        "In Syria, coalition forces conducted 17 strikes against ISIS targets."
    )
    assert origins(text, outlet="Defense News") == ["Joint Task Force Kalomir"]


def test_it_was_reported_names_no_one() -> None:
    """'it was reported that': the speaker of the sentences before does not reach the figure (rule 16)."""
    text = (
        "Kalomir claimed that 40 insurgents were killed. "
        "Furthermore, it was reported that 15 civilians were killed."
    )
    assert origins(text) == ["Kalomir", OUTLET]


def test_a_footnote_mark_after_a_full_stop_ends_the_sentence() -> None:
    """'... were killed.[2] Independent sources reported 39 casualties': two sentences, two speakers."""
    text = "According to Kalomir, 40 insurgents were killed.[2] Independent sources reported 39 casualties."
    assert origins(text) == ["Kalomir", "Independent sources"]


def test_one_body_one_spelling() -> None:
    """A name, its acronym and the name with its kind of body are one body, spelt as fully as the text does."""
    text = (
        "The National Disaster Management Authority said 50 more deaths were reported. "
        "NDMA chairman Zafar Iqbal said 422 people had died."
    )
    assert set(origins(text)) == {"National Disaster Management Authority"}
    text = (
        "The official Xinhua News Agency reported 94 deaths.\n\n"
        "About 226,700 people had been relocated, Xinhua said."
    )
    assert set(origins(text)) == {"Xinhua News Agency"}


def test_a_document_pointing_back_is_the_speaker_just_named() -> None:
    """'According to the data' and 'the news agency' name no new body: the speaker, or the teller, named before."""
    text = (
        "Figures released by the Valley Disaster Authority showed 223 people died. "
        "According to the data, 547,442 people were rescued."
    )
    assert origins(text) == ["Valley Disaster Authority"] * 2
    text = (
        "Ludian was the worst hit with 60 killed, according to Xinhua who cited local officials. "
        "Some 10 people were killed in Huize, the news agency added."
    )
    assert chains(text) == [
        ("[60, 60]", "Local officials", ("Xinhua", OUTLET)),
        ("[9, 11]", "Xinhua", (OUTLET,)),
    ]


def test_a_quotation_s_teller_citing_a_source_passes_it_on() -> None:
    """'"...," Xinhua reported early Monday, citing rescuers': the rescuers', through Xinhua (rule 18c)."""
    text = '"At least 367 people have been killed," the news agency Xinhua reported early Monday, citing rescuers.'
    assert chains(text) == [("[367, inf)", "Rescuers", ("Xinhua", OUTLET))]


def test_a_one_word_name_may_be_the_surname_written_first() -> None:
    """'county official Shi Zaiqing' then 'Shi': the same speaker (a surname comes first in some names)."""
    text = (
        "Some 92 aftershocks were felt, county official Shi Zaiqing said.\n\n"
        "Shi said 422 people were injured."
    )
    assert len(set(origins(text))) == 1


_WORDS = st.sampled_from(
    ["National", "Disaster", "Management", "Relief", "Emergency", "Health", "Coastal", "Valley", "Service",
     "Centre", "Authority", "Council", "Operations", "Agency"]
)  # fmt: skip


@given(words=st.lists(_WORDS, min_size=3, max_size=6))
def test_an_acronym_of_a_name_is_that_body(words: list[str]) -> None:
    """Law: the initials of a name of three capitalised words or more spell the same body, and are looked up."""
    name = " ".join(words)
    initials = "".join(w[0] for w in words)
    assert spelled_more_fully(initials, name)
    assert initials.lower() in shorter_spellings(name)


@given(
    body=st.sampled_from(
        ["The Valley Relief Service", "Officials", "The Kalomir Health Ministry", "UNICEF"]
    ),
    n=st.integers(min_value=2, max_value=9999),
    mark=st.integers(min_value=1, max_value=99),
)
def test_a_footnote_mark_changes_no_origin(body: str, n: int, mark: int) -> None:
    """Law: a footnote mark after a sentence's full stop changes no figure's origin."""
    plain = (
        f"{body} said {n:,} people were displaced. Independent sources reported {n + 1:,} deaths."
    )
    marked = plain.replace("displaced. ", f"displaced.[{mark}] ")
    assert origins(marked) == origins(plain)


def test_the_number_of_the_speakers_is_no_part_of_their_name() -> None:
    """ "The 30 EU/EEA countries reported 8,643 cases": the cases are the countries' (their number is no part of
    their name); the count of the reporting countries is a claim of its own (ANNOTATION.md rule 42), the outlet's.
    """
    assert origins("The 30 EU/EEA countries reported 8,643 cases of measles.") == [
        OUTLET,
        "EU/EEA countries",
    ]
