"""Reading durations ("three months", "for hours"), sets ("every Monday", "daily"), clock times ("5 PM")
and years before Christ.

A duration anchored on the publication date ("the past three months", "in the past few days") also
gets the window it covers, since that is what an event dated by it needs.
"""

from __future__ import annotations

from datetime import date, timedelta

from kirok.model import DatePrecision, DateResolution
from kirok.timex.calendar import Granule, day_granule
from kirok.timex.context import Reference
from kirok.timex.lexicon import Lexicon, normal_key
from kirok.timex.readings import NO_ANCHOR, Reading
from kirok.timex.relative import move

__all__ = ["duration_value", "read_bc", "read_clock", "read_duration", "read_set"]

_REL = DateResolution.RELATIVE


#: A unit, the next smaller one and how many of those it holds: 2.5 years are "P2Y6M".
_SPLIT = {"Y": ("M", 12), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}
#: Decades and centuries are written in years: "P10Y", "P200Y".
_IN_YEARS = {"DE": 10, "CE": 100}


def duration_value(count: int | float | str, unit: str) -> str:
    """TIMEX3 duration: (3, "M") -> "P3M", (5, "H") -> "PT5H", ("X", "D") -> "PXD", (2.5, "Y") -> "P2Y6M",
    (2, "DE") -> "P20Y"."""
    if unit in _IN_YEARS and not isinstance(count, str):
        count, unit = count * _IN_YEARS[unit], "Y"
        count = int(count) if float(count).is_integer() else count
    if isinstance(count, float) and unit in _SPLIT and (count * _SPLIT[unit][1]).is_integer():
        small, per = _SPLIT[unit]
        whole, rest = int(count), round((count - int(count)) * per)
        head = duration_value(whole, unit) if whole else "P"
        tail = duration_value(rest, small)[1:]
        if "T" in head:
            tail = tail.removeprefix("T")
        return head + tail
    if isinstance(count, float):
        number = f"{count:g}"
    else:
        number = str(count)
    if unit == "FN":
        return f"P{count * 2}W" if isinstance(count, int) else f"P{number}W"
    if unit == "N":
        unit = "D"
    if unit in ("H", "MIN", "S"):
        return f"PT{number}{'M' if unit == 'MIN' else unit}"
    return f"P{number}{unit}"


def _count_value(count: int | float | str, written: str, unit: str) -> str:
    """The value of ``count`` units; a decimal stays as written ("7.6 hours": PT7.6H, not PT7H36M)."""
    if isinstance(count, float) and "." in written and unit not in _IN_YEARS:
        return duration_value(f"{count:g}", unit)
    return duration_value(count, unit)


def read_duration(groups: dict[str, str | None], ref: Reference, lexicon: Lexicon) -> Reading:
    unit_word = normal_key(groups["unit"] or "")
    unit = lexicon.units[unit_word]
    plural = unit_word.endswith("s") and unit_word not in ("hrs", "mins", "secs")
    count: int | float | str
    if groups.get("num"):
        count = lexicon.number(groups["num"] or "")
        if (groups.get("half") or groups.get("halfafter")) and isinstance(count, int):
            count = count + 0.5
    else:
        count = "X" if plural else 1
    value = _count_value(count, groups.get("num") or "", unit)
    quant = lexicon.quantifiers.get(normal_key(groups["quant"])) if groups.get("quant") else None
    anchor = ref.anchor
    if quant not in ("ANCHOR_PAST", "ANCHOR_FUTURE") or unit in ("H", "MIN", "S"):
        return Reading("DURATION", value, None, _REL)
    if anchor is None:
        return Reading("DURATION", value, None, DateResolution.UNRESOLVED, (NO_ANCHOR,))
    steps = lexicon.vague_counts.get(unit, 3) if isinstance(count, str) else round(count)
    if quant == "ANCHOR_PAST":
        earliest, latest = move(anchor, unit, -steps), anchor
    else:
        earliest, latest = anchor, move(anchor, unit, steps)
    window = Granule(earliest, latest, DatePrecision.DAY, value, "D")
    return Reading("DURATION", value, window, _REL)


def read_set(groups: dict[str, str | None], lexicon: Lexicon) -> Reading:
    if groups.get("setword"):
        return Reading("SET", lexicon.set_words[normal_key(groups["setword"] or "")], None, _REL)
    if groups.get("weekday"):
        return Reading("SET", f"XXXX-WXX-{lexicon.weekdays[normal_key(groups['weekday'] or '')]}", None, _REL)
    if groups.get("pweekday"):  # "closed on Mondays"
        day = lexicon.weekdays[normal_key(groups["pweekday"] or "")]
        return Reading("SET", f"XXXX-WXX-{day}", None, _REL)
    if groups.get("season"):  # "every winter"
        return Reading("SET", f"XXXX-{lexicon.seasons[normal_key(groups['season'] or '')]}", None, _REL)
    if groups.get("weekend"):
        return Reading("SET", "XXXX-WXX-WE", None, _REL)
    if groups.get("month"):  # "every December"
        return Reading("SET", f"XXXX-{lexicon.months[normal_key(groups['month'] or '')]:02d}", None, _REL)
    word = normal_key(groups["unit"] or "")
    if groups.get("num") or groups.get("other"):  # "every six hours", "every few days", "every other day"
        count = 2 if groups.get("other") else lexicon.number(groups["num"] or "")
        return Reading("SET", _count_value(count, groups["num"] or "", lexicon.units[word]), None, _REL)
    if word in lexicon.parts_of_day:
        return Reading("SET", f"XXXX-XX-XXT{lexicon.parts_of_day[word]}", None, _REL)
    return Reading("SET", duration_value(1, lexicon.units[word]), None, _REL)


def read_clock(
    groups: dict[str, str | None], ref: Reference, lexicon: Lexicon, dated: date | None = None
) -> Reading:
    """A clock time on ``dated`` (the day named after it: "5 p.m. Friday"), else on "today",
    "yesterday" after it, else on the day the text named just before, else on the publication date (in
    a story set in the past: on the last day it named, or on no known day)."""
    named = normal_key(groups["named"]) if groups.get("named") else None
    if named:
        hour, minute = (0, 0) if named == "midnight" else (12, 0)
    else:
        hour, minute = int(groups["hour"] or 0), int(groups.get("minute") or 0)
        ampm = (groups.get("ampm") or "").lower()
        if groups.get("half"):  # "4 in the morning", "3 in the afternoon"
            ampm = "am" if normal_key(groups["half"] or "") == "morning" else "pm"
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    # a history's clock times are on the days it tells of, never on its publication date
    day = dated or ref.recent_day() or (ref.day if ref.narrative else ref.anchor)
    if groups.get("deictic") and ref.anchor is not None:
        day = ref.anchor + timedelta(days=lexicon.deictic_days[normal_key(groups["deictic"])])
    clock = "T24:00" if named == "midnight" else f"T{hour:02d}:{minute:02d}"  # the end of the day named
    if day is None:
        return Reading("TIME", "XXXX-XX-XX" + clock, None, DateResolution.UNRESOLVED, (NO_ANCHOR,))
    return Reading("TIME", day.isoformat() + clock, day_granule(day), _REL)


def read_bc(groups: dict[str, str | None]) -> Reading:
    return Reading("DATE", f"BC{int(groups['bc'] or 0):04d}", None, DateResolution.ABSOLUTE)
