"""The SQLite store: one file, WAL mode, one writer, a pool of readers.

Filter columns of ``events`` serve the queries; the ``record`` column (the event's JSON without its
sensitive values) rebuilds the :class:`Event` exactly, and ``event_sensitive`` gives the names back.
"""

from __future__ import annotations

import json
import queue
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar

from kirok.errors import StoreError
from kirok.model import Event, EventType, Report, ReviewStatus
from kirok.store.base import (
    AddOutcome,
    EventFilter,
    EventOrder,
    EventPoint,
    HistoryEntry,
    MonthCount,
    ReportFilter,
    StoreStats,
)
from kirok.store.filters import event_order, event_where, fold, report_where
from kirok.store.migrate import migrate
from kirok.store.points import event_points
from kirok.store.sensitive import SensitiveBox, merge_sensitive
from kirok.store.writer import StoreWriter

__all__ = ["SQLiteStore"]

BUSY_TIMEOUT_MS = 10_000

_ALL_EVENTS = EventFilter()
_ALL_REPORTS = ReportFilter()

_REPORT_COLUMNS = (
    "r.id, r.sha256, r.text, r.title, r.outlet, r.url, r.published, r.language, r.media_type, r.origin,"
    " r.segments, r.ingested_at"
)
_EVENT_FROM = "FROM events e LEFT JOIN event_sensitive s ON s.event_id = e.id"
# A listing's columns: the sensitive values by a subquery rather than a join, so that SQLite looks them up
# only for the rows it returns, not for each row that OFFSET skips (which then cost one index entry each).
_LISTING_COLUMNS = "e.id, e.record, (SELECT s.ciphertext FROM event_sensitive s WHERE s.event_id = e.id)"
_REPORT_ORDER = "ORDER BY r.published IS NULL, r.published DESC, r.id"


