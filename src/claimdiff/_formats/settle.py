"""A table's chunks settled into one table of claims: rows in order, an id taken by an earlier row refused.

A table is read chunk by chunk (:mod:`claimdiff._formats.table_columns`): in each, the columnar reader
reads the plain rows (:func:`claimdiff._formats.columnar.fast_claims`) and the full claims-file reader
the others, one by one (:func:`entry_outcome`). Settling lays the chunks' claims in row order and applies
the claims-file reader's rule for ids across the whole table: a claim whose id an earlier row's claim
holds is refused (a rejected row takes no id), so a table's claims and rejections are those of the same
claims written in one file.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from itertools import compress
from typing import Any

import attrs
import numpy as np

from claimdiff._formats.build import Context, build_entry
from claimdiff._formats.columnar import BAD, Fast
from claimdiff._model.claim import Claim
from claimdiff._model.claim_table import ClaimTable, picked
from claimdiff._model.packed_texts import PackedTexts
from claimdiff._model.table_concat import concat
from claimdiff.exceptions import ClaimFileError

__all__ = ["Chunk", "Outcome", "entry_outcome", "settle", "settle_all"]


@attrs.frozen
class Outcome:
    """What the full reader made of one row: its claims (several for a composite figure) or its problems."""

    claims: list[Claim]
    errors: list[ClaimFileError]


def entry_outcome(
    raw: Any, i: int, ctx: Context, relocate: Callable[[ClaimFileError], ClaimFileError]
) -> Outcome:
    """What the full reader makes of a row's claims-file entry ``raw`` (index ``i`` of its batch), located by ``relocate``."""
    built, errors = build_entry(raw, i, ctx)
    return Outcome(built, [relocate(e) for e in errors])


#: A chunk of a table as read: its rows' labels, what the columnar reader read, what the full reader made of the rest.
Chunk = tuple[Sequence[Hashable], "Fast", Mapping[int, "Outcome"]]


def settle_all(
    chunks: Sequence[Chunk],
    *,
    duplicate: Callable[[Hashable, str, str, Hashable], ClaimFileError],
    rejected: list[ClaimFileError],
) -> ClaimTable:
    """The claims of a table's ``chunks`` (in order, as one table), each chunk as :func:`settle` settles it.

    When no row's id repeats and the full reader built no claim (the common case), no id is looked up row by
    row: the chunks' tables laid end to end are the claims, and their rejections are the full reader's, in
    row order. Ids the table holds packed are compared packed (:meth:`PackedTexts.distinct`), none unpacked.
    """
    if not any(o.claims for _, _, outcomes in chunks for o in outcomes.values()):
        table = concat([fast.claims for _, fast, _ in chunks])
        ids = table.texts("id")
        if ids.distinct() if type(ids) is PackedTexts else _ids_apart(chunks):
            for _, _, outcomes in chunks:
                for i in sorted(outcomes):
                    rejected.extend(outcomes[i].errors)
            return table
    seen: dict[str, Hashable] = {}
    return concat(
        [
            settle(labels, fast, outcomes, seen=seen, duplicate=duplicate, rejected=rejected)
            for labels, fast, outcomes in chunks
        ]
    )


def _ids_apart(chunks: Sequence[Chunk]) -> bool:
    """Whether no two rows of the chunks' tables hold one id (the full reader built no claim).

    Within a chunk, a repeated id is a repeated code or a repeated part (:func:`own_cells`); distinct hashes
    are distinct ids (the
    common case, told with numpy), and only where two hashes meet are the ids compared.
    """
    held_ids: list[list[str]] = []
    for _, fast, _ in chunks:
        codes, values = fast.claims.column("id")
        held = np.bincount(codes, minlength=len(values))
        if len(codes) and int(held.max()) > 1:  # two rows of the chunk hold one id
            return False
        if (
            len(held) > 1 and int(held[:-1].min()) == 1 and held[-1] == 0
        ):  # the last: a missing id's part
            held_ids.append(values[:-1])  # each part held by one row (the common case)
        else:
            held_ids.append(
                list(compress(values, held.tolist()))
            )  # the ids the rows hold, each once
    hashes = np.concatenate(
        [np.fromiter(map(hash, ids), np.int64, len(ids)) for ids in held_ids]
        or [np.zeros(0, np.int64)]
    )
    hashes.sort()
    if bool((hashes[1:] != hashes[:-1]).all()):
        return True
    ids = [i for chunk in held_ids for i in chunk]
    return len(set(ids)) == len(ids)


def settle(
    labels: Sequence[Hashable],
    fast: Fast,
    outcomes: Mapping[int, Outcome],
    *,
    seen: dict[str, Hashable],
    duplicate: Callable[[Hashable, str, str, Hashable], ClaimFileError],
    rejected: list[ClaimFileError],
) -> ClaimTable:
    """A chunk's claims in row order (as a table), refusing a claim whose id an earlier row's claim has.

    Row ``i`` of the chunk (named ``labels[i]``) is read by the columnar reader (``fast``) or has its
    ``outcomes[i]`` from the full reader; their problems are added to ``rejected`` in row order. ``seen`` holds
    the ids kept so far, with the label of the row that has each (carried from chunk to chunk);
    ``duplicate(label, row id, id taken, label of the row that has it)`` is the error for a row whose id is
    taken (the claims-file reader's rule: a rejected row takes no id).
    """
    codes, values = fast.claims.column("id")
    ids = [values[c] for c in codes.tolist()]
    if (
        not any(o.claims for o in outcomes.values())
        and len(set(ids)) == len(ids)
        and seen.keys().isdisjoint(ids)
    ):  # the common case: every id new, no claim from the full reader to place between the rows
        seen.update(zip(ids, map(labels.__getitem__, fast.rows.tolist()), strict=True))
        for i in sorted(outcomes):
            rejected.extend(outcomes[i].errors)
        return fast.claims
    at = np.full(len(labels), -1, dtype=np.intp)
    at[fast.rows] = np.arange(len(fast.rows))
    picks: list[int | Claim] = []
    missing: Any = BAD
    for i, (label, k) in enumerate(zip(labels, at.tolist(), strict=True)):
        if k >= 0:
            cid = ids[k]
            first = seen.get(cid, missing)
            if first is not missing:
                rejected.append(duplicate(label, cid, cid, first))
                continue
            seen[cid] = label
            picks.append(k)
            continue
        outcome = outcomes[i]
        if outcome.errors:
            rejected.extend(outcome.errors)
            continue
        clash = next((c.id for c in outcome.claims if c.id in seen), None)
        if clash is not None:
            rejected.append(duplicate(label, outcome.claims[0].id, clash, seen[clash]))
            continue
        seen.update((c.id, label) for c in outcome.claims)
        picks.extend(outcome.claims)
    return picked(fast.claims, picks)
