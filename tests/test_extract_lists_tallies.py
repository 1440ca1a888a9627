"""Strike tallies by place: every item a claim, the strikes conducted, the side's acronym dropped.

ANNOTATION.md settled C8 (tallies of strike results), rule 23 ("a"/"an" in a tally counts one),
rule 26 (strikes carried out are ``conducted``), rule 13 (the side's modifier is dropped) and C9
(an article naming the event itself counts nothing). The sentences are written for these tests in the
form of a coalition's daily strike release.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import extract


def _read(text: str) -> list[tuple[str, str | None, float | None]]:
    return [
        (c.claim.metric.name, c.claim.scope.counted, c.claim.estimate.point)
        for c in extract(text, published="2016-01-10", outlet="Task Force")
    ]


def test_each_item_of_a_tally_by_town_is_a_claim() -> None:
    """The strikes are conducted; each object after a verb is counted under that verb, "a"/"an" as one."""
    found = _read(
        "* Near Kirkuk, four strikes struck three separate XYZ tactical units and destroyed "
        "11 XYZ fighting positions, two XYZ vehicles, an XYZ bunker and a tunnel, and damaged "
        "an XYZ checkpoint."
    )
    assert found == [
        ("conducted", "strikes", 4),
        ("hit", "tactical units", 3),
        ("razed", "fighting positions", 11),
        ("razed", "vehicles", 2),
        ("razed", "bunkers", 1),
        ("razed", "tunnels", 1),
        ("damaged", "checkpoints", 1),
    ]


def test_a_list_of_articles_after_a_numbered_item_is_still_the_tally() -> None:
    """ "struck two units and destroyed an XYZ vehicle, an XYZ weapons cache": the articles count one each."""
    found = _read(
        "Near Hit, two strikes struck two XYZ tactical units and destroyed an XYZ vehicle, "
        "an XYZ weapons cache and wounded XYZ fighters."
    )
    assert found[2:] == [("razed", "vehicles", 1), ("razed", "weapons caches", 1)]


def test_a_strike_tallied_by_place_counts_one() -> None:
    """ "Near Kisik, a strike destroyed ...": one strike conducted, beside the numbered ones (C8)."""
    found = _read("* Near Kisik, a strike destroyed an XYZ tunnel and two XYZ mortar systems.")
    assert found[0] == ("conducted", "strikes", 1)
    assert ("razed", "mortar systems", 2) in found


def test_the_event_itself_said_with_an_article_counts_nothing() -> None:
    """C9: "conducted an airstrike ... killing five", "an attack damaged a mosque": no count of one."""
    found = _read("US forces conducted an airstrike near Jilib, killing five militants.")
    assert [f[1] for f in found] == ["militants"]
    assert _read("An attack damaged a mosque and a school.") == []


def test_strikes_said_with_their_means_are_conducted() -> None:
    """ "conducted five strikes using attack aircraft": "using" says how, the strikes are conducted."""
    assert _read("In Syria, coalition forces conducted five strikes using attack aircraft.") == [
        ("conducted", "strikes", 5)
    ]


def test_a_side_acronym_before_several_things_is_dropped_a_body_before_one_kept() -> None:
    """The acronym before every thing of a tally is whose they are; "40 UNRWA installations" names them."""
    assert [
        f[1] for f in _read("Strikes destroyed three XYZ excavators and two XYZ bulldozers.")
    ] == [
        "excavators",
        "bulldozers",
    ]
    assert (
        _read("At least 40 UNRWA installations have been damaged.")[0][1] == "unrwa installations"
    )


def test_an_acronym_spelt_out_in_lower_case_is_a_kind_of_thing() -> None:
    """ "vehicle borne improvised explosive device (VBIED)" is counted whole; "VBIED factories" keep it."""
    found = _read(
        "Near Ramadi, four strikes destroyed an XYZ vehicle borne improvised explosive device (VBIED), "
        "an XYZ VBIED factory and two XYZ house borne improvised explosive devices (HBIED)."
    )
    assert [f[1] for f in found] == [
        "strikes",
        "vehicle borne improvised explosive devices",
        "vbied factories",
        "house borne improvised explosive devices",
    ]


def test_a_word_that_starts_like_a_month_is_no_date() -> None:
    """ "six separate units", "two marines", "five mayors": counts; "29 Sept." and "3 March" are dates."""
    assert _read("The strikes hit six separate units.") == [("hit", "units", 6)]
    assert _read("Two marines were killed.")[0][1:] == ("marines", 2)
    found = extract("Five people were killed on 29 Sept. and 3 March.", published="2016-04-01")
    assert [u.reason for u in found.unread] == ["a date", "a date"]


@given(
    st.one_of(
        st.sampled_from(["two", "three", "four", "seven", "eleven", "twelve", "twenty"]),
        st.integers(min_value=2, max_value=999).map(str),
    ),
    st.sampled_from(["struck", "destroyed", "hit", "damaged"]),
)
def test_a_count_of_strikes_is_conducted_whatever_they_did(number: str, verb: str) -> None:
    """Law: "N strikes <verb> ..." counts strikes conducted, N as written, whatever the verb."""
    found = _read(f"Near Mosul, {number} strikes {verb} two XYZ vehicles.")
    assert found[0][:2] == ("conducted", "strikes")
    assert found[1][0] != "conducted"


def test_strikes_carried_out_or_taking_place_are_conducted() -> None:
    """Any verb or none: "carried out 12 airstrikes", "Six airstrikes took place", "to conduct two airstrikes"."""
    assert _read("In Syria, the coalition carried out 12 airstrikes near Raqqa.") == [
        ("conducted", "airstrikes", 12)
    ]
    assert _read("Six airstrikes took place near Kobani.") == [("conducted", "airstrikes", 6)]
    assert _read("Forces used fighter aircraft to conduct two airstrikes against XYZ in Iraq.") == [
        ("conducted", "airstrikes", 2)
    ]
    assert _read("The coalition plans to conduct 20 airstrikes.") == []


def test_an_item_without_a_number_does_not_end_the_tally() -> None:
    """ "destroyed an XYZ vehicle, XYZ-used engineering equipment, two XYZ mortar systems": still destroyed."""
    found = _read(
        "Near Mosul, three strikes struck three XYZ tactical units and destroyed an XYZ vehicle, "
        "XYZ-used engineering equipment, two XYZ mortar systems, and four XYZ supply caches."
    )
    assert ("razed", "mortar systems", 2) in found
    assert [f[0] for f in found[2:]] == ["razed"] * 3


def test_a_bearing_after_the_thing_counted_is_no_part_of_it() -> None:
    """ "one airstrike west of Bayji" counts airstrikes."""
    assert _read("Aircraft conducted one airstrike west of Bayji.") == [
        ("conducted", "airstrikes", 1)
    ]


def test_a_strike_by_place_makes_its_line_a_tally() -> None:
    """ "-- Near Kisik, a strike engaged an XYZ tactical unit and destroyed an XYZ-held building": three claims."""
    assert _read(
        "-- Near Kisik, a strike engaged an XYZ tactical unit and destroyed an XYZ-held building."
    ) == [
        ("conducted", "strikes", 1),
        ("engaged", "tactical units", 1),
        ("razed", "buildings", 1),
    ]


def test_engagements_are_conducted() -> None:
    """ "conducting 25 strikes consisting of 31 engagements": both conducted (rule 26)."""
    assert _read("Forces attacked, conducting 25 strikes consisting of 31 engagements.") == [
        ("conducted", "strikes", 25),
        ("conducted", "engagements", 31),
    ]
