"""JSON Lines: one report per line, ``{"text": ..., "published": ..., "outlet": ..., "url": ...}``.

Each line stands alone: a broken line becomes an :class:`IngestProblem` naming ``file:LINE`` and the
other lines still load. A report's SHA-256 is of its line's bytes as they are in the file, without the
line ending (``\\n`` or ``\\r\\n``) and, on the first line, without a UTF-8 BOM.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from kirok.errors import IngestError
from kirok.ingest.decode import normalise_text
from kirok.ingest.loaded import IngestDefaults, IngestProblem, Loaded, make_report
from kirok.ingest.published import parse_published
from kirok.ingest.text import find_headline
from kirok.model import SegmentRole

__all__ = ["read_jsonl"]

_OPTIONAL_STRINGS = ("published", "outlet", "url", "language", "title")


def read_jsonl(path: Path, origin: str, defaults: IngestDefaults) -> Iterator[Loaded | IngestProblem]:
    """Every line of ``path`` as a report or a problem; blank lines are skipped."""
    seen_text = False
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            line = raw.removesuffix(b"\n").removesuffix(b"\r")
            if number == 1:
                line = line.removeprefix(codecs.BOM_UTF8)
            if not line.strip():
                continue
            seen_text = True
            where = f"{origin}:{number}"
            try:
                yield _read_line(line, where, defaults)
            except IngestError as error:
                yield IngestProblem(where, error.message)
    if not seen_text:
        yield IngestProblem(origin, "empty file (only blank lines)")


def _read_line(line: bytes, where: str, defaults: IngestDefaults) -> Loaded:
    if b"\x00" in line:
        raise IngestError("looks binary, not text (NUL byte in the line)", origin=where)
    encoding = defaults.encoding or "utf-8"
    try:
        decoded = line.decode(encoding)
    except UnicodeDecodeError as error:
        raise IngestError(
            f"not valid {defaults.encoding or 'UTF-8'} "
            f"(byte 0x{line[error.start]:02x} at column {error.start + 1}); "
            "JSON Lines files should be UTF-8, or pass --encoding",
            origin=where,
        ) from None
    try:
        record = json.loads(decoded)
    except ValueError as error:
        raise IngestError(
            f"not valid JSON ({error}); each line must be one JSON object", origin=where
        ) from None
    if not isinstance(record, dict):
        raise IngestError(f'a JSON {type(record).__name__}, not an object like {{"text": ...}}', origin=where)
    text = record.get("text")
    if text is None:
        raise IngestError('no "text" field; each line needs the report text in "text"', origin=where)
    if not isinstance(text, str) or not text.strip():
        raise IngestError('"text" must be a non-empty string', origin=where)
    fields: dict[str, str | None] = {}
    for name in _OPTIONAL_STRINGS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise IngestError(f'"{name}" must be a string, not {type(value).__name__}', origin=where)
        fields[name] = (value.strip() or None) if isinstance(value, str) else None
    published: date | None = None
    if fields["published"] is not None:
        published = parse_published(fields["published"], where)
    text = normalise_text(text)
    title = normalise_text(fields["title"]) if fields["title"] else None
    if title is None:
        title, segments = find_headline(text)
    else:
        start = len(text) - len(text.lstrip())
        at_start = text.startswith(title, start)
        segments = ((start, start + len(title), SegmentRole.HEADLINE),) if at_start else ()
    return make_report(
        line,
        text,
        origin=where,
        media_type="application/x-ndjson",
        defaults=defaults,
        title=title,
        outlet=fields["outlet"],
        url=fields["url"],
        published=published,
        language=fields["language"],
        segments=segments,
    )
