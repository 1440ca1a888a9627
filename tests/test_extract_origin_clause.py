"""Attribution by clause (issue 22 item 3), on sentences written for the test.

The origin is the subject of a speech or report verb, the object of "according to", or the body a
person speaks for; a pointer back ("the minister", "the observatory", "the article") is the speaker
it fits; one body keeps one spelling within a text; an outlet quoting a body is via, and so is a
teller closing the sentence; an organisation's own channel relays its member bodies only.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff import extract
from claimdiff._extract._sources import member_named, spelled_more_fully
from claimdiff._model.claim import Source

OUTLET = "Daily Planet"


def chains(text: str, outlet: str = OUTLET) -> list[tuple[str, str, tuple[str, ...]]]:
    """(interval, origin, via) of every candidate of ``text``."""
    return [
        (
            c.claim.estimate.interval_text(),
            c.claim.source.name,
            tuple(v.name for v in c.claim.via),
        )
        for c in extract(text, published="2024-03-01", outlet=outlet)
    ]


def origins(text: str, outlet: str = OUTLET) -> list[str]:
    """The origin of every candidate of ``text``, in order."""
    return [origin for _, origin, _ in chains(text, outlet)]


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # a person introduced with their body, named again by surname
        (
            (
                "Health Minister Ana Ruiz said on Monday that the storm had killed 30 people.\n\n"
                "Ruiz said 12 more people were missing."
            ),
            "Ministry of Health",
        ),
        # introduced in apposition after "according to"
        (
            (
                "According to Paul Smit, a spokesman for the Coastal Relief Service, 40 homes burned.\n\n"
                "Smit said 9 people were injured."
            ),
            "Coastal Relief Service",
        ),
        # the role named after the name, then the name alone
        (
            (
                "The head of the National Flood Agency, Mara Olsen, said 17 villages were flooded.\n\n"
                "Olsen said 3 people drowned."
            ),
            "National Flood Agency",
        ),
    ],
)
def test_a_person_named_with_a_body_stays_that_body(text: str, origin: str) -> None:
    """Every figure of a person introduced as speaking for a body is the body's (rule 17)."""
    assert set(origins(text)) == {origin}


def test_a_pointer_back_takes_the_speaker_it_fits() -> None:
    """'the minister' after another speaker is the ministry named before; 'the official' any body."""
    text = (
        "Health Minister Ana Ruiz said 30 people were killed.\n\n"
        "Police chief Tom Hale said officers were on the scene.\n\n"
        "The minister said 12 people were missing."
    )
    assert origins(text) == ["Ministry of Health", "Ministry of Health"]
    text = "The Coastal Relief Service said 40 homes were destroyed.\n\nThe official said 9 people were hurt."
    assert origins(text) == ["Coastal Relief Service", "Coastal Relief Service"]


@pytest.mark.parametrize(
    "pointer", ["The observatory said", "The two observatory officials said", "The article says"]
)
def test_a_definite_noun_naming_no_new_body_points_back(pointer: str) -> None:
    """A definite common noun fitting the speaker just named is that speaker (rule 16)."""
    text = (
        "The Valley Observatory for Human Rights said 19 fighters were killed.\n\n"
        f"{pointer} 7 civilians were wounded."
    )
    assert origins(text) == ["Valley Observatory for Human Rights"] * 2


def test_a_definite_noun_naming_a_new_body_is_that_body() -> None:
    """'the health ministry' after a defence ministry is another body, not a pointer."""
    text = (
        "Russia's defence ministry said 12 drones were destroyed.\n\n"
        "The health ministry said 4 people were injured."
    )
    assert origins(text) == ["Russian Ministry of Defence", "Ministry of Health"]


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("The country's health ministry said 34 people died.", "Ministry of Health"),
        (
            "An official from the National Emergency Operations Centre said 70 people died.",
            "National Emergency Operations Centre",
        ),
        ("Deputy Health Minister Ivo Berg said 66 people were injured.", "Ministry of Health"),
        ("The UN humanitarian agency (OCHA) said 23 people were killed.", "OCHA"),
        ("The United Nations humanitarian affairs agency OCHA said 23 people died.", "OCHA"),
        ("KABUL - The head of the Emergency Office said 12 people died.", "Emergency Office"),
        ("OCHA and the Red Cross said 40 people were displaced.", "OCHA"),
    ],
)
def test_the_body_a_subject_names(text: str, origin: str) -> None:
    """A place's possessive, a dateline or a description is no part of the body's name."""
    assert origins(text) == [origin]


