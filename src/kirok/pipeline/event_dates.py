"""When an act happened: the date its own sentence gives, else the window the narrative implies."""

from __future__ import annotations

import re
from datetime import date

from kirok.model import DateResolution, EventType, SegmentRole, TimeWindow
from kirok.pipeline.doc import Doc, Sentence, Timex
from kirok.pipeline.event_draft import EventDraft, precision_of
from kirok.pipeline.event_rules import load_event_rules

__all__ = ["attach_narrative_date", "attach_own_date", "is_backstory"]

#: A TIME of day or a SET ("every Monday") does not date an event...
_DATED_TYPES = ("DATE", "DURATION")
#: ... but a part of a named day does ("last Thursday night", "the night of Sept. 18": 2019-10-03TNI).
_DAY_PART = re.compile(r"^\d{4}-\d{2}-\d{2}T(?:NI|MO|AF|EV|DT)$")
_PLUPERFECT = re.compile(
    r"\bhad (?:been |already |previously |once )?\w+(?:ed|en|wn|ft|ught|ld)\b", re.IGNORECASE
)
_BACKSTORY_DAYS = 365
#: "until the autumn", "by October", "before the summer": a limit set on the act, not its date.
_LIMIT_BEFORE = re.compile(
    r"\b(?:until|till|by|before|ahead of|no later than|through|deadline of)\s+$", re.IGNORECASE
)
#: "since Oct. 5", "since early spring": the act began then and goes on.
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)
#: Custody comes before the punishment it leads to; the punishment's date bounds an undated custody event.
_CUSTODY = (EventType.ARREST, EventType.DETENTION, EventType.ILL_TREATMENT)
_PUNISHMENT = (EventType.SENTENCE, EventType.EXECUTION)


def _dates_in(doc: Doc, sent: Sentence, attribution_time: re.Pattern[str]) -> list[Timex]:
    """The dates a sentence gives, less the date of the telling ("told ... on Wednesday") and deadlines."""
    return [
        t
        for t in doc.timexes
        if sent.start <= t.start < sent.end
        and (t.type in _DATED_TYPES or (t.type == "TIME" and bool(_DAY_PART.match(t.value))))
        and t.window is not None
        and t.window.earliest is not None
        and not attribution_time.search(doc.text[sent.start : t.start])
        and not _LIMIT_BEFORE.search(doc.text[max(sent.start, t.start - 20) : t.start])
    ]


def _own_date(doc: Doc, draft: EventDraft, attribution_time: re.Pattern[str]) -> Timex | None:
    """The date in the act's sentence nearest its trigger."""
    found = _dates_in(doc, draft.sentence, attribution_time)
    m_start, m_end = draft.match
    after = [t for t in found if t.start >= m_end]
    before = [t for t in found if t.end <= m_start]
    if after:
        return min(after, key=lambda t: t.start - m_end)
    if before:
        return min(before, key=lambda t: m_start - t.end)
    return None


def _lede_date(doc: Doc, attribution_time: re.Pattern[str]) -> Timex | None:
    """The first date of the lede, the body's first sentence, which tells what the headline sums up."""
    lede = next((s for s in doc.sentences if s.role is SegmentRole.BODY), None)
    found = _dates_in(doc, lede, attribution_time) if lede is not None else []
    return found[0] if found else None


def attach_own_date(doc: Doc, draft: EventDraft, attribution_time: re.Pattern[str]) -> None:
    """The date of the act's own sentence; a headline without one takes the lede's date ("Five
    fishermen flee by boat" ... "sailed out of the harbour on Oct. 9")."""
    own = _own_date(doc, draft, attribution_time)
    where = "in the sentence"
    if own is None and draft.sentence.role is SegmentRole.HEADLINE:
        own, where = _lede_date(doc, attribution_time), "in the lede"
    if own is not None and own.window is not None:
        draft.date, draft.date_value = own.window, own.value
        draft.reasons.append(f"date: “{own.text}” {where}")
        since = _SINCE_BEFORE.search(doc.text[max(draft.sentence.start, own.start - 10) : own.start])
        if since and own.window.earliest and doc.published and own.window.earliest <= doc.published:
            draft.date = TimeWindow(
                earliest=own.window.earliest,
                latest=doc.published,
                precision=precision_of(own.window.earliest, doc.published),
                resolution=DateResolution.RELATIVE,
                timex=own.value,
            )
            draft.reasons.append("date: going on since then, up to publication")
            draft.ongoing = True
        draft.confidence += 0.15
        draft.backstory = is_backstory(doc, draft, own.window)


