"""SQLiteAccounts against a real file: accounts, sessions, attempts, and what is (not) stored."""

from __future__ import annotations

import re
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from kirok.auth.accounts import Account, LoginAttempt, SessionRecord
from kirok.auth.errors import AccountError
from kirok.auth.roles import Role
from kirok.auth.sqlite import SQLiteAccounts
from kirok.errors import StoreError
from kirok.store.migrate import available_migrations
from kirok.store.sqlite import SQLiteStore

from .clock import START

HASH = "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"


def account(name: str, role: Role = Role.EDITOR) -> Account:
    return Account(name, role, START, START)


def test_the_role_check_in_the_migration_lists_every_role() -> None:
    sql = next(m.sql for m in available_migrations() if m.name == "accounts")
    listed = re.search(r"role IN \(([^)]*)\)", sql)
    assert listed is not None
    assert [v.strip().strip("'") for v in listed.group(1).split(",")] == [r.value for r in Role]


def test_accounts_live_in_the_store_file_beside_the_store(tmp_path: Path) -> None:
    path = tmp_path / "kirok.db"
    with SQLiteStore(path, key_file=tmp_path / "secret.key") as store, SQLiteAccounts(path) as accounts:
        accounts.add_account(account("editor-one"), HASH)
        assert store.count_reports() == 0
    with SQLiteAccounts(path) as again:
        assert again.get_account("editor-one") == account("editor-one")


def test_add_get_list_count(accounts: SQLiteAccounts) -> None:
    accounts.add_account(account("viewer-one", Role.VIEWER), HASH)
    accounts.add_account(account("admin-one", Role.ADMIN), HASH)
    assert accounts.get_account("viewer-one") == account("viewer-one", Role.VIEWER)
    assert accounts.get_account("nobody") is None
    assert [a.username for a in accounts.list_accounts()] == ["admin-one", "viewer-one"]
    assert (accounts.count_accounts(), accounts.count_accounts(Role.ADMIN)) == (2, 1)
    assert accounts.password_hash("viewer-one") == HASH and accounts.password_hash("nobody") is None


def test_a_taken_name_is_refused_and_nothing_changes(accounts: SQLiteAccounts) -> None:
    accounts.add_account(account("editor-one"), HASH)
    with pytest.raises(AccountError, match="already an account named 'editor-one'"):
        accounts.add_account(account("editor-one", Role.ADMIN), HASH.replace("aGFz", "b3Ro"))
    assert (
        accounts.get_account("editor-one") == account("editor-one")
        and accounts.password_hash("editor-one") == HASH
    )


@pytest.mark.parametrize(
    ("name", "role", "password_hash"),
    [
        ("x" * 65, "editor", HASH),
        ("ok-name", "superuser", HASH),
        ("ok-name", "editor", "plain text password"),
    ],
)
def test_the_schema_refuses_what_the_code_would_never_write(
    db: Path, name: str, role: str, password_hash: str
) -> None:
    SQLiteAccounts(db).close()
    conn = sqlite3.connect(db)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO accounts VALUES (?, ?, ?, '2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00')",
            (name, role, password_hash),
        )
    conn.close()


def test_set_password_hash_keeps_or_moves_the_change_date(accounts: SQLiteAccounts) -> None:
    accounts.add_account(account("editor-one"), HASH)
    other = HASH.replace("aGFz", "b3Ro")
    assert accounts.set_password_hash("editor-one", other, changed_at=None)
    found = accounts.get_account("editor-one")
    assert (
        found is not None
        and found.password_changed_at == START
        and accounts.password_hash("editor-one") == other
    )
    assert accounts.set_password_hash("editor-one", HASH, changed_at=START + timedelta(days=1))
    found = accounts.get_account("editor-one")
    assert found is not None and found.password_changed_at == START + timedelta(days=1)
    assert not accounts.set_password_hash("nobody", HASH, changed_at=START)


