"""Who said it, by the grammar of the sentence (issue 22 item 3), on sentences written for the test.

A subject begins after a subordinator, a dash or a dateline and skips a relative clause set off by
commas; it never holds a finite verb of speech; a speech verb that is also a noun is a noun after a
determiner and a verb only for a subject that can speak; "X quoted Y as saying" is Y's through X;
"by" before a time names no agent; a time closing a name is no part of it; a report named by its
author is the author's; one-person offices, ministries and news agencies keep one name however a
text words them.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff._extract._roles import ministry_name
from claimdiff._extract._sources import canonical_source
from claimdiff._model.aliases import bodies_named
from test_extract_origin_clause import OUTLET, chains, origins


def named(phrase: str) -> str | None:
    """The name ``canonical_source`` reads out of ``phrase``, or ``None``."""
    found = canonical_source(phrase)
    return None if found is None or found.source is None else found.source.name


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # a subordinator opens the clause whose subject speaks
        (
            "The toll is expected to climb after state media said 310 people were buried.",
            "State media",
        ),
        ("Roads stayed shut because the police said 14 bridges had collapsed.", "Police"),
        # a relative clause between the subject and its verb
        (
            "The Coast Guard, which patrols the strait at night, said 12 migrants were rescued.",
            "Coast Guard",
        ),
        (
            (
                "The council in Brindlecombe, where the river burst its banks on Sunday, said 230 "
                "homes were flooded."
            ),
            "Council in Brindlecombe",
        ),
        # a dash closes a dateline that names a country
        (
            "LIMA, Peru (AP) — The Fire Brigade said 15 people were hurt in the blaze.",
            "Fire Brigade",
        ),
        # a headline in title case
        ("Officials Say Flood Toll Climbs to 64 in Northern Valleys", "Officials"),
        # a progressive speech verb
        ("Rescue teams are telling reporters that 9 climbers are still missing.", "Rescue teams"),
        # a subject that can speak before a verb that is also a plural noun
        (
            "Floods destroyed 4,000 homes across several northern states, officials said.",
            "Officials",
        ),
        # a passive announcement whose agent ends before "that"
        (
            "It was announced by the Fire Service that 23 people had been rescued from the mall.",
            "Fire Service",
        ),
        # a report named by its author
        ("According to the latest OCHA update, 3,400 families were displaced.", "OCHA"),
        ("According to the latest situation report, 3,400 families were displaced.", OUTLET),
    ],
)
def test_the_subject_of_the_clause_is_the_origin(text: str, origin: str) -> None:
    """Every figure of these sentences is credited to the speaker their grammar names."""
    assert set(origins(text)) == {origin}


def test_a_subject_never_spans_a_finite_verb_of_speech() -> None:
    """ "X said in a bulletin issued at noon": "issued" has no subject of its own; X speaks."""
    text = "The health ministry said in a bulletin issued at noon that 31 people had died."
    assert origins(text) == ["Ministry of Health"]


def test_a_speech_verb_after_a_determiner_is_a_noun() -> None:
    """ "in its first report" holds no verb: the pronoun after it points back to the officials."""
    text = (
        "Army officials announced that 40 soldiers were killed in its first report of losses. "
        "He said 12 others were wounded."
    )
    assert origins(text) == ["Army officials", "Army officials"]


def test_quoted_as_saying_is_the_quoted_speakers_through_the_quoter() -> None:
    """ "X quoted Y as saying" and "Y was quoted by X as saying" are Y's, through X; without X, Y's."""
    assert chains("Radio Kestrel quoted the mayor as saying 7 people were missing.")[0][1:] == (
        "Mayor",
        ("Radio Kestrel", OUTLET),
    )
    assert chains("The mayor was quoted by Radio Kestrel as saying 7 people were missing.")[0][
        1:
    ] == ("Mayor", ("Radio Kestrel", OUTLET))
    assert origins("The mayor was quoted as saying 7 people were missing.") == ["Mayor"]


@pytest.mark.parametrize(
    "time", ["4 p.m.", "6:30 p.m. on Sunday", "Monday", "the end of March", "midnight", "12 May"]
)
def test_by_before_a_time_names_no_agent(time: str) -> None:
    """ "figures tallied by 4 p.m.": a deadline; the figure stays the outlet's."""
    text = f"Another 52 people were injured, in figures tallied by {time}."
    assert origins(text) == [OUTLET]


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        # a time closing a name
        ("Iraq's Health Minister in November 2006", "Iraqi Ministry of Health"),
        ("the Fire Brigade in 2019", "Fire Brigade"),
        # an unnamed speaker loses the speaker's own determiner
        ("our humanitarian partners", "Humanitarian partners"),
        # a one-person office of a place
        ("Lviv Mayor Andriy Sadovyi", "Mayor of Lviv"),
        ("Taiwan's Premier William Lai", "Premier of Taiwan"),
        ("Sonora Governor Alfonso Durazo", "Governor of Sonora"),
        ("Kursk region governor Roman Starovoit", "Governor of Kursk region"),
        # a news agency beside its description
        ("the state news agency Bernama", "Bernama"),
        ("Yonhap news agency", "Yonhap"),
        # a body's own post, and a report named by its author
        ("Kyiv Mayor Vitali Klitschko's Telegram post", "Mayor of Kyiv"),
        ("the weekly OCHA report", "OCHA"),
        # the built-in table's UNRWA, however spelled (ANNOTATION.md rule 17)
        ("the UN Relief and Works Agency for Palestine Refugees in the Near East (UNRWA)", "UNRWA"),
    ],
)
def test_one_name_per_body(phrase: str, name: str) -> None:
    """Each phrase names the body under the one name the corpus writes for it."""
    assert named(phrase) == name


