"""Tables read in columns (claimdiff._formats.columnar) give the claims and rejections of the same rows read one by one.

The reference is the row-by-row reader the columnar one replaced: each row turned into the mapping a claims file
would hold and read by the claims-file loader (``claims_from_rows`` and, for tables in the claims-CSV columns,
``parse_rows`` + ``load_document``). Both must agree claim for claim (equal, in the same order, with the same
notes and reprs) and rejection for rejection (same class, same message), on generated frames full of bad cells
and on real data sets. One deliberate difference: a repeated id is now said to repeat the id of a *row*
("row 3"), where the row-by-row reader named an index into a document nobody wrote ("$.claims[2]").
"""

from __future__ import annotations

import contextlib
import gzip
import math
import re
from collections.abc import Hashable, Mapping, Sequence
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimdiff import LoadedClaims, claims_from_dataframe
from claimdiff._formats import columnar, table_columns
from claimdiff._formats.cells import NO_LINES, claim_mapping, csv_cell, relocated
from claimdiff._formats.claims_file import load_document
from claimdiff._formats.csv_format import parse_csv, parse_rows
from claimdiff._formats.frames import _CHUNK, claims_from_rows
from claimdiff._formats.table_columns import TABLE_CHUNK, own_cells
from claimdiff._model.packed_texts import PackedTexts
from claimdiff.exceptions import ClaimFileError
from conftest import SHARED

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

_AT = re.compile(r"\$\.claims\[(\d+)\]")


def _row_name(label: Hashable) -> str:
    return f"row {label}"


def _fix_duplicates(
    loaded: LoadedClaims, entry_labels: Sequence[Hashable]
) -> list[tuple[type, str]]:
    """The reference's rejections, a repeated id naming the row it repeats (the one deliberate change)."""
    out = []
    for e in loaded.rejected:
        text = _AT.sub(lambda m: _row_name(entry_labels[int(m.group(1))]), str(e))
        out.append((type(e), text))
    return out


def reference_frame(
    df: Any,
    columns: Mapping[str, str | Sequence[str]],
    defaults: Mapping[str, Any] | None,
    name: str = "<dataframe>",
) -> tuple[LoadedClaims, list[Hashable]]:
    """The row-by-row reading of a frame with named columns, and the labels of the rows that became entries."""
    names = [str(c) for c in df.columns]
    position = {n: i for i, n in enumerate(names)}
    used = sorted(
        {c for spec in columns.values() for c in ([spec] if isinstance(spec, str) else spec)}
    )
    data = {c: df.iloc[:, position[c]].tolist() for c in used}
    rows = [{c: data[c][i] for c in used} for i in range(len(df))]
    labels = list(df.index)
    entries = [
        label
        for row, label in zip(rows, labels, strict=True)
        if not isinstance(claim_mapping(row, columns, label, name), ClaimFileError)
    ]
    return claims_from_rows(
        rows, columns=columns, labels=labels, defaults=defaults, name=name
    ), entries


def reference_csv_table(df: Any, name: str = "<dataframe>") -> tuple[LoadedClaims, list[Hashable]]:
    """The row-by-row reading of a frame in the claims-CSV columns (every row is an entry)."""
    names = [str(c) for c in df.columns]
    data = [df.iloc[:, i].tolist() for i in range(len(names))]
    doc, _ = parse_rows(names, enumerate(zip(*data, strict=True)), name, cell=csv_cell)
    loaded = load_document(doc, NO_LINES, path=name)
    labels = list(df.index)
    same = {c: c for c in names}
    located = tuple(relocated(e, labels, same, name) for e in loaded.rejected)
    return LoadedClaims(path=name, claims=loaded.claims, rejected=located), labels


def assert_same(new: LoadedClaims, old: LoadedClaims, entries: Sequence[Hashable]) -> None:
    """Claim for claim and rejection for rejection, in order."""
    assert [(c, c.note, repr(c)) for c in new.claims] == [(c, c.note, repr(c)) for c in old.claims]
    assert [(type(e), str(e)) for e in new.rejected] == _fix_duplicates(old, entries)


# -- generated frames -----------------------------------------------------------------------------------------


def _mostly(good: list[Any], bad: list[Any]) -> st.SearchStrategy[Any]:
    """A cell: one of ``good`` nine times in ten, else one of ``bad``."""
    return st.integers(0, 9).flatmap(lambda k: st.sampled_from(bad if k == 0 and bad else good))


