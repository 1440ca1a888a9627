"""Each group says which precision its figures were compared with: as data (exact), as worded, or declared rounded.

The rule is :class:`claimdiff.tolerance.Precision` (``Precision.step``), asked of each figure by
:func:`claimdiff._core.precision_used.figure_precision`; the bulk path (columns, quiet groups) and the
claim-by-claim path (``analyse``) both summarise it with ``group_precision``, and must agree field for field.
"""

from __future__ import annotations

import json
import pathlib

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimdiff
from claimdiff import Claim, Estimate, Policy, Scope, reconcile
from claimdiff._core.columns import Columns
from claimdiff._core.grouping import group_claims
from claimdiff._core.precision_used import KINDS, figure_precision
from claimdiff._core.quiet import quiet_groups
from claimdiff._core.verdicts import analyse
from claimdiff._model.rounded import rounded_data
from claimdiff.cli._render import render_text
from claimdiff.formats import read_acled, read_ucdp_ged
from claimdiff.hedges import Provenance, parse_estimate
from claimdiff.sources import SourceGrade
from claimdiff.tolerance import Precision

EXPORTS = pathlib.Path(__file__).parent / "fixtures" / "exports"
ACLED_EXPORTS = EXPORTS / "_unlicensed" / "acled"
needs_acled = pytest.mark.skipif(
    not (ACLED_EXPORTS / "ukraine-2023-2024-export.csv").exists(),
    reason="ACLED's terms forbid giving others its raw data: fetched locally only (tests/fixtures/exports/README.md)",
)
UCDP_SAMPLE = (
    pathlib.Path(__file__).parents[2]
    / "shared"
    / "data"
    / "ucdp_ged_sample"
    / "ucdp_ged231_sample1000.csv"
)


def _c(i: str, estimate: Estimate | str | float, source: str, **kw: object) -> Claim:
    counted = kw.pop("counted", "people")
    return Claim(
        id=i,
        metric=str(kw.pop("metric", "killed")),
        estimate=estimate,
        scope=Scope(place="Sudan", counted=counted),  # type: ignore[arg-type]
        source=source,
        **kw,
    )  # type: ignore[arg-type]


def test_data_are_compared_exactly_and_the_group_says_so() -> None:
    """30,000 and 31,000 given as numbers: compared as data, no step, and they conflict."""
    report = reconcile([_c("a", 30_000, "MoH"), _c("b", 31_000, "UN")])
    (g,) = report.groups
    assert (g.precision, g.precision_step) == ("data", None)
    assert g.precision_text() == "compared as data (exact)"
    assert report.has_conflict


def test_worded_figures_give_their_step() -> None:
    """ "30,000 people" as worded beside 31,000 as data: the step of the worded one (a thousand) is stated."""
    g = reconcile([_c("a", parse_estimate("30,000"), "MoH"), _c("b", 30_400, "UN")]).groups[0]
    assert (g.precision, g.precision_step) == ("data+worded", 1000)
    assert (
        g.precision_text()
        == "compared as data (exact) and as worded (implied precision, step 1,000)"
    )


def test_declared_rounded_data_and_the_exact_mode_are_named() -> None:
    """A table declared rounded (by the reader or by the policy) reads 'rounded'; precision mode exact reads 'exact'."""
    claims = [_c("a", 30_000, "MoH"), _c("b", 30_400, "UN")]
    assert reconcile(rounded_data(claims)).groups[0].precision == "rounded"
    implied = reconcile(
        claims, policy=Policy(name="p", precision=Precision(data="implied"))
    ).groups[0]
    assert (implied.precision, implied.precision_step) == ("rounded", 1000)
    assert implied.precision_text() == "compared as declared rounded (read as worded, step 1,000)"
    exact = reconcile(claims, policy=Policy(name="e", precision=Precision(mode="exact"))).groups[0]
    assert (exact.precision, exact.precision_step) == ("exact", None)


def test_the_step_is_given_in_the_groups_unit() -> None:
    """ "32 km" and "20 miles", worded: the widest step is a mile, stated in the group's unit (km)."""
    claims = [
        _c("a", "32 km", "A", metric="distance", counted=None),
        _c("b", "20 miles", "B", metric="distance", counted=None),
    ]
    g = reconcile(claims).groups[0]
    assert g.unit == "kilometer"
    assert g.precision == "worded"
    assert g.precision_step == pytest.approx(1.609344)


