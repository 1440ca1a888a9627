"""Quiet groups numbered by their input: groups equal in what builds them but their names share one number.

A quiet group (:mod:`claimdiff._core.quiet`) is built from its claims and its intervals. What the builder reads of
the claims, but for what names the group, is few things: each claim's estimate (its figure, unit and
precision), its source's own grade, and which claims share an origin. Groups equal in these and in their
intervals build groups equal but for their ids, claims and names, whatever their places and origins. A table of
a million claims thus asks the one maker of a quiet group for its cells (:func:`~claimdiff._core.quiet_group.quiet_cells`,
no group made) once per distinct input and spreads the answer with numpy; from a claim table, what the maker reads of the claims is
read of the columns (no claim built per group), else :meth:`~claimdiff._core.quiet.QuietGroups.group` reads it
of the claims. What names each group comes from :func:`~claimdiff._core.group_build.group_about`. Only
estimators that read nothing else of the claims (:data:`~claimdiff._core.estimators.BY_FIGURES`, whose rule is
:func:`~claimdiff._core.estimators.best_by_figures`) are so spread.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import partial
from itertools import chain, count
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from claimdiff._core.estimators import BY_FIGURES, Figured, best_by_figures
from claimdiff._core.group import group_id
from claimdiff._core.group_build import ABOUT_CELLS, about_columns, group_about, hull_of
from claimdiff._core.group_cells import GroupCells
from claimdiff._core.group_rows import GroupRows
from claimdiff._core.intervals import Iv
from claimdiff._core.lazy_items import LazyItems
from claimdiff._core.messages import display_unit_of
from claimdiff._core.policy import Policy
from claimdiff._core.precision_used import group_precision
from claimdiff._core.quiet import QuietGroups
from claimdiff._core.quiet_group import quiet_cells
from claimdiff._core.table_reads import laid_out
from claimdiff._formats.codes import first_rows, number
from claimdiff._model.claim import distinct_grades, grade_in
from claimdiff._model.claim_table import ClaimTable
from claimdiff._model.packed_texts import taken

if TYPE_CHECKING:
    from claimdiff._core.report import Group
    from claimdiff._model.claim import Claim

__all__ = ["NAMED_BY", "QuietInputs", "objects", "quiet_inputs", "quiet_of", "table_rows"]

#: Which part of a group's first claim, or its periods' hull, each cell of ``group_about`` follows from.
NAMED_BY = {name: part for name, (part, _) in ABOUT_CELLS.items()}

_NAN = float("nan")


def quiet_of(groups: Sequence[Group]) -> QuietGroups | None:
    """The quiet groups behind a lazy sequence of groups, when they can be spread by input (else ``None``)."""
    if not isinstance(groups, LazyItems):
        return None
    maker = getattr(groups.make, "__self__", None)
    if not isinstance(maker, QuietGroups) or maker.policy.estimator not in BY_FIGURES:
        return None
    return maker


def objects(values: Sequence[Any]) -> Any:
    """``values`` as a numpy array of Python objects, whatever they are (a tuple stays one cell).

    An array of objects already is given back as it is (not copied): a caller that writes to the answer owns it.
    """
    import numpy as np  # noqa: PLC0415 - imported already by the columns that found the quiet groups

    if isinstance(values, np.ndarray) and values.dtype == object and values.ndim == 1:
        return values
    out = np.empty(len(values), object)
    out[:] = list(values)
    return out


def quiet_inputs(quiet: QuietGroups, positions: Any) -> QuietInputs:
    """The quiet groups at ``positions`` numbered by input (:class:`QuietInputs`), found once for every table.

    The groups table and the claims table of one report ask for the same quiet groups: the numbering, and the
    one group built per input, are kept on the quiet groups (:attr:`QuietGroups.memo`) for the next asker.
    """
    import numpy as np  # noqa: PLC0415 - imported already by the columns that found the quiet groups

    kept = quiet.memo.get("inputs")
    if isinstance(kept, QuietInputs) and np.array_equal(kept.positions, positions):
        return kept
    made = quiet.memo["inputs"] = QuietInputs(quiet, positions)
    return made


class QuietInputs:
    """The quiet groups at ``positions`` numbered by input, and one group built per number.

    When the groups are rows of a claim table (:class:`~claimdiff._core.group_rows.GroupRows` over a
    :class:`~claimdiff._model.claim_table.ClaimTable`), what the numbering reads of each claim, and what the
    groups built read of theirs, comes from the table's columns: one claim is built per distinct estimate, none
    per row.

    Attributes:
        claims: The claims of the groups laid end to end (built when first read).
        sizes, starts: How many claims each group has, and where they start in ``claims``.
        number: Each group's number: groups with one number have equal inputs.
        built: Per number, its first group: made (:meth:`~claimdiff._core.quiet.QuietGroups.group`) when the
            groups hold claims, else its cells (:func:`~claimdiff._core.quiet_group.quiet_cells`), no group made.
    """

    def __init__(self, quiet: QuietGroups, positions: Any) -> None:
        import numpy as np  # noqa: PLC0415 - imported already by the columns that found the quiet groups

        self._quiet, self._positions = quiet, positions
        raw = quiet.raw
        held = table_rows(raw)
        table = self._table = None if held is None else held[0]
        self._claims: list[Claim] | None = None
        # What each claim reads of its source (its grade, its origin) is made when the numbering asks for it, so
        # that one array of a million rows is held at a time.
        if held is None:
            chosen = [raw[i] for i in positions.tolist()]
            sizes = np.fromiter(map(len, chosen), np.int64, len(chosen))
            claims = self._claims = list(chain.from_iterable(chosen))
            n = len(claims)
            # A claim's figure and unit follow from its estimate (claims share equal ones): read once per estimate.
            estimate = number(
                np.fromiter(map(id, map(attrgetter("estimate"), claims)), np.int64, n)
            )
            some = [claims[k] for k in first_rows(estimate).tolist()]

            def grades() -> Any:
                return _codes(np, map(attrgetter("source_grade"), claims), n)

            def origins() -> Any:
                return _codes(np, map(attrgetter("origin"), claims), n)

        else:
            table, of_group = held
            sizes, rows_at = laid_out(np, of_group.positions, positions)
            n = len(rows_at)
            self._rows = rows_at
            # The same reads from the columns: each distinct part asked once, the answers spread to the rows.
            estimate = number(table.column("estimate")[0][rows_at])
            some_rows = rows_at[first_rows(estimate)].tolist()
            table.build(some_rows)
            some = [table[r] for r in some_rows]

            def grades() -> Any:
                n_codes, notes = table.column("note")
                return _codes(np, map(grade_in, notes), len(notes))[n_codes[rows_at]]

            def origins() -> Any:
                s_codes, sources = table.column("source")
                return _codes(np, (s and s.key for s in sources), len(sources))[s_codes[rows_at]]

        starts = np.cumsum(sizes) - sizes
        self.sizes, self.starts = sizes, starts
        self._estimate, self._some = estimate, some

        def per_claim() -> Iterator[Any]:
            yield _codes_of(np, np.fromiter(map(_figure, some), np.float64, len(some)))[estimate]
            yield _codes(np, map(id, map(attrgetter("unit_info"), some)), len(some))[estimate]
            rows = np.repeat(quiet.intervals()[9][positions] - starts, sizes) + np.arange(n)
            for v in quiet.precisions():
                yield _codes_of(np, v[rows])
            del rows
            yield grades()
            yield _first_alike(np, origins(), sizes)

        per_claim_codes = _fold(np, per_claim())
        per_group = _combined(np, *(_codes_of(np, v[positions]) for v in quiet.intervals()[:9]))
        self.number, reps = _distinct(np, per_claim_codes, per_group, sizes, starts)
        if table is None:  # in position order: the quiet groups' arrays are read a chunk at a time
            made = {r: quiet.group(int(positions[r])) for r in sorted(reps)}
            self.built: list[Group | GroupCells] = [made[r] for r in reps]
        else:  # the groups' cells from the columns, no claim built and no group made
            self.built = self._from_columns(quiet, table, reps)

    def _from_columns(
        self, quiet: QuietGroups, table: ClaimTable, reps: list[int]
    ) -> list[Group | GroupCells]:
        """The cells of the quiet groups ``reps`` (indexes into :attr:`positions`) by :func:`quiet_cells`, from ``table``'s columns.

        What :meth:`QuietGroups.group` reads of each group's claims is read here of the columns: each claim's id,
        origin, source's grade and period by its row, its figure, unit and count by its estimate (one claim built
        per distinct estimate), what names the group by its first row. The best figure is
        :func:`~claimdiff._core.estimators.best_by_figures` of the origins and figures read.
        """
        import numpy as np  # noqa: PLC0415 - imported already by the columns that found the quiet groups

        if not reps:
            return []
        at = np.asarray(reps, np.int64)
        sizes, starts = self.sizes[at], self.starts[at]
        groups = self._positions[at]
        # The reps' rows laid end to end: where each lies among all the groups' rows, and among the quiet arrays'.
        ends = np.cumsum(sizes)
        within = np.arange(int(ends[-1])) - np.repeat(ends - sizes, sizes)
        laid = np.repeat(starts, sizes) + within
        rows = self._rows[laid]
        quiet_rows = np.repeat(quiet.intervals()[9][groups], sizes) + within
        some = self._some
        # Per row, each part as a list (a group's are a slice): by its estimate, by its code, or by its row.
        estimate = self._estimate[laid].tolist()
        figure_of = list(map([c.figure for c in some].__getitem__, estimate))
        unit_of = list(map([c.unit_info for c in some].__getitem__, estimate))
        ids = taken(table.texts("id"), rows.tolist())
        s_codes, sources = table.column("source")
        origin_of = list(map([s and s.key for s in sources].__getitem__, s_codes[rows].tolist()))
        n_codes, notes = table.column("note")
        grade_of = list(map(list(map(grade_in, notes)).__getitem__, n_codes[rows].tolist()))
        p_codes, periods = table.column("period")
        period_of = list(map(periods.__getitem__, p_codes[rows].tolist()))
        codes, steps = (v[quiet_rows].tolist() for v in quiet.precisions())
        values = list(zip(*(v[groups].tolist() for v in quiet.intervals()), strict=True))
        # Per group, what its first row names, and the hull of its periods: the cells of ``about_of`` read of these
        # parts column by column (``about_columns``), each group's then gathered (no reading per group).
        lead = rows[ends - sizes]
        m_codes, metrics = table.column("metric")
        sc_codes, scopes = table.column("scope")
        spans = list(zip((ends - sizes).tolist(), ends.tolist(), strict=True))
        firsts = [estimate[a] for a, _ in spans]
        # What the group reads of its first claim, by its estimate (a property of a claim is a call).
        dimension_of = [c.dimension for c in some]
        count_of = [c.is_count for c in some]
        parts = {
            "metric": list(map(metrics.__getitem__, m_codes[lead].tolist())),
            "scope": list(map(scopes.__getitem__, sc_codes[lead].tolist())),
            "dimension": list(map(dimension_of.__getitem__, firsts)),
            "hull": [
                period_of[a] if v[11] else hull_of(period_of[a:z])
                for (a, z), v in zip(spans, values, strict=True)
            ],
        }
        about: dict[str, list[Any]] = {}
        for part, column in parts.items():
            about.update(about_columns(part, column))
        names = list(about)
        policy = quiet.policy
        out: list[Group | GroupCells] = []
        for gid, (a, z), first, v, named in zip(
            map(group_id, groups.tolist()),
            spans,
            firsts,
            values,
            zip(*about.values(), strict=True),
            strict=True,
        ):
            origins = origin_of[a:z]
            figured = list(zip(origins, figure_of[a:z], strict=True))
            out.append(
                quiet_cells(
                    gid,
                    tuple(ids[a:z]),
                    dict(zip(names, named, strict=True)),
                    display_unit_of(unit_of[a:z]),
                    v,
                    partial(_best_of, policy, figured, count_of[first]),
                    len(set(origins)),
                    distinct_grades(grade_of[a:z]),
                    group_precision(codes[a:z], steps[a:z]),
                )
            )
        return out

    @property
    def positions(self) -> Any:
        """The positions of the groups numbered (numpy), in the order of :attr:`number`."""
        return self._positions

    @property
    def table(self) -> ClaimTable | None:
        """The claim table whose rows the groups' claims are (``None``: the groups hold claims)."""
        return self._table

    @property
    def rows(self) -> Any:
        """The groups' rows in :attr:`table`, laid end to end (numpy), as :attr:`claims` lays their claims."""
        return self._rows

    @property
    def claims(self) -> list[Claim]:
        """The claims of the groups laid end to end (a claim table's are built here, at once)."""
        if self._claims is None:
            table = self._table
            assert table is not None  # noqa: S101 - claims not read are a table's
            rows = self._rows.tolist()
            table.build(rows)
            self._claims = list(map(table.__getitem__, rows))
        return self._claims

    def naming(self) -> dict[str, tuple[Any, list[Any]]]:
        """What names each group (:func:`~claimdiff._core.group_build.group_about`), column by column.

        Per cell of ``group_about``, each group's code (numpy) into the distinct cells. From a claim table, a
        group's cells follow from its first claim's metric, scope and estimate's dimension and from its periods'
        hull, and each cell from one of these (:data:`NAMED_BY`): the cell's own reading
        (:data:`~claimdiff._core.group_build.ABOUT_CELLS`) is asked once per distinct part, for the first group that
        has it, and hulls once per distinct periods. Groups of other claims are asked
        one by one.
        """
        import numpy as np  # noqa: PLC0415 - imported already by the columns that found the quiet groups

        table, starts = self._table, self.starts
        if table is None:
            periods = list(map(attrgetter("period"), self.claims))
            same = _codes(np, map(id, periods), len(periods))
        else:  # each row's period by its code: the same object, the same number (no object per row)
            p_codes, parts = table.column("period")
            row_codes = p_codes[self._rows]
            same = _codes(np, map(id, parts), len(parts))[row_codes]
        alike, firsts = _distinct(np, same, np.zeros(len(self.sizes), np.int64), self.sizes, starts)
        spans = [(int(starts[r]), int(starts[r] + self.sizes[r])) for r in firsts]
        if table is None:
            hulls = [hull_of(periods[a:z]) for a, z in spans]
            claims = self.claims
            about = [
                group_about(claims[s], hulls[h])
                for s, h in zip(starts.tolist(), alike.tolist(), strict=True)
            ]
            every = np.arange(len(about))
            return {name: (every, [cells[name] for cells in about]) for name in NAMED_BY}
        hulls = [hull_of(list(map(parts.__getitem__, row_codes[a:z].tolist()))) for a, z in spans]
        # The first claim of each group, read from the columns: its metric, its scope and its estimate's dimension.
        lead = self._rows[starts]
        m_codes, metrics = table.column("metric")
        s_codes, scopes = table.column("scope")
        dims = [c.dimension for c in self._some]
        dim = _codes(np, dims, len(dims))
        m, s, e = m_codes[lead], s_codes[lead], self._estimate[starts]
        # Per part: what numbers the groups alike, the distinct parts, and each group's index into them.
        by_part = {
            "metric": (m, metrics, m),
            "scope": (s, scopes, s),
            "dimension": (dim[e], dims, e),
            "hull": (alike, hulls, alike),
        }
        out: dict[str, tuple[Any, list[Any]]] = {}
        for part, (codes, values, index) in by_part.items():
            # Each cell read once per distinct part, of a column of the distinct parts at once, read in the order
            # of ``values`` (the order they were made in): a few hundred thousand objects read in the groups'
            # order wait on memory several times longer than in their own.
            numbered = _codes_of(np, codes)
            at = index[first_rows(numbered)]
            order = np.argsort(at, kind="stable")
            rank = np.empty(len(order), np.int64)
            rank[order] = np.arange(len(order))
            distinct = list(map(values.__getitem__, at[order].tolist()))
            renumbered = rank[numbered]
            out.update(
                (name, (renumbered, column))
                for name, column in about_columns(part, distinct).items()
            )
        return out


