"""The story's time (:mod:`kirok.pipeline.event_date_story_time`): the dates a sentence gives an act and
the last date told before an act."""

from __future__ import annotations

from datetime import date

from kirok.model import EventType, SegmentRole
from kirok.pipeline.doc import Timex
from kirok.pipeline.event_date_story_time import dates_in, past_perfect, story_dates
from kirok.pipeline.event_rules import load_event_rules

from .event_docs import PUBLISHED, add_date, by_type, events_of, make


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


def test_that_afternoon_after_the_day_of_the_telling_is_the_day_of_the_story() -> None:
    doc = make(
        "Report\n\nFive fishermen sailed a boat out of Sinpo harbour on June 3, a source said on Tuesday.\n\n"
        "The boat's owner was arrested that afternoon at the fisheries station.\n\n"
        "His wife was taken to the county state security department two days later."
    )
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    add_date(doc, "Tuesday", "2023-06-13", date(2023, 6, 13))  # as the tagger read it: the telling's day
    add_date(doc, "that afternoon", "2023-06-13", date(2023, 6, 13))
    add_date(doc, "two days later", "2023-06-15", date(2023, 6, 15))
    arrests = sorted(
        (e for e in events_of(doc) if e.type is EventType.ARREST), key=lambda e: e.evidence[0].start
    )
    assert [(e.date.earliest, e.date.latest) for e in arrests if e.date] == [
        (date(2023, 6, 3), date(2023, 6, 3)),
        (date(2023, 6, 5), date(2023, 6, 5)),
    ]


def test_that_afternoon_after_the_day_of_the_act_stays_as_the_tagger_read_it() -> None:
    doc = make(
        "Report\n\nGuards searched the market in Hyesan on June 2, a source said.\n\n"
        "On June 5, police arrested a trader at the station, where she had been on duty that afternoon."
    )
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    add_date(doc, "June 5", "2023-06-05", date(2023, 6, 5))
    add_date(doc, "that afternoon", "2023-06-05", date(2023, 6, 5))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert arrest.date is not None and (arrest.date.earliest, arrest.date.latest) == (
        date(2023, 6, 5),
        date(2023, 6, 5),
    )


def test_the_sentence_that_tells_a_lede_in_full_dates_it_by_its_act_not_a_person_s_clause() -> None:
    doc = make(
        "Report\n\nA teenage boy from Hyesan was caught by Chinese police, a source said. "
        "The boy, whose father died in March, crossed the river on May 18 and walked into Changbai."
    )
    add_date(doc, "March", "2023-03", date(2023, 3, 1), date(2023, 3, 31))
    add_date(doc, "May 18", "2023-05-18", date(2023, 5, 18))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert arrest.date is not None
    assert (arrest.date.earliest, arrest.date.latest) == (date(2023, 5, 18), date(2023, 5, 18))


def test_a_lede_is_not_dated_by_a_later_sentence_of_unconfirmed_claims() -> None:
    doc = make(
        "Report\n\nA mine guard in Musan has been executed for selling ore, a source said. "
        "Some residents claim a second guard was shot in Chongjin in May, but the source could not "
        "confirm this."
    )
    add_date(doc, "May", "2023-05", date(2023, 5, 1), date(2023, 5, 31))
    execution = by_type(events_of(doc), EventType.EXECUTION)
    assert execution.date is None or (execution.date.earliest, execution.date.latest) != (
        date(2023, 5, 1),
        date(2023, 5, 31),
    )


def test_the_following_week_counted_from_the_telling_is_the_week_after_the_story_s_day() -> None:
    doc = make(
        "Report\n\nA family was caught at the river on June 2, a source told Example News on Tuesday.\n\n"
        "The following week, the platoon commander was sent to a labour-training unit."
    )
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))  # a Friday
    add_date(doc, "Tuesday", "2023-06-13", date(2023, 6, 13))
    add_date(doc, "The following week", "2023-W25", date(2023, 6, 19), date(2023, 6, 25))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert sentence.date is not None
    assert (sentence.date.earliest, sentence.date.latest) == (date(2023, 6, 5), date(2023, 6, 11))


def test_a_headline_s_next_day_is_the_body_s_not_the_day_after_publication() -> None:
    doc = make(
        "Smuggler shot before crowd; family banished next day\n\n"
        "A smuggler was executed by firing squad in Sinuiju on June 2, a source said. "
        "He had been in custody since May, when agents arrested him at a warehouse.\n\n"
        "The next day, his wife and two sons were banished from the city."
    )
    add_date(doc, "next day", "2023-06-16", date(2023, 6, 16))  # read against publication
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    add_date(doc, "May", "2023-05", date(2023, 5, 1), date(2023, 5, 31))
    start = doc.text.index("The next day")  # the tagger could not count on from the custody's "May"
    doc.timexes = sorted(
        [*doc.timexes, Timex(start, start + 12, "The next day", "DATE", "XXXX-XX-XX")], key=lambda t: t.start
    )
    sentences = [e for e in events_of(doc) if e.type is EventType.SENTENCE]
    assert len(sentences) == 1
    (banished,) = sentences
    assert banished.date is not None
    assert (banished.date.earliest, banished.date.latest) == (date(2023, 6, 3), date(2023, 6, 3))
    assert banished.evidence[0].text.startswith("Smuggler shot")
