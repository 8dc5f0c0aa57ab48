"""Weeks and weekdays named by their place in a month: "the second week of January", "the last week in
May", "the last Saturday of May", "the first Monday of next month", "May's final Friday"; and the first or
last day of a month or year: "the last day of the year", "the first day of March".

The month's year is read as for a bare month ("May"): the most recent one not after the publication
date, unless the clause looks ahead. A week is the Monday-to-Sunday week holding the middle of the days
it stands for (TIMEX3 ``YYYY-Www``); a weekday is one day (``YYYY-MM-DD``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from kirok.model import DateResolution
from kirok.timex.calendar import (
    add_months,
    day_granule,
    last_day,
    month_granule,
    month_week_granule,
    nth_weekday,
)
from kirok.timex.context import Reference
from kirok.timex.lexicon import Lexicon, normal_key
from kirok.timex.readings import Reading, unresolved
from kirok.timex.years import year_for

__all__ = ["read_day_of_period", "read_month_ordinal"]

#: How far (in characters) back the date that "the month" is the month of may stand.
_NEAR_CHARS = 400
#: Ordinals that count from the end of the month.
_FROM_END = frozenset({"last", "final"})


def read_month_ordinal(
    g: dict[str, str | None],
    year: int | None,
    rel: str | None,
    ref: Reference,
    tense: str,
    lexicon: Lexicon,
    warnings: list[str],
) -> Reading:
    """The week (no ``weekday`` group) or weekday of a month that the ``weekord`` group places in it."""
    word = normal_key(g.get("weekord"))
    ordinal = -1 if word in _FROM_END else lexicon.ordinals.get(word, -1)
    weekday = lexicon.weekdays[normal_key(g["weekday"])] if g.get("weekday") else None
    unit = "D" if weekday is not None else "W"
    resolution = DateResolution.ABSOLUTE if year is not None else DateResolution.RELATIVE
    month: int | None = None
    if g.get("month"):
        month = lexicon.month_number(g["month"] or "")
    elif rel == "the":  # "the last Friday of the month"
        year, month = _the_month(weekday, ordinal, ref, tense)
    elif ref.anchor is not None:  # "the first Monday of next month"
        moved = add_months(ref.anchor.replace(day=1), -1 if rel == "last" else 1 if rel == "next" else 0)
        month, year = moved.month, moved.year
    inferred = month is not None and year is None
    if month is not None and year is None:
        year = year_for(month, None, None, ref, tense)
        if year is not None:
            ref.months[month] = year
    if month is None or year is None:
        return _unresolved(unit, month, warnings)
    if weekday is None:
        granule = month_week_granule(year, month, ordinal)
        return Reading("DATE", granule.value, granule, resolution, tuple(warnings))
    day = nth_weekday(year, month, weekday, ordinal)
    if inferred and day is not None and tense != "future" and ref.anchor is not None and day > ref.anchor:
        # "the last Saturday of May" told of the past on 10 May: the May before
        year -= 1
        ref.months[month] = year
        day = nth_weekday(year, month, weekday, ordinal)
    if day is None:
        warnings.append(f"no {word} {g['weekday']} in {date(year, month, 1):%B %Y}: kept the month")
        granule = month_granule(year, month)
        return Reading("DATE", granule.value, granule, resolution, tuple(warnings))
    granule = day_granule(day)
    return Reading("DATE", granule.value, granule, resolution, tuple(warnings))


def read_day_of_period(
    g: dict[str, str | None],
    year: int | None,
    rel: str | None,
    ref: Reference,
    tense: str,
    lexicon: Lexicon,
    warnings: list[str],
) -> Reading:
    """The first or last day of a month or year (the ``dayord`` group): "the last day of the year" told of
    the past in early January is Dec. 31 of the year just ended; "the first day of next month"."""
    first = normal_key(g.get("dayord")) == "first"
    resolution = DateResolution.ABSOLUTE if year is not None else DateResolution.RELATIVE
    month: int | None = None
    anchor = ref.anchor
    if g.get("month"):
        month = lexicon.month_number(g["month"] or "")
        if year is None:
            year = year_for(month, 1 if first else 28, None, ref, tense)
    elif anchor is not None:
        unit = normal_key(g.get("period"))
        step = {"last": -1, "next": 1}.get(rel or "", 0)
        if unit == "year":
            year, month = anchor.year + step, 1 if first else 12
        else:
            moved = add_months(anchor.replace(day=1), step)
            year, month = moved.year, moved.month
        last = ref.near_last(_NEAR_CHARS)
        if rel == "the" and last is not None and last.unit in ("D", "M", "Y"):  # "in March ... that month"
            year = last.earliest.year
            month = (1 if first else 12) if unit == "year" else last.earliest.month
        elif rel in ("the", "this"):  # "the last day of the year" told of the past: of the one just ended
            day = date(year, month, 1 if first else last_day(year, month))
            ahead = tense == "future" or (ref.lead == "by" and tense != "past")  # "done by the last day of"
            if not ahead and day > anchor:
                year, month = _period_before(unit, year, month)
            elif ahead and day < anchor:
                year, month = _period_before(unit, year, month, -1)
    if month is None or year is None:
        return _unresolved("D", month, warnings)
    granule = day_granule(date(year, month, 1 if first else last_day(year, month)))
    return Reading("DATE", granule.value, granule, resolution, tuple(warnings))


def _period_before(unit: str, year: int, month: int, steps: int = 1) -> tuple[int, int]:
    """The year and month of the year or month ``steps`` before (after, when negative)."""
    if unit == "year":
        return year - steps, month
    moved = add_months(date(year, month, 1), -steps)
    return moved.year, moved.month


def _the_month(
    weekday: int | None, ordinal: int, ref: Reference, tense: str
) -> tuple[int | None, int | None]:
    """Year and month of "the month": that of the last day or month the text named, close before;
    else the publication month, or the month before (after) it when the day would lie ahead of
    (behind) publication in a clause that does not look ahead (does)."""
    last = ref.near_last(_NEAR_CHARS)
    if last is not None and last.unit in ("D", "M"):
        return last.earliest.year, last.earliest.month
    anchor = ref.anchor
    if anchor is None:
        return None, None
    if weekday is None:  # a week: its middle day
        middle = min(7 * ordinal - 3, 28) if ordinal > 0 else 28
        day: date | None = anchor.replace(day=middle)
    else:
        day = nth_weekday(anchor.year, anchor.month, weekday, ordinal)
    step = 0
    if day is not None and tense != "future" and day > anchor:
        step = -1
    elif day is not None and tense == "future" and day < anchor:
        step = 1
    moved = add_months(anchor.replace(day=1), step)
    return moved.year, moved.month


def _unresolved(unit: str, month: int | None, warnings: list[str]) -> Reading:
    reading = unresolved(unit, tuple(warnings))
    if unit == "D" and month is not None:
        return replace(reading, value=f"XXXX-{month:02d}-XX")
    return reading