class SQLiteStore:
    """A :class:`kirok.store.base.Store` in one SQLite file. Use as a context manager or call close()."""

    #: The writer class; tests subclass it to inject failures inside a transaction.
    writer_class: ClassVar[type[StoreWriter]] = StoreWriter

    def __init__(self, path: Path, *, key_file: Path) -> None:
        self.path = Path(path)
        self._origin = str(self.path)
        self._box = SensitiveBox.from_key_file(key_file)
        self._readers: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue()
        self._all_readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self._closed = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot create the database's folder: {error}", origin=self._origin) from error
        conn = self._connect()
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            migrate(conn, origin=self._origin)
        except sqlite3.DatabaseError as error:
            conn.close()
            raise self._not_a_database(error) from error
        except BaseException:
            conn.close()
            raise
        self._writer = self.writer_class(conn, self._box, origin=self._origin)

    # -- lifecycle ---------------------------------------------------------------------------------

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._writer.close()
        with self._readers_lock:
            for conn in self._all_readers:
                conn.close()
            self._all_readers.clear()

    def _connect(self, *, read_only: bool = False) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open the database: {error}", origin=self._origin) from error
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            if read_only:
                conn.execute("PRAGMA query_only = ON")
        except sqlite3.DatabaseError as error:
            conn.close()
            raise self._not_a_database(error) from error
        conn.create_function("kirok_fold", 1, fold, deterministic=True)
        return conn

    def _not_a_database(self, error: sqlite3.DatabaseError) -> StoreError:
        return StoreError(
            f"not a Kirok SQLite database, or a damaged one ({error}); check the path", origin=self._origin
        )

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        if self._closed:
            raise StoreError("the store is closed", origin=self._origin)
        try:
            conn = self._readers.get_nowait()
        except queue.Empty:
            conn = self._connect(read_only=True)
            with self._readers_lock:
                self._all_readers.append(conn)
        try:
            yield conn
        except sqlite3.Error as error:
            raise StoreError(f"read failed: {error}", origin=self._origin) from error
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            self._readers.put(conn)

    # -- writes ------------------------------------------------------------------------------------

    def add_report(self, report: Report, original: bytes, events: Sequence[Event]) -> AddOutcome:
        return self._writer.add_report(report, original, events)

    def update_event(self, event: Event, *, actor: str, action: str = "edited") -> None:
        self._writer.update_event(event, actor=actor, action=action)

    def review_event(
        self, event_id: str, status: ReviewStatus, *, actor: str, note: str | None = None
    ) -> Event:
        event = self.get_event(event_id)
        if event is None:
            raise StoreError(f"no event {event_id}", origin=self._origin)
        reviewed = event.model_copy(
            update={"status": status, "status_by": actor, "status_at": datetime.now(UTC), "status_note": note}
        )
        self._writer.update_event(reviewed, actor=actor, action=status.value)
        return reviewed

    def verify_history(self) -> int:
        return self._writer.verify_history()

    # -- reports -----------------------------------------------------------------------------------

    def has_original(self, sha256: str) -> bool:
        with self._reading() as conn:
            return conn.execute("SELECT 1 FROM reports WHERE sha256 = ?", (sha256,)).fetchone() is not None

    def get_report(self, report_id: str) -> Report | None:
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT {_REPORT_COLUMNS} FROM reports r WHERE r.id = ?", (report_id,)
            ).fetchone()
        return _report(row) if row else None

    def get_original(self, report_id: str) -> bytes | None:
        with self._reading() as conn:
            row = conn.execute("SELECT bytes FROM originals WHERE report_id = ?", (report_id,)).fetchone()
        return bytes(row[0]) if row else None

    def list_reports(
        self, flt: ReportFilter = _ALL_REPORTS, limit: int = 50, offset: int = 0
    ) -> list[Report]:
        where, params = report_where(flt)
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT {_REPORT_COLUMNS} FROM reports r {where} {_REPORT_ORDER} LIMIT ? OFFSET ?",
                (*params, *_page(limit, offset)),
            ).fetchall()
        return [_report(row) for row in rows]

    def count_reports(self, flt: ReportFilter = _ALL_REPORTS) -> int:
        where, params = report_where(flt)
        with self._reading() as conn:
            return int(conn.execute(f"SELECT count(*) FROM reports r {where}", params).fetchone()[0])

    # -- events ------------------------------------------------------------------------------------

    def get_event(self, event_id: str) -> Event | None:
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT e.id, e.record, s.ciphertext {_EVENT_FROM} WHERE e.id = ?", (event_id,)
            )
            found = row.fetchone()
        return self._event(found) if found else None

    def list_events(
        self,
        flt: EventFilter = _ALL_EVENTS,
        limit: int = 50,
        offset: int = 0,
        *,
        order: EventOrder = EventOrder.NEWEST,
    ) -> list[Event]:
        page = _page(limit, offset)
        with self._reading() as conn:
            sql, params = _listing(flt, order)
            rows = conn.execute(f"{sql} LIMIT ? OFFSET ?", (*params, *page))
            found = rows.fetchall()
        return [self._event(row) for row in found]

    def iter_events(
        self, flt: EventFilter = _ALL_EVENTS, *, order: EventOrder = EventOrder.NEWEST
    ) -> Iterator[Event]:
        with self._reading() as conn:
            conn.execute("BEGIN")  # one snapshot for the whole export
            cursor = conn.execute(*_listing(flt, order))
            while rows := cursor.fetchmany(500):
                for row in rows:
                    yield self._event(row)

    def count_events(self, flt: EventFilter = _ALL_EVENTS) -> int:
        where, params = event_where(flt)
        with self._reading() as conn:
            return int(conn.execute(f"SELECT count(*) FROM events e {where}", params).fetchone()[0])

    def events_for_report(self, report_id: str) -> list[Event]:
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT e.id, e.record, s.ciphertext {_EVENT_FROM}"
                " WHERE e.report_id = ? ORDER BY e.position",
                (report_id,),
            ).fetchall()
        return [self._event(row) for row in rows]

    def event_history(self, event_id: str) -> list[HistoryEntry]:
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT id, event_id, at, actor, action, before, after, prev_hash, hash FROM history"
                " WHERE event_id = ? ORDER BY id",
                (event_id,),
            ).fetchall()
        return [
            HistoryEntry(
                id=row[0],
                event_id=row[1],
                at=datetime.fromisoformat(row[2]),
                actor=row[3],
                action=row[4],
                before=json.loads(row[5]) if row[5] is not None else None,
                after=json.loads(row[6]) if row[6] is not None else None,
                prev_hash=row[7],
                hash=row[8],
            )
            for row in rows
        ]

    def stats(self) -> StoreStats:
        with self._reading() as conn:
            conn.execute("BEGIN")
            reports = int(conn.execute("SELECT count(*) FROM reports").fetchone()[0])
            # One pass over the index events_type, which leads with type, then status.
            pairs = conn.execute("SELECT type, status, count(*) FROM events GROUP BY type, status").fetchall()
        by_type: dict[str, int] = {}
        by_status: dict[str, int] = {}
        for type_, status, count in pairs:
            by_type[type_] = by_type.get(type_, 0) + int(count)
            by_status[status] = by_status.get(status, 0) + int(count)
        return StoreStats(
            reports=reports,
            events=sum(by_type.values()),
            events_by_type={t.value: int(by_type.get(t.value, 0)) for t in EventType},
            events_by_status={s.value: int(by_status.get(s.value, 0)) for s in ReviewStatus},
        )

    def event_points(self, flt: EventFilter = _ALL_EVENTS) -> list[EventPoint]:
        with self._reading() as conn:
            return event_points(conn, flt)

    def event_month_counts(self, flt: EventFilter = _ALL_EVENTS) -> list[MonthCount]:
        where, params = event_where(flt)
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT substr(e.date_earliest, 1, 7) AS month, e.type, count(*)"
                f" FROM events e INDEXED BY events_month {where}"
                " GROUP BY month, e.type ORDER BY month, e.type",
                params,
            ).fetchall()
        return [MonthCount(month=month, type=EventType(type_), count=int(n)) for month, type_, n in rows]

    def _event(self, row: tuple[str, str, bytes | None]) -> Event:
        event_id, record_text, ciphertext = row
        record: dict[str, Any] = json.loads(record_text)
        if ciphertext is not None:
            merge_sensitive(record, self._box.open(event_id, bytes(ciphertext)))
        return Event.model_validate(record)


