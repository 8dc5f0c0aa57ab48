"""Migrations: applied once, in order, recorded; the schema's CHECK lists match the model's enums."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from kirok.errors import StoreError
from kirok.model import EventType, ReviewStatus
from kirok.store.base import EventFilter, EventOrder
from kirok.store.migrate import applied_versions, available_migrations, split_statements
from kirok.store.sqlite import SQLiteStore

from .reference import fixed_plans, reference_event_ids


def _check_values(column: str) -> set[str]:
    sql = available_migrations()[0].sql
    match = re.search(rf"\b{column} TEXT NOT NULL CHECK \({column} IN \((.*?)\)\)", sql, re.DOTALL)
    assert match, f"no CHECK on {column}"
    return set(re.findall(r"'([a-z_]+)'", match.group(1)))


def test_event_type_check_lists_every_event_type() -> None:
    assert _check_values("type") == {t.value for t in EventType}


def test_status_check_lists_every_review_status() -> None:
    assert _check_values("status") == {s.value for s in ReviewStatus}


def test_the_database_refuses_a_type_outside_the_model(tmp_path: Path, key_file: Path) -> None:
    SQLiteStore(tmp_path / "k.db", key_file=key_file).close()
    conn = sqlite3.connect(tmp_path / "k.db")
    conn.execute(
        "INSERT INTO reports (id, sha256, text, language, media_type, ingested_at)"
        " VALUES ('r', ?, 't', 'en', 'text/plain', 'now')",
        ("a" * 64,),
    )
    for value in EventType:
        conn.execute("SAVEPOINT s")
        conn.execute(
            "INSERT INTO events (id, report_id, type, confidence, status, position, evidence_text, record)"
            " VALUES (?, 'r', ?, 0.5, 'suggested', 0, '', '{}')",
            (f"e-{value}", value.value),
        )
        conn.execute("ROLLBACK TO s")
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        conn.execute(
            "INSERT INTO events (id, report_id, type, confidence, status, position, evidence_text, record)"
            " VALUES ('e-x', 'r', 'riot', 0.5, 'suggested', 0, '', '{}')"
        )
    conn.close()


def test_migrations_are_numbered_from_one() -> None:
    versions = [m.version for m in available_migrations()]
    assert versions == list(range(1, len(versions) + 1))


def test_migrations_are_recorded_and_applied_once(tmp_path: Path, key_file: Path) -> None:
    path = tmp_path / "k.db"
    SQLiteStore(path, key_file=key_file).close()
    SQLiteStore(path, key_file=key_file).close()
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT version, name, applied_at FROM schema_migrations").fetchall()
    conn.close()
    assert [(v, n) for v, n, _ in rows] == [(m.version, m.name) for m in available_migrations()]
    assert all(at for _, _, at in rows)


def test_a_database_newer_than_the_code_is_refused(tmp_path: Path, key_file: Path) -> None:
    path = tmp_path / "k.db"
    SQLiteStore(path, key_file=key_file).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', '2100-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="schema version 999, newer") as caught:
        SQLiteStore(path, key_file=key_file)
    assert caught.value.origin == str(path)


def test_a_file_that_is_not_a_database_is_refused_by_name(tmp_path: Path, key_file: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are plain notes, not a database\n" * 200)
    with pytest.raises(StoreError) as caught:
        SQLiteStore(path, key_file=key_file)
    assert "notes.db" in str(caught.value)
    assert "not a Kirok SQLite database" in str(caught.value)


def test_split_statements_keeps_triggers_whole() -> None:
    sql = """
    -- a comment
    CREATE TABLE t (a);
    CREATE TRIGGER tr AFTER INSERT ON t
    BEGIN
        SELECT 1;
        SELECT 2;
    END;
    """
    statements = split_statements(sql)
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")


def test_split_statements_refuses_an_unterminated_statement() -> None:
    with pytest.raises(StoreError, match="unterminated"):
        split_statements("CREATE TABLE t (a)")


def test_applied_versions_of_an_empty_database_is_empty() -> None:
    assert applied_versions(sqlite3.connect(":memory:")) == []


def _database_at_version(path: Path, version: int) -> None:
    """A database with the migrations up to ``version`` applied, as an older Kirok left it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
    for migration in available_migrations()[:version]:
        for statement in split_statements(migration.sql):
            conn.execute(statement)
        conn.execute(
            "INSERT INTO schema_migrations VALUES (?, ?, '2024-01-01')", (migration.version, migration.name)
        )
    conn.close()


