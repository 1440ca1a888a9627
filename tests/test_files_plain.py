"""The one-pass reader of plain claim entries (#10.4): the same claims as the full reader, never fewer errors."""

from __future__ import annotations

import gc
import json

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff import dump_claims, load_claims_lenient, loads_claims, loads_claims_lenient
from claimdiff._formats import build as _build
from claimdiff._formats.cells import NO_LINES
from claimdiff._formats.plain import _places, plain_claim
from claimdiff._formats.schema import claims_schema, fits_claim_fast, problems
from claimdiff._model.hedges import DEFAULT_HEDGES
from claimdiff._model.scope import place_path
from claimdiff._model.vocabulary import DEFAULT_VOCABULARY
from claimdiff.exceptions import ClaimFileError
from claimdiff.strategies import claims
from conftest import ROUND_TRIP_EXAMPLES, SEED

# Good and bad values for every field, so that entries mix what reads with every way it may not.
FIELD_VALUES: dict[str, list[object]] = {
    "id": ["a", "", " ", 1, True],
    "metric": ["killed", "injured", "kiled", "", 3, None],
    "counted": ["people", "drones", "peopel", "", 5, None],
    "value": [
        12,
        -4,
        1.5,
        10**400,
        "at least 14",
        "12 km",
        "12 adults and two children",
        "dozens",
        "",
        "foo",
        True,
        {"low": 1, "high": 2},
        {"low": 2, "high": 1},
        {"low": 1, "high": "inf", "low_closed": False},
        {"low_closed": 1},
        {"hedge": "roughly"},
        {},
        [1],
    ],
    "unit": [None, "km", "", "parsec", 3],
    "place": [None, "Russia > Belgorod", "a >  > b", ["Russia", "X"], 5],
    "event": [None, "e", 7, 1.5, True],
    "period": [None, "2023-12-30", "2023", 2023, "2023-13-40", "", True, {"start": "2023-12-30"}],
    "stated": [None, "2023-12-29", "2023-12-31", "2023-12-31T10:00", 1.5],
    "source": [
        "MoD",
        "mod",
        "",
        {"name": "Reuters", "kind": "agency"},
        {"name": "X", "kind": "nonsense"},
        {"name": ""},
        {"name": "x", "party": None},
        {"name": "x", "reliability": 0.5},
        {"name": "x", "colour": "red"},
        7,
    ],
    "via": [
        None,
        [],
        "Reuters",
        ["Reuters", {"name": "AP", "kind": "agency"}],
        [""],
        {"name": "AP"},
        [1],
        "",
    ],
    "quote": [None, "q", 3, True],
    "location": [None, "p1", 2.5],
    "note": [None, "n", 4],
    "part_of": [None, "a", 3],
    "rank": [None, "preferred", "bogus"],
    "colour": ["red"],
}
DEFAULTS = [
    {},
    {"metric": "killed", "counted": "people", "place": "Russia > Belgorod", "period": "2023-12-30"},
    {"source": "mod", "via": ["Reuters"], "unit": "km"},
]
entries = st.fixed_dictionaries(
    {"id": st.sampled_from(FIELD_VALUES["id"])},
    optional={k: st.sampled_from(v) for k, v in FIELD_VALUES.items() if k != "id"},
)


def _context(defaults: dict[str, object]) -> _build.Context:
    ctx = _build.Context("<test>", dict, DEFAULT_HEDGES, DEFAULT_VOCABULARY)
    ctx.apply(
        {
            "defaults": defaults,
            "sources": {"mod": {"name": "Russian Ministry of Defence", "kind": "military"}},
            "aliases": {"Russia's MoD": "Russian Ministry of Defence"},
        }
    )
    return ctx


@settings(max_examples=4 * ROUND_TRIP_EXAMPLES)
@given(raw=entries, defaults=st.sampled_from(DEFAULTS), warm=st.lists(entries, max_size=3))
def test_the_plain_reader_returns_only_what_the_full_reader_returns(raw, defaults, warm):
    """Law: a claim from the plain reader is the full reader's claim for that entry, with no error.

    Entries read before (``warm``) fill the document's caches first, so cached paths are checked too.
    """
    ctx = _context(defaults)
    for other in warm:
        plain_claim(other, ctx)
    fast = plain_claim(raw, ctx)
    if fast is None:
        return
    assert fits_claim_fast(raw) or not list(
        problems(raw, claims_schema()["$defs"]["claim"], "$.claims[0]")
    )
    built, errors = _build._claim(raw, "$.claims[0]", _context(defaults))
    assert errors == []
    assert built == [fast]
    assert built[0].note == fast.note
    if not defaults:
        jsonschema.validate({"claims": [raw]}, claims_schema())


def _full_reader_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_build, "plain_claim", lambda raw, ctx: None)


def _both(monkeypatch: pytest.MonkeyPatch, text: str, fmt: str) -> tuple[object, object]:
    fast = loads_claims_lenient(text, format=fmt)  # type: ignore[arg-type]
    with monkeypatch.context() as m:
        _full_reader_only(m)
        full = loads_claims_lenient(text, format=fmt)  # type: ignore[arg-type]
    return fast, full


