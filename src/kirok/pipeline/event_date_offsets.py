"""Dates told as a distance from another act or day: "two days after the raid", "about a month after his
arrest", "a week after the Lunar New Year", "more than three weeks after the handover".

The act has the window of what it is counted from, moved by the distance: exactly for "two days", wider
for "about a month" (three quarters to one and a half of it), open up to publication for "more than".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from kirok.model import EventType, TimeWindow
from kirok.pipeline.doc import Doc, Timex
from kirok.pipeline.event_date_refs import types_named
from kirok.pipeline.event_date_story import lasted_span, release_day
from kirok.pipeline.event_date_story_time import counted_from_telling, story_time_before
from kirok.pipeline.event_date_tense import flashback
from kirok.pipeline.event_draft import EventDraft, relative_window, window_days
from kirok.pipeline.event_rules import load_event_rules

__all__ = [
    "DateOffset",
    "counted_back",
    "counted_on_from",
    "find_offset",
    "in_offset",
    "offset_window",
]

_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30}
#: "two days", "a few weeks", "12 days": a count of a unit
_COUNT = (
    r"(?P<n>\d{1,3}|a few|several|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<unit>day|week|fortnight|month)s?"
)
_DISTANCE = (
    r"\b(?:(?:(?P<hedge>about|around|roughly|some|nearly|almost|more than|over|at least|less than|within|"
    r"under)\s+)?" + _COUNT + r"|(?P<soon>shortly|soon)|(?P<just>just|right)|"
    r"(?P<next>the\s+(?:next\s+)?(?:day|morning|night|evening))|(?P<week>the\s+week)|(?P<eve>the\s+eve)|"
    r"(?P<first>the\s+first\s+(?P<working>working\s+)?day)|"
    r"(?P<nth>the\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+day)|"
    r"(?P<wbare>within\s+(?P<wunit>days|weeks))|(?P<bare>days|weeks))"
)
#: "two days after the raid", "a week before the Day of the Sun", "on the eve of the holiday"
_OFFSET = re.compile(
    r"(?:" + _DISTANCE + r"\s+(?P<dir>after|following|before|ahead of|prior to|of)"
    r"|\b(?P<ahead>ahead of|in the run-up to|in the lead-up to))\s+(?P<ref>[^,;.]{3,60})",
    re.IGNORECASE,
)
#: "three days later", "two days after that", "a week before that": counted from the story's time, the act
#: told before
_LATER = re.compile(
    _DISTANCE
    + r"\s+(?P<ref>later|afterwards?|after (?:that|this|then)|on(?!\s+(?:the|a|an|their|his|her|its)\s)"
    r"|(?P<back>before (?:that|this|then)))"
    r"\b(?!\s+(?:than|from)\b)",
    re.IGNORECASE,
)
#: "Within a week, the owner was taken in", "within days they had rounded up": counted from the story's
#: time, up to that distance on (not "within a week of the crossing", counted from the crossing)
_WITHIN = re.compile(
    r"\bwithin\s+(?:" + _COUNT + r"|(?P<bare>days|weeks))\b(?!\s+(?:of|after|before|from|following)\b)",
    re.IGNORECASE,
)
#: "After ten days in custody he was sentenced", "after 40 days, she was moved": a time spent, counted on
#: from the start of the custody (:func:`_custody_start`), else from the story's time
_AFTER_SPENT = re.compile(
    r"\bafter\s+(?:(?P<hedge>about|around|roughly|some|nearly|almost|more than|over|at least)\s+)?"
    + _COUNT
    + r"(?:\s+(?:in|of|at|under|behind)\s+[^,;.]{1,40}?)?"
    r"(?=\s*,|\s+(?:he|she|they|we|it|the|his|her|their)\s)",
    re.IGNORECASE,
)
#: "About two months into their detention, she died": a time spent in custody, as :data:`_AFTER_SPENT`
_INTO_SPENT = re.compile(
    r"\b(?:(?P<hedge>about|around|roughly|some|nearly|almost|more than|over|at least)\s+)?"
    + _COUNT
    + r"\s+into\s+(?:his|her|their|the)\s+(?:detention|custody|imprisonment|questioning|interrogation)\b",
    re.IGNORECASE,
)
#: a length, not a distance: "kept her standing for two days before they let her sit down"
_FOR_BEFORE = re.compile(r"\bfor\s+$", re.IGNORECASE)
#: a clause with a pronoun for its subject: "they left", "he got home"
_PRONOUN_CLAUSE = re.compile(
    r"(?:he|she|they|the\s+(?:man|woman|men|women|pair|two|three|four|couple|family))\s+"
    r"(?!(?:was|were|had|has|have|is|are|would|will)\b)[a-z]+",
    re.IGNORECASE,
)
#: what an act calls for, between it and a "within" that is that call's deadline
_TO_DO = re.compile(r"\bto\s+[\"“]?[a-z]", re.IGNORECASE)
#: how far the hedge stretches the distance: (share of it at the least, share of it at the most)
#: "about three weeks": a fifth less to a quarter more (17 to 26 days), and never less than
#: :data:`_ABOUT_DAYS` either side ("about a week": 5 to 9 days)
_ABOUT = (0.8, 1.25)
_ABOUT_DAYS = 2
_HEDGES: dict[str, tuple[float, float | None]] = {
    "": (1.0, 1.0),
    "about": _ABOUT,
    "around": _ABOUT,
    "roughly": _ABOUT,
    "some": _ABOUT,
    "nearly": (0.75, 1.0),
    "almost": (0.75, 1.0),
    "more than": (1.0, None),
    "over": (1.0, None),
    "at least": (1.0, None),
    "less than": (0.0, 1.0),
    "within": (0.0, 1.0),
    "under": (0.0, 1.0),
}
_FEW = {"a few": (2, 5), "several": (3, 9)}
#: "shortly after the holiday": from the next day to three weeks on
_SOON = (1, 21)
#: "just before the Party anniversary": within the week before it
_JUST = (1, 7)
#: "ahead of the Day of the Shining Star on Feb. 16": within the two weeks before it
_AHEAD = (1, 14)
#: "the morning after she vanished", "the eve of the holiday": the next day, the day before
_NEXT = (1, 1)
#: "the first working day after the Chuseok holiday": past the holiday's days and a weekend
_FIRST_WORKING = (1, 5)
#: "the second day of the holiday": how many days on from its first
_DAYS_ON = {
    "second": 1,
    "third": 2,
    "fourth": 3,
    "fifth": 4,
    "sixth": 5,
    "seventh": 6,
    "eighth": 7,
    "ninth": 8,
    "tenth": 9,
}
#: the acts a custody begins with, that "after ten days in custody" counts from, when dated to a month
#: or closer
_CUSTODY_STARTS = frozenset({EventType.ARREST, EventType.DETENTION, EventType.FORCED_REPATRIATION})
_MONTH_DAYS = 31
#: the widest window a distance is still counted on from
_WEEK_DAYS = 6
#: "the week before Chuseok": the seven days before it
_WEEK = (1, 7)
#: "Days after the execution", "weeks after his arrest": some days, some weeks
_BARE = {"days": (1, 7), "weeks": (7, 42)}
#: where the words counted from end: "after she vanished and were held for three days", "four days after
#: the arrest they were moved", "on the eve of Chuseok after guards beat him"
_REF_END = re.compile(
    r"\s+(?:and|where|when|while|but)\s+|\s+(?=(?:they|he|she|we|after|before)\s)"
    # "three days after the arrest Kang was moved", "a week after her release the family was banished"
    r"|\s+(?=(?-i:[A-Z][a-z]+)\s+(?:was|were|had|has)\b)"
    r"|\s+(?=(?:the|his|her|their)\s+\w+\s+(?:was|were|had|has|have)\b)",
    re.IGNORECASE,
)
#: another clause of the sentence, whose act the distance does not date ("..., while the others were ...")
_OTHER_CLAUSE = re.compile(
    r";|,\s+(?:while|whereas|but|and then)\b|\band\s+(?:have|has)\s+(?:since\s+|now\s+)?been\b"
    r"|\b(?:have|has)\s+since\b",  # "crossed just before Chuseok, and two guards have since been arrested"
    re.IGNORECASE,
)
#: between an act and a distance after it that dates another act: "picked up and, a week later, handed"
_CLAUSE_GAP = re.compile(r"[,;]|\b(?:and|then)\b", re.IGNORECASE)
#: the second of two acts told apart ("one on the 3rd and the other a week later"): counted from the first
_THE_OTHER = re.compile(r"the\s+other\b", re.IGNORECASE)
#: a distance counted from a release: "a week after her release", "two days after being freed"
_OF_RELEASE = re.compile(
    r"(?:(?:his|her|their|the)\s+release|being\s+(?:released|freed|let\s+go))\b", re.IGNORECASE
)
#: a distance counted from the end of a holding: "after they came out of quarantine", "after the
#: interrogation ended", "after her release"
_HOLDING_ENDED = re.compile(
    r"(?:(?:he|she|they|the\s+\w+)\s+(?:came|got|walked)\s+out\s+of\b|(?:his|her|their|the)\s+release\b"
    r"|(?:he|she|they)\s+(?:was|were)\s+(?:released|freed|let\s+go)\b"
    r"|the\s+(?:interrogation|questioning|investigation|quarantine)\s+(?:ended|was\s+over|finished)\b)",
    re.IGNORECASE,
)
#: a distance counted from a person alone ("a week before her"): from that person's act of the same kind
_PERSON_ONLY = re.compile(r"(?:him|her|them|his|hers|theirs)", re.IGNORECASE)
#: "the eve of the holiday": the holiday the report named before
_THE_HOLIDAY = re.compile(r"(?:the|that)\s+(?:holiday|festival)\b", re.IGNORECASE)
#: a day named by its name ("Chuseok", "the Day of the Sun"), not by its number or weekday
_NAMED_DAY = re.compile(  # "Chuseok", "the Day of the Sun", "Kim Il Sung's birthday"
    r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+the\s+)?[A-Z][\w'’-]*)*(?:\s+birthday)?"
)
_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WEEKDAY_NAME = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.IGNORECASE)
#: between a date and the distance counted back from it: "on July 4, two weeks after ..."
_JUST_BEFORE = re.compile(r",?\s*(?:just\s+|only\s+)?")


@dataclass(frozen=True)
class DateOffset:
    """ "about a month after his arrest": the words it is counted from, and the least and most days
    after them (``None``: open to publication)."""

    ref_start: int
    ref_end: int
    least: int
    most: int | None
    from_story: bool = False  # "three days later": counted from the story's time
    before: bool = False  # "a week before the Day of the Sun": counted back from it
    distance_start: int = 0  # where "a week later" begins: a date before it may be what it counts from
    spent: bool = False  # "after ten days in custody": counted from the custody's start


def _distance(m: re.Match[str]) -> tuple[int, int | None]:
    """The least and most days the matched distance spans (``None``: open)."""
    if m.groupdict().get("ahead"):
        return _AHEAD
    if m.group("just"):
        return _JUST
    if m.group("soon") or m.group("next") or m.group("eve"):
        return _SOON if m.group("soon") else _NEXT
    if m.group("nth"):  # "on the second day of the holiday": one day on from its first
        n = _DAYS_ON[m.group("nth").split()[1].lower()]
        return n, n
    if m.group("first"):
        return _FIRST_WORKING if m.group("working") else _NEXT
    if m.group("week"):
        return _WEEK
    if m.group("wbare"):  # "within days of his disappearance": from that day on, up to the distance
        return 0, _BARE[m.group("wunit").lower()][1]
    if m.group("bare"):
        return _BARE[m.group("bare").lower()]
    return _count_days(m)


def _count_days(m: re.Match[str]) -> tuple[int, int | None]:
    """The least and most days a hedged count ("about two weeks", "more than a month") spans."""
    low_n, high_n = _how_many(m)
    unit = _UNIT_DAYS[m.group("unit").lower()]
    low_share, high_share = _HEDGES[" ".join((m.group("hedge") or "").lower().split())]
    if unit == 30 and not m.group("hedge"):  # a calendar month is 28 to 31 days
        return low_n * 28, high_n * 31
    least, most = low_n * unit * low_share, None if high_share is None else high_n * unit * high_share
    if (low_share, high_share) == _ABOUT:  # "about a week": two days either side at the least
        least, most = min(least, low_n * unit - _ABOUT_DAYS), max(most or 0, high_n * unit + _ABOUT_DAYS)
    return round(least), None if most is None else round(most)


def _within(m: re.Match[str]) -> tuple[int, int]:
    """The days "within a week" or "within days" spans: from the day itself up to the distance."""
    if m.group("bare"):
        return 0, _BARE[m.group("bare").lower()][1]
    return 0, _how_many(m)[1] * _UNIT_DAYS[m.group("unit").lower()]


def _how_many(m: re.Match[str]) -> tuple[int, int]:
    """The least and most of the units a matched count (:data:`_COUNT`) names: "two" 2 and 2, "a few"
    2 and 5."""
    word = m.group("n").lower()
    if word in _FEW:
        return _FEW[word]
    n = int(word) if word.isdigit() else _NUMBERS[word]
    return n, n


def _ref_end(m: re.Match[str]) -> int:
    cut = _REF_END.search(m.group("ref"))
    return m.start("ref") + cut.start() if cut else m.end("ref")


def find_offset(doc: Doc, draft: EventDraft) -> DateOffset | None:
    """The distance from another act or day that the act's sentence states, if it states one."""
    s = draft.sentence
    later = _LATER.search(doc.text, s.start, s.end)
    if later is not None:
        if _OTHER_CLAUSE.search(doc.text, *sorted((later.start(), draft.match[0]))):
            return None
        return DateOffset(
            later.start("ref"),
            later.end("ref"),
            *_distance(later),
            from_story=True,
            before=later.group("back") is not None,
            distance_start=later.start(),
        )
    spent = _AFTER_SPENT.search(doc.text, s.start, draft.match[0]) or _INTO_SPENT.search(
        doc.text, s.start, draft.match[0]
    )
    if spent is not None and not _OTHER_CLAUSE.search(doc.text, spent.end(), draft.match[0]):
        return DateOffset(
            spent.start(),
            spent.end(),
            *_count_days(spent),
            from_story=True,
            distance_start=spent.start(),
            spent=True,
        )
    within = _WITHIN.search(doc.text, s.start, s.end)
    if (
        within is not None
        and not _OTHER_CLAUSE.search(doc.text, *sorted((within.start(), draft.match[0])))
        and not _TO_DO.search(
            doc.text, draft.match[1], within.start()
        )  # "ordered to clean up within a month"
    ):
        return DateOffset(
            within.start(), within.end(), *_within(within), from_story=True, distance_start=within.start()
        )
    m = next((m for m in _OFFSET.finditer(doc.text, s.start, s.end) if _fits(m)), None)
    if m is None:
        return None
    ref_end = _ref_end(m)
    if (
        m.start("ref") <= draft.match[0] < ref_end
        or m.start() <= draft.match[0] < m.start("ref") < draft.match[1]
    ):
        return None  # the act it is counted from ("about a month after his arrest", "right after a lecture")
    lo, hi = sorted((m.start(), draft.match[0]))
    if _OTHER_CLAUSE.search(doc.text, lo, hi):
        return None
    least, most = _distance(m)
    dated = any(t.type == "DATE" and m.start("ref") <= t.start < ref_end for t in doc.timexes)
    if m.group("just") and not dated and not _THE_HOLIDAY.match(doc.text, m.start("ref")):
        least = most = 0  # "a trial held just before the shooting": the same scene, that day
    # "caught the day after they left": counted from the act told just before, which the clause names
    # in words no kind of act is known by
    ref = doc.text[m.start("ref") : ref_end]
    from_story = (
        bool(_PRONOUN_CLAUSE.match(ref))
        and not types_named(ref)
        and not _FOR_BEFORE.search(doc.text, max(0, m.start() - 5), m.start())  # "for two days before"
    )
    return DateOffset(m.start("ref"), ref_end, least, most, from_story=from_story, before=_is_before(m))


