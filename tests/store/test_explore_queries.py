"""The map's and the timeline's aggregate queries: event_points and event_month_counts."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from kirok.model import EventType, Place, PlacePrecision, ReviewStatus, TimeWindow
from kirok.store.base import EventFilter, EventPoint, MonthCount
from kirok.store.sqlite import SQLiteStore

from .builders import HYESAN, make_event, make_report

TEXT = (
    "Guards held a trader near the market. Officials questioned a farmer at the station. "
    "Agents detained a driver on the road. A court sentenced a teacher in the hall."
)
OTHER_TEXT = "Police beat a porter by the river."
PHRASES = (
    "held a trader",
    "questioned a farmer",
    "detained a driver",
    "sentenced a teacher",
    "beat a porter",
)
RYANGGANG = Place(
    name="Ryanggang Province",
    gazetteer_id="KP01",
    admin_path=("Ryanggang",),
    latitude=41.258,
    longitude=128.083,
    precision=PlacePrecision.PROVINCE,
)
NORTH_KOREA = Place(name="North Korea", gazetteer_id="KP", country="KP", precision=PlacePrecision.COUNTRY)
HYESAN_WRITTEN_OTHERWISE = HYESAN.model_copy(update={"name": "Hyesan City"})


def window(earliest: date | None, latest: date | None) -> TimeWindow:
    return TimeWindow(earliest=earliest, latest=latest)


@pytest.fixture
def filled(store: SQLiteStore) -> SQLiteStore:
    report, original = make_report(TEXT, title="Five acts in the north")
    events = [
        make_event(report, PHRASES[0], EventType.ARREST, place=HYESAN,
                   window=window(date(2021, 10, 3), date(2021, 10, 3))),
        make_event(report, PHRASES[1], EventType.ARREST, place=HYESAN_WRITTEN_OTHERWISE,
                   window=window(date(2021, 10, 30), date(2021, 11, 2))),
        make_event(report, PHRASES[2], EventType.DETENTION, place=RYANGGANG,
                   window=window(date(2021, 12, 1), date(2021, 12, 31))),
        make_event(report, PHRASES[3], EventType.SENTENCE, place=NORTH_KOREA,
                   window=window(None, date(2022, 1, 5))),
    ]  # fmt: skip
    store.add_report(report, original, events)
    other, other_original = make_report(OTHER_TEXT, title="One more act")
    store.add_report(other, other_original, [make_event(other, PHRASES[4], EventType.ILL_TREATMENT)])
    store.review_event(events[2].id, ReviewStatus.VERIFIED, actor="reviewer")
    return store


def by_name(points: list[EventPoint]) -> dict[str | None, EventPoint]:
    return {p.place_name: p for p in points}


def test_event_points_group_one_place_whatever_its_written_name(filled: SQLiteStore) -> None:
    points = filled.event_points()
    assert sum(p.count for p in points) == 5
    hyesan = points[0]  # most events first
    assert (hyesan.latitude, hyesan.longitude, hyesan.precision) == (41.4, 128.18, PlacePrecision.COUNTY)
    assert hyesan.count == 2
    assert hyesan.place_name == "Hyesan"  # the smallest of the names written
    assert hyesan.province == "Ryanggang"
    assert hyesan.gazetteer_id == "kp-rg-hyesan"
    assert hyesan.event_id is None  # two events: no single event to link to
    assert hyesan.event_type is EventType.ARREST  # both are arrests
    assert (hyesan.date_from, hyesan.date_to) == (date(2021, 10, 3), date(2021, 11, 2))


def test_event_points_keep_precision_and_single_events(filled: SQLiteStore) -> None:
    points = by_name(filled.event_points())
    province = points["Ryanggang Province"]
    assert province.precision is PlacePrecision.PROVINCE
    assert province.count == 1 and province.event_id is not None
    assert province.event_type is EventType.DETENTION
    country = points["North Korea"]
    assert country.precision is PlacePrecision.COUNTRY and country.latitude is None
    assert country.date_from is None and country.date_to == date(2022, 1, 5)
    unplaced = points[None]
    assert unplaced.precision is PlacePrecision.UNKNOWN and unplaced.province is None


def test_event_points_honour_the_filter(filled: SQLiteStore) -> None:
    assert [p.count for p in filled.event_points(EventFilter(types=(EventType.ARREST,)))] == [2]
    verified = filled.event_points(EventFilter(statuses=(ReviewStatus.VERIFIED,)))
    assert [(p.place_name, p.count) for p in verified] == [("Ryanggang Province", 1)]
    october = filled.event_points(EventFilter(date_from=date(2021, 10, 1), date_to=date(2021, 10, 31)))
    # the sentence's window is open at its start, so it may fall in October too
    assert [(p.place_name, p.count) for p in october] == [("Hyesan", 2), ("North Korea", 1)]
    in_province = filled.event_points(EventFilter(place="ryanggang"))
    assert sorted(p.count for p in in_province) == [1, 2]
    worded = filled.event_points(EventFilter(text="porter"))
    assert [(p.place_name, p.precision) for p in worded] == [(None, PlacePrecision.UNKNOWN)]
    assert filled.event_points(EventFilter(text="nowhere-word")) == []


def test_event_month_counts_use_the_earliest_date(filled: SQLiteStore) -> None:
    counts = filled.event_month_counts()
    assert counts == [
        MonthCount(None, EventType.ILL_TREATMENT, 1),
        MonthCount(None, EventType.SENTENCE, 1),  # a window open at its start counts as undated
        MonthCount("2021-10", EventType.ARREST, 2),  # the second arrest runs into November
        MonthCount("2021-12", EventType.DETENTION, 1),
    ]


def test_event_month_counts_honour_the_filter(filled: SQLiteStore) -> None:
    assert filled.event_month_counts(EventFilter(types=(EventType.DETENTION, EventType.SENTENCE))) == [
        MonthCount(None, EventType.SENTENCE, 1),
        MonthCount("2021-12", EventType.DETENTION, 1),
    ]
    assert filled.event_month_counts(EventFilter(text="porter")) == [
        MonthCount(None, EventType.ILL_TREATMENT, 1)
    ]
    assert filled.event_month_counts(EventFilter(text="trader")) == [
        MonthCount(None, EventType.SENTENCE, 1),
        MonthCount("2021-10", EventType.ARREST, 2),
        MonthCount("2021-12", EventType.DETENTION, 1),
    ]
    assert filled.event_month_counts(EventFilter(place="kp01")) == [
        MonthCount("2021-12", EventType.DETENTION, 1)
    ]


def test_an_empty_store_has_no_points_and_no_months(store: SQLiteStore) -> None:
    assert store.event_points() == []
    assert store.event_month_counts() == []


@pytest.mark.parametrize(
    ("sql", "index"),
    [
        ("SELECT count(*) FROM events e INDEXED BY events_map WHERE e.status = 'verified'", "events_map"),
        ("SELECT count(*) FROM events e INDEXED BY events_month WHERE e.type = 'arrest'", "events_month"),
    ],
)
def test_the_explore_indexes_cover_the_filters(store: SQLiteStore, sql: str, index: str) -> None:
    conn = sqlite3.connect(store.path)
    try:
        plan = " ".join(str(row) for row in conn.execute("EXPLAIN QUERY PLAN " + sql))
    finally:
        conn.close()
    assert f"COVERING INDEX {index}" in plan


@pytest.mark.parametrize(
    "place", ["ryanggang", "Hyesan", "HYESAN CITY", "kp01", "kp-rg-hyesan", "north", "%", "_", "zz"]
)
def test_the_place_test_per_distinct_place_finds_the_same_events(filled: SQLiteStore, place: str) -> None:
    flt = EventFilter(place=place, types=(EventType.ARREST, EventType.DETENTION, EventType.SENTENCE))
    expected = filled.count_events(flt)
    assert sum(p.count for p in filled.event_points(flt)) == expected
    assert sum(m.count for m in filled.event_month_counts(flt)) == expected
