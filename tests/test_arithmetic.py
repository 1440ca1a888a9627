"""Figures that must add up: relations, interval propagation, arithmetic flags and derived figures."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff import Claim, Estimate, FlagKind, Scope, reconcile
from claimdiff.exceptions import InvalidEstimateError
from claimdiff.relations import FigureKey, Relation, composite_claims, parse_composite

ARITHMETIC = {FlagKind.SUBTOTAL_MISMATCH, FlagKind.PART_EXCEEDS_WHOLE, FlagKind.INVERTED_METRICS}
PLACE = "Russia > Belgorod Oblast > Belgorod"
DAY = "2023-12-30"


def scope(counted: str, place: str = PLACE) -> Scope:
    return Scope(place=place, counted=counted, event="attack")


def claim(
    cid: str,
    value: str | Estimate,
    counted: str = "people",
    metric: str = "killed",
    place: str = PLACE,
    source: str = "",
) -> Claim:
    return Claim(
        id=cid,
        metric=metric,
        estimate=value,
        scope=scope(counted, place),
        source=source or f"src {cid}",
        stated=DAY,
    )


def arithmetic(report: Any) -> list[Any]:
    return [f for f in report.flags if f.kind in ARITHMETIC]


# -- composite wording -----------------------------------------------------------------------------


def test_composite_gives_parts_and_total() -> None:
    """'12 adults and two children' gives adults 12, children 2 and a total of 14, linked."""
    whole, adults, children = composite_claims(
        "12 adults and two children",
        id="mod",
        metric="killed",
        scope=scope("people"),
        source="MoD",
        stated=DAY,
    )
    assert (whole.low, whole.high, whole.estimate.text) == (14, 14, "12 adults and two children")
    assert (adults.id, adults.scope.counted, adults.low, adults.part_of) == (
        "mod/adults",
        "adults",
        12,
        "mod",
    )
    assert (children.id, children.low, children.part_of) == ("mod/children", 2, "mod")


def test_including_gives_a_part_of_the_stated_whole() -> None:
    """'108, including 15 children' gives the whole 108 and a part of it."""
    whole, part = composite_claims(
        "108, including 15 children",
        id="mod",
        metric="injured",
        scope=scope("people"),
        source="MoD",
    )
    assert (whole.low, part.low, part.part_of) == (108, 15, "mod")
    assert not parse_composite("108, including 15 children").exhaustive  # type: ignore[union-attr]


def test_hedged_parts_sum_as_intervals() -> None:
    """'at least 10 soldiers and 3 civilians' totals [13, inf)."""
    c = parse_composite("at least 10 soldiers and 3 civilians")
    assert c is not None
    assert (c.total.low, c.total.high) == (13, float("inf"))


@pytest.mark.parametrize("text", ["14", "at least 14", "between 10 and 20", "10 to 20"])
def test_single_figures_are_not_composite(text: str) -> None:
    """A single figure, hedged or ranged, is not composite."""
    assert parse_composite(text) is None


def test_unreadable_part_is_an_error() -> None:
    """A part that is not 'figure + counted thing' is refused, naming the part."""
    with pytest.raises(InvalidEstimateError, match="part"):
        parse_composite("12 adults and some")


# -- flags -----------------------------------------------------------------------------------------


def test_parts_that_add_up_raise_nothing() -> None:
    """'at least 14' killed beside 12 adults and two children: no arithmetic flag."""
    claims = [
        *composite_claims(
            "12 adults and two children",
            id="mod",
            metric="killed",
            scope=scope("people"),
            source="MoD",
            stated=DAY,
        ),
        claim("zh", "at least 14"),
    ]
    report = reconcile(claims)
    assert not arithmetic(report)
    assert not report.has_contradiction


def test_subtotal_mismatch_shows_the_arithmetic() -> None:
    """12 adults + 2 children = 14, but another origin says at least 16 people: a subtotal mismatch."""
    report = reconcile(
        [claim("a", "12", "adults"), claim("c", "2", "children"), claim("w", "at least 16")]
    )
    (flag,) = arithmetic(report)
    assert flag.kind is FlagKind.SUBTOTAL_MISMATCH
    assert flag.claims == ("a", "c", "w")
    assert "12 adults ('a') + 2 children ('c') = 14" in flag.message
    assert "at least 16" in flag.message
    assert flag.gap == 2


def test_parts_above_the_whole() -> None:
    """Adults 12 and children 5 against a total of 14: the sum 17 exceeds 14."""
    report = reconcile([claim("a", "12", "adults"), claim("c", "5", "children"), claim("w", "14")])
    (flag,) = arithmetic(report)
    assert flag.kind is FlagKind.SUBTOTAL_MISMATCH
    assert "= 17" in flag.message
    assert (
        "'w' says 14" in flag.message
    )  # (issue 17: the message names who says the whole; it said "at most 14")


def test_part_exceeds_whole() -> None:
    """120 children injured cannot be part of 108 people injured."""
    report = reconcile(
        [claim("p", "108", metric="injured"), claim("k", "120", "children", metric="injured")]
    )
    (flag,) = arithmetic(report)
    assert flag.kind is FlagKind.PART_EXCEEDS_WHOLE
    assert set(flag.claims) == {"p", "k"}


def test_city_cannot_exceed_its_country() -> None:
    """A city's toll above its country's is flagged, through the place hierarchy."""
    report = reconcile([claim("city", "20"), claim("country", "10", place="Russia")])
    (flag,) = arithmetic(report)
    assert flag.kind is FlagKind.PART_EXCEEDS_WHOLE


def test_regions_add_up_to_at_most_their_country() -> None:
    """Two oblasts with 8 and 7 killed cannot sit inside a country total of 12."""
    report = reconcile(
        [
            claim("a", "8", place="Russia > Bryansk Oblast"),
            claim("b", "7", place="Russia > Kursk Oblast"),
            claim("r", "12", place="Russia"),
        ]
    )
    (flag,) = arithmetic(report)
    assert flag.kind is FlagKind.SUBTOTAL_MISMATCH
    assert flag.claims == ("a", "b", "r")
    # (issue 17: each part is named by what sets it apart, here its place; it was "8 people ('a')")
    assert "8 in Bryansk Oblast ('a') + 7 in Kursk Oblast ('b') = 15" in flag.message


def test_more_shot_down_than_launched_is_inverted() -> None:
    """80 drones shot down against some 70 launched: inverted metrics."""
    report = reconcile(
        [
            claim("s", "80", "drones", metric="shot down", place="Russia"),
            claim("l", "some 70", "drones", metric="launched", place="Russia"),
        ]
    )
    (flag,) = arithmetic(report)
    assert flag.kind is FlagKind.INVERTED_METRICS
    assert set(flag.claims) == {"s", "l"}


def test_derived_part() -> None:
    """108 injured including 15 children: adults injured are derived as 93, from both claims."""
    report = reconcile(
        composite_claims(
            "108, including 15 children",
            id="mod",
            metric="injured",
            scope=scope("people"),
            source="MoD",
            stated=DAY,
        )
    )
    (derived,) = [d for d in report.derived if d.counted == "adults"]
    assert (derived.low, derived.high, derived.group) == (93, 93, None)
    assert derived.claims == ("mod", "mod/children")
    assert "93" in derived.message


def test_derived_narrowing_of_a_vague_whole() -> None:
    """'dozens' of missiles and drones over Russia, 13 missiles over one oblast and 32 drones: at least 45."""
    report = reconcile(
        [
            claim("d", "dozens", "missiles and drones", metric="intercepted", place="Russia"),
            claim("m", "13", "missiles", metric="intercepted", place="Russia > Belgorod Oblast"),
            claim("u", "32", "drones", metric="intercepted", place="Russia"),
        ]
    )
    (derived,) = [d for d in report.derived if d.counted == "missiles and drones"]
    assert (derived.low, derived.high) == (45, 99)
    assert derived.group is not None


def test_declared_relation() -> None:
    """A relation declared by the user is checked: civilians + soldiers = people in this report."""
    rel = Relation.partition(
        FigureKey("killed", "people", PLACE, "attack"),
        [
            FigureKey("killed", "civilians", PLACE, "attack"),
            FigureKey("killed", "soldiers", PLACE, "attack"),
        ],
    )
    claims = [claim("p", "10"), claim("c", "4", "civilians"), claim("s", "3", "soldiers")]
    assert not arithmetic(reconcile(claims))  # 4 + 3 <= 10 under the taxonomy alone
    (flag,) = arithmetic(reconcile(claims, relations=[rel]))
    assert flag.kind is FlagKind.SUBTOTAL_MISMATCH


# -- laws ------------------------------------------------------------------------------------------

MAX = 12


@st.composite
def small_estimates(draw: st.DrawFn) -> Estimate:
    a = draw(st.integers(0, MAX))
    shape = draw(st.sampled_from(["exact", "at_least", "at_most", "between"]))
    if shape == "between":
        return Estimate.between(a, draw(st.integers(a, MAX)))
    return getattr(Estimate, shape)(a)  # type: ignore[no-any-return]


NODES = {
    "people": ("killed", "people", PLACE),
    "adults": ("killed", "adults", PLACE),
    "children": ("killed", "children", PLACE),
    "oblast": ("killed", "people", "Russia > Belgorod Oblast"),
}


@st.composite
def systems(draw: st.DrawFn) -> list[Claim]:
    """Claims on people, adults, children in a city and people in its oblast, each from its own origin."""
    return [
        Claim(
            id=f"{name}{k}",
            metric=metric,
            estimate=draw(small_estimates()),
            scope=scope(counted, place),
            source=f"{name} source {k}",
            stated=DAY,
        )
        for name, (metric, counted, place) in NODES.items()
        for k in range(draw(st.integers(0, 2)))
    ]


def brute_feasible(claims: list[Claim]) -> bool:
    """Whole numbers for adults, children (people = their sum) and the oblast (>= people) that every claim allows."""
    by_node: dict[str, list[Claim]] = {n: [] for n in NODES}
    for c in claims:
        by_node[c.id.rstrip("0123456789")].append(c)
    for adults, children in itertools.product(range(MAX + 1), repeat=2):
        people = adults + children
        values = {"adults": adults, "children": children, "people": people}
        if not all(c.allows(values[n]) for n in values for c in by_node[n]):
            continue
        if any(all(c.allows(v) for c in by_node["oblast"]) for v in range(people, 2 * MAX + 2)):
            return True
    return False


@given(systems())
def test_soundness_and_completeness_against_brute_force(claims: list[Claim]) -> None:
    """No arithmetic flag and no contradiction exactly when whole numbers satisfying every claim and relation exist."""
    report = reconcile(claims)
    clean = not arithmetic(report) and not report.has_conflict
    assert clean == brute_feasible(claims)


@given(systems())
def test_flags_name_a_smallest_conflicting_set(claims: list[Claim]) -> None:
    """The claims an arithmetic flag names cannot all hold; without any one of them, they can."""
    for flag in arithmetic(reconcile(claims)):
        named = [c for c in claims if c.id in flag.claims]
        assert arithmetic(reconcile(named)), flag
        for drop in named:
            rest = [c for c in named if c is not drop]
            assert not arithmetic(reconcile(rest)), (flag, drop.id)


@given(systems(), st.randoms())
def test_order_does_not_change_arithmetic(claims: list[Claim], rnd: Any) -> None:
    """Flags and derived figures do not depend on the order of the input."""
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    assert reconcile(shuffled).to_dict() == reconcile(claims).to_dict()


KEYS = [
    FigureKey("killed", c, PLACE, "attack")
    for c in ("people", "civilians", "soldiers", "police officers")
]


@given(
    st.lists(st.tuples(st.sampled_from(KEYS), st.sampled_from(KEYS), st.booleans()), max_size=6),
    st.lists(st.tuples(st.sampled_from(range(4)), small_estimates()), max_size=6),
    st.randoms(),
)
def test_cyclic_relations_terminate_and_are_stable(
    edges: list[tuple[FigureKey, FigureKey, bool]], values: list[tuple[int, Estimate]], rnd: Any
) -> None:
    """Declared relations that form cycles (A <= B, B = A + C, ...) terminate and give order-independent results."""
    relations = [
        (Relation.partition if eq else Relation.at_most)(a, [b]) for a, b, eq in edges if a != b
    ]
    claims = [
        Claim(
            id=f"c{i}",
            metric="killed",
            estimate=e,
            scope=scope(KEYS[k].counted),
            source=f"s{i}",
            stated=DAY,
        )
        for i, (k, e) in enumerate(values)
    ]
    first = reconcile(claims, relations=relations).to_dict()
    rnd.shuffle(claims)
    rnd.shuffle(relations)
    assert reconcile(claims, relations=relations).to_dict() == first