def table_rows(raw: Sequence[list[Claim]]) -> tuple[ClaimTable, GroupRows] | None:
    """The claim table and its groups' rows, when the groups are rows of a claim table (else ``None``)."""
    if isinstance(raw, GroupRows):
        table = raw.claims
        if type(table) is ClaimTable:
            return table, raw
    return None


def _best_of(
    policy: Policy, figured: list[Figured], is_count: bool, feasible: Iv, consensus_iv: Iv
) -> tuple[float | None, str]:
    """The best figure of a quiet group whose claims' origins and figures are ``figured`` (every one supports)."""
    return best_by_figures(policy, figured, figured, feasible, consensus_iv, is_count)


def _figure(c: Any) -> float:
    f: float | None = c.figure
    return _NAN if f is None else f


def _codes(np: Any, values: Any, n: int) -> Any:
    """Each value's number, equal values (hashable) numbered alike: where the first of them is."""
    seen: dict[Any, int] = {}
    return np.fromiter(map(seen.setdefault, values, count()), np.int64, n)


def _codes_of(np: Any, values: Any) -> Any:
    """Each array value's number, equal values numbered alike."""
    return number(values).astype(np.int64)


def _combined(np: Any, *codes: Any) -> Any:
    """One number per row for each distinct combination of the rows' numbers, numbered by first appearance.

    The numbers (from 0) are joined in mixed radix, renumbered only when the next would pass 2**62.
    """
    return _fold(np, iter(codes))


