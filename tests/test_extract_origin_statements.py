"""Origin rules of issue 22's eighth round, written on ministry and military statements, wire stories and
translated state-media reports read outside the corpus; every sentence here is written for the test.

A headline closing on its source (": UN", " - Red Cross"); "the agency" pointing back to a UN or news
agency named by an acronym; a body's own assessment ("the command's initial assessment is that ...");
a passive report with its time before the agent ("was reported Sunday by X").
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff._extract._constructions import closing_tag
from claimdiff._extract._names import shorter_spellings, spelled_more_fully
from test_extract_origin_clause import OUTLET, chains, origins


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # a headline's own attribution closing it (ANNOTATION.md rule 5), after a colon or a dash
        ("Toll in the Halvard floods is at least 90: UN", "United Nations"),
        ("Storm leaves 40 dead — Red Cross", "Red Cross"),
        ("Floods kill 12 in northern district - ministry", "Ministry"),
        ("Death toll rises to four after Kalomir earthquake: Xinhua", "Xinhua"),
        # a place or a label after the dash or colon names no speaker
        ("Floods kill 12 - Mozambique", OUTLET),
        ("Key figures: 40 dead", OUTLET),
        # a sentence with a full stop is no headline: the dash opens an aside
        ("The earthquake killed 40 people - the worst in years.", OUTLET),
    ],
)
def test_a_headline_closing_on_its_source(text: str, origin: str) -> None:
    assert origins(text) == [origin]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the agency" after a UN agency or a news agency named by its acronym or name: that agency
        (
            "UNRWA said 100 people were sheltering in its schools. The agency added that 64 of its staff had died.",
            ["UNRWA", "UNRWA"],
        ),
        (
            "Xinhua said 12 people died. The news agency said 400 houses were damaged.",
            ["Xinhua", "Xinhua"],
        ),
        # a passive report with its day before the agent; the agency's description is no part of its name
        (
            (
                "The new toll was reported Sunday by Xinhua state news agency. Just under 80,000 people "
                "were affected, the news agency said."
            ),
            ["Xinhua"],
        ),
        # a governor or a ministry is no agency: the noun names its own body
        (
            "The governor said 12 people died. The agency said 400 houses were damaged.",
            ["Governor", "Agency"],
        ),
        # "The news agency" opening a sentence is no body named "The"
        ("The news agency said 400 houses were damaged.", ["News agency"]),
    ],
)
def test_the_agency_points_back_by_kind(text: str, expected: list[str]) -> None:
    assert origins(text) == expected


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # a body's own assessment, estimate or findings: the body states the figure (rule 16)
        (
            "The Halvard Defence Command's initial assessment is that the strike killed 10 militants.",
            "Halvard Defence Command",
        ),
        ("The Halvard Defence Command's estimate puts the toll at 40.", "Halvard Defence Command"),
        (
            "The Halvard Defence Command's assessment concluded the strike killed 10 militants.",
            "Halvard Defence Command",
        ),
        # the possessive's name ends at a comma: the phrase before it is another's
        (
            (
                "Working with the Kalomir Army, U.S. Halvard Command's initial assessment is that the "
                "strike killed 10 militants."
            ),
            "U.S. Halvard Command",
        ),
        # an assessment with no body named for it, in a body's own release: the release's (the outlet)
        ("Initial assessment concluded the airstrike killed one (1) terrorist.", OUTLET),
        # a meeting concludes, it reports nothing; an assessment team is no finding
        ("The talks concluded with 12 agreements signed.", None),
        ("The agency's assessment teams visited 40 villages.", OUTLET),
    ],
)
def test_a_bodys_own_assessment(text: str, origin: str | None) -> None:
    assert origins(text) == ([] if origin is None else [origin])


def test_the_command_points_back_to_a_name_with_initials() -> None:
    text = (
        "U.S. Halvard Command conducted an airstrike near Jilib.\n\n"
        '"We remain committed," said Col Ann Lee, director of public affairs.\n\n'
        "The command's initial assessment concluded this airstrike killed one terrorist."
    )
    assert chains(text, outlet="U.S. Halvard Command") == [("[1, 1]", "U.S. Halvard Command", ())]


_BODIES = st.sampled_from(["UN", "Red Cross", "Xinhua", "WHO", "OCHA", "ministry"])
_HEADLINES = st.sampled_from(
    ["Floods kill 12 in the north", "Storm leaves 40 dead", "Toll in quake rises to 300"]
)


@given(_HEADLINES, _BODIES, st.sampled_from([": ", " - ", " — ", " – "]))
def test_a_closing_tag_names_the_body_whatever_the_separator(
    headline: str, body: str, separator: str
) -> None:
    """Law: a headline closing on a body after a colon or a dash is that body's; with a full stop it is none."""
    text = headline + separator + body
    tag = closing_tag(text, 0, len(text))
    assert tag is not None
    assert tag.source is not None
    assert tag.source.name.lower() == body.lower()
    assert closing_tag(text + ".", 0, len(text) + 1) is None


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # a spokesman for a one-person office or a body the text names in lower case speaks for it (rule 17)
        (
            "Jawad Hajri, a spokesman for the provincial governor, said seven people were wounded.",
            "Provincial governor",
        ),
        (
            "Omar Zwak, the provincial governor's spokesman, said two policemen were wounded.",
            "Provincial governor",
        ),
        (
            "Ann Lee, a spokeswoman for the district police, said two people were killed.",
            "District police",
        ),
    ],
)
def test_a_spokesman_for_an_office_named_in_lower_case(text: str, origin: str) -> None:
    assert origins(text) == [origin]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an acronym the text defines after a hyphenated name: one body, one spelling (rule 17)
        (
            (
                "According to the Inter-Services Public Relations (ISPR), troops raided a compound. Three "
                "militants were killed, the ISPR said."
            ),
            ["Inter-Services Public Relations"],
        ),
        # "the military agency" after a defence ministry: that ministry (rule 16's definite nouns)
        (
            (
                "Air defences destroyed 28 drones, the Kalomir Defense Ministry said. "
                '"Overnight, air defence systems disabled 13 drones," the military agency said.'
            ),
            ["Kalomir Defense Ministry", "Kalomir Defense Ministry"],
        ),
        # a statement without an author: the body its sentence names it from, else the speaker before
        (
            (
                "In an update from Central Command on Friday, a statement said: "
                '"Central Command forces destroyed one support vehicle."'
            ),
            ["Central Command"],
        ),
        (
            "The ministry said 40 people died. A statement said 12 more were injured.",
            ["Ministry", "Ministry"],
        ),
        ("A statement said 12 people were killed.", [OUTLET]),
        # "revealed" reports
        ("The governor revealed that 1,535 houses had been destroyed.", ["Governor"]),
    ],
)
def test_one_body_named_twice_and_its_documents(text: str, expected: list[str]) -> None:
    assert origins(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where a force is is no part of its name (ANNOTATION.md G8, as "Officials in Oklahoma")
        (
            (
                "A spokesman for the Afghan police forces in western regions of the country said at least "
                "7 people were killed."
            ),
            [("[7, inf)", "Afghan police forces")],
        ),
        # "according to X as quoted by Y": X's, through Y (rule 18c)
        (
            (
                "The quake damaged 155,393 houses, according to the provincial relief headquarters as "
                "quoted by Xinhua news agency report."
            ),
            [("[155393, 155393]", "Provincial relief headquarters")],
        ),
    ],
)
def test_where_a_force_is_and_who_relayed_it(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(interval, origin) for interval, origin, _ in chains(text)] == expected


