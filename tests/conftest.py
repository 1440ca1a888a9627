"""Shared test configuration: hypothesis profiles and paths."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

# CI: no deadline (deadlines make property tests flaky on shared machines), print the seed.
settings.register_profile(
    "ci", deadline=None, print_blob=True, max_examples=200, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "belgorod-2023-12-30.yaml"
SHARED = ROOT.parent / "shared"