def test_a_body_a_person_works_for_is_read_after_its_name_too() -> None:
    """'the centre's duty officer' is the centre just named."""
    text = (
        "An official from the National Emergency Operations Centre said 70 people died.\n\n"
        "More than 140 people were injured, the centre's duty officer said."
    )
    assert set(origins(text)) == {"National Emergency Operations Centre"}


def test_an_inverted_speaker_after_a_list_is_the_speaker_not_the_list() -> None:
    """'..., said X': the subject follows the verb; the list before the comma names no one."""
    text = (
        "The team delivered 1,100 tons of food, blankets and tents, said Jan Berg, "
        "spokesman for the Coastal Relief Service."
    )
    assert origins(text) == ["Coastal Relief Service"]


def test_a_body_cited_by_an_agent_is_the_origin_the_agent_via() -> None:
    """'reported by X with reference to Y': Y, through X (rule 16: "media reports citing X")."""
    text = (
        "This was reported by Reuters with reference to local authorities: 622 people were killed."
    )
    assert chains(text) == [("[622, 622]", "Local authorities", ("Reuters", OUTLET))]


def test_a_teller_closing_the_sentence_is_via() -> None:
    """'X said ..., Y reported': X's figure, passed on by Y."""
    text = (
        "OCHA said on Wednesday that 410 people have been displaced, Xinhua news agency reported."
    )
    assert chains(text) == [("[410, 410]", "OCHA", ("Xinhua", OUTLET))]


@given(
    body=st.sampled_from(
        ["OCHA", "The Coastal Relief Service", "Officials", "Russia's defence ministry"]
    ),
    teller=st.sampled_from(["Reuters", "the Xinhua news agency", "local media"]),
    n=st.integers(min_value=2, max_value=9999),
)
def test_a_closing_teller_never_changes_the_origin(body: str, teller: str, n: int) -> None:
    """Law: appending ', T reported' to an attributed sentence keeps its origin and adds T to via."""
    plain = f"{body} said {n:,} people were displaced."
    told = f"{body} said {n:,} people were displaced, {teller} reported."
    before, after = chains(plain), chains(told)
    assert [o for _, o, _ in after] == [o for _, o, _ in before]
    assert all(len(v2) == len(v1) + 1 for (_, _, v1), (_, _, v2) in zip(before, after, strict=True))


def test_one_body_one_spelling_within_a_text() -> None:
    """The fuller spelling a text gives a body is its name throughout (rule 17)."""
    text = (
        "Iran's health minister says the toll has risen.\n\n"
        "Health Minister Ana Ruiz said 306 people were killed."
    )
    assert origins(text) == ["Iranian Ministry of Health"]
    text = (
        "The Health Ministry said 20 people were injured.\n\n"
        "The Gaza Health Ministry said 35 people were killed."
    )
    assert origins(text) == ["Gaza Ministry of Health", "Gaza Ministry of Health"]


def test_a_level_word_makes_another_speaker() -> None:
    """'Local officials' and 'Officials' are two speakers (rule 18): no spelling is merged."""
    assert not spelled_more_fully("Health Ministry", "Local Health Ministry")
    assert not spelled_more_fully("Officials", "Afghan Officials")
    assert spelled_more_fully("Ministry of Health", "Iraqi Ministry of Health")


def test_an_organisations_channel_relays_its_member_bodies_only() -> None:
    """The UN's channel: a paragraph about UNHCR gives UNHCR; about the ICRC (no member) the outlet."""
    unhcr = "UNHCR is calling for calm. Some 4,000 people have fled across the border."
    icrc = "The ICRC is calling for calm. Some 4,000 people have fled across the border."
    assert origins(unhcr, outlet="UN News") == ["UNHCR"]
    assert origins(icrc, outlet="UN News") == ["UN News"]
    assert origins(unhcr, outlet=OUTLET) == [OUTLET]
    found = member_named(Source("U.N. News Service"), unhcr, 0, len(unhcr))
    assert found is not None
    assert found.source is not None
    assert found.source.name == "UNHCR"


