"""Whether two tellings of one kind of act tell the same act (:mod:`kirok.pipeline.event_same_act`), on
drafts built by hand."""

from __future__ import annotations

from datetime import date

from kirok.model import EventType, SegmentRole, Span, TimeWindow
from kirok.pipeline.doc import Sentence
from kirok.pipeline.event_draft import EventDraft
from kirok.pipeline.event_rules import Trigger
from kirok.pipeline.event_same_act import other_gathering, other_number, other_terms, years_apart


def _draft(text: str, sentence: str, trigger: str, kind: EventType) -> EventDraft:
    start = text.index(sentence)
    at = text.index(trigger, start)
    return EventDraft(
        kind,
        Sentence(start, start + len(sentence), SegmentRole.BODY, 1),
        Trigger(f"{kind.value}.test", kind, ()),
        (at, at + len(trigger)),
    )


def _pair(text: str, first: str, second: str, kind: EventType) -> tuple[EventDraft, EventDraft]:
    """Drafts of ``kind`` for the two sentences of ``text``, at the triggers ``first`` and ``second``."""
    one, two = text.split(". ", 1)
    return _draft(text, one + ".", first, kind), _draft(text, two, second, kind)


def test_a_named_kind_of_gathering_is_not_another_kind() -> None:
    text = "A campaign was announced at an enlarged meeting of cadres. The trial was staged by the river."
    assert other_gathering(
        text, *_pair(text, "at an enlarged meeting", "trial was staged", EventType.MEETING)
    )
    public = "He was handed ten years at a public trial. The trial was staged by the river."
    assert not other_gathering(public, *_pair(public, "public trial", "trial was staged", EventType.MEETING))


def test_punishments_with_no_term_alike_are_two() -> None:
    text = "She was handed a ten-year term. Her son was sent to a brigade for six months."
    assert other_terms(text, *_pair(text, "handed a ten-year term", "sent to a brigade", EventType.SENTENCE))
    same = "She was handed ten years. The ten years are to be served at Kaechon."
    assert not other_terms(same, *_pair(same, "handed ten years", "served", EventType.SENTENCE))


def test_terms_count_only_for_punishments() -> None:
    text = "Agents held her for ten days. She was held there for six months."
    assert not other_terms(text, *_pair(text, "held her", "was held", EventType.DETENTION))


def test_one_person_and_many_are_other_people() -> None:
    text = "Three women were caught by police. He was arrested at his home."
    assert other_number(text, *_pair(text, "were caught", "was arrested", EventType.ARREST))
    family = "A family of four was caught at the river. The four were handed over to guards."
    assert not other_number(family, *_pair(family, "was caught", "were handed over", EventType.ARREST))


def test_dates_naming_years_that_do_not_meet_are_other_acts() -> None:
    text = "His wife crossed in the autumn of 2016. He crossed in December 2018."
    wife = _draft(text, "His wife crossed in the autumn of 2016.", "crossed", EventType.ESCAPE)
    husband = _draft(text, "He crossed in December 2018.", "crossed", EventType.ESCAPE)
    autumn = text.index("the autumn of 2016")
    december = text.index("December 2018")
    wife.date = TimeWindow(
        earliest=date(2016, 9, 1),
        latest=date(2016, 11, 30),
        span=Span(start=autumn, end=autumn + 18, text="the autumn of 2016"),
    )
    husband.date = TimeWindow(
        earliest=date(2018, 12, 1),
        latest=date(2018, 12, 31),
        span=Span(start=december, end=december + 13, text="December 2018"),
    )
    wife.date_value, husband.date_value = "2016-FA", "2018-12"
    assert years_apart(wife, husband)
    husband.date = TimeWindow(
        earliest=date(2016, 10, 1),
        latest=date(2016, 10, 31),
        span=Span(start=december, end=december + 13, text="October 2016"),
    )
    assert not years_apart(wife, husband)
