"""Hand-written reports and events for the web tests, and a function that stores them.

Every sentence here is written for the tests. The one victim name is invented; the tests check that it
never appears on any page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

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
    SegmentRole,
    Sex,
    Source,
    Span,
    TimeWindow,
    Victim,
    event_id,
    report_id,
)
from kirok.store.sqlite import SQLiteStore

SECRET_NAME = "Zorvan Quellamor"
FILLER_REPORTS = 30

TEXT_A = (
    "Border guards held traders in Hyesan\n"
    "A source in Ryanggang Province said that border guards arrested three women near the river "
    "earlier this month. The women were held at a holding centre for two weeks and questioned.\n"
    "One of them was sent to a labour-training brigade for six months.\n"
    "Photo: a riverside road (file image)\n"
    "Tags: border, trade, river"
)
TEXT_B = (
    "Residents said <script>alert(1)</script> officials executed a man in public in March. "
    'A second source called it "a warning" & nothing more.'
)


@dataclass(frozen=True)
class Corpus:
    a: Report
    b: Report
    arrest: Event
    detention: Event
    sentence: Event
    execution: Event


def span(text: str, words: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return Span(start=start, end=start + len(words), text=words)


def make_report(text: str, **fields: object) -> Report:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return Report(id=report_id(sha), sha256=sha, text=text, **fields)


def make_event(report: Report, type_: EventType, evidence: tuple[Span, ...], **fields: object) -> Event:
    eid = event_id(report.id, type_, evidence[0].start, evidence[0].end)
    return Event(id=eid, report_id=report.id, type=type_, evidence=evidence, **fields)


def segments_of(text: str, roles: list[SegmentRole]) -> tuple[tuple[int, int, SegmentRole], ...]:
    out, pos = [], 0
    for line, role in zip(text.split("\n"), roles, strict=True):
        out.append((pos, pos + len(line), role))
        pos += len(line) + 1
    return tuple(out)


def build_corpus() -> Corpus:
    roles = [
        SegmentRole.HEADLINE,
        SegmentRole.BODY,
        SegmentRole.BODY,
        SegmentRole.CAPTION,
        SegmentRole.TAGLINE,
    ]
    a = make_report(
        TEXT_A,
        title="Border guards held traders in Hyesan",
        outlet="Test Wire",
        url="https://example.org/reports/hyesan-test",
        published=date(2023, 6, 15),
        origin="fixtures/a.txt",
        segments=segments_of(TEXT_A, roles),
    )
    june = TimeWindow(
        earliest=date(2023, 6, 1),
        latest=date(2023, 6, 15),
        precision=DatePrecision.MONTH,
        resolution=DateResolution.RELATIVE,
        timex="2023-06",
        span=span(TEXT_A, "earlier this month"),
    )
    hyesan = Place(
        name="Hyesan",
        admin_path=("Ryanggang", "Hyesan"),
        country="KP",
        precision=PlacePrecision.COUNTY,
        latitude=41.4,
        longitude=128.18,
    )
    source = Source(report_id=a.id, outlet="Test Wire", attribution="a source in Ryanggang Province")
    arrest = make_event(
        a,
        EventType.ARREST,
        (span(TEXT_A, "border guards arrested three women", 0),),
        date=june,
        place=hyesan,
        perpetrators=(Perpetrator(name="Border guards"),),
        victims=(
            Victim(count=3, sex=Sex.FEMALE, status=("trader",)),
            Victim(
                count=1, sex=Sex.FEMALE, age_band=AgeBand.THIRTIES, name=SECRET_NAME, description=SECRET_NAME
            ),
        ),
        source=source,
        confidence=0.8,
        reasons=("arrest.trigger:arrested", "perpetrator:border guards"),
    )
    detention = make_event(
        a,
        EventType.DETENTION,
        (span(TEXT_A, "arrested three women near the river"), span(TEXT_A, "held at a holding centre")),
        date=june,
        place=hyesan,
        confidence=0.6,
        reasons=("detention.trigger:held",),
    )
    sentence = make_event(
        a,
        EventType.SENTENCE,
        (span(TEXT_A, "sent to a labour-training brigade for six months"),),
        date=TimeWindow(earliest=date(2023, 6, 1), latest=date(2023, 6, 30), precision=DatePrecision.MONTH),
        penalty=Penalty(length="P6M", facility="labour-training brigade"),
        status=ReviewStatus.VERIFIED,
        status_by="reviewer-one",
        reasons=("sentence.facility:labour-training brigade",),
    )
    b = make_report(
        TEXT_B,
        title="Test <b>bold</b> title",
        outlet="Other Desk",
        published=date(2022, 1, 10),
        url="https://example.org/b?x=1&y=<2>",
    )
    execution = make_event(
        b,
        EventType.EXECUTION,
        (span(TEXT_B, "<script>alert(1)</script> officials executed a man"),),
        date=TimeWindow(earliest=date(2022, 3, 1), latest=date(2022, 3, 31), precision=DatePrecision.MONTH),
        place=Place(name="Chongjin", precision=PlacePrecision.COUNTY),
        reasons=("execution.trigger:executed",),
    )
    return Corpus(a, b, arrest, detention, sentence, execution)


def fill(store: SQLiteStore, corpus: Corpus) -> None:
    store.add_report(corpus.a, TEXT_A.encode(), [corpus.arrest, corpus.detention, corpus.sentence])
    store.add_report(corpus.b, TEXT_B.encode(), [corpus.execution])
    for i in range(FILLER_REPORTS):
        text = f"Filler note {i:02d} on rice prices at a market\nNothing happened in this note."
        store.add_report(make_report(text, published=date(2020, 1, 1) + timedelta(days=i)), text.encode(), [])