def session(digest: str, name: str, created_ago: float = 0, seen_ago: float = 0) -> SessionRecord:
    return SessionRecord(
        digest * 64, name, START - timedelta(hours=created_ago), START - timedelta(hours=seen_ago)
    )


def test_sessions_are_stored_touched_and_removed(accounts: SQLiteAccounts) -> None:
    accounts.add_account(account("editor-one"), HASH)
    accounts.add_session(session("a", "editor-one"))
    accounts.add_session(session("b", "editor-one"))
    assert accounts.get_session("a" * 64) == session("a", "editor-one")
    accounts.touch_session("a" * 64, START + timedelta(minutes=5))
    touched = accounts.get_session("a" * 64)
    assert touched is not None and touched.last_seen_at == START + timedelta(minutes=5)
    assert accounts.count_sessions("editor-one") == 2
    assert accounts.remove_session("a" * 64) and not accounts.remove_session("a" * 64)
    assert accounts.remove_sessions("editor-one") == 1 and accounts.get_session("b" * 64) is None


def test_removing_an_account_removes_its_sessions(accounts: SQLiteAccounts) -> None:
    accounts.add_account(account("editor-one"), HASH)
    accounts.add_session(session("a", "editor-one"))
    assert accounts.remove_account("editor-one") and not accounts.remove_account("editor-one")
    assert accounts.get_session("a" * 64) is None


def test_a_session_needs_an_account(accounts: SQLiteAccounts) -> None:
    with pytest.raises(StoreError, match="FOREIGN KEY"):
        accounts.add_session(session("a", "nobody"))


def test_stale_sessions_are_removed(accounts: SQLiteAccounts) -> None:
    accounts.add_account(account("editor-one"), HASH)
    accounts.add_session(session("a", "editor-one", created_ago=1, seen_ago=0))
    accounts.add_session(session("b", "editor-one", created_ago=5, seen_ago=3))  # idle too long
    accounts.add_session(session("c", "editor-one", created_ago=13, seen_ago=0))  # too old
    removed = accounts.remove_stale_sessions(
        seen_before=START - timedelta(hours=2), created_before=START - timedelta(hours=12)
    )
    assert removed == 2 and accounts.get_session("a" * 64) is not None


def test_failed_logins_per_username_restart_after_a_success(accounts: SQLiteAccounts) -> None:
    def attempt(minutes: float, ok: bool, name: str = "editor-one", address: str = "10.0.0.1") -> None:
        accounts.add_login_attempt(LoginAttempt(START + timedelta(minutes=minutes), name, address, ok))

    attempt(1, False)
    attempt(2, False)
    attempt(3, True)
    attempt(4, False)
    attempt(5, False, name="viewer-one", address="10.0.0.2")
    since = START
    assert accounts.failed_logins(since=since, username="editor-one") == [START + timedelta(minutes=4)]
    assert len(accounts.failed_logins(since=since, address="10.0.0.1")) == 3
    assert accounts.failed_logins(since=START + timedelta(minutes=2), address="10.0.0.1") == [
        START + timedelta(minutes=2),
        START + timedelta(minutes=4),
    ]
    assert accounts.remove_login_attempts(before=START + timedelta(minutes=3)) == 2
    assert len(accounts.failed_logins(since=since, address="10.0.0.1")) == 1
    with pytest.raises(ValueError, match="exactly one"):
        accounts.failed_logins(since=since)


def test_naive_times_are_refused(accounts: SQLiteAccounts) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        accounts.add_login_attempt(LoginAttempt(START.replace(tzinfo=None), "x", "y", False))


def test_a_closed_store_says_so(db: Path) -> None:
    accounts = SQLiteAccounts(db)
    accounts.close()
    accounts.close()
    with pytest.raises(StoreError, match="closed"):
        accounts.list_accounts()


def test_a_file_that_is_not_a_database_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are not the bytes of a database" * 100)
    with pytest.raises(StoreError, match="not a Kirok SQLite database") as caught:
        SQLiteAccounts(path)
    assert str(path) in str(caught.value)
