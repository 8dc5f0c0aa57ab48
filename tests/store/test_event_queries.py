"""The event list, count and export read the copies kept on each event (migration 0004) in the order of
an index (migrations 0004 and 0005) and still find exactly what the straightforward reference query finds,
in the same order, for every :class:`EventOrder`."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kirok.model import Event, EventType, Place, PlacePrecision, ReviewStatus
from kirok.store.base import EventFilter, EventOrder, EventPoint
from kirok.store.filters import event_order, event_where, fold
from kirok.store.points import point_order
from kirok.store.sqlite import SQLiteStore

from .builders import HYESAN, make_event, make_report
from .reference import (
    DATES,
    PLACE_QUERIES,
    TEXTS,
    Planned,
    event_filters,
    fixed_plans,
    reference_event_ids,
    stores_plans,
)


def fill(path: Path, key_file: Path, plans: list[Planned]) -> SQLiteStore:
    store = SQLiteStore(path, key_file=key_file)
    for plan in plans:
        store.add_report(plan.report, plan.original, plan.events)
    return store


def reference_points(events: list[Event]) -> list[EventPoint]:
    """The map's points worked out from the matching events themselves, one by one."""
    groups: dict[tuple[object, ...], list[Event]] = {}
    for e in events:
        p = e.place
        key = (
            p.latitude if p else None,
            p.longitude if p else None,
            (p.precision if p else PlacePrecision.UNKNOWN).value,
            p.admin_path[0] if p and p.admin_path else None,
        )
        groups.setdefault(key, []).append(e)
    points = []
    for (lat, lon, precision, province), members in groups.items():
        names = [e.place.name for e in members if e.place]
        ids = [e.place.gazetteer_id for e in members if e.place and e.place.gazetteer_id]
        earliest = [e.date.earliest for e in members if e.date and e.date.earliest]
        latest = [e.date.latest for e in members if e.date and e.date.latest]
        types = {e.type for e in members}
        points.append(
            EventPoint(
                latitude=lat,  # type: ignore[arg-type]
                longitude=lon,  # type: ignore[arg-type]
                precision=PlacePrecision(str(precision)),
                province=province,  # type: ignore[arg-type]
                count=len(members),
                place_name=min(names, default=None),
                gazetteer_id=min(ids, default=None),
                event_id=members[0].id if len(members) == 1 else None,
                event_type=next(iter(types)) if len(types) == 1 else None,
                date_from=min(earliest, default=None),
                date_to=max(latest, default=None),
            )
        )
    return sorted(points, key=point_order)


def assert_like_reference(store: SQLiteStore, flt: EventFilter, page: tuple[int, int] = (3, 2)) -> None:
    """The list, export and a page in every order, and the count, map and timeline, are the reference's."""
    limit, offset = page
    for order in EventOrder:
        expected = reference_event_ids(store.path, flt, order)
        assert [e.id for e in store.list_events(flt, limit=1000, order=order)] == expected, order
        assert [e.id for e in store.iter_events(flt, order=order)] == expected, order
        found = store.list_events(flt, limit=limit, offset=offset, order=order)
        assert [e.id for e in found] == expected[offset : offset + limit], order
    expected = reference_event_ids(store.path, flt)
    assert [e.id for e in store.list_events(flt, limit=1000)] == expected  # NEWEST unless told
    assert [e.id for e in store.iter_events(flt)] == expected
    assert store.count_events(flt) == len(expected)
    assert store.event_points(flt) == reference_points(store.list_events(flt, limit=1000))
    assert sum(m.count for m in store.event_month_counts(flt)) == len(expected)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans=stores_plans(), data=st.data())
