"""The one storage interface. SQLite is the default; PostgreSQL implements the same protocol later.

A store keeps reports (with their unchanged original bytes and SHA-256), their events, and a history of
every change. All writes go through one writer; a report and its events are stored in one transaction,
so a crash never leaves half a report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Protocol

from kirok.model import Event, EventType, Report, ReviewStatus

__all__ = ["AddOutcome", "EventFilter", "ReportFilter", "Store"]


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


@dataclass(frozen=True)
class ReportFilter:
    text: str | None = None  # full-text query over report text and title
    outlet: str | None = None
    published_from: date | None = None
    published_to: date | None = None
    ids: tuple[str, ...] = field(default_factory=tuple)


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

    def list_reports(self, flt: ReportFilter = ReportFilter(), limit: int = 50, offset: int = 0) -> list[Report]:
        ...

    def count_reports(self, flt: ReportFilter = ReportFilter()) -> int: ...

    def get_event(self, event_id: str) -> Event | None: ...

    def list_events(self, flt: EventFilter = EventFilter(), limit: int = 50, offset: int = 0) -> list[Event]:
        """Events matching ``flt``, newest report first, then by position in the report."""
        ...

    def count_events(self, flt: EventFilter = EventFilter()) -> int: ...

    def close(self) -> None: ...
