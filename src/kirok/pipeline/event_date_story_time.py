"""The story's time: the dates a sentence gives an act, and the last date the story told before an act,
which starts the window of an act its own sentence does not date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from kirok.model import EventType, SegmentRole
from kirok.pipeline.doc import Doc, Sentence, Timex
from kirok.pipeline.event_date_clauses import a_limit, in_relative_clause
from kirok.pipeline.event_date_refs import points_to_an_act, telling_before
from kirok.pipeline.event_date_tense import looks_back, past_perfect
from kirok.pipeline.event_draft import EventDraft, relative_window
from kirok.pipeline.event_rules import load_event_rules

__all__ = [
    "BACKSTORY_DAYS",
    "date_from_what_follows",
    "dates_in",
    "past_perfect",
    "story_dates",
    "story_time_before",
    "telling_day",
    "counted_from_telling",
    "counts_on",
    "day_after_act",
    "day_after_story",
    "told_as_next",
    "uncounted_next_day",
    "week_after_story",
]

#: "the next day", "the following Monday": the day after the story's time (or the first such weekday
#: after it), whatever day the date tagger counted it from
_NEXT_DAY = re.compile(
    r"(?:the\s+)?(?:next|following)\s+(?:day|morning|night|evening|(?P<weekday>monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday))|the\s+day\s+after"
    r"|(?P<same>(?:that|the)\s+(?:same\s+)?(?:day|morning|afternoon|evening|night))"
    r"|(?P<previous>the\s+previous\s+(?:day|morning|afternoon|evening|night))",
    re.I,
)
_COUNTED_ON = re.compile(r"\b(?:later|afterwards?)$", re.I)
_NEXT_BEFORE = re.compile(r"(?:the\s+)?(?:next|following)\s+$", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: A TIME of day or a SET ("every Monday") does not date an event...
_DATED_TYPES = ("DATE", "DURATION")
#: ... but a part of a named day does ("last Thursday night", "the night of Sept. 18": 2019-10-03TNI).
_DAY_PART = re.compile(r"^\d{4}-\d{2}-\d{2}T(?:NI|MO|AF|EV|DT)$")
#: "from five in the morning until dark": an hour of any day, not a day
_HOUR_OF = re.compile(
    r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s+o'clock)?\s+in\s+$",
    re.IGNORECASE,
)
BACKSTORY_DAYS = 365
#: "have begun checking", "have been sent", "are being held": an act begun and going on
_PERFECT = re.compile(
    r"\b(?:have|has)\s+(?:\w+\s+)?(?:been|begun|\w+(?:ed|en|wn|ght))\b|\b(?:is|are)\s+(?:now\s+)?being\b",
    re.IGNORECASE,
)


def dates_in(doc: Doc, sent: Sentence, attribution_time: re.Pattern[str]) -> list[Timex]:
    """The dates a sentence gives, less the date of the telling ("told ... on Wednesday") and deadlines;
    an hour of the day ("from five in the morning") only when the sentence gives no other date, as the
    hours of the day the story told ("Since October ... from five in the morning": October), and not
    when the date tagger counted it from the day of the telling."""
    found = [
        t
        for t in doc.timexes
        if sent.start <= t.start < sent.end
        and (t.type in _DATED_TYPES or (t.type == "TIME" and bool(_DAY_PART.match(t.value))))
        and t.window is not None
        and t.window.earliest is not None
        and not telling_before(doc.text[sent.start : t.start], attribution_time)
        and not a_limit(doc, sent.start, t)
        and not points_to_an_act(doc, t)
    ]
    days = [t for t in found if t.type != "TIME" or not _HOUR_OF.search(doc.text, sent.start, t.start)]
    if days:
        return days
    # "began at around ten in the morning", counted from "a source told us on Tuesday": no day of its own
    return [t for t in found if not counted_from_telling(doc, t, attribution_time)]


def counts_on(own: Timex) -> bool:
    """Whether the date is told as following another ("the next day", "two days later"), so the tagger
    counted it from the day named before it."""
    return bool(_NEXT_DAY.fullmatch(own.text) or _COUNTED_ON.search(own.text))


def counted_from_telling(doc: Doc, own: Timex, attribution_time: re.Pattern[str]) -> bool:
    """Whether the last day the text named before ``own`` is the day of the telling ("a source said on
    Tuesday"): the date tagger then counted "that afternoon" or "two days later" from it."""
    days = [
        t
        for t in doc.timexes
        if t.end <= own.start
        and t.window is not None
        and t.window.earliest is not None
        and t.window.earliest == t.window.latest
    ]
    # "that afternoon ... two days later": each counted from the one before, back to a day named outright
    named = [t for t in days if not counts_on(t)]
    if not named:
        return False
    last = named[-1]
    sent = next((s for s in doc.sentences if s.start <= last.start < s.end), None)
    return sent is not None and telling_before(doc.text[sent.start : last.start], attribution_time)


def telling_day(doc: Doc, attribution_time: re.Pattern[str]) -> date | None:
    """The day the source told the outlet, when the report names it ("a source told Ridge Line Reports
    on Friday", "The source, who spoke on Tuesday, said"): the first such day."""
    for t in doc.timexes:
        if t.window is None or t.window.earliest is None or t.window.earliest != t.window.latest:
            continue
        sent = next((s for s in doc.sentences if s.start <= t.start < s.end), None)
        if (
            sent is not None
            and sent.role is SegmentRole.BODY
            and telling_before(doc.text[sent.start : t.start], attribution_time)
        ):
            return t.window.earliest
    return None


def story_dates(doc: Doc, published: date, sent: Sentence, attribution_time: re.Pattern[str]) -> list[Timex]:
    """The dates a body sentence tells of the story: not in the future, not over a year old, not in the
    past perfect."""
    return [
        t
        for t in dates_in(doc, sent, attribution_time)
        if t.window is not None
        and t.window.earliest is not None
        and t.window.latest is not None
        and t.window.earliest <= published
        and (published - t.window.latest).days <= BACKSTORY_DAYS
        and not past_perfect(doc.text, sent.start, t.start)
        # "Three days after his arrest, his wife was taken in ... She was let go that night": the tagger
        # counted "that night" from the day of the telling, not from the act
        and not (counts_on(t) and counted_from_telling(doc, t, attribution_time))
    ]


#: a sentence that opens with its date ("On Aug. 2, the committee ordered"): the story steps to it
_OPENS_WITH_DATE = re.compile(r"\W*(?:On|In|At|By|Early|Late)\s+(?:the\s+)?(?:\d|[A-Z][a-z]{2})")


def story_time_before(
    doc: Doc, published: date, draft: EventDraft, drafts: list[EventDraft], attribution_time: re.Pattern[str]
) -> tuple[date, date | None, Sentence] | None:
    """The last date the story told before the act's sentence, and the sentence that told it, in the
    telling of an act or in a body sentence that tells none ("A crowd filled the stadium on Sept. 8").
    Backstory is left out (what "had been" done, or happened over a year before). A state going on
    "since" a date, a date told without an act ("paid him twice last year") and an act dated as the one
    it refers to ("taken the night the boat went missing") only move the story's time forward, never
    back; so does an order told after it ("arrested on September 9 ... Under an order issued in early
    August": its cause), unless its sentence opens with its date ("On Aug. 2, the committee ordered":
    the story steps back to tell what came next)."""
    told = [
        (
            d.sentence.start,
            d.date.earliest,
            d.date.latest,
            d.ongoing or d.referred or looks_back(doc, d, drafts),
            d.type is EventType.DIRECTIVE and not _OPENS_WITH_DATE.match(doc.text, d.sentence.start),
            d.sentence,
        )
        for d in drafts
        if (d.date_value is not None or d.referred)
        and not d.scene_dated  # its day is the scene's, told before it: that telling stays the source
        and d.date is not None
        and d.date.earliest is not None
        and not d.backstory
        and d.sentence.start < draft.sentence.start
        and d.sentence.role is SegmentRole.BODY
        and d.date.earliest <= published
    ]
    with_acts = {d.sentence.start for d in drafts if not d.backstory}
    for sent in doc.sentences:
        if sent.role is not SegmentRole.BODY or sent.start >= draft.sentence.start or sent.start in with_acts:
            continue
        told.extend(
            (sent.start, t.window.earliest, t.window.latest, True, False, sent)
            for t in story_dates(doc, published, sent, attribution_time)
            if t.window is not None and t.window.earliest is not None
        )
    story: tuple[date, date | None, Sentence] | None = None
    for _, when, until, forward_only, order, sent in sorted(told, key=lambda x: x[0]):
        if story is not None and when < story[0] and (forward_only or order):
            continue  # "arrested on September 9 ... Under an order issued in early August": the cause
        story = (when, until, sent)
    return story


#: the words of a later sentence that tells a punishment the lede summed up without a date
_PUNISHMENT_TOLD = {
    EventType.SENTENCE: re.compile(
        r"\b(?:sentenc\w*|verdict|camp|kwalliso|kyohwaso|labour-training)\b", re.IGNORECASE
    ),
    EventType.EXECUTION: re.compile(r"\b(?:execut\w*|firing squad|shot)\b", re.IGNORECASE),
}


def date_from_what_follows(
    doc: Doc, published: date, draft: EventDraft, attribution_time: re.Pattern[str]
) -> None:
    """An act told before the story names any date, as the lede does when it sums up: the body then
    dates it. Told as done ("executed two men after a public trial"), it has the first date of the next
    sentence ("The trial was held on Sept. 8"); told as begun or going on ("have begun checking every
    home", "have been sent"), it started no earlier than the latest date the story tells, and lasts to
    publication."""
    later = [s for s in doc.sentences if s.role is SegmentRole.BODY and s.start > draft.sentence.start]
    if not later:
        return
    told = _PUNISHMENT_TOLD.get(draft.type)
    # "has been given five years" ... "The court passed the sentence on Jan. 9": that sentence's date
    commentary = load_event_rules().commentary_cues  # "claim ... but the source could not confirm this"
    tellings = [
        s
        for s in later
        if told is not None
        and told.search(doc.text, s.start, s.end)
        and not any(c.search(doc.text, s.start, s.end) for c in commentary)
    ]
    for s in tellings:
        dated = story_dates(doc, published, s, attribution_time)
        if dated and dated[0].window is not None:
            draft.date = dated[0].window
            draft.reasons.append(f"date: “{dated[0].text}” in a later sentence that tells the punishment")
            return
    after = doc.text.rfind(" after ", draft.sentence.start, draft.match[0])
    clause = after if after >= 0 else draft.sentence.start  # "have been combing ..., after the party ordered"
    told_order = draft.type is EventType.DIRECTIVE and _THE_ORDER.search(
        doc.text, later[0].start, later[0].end
    )
    if not told_order and _PERFECT.search(doc.text, clause, draft.match[1]):
        starts = [
            t.window.earliest
            for s in later
            for t in story_dates(doc, published, s, attribution_time)
            if t.window is not None and t.window.earliest is not None
        ]
        if not starts:
            return
        earliest = max(starts)
        draft.date = relative_window(earliest, published)
        draft.reasons.append("date: begun after the latest date the story then tells, by publication")
        return
    # "The boy, whose father died last year, crossed ... on May 18": not the date of the person's clause
    dates = story_dates(doc, published, later[0], attribution_time)
    following = [t for t in dates if not in_relative_clause(doc, later[0].start, t, None)] or dates
    if following and following[0].window is not None:
        draft.date = following[0].window
        draft.reasons.append(f"date: “{following[0].text}” in the sentence that tells it in full")


#: a sentence that tells of the order itself ("The order was read out to brigade leaders on Tuesday"): an
#: order the lede tells as given ("have been ordered to stay on site") was given then, not begun
_THE_ORDER = re.compile(r"\b(?:the|this|that)\s+(?:order|instruction|directive|decree)\b", re.IGNORECASE)


def told_as_next(doc: Doc, own: Timex) -> re.Match[str] | None:
    """ "the next day", "that afternoon" (group ``same``), or a weekday the date tagger read alone after
    "the following" ("The following Monday")."""
    whole = _NEXT_DAY.fullmatch(own.text)
    if whole is not None:
        return whole
    before = _NEXT_BEFORE.search(doc.text, max(0, own.start - 20), own.start)
    return _NEXT_DAY.fullmatch(doc.text, before.start(), own.end) if before is not None else None


def day_after_story(
    doc: Doc,
    draft: EventDraft,
    drafts: list[EventDraft],
    attribution_time: re.Pattern[str],
    own: Timex,
    weekday: str | None = None,
    same: bool = False,
    previous: bool = False,
) -> bool:
    """ "He was handed over the next day", "the following Monday": the day after the story's time, or
    the first such weekday after it, when that time is one day (the date tagger may have counted from
    the day of the telling); with ``same`` ("arrested that afternoon"), that day itself, with ``previous``
    ("had been ordered the previous day"), the day before it; whether it
    dated the act."""
    if doc.published is None:
        return False
    story = story_time_before(doc, doc.published, draft, drafts, attribution_time)
    if story is not None and same and story[1] is not None and story[0] < story[1]:
        # "The case began in March ... Both were taken away that day": a day of that month
        draft.date = relative_window(story[0], min(story[1], doc.published))
        draft.reasons.append(f"date: “{own.text}”, a day of the story's time")
        return True
    if story is None or story[1] != story[0]:
        return False
    ahead = 1 if weekday is None else (_WEEKDAYS.index(weekday.lower()) - story[0].weekday() - 1) % 7 + 1
    day = story[0] + timedelta(days=-1 if previous else 0 if same else ahead)
    if day > doc.published:
        return False
    draft.date = relative_window(day, day)
    draft.date_value = day.isoformat()
    which = "day before" if previous else "day of" if same else "day after"
    draft.reasons.append(f"date: “{own.text}”, the {which} the story's time")
    draft.confidence += 0.15
    return True


_NEXT_WEEK = re.compile(r"(?:the\s+)?(?:next|following)\s+week", re.I)


def week_after_story(
    doc: Doc, draft: EventDraft, drafts: list[EventDraft], attribution_time: re.Pattern[str], own: Timex
) -> bool:
    """ "The following week", which the date tagger counted from the day of the telling ("a source said
    on Tuesday"): the Monday-to-Sunday week after the story's time, by publication; whether it dated the
    act."""
    if (
        doc.published is None
        or not _NEXT_WEEK.fullmatch(own.text)
        or not counted_from_telling(doc, own, attribution_time)
    ):
        return False
    story = story_time_before(doc, doc.published, draft, drafts, attribution_time)
    if story is None or story[1] not in (None, story[0]):
        return False  # the week after a day; a month or a span has none
    monday = story[0] + timedelta(days=7 - story[0].weekday())
    if monday > doc.published:
        return False
    draft.date = relative_window(monday, min(monday + timedelta(days=6), doc.published))
    draft.reasons.append(f"date: “{own.text}”, the week after the story's time")
    return True


#: how far back (in characters) "the following day" looks for the act it follows
_NEXT_DAY_REACH = 20


def uncounted_next_day(doc: Doc, draft: EventDraft) -> Timex | None:
    """The "following day" the act's sentence says and the date tagger could not count, if it says one."""
    s = draft.sentence
    for t in doc.timexes:
        if s.start <= t.start < s.end and (t.window is None or t.window.earliest is None):
            told = told_as_next(doc, t)
            if told is not None and told.group("weekday") is None and told.group("previous") is None:
                return t
    return None


def _one_day_beside(doc: Doc, act: EventDraft) -> date | None:
    """The last day the sentence of a state going on names besides the state's own start, if it names
    one."""
    own = act.date.span.start if act.date is not None and act.date.span is not None else None
    days = [
        t.window.earliest
        for t in doc.timexes
        if act.sentence.start <= t.start < act.sentence.end
        and t.start != own
        and t.type == "DATE"
        and t.window is not None
        and t.window.earliest is not None
        and t.window.earliest == t.window.latest
    ]
    return days[-1] if days else None


#: how long a short sentence telling no act or date may stand between an act and "the next morning"
_SHORT_BETWEEN = 60


def _only_words_between(doc: Doc, act: EventDraft, draft: EventDraft, drafts: list[EventDraft]) -> bool:
    """Whether what stands between ``act``'s sentence and the act's is one short sentence that tells no
    act and names no date ("... one night in early March. ¶ They did not get far. A patrol boat
    intercepted the trawler the next morning")."""
    between = [s for s in doc.sentences if act.sentence.end <= s.start and s.end <= draft.sentence.start]
    return (
        len(between) == 1
        and between[0].end - between[0].start <= _SHORT_BETWEEN
        and not any(d.sentence.start == between[0].start for d in drafts)
        and not any(between[0].start <= t.start < between[0].end for t in doc.timexes)
    )


def day_after_act(doc: Doc, draft: EventDraft, drafts: list[EventDraft], same: bool = False) -> bool:
    """ "had been arrested in early November ... Agents searched the flat the following day": the days of
    the act told just before, each one day on; with ``same`` ("The inspection came in March ... Both were
    taken away that day"), those days themselves; whether it dated the act."""
    before = [
        d
        for d in drafts
        if d.sentence.end <= draft.sentence.start
        and (
            draft.sentence.start - d.sentence.end <= _NEXT_DAY_REACH
            or _only_words_between(doc, d, draft, drafts)
        )
        and (d.date_value is not None or d.referred)
        and d.date is not None
        and d.date.earliest is not None
        and d.date.latest is not None
    ]
    if not before or doc.published is None:
        return False
    act = max(before, key=lambda d: (d.sentence.start, not d.ongoing))
    assert act.date is not None and act.date.earliest is not None and act.date.latest is not None
    start, end = act.date.earliest, act.date.latest
    told, backstory = "the act told just before it", act.backstory
    day = _one_day_beside(doc, act) if act.ongoing else None
    if day is not None:
        # "stopped last Thursday during an inspection going on since the start of the month. She was
        # fined the following day": the day after that Thursday, not after the start of the state
        start = end = day
        told = "the day told just before it"
    elif looks_back(doc, act, drafts):  # "The raid followed an order ...": the day after the raid's
        story = story_time_before(doc, doc.published, draft, drafts, load_event_rules().attribution_time)
        if story is not None:
            start, end = story[0], story[1] or story[0]
            told = "the story's time, not the earlier act told just before it"
            backstory = False  # the look back was the act before; this one moves the story on
    step = timedelta(days=0 if same else 1)
    earliest, latest = start + step, min(doc.published, end + step)
    if earliest > latest:
        return False
    draft.date = relative_window(earliest, latest)
    draft.backstory = backstory
    draft.reasons.append(f"date: {'the day of' if same else 'the day after'} {told}, in its days")
    return True
