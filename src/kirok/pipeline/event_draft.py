"""An event on its way through the event stage, before it becomes a :class:`~kirok.model.Event`."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from datetime import date

from kirok.model import DateResolution, EventType, Place, Span, TimeWindow
from kirok.pipeline.doc import Sentence
from kirok.pipeline.event_rules import Trigger
from kirok.timex.calendar import precision_of

__all__ = ["EventDraft", "precision_of", "relative_window", "window_days"]


def relative_window(earliest: date, latest: date, *, timex: str | None = None) -> TimeWindow:
    """A window the stage worked out from the story (not read whole from one expression), with the
    precision its length really has."""
    return TimeWindow(
        earliest=earliest,
        latest=latest,
        precision=precision_of(earliest, latest),
        resolution=DateResolution.RELATIVE,
        timex=timex,
    )


def window_days(window: TimeWindow | None) -> int | None:
    """How many days past its first a window runs (0 for one day); ``None`` when it is open."""
    if window is None or window.earliest is None or window.latest is None:
        return None
    return (window.latest - window.earliest).days


@dataclass
class EventDraft:
    """What the stage knows of one act so far: its trigger, sentence, evidence, date and place."""

    type: EventType
    sentence: Sentence
    trigger: Trigger
    match: tuple[int, int]
    evidence: list[Span] = field(default_factory=list)
    date: TimeWindow | None = None
    date_value: str | None = None  # TIMEX3 value when the date came from the event's own sentence
    scene_dated: bool = False  # the value is the day of the scene told before it, not words of its own
    counted: bool = False  # counted by a distance from another date ("three weeks after he was caught")
    referred: bool = False  # dated as the act told before that it refers to ("at the same trial")
    place: Place | None = None
    place_named: bool = False  # the place is named in the act's own sentence, not carried or referred to
    reasons: list[str] = field(default_factory=list)
    confidence: float = 0.55
    back_reference: bool = False  # "In the same week the man was taken away, ...": an act told before
    named_before: bool = False  # refers back only by the pronoun it befell: "guards seized him"
    backstory: bool = False  # "had been repatriated in 2019": before the story's own time
    ongoing: bool = False  # "since early February": a state that began then and goes on
    held_to: datetime.date | None = None  # "held for ten days" after the story's time: the day it ended
    #: the days the holding of a told length may have ended on ("they came out of quarantine")
    held_ended: TimeWindow | None = None
