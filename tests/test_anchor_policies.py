"""Golden tests of the anchors' rules as named policies: ``ucdp``, ``ibc``, ``airwars``, ``wikidata``.

Each example is small and taken from the rule's own documentation, whose wording the test's
docstring gives (paraphrased where the source is long); the expected figure is what an analyst
applying that rule by hand concludes.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff import POLICIES, Claim, Scope, Source, dump_claims, loads_claims, reconcile
from claimdiff.exceptions import ClaimFileError, InvalidClaimError
from claimdiff.formats import read_airwars, read_wikidata, report_schema
from claimdiff.truth import TruthSettings, discover

CIVILIANS = Scope(place="Iraq > Mosul", counted="civilians", event="strike-1")


def killed(
    cid: str,
    value: str,
    source: Source | str,
    *,
    via: tuple[str, ...] = (),
    rank: str | None = None,
) -> Claim:
    return Claim(
        id=cid, metric="killed", estimate=value, scope=CIVILIANS, source=source, via=via, rank=rank
    )


def only_group(claims: list[Claim], policy: str):  # type: ignore[no-untyped-def]
    report = reconcile(claims, policy)
    assert len(report.groups) == 1
    return report.groups[0]


# -- UCDP ---------------------------------------------------------------------------------------


def test_ucdp_takes_the_most_reliable_sources_figure() -> None:
    """UCDP GED codebook: where sources differ, the best estimate is that of the source judged most
    reliable. A declared reliability of 0.9 against 0.4 puts its 15 forward over the lower 10."""
    claims = [
        killed("un", "15", Source("UNAMI", kind="international", reliability=0.9)),
        killed("local", "10", Source("Local council", reliability=0.4)),
    ]
    group = only_group(claims, "ucdp")
    assert group.best == 15
    assert "most reliable origin, UNAMI" in group.best_rule


def test_ucdp_otherwise_takes_the_lower_figure() -> None:
    """UCDP GED codebook: "if no source is more reliable than the others, the lower figure" is the best
    estimate (UCDP's conservative convention). 10 and 15 with no reliability declared give 10; two
    origins tied at the top are not "more reliable than the others" either."""
    plain = [killed("a", "15", "Reuters"), killed("b", "10", "AFP")]
    assert only_group(plain, "ucdp").best == 10
    tied = [
        killed("a", "15", Source("Reuters", reliability=0.8)),
        killed("b", "10", Source("AFP", reliability=0.8)),
    ]
    group = only_group(tied, "ucdp")
    assert group.best == 10
    assert "lower figure of 2 origins" in group.best_rule


def test_ucdp_keeps_the_groups_interval() -> None:
    """UCDP keeps its low and high estimates beside the best: the policy changes only the best figure,
    never the interval the claims allow ("at least 10" and "12 to 20" allow [12, 20])."""
    claims = [
        killed("a", "at least 10", Source("Reuters", reliability=0.9)),
        killed("b", "12 to 20", "AFP"),
    ]
    ucdp, consensus = only_group(claims, "ucdp"), only_group(claims, "consensus")
    assert (ucdp.low, ucdp.high) == (consensus.low, consensus.high) == (12, 20)
    assert ucdp.best == 10  # the most reliable origin's own figure, as UCDP codes it
    assert ucdp.grade is None


# -- IBC ----------------------------------------------------------------------------------------


def test_ibc_gives_the_minimum_and_maximum_over_origins() -> None:
    """IBC methodology: "where these sources report differing figures, the range (a minimum and a
    maximum) are given". Reports of 4 and 7 dead give minimum 4 (the best) and maximum 7."""
    group = only_group([killed("a", "4", "Reuters"), killed("b", "7", "AP")], "ibc")
    assert group.best == 4
    assert "minimum 4, maximum 7 over 2 independent origins" in group.best_rule


def test_ibc_counts_a_relayed_report_once_and_a_range_by_its_ends() -> None:
    """IBC counts sources, not repeats: a ministry's figure relayed by three outlets is one origin; a
    report of "between 3 and 9" dead stands for its ends, 3 and 9."""
    claims = [
        killed("m1", "5", "Iraqi Ministry of Health", via=("Reuters",)),
        killed("m2", "5", "Iraqi Ministry of Health", via=("AP",)),
        killed("m3", "5", "Iraqi Ministry of Health", via=("AFP",)),
        killed("w", "between 3 and 9", "Al Sharqiya"),
    ]
    group = only_group(claims, "ibc")
    assert group.best == 3
    assert "minimum 3, maximum 9 over 2 independent origins" in group.best_rule


