"""Shared test configuration: hypothesis profiles and paths."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

# CI: no deadline (deadlines make property tests flaky on shared machines), print the seed, and derandomize, so
# that a submission passes or fails on its own merits: a bug one run finds, every run finds.
settings.register_profile(
    "ci",
    deadline=None,
    print_blob=True,
    max_examples=200,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, max_examples=100)
# Local bug hunting: `HYPOTHESIS_PROFILE=thorough pytest`, random and ten times the CI examples.
settings.register_profile(
    "thorough",
    deadline=None,
    print_blob=True,
    max_examples=2000,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

#: Round trips guard every file a user saves: they run with three times the profile's examples.
ROUND_TRIP_EXAMPLES = 3 * settings.default.max_examples

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "belgorod-2023-12-30.yaml"
SHARED = ROOT.parent / "shared"