def _fits(m: re.Match[str]) -> bool:
    """Whether the distance goes with its direction: only "the eve" is "of" the day it precedes, and
    "the week" or "the night" is only counted after or before a day, never "of" it."""
    if m.group("ahead"):
        return True
    if _within_of(m):  # "within a week of the crossing", "within days of his disappearance"
        return True
    return (m.group("dir").lower() == "of") == bool(m.group("eve") or m.group("nth"))


def _within_of(m: re.Match[str]) -> bool:
    within = m.group("wbare") is not None or (m.group("hedge") or "").lower() == "within"
    return within and m.group("dir").lower() == "of"


def _is_before(m: re.Match[str]) -> bool:
    if m.group("nth") or _within_of(m):  # "the second day of the holiday", "within days of his arrest"
        return False
    return bool(m.group("ahead")) or m.group("dir").lower() not in ("after", "following")


def counted_back(doc: Doc, draft: EventDraft) -> tuple[TimeWindow, Timex] | None:
    """The window of the act a distance counts from, when the sentence dates the other end: "stopped the
    permits on July 4, two weeks after a crew sailed south" (the sailing: two weeks before July 4); and
    the date it counts back from. ``None`` when the act is not what a dated distance counts from, or the
    distance is open ("more than a month after")."""
    s = draft.sentence
    for m in _OFFSET.finditer(doc.text, s.start, s.end):
        # the act named after the distance, its trigger taking in "after" ("two days after a rally at")
        if not _fits(m) or not m.start() < draft.match[0] < _ref_end(m):
            continue
        anchor = next(
            (
                t
                for t in doc.timexes
                if t.type == "DATE"
                and s.start <= t.start
                and t.end <= m.start()
                and _JUST_BEFORE.fullmatch(doc.text, t.end, m.start())
            ),
            None,
        )
        least, most = _distance(m)
        if anchor is None or anchor.window is None or most is None:
            return None
        earliest, latest = anchor.window.earliest, anchor.window.latest
        if earliest is None or latest is None:
            return None
        if _is_before(m):  # "on Dec. 27, three days before the searches began": they came after it
            earliest, latest = earliest + timedelta(days=least), latest + timedelta(days=most)
            how = "counted on"
        else:
            earliest, latest = earliest - timedelta(days=most), latest - timedelta(days=least)
            how = "counted back"
        draft.reasons.append(f"date: {how} from “{anchor.text}”, “{m.group().strip()}”")
        window = relative_window(earliest, latest)
        return window, anchor
    return None


