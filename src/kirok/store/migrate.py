"""Numbered schema migrations: ``migrations/NNNN_name.sql``, applied in order, recorded once each.

Each migration runs in its own ``BEGIN IMMEDIATE`` transaction together with its row in
``schema_migrations``, so a crash leaves the database at the previous version, never in between.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

from kirok.errors import StoreError

__all__ = ["Migration", "applied_versions", "available_migrations", "migrate", "split_statements"]

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

_CREATE_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def available_migrations() -> list[Migration]:
    """The migrations shipped with this version of Kirok, in order."""
    found: list[Migration] = []
    for entry in (resources.files("kirok.store") / "migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(f"migrations are not numbered 1..{len(found)} without gaps: {versions}")
    return found


def split_statements(sql: str) -> list[str]:
    """Split a script into statements; triggers (``BEGIN ... END;``) stay whole."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            if _has_code(statement):
                statements.append(statement)
            buffer = ""
    if _has_code(buffer):
        raise StoreError(f"unterminated SQL statement in migration: {buffer.strip()[:80]!r}")
    return statements


def _has_code(sql: str) -> bool:
    return any(line.strip() and not line.strip().startswith("--") for line in sql.splitlines())


def applied_versions(conn: sqlite3.Connection) -> list[int]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if not exists:
        return []
    return [int(row[0]) for row in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]


def migrate(conn: sqlite3.Connection, *, origin: str) -> list[int]:
    """Apply the pending migrations to ``conn`` (in autocommit mode); return the versions applied.

    A database whose schema is newer than this code raises :class:`StoreError`: opening it could
    only misread it.
    """
    migrations = available_migrations()
    known = {m.version for m in migrations}
    applied: list[int] = []
    for migration in migrations:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(_CREATE_TABLE)
            done = set(applied_versions(conn))
            unknown = sorted(done - known)
            if unknown:
                raise StoreError(
                    f"the database has schema version {unknown[-1]}, newer than this Kirok knows "
                    f"(up to {max(known)}); upgrade Kirok to open it",
                    origin=origin,
                )
            if migration.version in done:
                conn.execute("COMMIT")
                continue
            for statement in split_statements(migration.sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, datetime.now(UTC).isoformat()),
            )
            conn.execute("COMMIT")
        except BaseException as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise StoreError(
                    f"migration {migration.version:04d}_{migration.name} failed: {error}", origin=origin
                ) from error
            raise
        applied.append(migration.version)
    return applied
