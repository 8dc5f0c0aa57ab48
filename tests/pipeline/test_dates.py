"""The date stage over a hand-built Doc."""

from __future__ import annotations

from datetime import date

import pytest

from kirok.model import SegmentRole
from kirok.pipeline.dates import NO_PUBLICATION_DATE, TimexStage, future_publication
from kirok.pipeline.doc import Doc, Sentence
from kirok.pipeline.stage import Stage
from kirok.settings import Settings

TEXT = (
    "A source told Daily NK on Wednesday that a woman was arrested on Oct. 12. She was freed two days later."
)


def _doc(published: date | None) -> Doc:
    doc = Doc(text=TEXT, report_id="r-test", published=published)
    doc.sentences = [Sentence(0, 74, SegmentRole.BODY, 0), Sentence(75, len(TEXT), SegmentRole.BODY, 0)]
    doc.fulfilled.add("doc.sentences")
    return doc


def test_contract() -> None:
    stage = TimexStage(Settings())
    assert isinstance(stage, Stage)
    assert stage.name == "dates.timex.v1"
    assert stage.requires == ("doc.sentences",)
    assert stage.assigns == ("doc.timexes",)


def test_fills_timexes_sorted() -> None:
    doc = TimexStage(Settings())(_doc(date(2021, 10, 29)))
    assert [(t.text, t.value) for t in doc.timexes] == [
        ("Wednesday", "2021-10-27"),
        ("Oct. 12", "2021-10-12"),
        ("two days later", "2021-10-14"),
    ]
    assert [t.start for t in doc.timexes] == sorted(t.start for t in doc.timexes)
    assert doc.warnings == []


def test_warns_without_publication_date() -> None:
    doc = TimexStage(Settings())(_doc(None))
    assert NO_PUBLICATION_DATE in doc.warnings
    assert doc.timexes[1].value == "XXXX-10-12"


def test_pipe_runs_each_doc() -> None:
    docs = list(TimexStage(Settings()).pipe([_doc(date(2021, 10, 29)), _doc(None)]))
    assert [len(d.timexes) for d in docs] == [3, 3]


def test_warns_on_publication_date_after_today() -> None:
    doc = TimexStage(Settings(today=date(2030, 12, 31)))(_doc(date(2031, 1, 1)))
    assert future_publication(date(2031, 1, 1)) in doc.warnings
    assert "2031-01-01" in future_publication(date(2031, 1, 1))
    assert doc.timexes[1].value == "2030-10-12"  # still read against the publication date


@pytest.mark.parametrize("today", [date(2031, 1, 1), date(2031, 6, 1), None])
def test_no_warning_when_publication_is_not_after_today(today: date | None) -> None:
    doc = TimexStage(Settings(today=today))(_doc(date(2031, 1, 1)))
    assert doc.warnings == []
