"""Reading relative expressions: "yesterday", "last week", "earlier this month", "the next day",
"three months ago", "two days later", "now", "recently".
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from kirok.model import DateResolution
from kirok.timex.calendar import (
    Granule,
    add_months,
    century_granule,
    day_granule,
    decade_granule,
    half_year_granule,
    month_granule,
    narrow,
    narrow_by_words,
    precision_of,
    quarter_granule,
    shift,
    week_granule,
    weekend_granule,
    year_granule,
)
from kirok.timex.context import Reference
from kirok.timex.lexicon import Lexicon, normal_key
from kirok.timex.readings import Reading, too_coarse, unresolved

__all__ = ["granule_of", "move", "read_deictic", "read_offset", "read_reference", "read_relative"]

_REL = DateResolution.RELATIVE
_NO_EARLIER_DATE = "no earlier date in the text: read against the publication date"
_AFTER_PUBLICATION = "would fall after the publication date in a story told in the past: left unresolved"
_UNIT_CODES = {
    "day": "D",
    "week": "W",
    "weekend": "WE",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}

#: how far back (characters) a date coarser than "the same day" still gives it a window
_SAME_SCENE_REACH = 160


def granule_of(unit: str, day: date) -> Granule:
    """The granule of ``unit`` (a TIMEX3 unit code: D, W, M, ...) that holds ``day``."""
    if unit in ("W", "FN"):
        return week_granule(day)
    if unit == "WE":
        return weekend_granule(day)
    if unit == "M":
        return month_granule(day.year, day.month)
    if unit == "Q":
        return quarter_granule(day.year, (day.month - 1) // 3 + 1)
    if unit == "Y":
        return year_granule(day.year)
    if unit == "DE":
        return decade_granule(day.year // 10 * 10)
    if unit == "CE":
        return century_granule(day.year // 100)
    return day_granule(day)


def move(day: date, unit: str, steps: int) -> date:
    """``day`` moved ``steps`` units (negative: back)."""
    days = {"D": 1, "N": 1, "W": 7, "WE": 7, "FN": 14}.get(unit)
    if days is not None:
        return day + timedelta(days=days * steps)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is not None:
        return add_months(day, months * steps)
    return day


def _week_told_before(ref: Reference) -> bool:
    """Whether a day or week named close before lies in another week than publication's: "the week"
    is then that one."""
    last = ref.last
    return (
        last is not None
        and ref.anchor is not None
        and last.unit in ("D", "W")
        and _near(ref)
        and granule_of("W", last.earliest) != granule_of("W", ref.anchor)
    )


def _near(ref: Reference) -> bool:
    """Whether the last date named stands close before the expression being read: "Last week they were
    taken away; his wife was banished the same day", not "had been detained in April" a paragraph up."""
    return ref.at - ref.last_at <= _SAME_SCENE_REACH


def read_reference(groups: dict[str, str | None], ref: Reference, lexicon: Lexicon) -> Reading:
    """ "Now", "recently", "the future"; "that time" is the last date named, at its own precision."""
    value = lexicon.references[normal_key(groups["ref"] or "")]
    if value == "ANAPHOR":
        last = ref.last
        if last is None:
            return Reading("DATE", "PAST_REF", None, _REL)
        return Reading("DATE", last.value, last, _REL)
    return Reading("DATE", value, None, _REL)


def read_deictic(groups: dict[str, str | None], ref: Reference, lexicon: Lexicon) -> Reading:
    part = lexicon.parts_of_day.get(normal_key(groups["part"])) if groups.get("part") else None
    warnings: tuple[str, ...] = ()
    if groups.get("deictic"):
        word = normal_key(groups["deictic"] or "")
        steps = lexicon.deictic_days[word]
        part = part or ("NI" if word == "tonight" else None)
        base = ref.anchor
    else:
        word = normal_key(groups.get("partrel") or "")
        steps = 1 if word in ("the next", "the following") else 0
        if (word == "last" and part == "NI") or word == "the previous":  # "the previous night"
            steps = -1
        base = ref.anchor
        if word == "the":  # "in the afternoon": of the day the text named last, else of the report's day
            past_day = ref.day is not None and (ref.anchor is None or ref.day <= ref.anchor)
            base = ref.day if past_day else ref.anchor
        elif word not in ("this", "last"):
            last, coarse = ref.anaphor("D", steps)
            if coarse is not None:
                reading = too_coarse(coarse, "D", "TIME" if part else "DATE", steps, _near(ref))
                return replace(reading, value=reading.value + (f"T{part}" if part else ""))
            base = last.earliest if last is not None else ref.anchor
    type_ = "TIME" if part else "DATE"
    if base is None:
        reading = unresolved("D", type_=type_)
        return replace(reading, value=reading.value + (f"T{part}" if part else ""))
    day = base + timedelta(days=steps)
    if word != "the":  # "through the night" is of the day named before; it names no new one
        ref.saw(day, None)
    value = day.isoformat() + (f"T{part}" if part else "")
    return Reading(type_, value, day_granule(day), _REL, warnings)