_ODD = [True, [1, 2], {"a": 1}, b"12", pd.NaT, pd.NA, math.nan, None]
_CELLS = {
    "id": st.integers(0, 2).flatmap(
        lambda k: (
            st.integers(0, 10**6).map("r{}".format)
            if k
            else _mostly(["a", "b", "a", "g h", None], ["", " ", 7, 2.5, [1]])
        )
    ),
    "metric": _mostly(["killed", "injured", "distance"], ["kiled", "", None, 3]),
    "counted": _mostly(["people", "children", "drones", None], ["peple", "", 4]),
    "value": _mostly(
        [
            "at least 14",
            "12",
            "about 5",
            "between 3 and 9",
            "over 100",
            "dozens",
            "1.2m",
            "3.5",
            0,
            1,
            3,
            12,
            2.5,
            1e20,
            "12 km",
        ],
        [
            "-4",
            -2,
            "nonsense",
            "",
            " ",
            "inf",
            math.inf,
            -math.inf,
            9007199254740993,
            10**400,
            "12 adults and two children",
            *_ODD,
        ],
    ),
    "unit": _mostly([None, None, "km", "mile", "m"], ["", "frobs", "kg", 3]),
    "place": _mostly(
        ["Russia > Belgorod", "Syria", "A>B>C", "Idlib + Aleppo", None], [" > ", "", 4, [1]]
    ),
    "event": _mostly(["e1", "e2", None, 12, 2.5], ["", [1], True]),
    "period": _mostly(
        [
            "2023-12-30",
            "2023-12",
            "2024-01-01/2024-01-03",
            None,
            pd.Timestamp("2023-12-29"),
            "2024",
            2023,
        ],
        ["2023-13-01", "yesterday", "", pd.Timestamp("2023-12-29 10:00", tz="UTC"), 2.5],
    ),
    "stated": _mostly(["2023-12-31", None, "2023-12-30T10:00:00Z"], ["2023-12-01", "", "x"]),
    "source": _mostly(["MoD", "UCDP", "Reuters"], ["", " ", None, 5, [1]]),
    "source_kind": _mostly(["military", "media", None], ["nonsense", 3]),
    "source_party": _mostly(["Russia", None], ["", 1.5]),
    "via": _mostly(["Reuters", "AP", None], ["", 3, " "]),
    "quote": _mostly(["said so", None, 3, 2.5], [[1], True]),
    "location": _mostly(["para 2", None], [[1]]),
    "note": _mostly(["n", None, 2.5], [{"a": 1}]),
    "low": _mostly([1, 2.0, None, -math.inf], [math.inf, -3, "x", math.nan]),
    "high": _mostly([5, 20.0, None, math.inf], [3, "inf", -math.inf]),
    "best": _mostly([4, None, 10], [math.nan, -1, "y"]),
    "part_of": _mostly([None, "a"], [3, ""]),
}
_FULL = {"metric": "killed", "counted": "people", "source": "S"}


