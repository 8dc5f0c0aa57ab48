"""One file in, reports (or problems naming the file) out. Bad input never raises."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from kirok.errors import IngestError
from kirok.ingest.discover import unsupported_message
from kirok.ingest.html import read_html
from kirok.ingest.jsonl import read_jsonl
from kirok.ingest.loaded import DEFAULT_MAX_BYTES, IngestDefaults, IngestProblem, Loaded
from kirok.ingest.pdf import read_pdf
from kirok.ingest.text import read_text

__all__ = ["read_file"]

_WHOLE_FILE_READERS: dict[str, Callable[[bytes, str, IngestDefaults], Loaded]] = {
    ".txt": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
}


def read_file(
    path: Path, defaults: IngestDefaults, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Loaded | IngestProblem]:
    """The reports in ``path``: one for txt, html and pdf, one per line for jsonl.

    Anything wrong with the input comes back as an :class:`IngestProblem` whose origin names the file
    (and line): the caller reports it and goes on with the next file.
    """
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix != ".jsonl" and suffix not in _WHOLE_FILE_READERS:
        yield IngestProblem(origin, unsupported_message(path))
        return
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        yield IngestProblem(origin, "no such file")
        return
    except OSError as error:
        yield IngestProblem(origin, f"cannot read the file ({error.strerror or error})")
        return
    if not path.is_file():
        yield IngestProblem(origin, "not a regular file")
        return
    if size == 0:
        yield IngestProblem(origin, "empty file (0 bytes)")
        return
    if size > max_bytes:
        yield IngestProblem(
            origin,
            f"file is {_megabytes(size)}, over the {_megabytes(max_bytes)} limit for one file; "
            "split it or raise the limit",
        )
        return
    try:
        if suffix == ".jsonl":
            yield from read_jsonl(path, origin, defaults)
            return
        data = path.read_bytes()
    except OSError as error:
        yield IngestProblem(origin, f"cannot read the file ({error.strerror or error})")
        return
    try:
        yield _WHOLE_FILE_READERS[suffix](data, origin, defaults)
    except IngestError as error:
        yield IngestProblem(error.origin or origin, error.message)


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**17 else f"{size:,} bytes"
