"""The groups table: made from the report's groups as read (quiet ones built on access), cell for cell."""

from __future__ import annotations

from unittest import mock

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import claimdiff._core.reconcile as reconcile_module
from claimdiff import reconcile
from claimdiff._formats.export import report_columns
from claimdiff.strategies import claim_sets, reports


def _columnar(sets):
    """The claim sets reconciled by the columnar core, whatever their number (quiet groups built when read)."""
    with mock.patch.object(reconcile_module, "COLUMNAR_FROM", 0):
        return reconcile(
            [attrs.evolve(c, id=f"{k}-{c.id}") for k, cs in enumerate(sets) for c in cs]
        )


@settings(max_examples=60)
@given(
    st.one_of(
        reports(), st.lists(claim_sets(contradiction=False), min_size=1, max_size=3).map(_columnar)
    )
)
def test_the_groups_table_is_the_same_from_lazy_and_from_materialised_groups(report):
    """Law: the table of a report whose quiet groups are built when read == that of its groups held as objects."""
    lazy = report_columns(report, "groups")
    held = report_columns(attrs.evolve(report, groups=tuple(report.groups)), "groups")
    assert lazy.keys() == held.keys()
    for name in lazy:
        assert [repr(v) for v in lazy[name]] == [repr(v) for v in held[name]], name
    groups = list(report.groups)
    assert lazy["id"] == [g.id for g in groups]
    assert lazy["n_claims"] == [len(g.claims) for g in groups]
    assert lazy["best"] == [g.best for g in groups]
    assert lazy["verdict"] == [g.verdict for g in groups]
    assert lazy["grade_note"] == [g.grades_text() for g in groups]


def test_an_empty_report_has_an_empty_groups_table_with_every_column():
    """No group: every column is there, empty."""
    cols = report_columns(reconcile([]), "groups")
    assert len(cols) == 35
    assert all(v == [] for v in cols.values())