def test_migration_4_fills_the_list_keys_of_stored_events(tmp_path: Path, key_file: Path) -> None:
    plans = fixed_plans()
    new_path, old_path = tmp_path / "new.db", tmp_path / "old.db"
    with SQLiteStore(new_path, key_file=key_file) as new:
        for plan in plans:
            new.add_report(plan.report, plan.original, plan.events)
    _database_at_version(old_path, 3)  # the same reports and events, as version 3 stored them
    conn = sqlite3.connect(old_path, isolation_level=None)
    conn.execute("ATTACH DATABASE ? AS new", (str(new_path),))
    for table in ("reports", "originals", "event_sensitive", "history"):
        conn.execute(f"INSERT INTO main.{table} SELECT * FROM new.{table}")
    columns = ", ".join(row[1] for row in conn.execute("PRAGMA main.table_info(events)"))
    conn.execute(f"INSERT INTO main.events ({columns}) SELECT {columns} FROM new.events ORDER BY pk")
    conn.close()

    with SQLiteStore(old_path, key_file=key_file) as old, SQLiteStore(new_path, key_file=key_file) as new:
        for flt in [EventFilter(), EventFilter(place="ryanggang"), EventFilter(place="city", text="river")]:
            assert old.list_events(flt, limit=1000) == new.list_events(flt, limit=1000)
            assert old.count_events(flt) == new.count_events(flt) > 0
    stored = sqlite3.connect(old_path)
    versions = applied_versions(stored)
    keys = stored.execute(
        "SELECT e.report_pk = r.pk, e.report_published IS r.published, p.name IS e.place_name,"
        " p.gazetteer_id IS e.place_gazetteer_id, p.admin_path = e.place_admin_path"
        " FROM events e JOIN reports r ON r.id = e.report_id JOIN event_places p ON p.id = e.place_ref"
    ).fetchall()
    stored.close()
    assert versions == [m.version for m in available_migrations()]
    assert len(keys) == sum(len(plan.events) for plan in plans)
    assert set(keys) == {(1, 1, 1, 1, 1)}


def test_migration_4_on_an_empty_database(tmp_path: Path, key_file: Path) -> None:
    path = tmp_path / "k.db"
    _database_at_version(path, 3)
    with SQLiteStore(path, key_file=key_file) as store:
        assert store.count_events(EventFilter(place="hyesan")) == 0
        assert store.list_events(EventFilter(text="river")) == []
    conn = sqlite3.connect(path)
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    conn.close()
    assert {"events_order", "events_place", "events_report_pk", "events_map", "events_month"} <= names


def _indexes(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    conn.close()
    return names


def test_migration_5_orders_the_events_of_a_version_4_database(tmp_path: Path, key_file: Path) -> None:
    plans = fixed_plans()
    new_path, old_path = tmp_path / "new.db", tmp_path / "old.db"
    with SQLiteStore(new_path, key_file=key_file) as new:
        for plan in plans:
            new.add_report(plan.report, plan.original, plan.events)
    _database_at_version(old_path, 4)  # the same reports and events, as version 4 stored them
    assert not {"events_oldest", "events_confidence"} & _indexes(old_path)
    conn = sqlite3.connect(old_path, isolation_level=None)
    conn.execute("ATTACH DATABASE ? AS new", (str(new_path),))
    for table in ("reports", "originals", "event_places", "events", "event_sensitive", "history"):
        columns = ", ".join(row[1] for row in conn.execute(f"PRAGMA main.table_info({table})"))
        conn.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM new.{table} ORDER BY rowid")
    conn.close()

    with SQLiteStore(old_path, key_file=key_file) as old, SQLiteStore(new_path, key_file=key_file) as new:
        for order in EventOrder:
            for flt in [EventFilter(), EventFilter(statuses=(ReviewStatus.SUGGESTED,), place="ryanggang")]:
                listed = old.list_events(flt, limit=1000, order=order)
                assert [e.id for e in listed] == reference_event_ids(old_path, flt, order)
                assert listed == new.list_events(flt, limit=1000, order=order) != []
                assert old.list_events(flt, limit=3, offset=2, order=order) == listed[2:5]
    stored = sqlite3.connect(old_path)
    versions = applied_versions(stored)
    stored.close()
    assert versions == [m.version for m in available_migrations()] and versions[:5] == [1, 2, 3, 4, 5]
    assert {"events_order", "events_oldest", "events_confidence"} <= _indexes(old_path)
