"""Stretches of calendar and their TIMEX3 values: a day, an ISO week, a month, a season, a year.

A :class:`Granule` is the plain-data form of a window before it becomes a
:class:`~kirok.model.TimeWindow`: first day, last day, precision and TIMEX3 value.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from kirok.model import DatePrecision

__all__ = [
    "Granule",
    "last_day",
    "precision_of",
    "weekend_granule",
    "add_months",
    "day_granule",
    "decade_granule",
    "half_year_granule",
    "century_granule",
    "month_granule",
    "month_week_granule",
    "narrow",
    "narrow_by_words",
    "nth_weekday",
    "quarter_granule",
    "season_granule",
    "shift",
    "week_granule",
    "year_granule",
]


@dataclass(frozen=True, slots=True)
class Granule:
    earliest: date
    latest: date
    precision: DatePrecision
    value: str
    unit: str  # D, W, M, Q, SE (season), Y, DE, CE


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, last_day(year, month + 1)))


def day_granule(day: date) -> Granule:
    return Granule(day, day, DatePrecision.DAY, day.isoformat(), "D")


def week_granule(day: date) -> Granule:
    monday = day - timedelta(days=day.weekday())
    iso = monday.isocalendar()
    return Granule(monday, monday + timedelta(days=6), DatePrecision.WEEK, f"{iso[0]:04d}-W{iso[1]:02d}", "W")


def weekend_granule(day: date) -> Granule:
    week = week_granule(day)
    return Granule(
        week.earliest + timedelta(days=5), week.latest, DatePrecision.DAY, week.value + "-WE", "WE"
    )


def month_granule(year: int, month: int) -> Granule:
    return Granule(
        date(year, month, 1),
        date(year, month, last_day(year, month)),
        DatePrecision.MONTH,
        f"{year:04d}-{month:02d}",
        "M",
    )


def month_week_granule(year: int, month: int, ordinal: int) -> Granule:
    """The ``ordinal``-th week of a month (-1: the last): its days 1-7, 8-14, ... (the last seven days for
    -1), valued as the Monday-to-Sunday week holding their middle, so "the second week of January 2022" is
    2022-W02 and runs 8-14 January."""
    end = last_day(year, month)
    first = end - 6 if ordinal < 0 else min(7 * ordinal - 6, end - 6)
    week = week_granule(date(year, month, first + 3))
    return replace(week, earliest=date(year, month, first), latest=date(year, month, first + 6))


def nth_weekday(year: int, month: int, weekday: int, ordinal: int) -> date | None:
    """The ``ordinal``-th ``weekday`` (1 = Monday) of a month, -1 the last: "the last Saturday of May 2022"
    is 28 May. ``None`` when the month has no such day (a fifth Monday in most months)."""
    end = last_day(year, month)
    if ordinal < 0:
        last = date(year, month, end)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    day = 1 + (weekday - first.isoweekday()) % 7 + 7 * (ordinal - 1)
    return date(year, month, day) if 1 <= day <= end else None


def quarter_granule(year: int, quarter: int) -> Granule:
    first = 3 * (quarter - 1) + 1
    return Granule(
        date(year, first, 1),
        date(year, first + 2, last_day(year, first + 2)),
        DatePrecision.SEASON,
        f"{year:04d}-Q{quarter}",
        "Q",
    )


def half_year_granule(year: int, half: int) -> Granule:
    """The first (January-June) or second (July-December) half of ``year``, TIMEX3 ``YYYY-H1``/``-H2``."""
    first = 1 if half == 1 else 7
    return Granule(
        date(year, first, 1),
        date(year, first + 5, last_day(year, first + 5)),
        DatePrecision.SEASON,
        f"{year:04d}-H{half}",
        "Y",  # counts as a year for anaphora ("the same year") and shifts
    )


def season_granule(year: int, code: str, months: tuple[int, int]) -> Granule:
    """``YYYY-WI`` is the winter that begins in December of ``YYYY``."""
    first, last = months
    end_year = year + 1 if last < first else year
    return Granule(
        date(year, first, 1),
        date(end_year, last, last_day(end_year, last)),
        DatePrecision.SEASON,
        f"{year:04d}-{code}",
        "SE",
    )


def year_granule(year: int) -> Granule:
    return Granule(date(year, 1, 1), date(year, 12, 31), DatePrecision.YEAR, f"{year:04d}", "Y")


def decade_granule(first_year: int) -> Granule:
    return Granule(
        date(first_year, 1, 1),
        date(first_year + 9, 12, 31),
        DatePrecision.YEAR,
        f"{first_year // 10:03d}",
        "DE",
    )


def century_granule(index: int) -> Granule:
    """``index`` 19 is the years 1900-1999 (the twentieth century), TIMEX3 ``19``."""
    return Granule(
        date(max(index * 100, 1), 1, 1),
        date(index * 100 + 99, 12, 31),
        DatePrecision.YEAR,
        f"{index:02d}",
        "CE",
    )


def shift(granule: Granule, steps: int) -> Granule:
    """The granule ``steps`` units before (negative) or after this one: last week, next month."""
    start = granule.earliest
    if granule.unit == "D":
        return day_granule(start + timedelta(days=steps))
    if granule.unit in ("W", "WE"):
        moved = start + timedelta(weeks=steps)
        return week_granule(moved) if granule.unit == "W" else weekend_granule(moved)
    if granule.unit == "M":
        moved = add_months(start, steps)
        return month_granule(moved.year, moved.month)
    if granule.unit == "Q":
        moved = add_months(start, 3 * steps)
        return quarter_granule(moved.year, (moved.month - 1) // 3 + 1)
    if granule.unit == "Y":
        return year_granule(start.year + steps)
    if granule.unit == "DE":
        return decade_granule(start.year + 10 * steps)
    if granule.unit == "CE":
        return century_granule(start.year // 100 + steps)
    return granule


#: Modifiers that name the very end of a unit, not its last third: "at the end of last year" is late
#: December, where "late last year" is September to December.
_END_POINT_WORDS = frozenset({"the end of", "end of", "the close of"})
_START_POINT_WORDS = frozenset({"the beginning of", "beginning of", "the start of", "start of"})


def narrow_by_words(granule: Granule, mod: str, words: str) -> Granule:
    """:func:`narrow`, but "the end of" a year is its last ten or eleven days (December 21-31), "the
    beginning of" a year its January ("early" in the year is still January to April), and a half of a
    month is its 1st to 15th or 16th to last day."""
    if mod == "END" and words in _END_POINT_WORDS and granule.unit == "Y":
        year = granule.earliest.year
        return replace(granule, earliest=date(year, 12, 21), latest=date(year, 12, 31))
    if mod == "START" and words in _START_POINT_WORDS and granule.unit == "Y":
        year = granule.earliest.year
        return replace(granule, earliest=date(year, 1, 1), latest=date(year, 1, 31))
    if words.endswith("half of") and granule.unit == "M":  # "the second half of last month": 16th to end
        first = granule.earliest
        if mod == "START":
            return replace(granule, latest=first.replace(day=15))
        return replace(granule, earliest=first.replace(day=16))
    return narrow(granule, mod)


def narrow(granule: Granule, mod: str) -> Granule:
    """Early, mid or late part of a granule; the TIMEX3 value stays that of the whole.

    A month splits into days 1-10, 11-20 and 21-end; a year into January-April, May-August and
    September-December; a decade into years 0-3, 4-6 and 7-9; the middle of a week is Tuesday to
    Thursday; anything else splits into thirds of its days.
    """
    first, last = granule.earliest, granule.latest
    if granule.unit == "M":
        bounds = {"START": (1, 10), "MID": (11, 20), "END": (21, last.day)}[mod]
        return replace(granule, earliest=first.replace(day=bounds[0]), latest=first.replace(day=bounds[1]))
    if granule.unit == "Y":
        months = {"START": (1, 4), "MID": (5, 8), "END": (9, 12)}[mod]
        return replace(
            granule,
            earliest=date(first.year, months[0], 1),
            latest=date(first.year, months[1], last_day(first.year, months[1])),
        )
    if granule.unit == "DE":
        years = {"START": (0, 3), "MID": (4, 6), "END": (7, 9)}[mod]
        return replace(
            granule, earliest=date(first.year + years[0], 1, 1), latest=date(first.year + years[1], 12, 31)
        )
    if granule.unit == "W" and mod == "MID":  # midweek: Tuesday to Thursday, around its Wednesday
        return replace(granule, earliest=first + timedelta(days=1), latest=first + timedelta(days=3))
    length = (last - first).days + 1
    third = max(length // 3, 1)
    if mod == "START":
        return replace(granule, latest=first + timedelta(days=third - 1))
    if mod == "END":
        return replace(granule, earliest=last - timedelta(days=third - 1))
    return replace(granule, earliest=first + timedelta(days=third), latest=last - timedelta(days=third))


def precision_of(earliest: date, latest: date) -> DatePrecision:
    """The precision a window really has, from its length."""
    days = (latest - earliest).days + 1
    if days <= 1:
        return DatePrecision.DAY
    if days <= 7:
        return DatePrecision.WEEK
    if days <= 31:
        return DatePrecision.MONTH
    if days <= 92:
        return DatePrecision.SEASON
    if days <= 366:
        return DatePrecision.YEAR
    return DatePrecision.UNKNOWN
