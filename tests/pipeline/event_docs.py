"""Hand-built docs for the tests of the event stage: sentences from the segment stage, hand-made timexes
and places, then events (no spaCy, no date or place stage)."""

from __future__ import annotations

import re
from datetime import date

from kirok.model import DateResolution, Event, EventType, Place, PlacePrecision, Span, TimeWindow
from kirok.pipeline.doc import Doc, PlaceMention, PlaceRole, Timex
from kirok.pipeline.events import RuleEventStage, precision_of
from kirok.pipeline.segment import SegmentStage

__all__ = [
    "EVENTS",
    "PLACES",
    "PUBLISHED",
    "SEGMENT",
    "add_date",
    "add_duration",
    "add_place",
    "by_type",
    "detect",
    "events_of",
    "make",
]

PUBLISHED = date(2023, 6, 15)
SEGMENT = SegmentStage()
EVENTS = RuleEventStage()


def _place(
    name: str, gid: str, lat: float, lon: float, precision: PlacePrecision, country: str = "KP"
) -> Place:
    return Place(
        name=name, gazetteer_id=gid, latitude=lat, longitude=lon, country=country, precision=precision
    )


_COUNTY, _PROVINCE = PlacePrecision.COUNTY, PlacePrecision.PROVINCE
PLACES = {
    p.name: p
    for p in (
        _place("Hyesan", "g-hyesan", 41.4, 128.18, _COUNTY),
        _place("Hoeryong", "g-hoeryong", 42.44, 129.75, _COUNTY),
        _place("Musan", "g-musan", 42.23, 129.2, _COUNTY),
        _place("Ryanggang Province", "g-ryanggang", 41.1, 128.3, _PROVINCE),
        _place("North Hamgyong Province", "g-nh", 41.8, 129.8, _PROVINCE),
        _place("Jilin Province", "g-jilin", 43.7, 126.2, _PROVINCE, country="CN"),
        _place("China", "g-cn", 35.0, 103.0, PlacePrecision.COUNTRY, country="CN"),
        _place("Yalu River", "g-yalu", 41.0, 126.0, PlacePrecision.UNKNOWN),
    )
}


def make(text: str, published: date | None = PUBLISHED, report_id: str = "r-test") -> Doc:
    """A doc with segments and sentences (the segment stage), no timexes or places yet."""
    return SEGMENT(Doc(text=text, published=published, report_id=report_id))


def add_date(
    doc: Doc, words: str, value: str, earliest: date, latest: date | None = None, nth: int = 0
) -> Timex:
    """Adds a DATE timex over the ``nth`` occurrence of ``words``."""
    start = [m.start() for m in re.finditer(re.escape(words), doc.text)][nth]
    latest = latest or earliest
    window = TimeWindow(
        earliest=earliest,
        latest=latest,
        precision=precision_of(earliest, latest),
        resolution=DateResolution.ABSOLUTE,
        timex=value,
        span=Span(start=start, end=start + len(words), text=words),  # as the date tagger sets it
    )
    timex = Timex(start, start + len(words), words, "DATE", value, window)
    doc.timexes = sorted([*doc.timexes, timex], key=lambda t: t.start)
    return timex


def add_duration(doc: Doc, words: str, value: str) -> Timex:
    start = doc.text.index(words)
    timex = Timex(start, start + len(words), words, "DURATION", value)
    doc.timexes = sorted([*doc.timexes, timex], key=lambda t: t.start)
    return timex


def add_place(doc: Doc, words: str, role: PlaceRole, nth: int = 0, place: str | None = None) -> PlaceMention:
    start = [m.start() for m in re.finditer(re.escape(words), doc.text)][nth]
    mention = PlaceMention(start, start + len(words), words, role, PLACES[place or words])
    doc.places = sorted([*doc.places, mention], key=lambda p: p.start)
    return mention


def events_of(doc: Doc) -> list[Event]:
    doc.fulfilled.update({"doc.timexes", "doc.places"})
    return EVENTS(doc).events


def detect(text: str) -> list[EventType]:
    return [e.type for e in events_of(make("Report\n\n" + text))]


def by_type(events: list[Event], type_: EventType) -> Event:
    (found,) = [e for e in events if e.type is type_]
    return found