# -- Airwars ------------------------------------------------------------------------------------


def test_airwars_grades_fair_with_two_credible_sources() -> None:
    """Airwars methodology: *Fair*, "reported by two or more credible sources". Two independent local
    monitors give the grade fair and, as Airwars publishes a minimum and a maximum, the best 3."""
    claims = [
        killed("a", "3", "Syrian Network for Human Rights"),
        killed("b", "5", "Shaam News Network"),
    ]
    group = only_group(claims, "airwars")
    assert (group.grade, group.best) == ("fair", 3)
    assert group.to_dict()["grade"] == "fair"


def test_airwars_grades_weak_for_a_single_source_even_when_relayed() -> None:
    """Airwars methodology: *Weak*, "single source claim". Five outlets repeating one monitor are still
    one source."""
    claims = [
        killed(f"r{i}", "6", "Raqqa is Being Slaughtered Silently", via=(outlet,))
        for i, outlet in enumerate(("Reuters", "AP", "AFP", "BBC", "CNN"))
    ]
    assert only_group(claims, "airwars").grade == "weak"


def test_airwars_grades_confirmed_when_a_belligerent_states_the_harm() -> None:
    """Airwars methodology: *Confirmed*, "a specific belligerent has accepted responsibility for civilian
    harm". The Coalition's own military (of its party) stating the toll confirms it."""
    claims = [
        killed("c", "2", Source("CENTCOM", kind="military", party="US-led Coalition")),
        killed("m", "4", "Mosul Eye"),
    ]
    group = only_group(claims, "airwars")
    assert group.grade == "confirmed"
    assert "CENTCOM, of US-led Coalition" in group.best_rule


def test_airwars_grades_contested_when_parties_compete() -> None:
    """Airwars methodology: *Contested*, "competing claims of responsibility". Figures from the two
    sides of a conflict make the incident contested, whatever else reports it."""
    claims = [
        killed("ru", "0", Source("Russian Ministry of Defence", kind="military", party="Russia")),
        killed(
            "ua", "7", Source("Kharkiv regional administration", kind="government", party="Ukraine")
        ),
        killed("n", "7", "Reuters"),
    ]
    assert only_group(claims, "airwars").grade == "contested"


def test_no_grade_outside_the_airwars_policy() -> None:
    """Only a grading policy grades: every other ready-made policy leaves ``grade`` empty."""
    claims = [killed("a", "3", "SNHR"), killed("b", "5", "SOHR")]
    for name in sorted(set(POLICIES) - {"airwars", "truth"}):
        assert only_group(claims, name).grade is None, name


def test_read_airwars_maps_its_grades_to_ranks() -> None:
    """Airwars' *Discounted* incidents are ruled out (deprecated, never best); a *Confirmed* one is a
    belligerent's own admission (preferred); the other grades stay normal."""
    rows = [
        {
            "code": "CS1",
            "date": "2017-03-17",
            "country": "Iraq",
            "civilians_killed_min": 100,
            "civilians_killed_max": 200,
            "grading": "Confirmed",
        },
        {
            "code": "CS2",
            "date": "2017-03-18",
            "country": "Iraq",
            "civilians_killed_min": 3,
            "civilians_killed_max": 3,
            "grading": "Discounted",
        },
        {
            "code": "CS3",
            "date": "2017-03-19",
            "country": "Iraq",
            "civilians_killed_min": 1,
            "civilians_killed_max": 2,
            "grading": "Weak",
        },
    ]
    ranks = {c.id: c.rank for c in read_airwars(rows).claims}
    assert ranks == {"airwars-CS1": "preferred", "airwars-CS2": "deprecated", "airwars-CS3": None}


# -- Wikidata -----------------------------------------------------------------------------------