@st.composite
def frames(draw: st.DrawFn) -> tuple[Any, dict[str, Any], dict[str, Any] | None]:
    """A frame of good and bad cells, the columns named for each field, and defaults."""
    fields = draw(st.lists(st.sampled_from(sorted(_CELLS)), min_size=1, max_size=9, unique=True))
    if not {"value", "low", "high", "best"} & set(fields) and draw(st.integers(0, 9)) > 0:
        fields.append("value")
    defaults = draw(
        st.sampled_from(
            [
                _FULL,
                _FULL,
                _FULL,
                None,
                {"metric": "killed", "source": "S", "period": "2023-12-30"},
                {**_FULL, "place": "Syria", "via": ["AP"], "event": "e0"},
            ]
        )
    )
    if defaults is None:  # the fields a claim needs, from columns
        fields = [*fields, *(f for f in ("metric", "source", "counted") if f not in fields)]
    n = draw(st.integers(1, 12))
    index = draw(
        st.sampled_from([list(range(n)), [f"r{i}" for i in range(n)], [10 + i for i in range(n)]])
    )
    frame = pd.DataFrame(
        {
            f"c_{f}": pd.Series([draw(_CELLS[f]) for _ in range(n)], dtype=object, index=index)
            for f in fields
        },
        index=index,
    )
    typed = draw(st.sampled_from(["object", "numpy_nullable", "pyarrow", "category"]))
    if typed in (
        "numpy_nullable",
        "pyarrow",
    ):  # the dtypes pandas would give, where the column allows one
        frame = frame.convert_dtypes(dtype_backend=typed)
    elif typed == "category":
        for column in frame.columns:
            with contextlib.suppress(TypeError, ValueError):  # a column of lists has no categories
                frame[column] = frame[column].astype("category")
    columns: dict[str, Any] = {f: f"c_{f}" for f in fields}
    if "place" in fields and draw(st.booleans()):
        frame["c_adm1"] = pd.Series(
            [draw(st.sampled_from(["Idlib", None, "", "Aleppo"])) for _ in range(n)],
            dtype=object,
            index=frame.index,
        )
        columns["place"] = ["c_place", "c_adm1"]
    return frame, columns, defaults


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(frames())
def test_a_frame_reads_as_its_rows_one_by_one(
    case: tuple[Any, dict[str, Any], dict[str, Any] | None],
) -> None:
    """Any frame of good and bad cells (NaN, inf, None, lists, wrong types, odd strings, repeated ids, mixed
    units, hedged figures, periods, places, defaults): the same claims and rejections as row by row."""
    frame, columns, defaults = case
    new = claims_from_dataframe(frame, columns=columns, defaults=defaults)
    old, entries = reference_frame(frame, columns, defaults)
    assert_same(new, old, entries)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(frames(), st.integers(1, 4))
def test_a_frame_read_a_few_rows_at_a_time_reads_as_its_rows_one_by_one(
    case: tuple[Any, dict[str, Any], dict[str, Any] | None], chunk: int
) -> None:
    """Read in chunks of a few rows (each distinct figure made and read once for the whole table, its chunks
    sharing it; ids compared across chunks): the same claims and rejections as row by row."""
    frame, columns, defaults = case
    with mock.patch.object(table_columns, "TABLE_CHUNK", chunk):
        new = claims_from_dataframe(frame, columns=columns, defaults=defaults)
    old, entries = reference_frame(frame, columns, defaults)
    assert_same(new, old, entries)


@pytest.mark.parametrize("kept", [1, 3, 2**14])
@pytest.mark.parametrize("chunk", [1, 2, 100])
def test_cells_alike_but_of_other_types_spell_other_figures_across_chunks(
    chunk: int, kept: int
) -> None:
    """``1``, ``1.0`` and ``True`` are equal keys in Python but three cells to the reader: a figure made for one
    is never given to a row of another, in the same chunk or a later one (a ``True`` low is refused), whether
    the table keeps every figure it read or only its first few (``FIGURES_KEPT``)."""
    lows = [1, True, 1.0, True, 1, 2.0, 2]
    frame = pd.DataFrame(
        {
            "id": [f"r{i}" for i in range(len(lows))],
            "low": pd.Series(lows, dtype=object),
            "high": 5.0,
        }
    )
    columns = {"id": "id", "low": "low", "high": "high"}
    defaults = {"metric": "killed", "counted": "people", "source": "S"}
    with (
        mock.patch.object(table_columns, "TABLE_CHUNK", chunk),
        mock.patch.object(columnar, "FIGURES_KEPT", kept),
    ):
        new = claims_from_dataframe(frame, columns=columns, defaults=defaults)
    old, entries = reference_frame(frame, columns, defaults)
    assert_same(new, old, entries)
    assert [c.id for c in new.claims] == ["r0", "r2", "r4", "r5", "r6"]


