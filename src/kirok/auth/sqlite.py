"""Accounts, sessions and login attempts in the store's SQLite file (tables of migration 0002).

One connection, one lock: account traffic is light, and the store's own writer uses other connections
to the same file (WAL mode; a busy timeout covers the rare overlap).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from kirok.auth.accounts import Account, LoginAttempt, SessionRecord
from kirok.auth.errors import AccountError
from kirok.auth.roles import Role
from kirok.errors import StoreError
from kirok.store.migrate import migrate

__all__ = ["SQLiteAccounts"]

BUSY_TIMEOUT_MS = 10_000


def _iso(at: datetime) -> str:
    if at.tzinfo is None:
        raise ValueError("account times must be timezone-aware")
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _account(row: tuple[str, str, str, str]) -> Account:
    return Account(row[0], Role(row[1]), _when(row[2]), _when(row[3]))


_ACCOUNT_COLUMNS = "username, role, created_at, password_changed_at"


class SQLiteAccounts:
    """A :class:`kirok.auth.accounts.Accounts` in the SQLite file at ``path`` (migrated on opening)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._origin = str(self.path)
        self._lock = threading.Lock()
        self._closed = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(f"cannot open the database: {error}", origin=self._origin) from error
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            migrate(conn, origin=self._origin)
        except sqlite3.DatabaseError as error:
            conn.close()
            raise StoreError(
                f"not a Kirok SQLite database, or a damaged one ({error}); check the path",
                origin=self._origin,
            ) from error
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    def __enter__(self) -> SQLiteAccounts:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._conn.close()

    @contextmanager
    def _using(self, *, write: bool = False) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._closed:
                raise StoreError("the accounts database is closed", origin=self._origin)
            try:
                if write:
                    self._conn.execute("BEGIN IMMEDIATE")
                yield self._conn
                if write:
                    self._conn.execute("COMMIT")
            except BaseException as error:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if isinstance(error, sqlite3.Error):
                    raise StoreError(f"accounts: {error}", origin=self._origin) from error
                raise

    # -- accounts ----------------------------------------------------------------------------------

    def add_account(self, account: Account, password_hash: str) -> None:
        try:
            with self._using(write=True) as conn:
                conn.execute(
                    f"INSERT INTO accounts ({_ACCOUNT_COLUMNS}, password_hash) VALUES (?, ?, ?, ?, ?)",
                    (
                        account.username,
                        account.role.value,
                        _iso(account.created_at),
                        _iso(account.password_changed_at),
                        password_hash,
                    ),
                )
        except StoreError as error:
            if isinstance(error.__cause__, sqlite3.IntegrityError) and "UNIQUE" in str(error.__cause__):
                raise AccountError(f"there is already an account named {account.username!r}") from None
            raise

    def get_account(self, username: str) -> Account | None:
        with self._using() as conn:
            row = conn.execute(
                f"SELECT {_ACCOUNT_COLUMNS} FROM accounts WHERE username = ?", (username,)
            ).fetchone()
        return _account(row) if row else None

    def list_accounts(self) -> list[Account]:
        with self._using() as conn:
            rows = conn.execute(f"SELECT {_ACCOUNT_COLUMNS} FROM accounts ORDER BY username").fetchall()
        return [_account(row) for row in rows]

    def count_accounts(self, role: Role | None = None) -> int:
        with self._using() as conn:
            if role is None:
                return int(conn.execute("SELECT count(*) FROM accounts").fetchone()[0])
            return int(
                conn.execute("SELECT count(*) FROM accounts WHERE role = ?", (role.value,)).fetchone()[0]
            )

    def password_hash(self, username: str) -> str | None:
        with self._using() as conn:
            row = conn.execute(
                "SELECT password_hash FROM accounts WHERE username = ?", (username,)
            ).fetchone()
        return str(row[0]) if row else None

    def set_password_hash(self, username: str, password_hash: str, *, changed_at: datetime | None) -> bool:
        with self._using(write=True) as conn:
            if changed_at is None:
                cursor = conn.execute(
                    "UPDATE accounts SET password_hash = ? WHERE username = ?", (password_hash, username)
                )
            else:
                cursor = conn.execute(
                    "UPDATE accounts SET password_hash = ?, password_changed_at = ? WHERE username = ?",
                    (password_hash, _iso(changed_at), username),
                )
            return cursor.rowcount == 1

    def remove_account(self, username: str) -> bool:
        with self._using(write=True) as conn:
            conn.execute("DELETE FROM sessions WHERE username = ?", (username,))
            return conn.execute("DELETE FROM accounts WHERE username = ?", (username,)).rowcount == 1

    # -- sessions ----------------------------------------------------------------------------------

    def add_session(self, session: SessionRecord) -> None:
        with self._using(write=True) as conn:
            conn.execute(
                "INSERT INTO sessions (token_sha256, username, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
                (
                    session.token_sha256,
                    session.username,
                    _iso(session.created_at),
                    _iso(session.last_seen_at),
                ),
            )

    def get_session(self, token_sha256: str) -> SessionRecord | None:
        with self._using() as conn:
            row = conn.execute(
                "SELECT token_sha256, username, created_at, last_seen_at FROM sessions"
                " WHERE token_sha256 = ?",
                (token_sha256,),
            ).fetchone()
        return SessionRecord(row[0], row[1], _when(row[2]), _when(row[3])) if row else None

    def touch_session(self, token_sha256: str, at: datetime) -> None:
        with self._using(write=True) as conn:
            conn.execute(
                "UPDATE sessions SET last_seen_at = ? WHERE token_sha256 = ?", (_iso(at), token_sha256)
            )

    def remove_session(self, token_sha256: str) -> bool:
        with self._using(write=True) as conn:
            return conn.execute("DELETE FROM sessions WHERE token_sha256 = ?", (token_sha256,)).rowcount == 1

    def remove_sessions(self, username: str) -> int:
        with self._using(write=True) as conn:
            return int(conn.execute("DELETE FROM sessions WHERE username = ?", (username,)).rowcount)

    def remove_stale_sessions(self, *, seen_before: datetime, created_before: datetime) -> int:
        with self._using(write=True) as conn:
            cursor = conn.execute(
                "DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?",
                (_iso(seen_before), _iso(created_before)),
            )
            return int(cursor.rowcount)

    def count_sessions(self, username: str) -> int:
        with self._using() as conn:
            return int(
                conn.execute("SELECT count(*) FROM sessions WHERE username = ?", (username,)).fetchone()[0]
            )

    # -- login attempts ----------------------------------------------------------------------------

    def add_login_attempt(self, attempt: LoginAttempt) -> None:
        with self._using(write=True) as conn:
            conn.execute(
                "INSERT INTO login_attempts (at, username, address, ok) VALUES (?, ?, ?, ?)",
                (_iso(attempt.at), attempt.username, attempt.address, int(attempt.ok)),
            )

    def failed_logins(
        self, *, since: datetime, username: str | None = None, address: str | None = None
    ) -> list[datetime]:
        if (username is None) == (address is None):
            raise ValueError("give exactly one of username and address")
        with self._using() as conn:
            if username is not None:
                rows = conn.execute(
                    "SELECT at FROM login_attempts WHERE username = ? AND ok = 0 AND at >= ?"
                    " AND at > coalesce("
                    "(SELECT max(at) FROM login_attempts WHERE username = ? AND ok = 1), '')"
                    " ORDER BY at",
                    (username, _iso(since), username),
                ).fetchall()
            else:
                rows = conn.execute(
                    "SELECT at FROM login_attempts WHERE address = ? AND ok = 0 AND at >= ? ORDER BY at",
                    (address, _iso(since)),
                ).fetchall()
        return [_when(row[0]) for row in rows]

    def remove_login_attempts(self, *, before: datetime) -> int:
        with self._using(write=True) as conn:
            return int(conn.execute("DELETE FROM login_attempts WHERE at < ?", (_iso(before),)).rowcount)
