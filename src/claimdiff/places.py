"""Where a figure holds: place names normalised to paths, through a gazetteer.

A :class:`Gazetteer` knows countries and their subdivisions by their common names;
:data:`DEFAULT_GAZETTEER` holds ISO 3166 countries and first-level subdivisions. :func:`place_path`
splits a place written from the largest down, :func:`place_key` folds a place to the key claims are
compared by.

>>> from claimdiff.places import place_path
>>> place_path("Russia > Belgorod Oblast")
('Russia', 'Belgorod Oblast')
"""

from claimdiff._model.claim import place_path
from claimdiff._model.places import DEFAULT_GAZETTEER, Gazetteer, place_key

__all__ = ["DEFAULT_GAZETTEER", "Gazetteer", "place_key", "place_path"]
