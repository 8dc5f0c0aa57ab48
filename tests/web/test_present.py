"""How values read in the web app, and what web JSON keeps of a victim."""

from __future__ import annotations

from datetime import date

import pytest

from kirok.model import AgeBand, Event, EventType, Sex, Span, TimeWindow, Victim
from kirok.web.present import duration_label, public_event, type_label, victim_label, window_label


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("P6M", "6 months"),
        ("P1Y6M", "1 year 6 months"),
        ("P1D", "1 day"),
        ("P2W", "2 weeks"),
        ("life", "life"),
        ("P", "P"),
        ("PT5H", "PT5H"),
        (None, None),
    ],
)
def test_duration_label(value: str | None, label: str | None) -> None:
    assert duration_label(value) == label


@pytest.mark.parametrize(
    ("window", "label"),
    [
        (None, "unknown"),
        (TimeWindow(), "unknown"),
        (TimeWindow(earliest=date(2021, 10, 12), latest=date(2021, 10, 12)), "2021-10-12"),
        (TimeWindow(earliest=date(2021, 10, 1), latest=date(2021, 10, 31)), "2021-10-01 – 2021-10-31"),
        (TimeWindow(earliest=date(2021, 10, 1)), "2021-10-01 – …"),
    ],
)
def test_window_label(window: TimeWindow | None, label: str) -> None:
    assert window_label(window) == label


def test_type_and_victim_labels() -> None:
    assert type_label(EventType.MOVEMENT_RESTRICTION) == "movement restriction"
    assert victim_label(Victim(count=1, sex=Sex.MALE, age_band=AgeBand.FORTIES, status=("student",))) == (
        "1 person · male · 40s · student"
    )
    assert victim_label(Victim()) == "not described"


def test_public_event_drops_names_and_fills_evidence_text() -> None:
    event = Event(
        id="e-1",
        report_id="r-1",
        type=EventType.ARREST,
        evidence=(Span(start=0, end=6),),
        victims=(Victim(count=1, name="Invented Name", description="Invented Name, 30"),),
    )
    data = public_event(event, "Guards took him.")
    assert data["victims"] == [{"count": 1, "sex": "unknown", "age_band": "unknown", "status": []}]
    assert data["evidence"] == [{"start": 0, "end": 6, "text": "Guards"}]
    assert "Invented" not in str(data)
