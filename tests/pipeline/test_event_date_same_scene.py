"""The scene's day: an undated act that happens in a moment, told in the simple past right after the act
the story dated to one day, in the same paragraph, with nothing moving time between, has that day."""

from __future__ import annotations

from datetime import date

import pytest

from kirok.model import Event, EventType

from .event_docs import PUBLISHED, add_date, add_duration, by_type, events_of, make

_CROSSED = "Two men crossed the river near Hyesan on June 6."


def _arrest_after(text: str) -> Event:
    doc = make(f"Report\n\n{text}")
    add_date(doc, "June 6", "2023-06-06", date(2023, 6, 6))
    return by_type(events_of(doc), EventType.ARREST)


def _window(event: Event) -> tuple[date | None, date | None]:
    assert event.date is not None
    return event.date.earliest, event.date.latest


def test_an_arrest_told_right_after_a_dated_crossing_has_its_day() -> None:
    arrest = _arrest_after(f"{_CROSSED} Chinese police arrested them on the far bank.")
    assert _window(arrest) == (date(2023, 6, 6), date(2023, 6, 6))
    assert any("scene of the act told just before it" in r for r in arrest.reasons)


@pytest.mark.parametrize(
    "text",
    [
        # another paragraph
        f"{_CROSSED}\n\nChinese police arrested them on the far bank.",
        # a sentence between
        f"{_CROSSED} They walked along the bank for an hour. Chinese police arrested them by a road.",
        # not the simple past
        f"{_CROSSED} Chinese police have arrested them on the far bank.",
        # a word that moves time
        f"{_CROSSED} Then Chinese police arrested them on the far bank.",
        f"{_CROSSED} Chinese police eventually arrested them on the far bank.",
    ],
)
def test_an_arrest_not_plainly_in_the_same_scene_runs_to_publication(text: str) -> None:
    arrest = _arrest_after(text)
    assert _window(arrest) == (date(2023, 6, 6), PUBLISHED)
    assert not any("scene of the act" in r for r in arrest.reasons)


def test_an_arrest_with_a_time_of_its_own_is_not_dated_by_the_scene() -> None:
    doc = make(f"Report\n\n{_CROSSED} Chinese police arrested them within an hour.")
    add_date(doc, "June 6", "2023-06-06", date(2023, 6, 6))
    add_duration(doc, "an hour", "PT1H")
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert _window(arrest) == (date(2023, 6, 6), PUBLISHED)


def test_a_detention_told_right_after_a_dated_crossing_still_runs_to_publication() -> None:
    doc = make(f"Report\n\n{_CROSSED} Chinese police held them in a cell.")
    add_date(doc, "June 6", "2023-06-06", date(2023, 6, 6))
    detention = by_type(events_of(doc), EventType.DETENTION)
    assert _window(detention) == (date(2023, 6, 6), PUBLISHED)


def test_a_sentence_told_right_after_a_dated_crossing_still_runs_to_publication() -> None:
    doc = make(f"Report\n\n{_CROSSED} They were sentenced to five years.")
    add_date(doc, "June 6", "2023-06-06", date(2023, 6, 6))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert _window(sentence) == (date(2023, 6, 6), PUBLISHED)


def test_an_arrest_after_a_crossing_of_several_days_is_not_dated_by_the_scene() -> None:
    doc = make("Report\n\nTwo men crossed the river near Hyesan in early June. Chinese police arrested them.")
    add_date(doc, "early June", "2023-06", date(2023, 6, 1), date(2023, 6, 10))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert _window(arrest) == (date(2023, 6, 1), PUBLISHED)


def test_an_arrest_after_a_crossing_on_a_night_of_two_days_has_those_days() -> None:
    doc = make(
        "Report\n\nTwo women tried to cross the river near Musan on the night of the 3rd to the 4th. "
        "Border guards arrested one of them in the shallows."
    )
    add_date(doc, "the night of the 3rd to the 4th", "2023-06-03TNI", date(2023, 6, 3), date(2023, 6, 4))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert _window(arrest) == (date(2023, 6, 3), date(2023, 6, 4))


def test_an_arrest_after_a_sentence_that_only_sets_the_day_has_that_day() -> None:
    # the sentence that dates the scene tells no act of its own: "The first casualty came on June 6."
    arrest = _arrest_after(
        "Inspectors boarded every ship back from China this month. The first casualty came on June 6. "
        "The ship's engineer was led off in handcuffs."
    )
    assert _window(arrest) == (date(2023, 6, 6), date(2023, 6, 6))
    assert any("scene of the act told just before it" in r for r in arrest.reasons)


def test_an_act_told_there_at_a_dated_gathering_has_its_day_across_a_paragraph() -> None:
    doc = make(
        "Report\n\nResidents were ordered to assemble by the stadium on the morning of June 6, a source "
        "said. Work units had been told the evening before that attendance was compulsory.\n\n"
        "There the guard was tried in front of 3,000 people and then shot by a firing squad."
    )
    add_date(doc, "June 6", "2023-06-06", date(2023, 6, 6))
    add_date(doc, "the evening before", "2023-06-05TEV", date(2023, 6, 5))
    execution = by_type(events_of(doc), EventType.EXECUTION)
    assert _window(execution) == (date(2023, 6, 6), date(2023, 6, 6))
