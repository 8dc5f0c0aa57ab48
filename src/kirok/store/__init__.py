"""Storage: one :class:`Store` interface; SQLite by default."""

from __future__ import annotations

from kirok.store.base import AddOutcome, EventFilter, ReportFilter, Store

__all__ = ["AddOutcome", "EventFilter", "ReportFilter", "Store"]