@pytest.mark.parametrize("fmt", ["yaml", "json", "csv"])
@settings(max_examples=ROUND_TRIP_EXAMPLES)
@given(cs=st.lists(claims(), max_size=6, unique_by=lambda c: c.id))
def test_both_readers_read_written_files_alike(fmt, cs):
    """Law: a written file reads to the same claims (notes included) whether plain entries take the fast path or not."""
    text = dump_claims(cs, format=fmt)
    mp = pytest.MonkeyPatch()
    try:
        fast, full = _both(mp, text, fmt)
    finally:
        mp.undo()
    assert fast.claims == full.claims == tuple(cs)  # type: ignore[attr-defined]
    assert [c.note for c in fast.claims] == [c.note for c in cs]  # type: ignore[attr-defined]


def test_the_seed_reads_alike_through_both_readers(monkeypatch):
    """The seed file (defaults, named sources, composite figures, relations) gives the same claims either way."""
    fast = load_claims_lenient(SEED)
    _full_reader_only(monkeypatch)
    full = load_claims_lenient(SEED)
    assert fast.claims == full.claims
    assert fast.rejected == full.rejected == ()
    assert [c.note for c in fast.claims] == [c.note for c in full.claims]


BAD = json.dumps(
    {
        "claims": [
            {"id": "a", "metric": "killed", "counted": "people", "value": 12, "source": "MoD"},
            {"id": "a", "metric": "killed", "counted": "people", "value": 13, "source": "MoD"},
            {"id": "b", "metric": "kiled", "counted": "people", "value": 12, "source": "MoD"},
            {"id": "c", "metric": "killed", "counted": "people", "value": -4, "source": "MoD"},
            {"id": "d", "metric": "killed", "counted": "people", "value": "12 km", "source": "MoD"},
            {
                "id": "e",
                "metric": "killed",
                "counted": "people",
                "value": 12,
                "source": "MoD",
                "colour": "red",
            },
            {
                "id": "f",
                "metric": "killed",
                "counted": "people",
                "value": 12,
                "source": "MoD",
                "period": "2023-12-30",
                "stated": "2023-12-29",
            },
        ]
    },
    indent=1,
)


@pytest.mark.parametrize(("fmt", "first_line"), [("json", 3), ("yaml", 2)])
def test_every_error_is_reported_as_the_full_reader_reports_it(monkeypatch, fmt, first_line):
    """A plain first claim and a repeated id, typos, negative counts, units on counts: the same errors, lines included."""
    text = BAD if fmt == "json" else dump_yaml(BAD)
    fast, full = _both(monkeypatch, text, fmt)
    assert [str(e) for e in fast.rejected] == [str(e) for e in full.rejected]  # type: ignore[attr-defined]
    assert [c.id for c in fast.claims] == ["a"]  # type: ignore[attr-defined]
    assert f"id 'a' is also the id of $.claims[0] (line {first_line})" in str(fast.rejected[0])  # type: ignore[attr-defined]


def dump_yaml(json_text: str) -> str:
    """The same document in YAML, one claim a line (so that lines differ from the JSON's)."""
    doc = json.loads(json_text)
    return "claims:\n" + "".join(f"  - {json.dumps(c)}\n" for c in doc["claims"])


def test_a_csv_row_after_blank_lines_is_reported_at_its_own_line():
    """Rows are numbered by the line they start on; blank rows in between are skipped, not counted as claims."""
    text = "id,metric,counted,value,source\na,killed,people,12,MoD\n\n\nb,killed,people,-4,MoD\n"
    loaded = loads_claims_lenient(text, format="csv")
    assert [c.id for c in loaded.claims] == ["a"]
    assert "($.claims[1].value, line 5)" in str(loaded.rejected[0])


def test_csv_rows_that_spell_a_figure_alike_read_alike():
    """Cells read once per distinct text (values, via chains, spelled figures) give equal, independent claims."""
    text = (
        "id,metric,counted,source,via,value_low,value_high,value_hedge\n"
        "a,killed,people,MoD,Reuters [agency] | AP,1,5,range\n"
        "b,killed,people,MoD,Reuters [agency] | AP,1,5,range\n"
    )
    a, b = loads_claims(text, format="csv")
    assert (a.low, a.high, a.via) == (b.low, b.high, b.via) == (1, 5, a.via)
    assert [s.kind.value for s in a.via] == ["agency", "unknown"]


def test_the_collector_runs_again_after_a_read_that_fails():
    """Reading pauses the cyclic collector and restores it, also when the file is refused."""
    assert gc.isenabled()
    with pytest.raises(ClaimFileError, match="not valid YAML"):
        loads_claims("claims: [")  # raised inside the pause, while parsing
    assert gc.isenabled()
    loads_claims("claims: []")
    assert gc.isenabled()


def test_places_read_a_column_as_place_path_reads_each_cell() -> None:
    """``_places`` gives each cell what ``place_path`` gives (None where it raises or the cell is not text; the
    empty path for a missing cell), whether the document has met the place before or not."""
    ctx = _build.document_context({"claims": []}, NO_LINES, "t", DEFAULT_HEDGES, DEFAULT_VOCABULARY)
    cells: list[object] = ["A > B", "A >  C", "A > > D", None, 3, "A > B + C", "", "A > B"]
    expected = [
        place_path("A > B"),
        place_path("A >  C"),
        None,
        (),
        None,
        place_path("A > B + C"),
        None,
        place_path("A > B"),
    ]
    assert _places(cells, ctx) == expected  # nothing met before
    assert _places(cells, ctx) == expected  # every text met before
    assert _places(["A > E", *cells], ctx) == [place_path("A > E"), *expected]  # some met before
