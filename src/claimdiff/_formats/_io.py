"""One bounded read and one atomic write, used by every entry point that takes a path or a stream.

A read never takes more than ``limit`` bytes (:data:`~claimdiff._formats.documents.MAX_CHARS` by default),
whatever the source is: a regular file, a pipe, a device such as ``/dev/zero``, or an open stream. A write
goes to a temporary file beside the target, renamed into place once the whole text is written, so a failed
run never leaves the target empty or half written; writing onto one of the run's own inputs is refused.
"""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from typing import IO

from claimdiff._formats.documents import MAX_CHARS
from claimdiff.exceptions import ClaimFileError

__all__ = [
    "display_name",
    "read_bytes",
    "read_text",
    "refuse_inputs",
    "replace_atomic",
    "same_file",
    "write_atomic",
]


def display_name(path: str | os.PathLike[str]) -> str:
    r"""A file name fit for a message, even when the name is not valid UTF-8.

    >>> display_name(b"caf\xe9.csv".decode("utf-8", "surrogateescape"))
    'caf\\xe9.csv'
    """
    name = os.fspath(path)
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_bytes(
    source: str | os.PathLike[str] | IO[bytes], *, label: str | None = None, limit: int = MAX_CHARS
) -> bytes:
    """Read at most ``limit`` bytes of a file or binary stream; more is refused, never read.

    Raises:
        ClaimFileError: The source cannot be opened or read, or holds more than ``limit`` bytes.
    """
    if isinstance(source, str | os.PathLike):
        name = label or display_name(source)
        try:
            with open(source, "rb") as f:
                return _bounded(f, name, limit)
        except OSError as e:
            raise ClaimFileError(name, "$", None, f"cannot be read ({e.strerror or e})") from e
    name = label or "<stream>"
    try:
        return _bounded(source, name, limit)
    except OSError as e:
        raise ClaimFileError(name, "$", None, f"cannot be read ({e.strerror or e})") from e


def _bounded(f: IO[bytes], name: str, limit: int) -> bytes:
    size = 0
    with contextlib.suppress(
        OSError, AttributeError, ValueError
    ):  # a stream with no file descriptor
        size = os.fstat(f.fileno()).st_size
    if size > limit:
        raise ClaimFileError(
            name, "$", None, f"is {size:,} bytes; claimdiff reads files up to {limit:,}"
        )
    raw = f.read(limit + 1)  # never more: the source may be endless (a pipe, /dev/zero)
    if len(raw) > limit:
        raise ClaimFileError(
            name, "$", None, f"is larger than {limit:,} bytes, the most claimdiff reads"
        )
    return raw


def read_text(
    source: str | os.PathLike[str] | IO[bytes] | IO[str],
    *,
    label: str | None = None,
    limit: int = MAX_CHARS,
) -> str:
    r"""Read a UTF-8 text (a byte-order mark is dropped) of at most ``limit`` bytes or characters.

    A text stream is read in the same bounded way, counting characters.

    >>> import io
    >>> read_text(io.BytesIO("\ufeffkilled,14\n".encode()), label="rows.csv")
    'killed,14\n'
    >>> read_text(io.BytesIO(b"x" * 11), label="big.csv", limit=10)
    Traceback (most recent call last):
    ...
    claimdiff.exceptions.ClaimFileError: big.csv: ($): is larger than 10 bytes, the most claimdiff reads

    Raises:
        ClaimFileError: The source cannot be read, is too large, or is not UTF-8 (the line is named).
    """
    if not isinstance(source, str | os.PathLike) and _is_text(source):
        name = label or "<stream>"
        try:
            text = source.read(limit + 1)
        except (OSError, UnicodeDecodeError) as e:
            raise ClaimFileError(name, "$", None, f"cannot be read as UTF-8 text ({e})") from e
        if not isinstance(text, str):
            raise ClaimFileError(name, "$", None, "is not a text stream")
        if len(text) > limit:
            raise ClaimFileError(
                name, "$", None, f"is larger than {limit:,} characters, the most claimdiff reads"
            )
        return text.removeprefix("\ufeff")
    name = label or (display_name(source) if isinstance(source, str | os.PathLike) else "<stream>")
    raw = read_bytes(source, label=name, limit=limit)  # type: ignore[arg-type]
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        raise ClaimFileError(
            name, "$", None, f"is not UTF-8 text: {e.reason} at byte {e.start}", line=line
        ) from e