@pytest.mark.parametrize(
    "text",
    [
        "The floods put 300 people at risk.",
        "The city recorded 40 cases last week.",
        "Satellite images show 120 buildings destroyed.",
        "Data by province show 40 deaths.",
        "A report on the attack said 30 people were killed.",
    ],
)
def test_a_thing_doing_a_report_verb_is_no_speaker(text: str) -> None:
    """A report verb that is an action verb too credits no thing; a breakdown 'by' names no author."""
    assert set(origins(text)) == {OUTLET}


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("The ministry recorded 40 cases last week.", "Ministry"),
        ("Verified reports indicate that 40 houses were destroyed.", "Verified reports"),
        (
            "Media and civil organisations are putting the death toll at 200.",
            "Media and civil organisations",
        ),
        (
            "Reports from different organizations indicate 200 people died.",
            "Reports from different organizations",
        ),
        ("Heavy rain hit the area. 88 people died (government confirmed figure).", "Government"),
    ],
)
def test_speakers_of_report_verbs(text: str, origin: str) -> None:
    """Bodies, unnamed reports and compound unnamed speakers report (rule 18); a closing
    '(X figure)' credits its sentence."""
    assert origins(text) == [origin]


def test_a_closing_citation_covers_its_sentence_only() -> None:
    """'(government confirmed figure)' closes one sentence; the next returns to the outlet."""
    text = "88 people died (government confirmed figure). Another 20 people are missing."
    assert origins(text) == ["Government", OUTLET]


def test_a_sided_military_noun_points_to_that_sides_body() -> None:
    """'The Russian military' after a governor is Russia's defence ministry named before (rule 27);
    'the regional governor' is the governor named before; a sided name never named before is itself."""
    text = (
        "Governor Ivan Petrov said 3 people were injured.\n\n"
        "Russia's defence ministry said 12 drones were destroyed overnight.\n\n"
        "The regional governor said 2 more people died.\n\n"
        "The Russian military said 5 more drones were downed.\n\n"
        "The Ukrainian Navy said 4 sailors were injured."
    )
    got = origins(text)
    assert got[1] == got[3] == "Russian Ministry of Defence"
    assert got[2] == got[0]
    assert got[4] == "Ukrainian Navy"


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        (
            (
                "Officials with the Government of Chubut are reporting an outbreak. "
                "According to the latest numbers, 24 cases have been reported."
            ),
            "Government of Chubut",
        ),
        (
            (
                "On 31 May, the State Ministry of Health of the Red Sea State in Sudan reported four "
                "suspected cases."
            ),
            "State Ministry of Health of the Red Sea State",
        ),
        (
            (
                "On 8 May, WHO was notified by the Ministry of Health of the Republic of Utopia of two "
                "confirmed cases."
            ),
            "Ministry of Health of the Republic of Utopia",
        ),
        (
            "Bryansk Region Governor Alexander Bogomaz said there were no casualties.",
            "Governor of Bryansk region",
        ),
    ],
)
def test_long_names_and_the_place_a_body_sits_in(text: str, origin: str) -> None:
    """A long proper name is a name; where the body sits and what it reported are not part of it."""
    assert origins(text) == [origin]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The blast killed 10 people, and officials said the toll could rise to 30.",
            [OUTLET, "Officials"],
        ),
        (
            "As of Monday, 45 people had died; the ministry said 12 children were injured.",
            [OUTLET, "Ministry"],
        ),
        ("Twenty people died and 30 were injured, the ministry said.", ["Ministry", "Ministry"]),
        (
            "45 people died, the ministry said on Telegram, adding that 12 children were hurt.",
            ["Ministry"] * 2,
        ),
    ],
)
def test_an_attribution_reaches_back_only_when_its_verb_closes_the_clause(
    text: str, expected: list[str]
) -> None:
    """'N died, X said' credits N to X; 'N died and X said M ...' credits M only (X's complement)."""
    assert origins(text) == expected


def test_according_to_a_teller_closing_the_sentence_is_via() -> None:
    """'X said N ..., according to TASS': X's figure through TASS; 'According to TASS, N' is TASS's."""
    said = "The Coastal Relief Service said 12 homes were destroyed, according to TASS."
    assert chains(said) == [("[12, 12]", "Coastal Relief Service", ("TASS", OUTLET))]
    quoted = '"Twelve homes were destroyed," the Coastal Relief Service said, according to TASS.'
    assert chains(quoted) == [("[12, 12]", "Coastal Relief Service", ("TASS", OUTLET))]
    assert origins("According to TASS, 12 homes were destroyed.") == ["TASS"]


