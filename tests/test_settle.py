"""A table's chunks settled into one table (claimdiff._formats.settle): row order, and an id taken once."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import numpy as np
import pytest

from claimdiff import Claim, claims_from_dataframe
from claimdiff._formats.columnar import Fast
from claimdiff._formats.settle import Chunk, Outcome, settle_all
from claimdiff.exceptions import ClaimFileError

pd = pytest.importorskip("pandas")


def _claims(ids: list[str]) -> Any:
    """A claim table of one claim per id, as the columnar reader makes it."""
    frame = pd.DataFrame(
        {"id": ids, "metric": "killed", "counted": "people", "best": 3.0, "source": "MoD"}
    )
    return claims_from_dataframe(frame).claims


def _chunk(labels: list[Hashable], columnar: dict[int, str], full: dict[int, Outcome]) -> Chunk:
    """A chunk whose rows ``columnar`` (position: id) the columnar reader read, the rest the full reader."""
    rows = sorted(columnar)
    return labels, Fast(np.array(rows, dtype=np.intp), _claims([columnar[r] for r in rows])), full


def _duplicate(label: Hashable, cid: str, clash: str, first: Hashable) -> ClaimFileError:
    return ClaimFileError("t", f"row {label}", cid, f"repeats {clash!r} of row {first}")


def _rejected_problem(label: Hashable) -> ClaimFileError:
    return ClaimFileError("t", f"row {label}", None, "does not read")


def test_chunks_of_distinct_ids_are_laid_end_to_end_with_their_rejections_in_row_order() -> None:
    """No id repeats: the claims are the chunks' in row order; rejections come chunk by chunk, row by row."""
    bad = {label: _rejected_problem(label) for label in ("r1", "r4", "r3")}
    chunks = [
        _chunk(["r0", "r1", "r2"], {0: "a", 2: "b"}, {1: Outcome([], [bad["r1"]])}),
        _chunk(
            ["r3", "r4", "r5"], {2: "c"}, {1: Outcome([], [bad["r4"]]), 0: Outcome([], [bad["r3"]])}
        ),
    ]
    rejected: list[ClaimFileError] = []
    table = settle_all(chunks, duplicate=_duplicate, rejected=rejected)
    assert [c.id for c in table] == ["a", "b", "c"]
    assert rejected == [bad["r1"], bad["r3"], bad["r4"]]


def test_an_id_taken_by_an_earlier_row_is_refused_across_chunks_and_readers() -> None:
    """A claim whose id an earlier row's claim holds is refused, naming that row, whichever reader read either;
    a claim of the full reader takes its place between the columnar rows; a rejected row takes no id."""
    full = _claims(["x"])[0]
    assert isinstance(full, Claim)
    chunks = [
        _chunk(["r0", "r1", "r2"], {0: "a", 2: "b"}, {1: Outcome([full], [])}),
        _chunk(
            ["r3", "r4", "r5", "r6"],
            {0: "x", 1: "a", 3: "d"},
            {2: Outcome([], [_rejected_problem("r5")])},
        ),
        _chunk(["r7"], {0: "d"}, {}),
    ]
    rejected: list[ClaimFileError] = []
    table = settle_all(chunks, duplicate=_duplicate, rejected=rejected)
    assert [c.id for c in table] == ["a", "x", "b", "d"]
    assert table[1] is full
    assert [str(e) for e in rejected] == [
        str(_duplicate("r3", "x", "x", "r1")),
        str(_duplicate("r4", "a", "a", "r0")),
        str(_rejected_problem("r5")),
        str(_duplicate("r7", "d", "d", "r6")),
    ]
