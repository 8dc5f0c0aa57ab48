"""When an act happened: the date its own sentence gives, else the window the narrative implies."""

from __future__ import annotations

import re

from kirok.model import DateResolution, EventType, SegmentRole, TimeWindow
from kirok.pipeline.doc import Doc, Timex
from kirok.pipeline.event_draft import EventDraft, precision_of

__all__ = ["attach_narrative_date", "attach_own_date", "is_backstory"]

#: A TIME of day or a SET ("every Monday") does not date an event.
_DATED_TYPES = ("DATE", "DURATION")
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


def _own_date(doc: Doc, draft: EventDraft, attribution_time: re.Pattern[str]) -> Timex | None:
    """The date in the act's sentence nearest its trigger, not the date of the telling ("told ... on
    Wednesday")."""
    sent, (m_start, m_end) = draft.sentence, draft.match
    found = [
        t
        for t in doc.timexes
        if sent.start <= t.start < sent.end
        and t.type in _DATED_TYPES
        and t.window is not None
        and t.window.earliest is not None
        and not attribution_time.search(doc.text[sent.start : t.start])
        and not _LIMIT_BEFORE.search(doc.text[max(sent.start, t.start - 20) : t.start])
    ]
    after = [t for t in found if t.start >= m_end]
    before = [t for t in found if t.end <= m_start]
    if after:
        return min(after, key=lambda t: t.start - m_end)
    if before:
        return min(before, key=lambda t: m_start - t.end)
    return None


def attach_own_date(doc: Doc, draft: EventDraft, attribution_time: re.Pattern[str]) -> None:
    own = _own_date(doc, draft, attribution_time)
    if own is not None and own.window is not None:
        draft.date, draft.date_value = own.window, own.value
        draft.reasons.append(f"date: “{own.text}” in the sentence")
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
        draft.confidence += 0.15
        draft.backstory = is_backstory(doc, draft, own.window)


def attach_narrative_date(doc: Doc, draft: EventDraft, drafts: list[EventDraft]) -> None:
    """A window for an act whose sentence gives no date, from the narrative around it.

    It starts at the last date the story told before it (backstory excluded: what "had been" done or
    happened long before), and ends at publication; an arrest, detention or ill-treatment also ends by
    the punishment that followed it, when the report dates one.
    """
    if doc.published is None:
        return
    before = [
        d.date.earliest
        for d in drafts
        if d.date_value is not None
        and d.date is not None
        and d.date.earliest is not None
        and not d.backstory
        and d.sentence.start < draft.sentence.start
        and d.sentence.role is SegmentRole.BODY
        and d.date.earliest <= doc.published
    ]
    if not before:
        return
    earliest, latest = before[-1], doc.published
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


def is_backstory(doc: Doc, draft: EventDraft, window: TimeWindow) -> bool:
    """Told in the past perfect, or more than a year before publication: background, not the story."""
    clause = doc.text[draft.sentence.start : draft.match[1]]
    if _PLUPERFECT.search(clause):
        return True
    return bool(doc.published and window.latest and (doc.published - window.latest).days > _BACKSTORY_DAYS)
