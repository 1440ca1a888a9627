"""Truth discovery: learned source reliability, copying and systematic shifts (numpy, imported lazily)."""

from claimdiff._core.truth.discover import discover
from claimdiff._core.truth.factors import KNOWN_FACTORS, likely_units
from claimdiff._core.truth.results import (
    ClaimFit,
    CopyPair,
    ItemTruth,
    SharedValue,
    SourceReliability,
    SystematicShift,
    TruthPrior,
    TruthResult,
    TruthSettings,
)

__all__ = [
    "KNOWN_FACTORS",
    "ClaimFit",
    "CopyPair",
    "ItemTruth",
    "SharedValue",
    "SourceReliability",
    "SystematicShift",
    "TruthPrior",
    "TruthResult",
    "TruthSettings",
    "discover",
    "likely_units",
]
