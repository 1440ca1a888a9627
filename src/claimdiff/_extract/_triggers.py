"""Words in a text and the metric they report: "killed", "shot down", "lost their lives", "swept away".

One table (:data:`TRIGGERS`), read by the metric rules (:mod:`claimdiff._extract._metrics`), the noun
phrase, place and list readers. Names go through the vocabulary, so a word ends up as whatever metric
the vocabulary files its name under.

>>> TRIGGERS["lost their lives"], TRIGGERS["swept away"]
('killed', 'razed')
"""

from __future__ import annotations

__all__ = ["TRIGGERS"]

#: Words in the text -> the metric they report. Names go through the vocabulary, so
#: "destroyed" and "shot down" end up as whatever metric the vocabulary files them under.
TRIGGERS: dict[str, str] = {
    **dict.fromkeys(
        (
            "killed",
            "kill",
            "kills",
            "killing",
            "dead",
            "deaths",
            "death",
            "died",
            "die",
            "dies",
            "fatalities",
            "perished",
            "drowned",  # a death of any kind is `killed` (ANNOTATION.md rule 9)
            "succumbed",  # "later succumbed to their wounds": died
            "slain",
            "lost their lives",
            "lost their life",
            "bodies of",  # "recovered the bodies of 17 miners"
            "claimed the lives of",
            "claiming the lives of",
            "took the lives of",
            "taking the lives of",
            "shot dead",
            "shot and killed",  # "five attackers were shot and killed": killed, the last verb
        ),
        "killed",
    ),
    **dict.fromkeys(
        (
            "hospitalised",
            "hospitalized",
            "in hospital",
            "remain in hospital",
            "remained in hospital",
            "admitted to hospital",
            "taken to hospital",
            "taken to a hospital",
            "taken to hospitals",
            "brought to hospital",
            "brought to a hospital",
            "admitted to a hospital",
        ),
        "hospitalised",
    ),
    **dict.fromkeys(("impacted", "impacting"), "affected"),
    **dict.fromkeys(("out of service", "out of action", "non-functional"), "out of service"),
    **dict.fromkeys(("vaccinated",), "vaccinated"),
    **dict.fromkeys(
        (
            "received assistance",
            "received aid",
            "received food",
            "reached with assistance",
            "reached with aid",
            "reached with",
            "assistance to",  # "provided food assistance to 10,000 people"
            "being served",  # "4,053 families are being served inside evacuation centres"
            "were served",  # served by the relief operation: received its assistance
            "are served",
            "was served",
            "been served",
            "aid to",
            "received cash",
            "received support",
            "assisted",
            "aided",
            "being aided",
            "receiving aid",
            "receiving assistance",
            "receiving support",
        ),
        "assisted",
    ),
    **dict.fromkeys(
        (
            "living in relief camps",
            "living in camps",
            "living in shelters",
            "in relief camps",
            "in evacuation centres",
            "in evacuation centers",
        ),
        "sheltered",
    ),
    **dict.fromkeys(
        (
            "injured",
            "injuring",
            "injures",
            "injure",
            "wounded",
            "wounding",
            "hurt",
            "injuries",
            "treated for injuries",
            "treated for wounds",
        ),
        "injured",
    ),
    "casualties": "casualties",
    **dict.fromkeys(("missing", "unaccounted for"), "missing"),
    **dict.fromkeys(
        (
            "displaced",
            "fled",
            "forced to flee",
            "uprooted",
            "displacing",
            "to flee",
            "to leave their homes",
            "from their homes",
            "driven from their homes",
            "sought refuge",
            "took refuge",
            "taken refuge",  # "15,200 people had taken refuge": as "took refuge" does
            "taking refuge",
            "sought shelter",
        ),
        "displaced",
    ),
    # without a home, wherever they are: the corpus' own metric (ANNOTATION.md rule 11)
    **dict.fromkeys(
        (
            "homeless",
            "left homeless",
            "lost their shelter",
            "lost their homes",
            "left without homes",
            "left without shelter",
        ),
        "homeless",
    ),
    **dict.fromkeys(("exposed to", "exposed"), "exposed"),
    **dict.fromkeys(
        ("population of", "live", "lived", "living", "inhabitants", "residents"), "population"
    ),
    **dict.fromkeys(("hosts", "hosting", "host", "hosted"), "hosted"),
    **dict.fromkeys(("flooded", "inundated", "submerged"), "flooded"),
    **dict.fromkeys(("need", "needed", "needing"), "in need"),
    **dict.fromkeys(("deployed", "deploying", "dispatched"), "deployed"),
    **dict.fromkeys(("evacuated", "evacuating", "evacuate"), "evacuated"),
    # people "taken into custody" were detained (ANNOTATION.md rule 26: detained by forces is arrested)
    **dict.fromkeys(
        (
            "arrested",
            "detained",
            "detaining",
            "arresting",
            "taken into custody",
            "took into custody",
            "taking into custody",
        ),
        "arrested",
    ),
    **dict.fromkeys(("launched", "launching", "launches", "fired", "firing"), "launched"),
    # what an attack used: weapons launched; anything else it used is no figure (see counted_for)
    **dict.fromkeys(("involved", "involving", "used", "using", "comprised", "comprising"), "used"),
    **dict.fromkeys(
        (
            "intercepted",
            "intercepting",
            "shot down",
            "shooting down",
            "shoot down",
            "shoots down",
            "downed",
            "downs",
            "neutralised",
            "neutralized",
        ),
        "intercepted",
    ),
    **dict.fromkeys(("destroyed", "destroying"), "destroyed"),
    # "48 houses have suffered damage", "All three aircraft sustained damage": damaged, said with a noun;
    # what was destroyed in part was not destroyed outright (rule 10's razed): damaged
    **dict.fromkeys(
        (
            "damaged",
            "damaging",
            "suffered damage",
            "sustained damage",
            "suffered damages",
            "sustained damages",
            "partially destroyed",
            "partly destroyed",
            "partial destruction of",
            "partially collapsed",
        ),
        "damaged",
    ),
    **dict.fromkeys(("targeted", "targeting"), "targeted"),
    # houses that collapsed, were swept away, levelled or flattened were destroyed where they stood
    **dict.fromkeys(("collapsed", "levelled", "leveled", "flattened"), "razed"),
    **dict.fromkeys(("affected", "affecting"), "affected"),
    **dict.fromkeys(("trapped",), "trapped"),
    **dict.fromkeys(("hit", "struck", "striking"), "hit"),
    **dict.fromkeys(("rescued", "rescuing"), "rescued"),
    **dict.fromkeys(("delivered", "delivering", "distributed", "airlifted"), "delivered"),
    **dict.fromkeys(("in need", "in need of assistance", "in need of aid"), "in need"),
    **dict.fromkeys(
        (
            "sheltering",
            "in shelters",
            "sheltered",
            "took shelter",
            "taking shelter",
            "taken shelter",
            # "12,228 families are taking temporary shelter in 105 evacuation centers"
            "taking temporary shelter",
            "took temporary shelter",
            "taken temporary shelter",
        ),
        "sheltered",
    ),
    **dict.fromkeys(
        ("without power", "without electricity", "lost power", "out of power"), "without power"
    ),
    # "7 500 people without drinking water", "1.1 million people are without access to safe water"
    **dict.fromkeys(
        (
            "without drinking water",
            "without safe drinking water",
            "without access to safe water",
            "without access to drinking water",
            "without access to safe drinking water",
            "without access to clean water",
            "without clean water",
            "without running water",
            "without water",
        ),
        "without drinking water",
    ),
    # "more than 500 people have sought medical assistance": people who came for care (declared)
    **dict.fromkeys(
        (
            "sought medical assistance",
            "sought medical help",
            "sought medical care",
            "sought medical attention",
            "sought medical treatment",
            "asked for medical assistance",
            "asked for medical help",
        ),
        "sought medical assistance",
    ),
    # "19 communities remain cut off", "cut off some 45 communities": isolated, as "isolated" says
    **dict.fromkeys(("cut off", "isolated"), "isolated"),
    # "took 60 people hostage", "were taken hostage": the noun after the people says what befell them
    # "the imprisonment of more than 1,100 people as hostages": the role the people were held in
    **dict.fromkeys(("hostage", "taken hostage", "held hostage", "as hostages"), "taken hostage"),
    "cases": "cases",
    **dict.fromkeys(("infected", "infections", "sickened"), "cases"),
    # people of an outbreak who fell ill are its cases (ANNOTATION.md rule 12); "ill people" is read in the noun phrase
    **dict.fromkeys(("fell ill", "became ill", "fell sick", "became sick"), "cases"),
    # "215 soldiers were among the dead": counted again with the toll they are part of
    **dict.fromkeys(
        ("among the dead", "among those killed", "among the victims", "among the fatalities"),
        "killed",
    ),
    **dict.fromkeys(("among the injured", "among the wounded", "among those injured"), "injured"),
    **dict.fromkeys(("hospitalizations", "hospitalisations"), "hospitalised"),
    # a complication of a case, the metric the corpus declares for it (ANNOTATION.md rule 11)
    **dict.fromkeys(
        (
            "developed hemolytic uremic syndrome",
            "developed haemolytic uraemic syndrome",
            "developed hus",
        ),
        "developed HUS",
    ),
    **dict.fromkeys(
        ("swept away", "washed away", "in ruins", "reduced to rubble", "reduced to ruins"), "razed"
    ),
    **dict.fromkeys(("applied for asylum", "sought asylum"), "applied for asylum"),
    **dict.fromkeys(("food insecure", "food-insecure"), "food insecure"),
    **dict.fromkeys(
        ("resettled", "emergency resettlement", "taken emergency resettlement", "relocated"),
        "resettled",
    ),
    **dict.fromkeys(("at risk",), "at risk"),
    **dict.fromkeys(("found alive", "pulled alive", "rescued alive"), "rescued"),
    # a crowd at the scene: the corpus' own metric (ANNOTATION.md rule 24)
    **dict.fromkeys(("watched", "attended", "were present", "had gathered", "gathered"), "present"),
    # a test's result: positive is a case (ANNOTATION.md rule 12), negative its own metric (the corpus')
    **dict.fromkeys(("tested positive", "tested positive for"), "cases"),
    **dict.fromkeys(("tested negative", "tested negative for"), "tested negative"),
    **dict.fromkeys(("with injuries", "with reported injuries", "with wounds"), "injured"),
    # people who depend on aid are in need of it (ANNOTATION.md rule 11)
    **dict.fromkeys(
        (
            "relying on humanitarian assistance",
            "relying on humanitarian aid",
            "relying on assistance",
            "rely on humanitarian assistance",
            "dependent on humanitarian assistance",
            "depend on humanitarian assistance",
        ),
        "in need",
    ),
    # a verb's noun before what it counts says the same as the verb: "the collapse of 12,000 homes"
    **{
        f"{noun} of": metric
        for noun, metric in (
            ("collapse", "razed"),
            ("destruction", "destroyed"),
            ("evacuation", "evacuated"),
            ("displacement", "displaced"),
            ("deaths", "killed"),
            ("rescue", "rescued"),
            ("arrest", "arrested"),
            ("arrests", "arrested"),
            ("relocation", "resettled"),
        )
    },
}


def present_participle(past: str) -> str:
    """The -ing form of a regular past participle: the stem before "-ed", then "-ing".

    A verb's present participle before a figure reports what its past participle reports ("the
    landslide buried the town, trapping 71 people": trapped), so each one-word trigger in "-ed" is
    also read in "-ing". The final "e" a stem drops before "-ed" it drops before "-ing" too, and a
    doubled consonant stays doubled ("trapped", "trapping"); "-ied" is "-ying" ("buried", "burying").

    >>> present_participle("trapped"), present_participle("evacuated"), present_participle("buried")
    ('trapping', 'evacuating', 'burying')
    """
    stem = past[:-2]
    return stem[:-1] + "ying" if stem.endswith("i") else stem + "ing"


#: The -ing forms of the regular one-word triggers, where the table does not list them already.
TRIGGERS.update(
    {
        present_participle(word): metric
        for word, metric in list(TRIGGERS.items())
        if " " not in word and word.endswith("ed") and len(word) > 5
        and present_participle(word) not in TRIGGERS
    }
)  # fmt: skip