_CSV_CELLS = {
    "id": st.integers(0, 2).flatmap(
        lambda k: (
            st.integers(0, 10**6).map("r{}".format)
            if k
            else _mostly(["a", "b", "a", " c"], ["", None, 3])
        )
    ),
    "metric": _mostly(["killed", "injured"], ["kiled", "", None]),
    "counted": _mostly(["people", "children", ""], ["peple", 3]),
    "value": _mostly(
        ["12", "at least 14", "about 3", "3.0", 3.0, 12, "1e3", "'=1+2", ""],
        ["-4", "1e999", "1" * 400, math.inf, "12 adults and two children", "x", None],
    ),
    "unit": _mostly(["", None, "km"], ["frobs"]),
    "place": _mostly(["Russia > Belgorod", "", "Syria"], [" > "]),
    "period": _mostly(["2023-12-30", "", "2023-12"], ["2023-13-30"]),
    "source": _mostly(["MoD", "TASS", "'@x"], ["", None]),
    "source_kind": _mostly(["military", "", None], ["nonsense"]),
    "source_party": _mostly(["Russia", "", None], []),
    "source_reliability": _mostly(["", None], ["0.5", "2", "high"]),
    "via": _mostly(["Reuters [agency] | AP", "", "AP", '["x | y"]'], ["a [b", "[1]"]),
    "note": _mostly(["n", "", "first\rsecond"], []),
    "rank": _mostly(["", None], ["preferred", "best"]),
    "value_low": _mostly(["", None], ["10", "x", math.inf]),
    "value_high": _mostly(["", None], ["20", "inf"]),
    "value_hedge": _mostly(["", None], ["range", "about"]),
}


@st.composite
def csv_tables(draw: st.DrawFn) -> Any:
    """A frame in the claims-CSV columns, with good and bad cells."""
    base = ["id", "metric", "counted", "value", "source"]
    extra = draw(
        st.lists(st.sampled_from(sorted(set(_CSV_CELLS) - set(base))), max_size=7, unique=True)
    )
    fields = [f for f in base if f == "id" or draw(st.integers(0, 9)) > 0] + extra
    n = draw(st.integers(1, 12))
    return pd.DataFrame(
        {f: pd.Series([draw(_CSV_CELLS[f]) for _ in range(n)], dtype=object) for f in fields}
    )


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(csv_tables())
def test_a_claims_csv_table_reads_as_its_rows_one_by_one(frame: Any) -> None:
    """A frame in the claims-CSV columns, cells good and bad: the same claims and rejections as row by row."""
    new = claims_from_dataframe(frame)
    old, entries = reference_csv_table(frame)
    assert_same(new, old, entries)


def test_a_repeated_id_names_the_row_it_repeats_across_chunks() -> None:
    """Defect: the row-by-row reader checked ids within chunks of 20,000 rows only, and named the first row as an
    index into a document nobody wrote; now a repeated id anywhere in the table is refused, naming the row."""
    n = _CHUNK + 5
    frame = pd.DataFrame({"id": [f"c{i}" for i in range(n - 1)] + ["c3"], "n": [1] * n})
    loaded = claims_from_dataframe(
        frame,
        columns={"id": "id", "value": "n"},
        defaults={"metric": "killed", "counted": "people", "source": "S"},
    )
    assert len(loaded.claims) == n - 1
    (error,) = loaded.rejected
    assert str(error) == (
        f"<dataframe>: claim 'c3' (row {n - 1}, column 'id'): id 'c3' is also the id of row 3; ids must be unique"
    )


def test_an_id_repeated_in_a_later_chunk_is_refused() -> None:
    """An id given in the first chunk and again in the second, and a row's own id ('row-<label>') equal to an id
    given earlier, are each refused naming the row they repeat: ids are checked across chunks, not within one."""
    n = TABLE_CHUNK + 4
    ids: list[str | None] = [f"c{i}" for i in range(n)]
    ids[n - 3] = "c3"
    ids[1] = f"row-{n - 1}"
    ids[n - 1] = None
    frame = pd.DataFrame({"id": ids, "n": [1] * n})
    loaded = claims_from_dataframe(
        frame,
        columns={"id": "id", "value": "n"},
        defaults={"metric": "killed", "counted": "people", "source": "S"},
    )
    assert len(loaded.claims) == n - 2
    assert [str(e) for e in loaded.rejected] == [
        f"<dataframe>: claim 'c3' (row {n - 3}, column 'id'): id 'c3' is also the id of row 3; ids must be unique",
        (
            f"<dataframe>: claim 'row-{n - 1}' (row {n - 1}, column 'id'): id 'row-{n - 1}' is also the id"
            " of row 1; ids must be unique"
        ),
    ]


