"""The one bounded read and the one atomic write every entry point uses (claimdiff._formats._io)."""

from __future__ import annotations

import io
import os

import pytest

from claimdiff._formats._io import display_name, read_bytes, read_text, write_atomic
from claimdiff.exceptions import ClaimFileError


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_device_is_refused_after_the_limit():
    with pytest.raises(ClaimFileError, match="larger than 1,000 bytes"):
        read_bytes("/dev/zero", limit=1000)


def test_an_endless_text_stream_is_read_only_to_the_limit():
    class Endless(io.TextIOBase):
        def read(self, n: int | None = -1) -> str:
            assert n is not None, "an unbounded read was asked for"
            assert n >= 0, "an unbounded read was asked for"
            return "x" * n

    with pytest.raises(ClaimFileError, match="larger than 10 characters"):
        read_text(Endless(), limit=10)


def test_text_that_is_not_utf8_names_its_line(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(b"a,b\n1,2\n\xff,3\n")
    with pytest.raises(ClaimFileError, match="not UTF-8") as info:
        read_text(path)
    assert info.value.line == 3


def test_a_missing_file_is_a_claimdiff_error(tmp_path):
    with pytest.raises(ClaimFileError, match="cannot be read"):
        read_text(tmp_path / "absent.yaml")


def test_a_failed_write_leaves_the_target_as_it_was(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(ClaimFileError, match="cannot be written"):
        write_atomic(target, "new \udcff")  # a lone surrogate cannot be encoded
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left behind


def test_writing_onto_an_input_is_refused_and_the_input_kept(tmp_path):
    source = tmp_path / "claims.yaml"
    source.write_text("claims: []\n", encoding="utf-8")
    with pytest.raises(ClaimFileError, match="also an input"):
        write_atomic(tmp_path / "." / "claims.yaml", "x", inputs=[source])
    assert source.read_text(encoding="utf-8") == "claims: []\n"


def test_a_write_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_name_that_is_not_utf8_can_be_shown():
    name = b"caf\xe9.yaml".decode("utf-8", "surrogateescape")
    assert display_name(name) == "caf\\xe9.yaml"
    display_name(name).encode("utf-8")  # printable in a message


# -- issue 18, item 1: every entry point bounded and atomic ----------------------------------------------


def _cli(*args: str) -> tuple[int, str]:
    from claimdiff.cli import main

    err = io.StringIO()
    return main(list(args), out=io.StringIO(), err=err), err.getvalue()


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize(
    "args",
    [
        ["check", "--input-format", "wikidata", "/dev/zero"],
        ["check", "--input-format", "ucdp", "/dev/zero"],
        ["extract", "--published", "2024-01-01", "/dev/zero"],
    ],
)
def test_an_endless_device_is_refused_by_the_command_line(args):
    """Defect: `check --input-format wikidata /dev/zero` and `extract /dev/zero` grew to gigabytes; now refused.

    Run in a subprocess with a timeout as a guard against a hang (not a timing: the timeout is generous).
    """
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "claimdiff", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "larger than 67,108,864 bytes" in done.stderr


def test_a_report_onto_its_input_is_refused_and_the_input_kept(tmp_path, monkeypatch):
    """Defect: `check F -o F`, F's name not valid UTF-8, exited 3 and left F empty; now refused (exit 2), F intact."""
    from conftest import SEED

    monkeypatch.chdir(tmp_path)
    name = b"caf\xe9.yaml".decode("utf-8", "surrogateescape")
    content = SEED.read_bytes()
    with open(name, "wb") as f:
        f.write(content)
    code, err = _cli("check", name, "-o", name)
    assert code == 2
    assert "caf\\xe9.yaml" in err
    assert "also an input" in err
    with open(name, "rb") as f:
        assert f.read() == content
    code, err = _cli("extract", "--published", "2024-01-01", name, "-o", "./" + name)
    assert code == 2
    assert "also an input" in err
    with open(name, "rb") as f:
        assert f.read() == content


def test_a_report_of_a_file_with_a_name_not_utf8_is_written(tmp_path, monkeypatch):
    """Defect: a file name that is not valid UTF-8 made writing its report fail (exit 3)."""
    from conftest import SEED

    monkeypatch.chdir(tmp_path)
    name = b"caf\xe9.yaml".decode("utf-8", "surrogateescape")
    with open(name, "wb") as f:
        f.write(SEED.read_bytes())
    code, err = _cli("check", name, "-o", "report.txt")
    assert code == 0, err
    assert "caf\\xe9.yaml" in (tmp_path / "report.txt").read_text(encoding="utf-8")


def test_a_failed_run_leaves_its_output_as_it_was(tmp_path):
    """Defect: OUT was truncated before the run failed; now it is written only once the report is whole."""
    out = tmp_path / "report.json"
    out.write_text("the last good report", encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "claims: [{id: a, metric: killed, counted: people, value: -3, source: A}]\n",
        encoding="utf-8",
    )
    code, _ = _cli("check", str(bad), "-o", str(out))
    assert code == 2
    assert out.read_text(encoding="utf-8") == "the last good report"
    code, _ = _cli(
        "extract", "--published", "2024-01-01", str(tmp_path / "absent.txt"), "-o", str(out)
    )
    assert code == 2
    assert out.read_text(encoding="utf-8") == "the last good report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml", "report.json"]


def test_dump_claims_writes_through_a_temporary_file(tmp_path, monkeypatch):
    """Defect: `dump_claims(claims, path)` truncated the file before writing; a failed write lost it."""
    from claimdiff import Claim, Scope, dump_claims
    from claimdiff._formats import _io

    target = tmp_path / "claims.yaml"
    target.write_text("claims: []\n", encoding="utf-8")
    calls = []
    monkeypatch.setattr(
        _io.os,
        "replace",
        lambda a, b: calls.append((a, b)) or (_ for _ in ()).throw(OSError(28, "No space left")),
    )
    claim = Claim(
        id="a", metric="killed", estimate="12", scope=Scope(counted="people"), source="MoD"
    )
    with pytest.raises(ClaimFileError, match="No space left"):
        dump_claims([claim], target)
    assert calls
    assert target.read_text(encoding="utf-8") == "claims: []\n"


def test_parquet_files_are_written_through_temporary_files(tmp_path, monkeypatch):
    """Defect: `write_report_parquet` wrote straight onto its targets; a failed write left a broken file."""
    pytest.importorskip("pyarrow")
    from claimdiff import load_claims, reconcile
    from claimdiff._formats import _io
    from claimdiff.formats import write_report_parquet
    from conftest import SEED

    report = reconcile(load_claims(SEED))
    old = tmp_path / "groups.parquet"
    old.write_bytes(b"old")

    def refuse(a, b):
        raise OSError(28, "No space left")

    monkeypatch.setattr(_io.os, "replace", refuse)
    with pytest.raises(ClaimFileError, match="No space left"):
        write_report_parquet(report, tmp_path)
    assert old.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["groups.parquet"]


def test_extract_refuses_a_text_over_the_limit(monkeypatch):
    """Defect: `extract(text)` had no length check (64 MiB + 1 characters ran 24 s to return [])."""
    from claimdiff import extract
    from claimdiff._formats import documents

    monkeypatch.setattr(documents, "MAX_CHARS", 100)
    with pytest.raises(ClaimFileError, match="101 characters long; claimdiff reads up to 100"):
        extract("x" * 101)
    assert extract("x" * 100) == []


def test_a_pipe_or_device_is_written_in_place_not_replaced(tmp_path):
    """An atomic write must not rename a regular file onto a device or a pipe (`-o /dev/null` as root would
    replace /dev/null itself): such a target is written in place."""
    import stat
    import threading

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    write_atomic(fifo, "report\n")
    reader.join(timeout=30)
    assert got == ["report\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.fifo"]
