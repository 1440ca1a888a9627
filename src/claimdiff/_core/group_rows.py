"""The claims of every group of a report, held as rows of the claims reconciled: a group's claims are built when read.

Grouping gives each group as positions in the claims reconciled (:func:`claimdiff._core.grouping.group_claims`).
When those claims are a :class:`~claimdiff._model.claim_table.ClaimTable`, a claim is built only when its group is
read (a loud group judged claim by claim, a quiet group made when the report is read); what the core asks of
every group (its key, its first claim's metric and period) comes from the table's columns, not from its claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import Any, overload

from claimdiff._core.grouping import Keys, PerRow, keys_of
from claimdiff._core.table_reads import Positions, first_positions
from claimdiff._model.claim import Claim
from claimdiff._model.claim_table import ClaimTable

__all__ = ["GroupRows", "first_of", "laid_out_truthy"]


class GroupRows(Sequence[list[Claim]]):
    """Each group's claims, by group position: ``rows[i]`` is the list of group ``i``'s claims, built when read.

    >>> from claimdiff import Claim, Scope
    >>> cs = [Claim(id=i, metric="killed", estimate="3", scope=Scope(counted="people"), source="A")
    ...       for i in "ab"]
    >>> rows = GroupRows(cs, [[1], [0]])
    >>> [[c.id for c in g] for g in rows], rows.first_of("key")[0]
    ([['b'], ['a']], ('killed', 'people', (), ''))
    """

    __slots__ = ("_firsts", "_keys", "claims", "positions")

    def __init__(
        self, claims: Sequence[Claim], positions: Sequence[list[int]], keys: Keys | None = None
    ) -> None:
        """Groups of ``claims`` at ``positions``; ``keys`` is what grouping read of each claim, when known."""
        self.claims = claims
        self.positions = positions
        self._keys = keys
        self._firsts: dict[str, list[Any]] = {}

    def __len__(self) -> int:
        return len(self.positions)

    @overload
    def __getitem__(self, i: int) -> list[Claim]: ...

    @overload
    def __getitem__(self, i: slice) -> list[list[Claim]]: ...

    def __getitem__(self, i: int | slice) -> list[Claim] | list[list[Claim]]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        claims = self.claims
        return [claims[p] for p in self.positions[i]]

    def prepare(self, groups: Sequence[int]) -> None:
        """Build the claims of ``groups`` at once, before they are read one group at a time (a claim table's)."""
        claims = self.claims
        if type(claims) is ClaimTable:
            positions = self.positions
            claims.build([p for i in groups for p in positions[i]])

    def size(self, i: int) -> int:
        """How many claims group ``i`` has (none is built)."""
        return len(self.positions[i])

    def first_of(self, field: str) -> list[Any]:
        """Per group, its first claim's ``field`` (``"key"``, ``"metric"``, ``"period"``, ...), read without building it.

        A claim table gives its column; grouping's keys give ``key``; other claims are read themselves. The
        first keys and periods are read once and kept (the core asks each more than once).
        """
        if field in self._firsts:
            return list(self._firsts[field])
        positions = self.positions
        firsts: Any = (
            positions.flat[positions.starts]
            if isinstance(positions, Positions)
            else first_positions(positions)
        )
        if field == "key" and self._keys is None:
            self._keys = keys_of(self.claims)
        if field == "key" or (field == "period" and self._keys is not None):
            per_row = self._keys.keys if field == "key" else self._keys.periods  # type: ignore[union-attr]
            if type(per_row) is PerRow:  # a claim table's column, or codes: read at once
                out = per_row.at(firsts)
            else:
                out = list(map(per_row.__getitem__, _listed(firsts)))
            self._firsts[field] = out
            return list(out)
        claims = self.claims
        if type(claims) is ClaimTable:
            codes, parts = claims.column(field)
            return list(map(parts.__getitem__, codes[firsts].tolist()))
        return [getattr(claims[p], field) for p in _listed(firsts)]

    def key_ranks(self) -> Any:
        """Each group's key's rank among the keys (numpy; equal keys alike), when grouping found them, else ``None``."""
        positions = self.positions
        return positions.key_rank if isinstance(positions, Positions) else None

    def let_go_of_keys(self) -> None:
        """Keep each group's first key and period, and let go of what grouping read of every claim (lists per claim).

        :meth:`first_of` answers ``"key"`` and ``"period"`` from what is kept; nothing else reads the keys.
        """
        if self._keys is not None:
            for field in ("key", "period"):
                self.first_of(field)
            self._keys = None

    def truthy(self, np: Any, field: str) -> Any:
        """Per claim (by position), whether its ``field`` is set (truthy), as a numpy array; none is built."""
        claims = self.claims
        if type(claims) is ClaimTable:
            codes, parts = claims.column(field)
            return np.array([bool(p) for p in parts], np.bool_).reshape(-1)[codes]
        return np.fromiter(map(bool, map(attrgetter(field), claims)), np.bool_, len(claims))


def _listed(positions: Any) -> list[int]:
    """Positions as a list of Python integers (given as numpy integers or as a list)."""
    return positions if type(positions) is list else positions.tolist()


def first_of(groups: Sequence[list[Claim]], field: str) -> list[Any]:
    """Per group, its first claim's ``field``: :meth:`GroupRows.first_of`, or read from each group's first claim."""
    if isinstance(groups, GroupRows):
        return groups.first_of(field)
    return [getattr(cs[0], field) for cs in groups]


def laid_out_truthy(np: Any, groups: Sequence[list[Claim]], position: Any, field: str) -> Any:
    """Whether each claim's ``field`` is set, claims laid out group after group (``position``: each one's position)."""
    if isinstance(groups, GroupRows):
        return groups.truthy(np, field)[position]
    read = attrgetter(field)
    return np.fromiter((bool(read(c)) for cs in groups for c in cs), np.bool_, len(position))