def test_wikidata_prefers_the_preferred_statement() -> None:
    """Wikidata Help:Ranking: "if there is a statement marked preferred always include it; a statement
    marked normal only if there is no preferred statement". An older census (normal, 1,000) and the
    current figure (preferred, 1,200) give 1,200."""
    claims = [
        killed("old", "1000", "Census 2010", rank="normal"),
        killed("new", "1200", "Census 2020", rank="preferred"),
    ]
    group = only_group(claims, "wikidata")
    assert group.best == 1200
    assert "rank preferred" in group.best_rule


def test_wikidata_never_puts_a_deprecated_statement_forward() -> None:
    """Wikidata Help:Ranking: "if the statement is marked deprecated do not include it". A deprecated
    figure is left out even when it is the only one besides a normal one; alone, there is no best."""
    claims = [killed("wrong", "9000", "Vandal", rank="deprecated"), killed("ok", "800", "Census")]
    assert only_group(claims, "wikidata").best == 800
    alone = only_group([killed("wrong", "9000", "Vandal", rank="deprecated")], "wikidata")
    assert alone.best is None
    assert "deprecated" in alone.best_rule


def test_wikidata_with_normal_ranks_only_takes_their_median() -> None:
    """With no preferred statement every normal one counts: three origins' 10, 12 and 30 give 12."""
    claims = [killed("a", "10", "A"), killed("b", "12", "B"), killed("c", "30", "C")]
    assert only_group(claims, "wikidata").best == 12


def test_read_wikidata_keeps_the_statements_rank() -> None:
    """A Wikidata statement's rank is the claim's rank, read and written back."""
    entity = {
        "id": "Q1",
        "claims": {
            "P1120": [
                {
                    "id": "Q1$a",
                    "rank": "preferred",
                    "mainsnak": {
                        "snaktype": "value",
                        "property": "P1120",
                        "datavalue": {"type": "quantity", "value": {"amount": "+14", "unit": "1"}},
                    },
                },
                {
                    "id": "Q1$b",
                    "rank": "deprecated",
                    "mainsnak": {
                        "snaktype": "value",
                        "property": "P1120",
                        "datavalue": {"type": "quantity", "value": {"amount": "+90", "unit": "1"}},
                    },
                },
            ]
        },
    }
    loaded = read_wikidata(entity, include_deprecated=True)
    ranks = sorted((c.estimate.describe(), c.rank) for c in loaded.claims)
    assert ranks == [("14", "preferred"), ("90", "deprecated")]


# -- the fields in the model and the file -------------------------------------------------------


def test_rank_and_reliability_are_validated() -> None:
    """A rank outside preferred/normal/deprecated and a reliability outside [0, 1] are refused, naming the field."""
    with pytest.raises(InvalidClaimError, match="rank"):
        killed("a", "3", "X", rank="best")
    with pytest.raises(InvalidClaimError, match="reliability"):
        Source("X", reliability=1.5)
    assert Source("X").reliability is None
    assert killed("a", "3", "X", rank=" Preferred ").rank == "preferred"


@pytest.mark.parametrize("fmt", ["yaml", "json", "csv"])
def test_rank_and_reliability_round_trip_through_every_format(fmt: str) -> None:
    """What is written is read back equal, rank and declared reliability included, in every format."""
    claims = [
        killed(
            "a",
            "3",
            Source("UNAMI", kind="international", reliability=0.9),
            rank="preferred",
            via=("Reuters",),
        ),
        Claim(
            id="b",
            metric="killed",
            estimate="4",
            scope=CIVILIANS,
            source="AP",
            via=(Source("Relay | x", reliability=0.25),),
            rank="deprecated",
        ),
        killed("c", "5", "AFP"),
    ]
    again = loads_claims(dump_claims(claims, format=fmt), format=fmt)  # type: ignore[arg-type]
    assert again == claims
    assert [c.rank for c in again] == ["preferred", "deprecated", None]
    assert again[0].source.reliability == 0.9
    assert again[1].via[0].reliability == 0.25


def test_a_file_with_a_bad_rank_or_reliability_names_the_field() -> None:
    """Bad values in a file are refused at the field the user wrote."""
    with pytest.raises(ClaimFileError, match=r"claims\[0\]\.rank"):
        loads_claims(
            "claims:\n- {id: a, metric: killed, counted: people, value: 3, source: X, rank: top}\n"
        )
    with pytest.raises(ClaimFileError, match="reliability"):
        loads_claims(
            "claims:\n- {id: a, metric: killed, counted: people, value: 3, "
            "source: {name: X, reliability: 2}}\n"
        )


