"""How hedged wording becomes an interval: the hedge tables, and the reading of one figure.

A :class:`HedgePolicy` maps phrases ("at least", "over", "about") and vague quantities ("dozens") to
intervals; :data:`DEFAULT_HEDGES` is claimdiff's, :data:`ACLED_HEDGES` follows ACLED's coding rules. A
:class:`claimdiff.Policy` carries its table (``Policy.hedges``). :func:`parse_estimate` reads one figure;
:class:`Provenance` says whether it came in words (hedges apply) or as a number given as data.

>>> from claimdiff.hedges import ACLED_HEDGES, parse_estimate
>>> parse_estimate("dozens", hedges=ACLED_HEDGES)
Estimate(low=12, high=99, point=12, hedge=Hedge.VAGUE, text='dozens')
"""

from claimdiff._model.estimate import Provenance
from claimdiff._model.hedges import (
    ACLED_HEDGES,
    DEFAULT_HEDGES,
    HedgePolicy,
    VagueQuantity,
    parse_estimate,
)

__all__ = [
    "ACLED_HEDGES",
    "DEFAULT_HEDGES",
    "HedgePolicy",
    "Provenance",
    "VagueQuantity",
    "parse_estimate",
]