@pytest.mark.parametrize(
    "phrase",
    [
        "the death toll was based on incomplete figures",  # a clause, not a place's "based"
        "Deputy Governor Ann Lee",  # a rank, not a place
        "the situation report",  # a document with no author named
    ],
)
def test_not_an_office_of_a_place(phrase: str) -> None:
    """A rank before an office, or a clause with "based", is read as no office of a place."""
    name = named(phrase)
    assert name is None or " of " not in name


# Names no table, gazetteer or vocabulary knows: syllables run together, capitalised.
_SYLLABLES = ("ka", "lo", "mir", "tes", "vu", "ran", "dol", "pe", "sha", "gor")
place_names = st.lists(st.sampled_from(_SYLLABLES), min_size=2, max_size=3).map(
    lambda parts: "".join(parts).capitalize()
)
figures = st.integers(min_value=2, max_value=9_000)


@given(
    body=place_names.map(lambda p: f"{p} Relief Agency"),
    clause=st.sampled_from(
        [
            ", which runs the camps,",
            ", who visited the site on Monday,",
            ", whose teams reached the coast after the storm,",
            " — which opened an inquiry —",
        ]
    ),
    n=figures,
)
def test_a_relative_clause_between_subject_and_verb_changes_no_origin(
    body: str, clause: str, n: int
) -> None:
    """Law: setting a relative clause off between a subject and its verb leaves the origin as it was."""
    plain = f"The {body} said {n} people were displaced."
    with_clause = f"The {body}{clause} said {n} people were displaced."
    assert origins(with_clause) == origins(plain) == [body]


@given(
    subordinator=st.sampled_from(
        ["after", "before", "because", "although", "since", "while", "as", "until"]
    ),
    body=place_names.map(lambda p: f"{p} Relief Agency"),
    n=figures,
)
def test_the_speaker_follows_the_subordinator(subordinator: str, body: str, n: int) -> None:
    """Law: in "... SUBORDINATOR the BODY said N ...", the body is the origin of N."""
    text = f"Aid flights resumed {subordinator} the {body} said {n} people were stranded."
    assert origins(text) == [body]


@given(
    place=place_names,
    office=st.sampled_from(["Governor", "Mayor", "Premier", "President", "Prime Minister"]),
    person=st.tuples(place_names, place_names).map(" ".join),
)
def test_a_place_office_is_that_office_of_the_place(place: str, office: str, person: str) -> None:
    """Law: "PLACE OFFICE Person Name", "PLACE's OFFICE" and "PLACE OFFICE" are "OFFICE of PLACE"."""
    assert (
        named(f"{place} {office} {person}")
        == named(f"{place}'s {office} {person}")
        == named(f"{place} {office}")
        == f"{office} of {place}"
    )


