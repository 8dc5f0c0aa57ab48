"""A span told as following the story's time: "for the next seven weeks she was held", "died over the
following two weeks"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from kirok.model import TimeWindow
from kirok.pipeline.doc import Doc, Timex
from kirok.pipeline.event_date_story_time import story_time_before
from kirok.pipeline.event_draft import EventDraft, relative_window

__all__ = ["following_span"]

#: "for the next seven weeks", "the following two months": a span that starts at the story's time
_NEXT_SPAN = re.compile(r"(?:the\s+)?(?:next|following|ensuing|subsequent)\s", re.IGNORECASE)
_SPAN_VALUE = re.compile(r"P(?P<n>\d{1,3})(?P<unit>[DWM])")
_SPAN_DAYS = {"D": 1, "W": 7, "M": 31}


def following_span(
    doc: Doc,
    draft: EventDraft,
    drafts: list[EventDraft],
    own: Timex,
    attribution_time: re.Pattern[str],
    after: bool = False,
) -> TimeWindow | None:
    """ "For the next seven weeks she was held": a span that starts at the story's time (the date
    tagger counts it from the day of the telling), up to publication at the most; with ``after``
    ("died over the following two weeks", which the tagger leaves without a window), from the day after
    it; ``None`` when the date is no such span or the story has no time yet."""
    m = _SPAN_VALUE.fullmatch(own.value)
    if own.type != "DURATION" or m is None or not _NEXT_SPAN.match(own.text) or doc.published is None:
        return None
    story = story_time_before(doc, doc.published, draft, drafts, attribution_time)
    if story is None:
        return None
    if after and not _told_right_before(doc, draft, story[0]):
        return None  # "had been arrested in August ... spent the following three months": not from then
    earliest = story[0] + timedelta(days=1 if after else 0)
    latest = min(doc.published, story[0] + timedelta(days=int(m.group("n")) * _SPAN_DAYS[m.group("unit")]))
    draft.reasons.append(f"date: “{own.text}” from the story's time")
    return relative_window(earliest, latest, timex=own.value)


def _told_right_before(doc: Doc, draft: EventDraft, day: date) -> bool:
    """Whether the sentence right before the act's names ``day`` and no other date."""
    before = [s for s in doc.sentences if s.end <= draft.sentence.start]
    if not before:
        return False
    dated = [
        t.window
        for t in doc.timexes
        if before[-1].start <= t.start < before[-1].end
        and t.window is not None
        and t.window.earliest is not None
    ]
    return bool(dated) and all(w.earliest == day for w in dated)
