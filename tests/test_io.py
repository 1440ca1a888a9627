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