def _counted_from(
    doc: Doc, draft: EventDraft, drafts: list[EventDraft], offset: DateOffset
) -> TimeWindow | None:
    """The window the distance is counted from: a date in the words ("a week after May 3", "shortly
    after the Party Foundation Day (October 10)"), else the act they name ("after the raid"), the
    nearest of its kind told anywhere in the report, dated in its own sentence if one is; for "three
    days later", the story's time."""
    if offset.spent and (custody := _custody_start(doc, draft, drafts)) is not None:
        return custody
    ended = _HOLDING_ENDED.match(doc.text, offset.ref_start, offset.ref_end)
    if ended is not None and (held := _holding_ended(doc, draft, drafts)) is not None:
        return held  # "ten days after they came out of quarantine": the end of the holding's length
    if offset.from_story:
        told = _date_before_later(doc, draft, offset)
        if told is not None:  # "picked up in mid-May and, a week later, handed six months"
            return _told_more_exactly(draft, drafts, told) or told.window
        back = _flashback_just_before(doc, draft, drafts)
        if back is not None:  # "had been picked up in early March. Three weeks later she was handed"
            return back
        if doc.published is None:
            return None
        story = story_time_before(doc, doc.published, draft, drafts, load_event_rules().attribution_time)
        if story is None:
            return None
        start, until, _ = story
        day = _day_after_flashback(draft, drafts, start, until or start, offset)
        if day is not None:
            return day
        return relative_window(start, until or start)
    for t in doc.timexes:
        if offset.ref_start <= t.start < offset.ref_end and t.window is not None and t.type == "DATE":
            return t.window
    if _THE_HOLIDAY.match(doc.text, offset.ref_start):
        return _holiday_before(doc, offset.ref_start)
    words = doc.text[offset.ref_start : offset.ref_end]
    if _OF_RELEASE.match(words) and (freed := release_day(doc)) is not None:
        return freed.window  # "a week after her release": from the day the report dates it
    # "The broker was arrested a week before her": before her act of the same kind
    types = types_named(words) or ((draft.type,) if _PERSON_ONLY.fullmatch(words.strip()) else ())
    named = [
        d
        for d in drafts
        if d is not draft
        and d.type in types
        and d.date is not None
        and d.date.earliest is not None
        and d.date.latest is not None
    ]
    if not named:
        return None
    # an act of the story before one of its backstory (unless only that one is told: "had been arrested
    # in early November ... taken in a week after her arrest"), an act its own sentence dates before one
    # the story only bounds ("orders every workplace to hold the lecture"), then the nearest
    act = min(
        named,
        key=lambda d: (d.backstory, d.date_value is None, abs(d.sentence.start - draft.sentence.start)),
    )
    return act.date


