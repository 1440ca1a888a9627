"""The claims a reconcile takes: repeated ids rejected, worded figures read with the policy's hedges, withdrawals checked.

:func:`accept` keeps a claim table whose ids are distinct as a table (none built); :func:`withdrawn_ids` gives
the ids of the claims withdrawn and rejects a withdrawal of no known claim or dated before its claim.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain, islice
from operator import attrgetter, eq
from typing import Any

from claimdiff._core.codes import identity_codes
from claimdiff._core.grouping import Keys, id_order, keys_of
from claimdiff._core.hedge_reading import Reread, read_with_policy, rereads_any
from claimdiff._core.list_keys import list_keys
from claimdiff._core.policy import Policy
from claimdiff._core.report import Rejected
from claimdiff._core.table_reads import distinct_ids, table_keys
from claimdiff._model.claim import Claim
from claimdiff._model.claim_table import ClaimTable, by_id
from claimdiff._model.withdrawal import Withdrawal
from claimdiff.exceptions import InvalidClaimError

__all__ = ["accept", "in_id_order", "in_memory_order", "withdrawn_ids"]

_ESTIMATE = attrgetter("estimate")
_ID = attrgetter("id")
_BLOCK = 1 << 16


def accept(
    claims: Iterable[Claim], policy: Policy, bulk_from: int | None = None
) -> tuple[Sequence[Claim], list[Rejected], dict[str, Reread], Keys | None]:
    """The claims reconciled (each worded figure read with the policy's hedges), those rejected, and what was re-read.

    A claim table whose ids are distinct and whose figures the policy's hedges read as they are is
    checked on its columns, which also give what grouping reads of each claim (returned last);
    its claims are then returned as a table in id order, none built. Other claims are returned in the order
    given (a long list with distinct ids whose claims lie scattered in memory, in memory order:
    :func:`in_memory_order`; ids decide every order the report shows), with what grouping reads of each (:func:`~claimdiff._core.grouping.keys_of`), their ids sorted once;
    from ``bulk_from`` claims on, each part is held as codes (:func:`~claimdiff._core.list_keys.list_keys`)
    and the distinct estimates are found once, for the re-reading and for the columns.
    """
    if type(claims) is ClaimTable:
        import numpy as np  # noqa: PLC0415 - a table exists only where numpy read it

        if not rereads_any(claims, policy):
            table = by_id(
                claims
            )  # in id order, as the report lists claims (equal ids: next to each other)
            if distinct_ids(np, table):  # every row is reconciled as it is: kept as a table
                return table, [], {}, table_keys(np, table)
    given = list(claims)
    if not all(issubclass(kind, Claim) for kind in set(map(type, given))):  # asked once per type
        bad = next(c for c in given if not isinstance(c, Claim))
        raise InvalidClaimError(None, "claims", bad, "must hold only Claim objects")
    bulk = bulk_from is not None and len(given) >= bulk_from
    # A long list of claims scattered in memory is taken in the order they sit there: every later pass over
    # them reads neighbours. Claims whose ids are distinct are grouped, and listed, by id: nothing else changes.
    taken = given
    if bulk and type(claims) is not ClaimTable:
        import numpy as np  # noqa: PLC0415 - a long list is read into numpy columns anyway

        taken = in_memory_order(np, given)
    # The ids sorted once: repeated ids sit side by side, and grouping takes each group's claims in this order.
    # Each worded figure is then read with the policy's hedges (a claim re-read keeps its id and its place).
    ids = list(map(attrgetter("id"), taken))
    order = id_order(ids)
    in_order = [ids[i] for i in order]
    if any(
        map(eq, in_order, islice(in_order, 1, None))
    ):  # a repeated id: the rule for repeats decides, in the order given
        kept, rejected = _unique(given)
        accepted, reread = read_with_policy(kept, policy)
        return accepted, rejected, reread, _keys(accepted, bulk)
    if not bulk:
        accepted, reread = read_with_policy(given, policy)
        return accepted, [], reread, keys_of(accepted, ids, order)
    import numpy as np  # noqa: PLC0415 - a long list is read into numpy columns anyway

    given = taken
    # The order held compactly: a list of a million Python integers would stay beside everything built later.
    held = np.fromiter(order, np.int64, len(order))
    del order, in_order
    estimates = list(map(_ESTIMATE, given))
    codes = identity_codes(np, estimates)
    accepted, reread = read_with_policy(given, policy, [estimates[i] for i in codes[1].tolist()])
    return accepted, [], reread, list_keys(np, accepted, ids, held, None if reread else codes)


_SAMPLE = 4096


def in_memory_order(np: Any, claims: list[Claim]) -> list[Claim]:
    """``claims`` as they sit in memory, when they are scattered there; else as given.

    Reading one attribute of claims scattered in memory misses the cache at every claim (a real data set
    loaded group by group reads three times slower than one laid out in order). Whether they are is judged
    on the first claims: where fewer than three in four of them follow the one before in memory, all are
    put in memory order (their addresses sorted once).

    >>> import numpy as np
    >>> from claimdiff import Claim, Scope
    >>> cs = [Claim(id=str(k), metric="killed", estimate=1, scope=Scope(counted="people"), source="A")
    ...       for k in range(5)]
    >>> by_place = sorted(cs, key=id)
    >>> in_memory_order(np, by_place) is by_place, in_memory_order(np, by_place[::-1]) == by_place
    (True, True)
    """
    head = np.fromiter(map(id, claims[:_SAMPLE]), np.int64)
    if 4 * int(np.count_nonzero(head[1:] > head[:-1])) >= 3 * (len(head) - 1):
        return claims
    at = np.fromiter(map(id, claims), np.int64, len(claims))
    return list(map(claims.__getitem__, np.argsort(at).tolist()))


def _keys(claims: list[Claim], bulk: bool) -> Keys:
    """What grouping reads of ``claims``: held as codes (``bulk``) or as lists."""
    if not bulk:
        return keys_of(claims)
    import numpy as np  # noqa: PLC0415 - a long list is read into numpy columns anyway

    return list_keys(np, claims)


def in_id_order(claims: Sequence[Claim], order: Any) -> tuple[Claim, ...]:
    """``claims`` in id order, as a report lists them; ``order`` is their positions in that order (a list or numpy), when known.

    >>> from claimdiff import Claim, Scope
    >>> cs = [Claim(id=i, metric="killed", estimate=1, scope=Scope(counted="people"), source="A") for i in "ba"]
    >>> [c.id for c in in_id_order(cs, None)] == [c.id for c in in_id_order(cs, [1, 0])] == ["a", "b"]
    True
    """
    if order is None:
        return tuple(sorted(claims, key=_ID))
    if type(order) is list:
        return tuple(map(claims.__getitem__, order))
    # Read a block of positions at a time: a million Python integers at once would raise the peak.
    blocks = (order[k : k + _BLOCK].tolist() for k in range(0, len(order), _BLOCK))
    return tuple(map(claims.__getitem__, chain.from_iterable(blocks)))


def _unique(claims: list[Claim]) -> tuple[list[Claim], list[Rejected]]:
    """The claims reconciled, and those rejected, of ``claims`` where some share an id.

    A claim repeated exactly is reconciled once; claims that share an id and differ are all rejected.
    """
    first: dict[str, Claim] = {}
    again: dict[str, list[Claim]] = {}
    for c in claims:
        cid = c.id
        if cid in first:
            again.setdefault(cid, []).append(c)
        else:
            first[cid] = c
    rejected: list[Rejected] = []
    for cid, more in again.items():
        if all(x == first[cid] for x in more):
            rejected.extend(
                Rejected(cid, f"repeats claim {cid!r} exactly; reconciled once") for _ in more
            )
        else:
            rejected.extend(
                Rejected(
                    cid,
                    f"id {cid!r} is used by {len(more) + 1} different claims; none was reconciled",
                )
                for _ in range(len(more) + 1)
            )
            del first[cid]
    return list(first.values()), rejected


def withdrawn_ids(
    accepted: Sequence[Claim], withdrawals: tuple[Withdrawal, ...], rejected: list[Rejected]
) -> set[str]:
    """The ids of the claims withdrawn; a withdrawal of no known claim, or one dated before it, is rejected."""
    if not withdrawals:
        return set()
    if type(accepted) is ClaimTable:  # its id column: only the claims withdrawn are built
        codes, parts = accepted.column("id")
        at = dict(zip(map(parts.__getitem__, codes.tolist()), range(len(accepted)), strict=True))
    else:
        at = {c.id: k for k, c in enumerate(accepted)}
    out: set[str] = set()
    for w in withdrawals:
        if not isinstance(w, Withdrawal):
            raise InvalidClaimError(None, "withdrawals", w, "must hold only Withdrawal objects")
        k = at.get(w.claim)
        c = None if k is None else accepted[k]
        if c is None:
            rejected.append(
                Rejected(w.claim, f"a withdrawal names claim {w.claim!r}, which is not reconciled")
            )
        elif w.stated is not None and c.stated is not None and w.stated.before(c.stated):
            rejected.append(
                Rejected(
                    w.claim,
                    f"a withdrawal of claim {w.claim!r} is dated "
                    f"{w.stated.isoformat()}, before the claim itself",
                )
            )
        else:
            out.add(c.id)
    return out
