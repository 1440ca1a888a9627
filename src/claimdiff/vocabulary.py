"""What is measured and what is counted: the metrics, their synonyms and their units.

A :class:`Vocabulary` of :class:`Metric` normalises "deaths", "fatalities" and "killed" to one metric;
:data:`DEFAULT_VOCABULARY` is the one claimdiff uses unless told otherwise.

>>> from claimdiff.vocabulary import DEFAULT_VOCABULARY
>>> DEFAULT_VOCABULARY.metric("fatalities").name
'killed'
"""

from claimdiff._model.vocabulary import DEFAULT_VOCABULARY, Metric, Vocabulary

__all__ = ["DEFAULT_VOCABULARY", "Metric", "Vocabulary"]
