"""Figures given as data, declared rounded: a table whose figures are rounded (population to the thousand).

Numbers given as data are exact by default (:class:`claimdiff.hedges.Provenance`); a reader told that its
table is rounded marks them so, and they then get the precision their digits imply.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from claimdiff._model.claim import Claim, Scope  # noqa: F401 - Scope for the example
from claimdiff._model.estimate import Provenance

__all__ = ["rounded_data"]


def rounded_data(claims: Iterable[Claim]) -> list[Claim]:
    """The claims with every figure given as data marked rounded: a table whose figures are rounded.

    Numbers given as data are exact by default; a reader told that its table is rounded (population
    estimates to the thousand, a dashboard's round tallies) marks them so, and they then get the
    precision their digits imply, as worded figures do (see :class:`claimdiff.tolerance.Precision`). Worded
    figures and claims already marked are kept as they are.

    >>> c = Claim(id="a", metric="killed", estimate=30_000, scope=Scope(counted="people"), source="MoH")
    >>> rounded_data([c])[0].estimate.provenance
    <Provenance.ROUNDED: 'rounded'>
    """
    rounded = Provenance.ROUNDED
    return [
        attrs.evolve(c, estimate=attrs.evolve(c.estimate, provenance=rounded))
        if c.estimate.provenance is Provenance.DATUM
        else c
        for c in claims
    ]