def _holding_ended(doc: Doc, draft: EventDraft, drafts: list[EventDraft]) -> TimeWindow | None:
    """The days the last holding told before the act ended on, when its sentence said how long it lasted
    ("first held for 20 days in a quarantine facility"); ``None`` without one."""
    held = [d for d in drafts if d.type is EventType.DETENTION and d.sentence.start < draft.sentence.start]
    if not held:
        return None
    last = max(held, key=lambda d: d.sentence.start)
    if last.held_ended is not None:
        return last.held_ended
    # not dated yet (its date comes from the story, after the acts dated in their own words): from the
    # act that began the custody, by the length told
    days = lasted_span(doc, last)
    start = _custody_start(doc, last, drafts) if days is not None else None
    if days is None or start is None or start.earliest is None or start.latest is None:
        return None
    least, most = days
    return relative_window(start.earliest + timedelta(days=least), start.latest + timedelta(days=most))


def _told_more_exactly(draft: EventDraft, drafts: list[EventDraft], told: Timex) -> TimeWindow | None:
    """The narrower window a later sentence gave the act the date before "two days later" belongs to
    ("caught ... last week, and a soldier was arrested two days later" ... "entered the river shortly
    after midnight on October 16"); ``None`` when no act of the sentence was dated more exactly."""
    window = told.window
    if window is None or window.earliest is None or window.latest is None:
        return None
    for d in drafts:
        if d is draft or d.sentence.start != draft.sentence.start or d.match[1] > told.start:
            continue
        w = d.date
        if (
            w is not None
            and w.earliest is not None
            and w.latest is not None
            and window.earliest <= w.earliest <= w.latest <= window.latest
            and (w.latest - w.earliest) < (window.latest - window.earliest)
        ):
            return w
    return None


