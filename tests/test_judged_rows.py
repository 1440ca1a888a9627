"""The tables read a loud group judged and not made of its verdict: the same cells as the group made, none made."""

from __future__ import annotations

from contextlib import nullcontext
from unittest import mock

import attrs
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimdiff._core.reconcile as reconcile_module
from claimdiff import POLICIES, claims_from_dataframe, reconcile
from claimdiff._core.judged_group import Verdict
from claimdiff._formats.export import report_columns
from claimdiff._formats.groups_table import group_row
from claimdiff._formats.judged_rows import judged_of, verdict_cells, verdict_members
from claimdiff.strategies import claim_sets

#: Plants that leave a loud group judged and not made (it revises, outdates and withdraws nothing).
_LOUD = ("contradiction", "outlier", "subtotal_mismatch", "part_exceeds_whole")


@st.composite
def loud_reports(draw):
    """Claim sets, some with a conflict planted, reconciled by the columnar core whatever their number."""
    sets = draw(
        st.lists(
            st.one_of(
                claim_sets(contradiction=False, max_size=5),
                st.sampled_from(_LOUD).flatmap(lambda p: claim_sets(plant=p, max_size=5)),
            ),
            min_size=1,
            max_size=4,
        )
    )
    policy = draw(st.sampled_from(sorted(POLICIES)))
    claims = [attrs.evolve(c, id=f"{k}-{c.id}") for k, cs in enumerate(sets) for c in cs]
    with mock.patch.object(reconcile_module, "COLUMNAR_FROM", 0):
        return reconcile(claims, policy)


def _verdicts(report):
    """The report's groups judged and not made yet, by position (empty when none is)."""
    judged = judged_of(report.groups)
    if judged is None:
        return {}
    found = {k: judged.verdict(k) for k in sorted(judged.positions())}
    return {k: v for k, v in found.items() if isinstance(v, Verdict)}


def _unmade():
    """Refuse to make a group from its verdict (the tables must read the verdict instead)."""
    return mock.patch.object(Verdict, "__call__", side_effect=AssertionError("a group was made"))


@settings(max_examples=60, deadline=None)
@given(loud_reports())
def test_a_verdicts_cells_are_those_of_the_group_made_from_it(report):
    """Law: each cell the groups table reads of a verdict equals the cell it reads of the group made from it."""
    verdicts = _verdicts(report)
    cells = list(verdict_cells(list(verdicts.values())))
    members = list(verdict_members(list(verdicts.values())))
    for (k, v), read, listed in zip(verdicts.items(), cells, members, strict=True):
        group = v()
        assert group == report.groups[k]
        assert group_row(read, None, 0) == group_row(group, None, 0), k
        for name in ("supporting", "dissenting", "superseded", "stale", "withdrawn"):
            assert sorted(getattr(read, name)) == list(getattr(group, name)), name
            if name != "supporting":
                assert sorted(getattr(listed, name)) == list(getattr(group, name)), name
        assert tuple(c.id for c in read.claims) == listed.claims == group.claims
        assert read.grades_text() == group.grades_text()


@settings(max_examples=60, deadline=None)
@given(loud_reports())
def test_the_tables_read_judged_groups_without_making_them(report):
    """Law: the groups and claims tables of a report whose loud groups are not made yet make none of them, and
    equal those of the same report with every group held as an object."""
    # (A truth report's groups are made by the truth policy's own maker, from the groups: they are made here.)
    with _unmade() if judged_of(report.groups) is not None else nullcontext():
        lazy = {t: report_columns(report, t) for t in ("groups", "claims")}
    held = attrs.evolve(report, groups=tuple(report.groups))
    for table, columns in lazy.items():
        made = report_columns(held, table)
        for name, column in columns.items():
            assert [repr(v) for v in column] == [repr(v) for v in made[name]], (table, name)


@pytest.fixture(scope="module")
def frame_report():
    """1,500 countries each with two claims of the same toll, one in three with a third far above them."""
    rows = []
    for g in range(1500):
        figures = [10.0 + g % 7, 10.0 + g % 7] + ([500.0] if g % 3 == 0 else [])
        rows.extend(
            {
                "id": f"c{g}-{r}",
                "metric": "killed",
                "counted": "people",
                "place": f"Country {g}",
                "best": figure,
                "source": f"source {(g + r) % 40}",
            }
            for r, figure in enumerate(figures)
        )
    return reconcile(claims_from_dataframe(pd.DataFrame(rows)))


def test_the_groups_table_of_a_frame_makes_no_loud_group(frame_report):
    """The 500 groups with a figure far above the rest are judged, not made, and the tables make none; a group
    read afterwards is made from its verdict, equal to its row."""
    verdicts = _verdicts(frame_report)
    assert len(verdicts) == 500
    with _unmade():
        table = report_columns(frame_report, "groups")
        claims = report_columns(frame_report, "claims")
    at = next(iter(verdicts))
    group = frame_report.groups[at]
    assert table["verdict"][at] == group.verdict == "contradiction"
    assert table["n_dissenting"][at] == len(group.dissenting) == 1
    assert table["best"][at] == group.best
    assert [s for s, g in zip(claims["status"], claims["group"], strict=True) if g == group.id] == [
        "supporting",
        "supporting",
        "dissenting",
    ]


def test_a_column_of_parts_is_named_as_each_part_is():
    """``about_columns`` reads each cell of a column of parts as ``about_part`` reads it of each part alone, and
    ``about_of`` is the cells of its four parts."""
    from claimdiff import Claim, Scope
    from claimdiff._core.group_build import about_columns, about_of, about_part

    claims = [
        Claim(id="a", metric="killed", estimate=3, scope=Scope(counted="people"), source="A"),
        Claim(
            id="b",
            metric="covid deaths",
            estimate="3 km",
            scope=Scope(place="Chad > Kanem", event="flood"),
            source="B",
            period="2020-01-01/2020-02-01",
        ),
    ]
    parts = {
        "metric": [c.metric for c in claims],
        "scope": [c.scope for c in claims],
        "dimension": [c.dimension for c in claims],
        "hull": [c.period for c in claims],
    }
    for part, values in parts.items():
        columns = about_columns(part, values)
        assert [{name: column[k] for name, column in columns.items()} for k in range(2)] == [
            about_part(part, v) for v in values
        ], part
    for k in range(2):
        whole = about_of(*(values[k] for values in parts.values()))
        assert whole == {
            name: cell
            for part, values in parts.items()
            for name, cell in about_part(part, values[k]).items()
        }
    assert about_of(*(values[1] for values in parts.values()))["period"] == "2020-01-01/2020-02-01"