def test_a_table_longer_than_a_chunk_keeps_row_order_and_labels() -> None:
    """Rows past the first chunk keep their order, and their bad cells are named by their own labels."""
    n = TABLE_CHUNK + 3
    values = [1.0] * n
    values[-2] = -1.0
    frame = pd.DataFrame({"n": values}, index=range(100, 100 + n))
    loaded = claims_from_dataframe(
        frame,
        columns={"value": "n"},
        defaults={"metric": "killed", "counted": "people", "source": "S"},
    )
    assert [c.id for c in loaded.claims[-2:]] == [f"row-{100 + n - 3}", f"row-{100 + n - 1}"]
    (error,) = loaded.rejected
    assert f"row {100 + n - 2}, column 'n'" in str(error)


def test_places_past_the_kept_ones_read_alike(monkeypatch: Any) -> None:
    """A document keeps only its first places read; the others, good and bad, read as if all were kept."""
    from claimdiff._formats import plain

    n = TABLE_CHUNK + 5
    places = [f"Syria > Idlib > Town {i % 7}" for i in range(n)]
    places[3] = places[TABLE_CHUNK + 3] = "Syria >  > Idlib"  # an empty part, in both chunks
    frame = pd.DataFrame({"n": 1.0, "where": places})
    read = lambda: claims_from_dataframe(  # noqa: E731
        frame,
        columns={"value": "n", "place": "where"},
        defaults={"metric": "killed", "counted": "people", "source": "S"},
    )
    kept = read()
    monkeypatch.setattr(plain, "_PLACES_KEPT", 2)
    few = read()
    assert few.claims == kept.claims
    assert [str(e) for e in few.rejected] == [str(e) for e in kept.rejected]
    assert len(few.rejected) == 2


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(-1, 2), st.integers(0, 1)), min_size=1))
def test_combine_numbers_each_combination_by_its_first_row(
    rows: list[tuple[int, int, int]],
) -> None:
    """Combinations of coded columns are numbered in the order rows first meet them, whatever the radix."""
    from claimdiff._formats.codes import combine

    sizes = (4, 3, 2**61)  # the last column's values (a range) overflow a key of the first two
    columns = [(np.array([r[k] for r in rows]), range(size)) for k, size in enumerate(sizes)]
    codes, combos = combine(columns)
    seen: dict[tuple[Any, ...], int] = {}
    expected = [seen.setdefault(tuple(None if c < 0 else c for c in r), len(seen)) for r in rows]
    assert codes.tolist() == expected
    assert combos == list(seen)


# -- real data ------------------------------------------------------------------------------------------------

DATA = SHARED / "data"


def _real(name: str) -> Any:
    if not (DATA / name).exists():
        pytest.skip(f"{DATA / name} is not here")
    return DATA / name


def test_covid_figures_read_alike() -> None:
    """JHU, ECDC and WHO cumulative counts (the first 20,000 rows): a frame read in columns equals row by row."""
    path = _real("covid_multisource_2020") / "tidy_global_country_claims.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        frame = pd.read_csv(f, nrows=_CHUNK - 1)
    frame["period"] = "2020-01-01/" + frame["date"]
    columns = {
        "metric": "metric",
        "value": "value",
        "place": "region",
        "source": "source",
        "period": "period",
        "stated": "date",
    }
    defaults = {"counted": "people"}
    frame["metric"] = frame["metric"].map({"cum_cases": "cases", "cum_deaths": "deaths"})
    new = claims_from_dataframe(frame, columns=columns, defaults=defaults)
    old, entries = reference_frame(frame, columns, defaults)
    assert len(new.claims) > 10_000
    assert_same(new, old, entries)


def test_stock_volumes_read_alike() -> None:
    """Li et al.'s stock volumes: 34 sources' volumes per symbol, the figures as the file's text."""
    path = _real("stock_li2012") / "claims_volume_20110701_slimfast" / "srcStockVolumes.csv"
    frame = pd.read_csv(
        path, header=None, names=["source", "symbol", "volume", "extra"], dtype={"volume": object}
    )
    frame["id"] = frame["source"] + ":" + frame["symbol"]
    columns = {"id": "id", "source": "source", "place": "symbol", "value": "volume"}
    defaults = {"metric": "volume", "counted": "shares"}
    new = claims_from_dataframe(frame, columns=columns, defaults=defaults)
    old, entries = reference_frame(frame, columns, defaults)
    assert len(new.claims) > 10_000
    assert_same(new, old, entries)


