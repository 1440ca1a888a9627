"""The C tokenizer's rows (pandas) and the csv module's give the same claims, rejections and refusals."""

from __future__ import annotations

import io
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff import ClaimdiffError
from claimdiff._formats import csv_file, csv_tokens
from claimdiff._formats.claims_file import load_claims_lenient, loads_claims_lenient

HEADER = "id,metric,counted,value,source,note,via"
ROW = "c{i},killed,people,{value},MoD,{note},Source 2 [media]"


def _outcome(read):
    """What a reading gives: its claims and rejections, or the error that refused the text."""
    try:
        loaded = read()
    except ClaimdiffError as e:
        return "refused", str(e)
    return list(loaded.claims), [str(e) for e in loaded.rejected]


def _csv_module_only(monkeypatch):
    def unsure(_read):
        raise csv_tokens.Unsure

    monkeypatch.setattr(csv_file, "layout", unsure)


def _both(monkeypatch, read):
    """The outcome of ``read`` through the C tokenizer, then through the csv module alone."""
    fast = _outcome(read)
    with monkeypatch.context() as m:
        _csv_module_only(m)
        slow = _outcome(read)
    return fast, slow


def _spy(monkeypatch):
    used = []
    batches = csv_tokens.token_batches

    def spy(*args, **kwargs):
        used.append(True)
        yield from batches(*args, **kwargs)

    monkeypatch.setattr(csv_file, "token_batches", spy)
    return used


def _mixed_rows() -> list[str]:
    """Thirty rows with quoted cells, a blank line, an empty row, a short row, a bad figure and a repeated id."""
    rows = [ROW.format(i=i, value=f"at least {i}", note="") for i in range(30)]
    rows[3] = 'c3,killed,people,"about 5",MoD,"a note, with a comma",'
    rows[7] = ""
    rows[8] = ",,,"
    rows[11] = "c11,killed,people"
    rows[12] = ROW.format(i=12, value="-4", note="negative")
    rows[13] = ROW.format(i=1, value="5", note="a duplicate id")
    return rows


def test_a_plain_file_is_tokenized_by_pandas_with_the_same_claims(monkeypatch, tmp_path):
    """Quoted cells, blank lines, a short row and a bad cell: the C path reads them, as the csv module does."""
    rows = _mixed_rows()
    path = tmp_path / "claims.csv"
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    used = _spy(monkeypatch)
    fast, slow = _both(monkeypatch, lambda: load_claims_lenient(path))
    assert used  # the C tokenizer read it
    assert fast == slow
    assert any("line 14" in r for r in fast[1])  # the negative count, on its physical line


def test_without_pandas_the_csv_module_reads(monkeypatch):
    """pandas missing: the C tokenizer says it is unsure, and the csv module reads the same claims."""
    text = HEADER + "\n" + ROW.format(i=0, value="12", note="") + "\na,killed\n"
    with_pandas = _outcome(lambda: loads_claims_lenient(text, format="csv"))
    monkeypatch.setitem(sys.modules, "pandas", None)
    scan = csv_tokens.layout(io.BytesIO(text.encode()).read)
    with pytest.raises(csv_tokens.Unsure):
        next(csv_tokens.token_batches(text.encode(), scan, 7, 10))
    assert _outcome(lambda: loads_claims_lenient(text, format="csv")) == with_pandas


@pytest.mark.parametrize(
    "tail",
    [
        'c1,killed,people,5,MoD,"open quote\n',  # a quote left open
        'c1,killed,people,5,MoD,"x"y,\n',  # a stray quote after a closed one
        "c1,killed,people,5,MoD,a\0b,\n",  # an embedded NUL
        "c1,killed,people,5,MoD,n,v,extra\n",  # a long row
        "c1,killed,people,5,MoD,x\r\n",  # a \r\n line end (read by the C tokenizer)
        "c1,killed,people,5,MoD,x\ry,\n",  # a carriage return inside a cell
        "c1,killed,people,5,MoD,x,\rc2,killed\n",  # a line ended by a carriage return alone
        'c1,killed,people,5,MoD,"two\r\nlines",\r\n',  # a cell across \r\n lines
        "c1,killed,people,5,MoD," + "x" * 200_000 + ",\n",  # beyond the csv field limit
        'c1,killed,people,5,MoD,"two\nlines",\n',  # a cell across lines
    ],
)
def test_bad_rows_are_refused_or_rejected_as_today(monkeypatch, tmp_path, tail):
    """Each input the C path is unsure of is read by the csv module: the same message, line and column."""
    text = HEADER + "\n" + ROW.format(i=0, value="12", note="") + "\n" + tail
    path = tmp_path / "claims.csv"
    path.write_bytes(text.encode())
    for read in (
        lambda: loads_claims_lenient(text, format="csv"),
        lambda: load_claims_lenient(path),
    ):
        fast, slow = _both(monkeypatch, read)
        assert fast == slow