def _custody_start(doc: Doc, draft: EventDraft, drafts: list[EventDraft]) -> TimeWindow | None:
    """The window of the act that began a custody, told last before the act ("handed back across the
    bridge in December ... After four months in the holding centre, she was given three years"), dated
    to a month or closer; ``None`` without one, or when a later sentence told a later date before the
    act ("detained in Russia in November. At the end of last year he was handed to state security
    officers")."""
    starts = [
        d
        for d in drafts
        if d.type in _CUSTODY_STARTS
        and d.sentence.start < draft.sentence.start
        and d.date is not None
        and (days := window_days(d.date)) is not None
        and days <= _MONTH_DAYS
    ]
    if not starts:
        return None
    start = max(starts, key=lambda d: d.match[0])
    window = start.date
    if window is None or window.latest is None:
        return None
    later = any(
        t.type == "DATE"
        and start.sentence.end <= t.start < draft.match[0]
        and t.window is not None
        and t.window.earliest is not None
        and t.window.earliest > window.latest
        for t in doc.timexes
    )
    return None if later else window


def _flashback_just_before(doc: Doc, draft: EventDraft, drafts: list[EventDraft]) -> TimeWindow | None:
    """The date of a look back in the past perfect told in the sentence just before the act's, in its
    paragraph ("had been picked up by Chinese police in early March. Three weeks later she was handed
    over"): "later" counts from the time last told, which the story's time leaves out. ``None`` when
    that sentence tells none."""
    before = [s for s in doc.sentences if s.end <= draft.sentence.start]
    if not before or before[-1].segment != draft.sentence.segment:
        return None
    told = [
        d
        for d in drafts
        if d.sentence.start == before[-1].start
        and d.backstory
        and flashback(doc, d)
        and d.date_value is not None
        and d.date is not None
        and d.date.earliest is not None
    ]
    return told[-1].date if told else None