def test_a_declared_reliability_is_truth_discoverys_prior() -> None:
    """Truth discovery starts from the reliability a source declares, over the prior's default (here told
    not to learn the default from all sources)."""
    items = [
        [killed("a", "3", Source("UNAMI", reliability=0.9)), killed("b", "5", "Local council")]
    ]
    priors = {
        s.origin: s.prior
        for s in discover(items, settings=TruthSettings(learn_default=False)).sources
    }
    assert priors == {"unami": 0.9, "local council": 0.5}


def test_the_grade_is_in_the_json_report() -> None:
    """The JSON report carries the grade of each group (``null`` under a policy that does not grade), and
    still follows the shipped report schema."""
    jsonschema = pytest.importorskip("jsonschema")
    claims = [killed("a", "3", "SNHR"), killed("b", "5", "SOHR")]
    for name, grade in (("airwars", "fair"), ("consensus", None)):
        out = json.loads(json.dumps(reconcile(claims, name).to_dict()))
        assert out["groups"][0]["grade"] == grade
        jsonschema.Draft202012Validator(report_schema()).validate(out)


# -- laws ---------------------------------------------------------------------------------------

_SAID = st.lists(
    st.tuples(
        st.integers(0, 500),
        st.sampled_from("ABCDE"),
        st.sampled_from([None, "preferred", "normal", "deprecated"]),
        st.sampled_from([None, 0.2, 0.5, 0.9]),
    ),
    min_size=1,
    max_size=8,
)


def _claims(said: list[tuple[int, str, str | None, float | None]]) -> list[Claim]:
    # One reliability per origin: the first one said for it.
    declared: dict[str, float | None] = {}
    for _, who, _, r in said:
        declared.setdefault(who, r)
    return [
        killed(f"c{i}", str(v), Source(f"Source {who}", reliability=declared[who]), rank=rank)
        for i, (v, who, rank, _) in enumerate(said)
    ]


@settings(max_examples=60, deadline=None)
@given(_SAID)
def test_no_anchor_rule_puts_only_deprecated_figures_forward(
    said: list[tuple[int, str, str | None, float | None]],
) -> None:
    """Law: under every anchor policy the best is None exactly when every claim is deprecated, and else lies
    between the lowest and highest figure of the claims that are not."""
    claims = _claims(said)
    for name in ("ucdp", "ibc", "airwars", "wikidata"):
        for group in reconcile(claims, name).groups:
            mine = [c for c in claims if c.id in group.claims]
            ok = [c.figure for c in mine if c.rank != "deprecated" and c.figure is not None]
            if not ok:
                assert group.best is None, name
            else:
                assert group.best is not None
                assert min(ok) <= group.best <= max(ok), name


@settings(max_examples=60, deadline=None)
@given(_SAID)
def test_ibc_and_airwars_put_the_minimum_forward(
    said: list[tuple[int, str, str | None, float | None]],
) -> None:
    """Law: IBC's and Airwars' best is the lowest figure any non-deprecated claim states; the grade is one of four."""
    claims = _claims(said)
    ok = [c.figure for c in claims if c.rank != "deprecated"]
    for name in ("ibc", "airwars"):
        (group,) = reconcile(claims, name).groups
        assert group.best == (min(ok) if ok else None), name
    assert reconcile(claims, "airwars").groups[0].grade in (
        "confirmed",
        "fair",
        "weak",
        "contested",
    )


@settings(max_examples=60, deadline=None)
@given(_SAID, st.randoms(use_true_random=False))
def test_anchor_policies_ignore_input_order(
    said: list[tuple[int, str, str | None, float | None]], rnd
) -> None:  # type: ignore[no-untyped-def]
    """Law: the anchors' best figures, rules and grades do not depend on the order claims are given in."""
    claims = _claims(said)
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    for name in ("ucdp", "ibc", "airwars", "wikidata"):
        a, b = reconcile(claims, name).groups[0], reconcile(shuffled, name).groups[0]
        assert (a.best, a.best_rule, a.grade) == (b.best, b.best_rule, b.grade), name
