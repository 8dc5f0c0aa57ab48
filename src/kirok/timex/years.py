"""Which year a month or day named without one is in.

News speaks of the past: "Oct. 12" is the most recent one not after the publication date, unless the
clause looks ahead ("will be held on Oct. 20"), the date sits just after publication with nothing in
the clause to say which way ("payable Jan. 3"), or the text is a story set in a year it named.
"""

from __future__ import annotations

from datetime import date

from kirok.timex.calendar import last_day
from kirok.timex.context import Reference

__all__ = ["year_for"]

#: With no tense marker, a day or month at most this many days after publication is the coming one.
_NEAR_FUTURE_DAYS = 45
#: Words before a date that make it a target even in a past clause: "the offer was extended to Nov. 16".
_TARGET_WORDS = frozenset({"to", "until", "till"})
#: Even in a clause about the future, a day at most this many days before publication is the one just past.
_NEAR_PAST_DAYS = 31
#: How close after a full date of years back a day named without a year goes on in that year.
_FLASHBACK_REACH, _FLASHBACK_DAYS = 300, 92
#: how close a month told without a day must follow the month years back it goes on from: "in October of
#: that year, and in December" does; "who took office in March 2004, ... He visited Chile in April" does not
_MONTH_FLASHBACK_REACH = 60
#: Clause tenses that say nothing of their own about when a date lies.
_UNMARKED = frozenset({"", "ed", "said"})


def year_for(month: int, day: int | None, rel: str | None, ref: Reference, tense: str) -> int | None:
    """The year of ``month`` (and ``day``) read against ``ref``; ``None`` with nothing to read it by."""
    anchor = ref.anchor
    if ref.lead == "since" and tense in ("future", "limit"):
        tense = "past"  # "Since the end of June no boat may leave harbour": a start already passed
    if rel in ("the previous", "the following", "the same") and ref.last is not None:
        anchor = ref.last.earliest
    if anchor is None:
        return ref.year
    here = (month, day or 0)
    now = (anchor.month, anchor.day if day else 0)
    if rel in ("last", "the previous"):
        return anchor.year if here < now else anchor.year - 1
    if rel in ("next", "the following", "the coming"):
        return anchor.year if here > now else anchor.year + 1
    if rel in ("this", "the same"):
        return anchor.year
    if rel == "that" and ref.year is not None:  # "in 1969 ... a law passed that December"
        return ref.year
    narrative = ref.narrative_year()
    if narrative is not None:
        return narrative
    if tense != "future" and (flashback := _flashback_year(month, day, ref, anchor)):
        return flashback
    if ref.lead == "by" and day is None and tense != "past":  # "to conclude by May": a deadline ahead
        return anchor.year if here >= now else anchor.year + 1
    if tense in _UNMARKED and month in ref.months:  # the same month said again, with nothing new to say
        return ref.months[month]
    past = anchor.year if here <= now else anchor.year - 1
    if tense == "limit":  # a past act lasting until the date: the one nearest publication, either side
        return min((past, past + 1), key=lambda y: abs((_day_of(y, month, day) - anchor).days))
    if tense == "future":
        # "where the Aug. 7 blasts would ...": a day of the last weeks, not of next year
        if (
            here < now
            and day is not None
            and (anchor - date(anchor.year, month, min(day, last_day(anchor.year, month)))).days
            <= _NEAR_PAST_DAYS
        ):
            return anchor.year
        return anchor.year if here >= now else anchor.year + 1
    if past < anchor.year and (
        tense in ("", "ed", "said") or (day is not None and ref.lead in _TARGET_WORDS)
    ):
        # nothing in the clause says, or only the report's "said" ("payable Jan. 3 to holders of record
        # Nov. 16, the company said"): a date a little after publication is the coming one
        coming = date(anchor.year, month, min(day or 1, last_day(anchor.year, month)))
        if (coming - anchor).days <= _NEAR_FUTURE_DAYS:
            return anchor.year
    return past


def _flashback_year(month: int, day: int | None, ref: Reference, anchor: date) -> int | None:
    """The year of a news report's flashback: "On Saturday, June 21, 1969, a blast tore through the mine
    ... the last body was recovered on June 30" goes on in 1969, if the day named just before is years
    back and the new day follows it within a season. A month named without a day goes on from the day or
    month named just before in its paragraph ("picked her up in October of that year, and in December
    she was handed back")."""
    if day is None:
        told = ref.near_last(_MONTH_FLASHBACK_REACH, same_paragraph=True)
        last = told.earliest if told is not None and told.unit in ("D", "M") else None
    else:
        last = ref.recent_day(_FLASHBACK_REACH)
    if last is None or last.year >= anchor.year - 1:
        return None
    following = date(last.year, month, min(day or 1, last_day(last.year, month)))
    if day is None:
        last = last.replace(day=1)
    return last.year if 0 <= (following - last).days <= _FLASHBACK_DAYS else None


def _day_of(year: int, month: int, day: int | None) -> date:
    """``day`` of ``month`` in ``year`` (the middle of the month without a day)."""
    return date(year, month, min(day or 15, last_day(year, month)))