def _day_after_flashback(
    draft: EventDraft, drafts: list[EventDraft], start: date, until: date, offset: DateOffset
) -> TimeWindow | None:
    """ "were sentenced on the 1st ... had been arrested in April ... tried two days later": days are
    counted from a day, so when the story's time is only a month or season that ends before a day the
    story told earlier, that mention looked back and the count runs from the day. ``None`` otherwise."""
    if offset.most is None or offset.most > _WEEK_DAYS or (until - start).days <= _WEEK_DAYS:
        return None
    days = [
        d.date
        for d in drafts
        if d is not draft
        and d.date_value is not None
        and not d.backstory
        and d.sentence.start < draft.sentence.start
        and d.date is not None
        and d.date.earliest is not None
        and d.date.earliest == d.date.latest
    ]
    if not days or days[-1].earliest is None or days[-1].earliest <= until:
        return None
    draft.reasons.append(
        f"date: days counted from {days[-1].earliest.isoformat()}, the day told before a look back"
    )
    return days[-1]


def _date_before_later(doc: Doc, draft: EventDraft, offset: DateOffset) -> Timex | None:
    """The date told earlier in the sentence that "a week later" counts from, when the act is told after
    those words ("were picked up in mid-May and, a week later, handed six months"); ``None`` without
    one."""
    told = [
        t
        for t in doc.timexes
        if draft.sentence.start <= t.start
        and t.end <= offset.ref_start
        and not t.start <= offset.ref_start < t.end
        and t.end <= draft.match[0]
        and t.type == "DATE"
        and t.window is not None
        and t.window.earliest is not None
        and t.window.latest is not None
    ]
    if not told or not offset.distance_start:
        return None
    the_other = _THE_OTHER.match(doc.text, draft.match[0]) is not None  # "and the other ... a week later"
    if (
        not the_other
        and draft.match[0] < offset.ref_end
        and (
            draft.match[1] > offset.distance_start
            or _CLAUSE_GAP.search(doc.text, draft.match[1], offset.distance_start)
        )
    ):  # "picked up in mid-May and, a week later, ...": the pick-up is not counted; but "crossed in
        return None  # October, but were caught by police in Tonghua two weeks later" counts the catching
    last = max(told, key=lambda t: t.start)
    return last if last.end <= offset.distance_start else None


