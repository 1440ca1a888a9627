"""Place sets and derived comparisons (issue 17): a figure over several places against the sum of theirs."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from claimdiff import Claim, FlagKind, Report, Scope, Severity, loads_claims, reconcile
from claimdiff._core.arithmetic import GroupFacts, check_arithmetic, check_everywhere
from claimdiff._model.places import place_set, union_path

ARITHMETIC = {FlagKind.SUBTOTAL_MISMATCH, FlagKind.PART_EXCEEDS_WHOLE, FlagKind.INVERTED_METRICS}
TWO = "Russia > Belgorod Oblast + Kursk Oblast"


def launched(cid: str, value: str, place: str, source: str = "") -> Claim:
    return Claim(
        id=cid,
        metric="launched",
        estimate=value,
        scope=Scope(place=place, counted="drones", event="raid"),
        source=source or f"source {cid}",
    )


def arithmetic(report: Report) -> list[Any]:
    return [f for f in report.flags if f.kind in ARITHMETIC]


_NAMES = st.lists(
    st.sampled_from(["Belgorod Oblast", "Kursk Oblast", "Bryansk Oblast", "Oryol Oblast"]),
    min_size=1,
    max_size=6,
)


@given(_NAMES, st.randoms())
def test_a_place_set_is_one_place_however_it_is_written(names: list[str], rnd: Any) -> None:
    """Law: the places of a set, in any order, repeated, spaced any way, make one path and one set."""
    shuffled = list(names)
    rnd.shuffle(shuffled)
    a = union_path(("Russia", " + ".join(names)))
    b = Scope(place="Russia > " + "  +".join(shuffled)).place
    assert a == b
    members = place_set(a)
    distinct = sorted(set(names), key=str.casefold)
    assert members == (None if len(distinct) < 2 else tuple(("Russia", n) for n in distinct))


def test_a_figure_over_two_regions_conflicts_with_the_sum_stated_for_them() -> None:
    """'more than 60 launched' over Belgorod and Kursk Oblasts, but 41 and 17 are stated for them: a discrepancy
    (58 is 5% short), naming the sum."""
    report = reconcile(
        [
            launched("a", "more than 60", TWO, "MoD"),
            launched("b", "41", "Russia > Belgorod Oblast"),
            launched("k", "17", "Russia > Kursk Oblast"),
        ]
    )
    (flag,) = arithmetic(report)
    assert flag.kind is FlagKind.SUBTOTAL_MISMATCH
    assert flag.severity is Severity.WARNING
    assert flag.claims == ("a", "b", "k")
    assert "'a' says more than 60" in flag.message
    assert (
        "41 in Belgorod Oblast ('b') + 17 in Kursk Oblast ('k') = 58 are stated for its parts"
        in flag.message
    )
    assert flag.gap == 3


def test_a_large_gap_against_a_sum_is_a_contradiction() -> None:
    """'more than 80' against 41 + 17 = 58: 40% apart, an error."""
    report = reconcile(
        [
            launched("a", "more than 80", TWO),
            launched("b", "41", "Russia > Belgorod Oblast"),
            launched("k", "17", "Russia > Kursk Oblast"),
        ]
    )
    (flag,) = arithmetic(report)
    assert flag.severity is Severity.ERROR
    assert flag.relative_gap is not None
    assert flag.relative_gap > 0.3


def test_a_set_agreeing_with_its_places_narrows_and_derives() -> None:
    """'over 50' over the two oblasts and 41 + 17 stated for them: no flag; the set is 58. Over three
    oblasts, the third one's figure is derived: more than 60 less 58, at least 3."""
    report = reconcile(
        [
            launched("a", "over 50", TWO),
            launched("b", "41", "Russia > Belgorod Oblast"),
            launched("k", "17", "Russia > Kursk Oblast"),
        ]
    )
    assert not arithmetic(report)
    (whole,) = [d for d in report.derived if d.group == report.group_of("a").id]
    assert (whole.low, whole.high) == (58, 58)
    three = reconcile(
        [
            launched("a", "more than 60", "Russia > Belgorod Oblast + Kursk Oblast + Oryol Oblast"),
            launched("b", "41", "Russia > Belgorod Oblast"),
            launched("k", "17", "Russia > Kursk Oblast"),
        ]
    )
    assert not arithmetic(three)
    (oryol,) = [d for d in three.derived if d.place == ("Russia", "Oryol Oblast")]
    assert (oryol.low, oryol.high, oryol.claims) == (3, None, ("a", "b", "k"))


def test_a_set_is_within_its_country_and_never_summed_beside_its_own_places() -> None:
    """Russia 60, Belgorod 41, Kursk 17 and both oblasts 58: all consistent (the set overlaps its oblasts, so
    41 + 17 + 58 is no sum); a set above its country is flagged."""
    claims = [
        launched("r", "60", "Russia"),
        launched("b", "41", "Russia > Belgorod Oblast"),
        launched("k", "17", "Russia > Kursk Oblast"),
        launched("a", "58", TWO),
    ]
    assert not arithmetic(reconcile(claims))
    (flag,) = arithmetic(reconcile([launched("r", "50", "Russia"), launched("a", "58", TWO)]))
    assert flag.kind is FlagKind.PART_EXCEEDS_WHOLE


def test_the_claims_file_writes_a_place_set_with_plus() -> None:
    """In a claims file, ``place: Russia > Kursk Oblast + Belgorod Oblast`` is the set of both oblasts."""
    (c,) = loads_claims("""
claims:
  - {id: a, metric: launched, counted: drones, value: more than 60, source: MoD,
     place: Russia > Kursk Oblast + Belgorod Oblast}
""")
    assert c.scope.place == ("Russia", "Belgorod Oblast + Kursk Oblast")
    assert place_set(c.scope.place) == (("Russia", "Belgorod Oblast"), ("Russia", "Kursk Oblast"))


def test_visiting_only_reachable_groups_finds_the_place_sets() -> None:
    """The arithmetic that visits only groups a relation can touch finds what the graph of every group finds."""
    claims = [
        launched("a", "more than 60", TWO),
        launched("b", "41", "Russia > Belgorod Oblast"),
        launched("k", "17", "Russia > Kursk Oblast"),
        launched("x", "5", "Ukraine > Sumy Oblast"),
    ]
    facts = [
        GroupFacts(gid=c.id, key=c.key, period=None, claims=((c, c.low, c.high),)) for c in claims
    ]
    found = check_arithmetic(facts)
    assert [f.to_dict() for f in found[0]] == [f.to_dict() for f in check_everywhere(facts)[0]]
    assert len(found[0]) == 1