def test_population_edits_read_alike() -> None:
    """Wikipedia city-population edits: editors, cities, years and figures, vandalism included."""
    path = _real("population_pasternack") / "gtm_preprocessed" / "population-new-new.txt"
    frame = pd.read_csv(
        path,
        sep="\t",
        header=None,
        names=["item", "editor", "value", "year"],
        encoding="latin-1",
        dtype=str,
        keep_default_na=False,
    )
    frame["period"] = frame["year"] + "-01/" + frame["year"] + "-12"
    frame["city"] = frame["item"].str.rsplit("_", n=1).str[0]
    columns = {"place": "city", "source": "editor", "value": "value", "period": "period"}
    defaults = {"metric": "population", "counted": "people"}
    new = claims_from_dataframe(frame, columns=columns, defaults=defaults)
    old, entries = reference_frame(frame, columns, defaults)
    assert len(new.claims) > 4_000
    assert new.rejected  # figures of more digits than a float holds
    assert_same(new, old, entries)


# -- claims CSV files past the read limit ---------------------------------------------------------------------

_FILE_CELLS = {
    k: v.filter(lambda c: c is None or isinstance(c, str)) for k, v in _CSV_CELLS.items()
}


@st.composite
def csv_texts(draw: st.DrawFn) -> str:
    """A claims CSV text: good and bad cells, blank lines, cells over several lines, short and long rows."""
    import csv
    import io

    base = ["id", "metric", "counted", "value", "source"]
    extra = draw(
        st.lists(st.sampled_from(sorted(set(_FILE_CELLS) - set(base))), max_size=6, unique=True)
    )
    fields = [f for f in base if f == "id" or draw(st.integers(0, 9)) > 0] + extra
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    writer.writerow(fields)
    for _ in range(draw(st.integers(0, 14))):
        row = [draw(_FILE_CELLS[f]) or "" for f in fields]
        shape = draw(st.sampled_from(["row"] * 6 + ["blank", "short", "long", "lines"]))
        if shape == "blank":
            out.write("\n")
            continue
        if shape == "short":
            row = row[:-1]
        elif shape == "long":
            row = [*row, "extra"]
        elif shape == "lines":
            row[0] = f"{row[0]}\nmore"
        writer.writerow(row)
    return out.getvalue()


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=csv_texts(), chunk=st.integers(1, 5))
def test_a_streamed_csv_file_reads_as_the_whole_text(tmp_path: Any, text: str, chunk: int) -> None:
    """A claims CSV read row chunk by row chunk (a file, or a text) gives the claims and errors (claim index, line) of
    the same text parsed whole into one document and read by the claims-file loader."""
    from claimdiff import loads_claims_lenient
    from claimdiff._formats.csv_file import read_csv_file

    path = tmp_path / "claims.csv"
    path.write_text(text, encoding="utf-8", newline="")
    streamed = read_csv_file(path, chunk=chunk)
    whole = _whole_document(text, str(path))
    assert _same(loads_claims_lenient(text, format="csv", path=str(path)), whole)
    assert _same(streamed, whole)


def _whole_document(text: str, path: str) -> LoadedClaims:
    """The reference: the CSV text parsed whole into one claims document, read by the claims-file loader."""
    doc, lines = parse_csv(text, path)
    return load_document(doc, lines, path=path)


def _same(a: LoadedClaims, b: LoadedClaims) -> bool:
    """Claim for claim (equal, with the same notes and reprs) and rejection for rejection (class, message, line)."""
    return [(c, c.note, repr(c)) for c in a.claims] == [
        (c, c.note, repr(c)) for c in b.claims
    ] and [(type(e), str(e), e.line) for e in a.rejected] == [
        (type(e), str(e), e.line) for e in b.rejected
    ]


