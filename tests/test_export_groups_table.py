"""The groups table: made from the report's groups as read (quiet ones spread by input), cell for cell."""

from __future__ import annotations

from unittest import mock

import attrs
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimdiff._core.reconcile as reconcile_module
from claimdiff import POLICIES, claims_from_dataframe, reconcile
from claimdiff._core.group_build import made_group
from claimdiff._core.lazy_items import LazyItems
from claimdiff._core.quiet import QuietGroups
from claimdiff._formats import quiet_inputs
from claimdiff._formats.export import report_arrow, report_columns, report_frame
from claimdiff._model.claim_table import ClaimTable, picked
from claimdiff.sources import SourceGrade
from claimdiff.strategies import claim_sets, reports


def _columnar(sets, policy="consensus"):
    """The claim sets reconciled by the columnar core, whatever their number (quiet groups built when read)."""
    with mock.patch.object(reconcile_module, "COLUMNAR_FROM", 0):
        return reconcile(
            [attrs.evolve(c, id=f"{k}-{c.id}") for k, cs in enumerate(sets) for c in cs], policy
        )


@st.composite
def repeated_reports(draw):
    """Claim sets each copied into several events, origins renamed per copy (some copies merge two origins).

    Many quiet groups then share every input but their names, so the table spreads one built group's row to
    many; a copy whose origins are merged or whose claims are reversed has another input.
    """
    templates = draw(st.lists(claim_sets(contradiction=False, max_size=5), min_size=1, max_size=3))
    copies = draw(st.integers(1, 4))
    policy = draw(st.sampled_from(sorted(POLICIES)))
    out = []
    for k, cs in enumerate(templates):
        for j in range(copies):
            merge = draw(st.booleans())
            order = cs[::-1] if draw(st.booleans()) else cs
            for c in order:
                name = c.source.name
                name = (name[:-1] + "0") if merge and name.endswith("1") else name
                out.append(
                    attrs.evolve(
                        c,
                        id=f"{k}-{j}-{c.id}",
                        scope=attrs.evolve(c.scope, event=f"copy {j}"),
                        source=attrs.evolve(c.source, name=f"{name} of copy {j}"),
                    )
                )
    return _columnar([out], policy)


def _same_tables(report, table="groups"):
    lazy = report_columns(report, table)
    held = report_columns(attrs.evolve(report, groups=tuple(report.groups)), table)
    assert lazy.keys() == held.keys()
    for name in lazy:
        assert [repr(v) for v in lazy[name]] == [repr(v) for v in held[name]], (table, name)
    return lazy


@settings(max_examples=60)
@given(
    st.one_of(
        reports(),
        st.lists(claim_sets(contradiction=False), min_size=1, max_size=3).map(_columnar),
        repeated_reports(),
    )
)
def test_the_groups_table_is_the_same_from_lazy_and_from_materialised_groups(report):
    """Law: the table of a report whose quiet groups are built when read == that of its groups held as objects."""
    lazy = _same_tables(report)
    claims = _same_tables(report, "claims")
    groups = list(report.groups)
    assert claims["group"] == [report.group_of(c.id).id for c in report.claims]
    assert lazy["id"] == [g.id for g in groups]
    assert lazy["n_claims"] == [len(g.claims) for g in groups]
    assert lazy["best"] == [g.best for g in groups]
    assert lazy["verdict"] == [g.verdict for g in groups]
    assert lazy["grade_note"] == [g.grades_text() for g in groups]


@settings(max_examples=30)
@given(st.one_of(reports(), repeated_reports()))
def test_the_arrow_table_and_the_data_frame_hold_the_same_cells(report):
    """Law: Arrow and pandas wrap the same columns: every cell of the groups and flags tables is equal."""
    for table in ("groups", "flags"):
        cols = report_columns(report, table)
        arrow = report_arrow(report, table).to_pydict()
        frame = report_frame(report, table)
        for name, values in cols.items():
            assert arrow[name] == values, (table, name)
            shown = [None if pd.isna(v) else v for v in frame[name].astype(object).tolist()]
            assert shown == [None if pd.isna(v) else v for v in values], (table, name)


