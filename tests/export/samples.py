"""Small hand-built events and reports for export tests (invented text and names), and golden files.

Regenerate the golden files with ``KIROK_UPDATE_GOLDEN=1 .venv/bin/pytest tests/export`` and review the diff.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

from kirok.model import (
    AgeBand,
    DatePrecision,
    DateResolution,
    Event,
    EventType,
    Penalty,
    Perpetrator,
    Place,
    PlacePrecision,
    Report,
    ReviewStatus,
    Sex,
    Span,
    TimeWindow,
    Victim,
)

GOLDEN = Path(__file__).parent / "golden"
NAME = "Tak Miryeong"  # invented

TEXT = "Security agents arrested three women in Hyesan last month. They were sent to a labour camp."


def _span(phrase: str) -> Span:
    start = TEXT.index(phrase)
    return Span(start=start, end=start + len(phrase), text=phrase)


REPORT = Report(
    id="r-00000000000000aa",
    sha256="a" * 64,
    text=TEXT,
    title="Women arrested",
    outlet="Example Outlet",
    url="https://example.org/report/1",
    published=date(2023, 6, 15),
)

ARREST = Event(
    id="e-0000000000000001",
    report_id=REPORT.id,
    type=EventType.ARREST,
    evidence=(_span("arrested three women"),),
    date=TimeWindow(
        earliest=date(2023, 5, 1),
        latest=date(2023, 5, 31),
        precision=DatePrecision.MONTH,
        resolution=DateResolution.RELATIVE,
        timex="2023-05",
        span=_span("last month"),
    ),
    place=Place(
        name="Hyesan",
        gazetteer_id="kp-rg-hyesan",
        admin_path=("Ryanggang", "Hyesan"),
        latitude=41.4,
        longitude=128.18,
        country="KP",
        precision=PlacePrecision.COUNTY,
        span=_span("Hyesan"),
    ),
    perpetrators=(Perpetrator(name="Ministry of State Security", unit="Hyesan city branch"),),
    victims=(
        Victim(count=2, sex=Sex.FEMALE, age_band=AgeBand.TWENTIES, status=("repatriated",)),
        Victim(count=1, sex=Sex.FEMALE, name=NAME),
    ),
    reason="using a foreign phone",
    confidence=0.8,
)

SENTENCE = Event(
    id="e-0000000000000002",
    report_id=REPORT.id,
    type=EventType.SENTENCE,
    evidence=(_span("They"), _span("sent to a labour camp")),
    penalty=Penalty(length="P6M", facility="labour-training brigade"),
    targets=("phone users", "traders"),
    status=ReviewStatus.VERIFIED,
    status_by="reviewer",
    status_at=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
)

DIRECTIVE = Event(
    id="e-0000000000000003",
    report_id="r-00000000000000bb",  # its report is not in the mapping: facts fall back to nothing
    type=EventType.DIRECTIVE,
    evidence=(Span(start=0, end=8, text="an order"),),
    place=Place(name="North Hamgyong", precision=PlacePrecision.PROVINCE),
)

EVENTS = (ARREST, SENTENCE, DIRECTIVE)
REPORTS = {REPORT.id: REPORT}


def assert_golden(name: str, text: str) -> None:
    """Compare ``text`` with ``golden/name`` byte for byte (or rewrite it when asked to)."""
    path = GOLDEN / name
    if os.environ.get("KIROK_UPDATE_GOLDEN") == "1":
        path.write_bytes(text.encode("utf-8"))
    assert text == path.read_bytes().decode("utf-8"), f"{name} differs from its golden file"