def test_a_csv_file_past_the_limit_is_streamed(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defect: a claims CSV larger than 64 MB was refused outright; now it is read in row chunks, and a bad row
    far down is named by its claim index and line."""
    from claimdiff import load_claims_lenient
    from claimdiff._formats import csv_file

    rows = [f"c{i},killed,people,{i % 50},MoD\n" for i in range(2_000)]
    rows[1_500] = "c1500,killed,people,-4,MoD\n"
    path = tmp_path / "big.csv"
    path.write_text("id,metric,counted,value,source\n" + "".join(rows), encoding="utf-8")
    monkeypatch.setattr(
        csv_file, "streamed", lambda p, limit=1_000: csv_file.os.path.getsize(p) > limit
    )
    chunks: list[int] = []
    read = csv_file.read_csv_file
    monkeypatch.setattr(
        csv_file, "read_csv_file", lambda p, **kw: chunks.append(1) or read(p, chunk=300, **kw)
    )
    loaded = load_claims_lenient(path)
    assert chunks  # streamed, not read whole
    assert len(loaded.claims) == 1_999
    (error,) = loaded.rejected
    assert (error.location, error.line) == ("$.claims[1500].value", 1_502)


def test_equal_instants_in_two_timezones_stay_two_periods() -> None:
    """Two cells that are the same instant in different timezones are written, and read, as different times:
    reading each distinct cell once must not merge them."""
    day = pd.Series(
        [
            pd.Timestamp("2023-12-30 10:00", tz="UTC"),
            pd.Timestamp("2023-12-30 11:00", tz="Europe/Paris"),
        ],
        dtype=object,
    )
    frame = pd.DataFrame({"n": [1, 2], "day": day})
    columns = {"value": "n", "period": "day"}
    defaults = {"metric": "killed", "counted": "people", "source": "S"}
    new = claims_from_dataframe(frame, columns=columns, defaults=defaults)
    old, entries = reference_frame(frame, columns, defaults)
    assert_same(new, old, entries)


@pytest.mark.parametrize("dtype", ["str", "string[python]", "string[pyarrow]", object])
def test_an_id_repeated_within_a_chunk_is_refused_whatever_the_column_s_text_type(
    dtype: object,
) -> None:
    """A text column of ids is taken as each row's own part, not hashed (own_cells): a repeat is still refused
    by its text, naming the row it repeats; a column read as both id and event is hashed as before."""
    frame = pd.DataFrame({"id": pd.Series(["a", "b", "a", "c"], dtype=dtype), "n": [1, 2, 3, 4]})
    for columns in ({"id": "id", "value": "n"}, {"id": "id", "event": "id", "value": "n"}):
        loaded = claims_from_dataframe(
            frame,
            columns=columns,
            defaults={"metric": "killed", "counted": "people", "source": "S"},
        )
        assert [c.id for c in loaded.claims] == ["a", "b", "c"]
        assert [str(e) for e in loaded.rejected] == [
            "<dataframe>: claim 'a' (row 2, column 'id'): id 'a' is also the id of row 0; ids must be unique"
        ]


@pytest.mark.parametrize("dtype", ["str", "string[python]", object])
def test_blank_and_unusual_ids_read_alike_whatever_the_column_s_text_type(dtype: object) -> None:
    """Ids packed from Arrow's buffers (own_cells) give the claims and rejections of ids read as Python
    texts: a blank id (spaces, a tab, a control character) is refused by row, a padded one kept as written,
    non-ASCII ids and a NUL inside or at the end of an id read back as given."""
    ids = ["a", " ", " b", "\t", "\x1f", "c ", "x\x00y", "d", "é", "z\x00"]
    frame = pd.DataFrame({"id": pd.Series(ids, dtype=dtype), "n": range(1, len(ids) + 1)})
    object_frame = frame.astype({"id": object})
    defaults = {"metric": "killed", "counted": "people", "source": "S"}
    columns = {"id": "id", "value": "n"}
    loaded = claims_from_dataframe(frame, columns=columns, defaults=defaults)
    expected = claims_from_dataframe(object_frame, columns=columns, defaults=defaults)
    assert list(loaded.claims) == list(expected.claims)
    assert [str(e) for e in loaded.rejected] == [str(e) for e in expected.rejected]
    assert [c.id for c in loaded.claims][:3] == ["a", " b", "c "]
    ascii_only = frame[[i.isascii() and not i.endswith("\x00") for i in ids]]
    packs = dtype == "str"  # Arrow's texts: packed from its buffers
    assert (type(own_cells(ascii_only["id"])[1]) is PackedTexts) == packs
    again = claims_from_dataframe(ascii_only, columns=columns, defaults=defaults)
    same = claims_from_dataframe(
        ascii_only.astype({"id": object}), columns=columns, defaults=defaults
    )
    assert [c.id for c in again.claims] == ["a", " b", "c ", "x\x00y", "d"]
    assert list(again.claims) == list(same.claims)
    assert [str(e) for e in again.rejected] == [str(e) for e in same.rejected]
    assert len(again.rejected) == 3  # " ", "\t", "\x1f"
