"""A report as pandas tables (the ``pandas`` extra), imported only when asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimdiff.exceptions import MissingExtraError

if TYPE_CHECKING:
    from claimdiff._core.report import Report

__all__ = ["TABLES", "report_frame"]

#: The tables a report exports, each the list of that name in :meth:`Report.to_dict`.
TABLES = ("groups", "flags", "rejected", "derived")


def report_frame(report: Report, table: str) -> Any:
    """One table of ``report`` as a :class:`pandas.DataFrame`, one row per item, columns as in the JSON contract.

    Raises:
        ValueError: ``table`` is not one of :data:`TABLES`.
        MissingExtraError: pandas is not installed; the message names the extra to install.
    """
    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)} (got {table!r})")
    try:
        import pandas as pd  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415
    except ImportError as e:
        raise MissingExtraError("Report.to_dataframe()", "pandas") from e
    rows = report.to_dict()[table]
    columns = _COLUMNS[table]
    return pd.DataFrame(rows, columns=columns)


# Columns are fixed, so an empty table still has them.
_COLUMNS = {
    "groups": [
        "id", "metric", "counted", "place", "event", "period", "dimension", "cumulative", "unit", "low", "high",
        "low_closed", "high_closed", "feasible", "consensus_low", "consensus_high", "best", "claims", "supporting",
        "dissenting", "superseded", "stale", "origins", "verdict", "corroboration", "withdrawn", "best_rule",
        "stated_low", "stated_high",
    ],
    "flags": ["kind", "severity", "claims", "group", "message", "gap", "relative_gap", "unit", "tags"],
    "rejected": ["claim", "reason"],
    "derived": ["metric", "counted", "place", "event", "group", "low", "high", "claims", "relations", "message"],
}