def attach_narrative_date(
    doc: Doc, draft: EventDraft, drafts: list[EventDraft], attribution_time: re.Pattern[str] | None = None
) -> None:
    """A window for an act whose sentence gives no date, from the narrative around it.

    It starts at the story's time before it (:func:`_story_time_before`) and ends at publication; an
    arrest, detention or ill-treatment also ends by the punishment that followed it, when the report
    dates one.
    """
    if doc.published is None:
        return
    published = doc.published
    pattern = attribution_time or load_event_rules().attribution_time
    start = _story_time_before(doc, published, draft, drafts, pattern)
    if start is None:
        return
    earliest, latest = start, published
    bound = ""
    if draft.type in _CUSTODY:
        ends = [
            d.date.latest
            for d in drafts
            if d.type in _PUNISHMENT
            and d.date_value is not None
            and d.date is not None
            and d.date.earliest is not None
            and d.date.latest is not None
            and earliest <= d.date.earliest
            and d.date.latest < latest
        ]
        if ends:
            latest, bound = min(ends), ", and by the punishment that followed"
    draft.date = TimeWindow(
        earliest=earliest,
        latest=latest,
        precision=precision_of(earliest, latest),
        resolution=DateResolution.RELATIVE,
    )
    draft.reasons.append(f"date: after the last date the story told before it{bound or ', by publication'}")


def _story_time_before(
    doc: Doc, published: date, draft: EventDraft, drafts: list[EventDraft], attribution_time: re.Pattern[str]
) -> date | None:
    """The last date the story told before the act's sentence, in the telling of an act or in a body
    sentence that tells none ("A crowd filled the stadium on Sept. 8"). Backstory is left out (what "had
    been" done, or happened over a year before); a state going on "since" a date, and a date told
    without an act ("paid him twice last year"), only move the story's time forward, never back."""
    told = [
        (d.sentence.start, d.date.earliest, d.ongoing)
        for d in drafts
        if d.date_value is not None
        and d.date is not None
        and d.date.earliest is not None
        and not d.backstory
        and d.sentence.start < draft.sentence.start
        and d.sentence.role is SegmentRole.BODY
        and d.date.earliest <= published
    ]
    with_acts = {d.sentence.start for d in drafts}
    for sent in doc.sentences:
        if sent.role is not SegmentRole.BODY or sent.start >= draft.sentence.start or sent.start in with_acts:
            continue
        told.extend(
            (sent.start, t.window.earliest, True)
            for t in _dates_in(doc, sent, attribution_time)
            if t.window is not None
            and t.window.earliest is not None
            and t.window.latest is not None
            and t.window.earliest <= published
            and (published - t.window.latest).days <= _BACKSTORY_DAYS
            and not _PLUPERFECT.search(doc.text[sent.start : t.start])
        )
    start: date | None = None
    for _, when, forward_only in sorted(told, key=lambda x: x[0]):
        if not (forward_only and start is not None and when < start):
            start = when
    return start


def is_backstory(doc: Doc, draft: EventDraft, window: TimeWindow) -> bool:
    """Told in the past perfect, or more than a year before publication: background, not the story."""
    clause = doc.text[draft.sentence.start : draft.match[1]]
    if _PLUPERFECT.search(clause):
        return True
    return bool(doc.published and window.latest and (doc.published - window.latest).days > _BACKSTORY_DAYS)
