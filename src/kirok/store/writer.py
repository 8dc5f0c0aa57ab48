"""The one writer of a SQLite store: one connection, one lock, one transaction per change.

Every change to an event also appends a row to ``history``, whose ``hash`` chains to the row before,
so a row edited or removed behind Kirok's back shows up in :meth:`StoreWriter.verify_history`.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from kirok.errors import StoreError
from kirok.model import Event, Report
from kirok.store.base import AddOutcome
from kirok.store.sensitive import SensitiveBox, split_sensitive

__all__ = ["GENESIS_HASH", "StoreWriter", "history_hash"]

#: ``prev_hash`` of the first history row.
GENESIS_HASH = "0" * 64


def history_hash(
    prev_hash: str, event_id: str, at: str, actor: str, action: str, before: str | None, after: str | None
) -> str:
    """The hash of one history row, chained to the row before it."""
    material = json.dumps([prev_hash, event_id, at, actor, action, before, after], ensure_ascii=False)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class StoreWriter:
    """Owns the write connection. Safe to call from several threads: writes are serialised by a lock."""

    def __init__(self, conn: sqlite3.Connection, box: SensitiveBox, *, origin: str) -> None:
        self._conn = conn
        self._box = box
        self._origin = origin
        self._lock = threading.Lock()

    def close(self) -> None:
        """Close the write connection once the write in progress (if any) is done."""
        with self._lock:
            self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT``; any exception rolls everything back."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise StoreError(f"cannot start a write: {error}", origin=self._origin) from error
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException as error:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if isinstance(error, sqlite3.Error):
                    raise StoreError(
                        f"write failed, nothing was stored: {error}", origin=self._origin
                    ) from error
                raise

    def add_report(self, report: Report, original: bytes, events: Sequence[Event]) -> AddOutcome:
        if hashlib.sha256(original).hexdigest() != report.sha256:
            raise StoreError(
                f"report {report.id}: the SHA-256 of the original bytes does not match report.sha256",
                origin=report.origin,
            )
        for event in events:
            if event.report_id != report.id:
                raise StoreError(
                    f"event {event.id} belongs to report {event.report_id}, not {report.id}",
                    origin=report.origin,
                )
        if report.ingested_at is None:
            report = report.model_copy(update={"ingested_at": datetime.now(UTC)})
        prepared = [self._prepare(event) for event in events]
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM reports WHERE sha256 = ?", (report.sha256,)).fetchone():
                return AddOutcome.DUPLICATE
            report_pk = self._insert_report(conn, report, original)
            self._after_report_insert(conn, report)
            at = datetime.now(UTC).isoformat()
            report_columns = {
                "report_pk": report_pk,
                "report_published": report.published.isoformat() if report.published else None,
            }
            for position, (event, record, sealed) in enumerate(prepared):
                self._insert_event(conn, event, record, sealed, {"position": position, **report_columns})
                self._append_history(conn, event.id, at, "machine", "suggested", None, record)
        return AddOutcome.ADDED

    def update_event(self, event: Event, *, actor: str, action: str) -> None:
        """Replace a stored event by ``event`` (same id) and record the change in the history."""
        _, record, sealed = self._prepare(event)
        with self.transaction() as conn:
            row = conn.execute("SELECT record, report_id FROM events WHERE id = ?", (event.id,)).fetchone()
            if row is None:
                raise StoreError(f"no event {event.id} to update", origin=self._origin)
            if row[1] != event.report_id:
                raise StoreError(f"event {event.id} cannot move to another report", origin=self._origin)
            columns = _event_columns(conn, event, record)
            conn.execute(
                f"UPDATE events SET {', '.join(f'{name} = ?' for name in columns)} WHERE id = ?",
                (*columns.values(), event.id),
            )
            conn.execute("DELETE FROM event_sensitive WHERE event_id = ?", (event.id,))
            if sealed is not None:
                conn.execute(
                    "INSERT INTO event_sensitive (event_id, ciphertext) VALUES (?, ?)", (event.id, sealed)
                )
            before = json.loads(row[0])
            self._append_history(conn, event.id, datetime.now(UTC).isoformat(), actor, action, before, record)

    def verify_history(self) -> int:
        """Check the hash chain of the whole history; return the number of rows checked.

        Raises :class:`StoreError` naming the first row that does not fit.
        """
        with self._lock:
            rows = self._conn.execute(
                "SELECT id, event_id, at, actor, action, before, after, prev_hash, hash"
                " FROM history ORDER BY id"
            ).fetchall()
        prev = GENESIS_HASH
        for row_id, event_id, at, actor, action, before, after, prev_hash, stored in rows:
            if prev_hash != prev or history_hash(prev, event_id, at, actor, action, before, after) != stored:
                raise StoreError(
                    f"history row {row_id} was changed or a row before it removed", origin=self._origin
                )
            prev = stored
        return len(rows)

    def _after_report_insert(self, conn: sqlite3.Connection, report: Report) -> None:
        """Called inside the transaction between the report and its events (a seam for crash tests)."""

    def _prepare(self, event: Event) -> tuple[Event, dict[str, Any], bytes | None]:
        record, sensitive = split_sensitive(event)
        sealed = self._box.seal(event.id, sensitive) if sensitive is not None else None
        return event, record, sealed

    def _insert_report(self, conn: sqlite3.Connection, report: Report, original: bytes) -> int:
        """Insert the report and its original bytes; return the report's ``pk``."""
        cursor = conn.execute(
            "INSERT INTO reports (id, sha256, text, title, outlet, url, published, language, media_type,"
            " origin, segments, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                report.id,
                report.sha256,
                report.text,
                report.title,
                report.outlet,
                report.url,
                report.published.isoformat() if report.published else None,
                report.language,
                report.media_type,
                report.origin,
                _dumps([[start, end, role.value] for start, end, role in report.segments]),
                report.ingested_at.isoformat() if report.ingested_at else None,
            ),
        )
        conn.execute("INSERT INTO originals (report_id, bytes) VALUES (?, ?)", (report.id, original))
        if cursor.lastrowid is None:
            raise StoreError(f"report {report.id}: SQLite gave no row id", origin=self._origin)
        return cursor.lastrowid

    def _insert_event(
        self,
        conn: sqlite3.Connection,
        event: Event,
        record: dict[str, Any],
        sealed: bytes | None,
        report_columns: dict[str, object],
    ) -> None:
        """Insert an event; ``report_columns`` are its position and the copies of its report's columns."""
        columns = {"id": event.id, "report_id": event.report_id, **report_columns}
        columns.update(_event_columns(conn, event, record))
        names = ", ".join(columns)
        conn.execute(
            f"INSERT INTO events ({names}) VALUES ({', '.join('?' * len(columns))})", tuple(columns.values())
        )
        if sealed is not None:
            conn.execute(
                "INSERT INTO event_sensitive (event_id, ciphertext) VALUES (?, ?)", (event.id, sealed)
            )

    def _append_history(
        self,
        conn: sqlite3.Connection,
        event_id: str,
        at: str,
        actor: str,
        action: str,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> None:
        row = conn.execute("SELECT hash FROM history ORDER BY id DESC LIMIT 1").fetchone()
        prev = row[0] if row else GENESIS_HASH
        before_text = _dumps(before) if before is not None else None
        after_text = _dumps(after) if after is not None else None
        conn.execute(
            "INSERT INTO history (event_id, at, actor, action, before, after, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event_id,
                at,
                actor,
                action,
                before_text,
                after_text,
                prev,
                history_hash(prev, event_id, at, actor, action, before_text, after_text),
            ),
        )