def test_as_quoted_by_puts_the_teller_on_the_way() -> None:
    text = (
        "The quake damaged 155,393 houses, according to the provincial relief headquarters as "
        "quoted by Xinhua news agency report."
    )
    assert chains(text)[0][2][0] == "Xinhua"


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # a head's title before the role noun: the body they head (rule 17)
        ("UNICEF Executive Director Ann Lee said 40 children died.", "UNICEF"),
        ("WFP Deputy Director Ann Lee said 40 people died.", "WFP"),
        # "High Commissioner", "Special Representative": an office of its own, kept whole with the person
        (
            "UN High Commissioner Ann Lee said 40 people were displaced.",
            "UN High Commissioner Ann Lee",
        ),
    ],
)
def test_a_heads_title_before_the_role(text: str, origin: str) -> None:
    assert origins(text) == [origin]


def test_according_to_the_report_points_back_to_its_author() -> None:
    text = (
        "The report, released by the Halvard Refugee Office, was published today.\n\n"
        "According to the report, 12 million people live in neighbouring countries."
    )
    assert origins(text) == ["Halvard Refugee Office"]


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # a headline takes the origin the body gives the same figure (ANNOTATION.md rule 5) ...
        ("Kalomir Quake Toll Nears 350\n\nOfficials now say 348 people were killed.", "Officials"),
        ("Floods kill at least 14\n\nOfficials said 14 people were killed.", "Officials"),
        # ... never another figure's: "over 10,000" is not "over 9000"
        (
            "Quake toll estimated at over 10,000\n\nPolice officials say the final toll will be over 9000.",
            OUTLET,
        ),
    ],
)
def test_a_headline_takes_the_origin_of_the_same_figure(text: str, origin: str) -> None:
    assert origins(text)[0] == origin


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a document "published on" a date is published, it says nothing: the update's own figures stay
        # the outlet's
        (
            (
                "Since the Halvard Epidemiological Update on Measles published on 7 August, 3,431 new cases "
                "were confirmed."
            ),
            [OUTLET],
        ),
        # "released by X. It confirms ...": X (a passive of putting out figures, and "it" pointing back)
        (
            "New figures have been released by the Kalomir Disaster Relief Agency. It confirms 126,473 dead.",
            ["Kalomir Disaster Relief Agency"],
        ),
    ],
)
def test_documents_put_out(text: str, expected: list[str]) -> None:
    assert origins(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a parenthesis after the paragraph's full stop is its closing citation (rule 16)
        (
            (
                "- A suicide bomber kills at least two people in Deraa. (Reuters)\n"
                "- 50 people are killed in eastern Kalomir after a lorry crashed. (AFP via Google)\n"
                "- Two trains crash, with 13 people killed. (BBC) (Reuters)"
            ),
            [("Reuters", (OUTLET,)), ("AFP", ("Google", OUTLET)), (OUTLET, ())],
        ),
        # a paragraph's own attribution goes on to its end, before its closing citation (rule 16)
        (
            "According to media, one person died in Kalomir. 27 routes were damaged. (ECHO, 4 Jun 2020)",
            [("Media", (OUTLET,)), ("Media", (OUTLET,))],
        ),
    ],
)
def test_a_citation_after_the_full_stop(
    text: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert [(origin, via) for _, origin, via in chains(text)] == expected


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # one body, one spelling in a text (ANNOTATION.md rule 17): an acronym with a joiner's letter ...
        (
            "The Ministry of Health said 40 people died. According to the MoH, 45 were injured.",
            "Ministry of Health",
        ),
        # ... a shorter name inside the fuller one, a kind of body closing it ...
        (
            "The Kalomir Red Crescent Society said 40 people died. The Red Crescent said 45 were injured.",
            "Kalomir Red Crescent Society",
        ),
        # ... and a definite capitalised head noun pointing back (rule 16)
        (
            (
                "The Halvard Observatory for Human Rights said 40 people died. The Observatory said 45 were "
                "injured."
            ),
            "Halvard Observatory for Human Rights",
        ),
    ],
)
def test_one_body_one_spelling(text: str, origin: str) -> None:
    assert set(origins(text)) == {origin}