def _holiday_before(doc: Doc, start: int) -> TimeWindow | None:
    """The window of the holiday the report last named before ``start`` ("swept the market in the week
    before Chuseok ... On the eve of the holiday"), if it named one."""
    named = [
        t
        for t in doc.timexes
        if t.end <= start
        and t.type == "DATE"
        and t.window is not None
        and _DAY_VALUE.fullmatch(t.value)
        and _NAMED_DAY.fullmatch(t.text)
        and not _WEEKDAY_NAME.search(t.text)
    ]
    return named[-1].window if named else None


def _counted(base: TimeWindow, offset: DateOffset, published: date) -> tuple[date, date] | None:
    """The days ``offset`` puts after (or before) ``base``, by publication at the latest; ``None`` when
    none are left, or a distance counted back is open ("more than a week before the holiday")."""
    assert base.earliest is not None and base.latest is not None
    if offset.before:
        if offset.most is None:
            return None
        earliest = base.earliest - timedelta(days=offset.most)
        latest = min(published, base.latest - timedelta(days=offset.least))
    else:
        earliest = base.earliest + timedelta(days=offset.least)
        most = offset.most
        latest = published if most is None else min(published, base.latest + timedelta(days=most))
    return (earliest, latest) if earliest <= latest else None


def offset_window(doc: Doc, draft: EventDraft, drafts: list[EventDraft]) -> TimeWindow | None:
    """The window of an act told as a distance from another act or day (:func:`find_offset`); records
    why. ``None`` when the sentence states no such distance or what it counts from is unknown."""
    offset = find_offset(doc, draft)
    if offset is None or doc.published is None:
        return None
    base = _counted_from(doc, draft, drafts, offset)
    if base is None or base.earliest is None or base.latest is None:
        return None
    counted = _counted(base, offset, doc.published)
    if counted is None:
        return None
    earliest, latest = counted
    words = doc.text[offset.ref_start : offset.ref_end]
    draft.reasons.append(f"date: counted {'back ' if offset.before else ''}from “{words.strip()}”")
    return relative_window(earliest, latest)


