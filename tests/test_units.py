"""The unit registry: the built-in table of common units agrees with pint, and the seed needs no pint."""

from __future__ import annotations

import subprocess
import sys

import pytest

from claimdiff._model import units


@pytest.mark.parametrize("name", sorted(units._COMMON))
def test_the_common_units_table_is_what_pint_says(name: str) -> None:
    """Each built-in unit has exactly the dimension, canonical unit and factor pint resolves it to."""
    reg = units.registry()
    one = reg.Quantity(1.0, reg.parse_units(name)).to_base_units()
    dimension, canonical, factor = units._COMMON[name]
    assert dimension == (str(one.dimensionality) if one.dimensionality else "dimensionless")
    assert canonical == (str(one.units) if one.dimensionality else "")
    assert factor == float(one.magnitude)


def test_checking_the_seed_never_builds_pints_registry() -> None:
    """Reading and reconciling the Belgorod seed (miles, years) uses the built-in table: pint is not imported."""
    code = (
        "import sys, claimdiff; r = claimdiff.reconcile(claimdiff.load_claims('seeds/belgorod-2023-12-30.yaml'));"
        " print(len(r.groups), 'pint' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["20", "False"]