@given(place=place_names, field=st.sampled_from(["health", "defence", "interior", "education"]))
def test_a_ministry_has_one_name_however_its_place_is_written(place: str, field: str) -> None:
    """Law: "PLACE's FIELD ministry", "the FIELD ministry in PLACE", "the Ministry of FIELD in PLACE"
    and "the FIELD ministry in X-run PLACE" are one name, the place's as written."""
    names = {
        named(f"{place}'s {field} ministry"),
        named(f"the {field} ministry in {place}"),
        named(f"the Ministry of {field.title()} in {place}"),
        named(f"the {field} ministry in Vukor-run {place}"),
    }
    assert len(names) == 1
    (name,) = names
    assert name is not None
    assert name.startswith(f"{place} Ministry of ")
    assert ministry_name(f"{field} ministry", f"{field} ministry") == name.replace(f"{place} ", "")


def test_a_role_in_apposition_ends_where_the_venue_begins() -> None:
    """'"...," said Ann Lee, spokesperson for OCHA at a briefing in Geneva': OCHA's words."""
    text = (
        '"Across the country, 3,800 people have been affected," said Ann Lee, spokesperson for the '
        "UN Office for the Coordination of Humanitarian Affairs (OCHA) at a briefing in Geneva."
    )
    assert origins(text) == ["OCHA"]


def test_a_person_named_with_their_role_is_their_body_when_named_again() -> None:
    """ "Ann Lee, spokesperson for UNHCR, said" makes "Ms. Lee added" UNHCR's too."""
    text = (
        "Ann Lee, spokesperson for the UN Refugee Agency (UNHCR) said that 125 refugees were "
        "affected.\n\nMs. Lee added that 15 people had died."
    )
    assert origins(text) == ["UNHCR", "UNHCR"]


def test_a_document_issued_by_a_body_is_the_bodys() -> None:
    """ "According to an update issued by the office" points back to the office named before."""
    text = (
        "The team was activated, the office of the Resident Coordinator in the country has said.\n\n"
        "According to an update issued by the office, at least 66 people have been killed."
    )
    assert origins(text) == ["Office of the Resident Coordinator"]


def test_claiming_lives_is_no_speech() -> None:
    """ "floods have claimed 604 lives, ..., the agency reported": the agency reports, the floods do not."""
    text = (
        "Floods across three provinces on Kalomir Island have claimed 604 lives, with 464 people "
        "still missing, the Disaster Management Agency reported on Monday."
    )
    assert set(origins(text)) == {"Disaster Management Agency"}


def test_a_long_role_before_a_name_is_the_body() -> None:
    """ "a spokesman for the police forces in the west Abdul Ahmadi said": the police forces."""
    text = (
        "In the meantime a spokesman for the Kalomir police forces in western regions of the country "
        "Abdul Rauf Ahmadi said at least 7 people died."
    )
    # where the forces are is no part of their name (ANNOTATION.md G8: "Officials in Oklahoma" is `Officials`)
    assert origins(text) == ["Kalomir police forces"]


def test_the_press_opening_a_sentence_passes_on_the_speaker_closing_it() -> None:
    """ "According to TASS, one died, Mayor Ann Lee said": the mayor's, through TASS (rule 18c)."""
    text = (
        "According to TASS, one person was killed and two were injured, Kalomir Mayor Ann Lee said."
    )
    assert {(o, v) for _, o, v in chains(text)} == {("Mayor of Kalomir", ("TASS", OUTLET))}
    # the press closing it is the teller: the body opening it states the figure
    text = "According to the Fire Service, one person was killed, TASS reported."
    assert {(o, v) for _, o, v in chains(text)} == {("Fire Service", ("TASS", OUTLET))}


def test_a_time_set_off_between_subject_and_verb_is_no_subject() -> None:
    """ "The Kalomir army, on Tuesday, said ..., Anadolu Agency reports": the army's, via the agency."""
    text = (
        "The Kalomir army, on Tuesday, said two of its soldiers were killed in battles in the north, "
        "Anadolu Agency reports."
    )
    assert chains(text)[0][1:] == ("Kalomir army", ("Anadolu Agency", OUTLET))


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("the Russian emergencies ministry's press service", "Russian Ministry of Emergencies"),
        ("Palestinian Health Ministry spokesman Ashraf al-Kidra", "Palestinian Health Ministry"),
    ],
)
def test_a_bodys_voice_is_the_body(phrase: str, name: str) -> None:
    """A press service, or a spokesman with a particle in his name, speaks for the body."""
    assert named(phrase) == name


def test_an_acronym_of_another_language_names_the_body_it_follows() -> None:
    """ "the Disaster Management Agency (BNPB)": BNPB is that agency, whatever its letters stand for."""
    text = (
        "The Kalomir Disaster Management Agency (BNPB) said 12 people died.\n\n"
        "BNPB said 30 houses were damaged."
    )
    assert origins(text) == ["Kalomir Disaster Management Agency"] * 2


