"""Builders for reports and events written for these tests (invented text, invented names)."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

from kirok.model import (
    Event,
    EventType,
    Place,
    PlacePrecision,
    Report,
    SegmentRole,
    Span,
    TimeWindow,
    Victim,
    event_id,
    report_id,
)


def original_bytes(text: str) -> bytes:
    return text.encode("utf-8")


def make_report(
    text: str,
    *,
    published: date | None = date(2023, 6, 15),
    title: str | None = "A test title",
    outlet: str | None = "Test Outlet",
) -> tuple[Report, bytes]:
    original = original_bytes(text)
    sha = hashlib.sha256(original).hexdigest()
    report = Report(
        id=report_id(sha),
        sha256=sha,
        text=text,
        title=title,
        outlet=outlet,
        url="https://example.org/a",
        published=published,
        segments=((0, len(text), SegmentRole.BODY),),
        ingested_at=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
    )
    return report, original


def make_event(
    report: Report,
    phrase: str,
    type_: EventType = EventType.ARREST,
    *,
    place: Place | None = None,
    window: TimeWindow | None = None,
    victims: tuple[Victim, ...] = (),
    confidence: float = 0.5,
) -> Event:
    start = report.text.index(phrase)
    span = Span(start=start, end=start + len(phrase), text=phrase)
    return Event(
        id=event_id(report.id, type_, span.start, span.end),
        report_id=report.id,
        type=type_,
        evidence=(span,),
        place=place,
        date=window,
        victims=victims,
        confidence=confidence,
    )


HYESAN = Place(
    name="Hyesan",
    gazetteer_id="kp-rg-hyesan",
    admin_path=("Ryanggang", "Hyesan"),
    latitude=41.4,
    longitude=128.18,
    precision=PlacePrecision.COUNTY,
)
