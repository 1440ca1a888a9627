"""The claim a table's cell makes: one figure, its metric, thing counted, place and source, as a candidate.

Every reader of tables (:mod:`claimdiff._extract._cells`, :mod:`claimdiff._extract._infobox_sides`)
turns a cell into a claim here: a table's cell is a datum, compared exactly, as a number in a data
file is; a figure whose metric or thing the vocabulary refuses is no claim.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from claimdiff._extract._candidate import Candidate
from claimdiff._model.claim import Claim, Scope
from claimdiff._model.estimate import Estimate, Provenance
from claimdiff.exceptions import ClaimdiffError

if TYPE_CHECKING:
    from claimdiff._extract._reader import _Reader
    from claimdiff._model.source import Source

__all__ = ["CellFigure", "cell_candidate"]


@attrs.frozen
class CellFigure:
    """What a cell says of one figure: its span, estimate, metric and thing counted, and its row's place."""

    start: int
    end: int
    estimate: Estimate
    metric: str
    counted: str | None
    place: tuple[str, ...]
    part_of: str | None = None


def cell_candidate(
    reader: _Reader,
    figure: CellFigure,
    source: Source,
    via: tuple[Source, ...],
    *,
    quote: str,
    row: int,
) -> Candidate | None:
    """The candidate of one cell's figure (row ``row`` of its table), or None if the vocabulary refuses it."""
    try:
        claim = Claim(
            id=reader.make_id(source, figure.metric, figure.counted),
            metric=reader.vocabulary.metric(figure.metric),
            estimate=attrs.evolve(figure.estimate, provenance=Provenance.DATUM),
            scope=Scope(place=figure.place, counted=figure.counted),
            source=source,
            via=via,
            quote=quote,
            location=f"table row {row}, characters {figure.start}-{figure.end}",
            part_of=figure.part_of,
        )
    except ClaimdiffError:
        return None
    return Candidate(
        claim=claim,
        start=figure.start,
        end=figure.end,
        phrase=reader.text[figure.start : figure.end],
        part_of=claim.part_of,
    )
