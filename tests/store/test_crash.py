"""A writer killed with SIGKILL in the middle of an ingest leaves a whole, consistent database."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from kirok.store import EventFilter, ReportFilter
from kirok.store.sqlite import SQLiteStore

EVENTS_PER_REPORT = 3

_INGEST = textwrap.dedent(
    """
    import hashlib, sys
    from pathlib import Path
    from kirok.model import Event, EventType, Report, Span, Victim, event_id, report_id
    from kirok.store.sqlite import SQLiteStore

    with SQLiteStore(Path(sys.argv[1]), key_file=Path(sys.argv[2])) as store:
        for n in range(100_000):
            text = f"Report uniq{n}: guards arrested people; one was beaten; all were sentenced."
            original = text.encode()
            sha = hashlib.sha256(original).hexdigest()
            report = Report(id=report_id(sha), sha256=sha, text=text)
            events = []
            for k, phrase in enumerate(("arrested", "beaten", "sentenced")):
                start = text.index(phrase)
                type_ = list(EventType)[k]
                events.append(Event(
                    id=event_id(report.id, type_, start, start + len(phrase)),
                    report_id=report.id,
                    type=type_,
                    evidence=(Span(start=start, end=start + len(phrase), text=phrase),),
                    victims=(Victim(count=1, name=f"Invented Name {n}"),),
                ))
            store.add_report(report, original, events)
            print(n, flush=True)
    """
)


def test_a_killed_ingest_leaves_whole_reports(tmp_path: Path) -> None:
    db, key = tmp_path / "k.db", tmp_path / "k.key"
    child = subprocess.Popen(
        [sys.executable, "-c", _INGEST, str(db), str(key)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    written = 0
    for _ in child.stdout:
        written += 1
        if written == 40:
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait()
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL, "the ingest ended before it was killed"

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.execute("INSERT INTO reports_fts (reports_fts) VALUES ('integrity-check')")
    conn.execute("INSERT INTO events_fts (events_fts) VALUES ('integrity-check')")
    reports = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
    assert reports >= 40
    per_report = conn.execute(
        "SELECT r.id, count(e.id) FROM reports r LEFT JOIN events e ON e.report_id = r.id GROUP BY r.id"
    ).fetchall()
    assert {count for _, count in per_report} == {EVENTS_PER_REPORT}
    assert conn.execute("SELECT count(*) FROM originals").fetchone()[0] == reports
    assert conn.execute("SELECT count(*) FROM history").fetchone()[0] == reports * EVENTS_PER_REPORT
    assert conn.execute("SELECT count(*) FROM reports_fts_docsize").fetchone()[0] == reports
    assert (
        conn.execute("SELECT count(*) FROM events_fts_docsize").fetchone()[0] == reports * EVENTS_PER_REPORT
    )
    texts = [row[0] for row in conn.execute("SELECT text FROM reports")]
    conn.close()

    with SQLiteStore(db, key_file=key) as store:
        assert store.verify_history() == reports * EVENTS_PER_REPORT
        for text in texts:
            token = text.split(":")[0].split()[1]
            assert store.count_reports(ReportFilter(text=token)) == 1
            assert store.count_events(EventFilter(text=token)) == EVENTS_PER_REPORT
