"""Weekdays read against the date after them, once every date of the text is known: "picked up on a
Saturday in late July" is some Saturday of late July, "on the Monday before the April 15 holiday" the
Monday before April 15."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from kirok.model import DateResolution, Span, TimeWindow
from kirok.pipeline.doc import Timex
from kirok.timex.calendar import day_granule, precision_of
from kirok.timex.lexicon import Lexicon, normal_key
from kirok.timex.readings import Reading

__all__ = ["weekday_of_week", "weekdays_next_to", "weekdays_within"]

#: "on a Saturday in late July": an indefinite weekday, then the date it lies in
_A_WEEKDAY = re.compile(r"\b(?:an?|one)\s+$", re.IGNORECASE)
_WITHIN_GAP = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?")
#: "on the Monday before the April 15 holiday": a definite weekday, then the date it is counted from
_THE_WEEKDAY = re.compile(r"\bthe\s+$", re.IGNORECASE)
_NEXT_TO_GAP = re.compile(r"\s+(?P<dir>before|after)\s+(?:the\s+)?", re.IGNORECASE)
#: "since Monday of last week", "on Wednesday and Thursday of last week": weekdays, then their week
_WEEKDAYS_JOINED = re.compile(r"\s*(?:,\s*)?(?:and|or|,)\s*")
_OF_WEEK_GAP = re.compile(r"\s+(?:of\s+)?")
_A_WEEK = re.compile(r"(?:last|this|next|the\s+(?:previous|following|same))\s+week\b", re.IGNORECASE)


def weekdays_within(text: str, timexes: list[Timex], lexicon: Lexicon) -> list[Timex]:
    """ "picked up on a Saturday in late July": some Saturday of late July (XXXX-WXX-6), whose window runs
    from the first such weekday in that date to the last, not the Saturday before publication."""
    out = list(timexes)
    for i, t in enumerate(timexes[:-1]):
        weekday = lexicon.weekdays.get(normal_key(t.text))
        after = timexes[i + 1]
        outer = after.window
        if weekday is None or not _A_WEEKDAY.search(text, max(0, t.start - 6), t.start):
            continue
        if not _WITHIN_GAP.fullmatch(text, t.end, after.start) or outer is None:
            continue
        if outer.earliest is None or outer.latest is None:
            continue
        first = outer.earliest + timedelta(days=(weekday - outer.earliest.isoweekday()) % 7)
        last = outer.latest - timedelta(days=(outer.latest.isoweekday() - weekday) % 7)
        if first > last:
            continue
        out[i] = _with_days(t, first, last, f"XXXX-WXX-{weekday}")
    return out


def _with_days(t: Timex, first: date, last: date, value: str) -> Timex:
    """``t`` read anew as the days ``first`` to ``last``, with the TIMEX3 ``value``."""
    window = TimeWindow(
        earliest=first,
        latest=last,
        precision=precision_of(first, last),
        resolution=DateResolution.RELATIVE,
        timex=value,
        span=Span(start=t.start, end=t.end, text=t.text),
    )
    return replace(t, value=value, window=window)


def weekdays_next_to(text: str, timexes: list[Timex], lexicon: Lexicon) -> list[Timex]:
    """ "on the Monday before the April 15 holiday", "the Friday after Chuseok": the nearest such weekday
    before (after) the date named next, not the one before publication."""
    out = list(timexes)
    for i, t in enumerate(timexes[:-1]):
        weekday = lexicon.weekdays.get(normal_key(t.text))
        outer = timexes[i + 1].window
        gap = _NEXT_TO_GAP.fullmatch(text, t.end, timexes[i + 1].start)
        if weekday is None or gap is None or not _THE_WEEKDAY.search(text, max(0, t.start - 6), t.start):
            continue
        if outer is None or outer.earliest is None or outer.latest is None:
            continue
        if gap.group("dir").lower() == "before":
            day = outer.earliest - timedelta(days=(outer.earliest.isoweekday() - weekday - 1) % 7 + 1)
        else:
            day = outer.latest + timedelta(days=(weekday - outer.latest.isoweekday() - 1) % 7 + 1)
        out[i] = _with_days(t, day, day, day.isoformat())
    return out


def weekday_of_week(
    text: str,
    spans: list[tuple[int, int]],
    index: int,
    lexicon: Lexicon,
    read_ahead: Callable[[int], Reading | None],
) -> tuple[Reading, int] | None:
    """ "since Monday of last week", "on Wednesday and Thursday of last week": the weekday at ``spans[index]``
    in the week named after it (read with ``read_ahead``), not the latest one before publication, and
    the index of that week; ``None`` for any other expression."""
    weekday = lexicon.weekdays.get(normal_key(text[spans[index][0] : spans[index][1]]))
    if weekday is None:
        return None
    last = index + 1
    while (
        last < len(spans)
        and lexicon.weekdays.get(normal_key(text[spans[last][0] : spans[last][1]])) is not None
        and _WEEKDAYS_JOINED.fullmatch(text, spans[last - 1][1], spans[last][0])
    ):
        last += 1
    if last == len(spans) or not _OF_WEEK_GAP.fullmatch(text, spans[last - 1][1], spans[last][0]):
        return None
    if not _A_WEEK.match(text, spans[last][0]):
        return None
    week = read_ahead(last)
    if week is None or week.granule is None or week.granule.unit != "W":
        return None
    first = week.granule.earliest
    day = first + timedelta(days=(weekday - first.isoweekday()) % 7)
    return Reading("DATE", day.isoformat(), day_granule(day), DateResolution.RELATIVE), last
