"""The source's own grade of each row, kept on its claim (see :class:`claimdiff.sources.SourceGrade`).

A reader notes each row's grade by claim id while it reads, then hands the claims back with their
grades: equal grades are one shared value, so a million events coded alike hold a handful of them.
"""

from __future__ import annotations

import attrs

from claimdiff._formats.claims_file import LoadedClaims
from claimdiff._model.source_grade import SourceGrade

__all__ = ["Grades"]


class Grades:
    """The grades a reader found, by claim id, each distinct grade held once."""

    def __init__(self) -> None:
        self._by_id: dict[str, SourceGrade] = {}
        self._shared: dict[SourceGrade, SourceGrade] = {}

    def note(self, claim_id: str, grade: SourceGrade | None) -> None:
        """Keep ``grade`` for the claim ``claim_id`` (nothing when ``grade`` is ``None``)."""
        if grade is not None:
            self._by_id[claim_id] = self._shared.setdefault(grade, grade)

    def apply(self, loaded: LoadedClaims) -> LoadedClaims:
        """The claims with their grades; claims with none, and the rejected rows, as they were."""
        if not self._by_id:
            return loaded
        get = self._by_id.get
        claims = tuple(
            c if (g := get(c.id)) is None else attrs.evolve(c, source_grade=g)
            for c in loaded.claims
        )
        return attrs.evolve(loaded, claims=claims)