@pytest.fixture(scope="module")
def repeated_frame_report():
    """1,500 places each with 1 to 3 claims of 10 or 20 killed (a range, then exact figures), distinct origins."""
    rows = []
    for g in range(1500):
        truth = 10.0 * (1 + g % 2)
        for r in range(1 + g % 3):
            spread = 1.0 if r == 0 else 0.0
            rows.append(
                {
                    "id": f"c{g}-{r}",
                    "metric": "killed",
                    "counted": "people",
                    "place": f"Country > Town {g}",
                    "low": truth - spread,
                    "high": truth + spread,
                    "best": truth,
                    "source": f"source {(g + r) % 50}",
                }
            )
    return reconcile(claims_from_dataframe(pd.DataFrame(rows)))


def _made_per_input():
    """Count the quiet groups the tables make from a claim table's columns (and refuse any made from claims)."""
    return (
        mock.patch.object(quiet_inputs, "quiet_cells", side_effect=quiet_inputs.quiet_cells),
        mock.patch.object(QuietGroups, "group", side_effect=AssertionError("built from claims")),
    )


def test_a_quiet_group_is_built_once_per_distinct_input(repeated_frame_report):
    """1,500 quiet groups of six distinct inputs (size and figure): six groups are made for the table, from the
    claim table's columns (a claim built per distinct estimate, none per group), each equal to the group made from its claims."""
    report = repeated_frame_report
    assert isinstance(report.groups, LazyItems)
    assert not list(report.groups.held())
    quiet = report.groups.make.__self__
    quiet.memo.clear()  # as if no table of this report had been made yet
    table = report.claims.table
    built_before = sum(c is not None for c in table._built or ())
    made_here, from_claims = _made_per_input()
    with made_here as made, from_claims:
        lazy = report_columns(report, "groups")
    assert made.call_count == 6
    # One claim built per distinct estimate (10 or 20, as a range or exact), none per group.
    assert sum(c is not None for c in table._built or ()) - built_before <= 4
    inputs = quiet.memo["inputs"]
    for k, group in enumerate(inputs.built):
        first = int(inputs.positions[list(inputs.number).index(k)])
        assert made_group(group) == quiet.group(first)
    held = report_columns(attrs.evolve(report, groups=tuple(report.groups)), "groups")
    for name in lazy:
        assert [repr(v) for v in lazy[name]] == [repr(v) for v in held[name]], name
    towns = [int(p.rsplit(" ", 1)[1]) for p in lazy["place"]]
    assert sorted(towns) == list(range(1500))
    assert lazy["best"] == [10.0 * (1 + g % 2) for g in towns]
    assert lazy["n_claims"] == [1 + g % 3 for g in towns]
    assert set(lazy["verdict"]) == {"agreement"}


def test_the_claims_table_reads_each_claim(repeated_frame_report):
    """Each row of the claims table is its claim: figure, hedge, unit, place, source, group and status.

    Six groups are made for it (one per distinct input); the groups table asked next makes none, since the
    numbering by input is kept for every table of the report.
    """
    report = repeated_frame_report
    report.groups.make.__self__.memo.clear()  # as if no table of this report had been made yet
    made_here, from_claims = _made_per_input()
    with made_here as made, from_claims:
        cols = report_columns(report, "claims")
    assert made.call_count == 6
    made_here, from_claims = _made_per_input()
    with made_here as made_again, from_claims:
        report_columns(report, "groups")
    assert made_again.call_count == 0
    for k in (0, 1, 2, 1234, len(report.claims) - 1):
        c = report.claims[k]
        row = {name: values[k] for name, values in cols.items()}
        assert row["id"] == c.id
        assert row["group"] == report.group_of(c.id).id
        assert row["status"] == "supporting"
        assert (row["metric"], row["counted"], row["place"]) == (
            "killed",
            "people",
            c.scope.place_text(),
        )
        assert (row["value"], row["hedge"]) == (c.estimate.describe(), c.estimate.hedge.value)
        assert (row["low"], row["high"], row["unit"]) == (c.low, c.high, c.unit_info.canonical)
        assert (row["source"], row["source_kind"], row["origin"]) == (
            c.source.name,
            c.source.kind.value,
            c.origin,
        )
        assert row["period"] is row["stated"] is row["via"] is row["note"] is None
    assert set(cols["value"]) == {"10 (9 to 11)", "10 (10 to 10)", "20 (19 to 21)", "20 (20 to 20)"}