@pytest.mark.parametrize(
    "rows",
    [
        [
            "c1,killed,people,5,MoD,n,v,extra",
            "c2,killed,people,5,MoD,n",
        ],  # the first long, one short
        ["c1,killed,people,5,MoD,n", "c2,killed,people,5,MoD,n,v,extra"],  # one short, one long
        [
            "c1,killed,people,5,MoD,n,v",
            "c2,killed,people",
            ",,,,,,",
            "",
            "c3,,,,,,",
        ],  # short, blank
    ],
)
def test_rows_of_the_wrong_length_without_quotes_read_as_today(monkeypatch, rows):
    """Short and long rows in a file without quotes (where the scan counts commas by the block)."""
    text = "\n".join(rows if rows[0].startswith('"') else [HEADER, *rows]) + "\n"
    fast, slow = _both(monkeypatch, lambda: loads_claims_lenient(text, format="csv"))
    assert fast == slow


def test_a_file_that_is_not_utf8_is_refused_as_today(monkeypatch, tmp_path):
    path = tmp_path / "claims.csv"
    path.write_bytes((HEADER + "\n" + ROW.format(i=0, value="1", note="caf\xe9")).encode("latin-1"))
    fast, slow = _both(monkeypatch, lambda: load_claims_lenient(path))
    assert fast == slow
    assert fast[0] == "refused"
    assert "line 2" in fast[1]


_CELLS = st.sampled_from(
    [
        "",
        "c1",
        "c2",
        "killed",
        "people",
        "12",
        "-3",
        "at least 5",
        "MoD",
        '"q, r"',
        '"a""b"',
        "'=1",
        " ",
        "#x",
        'a"b',
    ]
)
_ROWS = st.lists(
    st.one_of(st.lists(_CELLS, min_size=7, max_size=7), st.lists(_CELLS, max_size=8)), max_size=12
)


@settings(max_examples=60, deadline=None)
@given(rows=_ROWS, chunk=st.integers(1, 5), ends=st.sampled_from(["\n", "\r\n", "mixed"]))
def test_the_two_tokenizers_give_equal_claims_and_rejections(rows, chunk, ends):
    """Generated claims CSV texts (quoted cells, blank, short and long rows; lines ended by \\n, by \\r\\n
    or by either) read alike by both tokenizers."""
    lines = [HEADER] + [",".join(r) for r in rows]
    if ends == "mixed":
        text = "".join(line + ("\r\n" if i % 2 else "\n") for i, line in enumerate(lines))
    else:
        text = ends.join(lines) + ends

    def read():
        return csv_file.read_csv_rows(io.StringIO(text, newline=""), name="<t>", chunk=chunk)

    fast = _outcome(read)
    with pytest.MonkeyPatch.context() as m:
        _csv_module_only(m)
        slow = _outcome(read)
    assert fast == slow


def test_a_crlf_file_is_tokenized_by_pandas_with_the_same_claims_lines_and_columns(
    monkeypatch, tmp_path
):
    """A file with \\r\\n line ends (as the csv module and spreadsheets write them) is read by the C
    tokenizer: the same claims, and bad rows rejected with the same message, physical line and column."""
    rows = _mixed_rows()
    rows[20] = (
        'c20,killed,people,5,MoD,"x"y,'  # a stray quote: the csv module's refusal, on its line
    )
    path = tmp_path / "claims.csv"
    path.write_bytes(("\r\n".join([HEADER, *rows[:20]]) + "\r\n").encode())
    used = _spy(monkeypatch)
    fast, slow = _both(monkeypatch, lambda: load_claims_lenient(path))
    assert used  # the C tokenizer read it
    assert fast == slow
    assert any(
        "line 14" in r and "'value'" in r for r in fast[1]
    )  # the negative count, on its line
    assert any("line 15" in r and "id" in r for r in fast[1])  # the repeated id
    assert len(fast[0]) == 15  # 20 rows: two blank, three rejected
    path.write_bytes(("\r\n".join([HEADER, *rows]) + "\r\n").encode())
    assert _both(monkeypatch, lambda: load_claims_lenient(path))[0][0] == "refused"
