"""The tables a report exports, their columns and each column's type, whatever the data.

Types: ``"str"``, ``"int"``, ``"float"``, ``"bool"``, ``"severity"`` and ``"kind"`` (categories holding
every value), ``"time"`` (a UTC instant). :mod:`claimdiff._formats.export` makes the tables as pandas,
Arrow and Parquet.

>>> [name for name, _ in SCHEMA["rejected"]]
['claim', 'reason']
"""

from __future__ import annotations

from collections.abc import Mapping

from claimdiff._core.flags import FlagKind, Severity

__all__ = ["LIST_SEPARATOR", "SCHEMA", "SEVERITY_ORDER", "TABLES", "categories"]

#: The tables a report exports: one row per group, flag, rejected claim, derived figure, claim, and claim of a flag.
TABLES = ("groups", "flags", "rejected", "derived", "claims", "flag_claims")

#: Severities from least to most serious: the order of the ``severity`` categories.
SEVERITY_ORDER = tuple(s.value for s in sorted(Severity, key=lambda s: s.rank))

#: The columns of each table, with their types (see the module docstring).
SCHEMA: Mapping[str, tuple[tuple[str, str], ...]] = {
    "groups": (
        ("id", "str"),
        ("metric", "str"),
        ("counted", "str"),
        ("place", "str"),
        ("event", "str"),
        ("period", "str"),
        ("dimension", "str"),
        ("cumulative", "bool"),
        ("unit", "str"),
        ("feasible", "bool"),
        ("low", "float"),
        ("high", "float"),
        ("low_closed", "bool"),
        ("high_closed", "bool"),
        ("consensus_low", "float"),
        ("consensus_high", "float"),
        ("best", "float"),
        ("n_claims", "int"),
        ("n_supporting", "int"),
        ("n_dissenting", "int"),
        ("n_superseded", "int"),
        ("n_stale", "int"),
        ("origins", "int"),
        ("worst_severity", "severity"),
        ("n_flags", "int"),
        ("verdict", "str"),
        ("corroboration", "str"),
        ("n_withdrawn", "int"),
        ("best_rule", "str"),
        ("stated_low", "float"),
        ("stated_high", "float"),
        ("source_grades", "str"),
        ("grade_note", "str"),
        ("precision", "str"),
        ("precision_step", "float"),
    ),
    "flags": (
        ("flag", "int"),
        ("kind", "kind"),
        ("severity", "severity"),
        ("group", "str"),
        ("n_claims", "int"),
        ("claims", "str"),
        ("message", "str"),
        ("gap", "float"),
        ("relative_gap", "float"),
        ("unit", "str"),
        ("tags", "str"),
    ),
    "rejected": (("claim", "str"), ("reason", "str")),
    "derived": (
        ("metric", "str"),
        ("counted", "str"),
        ("place", "str"),
        ("event", "str"),
        ("group", "str"),
        ("low", "float"),
        ("high", "float"),
        ("claims", "str"),
        ("relations", "str"),
        ("message", "str"),
    ),
    "claims": (
        ("id", "str"),
        ("group", "str"),
        ("status", "str"),
        ("metric", "str"),
        ("counted", "str"),
        ("place", "str"),
        ("event", "str"),
        ("value", "str"),
        ("hedge", "str"),
        ("low", "float"),
        ("high", "float"),
        ("low_closed", "bool"),
        ("high_closed", "bool"),
        ("unit", "str"),
        ("period", "str"),
        ("period_start", "time"),
        ("period_end", "time"),
        ("stated", "str"),
        ("stated_start", "time"),
        ("stated_end", "time"),
        ("source", "str"),
        ("source_kind", "str"),
        ("source_party", "str"),
        ("via", "str"),
        ("origin", "str"),
        ("part_of", "str"),
        ("note", "str"),
    ),
    "flag_claims": (("flag", "int"), ("kind", "kind"), ("severity", "severity"), ("claim", "str")),
}

#: What joins the names of a list flattened into one text cell ("a; b").
LIST_SEPARATOR = "; "


def categories(kind: str) -> tuple[str, ...]:
    """Every value a categorical column may hold, in order (all of them, whether the report has them or not)."""
    return SEVERITY_ORDER if kind == "severity" else tuple(k.value for k in FlagKind)
