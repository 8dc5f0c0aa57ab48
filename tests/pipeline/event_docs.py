"""Hand-built docs for the tests of the event stage: sentences from the segment stage, hand-made timexes
and places, then events (no spaCy, no date or place stage)."""

from __future__ import annotations

import re
from datetime import date

from kirok.model import DateResolution, Event, EventType, Place, PlacePrecision, TimeWindow
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

PLACES = {
    "Hyesan": Place(
        name="Hyesan",
        gazetteer_id="g-hyesan",
        latitude=41.4,
        longitude=128.18,
        country="KP",
        precision=PlacePrecision.COUNTY,
    ),
    "Hoeryong": Place(
        name="Hoeryong",
        gazetteer_id="g-hoeryong",
        latitude=42.44,
        longitude=129.75,
        country="KP",
        precision=PlacePrecision.COUNTY,
    ),
    "Musan": Place(
        name="Musan",
        gazetteer_id="g-musan",
        latitude=42.23,
        longitude=129.2,
        country="KP",
        precision=PlacePrecision.COUNTY,
    ),
    "Ryanggang Province": Place(
        name="Ryanggang Province",
        gazetteer_id="g-ryanggang",
        latitude=41.1,
        longitude=128.3,
        country="KP",
        precision=PlacePrecision.PROVINCE,
    ),
    "North Hamgyong Province": Place(
        name="North Hamgyong Province",
        gazetteer_id="g-nh",
        latitude=41.8,
        longitude=129.8,
        country="KP",
        precision=PlacePrecision.PROVINCE,
    ),
    "Jilin Province": Place(
        name="Jilin Province",
        gazetteer_id="g-jilin",
        latitude=43.7,
        longitude=126.2,
        country="CN",
        precision=PlacePrecision.PROVINCE,
    ),
    "China": Place(
        name="China",
        gazetteer_id="g-cn",
        latitude=35.0,
        longitude=103.0,
        country="CN",
        precision=PlacePrecision.COUNTRY,
    ),
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
