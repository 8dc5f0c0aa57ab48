"""Reading calendar expressions: dates, months, seasons, quarters, years, decades, weekdays, holidays.

A month or day without a year takes the most recent one not after the publication date, since news
speaks of the past, unless its clause speaks of the future ("will be held on Oct. 20") or the text is a
story set in a year it named.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from kirok.model import DateResolution
from kirok.timex.calendar import (
    Granule,
    century_granule,
    day_granule,
    decade_granule,
    half_year_granule,
    last_day,
    month_granule,
    narrow_by_words,
    quarter_granule,
    season_granule,
    week_granule,
    year_granule,
)
from kirok.timex.context import Reference
from kirok.timex.holidays import read_holiday
from kirok.timex.lexicon import Lexicon, normal_key
from kirok.timex.month_ordinals import read_day_of_period, read_month_ordinal
from kirok.timex.readings import Reading, unresolved
from kirok.timex.years import year_for

__all__ = ["read_date", "two_digit_year"]

_ABS = DateResolution.ABSOLUTE
_REL = DateResolution.RELATIVE


def two_digit_year(yy: int, anchor: date | None) -> int:
    """``'19`` -> 2019: the century that puts the year at most 10 years after the anchor (or 2000s)."""
    pivot = (anchor.year if anchor else 2000) + 10
    year = (pivot // 100) * 100 + yy
    return year - 100 if year > pivot else year


def _pivot(ref: Reference) -> date | None:
    """What a two-digit year is read near: the year a story set in the past is in ("the class of '99" in
    a story of 1917 is 1899), else the publication date."""
    story = ref.narrative_year()
    return date(story, 7, 1) if story is not None and story > 0 else ref.anchor


def _year_in_words(words: str, lexicon: Lexicon) -> int | None:
    """ "nineteen ninety-six" -> 1996, "eighteen hundred" -> 1800, "two thousand and one" -> 2001."""
    parts = normal_key(words).replace("-", " ").split()
    if parts[:2] == ["two", "thousand"]:
        rest = [p for p in parts[2:] if p != "and"]
        low = lexicon.number(" ".join(rest)) if rest else 0
        return 2000 + low if isinstance(low, int) else None
    high = lexicon.number(parts[0])
    rest = [p for p in parts[1:] if p not in ("oh", "hundred")]
    low = lexicon.number(" ".join(rest)) if rest else 0
    if not isinstance(high, int) or not isinstance(low, int):
        return None
    return high * 100 + low


def read_date(groups: dict[str, str | None], ref: Reference, tense: str, lexicon: Lexicon) -> Reading | None:
    warnings: list[str] = []
    year: int | None = None
    yrel = groups.get("yrel") or groups.get("yrel_of") or groups.get("yrel_ahead")
    if groups.get("year") or groups.get("year_b"):
        year = int(groups.get("year") or groups.get("year_b") or 0)
        if not groups.get("year") and groups.get("month") and groups.get("month_b"):
            # "from November 15 to February 15, 1989": the range crosses into the year named
            first, last = (lexicon.month_number(groups[k] or "") for k in ("month", "month_b"))
            year -= first > last
    elif groups.get("year2"):
        year = two_digit_year(int(groups["year2"] or 0), _pivot(ref))
        warnings.append(f"two-digit year '{groups['year2']}' read as {year}")
    elif groups.get("yy"):  # the "17" of "1915-17"
        opening = int(groups.get("yfirst") or 0)
        year = opening // 100 * 100 + int(groups["yy"] or 0)
        year += 100 if year < opening else 0
    elif groups.get("yearwords"):
        year = _year_in_words(groups["yearwords"] or "", lexicon)
    elif yrel:
        year = _relative_year(normal_key(yrel), ref, lexicon)
    mod = lexicon.modifiers.get(normal_key(groups["mod"])) if groups.get("mod") else None
    reading = _calendar(groups, year, ref, tense, lexicon, warnings)
    if reading is None:
        return None
    if mod and reading.granule is not None:
        if normal_key(groups.get("mod") or "") == "earlier" and ref.anchor is not None:
            mod = "START"
        whole = reading.granule
        reading = replace(reading, granule=narrow_by_words(whole, mod, normal_key(groups.get("mod") or "")))
        if "half" in normal_key(groups.get("mod")) and whole.unit == "Y":  # the second half of 2008
            half = half_year_granule(whole.earliest.year, 1 if mod == "START" else 2)
            reading = replace(reading, value=half.value, granule=half)
    if yrel:  # "the spring of last year": counted from the publication date
        reading = replace(reading, resolution=_REL)
    g = reading.granule
    if tense == "future" and g is not None and g.unit in ("Y", "DE", "CE"):
        year = None  # "the big push planned for 1976": a plan, not the year the story has moved to
    ref.saw(reading.day, year, bare=g is not None and g.unit in ("Y", "DE", "CE"))
    day = reading.day
    if day is not None and groups.get("weekof"):  # the week of March 6
        week = week_granule(day)
        return replace(reading, value=week.value, granule=week)
    if day is not None and groups.get("part") and reading.type == "DATE":  # the night of 8 February 1904
        code = lexicon.parts_of_day[normal_key(groups["part"])]
        return replace(reading, type="TIME", value=f"{reading.value}T{code}")
    return reading


def _relative_year(rel: str, ref: Reference, lexicon: Lexicon) -> int | None:
    """The year of "of last year" (from the publication date), "of that year", "of the previous year"
    (from the last date the text named)."""
    word = rel.removeprefix("the ")
    base = ref.narrative_year() or (ref.anchor.year if ref.anchor is not None else None)
    if word in lexicon.anaphoric_words:
        base = ref.last.earliest.year if ref.last is not None else ref.year or base
    return base + lexicon.relative_words[word] if base is not None else None


def _calendar(
    g: dict[str, str | None],
    year: int | None,
    ref: Reference,
    tense: str,
    lexicon: Lexicon,
    warnings: list[str],
) -> Reading | None:
    rel = normal_key(g["rel"]) if g.get("rel") else None
    if g.get("decadewords"):  # "the nineties"
        tens = lexicon.number(normal_key(g["decadewords"])[:-3] + "y")
        first = 1900 + (tens if isinstance(tens, int) else 0)
        return Reading("DATE", decade_granule(first).value, decade_granule(first), _ABS, tuple(warnings))
    if g.get("decade") or g.get("decade2"):
        first = (
            int(g["decade"] or 0)
            if g.get("decade")
            else two_digit_year(int(g["decade2"] or 0), _pivot(ref)) // 10 * 10
        )
        return Reading("DATE", decade_granule(first).value, decade_granule(first), _ABS, tuple(warnings))
    if g.get("century") or g.get("centuryword"):  # "the 19th century", "eighteenth-century France"
        number = (
            int(g["century"] or 0) if g.get("century") else lexicon.ordinals[normal_key(g["centuryword"])]
        )
        granule = century_granule(number - 1)
        return Reading("DATE", granule.value, granule, _ABS, tuple(warnings))
    if g.get("quarter"):
        return _quarter(lexicon.ordinals[normal_key(g["quarter"] or "")], year, rel, ref, tense, warnings)
    if g.get("qfrom"):  # "the October-December quarter", "the January-June period"
        return _month_range_period(g, year, ref, tense, lexicon, warnings)
    if g.get("period") and year is not None and ref.quarter is not None:  # "the 1988 quarter" of a report
        return _quarter((ref.quarter.earliest.month - 1) // 3 + 1, year, None, ref, tense, warnings)
    if g.get("season"):
        code = lexicon.seasons[normal_key(g["season"] or "")]
        return _season(code, lexicon.season_months[code], year, rel, ref, tense, warnings)
    month: int | None = None
    if g.get("month"):
        month = lexicon.month_number(g["month"] or "")
    elif g.get("monthnum"):
        month = int(g["monthnum"] or 0)
    day = int(g["day"] or 0) if g.get("day") else None
    if g.get("weekord"):  # "the second week of January", "the last Saturday of May"
        return read_month_ordinal(g, year, rel, ref, tense, lexicon, warnings)
    if g.get("dayord"):  # "the last day of the year", "the first day of March"
        return read_day_of_period(g, year, rel, ref, tense, lexicon, warnings)
    if g.get("holiday"):
        return read_holiday(normal_key(g["holiday"]), year, rel, ref, tense, lexicon, warnings)
    if month is None and day is None:
        if g.get("weekday"):
            return _weekday(
                lexicon.weekdays[normal_key(g["weekday"] or "")], rel, g.get("part"), ref, tense, lexicon
            )
        if year is not None:
            kind = year_granule(year)
            if g.get("fiscal"):
                warnings.append("fiscal year read as the calendar year")
            return Reading("DATE", kind.value, kind, _ABS, tuple(warnings))
        return None
    if month is None:  # "the 9th": a day of the month the text is in
        return _day_of_month(day or 1, rel, ref, tense, warnings)
    if year is None:
        year = year_for(month, day, rel, ref, tense)
        if year is not None and rel is None:
            ref.months[month] = year
        if year is None:
            value = f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
            return replace(unresolved("M", tuple(warnings)), value=value)
        if day is not None and g.get("weekday"):  # "Monday, Oct. 26": the year in which it is a Monday
            year = _year_of_weekday(year, month, day, lexicon.weekdays[normal_key(g["weekday"] or "")])
        resolution = _REL
    else:
        resolution = _ABS
    if day is not None and day > last_day(year, month):
        warnings.append(f"no day {day} in {date(year, month, 1):%B %Y}: kept the month")
        granule = month_granule(year, month)
        return Reading("DATE", granule.value, granule, resolution, tuple(warnings))
    granule = day_granule(date(year, month, day)) if day else month_granule(year, month)
    return Reading("DATE", granule.value, granule, resolution, tuple(warnings))


def _year_of_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """``year``, or the year next to it in which ``month``/``day`` falls on ``weekday`` (1 = Monday)."""
    for candidate in (year, year + 1, year - 1):
        if day <= last_day(candidate, month) and date(candidate, month, day).isoweekday() == weekday:
            return candidate
    return year


def _day_of_month(
    day: int, rel: str | None, ref: Reference, tense: str, warnings: list[str]
) -> Reading | None:
    # "an order in July ... <new paragraph> caught on the 12th": of the month it is told in
    last = ref.near_last(400, same_paragraph=True)
    if rel in ("last", "next", "this") or ref.last_aside:  # "the 26th of last month" counts from
        last = None  # publication; so does "the 4th" after "a man who was repatriated in February"
    told = last.earliest if last is not None and last.unit in ("D", "M") else None
    if told is not None and ref.anchor is not None and told > ref.anchor and tense != "future":
        told = None  # "to be finished before the anniversary in October ... left on the 6th": not October's
    base = told or ref.anchor
    if base is None:
        return replace(unresolved("D", tuple(warnings)), value=f"XXXX-XX-{day:02d}")
    year, month = base.year, base.month
    if rel == "last":
        month -= 1
    elif rel == "next":
        month += 1
    elif told is None and tense != "future" and day > base.day:
        month -= 1
    elif told is None and tense == "future" and day < base.day:
        month += 1
    elif (
        told is not None
        and last is not None
        and last.unit == "D"
        and tense != "future"
        and ref.anchor is not None
        and (year, month, day) > (ref.anchor.year, ref.anchor.month, ref.anchor.day)
    ):
        month -= 1  # "on the 16th ... on the 26th", said on the 20th: the 26th of the month before
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    if day > last_day(year, month):
        warnings.append(f"no day {day} in {date(year, month, 1):%B %Y}: kept the month")
        granule = month_granule(year, month)
        return Reading("DATE", granule.value, granule, _REL, tuple(warnings))
    granule = day_granule(date(year, month, day))
    return Reading("DATE", granule.value, granule, _REL, tuple(warnings))


def _weekday(
    weekday: int, rel: str | None, part: str | None, ref: Reference, tense: str, lexicon: Lexicon
) -> Reading:
    base = ref.anchor if ref.anchor is not None else ref.day
    if base is None:
        value = f"XXXX-WXX-{weekday}"
        return replace(unresolved("D"), value=value)
    this_week = week_granule(base).earliest + timedelta(days=weekday - 1)
    after = _following_weekday(weekday, rel, ref)
    if after is not None:
        day = after
    elif rel == "this":
        day = this_week
    elif rel in ("last", "past"):
        day = this_week if this_week < base else this_week - timedelta(days=7)
    elif rel in ("next", "coming"):
        day = this_week if this_week > base else this_week + timedelta(days=7)
    elif tense == "future":
        day = this_week if this_week > base else this_week + timedelta(days=7)
    elif tense == "limit":  # "until Thursday": the one nearest publication, either side
        ahead = this_week if this_week > base else this_week + timedelta(days=7)
        back = ahead - timedelta(days=7)
        day = ahead if (ahead - base) <= (base - back) else back
    else:
        day = this_week if this_week <= base else this_week - timedelta(days=7)
    granule = day_granule(day)
    if part:
        code = lexicon.parts_of_day[normal_key(part)]
        return Reading("TIME", f"{day.isoformat()}T{code}", granule, _REL)
    return Reading("DATE", granule.value, granule, _REL)


def _following_weekday(weekday: int, rel: str | None, ref: Reference) -> date | None:
    """ "The following Monday" after a day the text named: the first such weekday after it, if that is
    not after publication; "the previous Friday": the last such weekday before the day the text named,
    else before publication."""
    if rel in ("the previous", "the preceding"):
        base = ref.last.earliest if ref.last is not None and ref.last.unit == "D" else ref.anchor
        if base is None:
            return None
        return base - timedelta(days=(base.isoweekday() - weekday - 1) % 7 + 1)
    if rel not in ("the following", "the next") or ref.last is None or ref.last.unit != "D":
        return None
    day = ref.last.earliest + timedelta(days=(weekday - ref.last.earliest.isoweekday() - 1) % 7 + 1)
    return day if ref.anchor is None or day <= ref.anchor else None


def _quarter(
    quarter: int, year: int | None, rel: str | None, ref: Reference, tense: str, warnings: list[str]
) -> Reading | None:
    if not 1 <= quarter <= 4:
        return None
    if year is not None:
        granule = quarter_granule(year, quarter)
        return Reading("DATE", granule.value, granule, _ABS, tuple(warnings))
    anchor = ref.anchor
    if anchor is None:
        return replace(unresolved("Q", tuple(warnings)), value=f"XXXX-Q{quarter}")
    current = (anchor.month - 1) // 3 + 1
    if rel == "next":
        year = anchor.year if quarter > current else anchor.year + 1
    elif tense == "future":  # "will report third-quarter results" just after the quarter closed
        closed = current - 1 or 4  # in January, "fourth-quarter results" are last year's
        if quarter == closed:
            year = anchor.year - (closed == 4)
        else:
            year = anchor.year if quarter >= current else anchor.year + 1
    else:
        year = anchor.year if quarter <= current else anchor.year - 1
    if rel in ("year-earlier", "year-ago"):
        year -= 1
    granule = quarter_granule(year, quarter)
    return Reading("DATE", granule.value, granule, _REL, tuple(warnings))


def _month_range_period(
    g: dict[str, str | None],
    year: int | None,
    ref: Reference,
    tense: str,
    lexicon: Lexicon,
    warnings: list[str],
) -> Reading | None:
    first, last = (lexicon.month_number(g[k] or "") for k in ("qfrom", "qto"))
    if last - first == 2:
        return _quarter((first - 1) // 3 + 1, year, None, ref, tense, warnings)
    if (first, last) in ((1, 6), (7, 12)) and ref.anchor is not None:
        half = 1 if first == 1 else 2
        y = year if year is not None else ref.anchor.year - (half == 2 and ref.anchor.month <= 6)
        granule = half_year_granule(y, half)
        return Reading("DATE", granule.value, granule, _REL, tuple(warnings))
    return None


def _season_beside(last: Granule, code: str, months: tuple[int, int], after: bool) -> Granule:
    """The first such season after the date ``last`` named, or the last one before it."""
    pivot = last.latest if after else last.earliest
    seasons = [season_granule(y, code, months) for y in range(pivot.year - 2, pivot.year + 2)]
    if after:
        return next(c for c in seasons if c.earliest > pivot)
    return [c for c in seasons if c.latest < pivot][-1]


def _season(
    code: str,
    months: tuple[int, int],
    year: int | None,
    rel: str | None,
    ref: Reference,
    tense: str,
    warnings: list[str],
) -> Reading:
    if year is not None:
        granule = season_granule(year, code, months)
        return Reading("DATE", granule.value, granule, _ABS, tuple(warnings))
    anchor = ref.anchor
    story = ref.narrative_year()
    if ref.last is not None and (
        rel in ("the following", "the previous") or (story is not None and rel == "next")
    ):
        # "won it back the following spring"; a history's "the next spring"
        granule = _season_beside(ref.last, code, months, after=rel != "the previous")
        return Reading("DATE", granule.value, granule, _REL, tuple(warnings))
    # "that spring" is of the year named last; a story's own season of its year; "last fall" is from now,
    # even in a report that tells a long history
    narrative = ref.year if rel == "that" and ref.year is not None else None
    if narrative is None and rel in (None, "that", "this"):
        narrative = story
    if narrative is not None:
        granule = season_granule(narrative, code, months)
        return Reading("DATE", granule.value, granule, _REL, tuple(warnings))
    if anchor is None:
        return replace(unresolved("SE", tuple(warnings)), value=f"XXXX-{code}")
    candidates = [
        season_granule(y, code, months)
        for y in (anchor.year - 2, anchor.year - 1, anchor.year, anchor.year + 1)
    ]
    started = [c for c in candidates if c.earliest <= anchor]
    ended = [c for c in started if c.latest < anchor]
    upcoming = [c for c in candidates if c.earliest > anchor]
    if rel in ("last", "the previous", "past"):
        granule = ended[-1]
    elif rel is None and tense == "future" and started and started[-1].latest >= anchor:
        granule = started[-1]  # "vowed to retake the region by the end of the summer", said in August
    elif rel in ("next", "the following", "the coming") or (rel is None and tense == "future"):
        granule = upcoming[0]
    elif rel == "this":
        current = started[-1]
        granule = current if current.latest >= anchor or current.earliest.year == anchor.year else upcoming[0]
    else:
        granule = started[-1]
    return Reading("DATE", granule.value, granule, _REL, tuple(warnings))
