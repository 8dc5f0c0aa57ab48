"""A straightforward reference for the event queries, and a small random store to compare them on.

The reference is the store's query as it was before migration 0004: it joins every event to its report
and runs the place test on each event's own columns; then it sorts every match in Python, by the rules of
:class:`EventOrder` written out as sort keys. The store's queries read copies of the report's values kept
on each event (``report_published``, ``report_pk``, ``place_ref``) in the order of an index, and must find
the same events in the same order.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hypothesis import strategies as st

from kirok.model import (
    Event,
    EventType,
    Place,
    PlacePrecision,
    Report,
    ReviewStatus,
    SegmentRole,
    Span,
    TimeWindow,
    event_id,
    report_id,
)
from kirok.store.base import EventFilter, EventOrder
from kirok.store.filters import fold, fts_query

WORDS = ("river", "market", "phones", "Border", "fence", "trial", "labour-training")
PLACES: tuple[Place | None, ...] = (
    None,
    Place(name="Hyesan", gazetteer_id="kp-rg-hyesan", admin_path=("Ryanggang", "Hyesan")),
    Place(name="HYESAN City", gazetteer_id="kp-rg-hyesan", admin_path=("Ryanggang", "Hyesan")),
    Place(name="Musan County", gazetteer_id="kp-nh-musan", admin_path=("North Hamgyong", "Musan")),
    Place(name="Musan County", admin_path=("North Hamgyong",), precision=PlacePrecision.COUNTY),
    Place(name="a 100% _odd_ place", gazetteer_id="KP-X"),
    Place(name="Ryanggang Province", gazetteer_id="KP01", admin_path=("Ryanggang",)),
)
PLACE_QUERIES = (
    "hyesan", "HYESAN", "city", "north hamgyong", "KP-RG-HYESAN", "kp-x", "kp01", "ryanggang", "musan",
    "%", "_", "100%", "_odd_", "yes", "  ", "zz",
)  # fmt: skip
DATES = (date(2021, 1, 1), date(2022, 5, 5), date(2022, 5, 20), date(2023, 7, 1))
WINDOWS: tuple[TimeWindow | None, ...] = (
    None,
    TimeWindow(),
    TimeWindow(earliest=date(2022, 5, 1), latest=date(2022, 5, 31)),
    TimeWindow(earliest=date(2021, 3, 1)),
    TimeWindow(latest=date(2022, 1, 10)),
    TimeWindow(earliest=date(2023, 7, 1), latest=date(2023, 7, 1)),
)
PUBLISHED = (None, date(2021, 6, 1), date(2022, 5, 5), date(2023, 1, 31))
TEXTS = (*WORDS, "river market", "phones trial", "labour", '"', "nowhere")
#: Few values, so that equal confidences (ordered by their reports) are common.
CONFIDENCES = (0.0, 0.2, 0.35, 0.5, 0.5, 0.9, 1.0)


@dataclass(frozen=True)
class Planned:
    """A report and its events, drawn at random, to be added to a store."""

    report: Report
    original: bytes
    events: tuple[Event, ...]


def _report(number: int, words: list[str], title: str | None, published: date | None) -> tuple[Report, bytes]:
    text = f"Report {number}: " + " ".join(words) + "."
    original = text.encode("utf-8")
    sha = hashlib.sha256(original).hexdigest()
    report = Report(
        id=report_id(sha),
        sha256=sha,
        text=text,
        title=title,
        published=published,
        segments=((0, len(text), SegmentRole.BODY),),
    )
    return report, original


def _event(report: Report, index: int, type_: EventType, evidence: str, **fields: object) -> Event:
    return Event.model_validate(
        {
            "id": event_id(report.id, type_, index, index + 1),
            "report_id": report.id,
            "type": type_,
            "evidence": (Span(start=index, end=index + 1, text=evidence),),
            **fields,
        }
    )


def fixed_plans() -> list[Planned]:
    """Twelve reports of up to five events that go through every place, window, word and status."""
    plans = []
    counter = 0
    for number in range(12):
        words = [WORDS[(number + k) % len(WORDS)] for k in range(number % 3 + 1)]
        report, original = _report(
            number,
            words,
            WORDS[number % len(WORDS)] if number % 4 else None,
            PUBLISHED[number % len(PUBLISHED)],
        )
        events = []
        for index in range(number % 6):
            counter += 1
            events.append(
                _event(
                    report,
                    index,
                    list(EventType)[counter % len(EventType)],
                    WORDS[(counter * 3) % len(WORDS)],
                    place=PLACES[counter % len(PLACES)],
                    date=WINDOWS[counter % len(WINDOWS)],
                    status=list(ReviewStatus)[counter % len(ReviewStatus)],
                    confidence=CONFIDENCES[(counter * 5) % len(CONFIDENCES)],
                )
            )
        plans.append(Planned(report, original, tuple(events)))
    return plans


@st.composite
def planned_reports(draw: st.DrawFn, number: int) -> Planned:
    report, original = _report(
        number,
        draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4)),
        draw(st.none() | st.sampled_from(WORDS)),
        draw(st.sampled_from(PUBLISHED)),
    )
    events = []
    for index in range(draw(st.integers(0, 5))):
        type_ = draw(st.sampled_from(EventType))
        evidence = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=2)))
        events.append(
            _event(
                report,
                index,
                type_,
                evidence,
                place=draw(st.sampled_from(PLACES)),
                date=draw(st.sampled_from(WINDOWS)),
                status=draw(st.sampled_from(ReviewStatus)),
                confidence=draw(st.sampled_from(CONFIDENCES) | st.floats(0.0, 1.0)),
            )
        )
    return Planned(report, original, tuple(events))


@st.composite
def stores_plans(draw: st.DrawFn) -> list[Planned]:
    return [draw(planned_reports(number)) for number in range(draw(st.integers(1, 8)))]


@st.composite
def event_filters(draw: st.DrawFn, report_ids: list[str]) -> EventFilter:
    """A filter of a few fields at most, so that most filters find some events."""
    fields = draw(
        st.sets(st.sampled_from(["types", "statuses", "place", "dates", "text", "report_id"]), max_size=3)
    )
    dates = st.none() | st.sampled_from(DATES)
    return EventFilter(
        types=tuple(draw(st.sets(st.sampled_from(EventType), min_size=1, max_size=6)))
        if "types" in fields
        else (),
        statuses=tuple(draw(st.sets(st.sampled_from(ReviewStatus), min_size=1)))
        if "statuses" in fields
        else (),
        place=draw(st.sampled_from(PLACE_QUERIES)) if "place" in fields else None,
        date_from=draw(dates) if "dates" in fields else None,
        date_to=draw(dates) if "dates" in fields else None,
        text=draw(st.sampled_from(TEXTS)) if "text" in fields else None,
        report_id=draw(st.sampled_from(report_ids)) if "report_id" in fields and report_ids else None,
    )


#: A matching event as the reference reads it: (id, report published, report id, position, confidence).
Row = tuple[str, str | None, str, int, float]
#: (confidence or 0, undated, day of publication (negated for newest first), report id, position)
SortKey = tuple[float, bool, int, str, int]


def _oldest(row: Row) -> SortKey:
    _, published, report, position, _ = row
    day = date.fromisoformat(published).toordinal() if published else 0
    return 0.0, published is None, day, report, position


def _newest(row: Row) -> SortKey:
    _, undated, day, report, position = _oldest(row)
    return 0.0, undated, -day, report, position


def _least_confident(row: Row) -> SortKey:
    return (row[4], *_oldest(row)[1:])


#: The orders of :class:`EventOrder` as Python sort keys: undated reports last, ties by report id and then
#: position, equal confidences oldest report first.
SORT_KEYS: dict[EventOrder, Callable[[Row], SortKey]] = {
    EventOrder.NEWEST: _newest,
    EventOrder.OLDEST: _oldest,
    EventOrder.LEAST_CONFIDENT: _least_confident,
}


def reference_event_ids(path: Path, flt: EventFilter, order: EventOrder = EventOrder.NEWEST) -> list[str]:
    """The ids of the events that ``flt`` matches, in ``order``, by the reference query."""
    clauses: list[str] = []
    params: list[object] = []
    if flt.types:
        clauses.append(f"e.type IN ({', '.join('?' * len(flt.types))})")
        params.extend(t.value for t in flt.types)
    if flt.statuses:
        clauses.append(f"e.status IN ({', '.join('?' * len(flt.statuses))})")
        params.extend(s.value for s in flt.statuses)
    if flt.report_id is not None:
        clauses.append("e.report_id = ?")
        params.append(flt.report_id)
    if flt.place is not None and flt.place.strip():
        place = flt.place.strip().casefold()
        escaped = place.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append(
            "(kirok_fold(e.place_name) LIKE ? ESCAPE '\\'"
            " OR kirok_fold(e.place_gazetteer_id) = ?"
            " OR EXISTS (SELECT 1 FROM json_each(e.place_admin_path) WHERE kirok_fold(value) = ?))"
        )
        params.extend([f"%{escaped}%", place, place])
    if flt.date_from is not None or flt.date_to is not None:
        clauses.append("(e.date_earliest IS NOT NULL OR e.date_latest IS NOT NULL)")
        if flt.date_from is not None:
            clauses.append("(e.date_latest IS NULL OR e.date_latest >= ?)")
            params.append(flt.date_from.isoformat())
        if flt.date_to is not None:
            clauses.append("(e.date_earliest IS NULL OR e.date_earliest <= ?)")
            params.append(flt.date_to.isoformat())
    if flt.text is not None and flt.text.strip():
        query = fts_query(flt.text)
        if query is None:
            clauses.append("0")
        else:
            clauses.append(
                "(e.pk IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)"
                " OR r.pk IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?))"
            )
            params.extend([query, query])
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    conn = sqlite3.connect(path)
    try:
        conn.create_function("kirok_fold", 1, fold, deterministic=True)
        rows: list[Row] = conn.execute(
            "SELECT e.id, r.published, r.id, e.position, e.confidence"
            f" FROM events e JOIN reports r ON r.id = e.report_id {where}",
            params,
        ).fetchall()
    finally:
        conn.close()
    return [row[0] for row in sorted(rows, key=SORT_KEYS[order])]
