"""Storage: one :class:`Store` interface; SQLite by default."""

from __future__ import annotations

from kirok.settings import Settings
from kirok.store.base import (
    AddOutcome,
    EventFilter,
    EventOrder,
    EventPoint,
    HistoryEntry,
    MonthCount,
    ReportFilter,
    Store,
    StoreStats,
)
from kirok.store.sqlite import SQLiteStore

__all__ = [
    "AddOutcome",
    "EventFilter",
    "EventOrder",
    "EventPoint",
    "HistoryEntry",
    "MonthCount",
    "ReportFilter",
    "SQLiteStore",
    "Store",
    "StoreStats",
    "open_store",
]


def open_store(settings: Settings) -> SQLiteStore:
    """The store named by ``settings.db_path``, its sensitive fields keyed by ``settings.key_file``."""
    return SQLiteStore(settings.db_path, key_file=settings.key_file)
