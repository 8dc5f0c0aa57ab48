"""Hypothesis strategies for arbitrary valid reports and events."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta, timezone

from hypothesis import strategies as st

from kirok.model import (
    AgeBand,
    DatePrecision,
    DateResolution,
    Event,
    EventType,
    Penalty,
    Perpetrator,
    Place,
    PlacePrecision,
    Report,
    ReviewStatus,
    SegmentRole,
    Sex,
    Source,
    Span,
    TimeWindow,
    Victim,
    report_id,
)

texts = st.text(max_size=30)
short = st.text(min_size=1, max_size=20)
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
zones = st.sampled_from([UTC, timezone(timedelta(hours=9)), None])
datetimes = st.builds(
    lambda d, z: d.replace(tzinfo=z),
    st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2100, 1, 1)),
    zones,
)


@st.composite
def spans(draw: st.DrawFn) -> Span:
    start = draw(st.integers(0, 10_000))
    return Span(start=start, end=start + draw(st.integers(0, 500)), text=draw(texts))


@st.composite
def windows(draw: st.DrawFn) -> TimeWindow:
    earliest = draw(st.none() | dates)
    latest = draw(st.none() | dates)
    if earliest and latest and latest < earliest:
        earliest, latest = latest, earliest
    return TimeWindow(
        earliest=earliest,
        latest=latest,
        precision=draw(st.sampled_from(DatePrecision)),
        resolution=draw(st.sampled_from(DateResolution)),
        timex=draw(st.none() | texts),
        span=draw(st.none() | spans()),
    )


places = st.builds(
    Place,
    name=short,
    gazetteer_id=st.none() | short,
    admin_path=st.lists(short, max_size=3).map(tuple),
    latitude=st.none() | st.floats(-90, 90, allow_nan=False),
    longitude=st.none() | st.floats(-180, 180, allow_nan=False),
    country=st.none() | st.just("KP"),
    precision=st.sampled_from(PlacePrecision),
    span=st.none() | spans(),
)
perpetrators = st.builds(Perpetrator, name=short, unit=st.none() | short, span=st.none() | spans())
victims = st.builds(
    Victim,
    count=st.none() | st.integers(0, 10_000),
    sex=st.sampled_from(Sex),
    age_band=st.sampled_from(AgeBand),
    status=st.lists(short, max_size=3).map(tuple),
    description=st.none() | texts,
    name=st.none() | short,
    span=st.none() | spans(),
)
penalties = st.builds(Penalty, length=st.none() | short, facility=st.none() | short, span=st.none() | spans())
hex64 = st.binary(min_size=1, max_size=64).map(lambda b: hashlib.sha256(b).hexdigest())


@st.composite
def events(draw: st.DrawFn, report: str | None = None) -> Event:
    rid = report or report_id(draw(hex64))
    return Event(
        id="e-" + draw(st.text("0123456789abcdef", min_size=16, max_size=16)),
        report_id=rid,
        type=draw(st.sampled_from(EventType)),
        evidence=tuple(draw(st.lists(spans(), min_size=1, max_size=3))),
        date=draw(st.none() | windows()),
        place=draw(st.none() | places),
        perpetrators=tuple(draw(st.lists(perpetrators, max_size=3))),
        victims=tuple(draw(st.lists(victims, max_size=3))),
        reason=draw(st.none() | texts),
        penalty=draw(st.none() | penalties),
        targets=tuple(draw(st.lists(short, max_size=3))),
        source=draw(
            st.none()
            | st.builds(
                Source,
                report_id=st.just(rid),
                outlet=st.none() | short,
                published=st.none() | dates,
                url=st.none() | short,
                attribution=st.none() | texts,
                reliability=st.none() | short,
            )
        ),
        confidence=draw(st.floats(0.0, 1.0, allow_nan=False)),
        reasons=tuple(draw(st.lists(short, max_size=3))),
        status=draw(st.sampled_from(ReviewStatus)),
        status_by=draw(st.none() | short),
        status_at=draw(st.none() | datetimes),
        status_note=draw(st.none() | texts),
    )


@st.composite
def reports(draw: st.DrawFn) -> tuple[Report, bytes]:
    original = draw(st.binary(max_size=200))
    sha = hashlib.sha256(original).hexdigest()
    text = draw(st.text(max_size=200))
    segments = draw(
        st.lists(
            st.tuples(st.integers(0, 200), st.integers(0, 200), st.sampled_from(SegmentRole)), max_size=4
        ).map(tuple)
    )
    report = Report(
        id=report_id(sha),
        sha256=sha,
        text=text,
        title=draw(st.none() | texts),
        outlet=draw(st.none() | short),
        url=draw(st.none() | short),
        published=draw(st.none() | dates),
        language=draw(st.sampled_from(["en", "ko"])),
        media_type=draw(st.sampled_from(["text/plain", "text/html", "application/pdf"])),
        origin=draw(st.none() | short),
        segments=segments,
        ingested_at=draw(datetimes),
    )
    return report, original