def _place_ref(conn: sqlite3.Connection, name: str | None, gazetteer_id: str | None, admin_path: str) -> int:
    """The id of the place's row in ``event_places`` (migration 0004), added if it is new."""
    conn.execute(
        "INSERT OR IGNORE INTO event_places (key, name, gazetteer_id, admin_path)"
        " VALUES (json_array(?1, ?2, ?3), ?1, ?2, ?3)",
        (name, gazetteer_id, admin_path),
    )
    row = conn.execute(
        "SELECT id FROM event_places WHERE key = json_array(?, ?, ?)", (name, gazetteer_id, admin_path)
    ).fetchone()
    return int(row[0])


def _event_columns(conn: sqlite3.Connection, event: Event, record: dict[str, Any]) -> dict[str, object]:
    """The filter columns of an event, and its clear JSON record."""
    window, place = event.date, event.place
    name = place.name if place else None
    gazetteer_id = place.gazetteer_id if place else None
    admin_path = _dumps(list(place.admin_path) if place else [])
    return {
        "type": event.type.value,
        "date_earliest": window.earliest.isoformat() if window and window.earliest else None,
        "date_latest": window.latest.isoformat() if window and window.latest else None,
        "date_precision": window.precision.value if window else None,
        "place_name": name,
        "place_gazetteer_id": gazetteer_id,
        "place_admin_path": admin_path,
        "place_ref": _place_ref(conn, name, gazetteer_id, admin_path),
        "place_lat": place.latitude if place else None,
        "place_lon": place.longitude if place else None,
        "place_precision": place.precision.value if place else None,
        "confidence": event.confidence,
        "status": event.status.value,
        "evidence_text": "\n".join(span.text for span in event.evidence),
        "record": _dumps(record),
    }