def test_the_queries_find_what_the_reference_finds(plans: list[Planned], data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        with fill(Path(folder) / "k.db", Path(folder) / "k.key", plans) as store:
            report_ids = [plan.report.id for plan in plans]
            for _ in range(4):
                flt = data.draw(event_filters(report_ids))
                page = data.draw(st.tuples(st.integers(0, 5), st.integers(0, 8)))
                assert_like_reference(store, flt, page)
            assert_like_reference(store, EventFilter())


@pytest.fixture
def fixed(tmp_path: Path, key_file: Path) -> Iterator[SQLiteStore]:
    with fill(tmp_path / "fixed.db", key_file, fixed_plans()) as store:
        yield store


ONE_FIELD_FILTERS = [
    EventFilter(),
    *(EventFilter(place=place) for place in PLACE_QUERIES),
    *(EventFilter(text=text) for text in TEXTS),
    *(EventFilter(types=(type_,)) for type_ in EventType),
    *(EventFilter(statuses=(status,)) for status in ReviewStatus),
    *(EventFilter(date_from=day) for day in DATES),
    *(EventFilter(date_to=day) for day in DATES),
    EventFilter(date_from=DATES[1], date_to=DATES[2]),
    EventFilter(place="ryanggang", text="river", statuses=(ReviewStatus.SUGGESTED, ReviewStatus.VERIFIED)),
]


@pytest.mark.parametrize("flt", ONE_FIELD_FILTERS)
def test_each_filter_finds_what_the_reference_finds(fixed: SQLiteStore, flt: EventFilter) -> None:
    assert_like_reference(fixed, flt)


def test_the_fixed_store_exercises_each_place_test(fixed: SQLiteStore) -> None:
    found = {place: fixed.count_events(EventFilter(place=place)) for place in PLACE_QUERIES}
    assert found["north hamgyong"] > 0  # an admin path entry only
    assert found["kp01"] > 0 and found["KP-RG-HYESAN"] > 0  # gazetteer ids only
    assert found["city"] > 0 and found["_odd_"] > 0  # inside a name only
    assert found["_"] == found["%"] == found["100%"]  # characters, not wildcards: the odd place only
    assert found["zz"] == 0
    assert found["  "] == fixed.count_events()


def test_an_edited_place_is_found_by_its_new_name_only(store: SQLiteStore) -> None:
    report, original = make_report("Guards held a trader near the market.")
    event = make_event(report, "held a trader", place=HYESAN)
    store.add_report(report, original, [event])
    moved = event.model_copy(update={"place": Place(name="Onsong", admin_path=("North Hamgyong", "Onsong"))})
    store.update_event(moved, actor="reviewer")
    for place in ("hyesan", "ryanggang", "onsong", "north hamgyong"):
        assert_like_reference(store, EventFilter(place=place))
    assert store.count_events(EventFilter(place="hyesan")) == 0
    assert store.count_events(EventFilter(place="onsong")) == 1
    unplaced = moved.model_copy(update={"place": None})
    store.update_event(unplaced, actor="reviewer")
    assert store.count_events(EventFilter(place="onsong")) == 0
    assert store.count_events() == 1


def test_a_reviewed_event_keeps_its_place_and_order(store: SQLiteStore) -> None:
    report, original = make_report("Guards held a trader. Agents detained a driver.")
    events = [make_event(report, "held a trader", place=HYESAN), make_event(report, "detained a driver")]
    store.add_report(report, original, events)
    store.review_event(events[0].id, ReviewStatus.VERIFIED, actor="reviewer")
    assert [e.id for e in store.list_events(EventFilter(place="hyesan"))] == [events[0].id]
    assert [e.id for e in store.list_events()] == [events[0].id, events[1].id]


def test_a_report_dated_afterwards_moves_its_events(store: SQLiteStore) -> None:
    first, first_original = make_report("Guards held a trader.", published=None)
    second, second_original = make_report("Agents detained a driver.")
    store.add_report(first, first_original, [make_event(first, "held a trader")])
    store.add_report(second, second_original, [make_event(second, "detained a driver")])
    assert [e.report_id for e in store.list_events()] == [second.id, first.id]
    conn = sqlite3.connect(store.path)  # the store never changes a report; the trigger still follows one
    with conn:
        conn.execute("UPDATE reports SET published = '2099-01-01' WHERE id = ?", (first.id,))
    conn.close()
    assert [e.report_id for e in store.list_events()] == [first.id, second.id]
    assert_like_reference(store, EventFilter())


def test_the_orders_put_undated_reports_last_and_break_ties_by_report(store: SQLiteStore) -> None:
    planned = [  # (text, published, the confidence of each sentence's event)
        ("Guards held a trader. Agents took a driver.", None, (0.4, 0.1)),
        ("Police held a porter.", date(2022, 3, 1), (0.4,)),
        ("Police held a miner.", date(2023, 9, 9), (0.1,)),
        ("Police held a farmer.", date(2022, 3, 1), (0.9,)),
    ]
    stored: list[list[Event]] = []
    for text, published, confidences in planned:
        report, original = make_report(text, published=published)
        sentences = [s.strip() for s in text.split(".") if s.strip()]
        made = [make_event(report, s, confidence=c) for s, c in zip(sentences, confidences, strict=True)]
        store.add_report(report, original, made)
        stored.append(made)
    undated, march, september, march_too = stored
    first, second = sorted([march, march_too], key=lambda e: e[0].report_id)  # same day: by report id

    def ids(order: EventOrder) -> list[str]:
        return [e.id for e in store.list_events(order=order)]

    assert ids(EventOrder.NEWEST) == [e.id for e in [*september, *first, *second, *undated]]
    assert ids(EventOrder.OLDEST) == [e.id for e in [*first, *second, *september, *undated]]
    # 0.1 (dated, then undated), 0.4 (dated, then undated), 0.9
    least = [september[0], undated[1], march[0], undated[0], march_too[0]]
    assert ids(EventOrder.LEAST_CONFIDENT) == [e.id for e in least]


def test_a_new_confidence_moves_an_event_in_the_least_confident_order(store: SQLiteStore) -> None:
    report, original = make_report("Guards held a trader. Agents detained a driver.")
    events = [make_event(report, "held a trader", confidence=0.2), make_event(report, "detained a driver")]
    store.add_report(report, original, events)
    assert [e.id for e in store.list_events(order=EventOrder.LEAST_CONFIDENT)] == [e.id for e in events]
    store.update_event(events[0].model_copy(update={"confidence": 0.95}), actor="reviewer")
    found = store.list_events(order=EventOrder.LEAST_CONFIDENT)
    assert [e.id for e in found] == [events[1].id, events[0].id]
    assert found[1].confidence == 0.95


def plan_of(store: SQLiteStore, sql: str, params: list[object]) -> str:
    conn = sqlite3.connect(store.path)
    try:
        conn.create_function("kirok_fold", 1, fold, deterministic=True)
        return " | ".join(str(row[3]) for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params))
    finally:
        conn.close()