#: How close before "the second half" a year must be named for the half to be of it.
_HALF_REACH = 200
#: Words before "the next year" that make it a span from now, not the year after the one just named.
_SPAN_LEADS = frozenset({"over", "within", "throughout"})


def read_relative(groups: dict[str, str | None], ref: Reference, tense: str, lexicon: Lexicon) -> Reading:
    if groups.get("yearend"):  # "by year-end": the close of this year; "since year-end": of the last
        if ref.anchor is None:
            return unresolved("Y")
        granule = narrow(year_granule(ref.anchor.year - (ref.lead == "since")), "END")
        return Reading("DATE", granule.value, granule, _REL)
    if groups.get("halfword"):  # "returning in the second half": of the year named just before, or this one
        if ref.anchor is None:
            return unresolved("Y")
        last = ref.near_last(_HALF_REACH)
        year = last.earliest.year if last is not None and last.unit == "Y" else ref.anchor.year
        granule = half_year_granule(year, 1 if normal_key(groups["halfword"] or "") == "first" else 2)
        return Reading("DATE", granule.value, granule, _REL)
    if groups.get("newyear") is not None:  # "debated in the new year" said in November: the coming one
        if ref.anchor is None:
            return unresolved("Y")
        story = ref.narrative_year() if ref.narrative else None  # a history: the one after its year
        granule = year_granule(story + 1 if story is not None else ref.anchor.year + (ref.anchor.month >= 7))
        return Reading("DATE", granule.value, granule, _REL)
    if groups.get("sameperiod"):  # "up from the same period last year": the report's quarter, a year before
        if ref.anchor is None:
            return unresolved("Y")
        granule = shift(ref.quarter, -4) if ref.quarter is not None else year_granule(ref.anchor.year - 1)
        return Reading("DATE", granule.value, granule, _REL)
    if groups.get("latest"):
        return _latest_quarter(normal_key(groups["latest"]), bool(groups.get("unit")), ref)
    rel = normal_key(groups["rel"] or "")
    word = rel.removeprefix("the ")
    if groups.get("same") is not None:  # "later in the day": the day last named
        rel, word = "the same", "same"
    elif rel.startswith("the ") and word not in lexicon.relative_words:
        rel = word = "the"  # "the full year", "the fiscal year"
    unit = _UNIT_CODES[normal_key(groups["unit"] or "")]
    if groups.get("ended") and unit == "Y":  # "for the year ended March 31": a span, not a calendar year
        return Reading("DURATION", "P1Y", None, _REL)
    anaphoric = word in lexicon.anaphoric_words or rel == "the next" or (word == "next" and unit == "D")
    if rel == "the next" and ref.lead in _SPAN_LEADS and not ref.narrative:
        anaphoric = False  # news: "rates will rise over the next year" counts from now, not from 2009
    if rel == "the" and ref.narrative_year() is not None:
        anaphoric = True
    if rel == "the" and unit == "W" and tense != "future" and _week_told_before(ref):
        anaphoric = True  # "arrested last week ... on Thursday ... parked there for most of the week"
    steps = 0 if rel == "the" else lexicon.relative_words.get(word, lexicon.relative_words_after.get(word, 0))
    warnings: tuple[str, ...] = ()
    base = ref.anchor
    if anaphoric:
        last, coarse = ref.anaphor(unit, steps)
        if coarse is not None:
            return too_coarse(coarse, unit, steps=steps, near=_near(ref))
        if last is not None:
            base = last.earliest
        elif base is not None:
            warnings = (_NO_EARLIER_DATE,)
    if base is None:
        return unresolved(unit, warnings)
    granule = shift(granule_of(unit, base), steps)
    if rel == "the" and not anaphoric:
        granule = _the_unit(granule, base, tense)
        if unit == "Y" and ref.quarter is not None and "full" in normal_key(groups["rel"] or ""):
            granule = year_granule(ref.quarter.earliest.year)  # "for the full year" of a Q4 report: its year
    mod_word = normal_key(groups.get("mod") or "")
    if "half" in mod_word and granule.unit == "Y":  # "the second half of the year": 2013-H2
        granule = half_year_granule(granule.earliest.year, 1 if lexicon.modifiers[mod_word] == "START" else 2)
    elif mod_word:
        granule = _modified(granule, mod_word, steps, anaphoric, ref.anchor, lexicon)
    if unit == "D":
        ref.saw(granule.earliest, None)
    return Reading("DATE", granule.value, granule, _REL, warnings)


def _the_unit(granule: Granule, anchor: date, tense: str) -> Granule:
    """ "The quarter" of a news report is the last one completed; "the weekend" the one just past,
    unless the clause looks ahead; "the year" the current one."""
    if granule.unit == "Q":
        return shift(granule, -1)
    if granule.unit == "WE":
        if tense == "future" and granule.latest < anchor:
            return shift(granule, 1)
        if tense != "future" and granule.earliest > anchor:
            return shift(granule, -1)
    return granule