def counted_on_from(doc: Doc, draft: EventDraft) -> None:
    """ "A soldier who walked away from his unit was caught four days later": a lede dated by the body's
    telling of what it counts from ("on the night of Aug. 5") moves on by the distance it states."""
    offset = find_offset(doc, draft)
    window = draft.date
    if offset is None or not offset.from_story or window is None or doc.published is None:
        return
    days = window_days(window)
    if days is None or days > _WEEK_DAYS:
        return  # "handed back two days later" than "last year": nothing to count from
    counted = _counted(window, offset, doc.published)
    if counted is None:
        return
    earliest, latest = counted
    draft.date = relative_window(earliest, latest)
    draft.date_value = None
    draft.reasons.append(f"date: counted on from it by “{doc.text[offset.distance_start : offset.ref_end]}”")


#: between what a distance counts from and a date that names it again: "the Day of the Sun, Kim Il Sung's"
_APPOSITIVE = re.compile(r",\s*(?:the\s+)?")


def in_offset(
    doc: Doc, draft: EventDraft, timex: Timex, attribution_time: re.Pattern[str] | None = None
) -> bool:
    """Whether the date is what a distance in the act's sentence counts from ("shortly after the
    holiday (October 10)"), or the tagger's "two days later" counted from the day of the telling ("a
    source said on Tuesday"): then it is not the act's own date."""
    offset = find_offset(doc, draft)
    if offset is None:
        return False
    if offset.from_story and timex.start < offset.ref_start < timex.end:
        if attribution_time is not None and counted_from_telling(doc, timex, attribution_time):
            return True
        # "a week later" after January 18: the 25th, not the calendar week the tagger names
        days, spread = window_days(timex.window), None if offset.most is None else offset.most - offset.least
        before = [
            t for t in doc.timexes if t.end <= timex.start and t.type == "DATE" and t.window is not None
        ]
        from_a_day = bool(before) and window_days(before[-1].window) == 0
        return from_a_day and days is not None and spread is not None and days > spread
    if offset.from_story:
        return _date_before_later(doc, draft, offset) is timex
    if offset.ref_start <= timex.start < offset.ref_end:
        return True
    # "the day before the Day of the Shining Star, Kim Jong Il's birthday,": the day it names, named again
    # (not "two days before the sweep, last Thursday,": the act's own day)
    names_a_day = any(offset.ref_start <= t.start < offset.ref_end for t in doc.timexes if t.type == "DATE")
    return names_a_day and _APPOSITIVE.fullmatch(doc.text, offset.ref_end, timex.start) is not None
