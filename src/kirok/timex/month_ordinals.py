"""Weeks and weekdays named by their place in a month: "the second week of January", "the last week in
May", "the last Saturday of May", "the first Monday of next month", "May's final Friday".

The month's year is read as for a bare month ("May"): the most recent one not after the publication
date, unless the clause looks ahead. A week is the Monday-to-Sunday week holding the middle of the days
it stands for (TIMEX3 ``YYYY-Www``); a weekday is one day (``YYYY-MM-DD``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from kirok.model import DateResolution
from kirok.timex.calendar import add_months, day_granule, month_granule, month_week_granule, nth_weekday
from kirok.timex.context import Reference
from kirok.timex.lexicon import Lexicon, normal_key
from kirok.timex.readings import Reading, unresolved
from kirok.timex.years import year_for

__all__ = ["read_month_ordinal"]

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


def _the_month(
    weekday: int | None, ordinal: int, ref: Reference, tense: str
) -> tuple[int | None, int | None]:
    """Year and month of "the month": that of the last day or month the text named, close before;
    else the publication month, or the month before (after) it when the day would lie ahead of
    (behind) publication in a clause that does not look ahead (does)."""
    last = ref.last if ref.last is not None and ref.at - ref.last_at <= _NEAR_CHARS else None
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