def _fold(np: Any, codes: Iterator[Any]) -> Any:
    """:func:`_combined` of arrays made one at a time (each is let go once joined)."""
    out = _codes_of(np, next(codes))
    size = int(out.max(initial=0)) + 1
    for more in codes:
        radix = int(more.max(initial=0)) + 1
        if size * radix >= 2**62:
            out = _codes_of(np, out)
            size = int(out.max(initial=0)) + 1
        out *= radix  # in place: ``out`` is always an array made here
        out += more
        size *= radix
    return _codes_of(np, out)


def _first_alike(np: Any, codes: Any, sizes: Any) -> Any:
    """Per row, where in its group the first row with the same code is: which rows share, not what they share."""
    n = len(codes)
    member = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    # Rows lie group by group: a stable sort by (group, code) keeps each run's rows in order.
    order = np.argsort(member * (int(codes.max(initial=0)) + 1) + codes, kind="stable")
    first = np.ones(n, np.bool_)
    same = (member[order][1:] == member[order][:-1]) & (codes[order][1:] == codes[order][:-1])
    first[1:] = ~same
    run = np.cumsum(first) - 1
    lead = order[first][run]
    out = np.empty(n, np.int64)
    out[order] = lead - (np.cumsum(sizes) - sizes)[member[order]]
    return out


def _distinct(
    np: Any, per_row: Any, per_group: Any, sizes: Any, starts: Any
) -> tuple[Any, list[int]]:
    """Number the groups by input (their rows' numbers in order, and their own): equal inputs, equal numbers.

    Returns each group's number and, per number, the first group that has it.
    """
    numbers = np.empty(len(sizes), np.int64)
    reps: list[int] = []
    for size in np.unique(sizes).tolist():
        which = np.flatnonzero(sizes == size)
        rows = starts[which][:, None] + np.arange(size)
        key = _combined(np, *per_row[rows].T, per_group[which])
        numbers[which] = key + len(reps)
        reps.extend(which[first_rows(key)].tolist())
    return numbers, reps
