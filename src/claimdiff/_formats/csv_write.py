"""Claims written as CSV: one row per claim, in the columns of :data:`claimdiff._formats.csv_format.COLUMNS`.

The columns a plain file needs are always written; the others only when some claim needs them, so
that a plain file stays narrow. Reading is :mod:`claimdiff._formats.csv_format`.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping, Sequence
from typing import Any

from claimdiff._formats.csv_cells import escape_cell, via_cell
from claimdiff._formats.csv_format import ALWAYS, COLUMNS
from claimdiff._formats.schema import short_repr
from claimdiff.exceptions import InvalidClaimError

__all__ = ["write_csv"]


def write_csv(claims: Sequence[Mapping[str, Any]], metrics: Mapping[str, Mapping[str, Any]]) -> str:
    """CSV text for claims in the claims-file form (as :func:`claimdiff._formats.claims_file.claim_to_dict` gives them).

    Args:
        claims: Claims as mappings of file fields.
        metrics: Metric definitions the file must carry; their ``cumulative`` goes in each row.

    Raises:
        InvalidClaimError: A cell would be longer than the CSV reader reads.
    """
    rows = [_cells(c, metrics) for c in claims]
    limit = (
        csv.field_size_limit()
    )  # what the reader reads, read when writing (the limit can be raised)
    for claim, row in zip(claims, rows, strict=True):
        for column, cell in row.items():
            if len(cell) > limit:
                raise InvalidClaimError(
                    claim.get("id"),
                    column,
                    short_repr(cell),
                    f"is {len(cell):,} characters long, more than a claims CSV cell may hold "
                    f"({limit:,}, the csv module's field limit); write these claims as YAML or JSON",
                )
    used = {k for r in rows for k in r}
    columns = [c for c in COLUMNS if c in ALWAYS or c in used]
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, columns, lineterminator="\n")
    # The csv module quotes a cell holding "\n" but not one holding only "\r", which readers then split on.
    quoted = csv.DictWriter(buffer, columns, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writeheader()
    for row in rows:
        (quoted if any("\r" in v for v in row.values()) else writer).writerow(row)
    return buffer.getvalue()


def _cells(claim: Mapping[str, Any], metrics: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    return {k: escape_cell(v) for k, v in _raw_cells(claim, metrics).items()}


def _raw_cells(
    claim: Mapping[str, Any], metrics: Mapping[str, Mapping[str, Any]]
) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in claim.items():
        if key == "value" and isinstance(value, Mapping):
            for field, v in value.items():
                out[f"value_{field}"] = _text(v)
        elif key == "source" and isinstance(value, Mapping):
            out["source"] = value["name"]
            out["source_kind"] = value["kind"]
            if value.get("party") is not None:
                out["source_party"] = value["party"]
            if value.get("reliability") is not None:
                out["source_reliability"] = _text(value["reliability"])
        elif key == "source_grade":
            for field, v in value.items():
                out[f"source_grade_{field}"] = (
                    _codes_cell(claim.get("id"), v) if field == "codes" else _text(v)
                )
        elif key == "via":
            out["via"] = via_cell(value)
        else:
            out[key] = _text(value)
    definition = metrics.get(claim["metric"])
    if definition is not None:
        out["cumulative"] = _text(definition["cumulative"])
    return out


def _codes_cell(claim_id: Any, codes: Mapping[str, int]) -> str:
    for name in codes:
        if name != name.strip() or ";" in name or "=" in name:
            raise InvalidClaimError(
                claim_id,
                "source_grade",
                short_repr(name),
                "names a code with ';', '=' or spaces at its ends, which a claims CSV cell cannot "
                "hold; write these claims as YAML or JSON",
            )
    return "; ".join(f"{name}={code}" for name, code in codes.items())


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value) and abs(value) < 2**53:
            return str(int(value))
        return repr(value)
    return str(value)