def test_hedged_bands_carry_their_own_width() -> None:
    """ "some 70" is worded but adds no step: its band is its precision."""
    g = reconcile([_c("a", "some 70", "A"), _c("b", "about 72", "B")]).groups[0]
    assert (g.precision, g.precision_step) == ("worded", None)
    assert g.precision_text() == "compared as worded (implied precision)"


def test_the_text_and_json_reports_state_it() -> None:
    """The group's line in the text report ends with the precision; the JSON has it and matches the schema."""
    report = reconcile([_c("a", parse_estimate("30,000"), "MoH"), _c("b", 30_400, "UN")])
    assert (
        "; compared as data (exact) and as worded (implied precision, step 1,000)"
        in render_text(report)
    )
    doc = report.to_dict()
    assert (doc["groups"][0]["precision"], doc["groups"][0]["precision_step"]) == (
        "data+worded",
        1000,
    )
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(
        (pathlib.Path(claimdiff.__file__).parent / "schema" / "report.schema.json").read_text()
    )
    jsonschema.validate(doc, schema)


@needs_acled
def test_acled_figures_are_data_and_its_notes_worded() -> None:
    """On the real ACLED export, ACLED's fatalities are data; figures worded in its notes ("dozens") are worded.

    (A bare numeral read from prose, "struck 4 ... complexes", counts as a datum: ``provenance_of``.)
    """
    loaded = read_acled(ACLED_EXPORTS / "ukraine-2023-2024-export.csv", extract_notes=True)
    report = reconcile(loaded.claims)
    kinds = {g.precision for g in report.groups}
    assert "data" in kinds
    assert any("worded" in (k or "") for k in kinds)
    for g in report.groups:
        if all("/notes/" not in cid for cid in g.claims):
            assert g.precision == "data"
        worded = any(report.claim(cid).estimate.provenance is Provenance.WORDED for cid in g.claims)
        assert ("worded" in (g.precision or "")) == worded


@pytest.mark.skipif(not UCDP_SAMPLE.exists(), reason="the shared UCDP GED sample is absent")
def test_ucdp_sample_is_compared_as_data() -> None:
    """UCDP GED's low, best and high are numbers in columns: every group of the sample is compared as data."""
    report = reconcile(read_ucdp_ged(UCDP_SAMPLE, inconsistent="split").claims)
    assert {g.precision for g in report.groups} == {"data"}


# -- laws ---------------------------------------------------------------------------------------------

_GRADES = [None, SourceGrade("airwars", "Fair"), SourceGrade("ucdp", codes={"date_prec": 1})]
_POLICIES = [
    Policy(name="default"),
    Policy(name="rounded", precision=Precision(data="implied")),
    Policy(name="exact", precision=Precision(mode="exact")),
    claimdiff.POLICIES["airwars"],
]


@st.composite
def _claims(draw: st.DrawFn) -> list[Claim]:
    out = []
    for i in range(draw(st.integers(1, 10))):
        n = draw(st.sampled_from([12, 14, 30_000, 31_000, 1_500_000]))
        given_as = draw(st.sampled_from(list(Provenance)))
        text = f"{n:,}" if given_as is Provenance.WORDED else ""
        shape = draw(st.sampled_from(["exact", "at_least", "about"]))
        e = getattr(Estimate, shape)(n, text=text, provenance=given_as)
        out.append(
            Claim(
                id=f"c{i}",
                metric="killed",
                estimate=e,
                scope=Scope(place=draw(st.sampled_from(["A", "B"])), counted="people"),
                source=draw(st.sampled_from(["MoH", "UN", "Reuters"])),
                source_grade=draw(st.sampled_from(_GRADES)),
            )
        )
    return out


@settings(max_examples=150, deadline=None)
@given(_claims(), st.sampled_from(_POLICIES))
def test_bulk_and_claim_by_claim_paths_state_the_same_precision_and_grades(
    claims: list[Claim], policy: Policy
) -> None:
    """Law: a quiet group built in bulk has the precision, step and source grades analyse gives it."""
    positions, _ = group_claims(claims)
    raw = [[claims[i] for i in g] for g in positions]
    quiet = quiet_groups(Columns(claims, positions, policy), raw, policy)
    for index, cs in enumerate(raw):
        group = analyse(f"g{index + 1}", cs, policy)[0]
        if quiet.quiet[index]:
            assert attrs.asdict(quiet.group(index)) == attrs.asdict(group)
        kinds = {KINDS[figure_precision(c.estimate, policy.precision)[0]] for c in cs}
        assert set((group.precision or "").split("+")) == kinds
        assert set(group.source_grades) == {c.source_grade for c in cs} - {None}
