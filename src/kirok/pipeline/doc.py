"""The document that flows through the pipeline: a report's text and what each stage adds to it.

A :class:`Doc` is plain data. Unit tests build one by hand instead of loading a model; each stage fills
the attributes it declares in ``assigns`` (see :mod:`kirok.pipeline.stage`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from kirok.model import Event, Place, SegmentRole, TimeWindow

__all__ = [
    "Doc",
    "Entity",
    "PlaceMention",
    "PlaceRole",
    "Segment",
    "Sentence",
    "Timex",
]


@dataclass(frozen=True, slots=True)
class Segment:
    """A paragraph or line of the report with its role (headline, body, caption, ...)."""

    start: int
    end: int
    role: SegmentRole


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    role: SegmentRole
    segment: int  # index into ``Doc.segments``


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity: spaCy's labels (PERSON, ORG, GPE, LOC, DATE, ...) or Kirok's own."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression, normalised to TIMEX3 and, for dates, turned into a window."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value: "2021-10-12", "2021-10", "P3M", "PAST_REF", "XXXX-10-12"
    window: TimeWindow | None = None
    warnings: tuple[str, ...] = ()


class PlaceRole(StrEnum):
    """Why a place is named: only ``EVENT`` places may become an event's place."""

    EVENT = "event"
    SOURCE = "source"  # where the report's source lives: "a source in North Hamgyong Province"
    ORIGIN = "origin"  # a person's home town: "a woman from Anju"
    CAPTION = "caption"
    TAGLINE = "tagline"
    FOREIGN = "foreign"  # outside North Korea: China, South Korea, Russia
    CONTEXT = "context"  # named as a qualifier of another place: "Musan County, North Hamgyong Province"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    role: PlaceRole
    place: Place | None = None  # ``None`` when the name is not in the gazetteer


@dataclass
class Doc:
    """A report on its way through the pipeline."""

    text: str
    report_id: str = "r-unknown"
    published: date | None = None
    language: str = "en"
    outlet: str | None = None
    url: str | None = None
    segments: list[Segment] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: Segments a reader already knows (HTML gives headline and captions); the segment stage keeps them.
    known_segments: tuple[tuple[int, int, SegmentRole], ...] = ()
    #: Stage-private annotations, e.g. the spaCy ``Doc`` under ``"spacy"``; not part of any contract.
    extras: dict[str, Any] = field(default_factory=dict)
    #: The contracts fulfilled so far, e.g. ``{"doc.text", "doc.sentences"}``.
    fulfilled: set[str] = field(default_factory=lambda: {"doc.text", "doc.meta"})

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that holds ``offset``, if any."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    def role_at(self, offset: int) -> SegmentRole:
        """The role of the segment that holds ``offset`` (body when unknown)."""
        for seg in self.segments:
            if seg.start <= offset < seg.end:
                return seg.role
        return SegmentRole.BODY
