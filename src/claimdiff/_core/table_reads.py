"""What the columnar core reads of every claim, read from a claim table's columns: no claim is built per row.

:class:`claimdiff._core.columns.Columns` asks each claim for its figure's answers, when it was stated, its
origin, whether it is withdrawn and its period. A :class:`~claimdiff._model.claim_table.ClaimTable` holds
each of these as a column of codes into distinct parts, so each part is asked once and numpy spreads the
answers to the rows; the figure's answers are still those of the scalar rules, asked of one claim per
distinct input (``per_input``, :func:`claimdiff._core.columns._per_input` itself).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Iterator, Sequence
from itertools import chain, islice, pairwise
from typing import Any, NamedTuple, overload

from claimdiff._core.codes import by_identity, identity_codes, key_ranks
from claimdiff._core.flags import Flag
from claimdiff._core.grouping import Keys, PerRow, id_order, split_key
from claimdiff._core.policy import Policy
from claimdiff._model.claim import Claim, stated_span
from claimdiff._model.claim_table import ClaimTable
from claimdiff._model.packed_texts import PackedTexts

__all__ = [
    "ClaimReads",
    "Positions",
    "as_table",
    "by_identity",
    "distinct_ids",
    "first_positions",
    "first_reads",
    "identity_codes",
    "key_ranks",
    "laid_out",
    "table_groups",
    "table_keys",
    "table_reads",
]


class ClaimReads(NamedTuple):
    """Per claim, in the claims' order: what the columnar core reads of each."""

    #: Each claim's distinct input (an index into ``answers``) and the answers of ``_per_input``.
    inputs: Any
    answers: list[Any]
    stated_start: Any
    stated_end: Any
    #: Each claim's origin as a code, and how many codes there are.
    origin: Any
    n_origins: int
    #: Whether each claim is withdrawn (``None`` when none is).
    withdrawn: Any
    #: Each claim's period object as a number (equal where it is the very same object), and when it ends (NaN: no period).
    period: Any
    period_end: Any


def as_table(given: Any, accepted: Sequence[Claim]) -> Sequence[Claim]:
    """``given`` when it is a claim table whose very claims ``accepted`` holds, in order; else ``accepted``.

    Reconciling keeps the claims it accepts (a claim with a repeated id, or re-read under the policy's
    hedges, is no longer the table's): only then can their columns stand for them.

    >>> as_table((), [])
    []
    """
    if (
        type(given) is ClaimTable
        and len(given) == len(accepted)
        and all(map(operator.is_, accepted, given))
    ):
        return given
    return accepted


def table_reads(
    np: Any,
    claims: Sequence[Claim],
    policy: Policy,
    withdrawn: set[str] | frozenset[str],
    per_input: Callable[[Any, Sequence[Claim], Policy], tuple[Any, list[Any]]],
) -> ClaimReads | None:
    """What the core reads of each claim, from the columns of a claim table (``None`` for other claims).

    Equal to what reading each claim's attributes gives: each distinct part is asked what its claims
    would say, and the claims built (one per distinct figure input) are the table's own.
    """
    if type(claims) is not ClaimTable:
        return None
    e_codes, estimates = claims.column("estimate")
    key = e_codes.astype(np.int64)
    size = len(estimates)
    if policy.tolerance.per_metric:  # tolerances differ by metric: the metric is part of the input
        m_codes, metrics = claims.column("metric")
        named: dict[str | None, int] = {}  # a part no claim holds is None
        names = np.array([named.setdefault(m and m.name, len(named)) for m in metrics], np.int64)
        key = key * len(named) + names[m_codes]
        size *= len(named)
    _, first, index = _distinct(np, key, size)  # a claim of each distinct input, not sorted for
    first = first.tolist()
    claims.build(first)  # one claim per distinct input, built at once
    at, answers = per_input(np, [claims[i] for i in first], policy)
    inputs = at[index]

    st_codes, stated = claims.column("stated")
    starts, ends = np.array([stated_span(s) for s in stated], np.float64).reshape(-1, 2).T

    s_codes, sources = claims.column("source")
    held = np.zeros(len(sources), np.bool_)
    held[s_codes] = True
    codes: dict[str, int] = {}  # the origin of a claim is its source's key
    origin = np.array(
        [
            codes.setdefault(s.key, len(codes)) if h else -1
            for s, h in zip(sources, held.tolist(), strict=True)
        ],
        np.int64,
    )

    out = None
    if withdrawn:
        i_codes, ids = claims.column("id")
        out = np.array([i in withdrawn for i in ids], np.bool_)[i_codes]

    p_codes, periods = claims.column("period")
    ids_of = np.array([id(p) for p in periods], np.int64)
    end = np.array([math.nan if p is None else p.end_ts for p in periods], np.float64)
    return ClaimReads(
        inputs,
        answers,
        starts[st_codes],
        ends[st_codes],
        origin[s_codes],
        len(codes),
        out,
        ids_of[p_codes],
        end[p_codes],
    )


