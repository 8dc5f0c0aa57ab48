"""Property tests: event -> store -> event, and report -> store -> report, give back the same thing."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kirok.model import Event, Report
from kirok.store.sqlite import SQLiteStore

from .strategies import events, reports


@st.composite
def reports_with_events(draw: st.DrawFn) -> tuple[Report, bytes, list[Event]]:
    report, original = draw(reports())
    found = draw(st.lists(events(report.id), max_size=4, unique_by=lambda e: e.id))
    return report, original, found


@settings(max_examples=150, deadline=None)
@given(case=reports_with_events())
def test_report_and_events_round_trip_exactly(case: tuple[Report, bytes, list[Event]]) -> None:
    report, original, found = case
    with tempfile.TemporaryDirectory() as folder:
        with SQLiteStore(Path(folder) / "k.db", key_file=Path(folder) / "k.key") as store:
            store.add_report(report, original, found)
            assert store.get_report(report.id) == report
            assert store.get_original(report.id) == original
            assert store.events_for_report(report.id) == found
            assert [store.get_event(event.id) for event in found] == found
            assert store.list_events(limit=10) == found
