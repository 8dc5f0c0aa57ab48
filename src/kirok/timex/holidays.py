"""Reading holidays: fixed days ("Christmas", "the Day of the Sun"), weekday rules ("Thanksgiving") and
days the lexicon's tables give year by year (the lunar new year, Chuseok, North Korea's Army
Foundation Day, which moved in 1978 and again in 2018).

A holiday named without a year reads like a month and day: the most recent one not after the
publication date, unless the clause looks ahead.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from kirok.model import DatePrecision, DateResolution
from kirok.timex.calendar import day_granule, month_granule
from kirok.timex.context import Reference
from kirok.timex.lexicon import Lexicon
from kirok.timex.readings import Reading, unresolved
from kirok.timex.years import year_for

__all__ = ["around_holiday", "holiday_day", "read_holiday"]

_WEEKDAY_CODES = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")
_CALENDAR = "CAL:"
_AROUND = re.compile(r"(?<!\w)(?:around|about|approximately|circa|near)\s+(?:the\s+)?$", re.IGNORECASE)
#: "Around the Lunar New Year" reaches this many days either side of the holiday: some of our annotators
#: gave it four or five days, others a week, and a window of four days lies inside both readings.
_AROUND_DAYS = 4


def holiday_day(name: str, year: int, lexicon: Lexicon) -> date | None:
    """The day the holiday ``name`` (a lexicon key) falls on in ``year``; ``None`` when its table has no
    entry for that year."""
    month, spec = lexicon.holidays[name]
    if isinstance(spec, int):
        return date(year, month, spec)
    if spec.startswith(_CALENDAR):
        found = lexicon.holiday_calendars[spec.removeprefix(_CALENDAR)].on(year)
        return date(year, found[0], found[1]) if found is not None else None
    weekday, _, first_day = spec.partition("@")  # "THU@22": the first Thursday from the 22nd on
    first = date(year, month, int(first_day))
    return first + timedelta(days=(_WEEKDAY_CODES.index(weekday) - first.weekday()) % 7)


def read_holiday(
    name: str,
    year: int | None,
    rel: str | None,
    ref: Reference,
    tense: str,
    lexicon: Lexicon,
    warnings: list[str],
) -> Reading:
    month = lexicon.holidays[name][0]
    resolution = DateResolution.ABSOLUTE
    if year is None:
        resolution = DateResolution.RELATIVE
        probe = ref.anchor.year if ref.anchor is not None else ref.year
        typical = holiday_day(name, probe, lexicon) if probe is not None else None
        if typical is not None:
            year = year_for(typical.month, typical.day, rel, ref, tense)
        else:
            year = year_for(month, 15, rel, ref, tense)
    if year is None:
        spec = lexicon.holidays[name][1]
        value = f"XXXX-{month:02d}" + (f"-{spec:02d}" if isinstance(spec, int) else "")
        return replace(unresolved("D", tuple(warnings)), value=value)
    day = holiday_day(name, year, lexicon)
    if day is None:
        warnings.append(
            f"no date for '{name}' in {year} in the holiday tables: kept the month it mostly falls in"
        )
        granule = month_granule(year, month)
        return Reading("DATE", granule.value, granule, resolution, tuple(warnings))
    granule = day_granule(day)
    return Reading("DATE", granule.value, granule, resolution, tuple(warnings))


def around_holiday(reading: Reading, text: str, start: int) -> Reading:
    """``reading`` of the holiday at ``start``, its window widened when "around" or "about" comes
    before it: a holiday stands for the days about it, not for the one day."""
    g = reading.granule
    if g is None or g.unit != "D" or not _AROUND.search(text, max(0, start - 20), start):
        return reading
    span = timedelta(days=_AROUND_DAYS)
    wide = replace(g, earliest=g.earliest - span, latest=g.latest + span, precision=DatePrecision.WEEK)
    return replace(reading, granule=wide)