def distinct_ids(np: Any, table: ClaimTable) -> bool:
    """Whether no two claims of ``table`` share an id, read from its id column: no claim is built.

    >>> import numpy as np, pandas as pd
    >>> from claimdiff import claims_from_dataframe
    >>> from claimdiff._model.claim_table import picked
    >>> t = claims_from_dataframe(pd.DataFrame({
    ...     "id": ["a", "b"], "metric": "killed", "counted": "people", "value": 3, "source": "MoD"})).claims
    >>> distinct_ids(np, picked(t, [0, 1, 0])), distinct_ids(np, t)
    (False, True)
    """
    if not len(table):
        return True
    texts = table.texts("id")
    if (
        type(texts) is PackedTexts
    ):  # the common case at scale: the ids compared packed, none unpacked
        return texts.distinct()
    codes, ids = table.column("id")
    if int(np.bincount(codes).max()) > 1:
        return False
    if len(set(ids)) == len(
        ids
    ):  # distinct parts (the common case): distinct codes are distinct ids
        return True
    named: dict[
        str, int
    ] = {}  # a held claim's id, or tables laid end to end, repeat a part: equal ids are one
    same = np.array([named.setdefault(i, len(named)) for i in ids], np.int64)
    return int(np.bincount(same[codes]).max()) == 1


def _distinct(np: Any, inputs: Any, size: int) -> tuple[Any, Any, Any]:
    """The distinct ``inputs`` (integers from 0 to ``size``), a row holding each, and each row's index into them.

    As ``np.unique(inputs, return_index=True, return_inverse=True)``, but without sorting the rows when
    ``size`` is small enough to mark the inputs held (the row given for an input is then any row holding it).
    """
    if size > 4 * len(inputs) + 1024:
        found, first, at = np.unique(inputs, return_index=True, return_inverse=True)
        return found, first, at.reshape(-1)
    row_of = np.full(size, -1, np.int64)
    row_of[inputs] = np.arange(len(inputs))
    held = row_of >= 0
    found = np.flatnonzero(held)
    return found, row_of[found], (np.cumsum(held) - 1)[inputs]