def _listing(flt: EventFilter, order: EventOrder) -> tuple[str, list[object]]:
    """The SELECT of a listing in ``order`` (without LIMIT) and its parameters.

    It reads in order from that order's index, which holds every filter column, so a page costs at most
    one pass over that index and never a sort of all matches; one report's events (a handful) are found
    by their report and sorted instead."""
    where, params = event_where(flt)
    order_by, index = event_order(order)
    source = "events e" if flt.report_id is not None else f"events e INDEXED BY {index}"
    return f"SELECT {_LISTING_COLUMNS} FROM {source} {where} {order_by}", params


def _page(limit: int, offset: int) -> tuple[int, int]:
    if limit < 0 or offset < 0:
        raise StoreError(f"limit and offset must not be negative (got {limit}, {offset})")
    return limit, offset


def _report(row: tuple[Any, ...]) -> Report:
    (id_, sha256, text, title, outlet, url, published, language, media_type, origin, segments, ingested) = row
    return Report.model_validate(
        {
            "id": id_,
            "sha256": sha256,
            "text": text,
            "title": title,
            "outlet": outlet,
            "url": url,
            "published": published,
            "language": language,
            "media_type": media_type,
            "origin": origin,
            "segments": json.loads(segments),
            "ingested_at": ingested,
        }
    )
