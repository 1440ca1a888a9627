"""How figures relate to each other: parts and wholes, series over time, composites and reporting lags.

A :class:`Taxonomy` of :class:`Relation` says which counted things and metrics add up to which
(people = adults + children); a :class:`Series` is one origin's figures for one :class:`FigureKey` over
time; a :class:`Composite` is a figure stated as a sum of parts ("12 killed, including 3 children");
a :class:`Lag` is one origin reporting what another did, days later.

>>> from claimdiff.relations import RelationKind
>>> [k.value for k in RelationKind]
['partition', 'at_most']
"""

from claimdiff._core.lags import Lag, Lags
from claimdiff._core.relations import DEFAULT_TAXONOMY, FigureKey, Relation, RelationKind, Taxonomy
from claimdiff._core.series import Series
from claimdiff._model.composite import Composite, composite_claims, parse_composite

__all__ = [
    "DEFAULT_TAXONOMY",
    "Composite",
    "FigureKey",
    "Lag",
    "Lags",
    "Relation",
    "RelationKind",
    "Series",
    "Taxonomy",
    "composite_claims",
    "parse_composite",
]
