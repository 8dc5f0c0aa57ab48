"""The one storage interface. SQLite is the default; PostgreSQL implements the same protocol later.

A store keeps reports (with their unchanged original bytes and SHA-256), their events, and a history of
every change. All writes go through one writer; a report and its events are stored in one transaction,
so a crash never leaves half a report.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Protocol, TypedDict

from kirok.model import Event, EventType, PlacePrecision, Report, ReviewStatus

__all__ = [
    "AddOutcome",
    "EventFilter",
    "EventOrder",
    "EventPoint",
    "HistoryEntry",
    "MonthCount",
    "ReportFilter",
    "Store",
    "StoreStats",
]


class AddOutcome(StrEnum):
    ADDED = "added"
    DUPLICATE = "duplicate"  # the same original bytes (same SHA-256) are already stored


@dataclass(frozen=True)
class EventFilter:
    """Which events to list. Every field narrows; the empty filter lists all events."""

    types: tuple[EventType, ...] = ()
    place: str | None = None  # matches place name as written, gazetteer id or any admin path entry
    date_from: date | None = None  # events whose window overlaps [date_from, date_to]
    date_to: date | None = None
    text: str | None = None  # full-text query over the event's evidence and the report's text
    statuses: tuple[ReviewStatus, ...] = ()
    report_id: str | None = None
    province: str | None = None  # the first admin path entry of the event's place (a gazetteer name)
    perpetrator: str | None = None  # part of a perpetrator's name, any case


class EventOrder(StrEnum):
    """The order of an event list. "Oldest" and "newest" are by the report's published date; a report
    without one is listed after every dated report in both orders, as its age is unknown.

    Every order ends with the report's id, then the event's position in its report (unique together),
    so the order is total and consecutive pages neither overlap nor skip an event.

    - ``NEWEST``: the newest report first (undated reports last), then report id, then position.
    - ``OLDEST``: the oldest report first (undated reports last), then report id, then position. It is
      not ``NEWEST`` reversed: undated reports and reports of the same day go the same way in both.
    - ``LEAST_CONFIDENT``: the machine's confidence, lowest first; equal confidences in ``OLDEST`` order.
    """

    NEWEST = "newest"
    OLDEST = "oldest"
    LEAST_CONFIDENT = "least_confident"


@dataclass(frozen=True)
class ReportFilter:
    text: str | None = None  # full-text query over report text and title
    outlet: str | None = None
    published_from: date | None = None
    published_to: date | None = None
    ids: tuple[str, ...] = field(default_factory=tuple)


class StoreStats(TypedDict):
    """Counts for dashboards and ``/health``: every event type and status is present, zero or not."""

    reports: int
    events: int
    events_by_type: dict[str, int]
    events_by_status: dict[str, int]


@dataclass(frozen=True)
class HistoryEntry:
    """One change to an event. ``before``/``after`` are the event's JSON without sensitive values.

    ``hash`` chains to the ``prev_hash`` of the entry before it in the whole store's history, so an
    edited or removed row is detected by :meth:`Store.verify_history`.
    """

    id: int
    event_id: str
    at: datetime
    actor: str  # "machine", or the reviewer's name
    action: str  # "suggested", "verified", "rejected", "edited", ...
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class EventPoint:
    """Events that share one place on the map: the same coordinates, place precision and province.

    ``event_id`` is set when the point holds one event, ``event_type`` when all its events share one type;
    ``date_from``/``date_to`` span the earliest and latest dates of their windows (None when unknown).
    """

    latitude: float | None
    longitude: float | None
    precision: PlacePrecision
    province: str | None  # the first entry of the place's admin path
    count: int
    place_name: str | None  # one of the names the events give the place
    gazetteer_id: str | None
    event_id: str | None
    event_type: EventType | None
    date_from: date | None
    date_to: date | None


@dataclass(frozen=True)
class MonthCount:
    """How many events of one type fall in one month: the month of the window's earliest date.

    ``month`` is ``"YYYY-MM"``, or None for events whose window has no earliest date.
    """

    month: str | None
    type: EventType
    count: int


class Store(Protocol):
    """What every store does. Implementations: :class:`kirok.store.sqlite.SQLiteStore`."""

    def add_report(self, report: Report, original: bytes, events: Sequence[Event]) -> AddOutcome:
        """Store a report, its original bytes and its events in one transaction.

        Adding a report whose SHA-256 is already stored changes nothing and returns ``DUPLICATE``.
        """
        ...

    def has_original(self, sha256: str) -> bool: ...

    def get_report(self, report_id: str) -> Report | None: ...

    def get_original(self, report_id: str) -> bytes | None:
        """The original bytes as ingested; their SHA-256 equals ``Report.sha256``."""
        ...

    def list_reports(
        self, flt: ReportFilter = ReportFilter(), limit: int = 50, offset: int = 0
    ) -> list[Report]: ...

    def count_reports(self, flt: ReportFilter = ReportFilter()) -> int: ...

    def get_event(self, event_id: str) -> Event | None: ...

    def list_events(
        self,
        flt: EventFilter = EventFilter(),
        limit: int = 50,
        offset: int = 0,
        *,
        order: EventOrder = EventOrder.NEWEST,
    ) -> list[Event]:
        """Events matching ``flt`` in ``order`` (see :class:`EventOrder`), ``limit`` from ``offset``.

        A page at any offset is read in the order of an index, never by sorting every match.
        """
        ...

    def count_events(self, flt: EventFilter = EventFilter()) -> int: ...

    def iter_events(
        self, flt: EventFilter = EventFilter(), *, order: EventOrder = EventOrder.NEWEST
    ) -> Iterator[Event]:
        """All events matching ``flt`` in ``order``, as ``list_events`` lists them, read in one snapshot
        (for exports)."""
        ...

    def events_for_report(self, report_id: str) -> list[Event]:
        """The report's events in the order they were added."""
        ...

    def stats(self) -> StoreStats: ...

    def event_points(self, flt: EventFilter = EventFilter()) -> list[EventPoint]:
        """Events matching ``flt`` grouped by place (see :class:`EventPoint`), most events first."""
        ...

    def event_month_counts(self, flt: EventFilter = EventFilter()) -> list[MonthCount]:
        """Events matching ``flt`` counted by month and type, in month order (undated first), then type."""
        ...

    def review_event(
        self, event_id: str, status: ReviewStatus, *, actor: str, note: str | None = None
    ) -> Event:
        """Set an event's review status (who, when, why) and record it in the history."""
        ...

    def update_event(self, event: Event, *, actor: str, action: str = "edited") -> None:
        """Replace a stored event (same id, same report) and record the change in the history."""
        ...

    def event_history(self, event_id: str) -> list[HistoryEntry]: ...

    def verify_history(self) -> int:
        """Check the history's hash chain; return the number of entries. Raises ``StoreError`` if broken."""
        ...

    def close(self) -> None: ...