def _is_text(stream: IO[bytes] | IO[str]) -> bool:
    try:
        return isinstance(stream.read(0), str)
    except (OSError, ValueError):
        return False


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name the same existing file (after links); ``False`` when either does not exist.

    >>> same_file("pyproject.toml", "./pyproject.toml")
    True
    """
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def write_atomic(
    path: str | os.PathLike[str],
    text: str | Iterable[str],
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> None:
    """Write ``text`` (or its pieces, in turn) as UTF-8 to ``path`` through a temporary file renamed into place.

    The target keeps its old content until the new one is complete; nothing is written when ``path``
    is one of ``inputs`` (writing a report onto the file it was read from would destroy it).

    Raises:
        ClaimFileError: ``path`` is one of ``inputs``, or cannot be written.
    """

    def write(temporary: str) -> None:
        with open(temporary, "w", encoding="utf-8", newline="") as f:
            if isinstance(text, str):
                f.write(text)
            else:
                f.writelines(text)

    replace_atomic(path, write, inputs=inputs)


def refuse_inputs(path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Refuse ``path`` as an output when it names one of ``inputs`` (checked before a run, and again at the write).

    Raises:
        ClaimFileError: ``path`` is one of ``inputs``.
    """
    for source in inputs:
        if same_file(path, source):
            raise ClaimFileError(
                display_name(path),
                "$",
                None,
                "is also an input of this run; claimdiff will not write over it",
            )


def replace_atomic(
    path: str | os.PathLike[str],
    write: Callable[[str], None],
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> None:
    """Have ``write`` fill a temporary file beside ``path``, then rename it onto ``path`` (any content, e.g. Parquet).

    A ``path`` that is a device or a pipe (``/dev/null``, ``/dev/stdout``) is written in place.

    Raises:
        ClaimFileError: ``path`` is one of ``inputs``, or cannot be written.
    """
    name = display_name(path)
    refuse_inputs(path, inputs)
    target = os.fspath(path)
    if _special(
        target
    ):  # /dev/null, a pipe, a terminal: written in place, never replaced by a regular file
        try:
            write(target)
        except (OSError, UnicodeEncodeError) as e:
            raise ClaimFileError(
                name, "$", None, f"cannot be written ({getattr(e, 'strerror', None) or e})"
            ) from e
        return
    folder = os.path.dirname(os.path.abspath(target))
    try:
        fd, temporary = tempfile.mkstemp(prefix=".claimdiff-", suffix=".tmp", dir=folder)
        os.close(fd)
    except OSError as e:
        raise ClaimFileError(name, "$", None, f"cannot be written ({e.strerror or e})") from e
    try:
        write(temporary)
        with contextlib.suppress(OSError):
            os.chmod(temporary, _mode(target))
        os.replace(temporary, target)
    except (OSError, UnicodeEncodeError) as e:
        raise ClaimFileError(
            name, "$", None, f"cannot be written ({getattr(e, 'strerror', None) or e})"
        ) from e
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)  # gone already once renamed


def _special(target: str) -> bool:
    """Whether ``target`` exists and is not a regular file (a device, a pipe, a socket)."""
    try:
        return not stat.S_ISREG(os.stat(target).st_mode)
    except OSError:
        return False


@functools.cache
def _umask() -> int:
    mask = os.umask(0o022)  # read once per process; os.umask has no read-only form
    os.umask(mask)
    return mask


def _mode(target: str) -> int:
    """The replaced file's permissions, or those a plain ``open`` would give a new file."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~_umask()