@pytest.mark.parametrize(
    ("short", "long"),
    [("Red Crescent", "Local Red Crescent Society"), ("Health Ministry", "Local Health Ministry")],
)
def test_a_level_makes_another_speaker(short: str, long: str) -> None:
    assert not spelled_more_fully(short, long)


@given(
    st.lists(
        st.sampled_from(["Ministry", "Health", "Public", "Works", "Government", "Kalomir"]),
        min_size=1,
        max_size=3,
    ),
    st.lists(st.sampled_from(["Health", "Defence", "Kalomir", "Works"]), min_size=1, max_size=2),
)
def test_an_acronym_with_its_joiners_is_that_body(head: list[str], tail: list[str]) -> None:
    """Law: "MoH" spells "Ministry of Health" (its words' initials, the joiner's in small letters)."""
    name = " ".join([*head, "of", *tail])
    acronym = "".join(w[0] for w in head) + "o" + "".join(w[0] for w in tail)
    assert spelled_more_fully(acronym, name)
    assert acronym.lower() in shorter_spellings(name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the agency" after a civil body named by an authority's or a commission's name: that body
        (
            (
                "At least 60 people were killed, the National Disaster Management Authority said. "
                "Five people were injured, the agency said in a statement."
            ),
            ["National Disaster Management Authority"] * 2,
        ),
        # unnamed documents, with the article the text gives them (annotator B; rule 18)
        (
            "The joint assessment reports indicate that 412 people have lost their lives.",
            ["Joint assessment reports"],
        ),
        ("The initial reports said 30 people were missing.", ["Initial reports"]),
        # "the latest reports" points back: no one named here, the outlet
        ("The latest reports said 30 people were missing.", [OUTLET]),
    ],
)
def test_agencies_and_reports(text: str, expected: list[str]) -> None:
    assert origins(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name and its role set off before the verb: the subject; what follows the verb was said
        (
            (
                "Army Col. Ann Lee, a Halvard Army spokesman, said the two troops, and five others injured "
                "in the explosion, were evacuated."
            ),
            ["Halvard Army", "Halvard Army"],
        ),
        # the verb opening its clause after the figures keeps its subject after it
        ("Five people died in the blast, said Ann Lee, a spokeswoman for the agency.", ["Agency"]),
    ],
)
def test_a_role_set_off_before_the_verb(text: str, expected: list[str]) -> None:
    assert origins(text) == expected


