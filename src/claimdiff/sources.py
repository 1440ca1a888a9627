"""Who said it: the names a source is filed under, and the grades sources give their own figures.

:func:`canonical_source` folds a spelling to the one name claimdiff files a source under, from
:data:`SOURCE_ALIASES` (common bodies) and any aliases given; a :class:`SourceGrade` is a grade a source
gave its own figure (Airwars' grade, ACLED's and UCDP's precision codes).

>>> from claimdiff.sources import canonical_source
>>> canonical_source("UN Human Rights Office")
'OHCHR'
"""

from claimdiff._model.aliases import SOURCE_ALIASES, canonical_source
from claimdiff._model.source_grade import SourceGrade

__all__ = ["SOURCE_ALIASES", "SourceGrade", "canonical_source"]
