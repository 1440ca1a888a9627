"""ACLED's events with the figures of their notes read by the extractor: the public :func:`read_acled`.

The events themselves are read by :mod:`claimdiff._formats.anchors.acled`, a file format, which knows
nothing of extraction; this module passes it :func:`claimdiff.extract` to read the notes, so that the
layers stay in order (the formats below extraction).
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from claimdiff._extract import extract
from claimdiff._formats.anchors.acled import ACLED_SOURCE, read_acled_events
from claimdiff._formats.claims_file import LoadedClaims
from claimdiff._model.claim import Claim
from claimdiff._model.hedges import ACLED_HEDGES, HedgePolicy

__all__ = ["read_acled"]


def read_acled(
    table: str | os.PathLike[str] | Any,
    *,
    extract_notes: bool = False,
    name: str | None = None,
    hedges: HedgePolicy = ACLED_HEDGES,
    dayfirst: bool | None = None,
) -> LoadedClaims:
    """Read ACLED events (a CSV export, a DataFrame or rows) as claims, one per event.

    >>> rows = [{"event_id_cnty": "SYR1", "event_date": "30 December 2023", "time_precision": 2, "fatalities": 5,
    ...          "country": "Syria", "admin1": "Idlib", "admin2": None, "source": "SOHR; Step News Agency",
    ...          "event_type": "Explosions/Remote violence",
    ...          "notes": "On 30 December 2023, shelling killed 7 civilians in Idlib, SOHR said."}]
    >>> loaded = read_acled(rows, extract_notes=True)
    >>> acled, note = loaded.claims
    >>> acled.id, acled.estimate.describe(), acled.scope.place, acled.period.isoformat()
    ('acled-SYR1', '5', ('Syria', 'Idlib'), '2023-12-27/2024-01-02')
    >>> note.id, note.estimate.describe(), note.source.name
    ('acled-SYR1/notes/syrian-observatory-for-killed-civilians', '7', 'Syrian Observatory for Human Rights')

    Args:
        table: An ACLED CSV export, a :class:`pandas.DataFrame` of its rows, or an iterable of mappings.
        extract_notes: Also read the figures in each event's ``notes`` as claims (ids ``acled-<id>/notes/...``).
        name: The table's name in messages (default: the path).
        hedges: How hedged figures in the notes are read (ACLED's own reading by default: "dozens" is 12).
        dayfirst: Whether numeric dates (``1/12/2023``) put the day first; by default the file settles it
            from its dates that can be read one way only, and an ambiguous date is otherwise rejected.

    Returns:
        The claims, and the rows that could not be read with their reasons.

    Raises:
        ClaimFileError: The table cannot be read, is an API response reporting a failure, names a column
            twice, or lacks one of the columns ``event_id_cnty, event_date, fatalities, country``.

    .. versionadded:: 0.2.0
    """
    notes = _note_figures if extract_notes else None
    return read_acled_events(table, notes=notes, name=name, hedges=hedges, dayfirst=dayfirst)


def _note_figures(text: str, day: dt.date, hedges: HedgePolicy) -> list[Claim]:
    """The figures an event's notes state, as the extractor reads them (published by ACLED on the event's day)."""
    return [
        c.claim for c in extract(text, published=day, outlet=ACLED_SOURCE["name"], hedges=hedges)
    ]