def test_a_headline_describing_its_speaker_is_the_body_the_story_names() -> None:
    """'..., says Syrian war monitor' is the monitor the story names for the same figure (rule 5, 17);
    an unnamed group of people ('local officials say') stays a speaker of its own (rule 18)."""
    story = (
        "Strikes kill 19 fighters, says {who}\n\n"
        "Strikes killed 19 fighters on Saturday, the Valley Observatory for Human Rights said."
    )
    assert (
        origins(story.format(who="Syrian war monitor"))
        == ["Valley Observatory for Human Rights"] * 2
    )
    assert origins(story.format(who="local officials")) == [
        "Local officials",
        "Valley Observatory for Human Rights",
    ]


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        ("The ministry confirmed to AFP that 20 people died.", ("Ministry", ("AFP", OUTLET))),
        ("20 people were reported to be missing.", (OUTLET, ())),
        ("The man was said to have killed 3 people.", (OUTLET, ())),
    ],
)
def test_speaking_to_an_outlet_is_via_it(text: str, chain: tuple[str, tuple[str, ...]]) -> None:
    """'confirmed to AFP' passes through AFP; 'reported to be', 'said to have' state nothing."""
    assert [(o, v) for _, o, v in chains(text)] == [chain]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb opens its clause and its subject, a document, follows: the report's author
        (
            (
                "At least 111 people were killed, the Valley News Agency reported.\n\n"
                "The quake killed 100 people in the north, damaging roads and bridges, said the report."
            ),
            ["Valley News Agency", "Valley News Agency"],
        ),
        # an apposition closing before the verb: the subject before it
        (
            "Ann Berg, the regional governor of Kharkiv, said the blasts damaged nearly 50 houses.",
            ["Governor of Kharkiv region"],
        ),
        # one subject, two verbs
        (
            "Officials put the toll at two and said 422 people were injured.",
            ["Officials", "Officials"],
        ),
        # an agent pointing back, a level naming another body
        (
            (
                "Three people died, the local government said.\n\n"
                "Three people were killed, according to the county government."
            ),
            ["Local government", "County government"],
        ),
        # an adjective before the name, a participle after it
        ("The official Valley News Agency put the toll at 600.", ["Valley News Agency"]),
        (
            (
                "An official from the Valley Seismological Bureau interviewed at the site said "
                "120,000 people had been affected."
            ),
            ["Valley Seismological Bureau"],
        ),
    ],
)
def test_the_subject_of_a_clause(text: str, expected: list[str]) -> None:
    """Which words of a sentence are its speaker: after an opening verb, before an apposition, one
    subject for two verbs; never the words of the clause the speaker reports."""
    assert origins(text) == expected


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        (
            "Nine soldiers were killed north of the city, regional officials tell VOA.",
            "Regional officials",
        ),
        ("Officials now fear almost all of the 1,800 residents died.", "Officials"),
        (
            "The Valley Ministry of Health issued a statement saying the attack killed at least nine people.",
            "Valley Ministry of Health",
        ),
        (
            (
                "Ann Berg, the governor of the Kharkiv region located along the border, said the attack "
                "damaged more than 20 buildings."
            ),
            "Governor of Kharkiv region",
        ),
        ("No new confirmed or probable cases have been reported since 9 cases in May.", OUTLET),
    ],
)
def test_more_speech(text: str, origin: str) -> None:
    """Present and stance verbs speak; a participle 'saying' has the subject of the verb before it;
    where a body is located is no part of it; 'confirmed or probable cases' is an adjective."""
    assert set(origins(text)) == {origin}


def test_a_source_line_closing_a_section_credits_its_unattributed_figures() -> None:
    """'Source: X Report #3' closes the section since the heading before it (wt-annot2's settlement)."""
    text = (
        "A. Affected Population\n\n"
        "A total of 797 persons were affected in 12 villages.\n\n"
        "Officials said 40 houses were damaged.\n\n"
        "Source: Valley Relief Office Report #3, 18 January 2018\n\n"
        "B. Casualties\n\n"
        "Five people were killed."
    )
    assert chains(text) == [
        ("[797, 797]", "Valley Relief Office", (OUTLET,)),
        ("[40, 40]", "Officials", (OUTLET,)),
        ("[5, 5]", OUTLET, ()),
    ]
    several = text.replace("Valley Relief Office Report #3", "Valley Relief Office, Hill Agency")
    assert origins(several)[0] == OUTLET


def test_a_next_sentence_saying_whose_the_figures_are() -> None:
    """'... 325 damaged. That is according to information from local authorities.' credits that sentence."""
    text = (
        "The quake hit the north. 224 buildings were destroyed in 17 districts. "
        "That is according to initial information we are getting from local authorities."
    )
    assert origins(text) == ["Local authorities"]


def test_a_governor_of_a_neighbouring_region() -> None:
    """'the governor of the neighboring Kursk region' is the governor of that region."""
    text = "The governor of the neighboring Kursk region said three drones were shot down."
    assert origins(text) == ["Governor of Kursk region"]
