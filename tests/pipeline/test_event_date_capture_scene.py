"""A beating told as part of the capture (:func:`kirok.pipeline.event_date_story.at_capture_scene`):
"at their post", "on the bank", "before handing him over" put it on the capture's day, not in the open
days after it."""

from __future__ import annotations

from datetime import date

import pytest

from kirok.model import Event, EventType

from .event_docs import PUBLISHED, add_date, by_type, events_of, make

_CAUGHT = "Border guards caught a man as he waded into the Tumen near Musan on June 6, a source said."


def _beating_after(text: str) -> Event:
    doc = make(f"Report\n\n{text}")
    add_date(doc, "June 6", "2023-06-06", date(2023, 6, 6))
    return by_type(events_of(doc), EventType.ILL_TREATMENT)


def _window(event: Event) -> tuple[date | None, date | None]:
    assert event.date is not None
    return event.date.earliest, event.date.latest


@pytest.mark.parametrize(
    "beating",
    [
        "The soldiers beat him with rifle butts at their post before handing him over to the police.",
        "He was beaten unconscious by the soldiers on the bank.",
        "At the sentry post the guards kicked and clubbed him for an hour.",
        "The guards beat him right there on the river.",
    ],
)
def test_a_beating_told_at_the_scene_of_the_capture_has_its_day(beating: str) -> None:
    event = _beating_after(f"{_CAUGHT} {beating}")
    assert _window(event) == (date(2023, 6, 6), date(2023, 6, 6))
    assert any("at the capture told just before it" in r for r in event.reasons)


@pytest.mark.parametrize(
    "text",
    [
        # no word that places the beating at the capture: it may come in the cells, later
        f"{_CAUGHT} The guards beat him with rifle butts.",
        # time moves on between the capture and the beating
        f"{_CAUGHT} Weeks went by in the county cells. The guards beat him at their post.",
    ],
)
def test_a_beating_not_told_at_the_capture_stays_open_to_publication(text: str) -> None:
    event = _beating_after(text)
    assert event.date is not None and event.date.latest == PUBLISHED


def test_a_chase_told_with_the_capture_does_not_move_time_on() -> None:
    # "when" and "after them" tell the capture's own moment, not a later one
    text = (
        "Two women set out across the Tumen near Musan on June 6 and were halfway over when soldiers "
        "splashed in after them. One was beaten unconscious by the soldiers on the bank."
    )
    doc = make(f"Report\n\n{text}")
    add_date(doc, "June 6", "2023-06-06", date(2023, 6, 6))
    beating = by_type(events_of(doc), EventType.ILL_TREATMENT)
    assert _window(beating) == (date(2023, 6, 6), date(2023, 6, 6))


def test_after_a_time_still_moves_time_on_from_the_capture() -> None:
    event = _beating_after(f"{_CAUGHT} Soon after that he was beaten at their post.")
    assert event.date is not None and event.date.latest == PUBLISHED