def test_informed_by_a_body_of_the_cases() -> None:
    """A passive of informing names the body that reported the figures (rule 16's report verbs)."""
    text = "WHO was informed by the Kalomir Ministry of Health of 3 cases of MERS-CoV, including 1 death."
    assert origins(text) == ["Kalomir Ministry of Health"] * 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an "according to" closing a coordinated clause without a comma is that clause's only
        (
            "Twelve people died, and 40 were injured according to the ministry.",
            [OUTLET, "Ministry"],
        ),
        # set off by a comma it closes the sentence: every figure before it
        ("Twelve people died and 40 were injured, according to the ministry.", ["Ministry"] * 2),
        ("According to the ministry, twelve people died, and 40 were injured.", ["Ministry"] * 2),
    ],
)
def test_according_to_in_a_coordinated_clause(text: str, expected: list[str]) -> None:
    assert origins(text) == expected


def test_a_headline_figure_under_another_noun() -> None:
    """The headline's figure is the body's same figure even when the body names it by another noun (rule 5)."""
    text = (
        "Two More US Troops Die in Kalomir\n\n"
        "Two U.S. service members were killed Wednesday in Kalomir, military officials said."
    )
    assert origins(text) == ["Military officials", "Military officials"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a parenthesis naming whose figure it is, after the figure's noun (rule 16, a closing citation)
        ("Casualties: 2,698 dead (government figures), 270 missing", ["Government", OUTLET]),
        (
            "The quake killed 2,698 people (government figure) and injured 12,135.",
            ["Government", OUTLET],
        ),
    ],
)
def test_whose_figure_a_parenthesis_names(text: str, expected: list[str]) -> None:
    assert origins(text) == expected
