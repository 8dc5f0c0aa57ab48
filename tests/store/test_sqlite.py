"""SQLiteStore: one transaction per report, duplicates, originals, sensitive names, history."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest

from kirok.errors import StoreError
from kirok.model import Event, EventType, Report, ReviewStatus, Victim
from kirok.settings import Settings
from kirok.store import AddOutcome, EventFilter, open_store
from kirok.store.sqlite import SQLiteStore
from kirok.store.writer import StoreWriter

from .builders import HYESAN, make_event, make_report

TEXT = "Police arrested three traders in Hyesan. A woman was beaten during questioning."
NAME = "Cheon Ogyeol"  # invented


def _report_with_events() -> tuple[Report, bytes, list[Event]]:
    report, original = make_report(TEXT)
    events = [
        make_event(report, "arrested three traders", place=HYESAN, victims=(Victim(count=3),)),
        make_event(report, "was beaten", EventType.ILL_TREATMENT, victims=(Victim(count=1, name=NAME),)),
    ]
    return report, original, events


def _table_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    tables = ["reports", "originals", "events", "event_sensitive", "history", "reports_fts", "events_fts"]
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    conn.close()
    return counts


def test_a_report_and_its_events_come_back(store: SQLiteStore) -> None:
    report, original, events = _report_with_events()
    assert store.add_report(report, original, events) is AddOutcome.ADDED
    assert store.get_report(report.id) == report
    assert store.events_for_report(report.id) == events
    assert store.get_event(events[1].id) == events[1]
    assert store.get_event(events[1].id).victims[0].name == NAME  # type: ignore[union-attr]
    assert store.get_event("e-missing") is None and store.get_report("r-missing") is None


def test_the_original_bytes_hash_to_the_report_sha256(store: SQLiteStore) -> None:
    report, original, events = _report_with_events()
    store.add_report(report, original, events)
    stored = store.get_original(report.id)
    assert stored is not None and hashlib.sha256(stored).hexdigest() == report.sha256
    assert store.has_original(report.sha256) and not store.has_original("0" * 64)
    assert store.get_original("r-missing") is None


def test_ingested_at_is_set_when_missing(store: SQLiteStore) -> None:
    report, original = make_report("A lecture was held.")
    store.add_report(report.model_copy(update={"ingested_at": None}), original, [])
    stored = store.get_report(report.id)
    assert stored is not None and stored.ingested_at is not None and stored.ingested_at.tzinfo is not None


def test_a_duplicate_changes_nothing(store: SQLiteStore) -> None:
    report, original, events = _report_with_events()
    store.add_report(report, original, events)
    before = _table_counts(store.path)
    again = report.model_copy(update={"title": "Another title"})
    assert store.add_report(again, original, events[:1]) is AddOutcome.DUPLICATE
    assert _table_counts(store.path) == before
    assert store.get_report(report.id) == report


def test_original_bytes_that_do_not_match_the_hash_are_refused(store: SQLiteStore) -> None:
    report, original, events = _report_with_events()
    with pytest.raises(StoreError, match="SHA-256"):
        store.add_report(report, original + b"x", events)
    assert store.count_reports() == 0


def test_an_event_of_another_report_is_refused(store: SQLiteStore) -> None:
    report, original, events = _report_with_events()
    other, _ = make_report("Something else was arrested.")
    with pytest.raises(StoreError, match="belongs to report"):
        store.add_report(report, original, [make_event(other, "was arrested")])


def test_a_constraint_violation_leaves_no_trace(store: SQLiteStore) -> None:
    report, original, events = _report_with_events()
    with pytest.raises(StoreError, match="nothing was stored"):
        store.add_report(report, original, [events[0], events[1], events[0]])  # same event id twice
    assert all(n == 0 for n in _table_counts(store.path).values())
    assert store.add_report(report, original, events) is AddOutcome.ADDED


class _FailingWriter(StoreWriter):
    def _after_report_insert(self, conn: sqlite3.Connection, report: Report) -> None:
        raise RuntimeError("power cut between the report and its events")


class _FailingStore(SQLiteStore):
    writer_class = _FailingWriter


def test_a_failure_between_report_and_events_leaves_no_trace(tmp_path: Path, key_file: Path) -> None:
    report, original, events = _report_with_events()
    with _FailingStore(tmp_path / "k.db", key_file=key_file) as failing:
        with pytest.raises(RuntimeError, match="power cut"):
            failing.add_report(report, original, events)
        assert not failing.has_original(report.sha256)
    assert all(n == 0 for n in _table_counts(tmp_path / "k.db").values())


def test_names_never_sit_in_clear_in_the_database_files(tmp_path: Path, key_file: Path) -> None:
    path = tmp_path / "k.db"
    with SQLiteStore(path, key_file=key_file) as store:
        report, original, events = _report_with_events()
        store.add_report(report, original, events)
        store.review_event(events[1].id, ReviewStatus.VERIFIED, actor="reviewer")
        files = {p.name: p.read_bytes() for p in tmp_path.glob("k.db*")}
        assert store.get_event(events[1].id).victims[0].name == NAME  # type: ignore[union-attr]
    files.update({p.name: p.read_bytes() for p in tmp_path.glob("k.db*")})
    assert "k.db" in files and len(files["k.db"]) > 0
    for name, data in files.items():
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert NAME.encode(encoding) not in data, name
    dump = "\n".join(sqlite3.connect(path).iterdump())
    assert "beaten" in dump and NAME not in dump and "Ogyeol" not in dump


def test_a_wrong_key_file_is_a_store_error_on_sensitive_reads(tmp_path: Path, key_file: Path) -> None:
    report, original, events = _report_with_events()
    with SQLiteStore(tmp_path / "k.db", key_file=key_file) as store:
        store.add_report(report, original, events)
    with SQLiteStore(tmp_path / "k.db", key_file=tmp_path / "other.key") as store:
        assert store.get_event(events[0].id) == events[0]  # no names: readable
        with pytest.raises(StoreError, match="cannot decrypt.*wrong key file"):
            store.get_event(events[1].id)


def test_history_records_suggestions_and_reviews(store: SQLiteStore) -> None:
    report, original, events = _report_with_events()
    store.add_report(report, original, events)
    reviewed = store.review_event(events[0].id, ReviewStatus.REJECTED, actor="reviewer", note="rumour")
    assert store.get_event(events[0].id) == reviewed
    assert reviewed.status is ReviewStatus.REJECTED and reviewed.status_by == "reviewer"
    entries = store.event_history(events[0].id)
    assert [(e.actor, e.action) for e in entries] == [("machine", "suggested"), ("reviewer", "rejected")]
    assert entries[1].before == entries[0].after and entries[1].after is not None
    assert entries[1].after["status"] == "rejected"
    assert store.verify_history() == 3
    sensitive_history = store.event_history(events[1].id)[0].after
    assert sensitive_history is not None and sensitive_history["victims"][0]["name"] is None


def test_an_edited_history_row_is_detected(store: SQLiteStore) -> None:
    report, original, events = _report_with_events()
    store.add_report(report, original, events)
    conn = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE history SET actor = 'someone' WHERE id = 1")
    conn.execute("DROP TRIGGER history_no_update")
    conn.execute("UPDATE history SET actor = 'someone' WHERE id = 1")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="history row 1 was changed"):
        store.verify_history()


def test_update_event_keeps_names_encrypted_and_refuses_unknown_events(store: SQLiteStore) -> None:
    report, original, events = _report_with_events()
    store.add_report(report, original, events)
    edited = events[0].model_copy(update={"victims": (Victim(count=3, name=NAME),), "reason": "smuggling"})
    store.update_event(edited, actor="reviewer")
    assert store.get_event(edited.id) == edited
    missing = make_event(report, "Police", EventType.CRACKDOWN)
    with pytest.raises(StoreError, match="no event"):
        store.update_event(missing, actor="reviewer")


def test_stats_count_every_type_and_status(store: SQLiteStore) -> None:
    report, original, events = _report_with_events()
    store.add_report(report, original, events)
    stats = store.stats()
    assert stats["reports"] == 1 and stats["events"] == 2
    assert stats["events_by_type"]["arrest"] == 1 and stats["events_by_type"]["ill_treatment"] == 1
    assert set(stats["events_by_type"]) == {t.value for t in EventType}
    assert stats["events_by_status"] == {"suggested": 2, "verified": 0, "rejected": 0}


def test_writes_from_several_threads_all_land(store: SQLiteStore) -> None:
    def write(worker: int) -> None:
        for n in range(10):
            report, original = make_report(f"Worker {worker} saw arrest number {n}.")
            store.add_report(report, original, [make_event(report, "arrest")])
            store.count_events()

    threads = [threading.Thread(target=write, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.count_reports() == 40 and store.count_events() == 40
    assert store.verify_history() == 40


def test_open_store_uses_the_settings(tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "db" / "k.db", key_file=tmp_path / "cfg" / "k.key")
    with open_store(settings) as store:
        assert store.count_reports() == 0
    assert settings.db_path.exists() and settings.key_file.exists()


def test_a_closed_store_refuses_reads(tmp_path: Path, key_file: Path) -> None:
    store = SQLiteStore(tmp_path / "k.db", key_file=key_file)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.count_events(EventFilter())


def test_the_database_uses_wal_and_enforces_foreign_keys(store: SQLiteStore) -> None:
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    with pytest.raises(StoreError, match="FOREIGN KEY"):
        with store._writer.transaction() as writing:
            writing.execute("INSERT INTO originals (report_id, bytes) VALUES ('r-nowhere', x'00')")
    assert store.get_original("r-nowhere") is None


def test_the_package_exports_what_it_names() -> None:
    import kirok.store

    assert all(hasattr(kirok.store, name) for name in kirok.store.__all__)
    assert {"SQLiteStore", "open_store", "Store", "AddOutcome"} <= set(kirok.store.__all__)