def _latest_quarter(word: str, named: bool, ref: Reference) -> Reading:
    """The latest quarter (the last one completed), the year-earlier quarter; "year-earlier" alone is
    last year."""
    year_ago = word.startswith("year")
    unit = "Q" if named or not year_ago else "Y"
    if year_ago and ref.quarter is not None:
        twin = shift(ref.quarter, -4)
        return Reading("DATE", twin.value, twin, _REL)
    if ref.anchor is None:
        return unresolved(unit)
    if unit == "Y":
        granule = year_granule(ref.anchor.year - 1)
    else:
        granule = shift(granule_of("Q", ref.anchor), -5 if year_ago else -1)
    return Reading("DATE", granule.value, granule, _REL)


def _modified(
    granule: Granule, mod_word: str, steps: int, anaphoric: bool, anchor: date | None, lexicon: Lexicon
) -> Granule:
    """Earlier this month runs from the first to the day before publication; "early" is a third."""
    if steps == 0 and not anaphoric and anchor is not None and granule.earliest <= anchor <= granule.latest:
        if mod_word == "earlier":
            return replace(granule, latest=max(granule.earliest, anchor - timedelta(days=1)))
        if mod_word == "later":
            return replace(granule, earliest=min(granule.latest, anchor + timedelta(days=1)))
        part = narrow_by_words(granule, lexicon.modifiers[mod_word], mod_word)
        if lexicon.modifiers[mod_word] == "START" and part.earliest < anchor <= part.latest:
            return replace(part, latest=anchor - timedelta(days=1))  # "early this year" said on Jan. 15
        return part
    return narrow_by_words(granule, lexicon.modifiers[mod_word], mod_word)


def _offset_unit(unit: str, last: Granule | None) -> str:
    """The precision an offset lands at: its own unit's ("fifteen months later" after "May 23" is a
    month; "a week later" the week, not one day of it), but a decade back from now is a year ("a decade
    ago" is the year ten years back)."""
    return "Y" if last is None and unit == "DE" else unit


#: "a few days ago", "several weeks ago", "some months ago": how many units back at least and at most
_VAGUE_AGO = {"D": (2, 7), "W": (2, 7)}


def _vague_ago(unit: str, base: date | None) -> Granule | None:
    """The days "a few days ago" or "several weeks ago" may name, counted back from ``base``: two to seven
    days (as the annotators of ``tests/annotated`` read it), two to seven weeks, two to eight months; the
    value stays ``PAST_REF``."""
    if base is None:
        return None
    if unit == "M":
        earliest, latest = add_months(base, -8), add_months(base, -2)
    elif unit in _VAGUE_AGO:
        least, most = _VAGUE_AGO[unit]
        days = 7 if unit == "W" else 1
        earliest, latest = base - timedelta(days=most * days), base - timedelta(days=least * days)
    else:
        return None
    return Granule(earliest, latest, precision_of(earliest, latest), "PAST_REF", unit)


def read_offset(groups: dict[str, str | None], ref: Reference, tense: str, lexicon: Lexicon) -> Reading:
    """Three months ago (from the publication date), two days later (from the last date named).

    A story told in the past never runs past its publication date: "four days later" that would land
    after it is left unresolved, with a warning, unless its clause looks ahead.
    """
    count = lexicon.number(groups["num"] or "")
    unit = lexicon.units[normal_key(groups["unit"] or "")]
    direction = normal_key(groups["dir"] or "")
    sign = lexicon.offset_directions[direction]
    warnings: tuple[str, ...] = ()
    last: Granule | None = None
    if direction in lexicon.deictic_directions:
        base = ref.anchor
    else:
        last, coarse = ref.anaphor(unit)
        if coarse is not None and not isinstance(count, str):
            return too_coarse(coarse, unit, steps=sign * round(count))
        base = last.earliest if last is not None else None
        if base is None and ref.anchor is not None:
            base, warnings = ref.anchor, (_NO_EARLIER_DATE,)
    if isinstance(count, str):
        window = _vague_ago(unit, base) if sign < 0 and direction in lexicon.deictic_directions else None
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", window, _REL, warnings)
    if unit == "Y" and count == 1 and sign < 0 and ref.quarter is not None:  # "up from $5 a year ago"
        twin = shift(ref.quarter, -4)
        return Reading("DATE", twin.value, twin, _REL)
    if base is None:
        return unresolved(unit, warnings)
    day = move(base, unit, sign * round(count))
    if (
        ref.anchor is not None
        and day > ref.anchor
        and sign > 0
        and tense != "future"
        and direction not in lexicon.deictic_directions
    ):
        return Reading("DATE", unresolved(unit).value, None, DateResolution.UNRESOLVED, (_AFTER_PUBLICATION,))
    granule = granule_of(_offset_unit(unit, last), day)
    if unit in ("D", "N"):
        ref.saw(day, None)
    quant = lexicon.quantifiers.get(normal_key(groups.get("quant")))
    if sign < 0 and quant in ("MORE_THAN", "EQUAL_OR_MORE") and direction in lexicon.deictic_directions:
        # "more than four years ago": some time before the day four years back, not all of that year
        return Reading("DATE", granule.value, replace(granule, latest=day), _REL, warnings, open_start=True)
    return Reading("DATE", granule.value, granule, _REL, warnings)
