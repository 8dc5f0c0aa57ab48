"""Plain-text reports: the text as written, with a headline when the first line looks like one."""

from __future__ import annotations

import re

from kirok.ingest.decode import decode_text
from kirok.ingest.loaded import IngestDefaults, Loaded, Segments, make_report
from kirok.model import SegmentRole

__all__ = ["MAX_TITLE_CHARS", "find_headline", "read_text"]

#: A first line this long or longer is prose, not a headline.
MAX_TITLE_CHARS = 200

_FIRST_LINE = re.compile(r"\s*(?P<line>[^\n]*\S)[ \t]*\n[ \t]*\n")


def read_text(data: bytes, origin: str, defaults: IngestDefaults) -> Loaded:
    """A ``.txt`` report; :class:`~kirok.errors.IngestError` when the bytes are not usable text."""
    text = decode_text(data, origin, forced=defaults.encoding)
    title, segments = find_headline(text)
    return make_report(
        data, text, origin=origin, media_type="text/plain", defaults=defaults, title=title, segments=segments
    )


def find_headline(text: str) -> tuple[str | None, Segments]:
    """The first line as headline when it is short, followed by a blank line and not a sentence.

    A first line that ends with a full stop is the first paragraph of a report whose headline was left
    out, so it stays body text.
    """
    match = _FIRST_LINE.match(text)
    if match is None:
        return None, ()
    line = match["line"]
    if len(line) >= MAX_TITLE_CHARS or (line.endswith(".") and not line.endswith("...")):
        return None, ()
    return line, ((match.start("line"), match.end("line"), SegmentRole.HEADLINE),)
