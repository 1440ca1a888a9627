"""The one maker of a quiet group (``quiet_group``), asked with what is read of claims or of a claim table's columns."""

from __future__ import annotations

from unittest import mock

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimdiff._core.reconcile as reconcile_module
from claimdiff import POLICIES, claims_from_dataframe, reconcile
from claimdiff._core.estimators import BY_FIGURES
from claimdiff._core.group_build import made_group
from claimdiff._formats.quiet_inputs import quiet_inputs, quiet_of

_UNITS = ["km", "m", "mi"]


@st.composite
def measured_frames(draw):
    """Places each with one to four readings of a distance in mixed units and wordings, some of one source."""
    rows = []
    for g in range(draw(st.integers(1, 12))):
        truth = draw(st.sampled_from([2, 3, 5]))
        for r in range(draw(st.integers(1, 4))):
            unit = draw(st.sampled_from(_UNITS))
            figure = {"km": truth, "m": truth * 1000, "mi": round(truth / 1.609344, 1)}[unit]
            word = draw(st.sampled_from(["", "about ", "at least "]))
            rows.append(
                {
                    "id": f"c{g}-{r}",
                    "metric": "distance",
                    "place": f"Country > Town {g}",
                    "value": f"{word}{figure} {unit}",
                    "period": draw(st.sampled_from(["", "2024-01-02", "2024-01-01/2024-01-05"])),
                    "source": f"source {draw(st.integers(0, 3))}",
                }
            )
    return pd.DataFrame(rows)


def _reconciled(frame, policy):
    """The frame's claim table reconciled by the columnar core, however few its claims (quiet groups made when read)."""
    with mock.patch.object(reconcile_module, "COLUMNAR_FROM", 0):
        return reconcile(claims_from_dataframe(frame).claims, policy)


def _made_both_ways(report):
    """Each quiet group made per input from the columns, beside the one made from its claims."""
    groups = report.groups
    quiet = quiet_of(groups)
    assert quiet is not None
    held = dict(groups.held())
    positions = np.array([i for i in range(len(groups)) if i not in held], np.int64)
    if not len(positions):
        return []
    inputs = quiet_inputs(quiet, positions)
    assert inputs.table is report.claims.table
    firsts = [int(positions[list(inputs.number).index(k)]) for k in range(len(inputs.built))]
    return [
        (made_group(made), quiet.group(at)) for made, at in zip(inputs.built, firsts, strict=True)
    ]


@settings(max_examples=40, deadline=None)
@given(
    measured_frames(),
    st.sampled_from(sorted(p for p in POLICIES if POLICIES[p].estimator in BY_FIGURES)),
)
def test_a_quiet_group_made_from_columns_is_the_one_made_from_its_claims(frame, policy):
    """Law: units, wordings, periods and shared sources read from a claim table's columns make the very group
    that reading them of the claims makes (display unit, intervals, best figure, precision, names)."""
    for made, from_claims in _made_both_ways(_reconciled(frame, policy)):
        assert made == from_claims


@pytest.mark.parametrize(
    "policy", sorted(p for p in POLICIES if POLICIES[p].estimator in BY_FIGURES)
)
def test_groups_of_one_claim_and_of_several_keep_their_best_to_their_own_intervals(policy):
    """A single reading's best keeps to its own widened interval, a group's to what its claims allow as worded;
    made from columns, each best lies inside the group's interval shown, in the group's display unit."""
    frame = pd.DataFrame(
        {
            "id": [f"c{i}" for i in range(9)],
            "metric": "distance",
            "place": ["A", "B", "B", "C", "C", "C", "D", "D", "E"],
            "value": [
                "2 km",
                "2 km",
                "2000 m",
                "about 3 km",
                "3 km",
                "3000 m",
                "5 mi",
                "8 km",
                "1.2 mi",
            ],
            "source": ["s1", "s1", "s2", "s1", "s2", "s3", "s1", "s2", "s3"],
        }
    )
    pairs = _made_both_ways(_reconciled(frame, policy))
    assert pairs
    for made, from_claims in pairs:
        assert made == from_claims
        assert made.low <= made.best <= made.high
    units = {g.place: g.unit for g, _ in pairs}
    assert units.get(("C",), "kilometer") == "kilometer"  # two of three readings in km