def table_keys(np: Any, table: ClaimTable) -> Keys:
    """What grouping reads of each claim of ``table`` (:func:`claimdiff._core.grouping.keys_of`), from its columns.

    Each key is the scope's own key for the metric (what a claim holds as ``key``), asked once per
    distinct (metric, scope) pair; each dimension is that of the claim built for a row of each distinct
    (figure, counted) pair; ids and periods are the columns' parts, the ids packed when the table holds them
    so (:meth:`~claimdiff._model.claim_table.ClaimTable.texts`). Only those few claims are built.
    """
    m_codes, metrics = table.column("metric")
    s_codes, scopes = table.column("scope")
    n = len(scopes)
    pairs, _, at = _distinct(np, m_codes.astype(np.int64) * n + s_codes, len(metrics) * n)
    keyed = [
        scopes[k % n]._key_for(metrics[k // n].name)  # noqa: SLF001 - the rule Claim holds its key by
        for k in pairs.tolist()
    ]
    keys = PerRow(at, keyed)

    e_codes, estimates = table.column("estimate")
    counted: dict[str | None, int] = {}
    counts = np.array(
        [counted.setdefault(None if s is None else s.counted, len(counted)) for s in scopes],
        np.int64,
    )
    _, first, at = _distinct(
        np, e_codes.astype(np.int64) * len(counted) + counts[s_codes], len(estimates) * len(counted)
    )
    first = first.tolist()
    table.build(first)  # the few claims asked, built at once
    dimension = [table[i].dimension for i in first]

    p_codes, periods = table.column("period")
    return Keys(table.texts("id"), keys, PerRow(at, dimension), PerRow(p_codes, periods))


def first_reads(np: Any, table: ClaimTable, rows: Any) -> tuple[Any, Any]:
    """For the claims of ``table`` at ``rows`` (numpy): whether each is a count, and whether its metric is cumulative.

    Each is what the claim itself says (``Claim.is_count``, ``metric.cumulative``), asked of one claim built per
    distinct estimate and of each metric part once.
    """
    e_codes, estimates = table.column("estimate")
    m_codes, metrics = table.column("metric")
    _, first, at = _distinct(np, e_codes[rows].astype(np.int64), len(estimates))
    asked = rows[first].tolist()
    table.build(asked)  # the few claims asked, built at once
    counts = [table[r].is_count for r in asked]
    cumulative = [m is not None and m.cumulative for m in metrics]
    return (
        np.array(counts, np.bool_).reshape(-1)[at],
        np.array(cumulative, np.bool_).reshape(-1)[m_codes[rows]],
    )


class Positions(Sequence[list[int]]):
    """Groups as positions in the claims, held as two numpy arrays: the positions laid group by group, and where each group starts.

    ``positions[i]`` is group ``i``'s list of positions, made when asked; the columnar core reads ``flat``,
    ``starts`` and ``sizes`` as they are (a million positions are 8 MB here, 50 MB as lists of Python ints).
    ``key_rank`` is each group's key's rank among the keys (equal keys alike), when grouping found it, else ``None``.

    >>> import numpy as np
    >>> p = Positions(np.array([2, 0, 1]), np.array([0, 2]))
    >>> list(p), p[1], len(p), p == [[2, 0], [1]]
    ([[2, 0], [1]], [1], 2, True)
    """

    __slots__ = ("flat", "key_rank", "sizes", "starts")

    def __init__(self, flat: Any, starts: Any, key_rank: Any = None) -> None:
        """Positions ``flat`` (numpy integers) laid group by group; group ``i`` starts at ``starts[i]``."""
        import numpy as np  # noqa: PLC0415 - the arrays given are numpy's: it is imported already

        self.flat, self.starts, self.key_rank = flat, starts, key_rank
        self.sizes = np.diff(starts, append=len(flat))

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> list[int]: ...

    @overload
    def __getitem__(self, i: slice) -> list[list[int]]: ...

    def __getitem__(self, i: int | slice) -> list[int] | list[list[int]]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        start = int(self.starts[i])
        return self.flat[start : start + int(self.sizes[i])].tolist()  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[list[int]]:
        flat = self.flat.tolist()
        return (flat[a:z] for a, z in pairwise([*self.starts.tolist(), len(flat)]))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Positions({list(self)!r})"


def laid_out(np: Any, groups: Sequence[list[int]], which: Any = None) -> tuple[Any, Any]:
    """Each group's size, and the groups' positions laid end to end, as numpy arrays (of groups ``which`` only, if given).

    >>> import numpy as np
    >>> [a.tolist() for a in laid_out(np, [[2, 0], [1]])]
    [[2, 1], [2, 0, 1]]
    >>> [a.tolist() for a in laid_out(np, Positions(np.array([2, 0, 1]), np.array([0, 2])), np.array([1, 0]))]
    [[1, 2], [1, 2, 0]]
    """
    if isinstance(groups, Positions):
        if which is None:
            return groups.sizes, groups.flat
        sizes = groups.sizes[which]
        ahead = np.cumsum(sizes) - sizes  # where each group chosen starts, laid end to end
        at = np.repeat(groups.starts[which] - ahead, sizes) + np.arange(int(sizes.sum()))
        return sizes, groups.flat[at]
    chosen = groups if which is None else [groups[i] for i in which.tolist()]
    sizes = np.fromiter(map(len, chosen), np.int64, len(chosen))
    return sizes, np.fromiter(chain.from_iterable(chosen), np.int64, int(sizes.sum()))


def first_positions(groups: Sequence[list[int]]) -> list[int]:
    """The first position of each group.

    >>> first_positions([[2, 0], [1]])
    [2, 1]
    """
    if isinstance(groups, Positions):
        return groups.flat[groups.starts].tolist()  # type: ignore[no-any-return]
    return [g[0] for g in groups]


def table_groups(
    np: Any, table: Sequence[Claim], keys: Keys
) -> tuple[Sequence[list[int]], list[Flag]]:
    """:func:`claimdiff._core.grouping.group_claims` with numpy, for claims whose keys were read already.

    The keys are :func:`table_keys` of a claim table in id order, or :func:`~claimdiff._core.grouping.keys_of`
    of claims in any order. The claims of each key are found with numpy; a key whose claims share one dimension and one period
    object is one group, as grouping finds it; every other key is split by grouping's own
    :func:`~claimdiff._core.grouping.split_key`. The groups are held as :class:`Positions`.

    >>> import numpy as np
    >>> from claimdiff import Claim, Scope
    >>> from claimdiff._core.grouping import group_claims, keys_of
    >>> cs = [Claim(id=i, metric="killed", estimate="3", scope=Scope(counted=what), source="A")
    ...       for i, what in (("c", "people"), ("a", "children"), ("b", "people"))]
    >>> table_groups(np, cs, keys_of(cs)) == group_claims(cs) == ([[1], [2, 0]], [])
    True
    """
    n = len(keys.ids)
    if not n:
        return Positions(np.zeros(0, np.int64), np.zeros(0, np.int64)), []
    ids = keys.ids
    by_id = None
    if keys.by_id is not None:  # sorted when the claims were accepted
        by_id = np.asarray(keys.by_id, np.int64)
        in_order = bool((by_id[1:] > by_id[:-1]).all())
    else:  # a table's are; a list's may not be
        in_order = (
            ids.ascending()
            if type(ids) is PackedTexts
            else all(map(str.__lt__, ids, islice(ids, 1, None)))
        )
    if in_order:
        by_id = None
    elif by_id is None:  # else sorted now
        by_id = np.fromiter(id_order(ids), np.int64, n)

    def identities(values: Sequence[Any]) -> tuple[Any, list[Any]]:
        """Each value's code by identity (equal codes hold the very same object), and the object of each code.

        Values held per row (:class:`PerRow`) are told apart among their distinct values, then spread to the rows.
        """
        if type(values) is PerRow:
            at, objects = by_identity(np, values.values)
            return at[values.codes], objects
        return by_identity(np, values)

    # Keys held per row are ranked among their values as held (equal keys rank alike, however held).
    k_at, k_objects = (
        (keys.keys.codes, keys.keys.values) if type(keys.keys) is PerRow else identities(keys.keys)
    )
    k_rank = key_ranks(np, k_objects)[k_at]
    if by_id is None:
        order = np.argsort(k_rank, kind="stable")  # rows are in id order: each key's claims stay so
    else:  # claims in id order first, so that each key's claims are
        order = by_id[np.argsort(k_rank[by_id], kind="stable")]
    ranks = k_rank[order]
    starts = np.flatnonzero(np.r_[True, ranks[1:] != ranks[:-1]])
    simple = np.ones(len(starts), np.bool_)  # one dimension and one period object: one group
    for values in (keys.dims, keys.periods):
        codes = identities(values)[0][order]
        simple &= np.maximum.reduceat(codes, starts) == np.minimum.reduceat(codes, starts)
    groups = Positions(order, starts, ranks[starts])
    flags: list[Flag] = []
    pieces: list[Any] = []
    sizes: list[Any] = []
    split: list[int] = []
    done = 0
    for k in np.flatnonzero(
        ~simple
    ).tolist():  # keys of several dimensions or periods: grouping's own split
        parts, flag = split_key(table, keys, groups[k])
        if flag is not None:
            flags.append(flag)
        pieces += [
            order[starts[done] : starts[k]] if k > done else order[:0],
            *map(np.array, parts),
        ]
        sizes += [groups.sizes[done:k], np.array([len(p) for p in parts], np.int64)]
        split.append(len(parts))
        done = k + 1
    if not sizes:
        return groups, flags
    pieces.append(order[starts[done] :] if done < len(starts) else order[:0])
    sizes.append(groups.sizes[done:])
    flat = np.concatenate([p.astype(np.int64) for p in pieces])
    counts = np.concatenate(sizes).astype(np.int64)
    parts_of = np.ones(
        len(starts), np.int64
    )  # each key's groups: one, or as many as it was split into
    parts_of[~simple] = split
    return Positions(flat, np.cumsum(counts) - counts, np.repeat(groups.key_rank, parts_of)), flags
