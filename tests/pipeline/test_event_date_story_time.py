"""The story's time (:mod:`kirok.pipeline.event_date_story_time`): the dates a sentence gives an act and
the last date told before an act."""

from __future__ import annotations

from datetime import date

from kirok.model import SegmentRole
from kirok.pipeline.event_date_story_time import dates_in, past_perfect, story_dates
from kirok.pipeline.event_rules import load_event_rules

from .event_docs import PUBLISHED, add_date, make


def test_a_past_perfect_in_a_relative_clause_tells_of_a_person() -> None:
    text = "A woman who had fled in 2019 was arrested."
    assert not past_perfect(text, 0, len(text))
    assert past_perfect("He had been arrested in 2019.", 0, 29)


def test_the_date_of_the_telling_is_not_a_date_of_the_sentence() -> None:
    doc = make("Report\n\nA man was arrested on June 2, a source told Example News on Wednesday.")
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    add_date(doc, "Wednesday", "2023-06-14", date(2023, 6, 14))
    (sent,) = [s for s in doc.sentences if s.role is SegmentRole.BODY]
    found = dates_in(doc, sent, load_event_rules().attribution_time)
    assert [t.text for t in found] == ["June 2"]


def test_a_date_over_a_year_old_is_not_the_storys() -> None:
    doc = make("Report\n\nThe border was closed in 2020 and reopened on June 2.")
    add_date(doc, "2020", "2020", date(2020, 1, 1), date(2020, 12, 31))
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    (sent,) = [s for s in doc.sentences if s.role is SegmentRole.BODY]
    found = story_dates(doc, PUBLISHED, sent, load_event_rules().attribution_time)
    assert [t.text for t in found] == ["June 2"]