def test_the_claims_table_of_a_table_builds_no_claim_per_row():
    """A report of a claim table writes its claims table from the table's columns: the claims built are one per
    distinct input of what a cell reads (figure and counted thing, source, note) and the quiet groups' few, not
    one per row; its cells are those of the claims themselves."""
    n = 3000
    frame = pd.DataFrame(
        {
            "id": [f"c{i:04}" for i in range(n)],
            "metric": "killed",
            "counted": "people",
            "place": [f"Country > Town {i // 3}" for i in range(n)],
            "value": ["about 10", "at least 10", "10"] * (n // 3),
            "source": [f"source {i % 7}" for i in range(n)],
        }
    )
    report = reconcile(claims_from_dataframe(frame).claims)
    table = report.claims.table
    cols = report_columns(report, "claims")
    built = sum(c is not None for c in table._built or ())  # what the table built
    assert built < 100
    claims = list(report.claims)
    for name in ("id", "place", "value", "low", "high", "unit", "origin", "note"):
        attr = {"place": "scope", "value": "estimate", "unit": "unit_info"}.get(name, name)
        got = [getattr(c, attr) for c in claims]
        if name == "place":
            got = [s.place_text() for s in got]
        elif name == "value":
            got = [e.describe() for e in got]
        elif name == "unit":
            got = [u.canonical for u in got]
        assert cols[name] == got, name


def test_an_empty_report_has_an_empty_groups_table_with_every_column():
    """No group: every column is there, empty."""
    cols = report_columns(reconcile([]), "groups")
    assert len(cols) == 35
    assert all(v == [] for v in cols.values())


@st.composite
def graded_tables(draw):
    """A claim table of small groups copied into several places (origins renamed per copy, some merged),
    some rows held as claims of their own with a source's grade: many quiet groups alike but for the
    grades, origins or periods their inputs are read from, in columns or held."""
    rows = []
    for k in range(draw(st.integers(1, 3))):
        size = draw(st.integers(1, 3))

        def column(values, size=size):
            return draw(st.lists(st.sampled_from(values), min_size=size, max_size=size))

        metric = draw(st.sampled_from(["killed", "injured"]))
        values = column(["3", "4", "at least 3", "about 10", "10", "10 to 12", "2 km"])
        periods = column(["", "2024-01-01/2024-01-03", "2024-01-02", "2024-01-05"])
        sources, vias = column(["A", "B", "C"]), column(["", "", "Reuters"])
        for j in range(draw(st.integers(1, 4))):
            merge = draw(st.booleans())
            for r in range(size):
                source = "A" if merge else sources[r]
                rows.append(
                    {
                        "id": f"c{k}-{j}-{r}",
                        "metric": metric,
                        "counted": "people",
                        "place": f"Syria > Town {k}-{j}",
                        "value": values[r],
                        "period": draw(st.sampled_from([periods[r], "2024-01-02"])),
                        "source": f"{source} of copy {j}",
                        "via": vias[r],
                    }
                )
    table = claims_from_dataframe(pd.DataFrame(rows)).claims
    grades = [None, SourceGrade("airwars", "Fair"), SourceGrade("airwars", "Weak")]
    swapped = {
        k: attrs.evolve(table[k], source_grade=draw(st.sampled_from(grades)))
        for k in draw(
            st.lists(st.integers(0, len(table) - 1), max_size=6) if len(table) else st.just([])
        )  # every row may be refused ("2 km" of people)
    }
    return picked(table, [swapped.get(k, k) for k in range(len(table))])


@settings(max_examples=60, deadline=None)
@given(graded_tables(), st.sampled_from(sorted(POLICIES)))
def test_the_tables_of_a_claim_table_are_those_of_its_claims(table, policy):
    """Law: the groups and claims tables of ``reconcile(table)`` (quiet groups' inputs read from the table's
    columns) == those of ``reconcile(tuple(table))`` (read from the claims) == those of the groups held."""
    assert type(table) is ClaimTable
    with mock.patch.object(reconcile_module, "COLUMNAR_FROM", 1):
        by_table = reconcile(table, policy)
        by_tuple = reconcile(tuple(picked(table, list(range(len(table))))), policy)
    for name in ("groups", "claims"):
        cells = _same_tables(by_table, name)
        assert {k: [repr(v) for v in vs] for k, vs in cells.items()} == {
            k: [repr(v) for v in vs] for k, vs in report_columns(by_tuple, name).items()
        }, name


def test_each_naming_cell_follows_from_the_one_part_it_is_named_by():
    """Law: a cell of ``about_of`` changes only with the part ``NAMED_BY`` names, so the groups table asks ``about_of``
    once per distinct part (metric, scope, dimension, hull) and still gives every group its own cells."""
    import itertools

    from claimdiff import Claim, Scope
    from claimdiff._core.group_build import ABOUT_PARTS, about_of
    from claimdiff._formats.quiet_inputs import NAMED_BY
    from claimdiff.vocabulary import Metric

    killed = Claim(
        id="a",
        metric=Metric("arrivals", cumulative=False),
        estimate="3",
        scope=Scope(counted="people"),
        source="A",
    )
    deaths = Claim(
        id="b",
        metric=Metric("covid deaths", cumulative=True),
        estimate="3 km",
        scope=Scope(place="Chad > Kanem", event="flood"),
        source="B",
        period="2020-01-01/2020-02-01",
    )
    parts = {
        "metric": [killed.metric, deaths.metric],
        "scope": [killed.scope, deaths.scope],
        "dimension": [killed.dimension, deaths.dimension],
        "hull": [None, deaths.period],
    }
    cells = {
        combo: about_of(*(parts[p][k] for p, k in zip(parts, combo, strict=True)))
        for combo in itertools.product((0, 1), repeat=4)
    }
    assert set(NAMED_BY) == set(next(iter(cells.values())))
    for name, part in NAMED_BY.items():
        at = list(parts).index(part)
        for combo, found in cells.items():
            assert found[name] == cells[(0,) * at + (combo[at],) + (0,) * (3 - at)][name], name
        assert cells[(0, 0, 0, 0)][name] != cells[tuple(int(k == at) for k in range(4))][name], name
    # Each part's own reading gives exactly the cells named by it, as ``about_of`` gives them.
    for part, about in ABOUT_PARTS.items():
        for k, value in enumerate(parts[part]):
            own = about(value)
            assert set(own) == {name for name, by in NAMED_BY.items() if by == part}, part
            combo = tuple(k if p == part else 0 for p in parts)
            assert own == {name: cells[combo][name] for name in own}, part


def test_the_claims_table_finds_the_judged_groups_claims_at_their_rows():
    """The claims of groups judged claim by claim are found at their rows of the claim table, no id looked up,
    and each gets the group and status that looking its id up gives."""
    from claimdiff._formats import claims_table as module

    n = 600
    frame = pd.DataFrame(
        {
            "id": [f"c{i:04}" for i in range(n)],
            "metric": "killed",
            "counted": "people",
            "place": [f"Country > Town {i // 3}" for i in range(n)],
            # every third town's third claim says another figure: a group judged claim by claim
            "value": ["40" if i % 9 == 8 else "10" for i in range(n)],
            "source": [f"source {i % 7}" for i in range(n)],
        }
    )
    with mock.patch.object(reconcile_module, "COLUMNAR_FROM", 0):
        report = reconcile(claims_from_dataframe(frame).claims)
    table = report.claims.table
    judged = list(report.groups.held())
    assert judged  # some groups were judged claim by claim
    with mock.patch.object(module._Index, "positions", side_effect=AssertionError("looked up")):
        by_rows = module._membership(report, module._Index(*table.column("id")), table)
    by_ids = module._membership(report, module._Index(*table.column("id")), None)
    for found, looked_up in zip(by_rows, by_ids, strict=True):
        assert list(found) == list(looked_up)
    assert {report.groups[i].id for i, _ in judged} <= set(by_rows[0].tolist())
    assert "dissenting" in set(by_rows[1])


def test_flag_cells_by_position_read_only_this_reports_group_ids():
    """The quiet groups' flag cells are put by position: ids outside the numbering (none, "x2", "g0", past the
    last group, "g02") name no group, and a group without flags keeps the default."""
    import numpy as np

    from claimdiff._formats.groups_table import _by_position

    values = {None: 9, "x2": 9, "g0": 9, "g9": 9, "g02": 9, "g2": 5, "g4": 7, "": 9}
    got = _by_position(values, np.array([0, 1, 3]), 0)
    assert list(got) == [0, 5, 7]
    assert [type(v) for v in got] == [int, int, int]


@settings(max_examples=40)
@given(st.one_of(reports(), repeated_reports()))
def test_the_groups_columns_are_each_groups_row(report):
    """Law: the cells of many groups read column by column are, group by group, the row of each group alone
    (its worst flag and count given), whatever mix of groups made and cells read of verdicts."""
    from claimdiff._core.flags import Severity
    from claimdiff._formats.groups_table import group_columns, group_row

    groups = list(report.groups)
    worst = [Severity.ERROR if k % 2 else None for k in range(len(groups))]
    n_flags = [k % 3 for k in range(len(groups))]
    columns = group_columns(groups, worst, n_flags)
    rows = [group_row(g, w, n) for g, w, n in zip(groups, worst, n_flags, strict=True)]
    assert [tuple(row) for row in zip(*columns, strict=True)] == rows


@settings(max_examples=30)
@given(st.one_of(reports(), repeated_reports()))
def test_the_groups_table_counts_flags_without_making_them(report):
    """The flag cells of the groups table count each group's flags and name its worst, read of the rows the
    report holds them as: no flag held as a row is made for it, and the flags made later give the same cells."""
    from claimdiff._core.flags import FlagRow
    from claimdiff._core.reconcile import flag_rows

    rows = [k for k, f in enumerate(flag_rows(report.flags)) if isinstance(f, FlagRow)]
    lazy = report_columns(report, "groups")
    after = flag_rows(report.flags)
    assert all(isinstance(after[k], FlagRow) for k in rows)  # still rows: none made
    made = list(report.flags)
    for gid, worst, n in zip(lazy["id"], lazy["worst_severity"], lazy["n_flags"], strict=True):
        mine = [f for f in made if f.group == gid]
        assert n == len(mine)
        most = max((f.severity for f in mine), key=lambda s: s.rank, default=None)
        assert worst == (None if most is None else most.value)


def test_a_group_is_made_of_its_cells():
    """The cells of a group (``GroupCells``) are named as the fields of ``Group``: the group of a quiet group's
    cells is the quiet group made, field by field."""
    from claimdiff._core.group_cells import GroupCells
    from claimdiff._core.quiet_group import quiet_cells, quiet_group
    from claimdiff._core.report import Group
    from claimdiff._model.units import unit_info

    assert set(GroupCells._fields) == {f.name for f in attrs.fields(Group)}
    args = (
        "g1",
        ("b", "a"),
        {
            "metric": "killed",
            "counted": "people",
            "place": ("X",),
            "event": None,
            "dimension": "count",
            "cumulative": False,
            "period": None,
        },
        unit_info(""),
        (9.5, True, 10.5, True, 10.0, True, 10.0, True, True),
        lambda f, iv: (10.0, "consensus"),
        2,
        (),
        ("worded", 1.0),
    )
    cells, group = quiet_cells(*args), quiet_group(*args)
    assert made_group(cells) == group
    assert all(getattr(group, name) == value for name, value in cells._asdict().items())
    assert cells.supporting == ("a", "b")
    assert cells.dissenting == ()