def test_a_name_closing_with_its_state_is_the_fuller_spelling() -> None:
    """ "Ministry of Health" then "Ministry of Health of the Republic of Kalomir": one body, the fuller name."""
    text = (
        "Seven cases were notified by the country's Ministry of Health.\n\n"
        "WHO was notified by the Ministry of Health of the Republic of Kalomir of two confirmed cases."
    )
    assert origins(text) == ["Ministry of Health of the Republic of Kalomir"] * 2


@given(
    head=st.sampled_from(["Agency", "Authority", "Council", "Directorate"]),
    place=place_names,
    acronym=st.text(alphabet="BCDFGHJKLMNPQRSTVWXZ", min_size=3, max_size=5).filter(
        lambda a: not bodies_named(a)  # a body the built-in table knows keeps its own name
    ),
    n=figures,
)
def test_a_defined_acronym_is_one_body_with_its_name(
    head: str, place: str, acronym: str, n: int
) -> None:
    """Law: a body named in full with an acronym in brackets, then by the acronym, is one origin."""
    text = (
        f"The {place} Emergency {head} ({acronym}) said {n} people were displaced.\n\n"
        f"{acronym} said {n + 1} homes were damaged."
    )
    assert origins(text) == [f"{place} Emergency {head}"] * 2


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # a body's name and a colon opening a headline
        ("OCHA: 40 people killed in Kalomir floods", "OCHA"),
        ("Police: three dead after Kalomir blast", "Police"),
        # a place or a label before the colon is no speaker
        ("GENEVA: Forty people died in the floods.", OUTLET),
        ("Highlights: 40 people died in the floods.", OUTLET),
        ("Government response: 40 rescue teams were deployed.", OUTLET),
        # "per" before a body's name
        (
            "Forty people died in the floods, per the Kalomir Disaster Agency.",
            "Kalomir Disaster Agency",
        ),
    ],
)
def test_a_headline_opener_and_per_name_the_speaker(text: str, origin: str) -> None:
    """ "OCHA: 40 killed" and "..., per the agency" credit the body; "GENEVA:" credits no one."""
    assert origins(text) == [origin]


def test_the_speaker_of_a_complement_clause_is_the_origin_through_the_teller() -> None:
    """ "Reuters reported that the ministry said N": the ministry's, via Reuters (rule 18c)."""
    text = "Reuters reported that the Kalomir Health Ministry said 40 people died."
    assert chains(text)[0][1:] == ("Kalomir Health Ministry", ("Reuters", OUTLET))
    text = (
        "Ria Novosti reports the Kalomir defence ministry has given an update claiming 1,351 "
        "soldiers have been killed."
    )
    assert chains(text)[0][1:] == ("Kalomir Ministry of Defence", ("Ria Novosti", OUTLET))


def test_a_subject_begins_after_a_figures_clause() -> None:
    """ "N died and the governor said M were hurt": M is the governor's, never "N died"'s."""
    text = "Five people died and the Kalomir governor said 3 were hurt."
    assert origins(text) == [OUTLET, "Kalomir governor"]
    text = "The ministry said 5 died and the Kalomir governor said 3 were hurt."
    assert origins(text) == ["Ministry", "Kalomir governor"]


def test_an_article_quoting_a_body_as_saying_is_the_bodys() -> None:
    """ "published an article quoting the ministry as saying N": the ministry states N."""
    text = (
        "Kalomir Pravda published an article quoting the Kalomir defence ministry as saying 9,861 "
        "servicemen had been killed."
    )
    assert origins(text) == ["Kalomir Ministry of Defence"]


def test_a_pronoun_points_to_the_speaker_named_earlier_in_its_sentence() -> None:
    """ "OHCHR said that it had recorded N": "it" is OHCHR, not the speaker of the paragraph before."""
    text = (
        "The UN said on Monday that the toll reached 2,072.\n\n"
        "The Office of the UN High Commissioner for Human Rights (OHCHR) said that since Feb. 24, it "
        "had recorded 4,890 civilian casualties."
    )
    assert origins(text) == ["United Nations", "OHCHR"]


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # a rank before the role; any other word is the body's
        ("UN human rights spokesman Rupert Colville said 262 people were killed.", "OHCHR"),
        ("UNICEF senior spokesperson Ann Lee said 40 children were killed.", "UNICEF"),
        # unnamed speakers written as the text's noun (ANNOTATION.md rule 18)
        ("Sources say some 10,948 people have been wounded.", "Sources"),
        ("Witnesses said 40 people died.", "Witnesses"),
    ],
)
def test_speakers_by_role_and_unnamed_speakers(text: str, origin: str) -> None:
    """A spokesman is his body; unnamed sources and witnesses are speakers of their own."""
    assert origins(text) == [origin]


