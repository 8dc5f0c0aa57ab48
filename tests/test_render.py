"""Plain-text tables of events for the terminal."""

from __future__ import annotations

from datetime import date

import pytest

from kirok.model import DatePrecision, Event, EventType, Place, Span, TimeWindow
from kirok.render import event_table, window_text


def event(
    id_: str, type_: EventType, evidence: str, window: TimeWindow | None = None, place: str | None = None
) -> Event:
    return Event(
        id=id_,
        report_id="r-1",
        type=type_,
        evidence=(Span(start=0, end=len(evidence), text=evidence),),
        date=window,
        place=Place(name=place) if place else None,
    )


@pytest.mark.parametrize(
    ("window", "text"),
    [
        (None, "?"),
        (TimeWindow(), "?"),
        (TimeWindow(latest=date(2023, 6, 1)), "?"),
        (
            TimeWindow(earliest=date(2023, 6, 1), latest=date(2023, 6, 1), precision=DatePrecision.DAY),
            "2023-06-01",
        ),
        (
            TimeWindow(earliest=date(2023, 6, 1), latest=date(2023, 6, 30), precision=DatePrecision.MONTH),
            "2023-06-01..2023-06-30 (month)",
        ),
        (TimeWindow(earliest=date(2023, 6, 1)), "2023-06-01..? (unknown)"),
    ],
)
def test_window_text(window: TimeWindow | None, text: str) -> None:
    assert window_text(window) == text


def test_event_table_has_a_header_and_a_row_per_event() -> None:
    events = [
        event(
            "e-1",
            EventType.ARREST,
            "A man was arrested.",
            TimeWindow(earliest=date(2023, 6, 1), latest=date(2023, 6, 1)),
            "Hyesan",
        ),
        event("e-22", EventType.FORCED_REPATRIATION, "Five women were sent back."),
    ]
    lines = event_table(events).splitlines()
    assert len(lines) == 3
    assert lines[0].split() == ["ID", "TYPE", "WHEN", "WHERE", "EVIDENCE"]
    assert lines[1].split()[:4] == ["e-1", "arrest", "2023-06-01", "Hyesan"]
    assert lines[1].endswith("A man was arrested.")
    assert lines[2].split()[:4] == ["e-22", "forced_repatriation", "?", "?"]
    # columns line up: every row puts TYPE, WHEN, WHERE and EVIDENCE at the same offsets
    for column in ("TYPE", "WHEN", "WHERE", "EVIDENCE"):
        at = lines[0].index(column)
        assert all(line[at - 2 : at] == "  " and line[at] != " " for line in lines), column


def test_event_table_of_nothing_is_the_header() -> None:
    assert event_table([]).split() == ["ID", "TYPE", "WHEN", "WHERE", "EVIDENCE"]


def test_long_evidence_and_places_are_cut_and_flattened() -> None:
    long_text = "Guards searched\nevery house " + "and every shed " * 20
    table = event_table(
        [event("e-1", EventType.CRACKDOWN, long_text, place="A very long place name that goes on and on")]
    )
    row = table.splitlines()[1]
    assert "\n" not in row
    assert row.endswith("…")
    assert "Guards searched every house" in row
    evidence = row[table.splitlines()[0].index("EVIDENCE") :]
    assert len(evidence) == 70
    assert "A very long place name that…" in row
