"""The record's data types: validation, stable ids and JSON round trips."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from conftest import SHARED
from kirok.model import (
    PLOVER,
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
    event_id,
    report_id,
)

EVENTS_MD = SHARED / "design" / "EVENTS.md"
SHA = "0123456789abcdef" * 4


def documented_types() -> list[str]:
    """The type column of the table in ``shared/design/EVENTS.md``."""
    return re.findall(r"^\| `([a-z_]+)` \|", EVENTS_MD.read_text("utf-8"), flags=re.MULTILINE)


def full_event() -> Event:
    return Event(
        id=event_id("r-0123456789abcdef", EventType.SENTENCE, 10, 80),
        report_id="r-0123456789abcdef",
        type=EventType.SENTENCE,
        evidence=(Span(start=10, end=80, text="He was sentenced."), Span(start=0, end=9, text="Headline")),
        date=TimeWindow(
            earliest=date(2023, 6, 1),
            latest=date(2023, 6, 30),
            precision=DatePrecision.MONTH,
            resolution=DateResolution.RELATIVE,
            timex="2023-06",
            span=Span(start=20, end=29, text="last month"),
        ),
        place=Place(
            name="Hoeryong",
            gazetteer_id="kp-nh-hoeryong",
            admin_path=("North Hamgyong", "Hoeryong"),
            latitude=42.44,
            longitude=129.75,
            country="KP",
            precision=PlacePrecision.COUNTY,
            span=Span(start=40, end=48, text="Hoeryong"),
        ),
        perpetrators=(Perpetrator(name="Court", unit="Hoeryong city branch", span=Span(start=1, end=2)),),
        victims=(
            Victim(
                count=1,
                sex=Sex.FEMALE,
                age_band=AgeBand.THIRTIES,
                status=("repatriated",),
                description="a woman in her 30s",
                name="Varo",
                span=Span(start=3, end=21),
            ),
        ),
        reason="selling phones",
        penalty=Penalty(length="P6M", facility="labour-training brigade", span=Span(start=50, end=70)),
        targets=("traders",),
        source=Source(report_id="r-0123456789abcdef", outlet="Example News", published=date(2023, 7, 2)),
        confidence=0.75,
        reasons=("rule sentence.sentenced: “sentenced”",),
        status=ReviewStatus.VERIFIED,
        status_by="coder-1",
        status_at=datetime(2023, 7, 3, 12, 0, tzinfo=UTC),
        status_note="checked",
    )


# ------------------------------------------------------------------ event types


def test_event_types_are_the_documented_thirteen() -> None:
    documented = documented_types()
    assert len(documented) == 13
    assert [t.value for t in EventType] == documented


def test_every_type_has_a_plover_entry() -> None:
    assert set(PLOVER) == set(EventType)
    for type_, entry in PLOVER.items():
        if entry is not None:
            event, mode = entry
            assert event.isupper(), type_
            assert mode is None or mode.islower(), type_


@pytest.mark.parametrize(
    ("type_", "plover"),
    [
        (EventType.ARREST, ("COERCE", "arrest")),
        (EventType.EXECUTION, ("ASSAULT", "targeted")),
        (EventType.FORCED_REPATRIATION, ("COERCE", "deport")),
        (EventType.SENTENCE, ("SANCTION", "convict")),
        (EventType.DIRECTIVE, None),
        (EventType.ESCAPE, None),
    ],
)
def test_plover_mapping_of_some_types(type_: EventType, plover: tuple[str, str] | None) -> None:
    assert PLOVER[type_] == plover


# ------------------------------------------------------------------ spans and windows


@pytest.mark.parametrize(("start", "end"), [(0, 0), (0, 1), (5, 5), (3, 300)])
def test_span_accepts_ordered_offsets(start: int, end: int) -> None:
    span = Span(start=start, end=end)
    assert (span.start, span.end) == (start, end)


@pytest.mark.parametrize(("start", "end"), [(5, 4), (1, 0), (100, 99)])
def test_span_refuses_end_before_start(start: int, end: int) -> None:
    with pytest.raises(ValidationError, match="before its start"):
        Span(start=start, end=end)


def test_span_refuses_negative_offsets() -> None:
    with pytest.raises(ValidationError):
        Span(start=-1, end=3)


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [((0, 5), (4, 9), True), ((0, 5), (5, 9), False), ((2, 3), (0, 10), True), ((0, 1), (2, 3), False)],
)
def test_span_overlaps(a: tuple[int, int], b: tuple[int, int], overlap: bool) -> None:
    x, y = Span(start=a[0], end=a[1]), Span(start=b[0], end=b[1])
    assert x.overlaps(y) is overlap
    assert y.overlaps(x) is overlap


def test_window_refuses_latest_before_earliest() -> None:
    with pytest.raises(ValidationError, match="before it starts"):
        TimeWindow(earliest=date(2023, 6, 2), latest=date(2023, 6, 1))


@pytest.mark.parametrize(
    ("earliest", "latest"),
    [(date(2023, 6, 1), date(2023, 6, 1)), (date(2023, 6, 1), None), (None, date(2023, 6, 1)), (None, None)],
)
def test_window_accepts_open_and_single_day_windows(earliest: date | None, latest: date | None) -> None:
    window = TimeWindow(earliest=earliest, latest=latest)
    assert (window.earliest, window.latest) == (earliest, latest)
    assert window.precision is DatePrecision.UNKNOWN
    assert window.resolution is DateResolution.UNRESOLVED


# ------------------------------------------------------------------ places, victims, events


@pytest.mark.parametrize(
    ("lat", "lon"), [(-90.0, -180.0), (90.0, 180.0), (0.0, 0.0), (42.44, 129.75), (None, None)]
)
def test_place_accepts_coordinates_in_range(lat: float | None, lon: float | None) -> None:
    place = Place(name="X", latitude=lat, longitude=lon)
    assert (place.latitude, place.longitude) == (lat, lon)


@pytest.mark.parametrize(("lat", "lon"), [(90.01, 0.0), (-90.5, 0.0), (0.0, 180.1), (0.0, -181.0)])
def test_place_refuses_coordinates_out_of_range(lat: float, lon: float) -> None:
    with pytest.raises(ValidationError):
        Place(name="X", latitude=lat, longitude=lon)


@pytest.mark.parametrize("confidence", [0.0, 0.5, 1.0])
def test_event_accepts_confidence_in_range(confidence: float) -> None:
    event = Event(
        id="e-1",
        report_id="r-1",
        type=EventType.ARREST,
        evidence=(Span(start=0, end=1),),
        confidence=confidence,
    )
    assert event.confidence == confidence


@pytest.mark.parametrize("confidence", [-0.01, 1.01, 2.0])
def test_event_refuses_confidence_out_of_range(confidence: float) -> None:
    with pytest.raises(ValidationError):
        Event(
            id="e-1",
            report_id="r-1",
            type=EventType.ARREST,
            evidence=(Span(start=0, end=1),),
            confidence=confidence,
        )


def test_event_needs_evidence() -> None:
    with pytest.raises(ValidationError):
        Event(id="e-1", report_id="r-1", type=EventType.ARREST, evidence=())


def test_event_refuses_unknown_type_and_extra_fields() -> None:
    base = {"id": "e-1", "report_id": "r-1", "evidence": [{"start": 0, "end": 1}]}
    assert Event.model_validate({**base, "type": "arrest"}).type is EventType.ARREST
    with pytest.raises(ValidationError):
        Event.model_validate({**base, "type": "abduction"})
    with pytest.raises(ValidationError):
        Event.model_validate({**base, "type": "arrest", "mood": "x"})


def test_models_are_frozen() -> None:
    span = Span(start=0, end=1)
    with pytest.raises(ValidationError):
        span.start = 3
    assert span.start == 0


def test_victim_name_is_kept_out_of_repr() -> None:
    victim = Victim(count=1, name="Varo")
    assert victim.name == "Varo"
    assert "Varo" not in repr(victim)


def test_report_sha256_must_be_lowercase_hex() -> None:
    Report(id=report_id(SHA), sha256=SHA, text="x")
    with pytest.raises(ValidationError):
        Report(id="r-1", sha256=SHA.upper(), text="x")
    with pytest.raises(ValidationError):
        Report(id="r-1", sha256=SHA[:-1], text="x")


# ------------------------------------------------------------------ ids


def test_report_id_is_stable_and_short() -> None:
    assert report_id(SHA) == "r-0123456789abcdef"
    assert report_id(SHA) == report_id(SHA)
    assert report_id("f" * 64) != report_id(SHA)


def test_event_id_is_stable() -> None:
    first = event_id("r-1", EventType.ARREST, 10, 20)
    assert re.fullmatch(r"e-[0-9a-f]{16}", first)
    assert event_id("r-1", EventType.ARREST, 10, 20) == first
    assert event_id("r-1", "arrest", 10, 20) == first  # a type given by value gives the same id


@pytest.mark.parametrize(
    ("report", "type_", "start", "end"),
    [
        ("r-2", EventType.ARREST, 10, 20),
        ("r-1", EventType.DETENTION, 10, 20),
        ("r-1", EventType.ARREST, 11, 20),
        ("r-1", EventType.ARREST, 10, 21),
    ],
)
def test_event_id_changes_with_each_part(report: str, type_: EventType, start: int, end: int) -> None:
    assert event_id(report, type_, start, end) != event_id("r-1", EventType.ARREST, 10, 20)


def test_event_id_refuses_unknown_type() -> None:
    with pytest.raises(ValueError):
        event_id("r-1", "abduction", 0, 1)


# ------------------------------------------------------------------ JSON


def test_full_event_json_round_trip() -> None:
    event = full_event()
    assert Event.model_validate_json(event.model_dump_json()) == event


def test_minimal_event_json_round_trip() -> None:
    event = Event(
        id="e-1", report_id="r-1", type=EventType.ESCAPE, evidence=(Span(start=0, end=4, text="Fled"),)
    )
    again = Event.model_validate_json(event.model_dump_json())
    assert again == event
    assert again.status is ReviewStatus.SUGGESTED
    assert again.date is None and again.place is None


@pytest.mark.parametrize("type_", list(EventType))
def test_round_trip_of_every_type(type_: EventType) -> None:
    event = full_event().model_copy(update={"type": type_})
    again = Event.model_validate_json(event.model_dump_json())
    assert again == event
    assert again.type is type_


def test_json_uses_enum_values() -> None:
    data = full_event().model_dump(mode="json")
    assert data["type"] == "sentence"
    assert data["date"]["precision"] == "month"
    assert data["victims"][0]["age_band"] == "30s"
    assert data["place"]["admin_path"] == ["North Hamgyong", "Hoeryong"]


def test_report_json_round_trip_keeps_segments() -> None:
    report = Report(
        id=report_id(SHA),
        sha256=SHA,
        text="Title\n\nBody.",
        title="Title",
        published=date(2023, 6, 15),
        segments=((0, 5, SegmentRole.HEADLINE), (7, 12, SegmentRole.BODY)),
    )
    again = Report.model_validate_json(report.model_dump_json())
    assert again == report
    assert again.segments[0][2] is SegmentRole.HEADLINE