@pytest.mark.parametrize(
    ("text", "origin", "via"),
    [
        # "according to X, citing Y": Y through X (rule 18c)
        ("According to Reuters, citing police, 12 people died.", "Police", ("Reuters", OUTLET)),
        # a passive's agent and the outlet it spoke to
        (
            "The toll of 40 was confirmed by the Kalomir Health Ministry to AFP.",
            "Kalomir Health Ministry",
            ("AFP", OUTLET),
        ),
        # a statement by a minister is the ministry's; "cited by" passes figures on, it authors none
        (
            "A statement by the Kalomir Health Minister said 40 people died.",
            "Kalomir Ministry of Health",
            (OUTLET,),
        ),
        (
            "The Kalomir Health Ministry's figures, cited by Reuters, show 40 people died.",
            "Kalomir Health Ministry",
            (OUTLET,),
        ),
    ],
)
def test_two_bodies_in_one_sentence(text: str, origin: str, via: tuple[str, ...]) -> None:
    """The grammar says which body states the figure and which passed it on."""
    assert chains(text)[0][1:] == (origin, via)


def test_a_pointer_that_cites_gives_the_cited_body() -> None:
    """ "The ministry said, citing hospital officials, that N": the officials state N."""
    text = (
        "The Kalomir Health Ministry said 40 people died.\n\n"
        "The ministry said, citing hospital officials, that 12 more were injured."
    )
    assert origins(text) == ["Kalomir Health Ministry", "Hospital officials"]


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("The government's death toll currently is 715.", "Government"),
        (
            "The Kalomir Health Ministry's latest tally stands at 40 dead.",
            "Kalomir Health Ministry",
        ),
        ("Figures show the government's toll at 715.", "Government"),
        # a place's or an event's toll has no owner who speaks
        ("Kalomir's death toll rose to 300.", OUTLET),
        ("The quake's death toll rose to 300.", OUTLET),
    ],
)
def test_a_bodys_own_toll_is_the_bodys(text: str, origin: str) -> None:
    """ "the government's death toll is N": the possessive is the toll's owner, when it is a body."""
    assert origins(text) == [origin]


def test_a_quantifier_before_a_speech_noun_makes_it_a_noun() -> None:
    """ "as more reports come in" holds no speaker: the figures keep the officials' attribution."""
    text = (
        "According to state officials, the quake caused 69,180 deaths, but these figures may "
        "increase as more reports come in."
    )
    assert chains(text)[0][1:] == ("State officials", (OUTLET,))


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # a plural noun after a nationality or place adjective is no verb
        (
            "The earthquake caused damage in the Mexican states of Puebla, killing 370 people.",
            OUTLET,
        ),
        # an infinitive is no finite verb: "unable to say", "continues to report"
        (
            "While unable to say how many were affected, the official noted that 11 homes were destroyed.",
            "Officials",
        ),
        ("The Ouest Department continues to report 368 suspected cases.", OUTLET),
        # "fear" after "out of" is a noun
        (
            "About 200 workers who left their villages out of fear arrived; over 4,000 people fled.",
            OUTLET,
        ),
        # a word in brackets is no citation
        ("Type: dip-slip (normal). 370 people were killed.", OUTLET),
    ],
)
def test_words_that_look_like_speech_are_not(text: str, origin: str) -> None:
    """Nouns, infinitives and bracketed words that look like speech name no speaker."""
    assert set(origins(text)) == {origin}


def test_told_never_inverts_and_a_participle_goes_on_with_its_speaker() -> None:
    """ "X, the officer, told IRIN": X speaks, IRIN listens; "According to X, ..., saying": X goes on."""
    text = (
        '"At the moment, 38 people are missing," Ann Lee, the liaison officer for the United Nations, '
        "told IRIN from the western city of Osh."
    )
    assert all("IRIN" not in origin for origin in origins(text))
    text = "According to the Kalomir Red Cross, rescuers had recovered 17 bodies, saying that 16 families fled."
    assert set(origins(text)) == {"Kalomir Red Cross"}