FILTERS = [
    EventFilter(),
    EventFilter(types=(EventType.ARREST,), statuses=(ReviewStatus.SUGGESTED,)),
    EventFilter(place="north hamgyong"),
    EventFilter(text="smuggling"),
    EventFilter(place="hyesan", text="river", types=(EventType.ARREST,)),
]


@pytest.mark.parametrize("order", EventOrder)
@pytest.mark.parametrize("flt", FILTERS)
def test_a_page_is_read_in_order_without_sorting_the_matches(
    store: SQLiteStore, flt: EventFilter, order: EventOrder
) -> None:
    where, params = event_where(flt)
    order_by, index = event_order(order)
    plan = plan_of(
        store,
        "SELECT e.id, e.record, (SELECT s.ciphertext FROM event_sensitive s WHERE s.event_id = e.id)"
        f" FROM events e INDEXED BY {index} {where} {order_by} LIMIT 25 OFFSET 50000",
        params,
    )
    assert f"SCAN e USING INDEX {index}" in plan
    assert "TEMP B-TREE" not in plan


@pytest.mark.parametrize(
    ("flt", "indexes"),
    [
        (EventFilter(types=(EventType.ARREST,), statuses=(ReviewStatus.SUGGESTED,)), ("type", "status")),
        (EventFilter(statuses=(ReviewStatus.VERIFIED,)), ("status",)),
        (EventFilter(place="north hamgyong"), ("place",)),
        (EventFilter(report_id="r-0123456789abcdef"), ("sqlite_autoindex_events_2",)),
    ],
)
def test_a_count_seeks_into_one_covering_index(
    store: SQLiteStore, flt: EventFilter, indexes: tuple[str, ...]
) -> None:
    where, params = event_where(flt)
    plan = plan_of(store, f"SELECT count(*) FROM events e {where}", params)
    names = [name if name.startswith("sqlite_") else f"events_{name}" for name in indexes]
    assert any(f"SEARCH e USING COVERING INDEX {name} " in plan for name in names), plan
    assert "reports" not in plan
