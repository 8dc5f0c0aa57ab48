"""What a reader hands back: a report ready for the pipeline, or a problem naming the input."""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from datetime import date

from kirok.errors import ConfigError
from kirok.model import Report, SegmentRole, report_id

__all__ = ["DEFAULT_MAX_BYTES", "IngestDefaults", "IngestProblem", "Loaded", "make_report"]

#: The largest single file a reader accepts (checked with ``stat`` before reading).
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

Segments = tuple[tuple[int, int, SegmentRole], ...]


@dataclass(frozen=True)
class IngestDefaults:
    """Metadata from CLI flags, used only where the file itself does not say."""

    published: date | None = None
    outlet: str | None = None
    language: str | None = None  # "en" when nothing says
    url: str | None = None
    encoding: str | None = None  # force a text encoding (e.g. "cp949") for txt, html and jsonl

    def __post_init__(self) -> None:
        if self.encoding is not None:
            try:
                codecs.lookup(self.encoding)
            except LookupError:
                raise ConfigError(
                    f"unknown encoding {self.encoding!r}; use a codec name such as utf-8, cp949, euc-kr"
                ) from None


@dataclass(frozen=True)
class Loaded:
    """One report ready for the pipeline, with the unchanged bytes that ``report.sha256`` hashes."""

    report: Report
    original: bytes


@dataclass(frozen=True)
class IngestProblem:
    """An input (a file, or one line of a JSONL file) that cannot become a report."""

    origin: str  # "path/to/file.jsonl:17" or "path/to/file.pdf"
    message: str  # one line: what is wrong and what to do

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


def make_report(
    original: bytes,
    text: str,
    *,
    origin: str,
    media_type: str,
    defaults: IngestDefaults,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: date | None = None,
    language: str | None = None,
    segments: Segments = (),
) -> Loaded:
    """A :class:`Loaded` whose metadata comes from the file first, then from ``defaults``."""
    sha256 = hashlib.sha256(original).hexdigest()
    report = Report(
        id=report_id(sha256),
        sha256=sha256,
        text=text,
        title=title,
        outlet=outlet or defaults.outlet,
        url=url or defaults.url,
        published=published or defaults.published,
        language=language or defaults.language or "en",
        media_type=media_type,
        origin=origin,
        segments=segments,
    )
    return Loaded(report=report, original=original)
