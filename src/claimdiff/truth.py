"""Truth discovery: whom to believe, learned from the claims themselves (the ``truth`` policy).

:func:`discover` weighs each origin by how often its figures agree with what the others say, finds
suspected copiers and systematic shifts (an origin always 10% high, or in thousands), and returns a
:class:`TruthResult`; ``reconcile(claims, "truth")`` puts it on the report as :attr:`claimdiff.Report.truth`.
The method is explained in the docs' *truth* page.

>>> from claimdiff import Claim, Scope, Source
>>> from claimdiff.truth import discover
>>> def claim(i, figure, who):
...     return Claim(id=i, metric="killed", estimate=figure, scope=Scope(place="X", counted="people"),
...                  source=Source(who))
>>> result = discover([[claim(f"{n}a", v, "A"), claim(f"{n}b", v, "B"), claim(f"{n}c", v * 3, "C")]
...                    for n, v in enumerate([10, 20, 30, 40, 50])])
>>> [item.best for item in result.items], result.shifts[0].message
([10.0, 20.0, 30.0, 40.0, 50.0], "'c' is 3 times the consensus on 5 of 5 contested items")
"""

from claimdiff._core.truth import (
    ClaimFit,
    CopyPair,
    ItemTruth,
    SharedValue,
    SourceReliability,
    SystematicShift,
    TruthPrior,
    TruthResult,
    TruthSettings,
    discover,
)

__all__ = [
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
]
