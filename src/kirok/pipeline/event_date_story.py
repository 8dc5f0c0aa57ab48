"""Windows the story implies beyond an act's own sentence: the lede's vague date made exact by the next
sentence, and the steps of a custody chain (arrest, holding, punishment) bounding each other."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from kirok.model import EventType, SegmentRole
from kirok.pipeline.doc import Doc, Sentence, Timex
from kirok.pipeline.event_date_tense import past_perfect
from kirok.pipeline.event_draft import EventDraft, precision_of

__all__ = [
    "arrest_before",
    "custody_before_punishment",
    "ends_custody",
    "held_until",
    "handover_before",
    "lasted",
    "lasted_span",
    "looked_back_over",
    "next_custody_step",
    "refine_by_next",
    "release_bound",
    "release_day",
    "HELD_NOW",
]

_CUSTODY = (EventType.ARREST, EventType.DETENTION, EventType.ILL_TREATMENT)
_PUNISHMENT = (EventType.SENTENCE, EventType.EXECUTION)
#: held in the North: after the handover, in a report of a repatriation (an arrest may come before it, abroad)
_HELD = (EventType.DETENTION, EventType.ILL_TREATMENT)
#: the acts that open a custody chain: the arrest, the capture at the border, the handover
_OPENING = (EventType.ARREST, EventType.ESCAPE, EventType.FORCED_REPATRIATION)
#: where people are held after their punishment, not before it
_AFTER_PUNISHMENT = re.compile(r"\b(?:camp|kyohwaso|kwalliso|brigade|prison)\b", re.IGNORECASE)

_TRIAL = re.compile(r"\b(?:public\s+)?trial\b", re.IGNORECASE)
#: the acts a sentence about a trial tells besides it: the gathering and the order to attend
_GATHERING = (EventType.MEETING, EventType.DIRECTIVE)
#: the trigger of a death in custody
_DEATH = re.compile(r"(?:died|dies|death)\b", re.IGNORECASE)
#: a death told before the beating that caused it ("died in custody earlier this month after being
#: beaten"), or after it ("beaten to death")
_DEATH_BEFORE = re.compile(r"\b(?:died|dies)\b(?:(?!\b(?:and|but|while)\b)[^.;])*$", re.IGNORECASE)
_DEATH_REACH = 80
_TO_DEATH = re.compile(r"\s+to death\b", re.IGNORECASE)

#: "a woman released in March", "until her release at the end of August": the day a holding ended
_RELEASE = re.compile(r"\b(?:releas(?:ed|e)|freed|let\s+(?:go|out))\b[^.;!?]{0,40}$", re.IGNORECASE)
#: "held in the city security department until early this month and then sentenced"
_UNTIL = re.compile(r"\buntil\s+$", re.IGNORECASE)
_THEN = re.compile(r"\bthen\b", re.IGNORECASE)

#: "kept there for four days", "spent ten days in a cell": how long the act lasted, told exactly
_FOR = re.compile(r"\b(?:for|spent|(?:released|freed|let go|sent home)\s+after)\s+$", re.IGNORECASE)
_EXACT_SPAN = re.compile(r"P(?P<n>\d{1,2})(?P<unit>[DWM])")
_SPAN_UNIT_DAYS = {"D": 1, "W": 7, "M": 30}
#: "held for about four weeks", "roughly a month": a little past the length told, as annotators read it
_ABOUT = ("about", "around", "some", "roughly")
_ABOUT_SHARE = 1.1
#: "nearly two weeks", "less than a month", "up to ten days": no longer than the length told
_AT_MOST = ("nearly", "almost", "less", "up to")
_HEDGED = re.compile(r"(?:about|around|some|nearly|almost|more|over|at least|up to|roughly|less)\b", re.I)
Window = tuple[tuple[date, date], str]

#: how many sentences after the lede, telling no act, may tell its act more exactly
_TELLS_MORE = 3
#: the least length of the lede's trigger word by which a later sentence tells its act again
_WORD_LEN = 4
_AUXILIARIES = frozenset(
    {"was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "got", "get"}
)
#: custody told as going on at the time of the telling
HELD_NOW = re.compile(
    r"\b(?:is|are)\s+(?:still\s+|now\s+)?being\s+(?:held|kept|detained|questioned|interrogated)\b"
    r"|\b(?:is|are)\s+(?:still|now)\s+(?:held|in\s+custody|in\s+detention)\b|\bremains?\s+in\s+(?:custody|detention)\b",
    re.IGNORECASE,
)
#: words that tell a sentence or an execution: a sentence with them tells more of that act
_COURT_WORDS = {
    EventType.SENTENCE: re.compile(r"\b(?:sentences?|sentenced|trial|court|verdict)\b", re.IGNORECASE),
    EventType.EXECUTION: re.compile(r"\b(?:execut\w*|firing squad|shot dead)\b", re.IGNORECASE),
}


def _dated(d: EventDraft) -> tuple[date, date] | None:
    """The window of an act its own sentence dates, if it does."""
    if d.date_value is None or d.date is None or d.date.earliest is None or d.date.latest is None:
        return None
    return d.date.earliest, d.date.latest


def refine_by_next(
    doc: Doc, draft: EventDraft, drafts: list[EventDraft], dates_in: Callable[[Sentence], list[Timex]]
) -> None:
    """The lede sums up with a vague date ("escaped earlier this month") that the body makes exact: the
    sentences right after it that tell no act of their own ("They set off before dawn on Jan. 9") nor
    name the trial or execution of another act in the lede, or a
    later one that tells the act again in the lede's word ("She died on the morning of Dec. 6"), where
    the trigger found no act. The act takes the first such date inside the lede's window."""
    body = [s for s in doc.sentences if s.role is SegmentRole.BODY]
    window = _dated(draft)
    if len(body) < 2 or draft.sentence.start != body[0].start or window is None or draft.ongoing:
        return
    if window[0] == window[1]:
        return
    with_acts = {d.sentence.start for d in drafts}
    # "The group had been kept in a facility in Tumen city": an undated look back, passed over
    looking_back = {
        s
        for s in with_acts
        if all(past_perfect(doc.text, s, d.match[1], d.match[0]) for d in drafts if d.sentence.start == s)
    }
    following = []
    # a lede of two acts ("returned this autumn, have been handed terms"): a sentence that names the
    # other one's court or firing squad ("The sentences were read out on Friday") tells more of it
    others = {d.type for d in drafts if d.sentence.start == draft.sentence.start and d.type in _COURT_WORDS}
    court = [_COURT_WORDS[t] for t in others - {draft.type}]
    for nxt in body[1 : 1 + _TELLS_MORE]:
        if any(w.search(doc.text, nxt.start, nxt.end) for w in court):
            break
        if nxt.start in looking_back and not dates_in(nxt):
            continue
        if nxt.start in with_acts and not _tells_its_trial(doc, draft, drafts, nxt):
            break
        following.append(nxt)
    trigger = [w.lower() for w in doc.text[draft.match[0] : draft.match[1]].split()]
    words = [next((w for w in trigger if w not in _AUXILIARIES), trigger[0])]  # "returned", not "were"
    if draft.type is EventType.ILL_TREATMENT and ends_custody(doc, draft):
        words.extend(("died", "dead"))  # "died in custody" ... "He died on Jan. 9", "was found dead on"
    words = [re.escape(w) for w in words if len(w) >= _WORD_LEN]
    if words:
        said = re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE)
        following.extend(
            s
            for s in body[1:]
            if s not in following
            and said.search(doc.text, s.start, s.end)
            and not any(d.type is draft.type and d.sentence.start == s.start for d in drafts)
        )
    for nxt in following:
        for t in dates_in(nxt):
            w = t.window
            if w is None or w.earliest is None or w.latest is None:
                continue
            if (
                window[0] <= w.earliest
                and w.latest <= window[1]
                and w.latest - w.earliest < window[1] - window[0]
            ):
                draft.date, draft.date_value = w, t.value
                draft.reasons.append(f"date: “{t.text}” in a later sentence, which tells it more exactly")
                return


#: the lede tells its act as coming some time after another ("executed this month, days after he was
#: paraded at a public trial"): the trial's day is not the act's
_DAYS_AFTER = re.compile(r"\b(?:days|weeks|a\s+(?:day|week)|shortly|soon)\s+after\b", re.IGNORECASE)


def _tells_its_trial(doc: Doc, draft: EventDraft, drafts: list[EventDraft], sentence: Sentence) -> bool:
    """Whether a sentence right after a lede's punishment tells the trial it was handed down at, with no
    act of its own but the gathering ("The trial was held on the afternoon of the 3rd at the stadium,
    where workers had been ordered to assemble")."""
    return (
        draft.type in _PUNISHMENT
        and _TRIAL.search(doc.text, sentence.start, sentence.end) is not None
        and not _DAYS_AFTER.search(doc.text, draft.match[1], draft.sentence.end)
        and all(d.type in _GATHERING for d in drafts if d.sentence.start == sentence.start)
        and not any(  # "executed ..., and his family banished the following day": whose trial is unclear
            d.type in _PUNISHMENT and d.type is not draft.type and d.sentence.start == draft.sentence.start
            for d in drafts
        )
    )


def next_custody_step(
    draft: EventDraft, drafts: list[EventDraft], earliest: date, latest: date
) -> Window | None:
    """An undated step of custody ends by the next dated step told after it ("spent his first weeks in
    the county lock-up. In May he was moved to the provincial centre")."""
    if draft.type not in _HELD:
        return None
    steps = [
        (d.sentence.start, w)
        for d in drafts
        if d.type in (*_CUSTODY, *_PUNISHMENT)
        and d.sentence.start > draft.sentence.start
        and not d.backstory
        and (w := _dated(d)) is not None
        and earliest <= w[0]
        and w[1] < latest
    ]
    if not steps:
        return None
    _, (_, end) = min(steps, key=lambda s: s[0])
    return (earliest, end), ", and by the next step of the custody told after it"


def ends_custody(doc: Doc, d: EventDraft) -> bool:
    """A punishment, or a death in custody ("died in the holding centre on the 2nd", "died in custody
    after being beaten", "beaten to death"), ends a holding."""
    if d.type in _PUNISHMENT:
        return True
    near = max(d.sentence.start, d.match[0] - _DEATH_REACH)
    return d.type is EventType.ILL_TREATMENT and (
        _DEATH.match(doc.text, d.match[0]) is not None
        or _DEATH_BEFORE.search(doc.text, near, d.match[0]) is not None
        or _TO_DEATH.match(doc.text, d.match[1]) is not None
    )


def custody_before_punishment(
    doc: Doc, draft: EventDraft, drafts: list[EventDraft], start: date
) -> Window | None:
    """A holding told after the story reached the punishment ("was sentenced on Feb. 18 ... He was
    locked up first at the border post") or the death in custody lies between the arrest that opened
    the chain and that end, not after it; not where people are held after a punishment (a camp)."""
    if draft.type not in _HELD or _AFTER_PUNISHMENT.search(
        doc.text, draft.sentence.start, draft.sentence.end
    ):
        return None
    punished = [
        w
        for d in drafts
        if ends_custody(doc, d)
        and d.sentence.role is SegmentRole.BODY
        and d.sentence.start < draft.sentence.start
        and (w := _dated(d)) is not None
        and w[0] <= start <= w[1]
    ]
    if not punished:
        return None
    end = min(punished, key=lambda w: w[1])  # the tightest of them: "earlier this month" ... "on the 3rd"
    opened = [
        w[0]
        for d in drafts
        if d.type in _OPENING
        and d.sentence.role is SegmentRole.BODY
        and (d.type is EventType.ARREST or not d.backstory)  # "had been arrested in late 2022"
        and d.sentence.start < draft.sentence.start
        and (w := _dated(d)) is not None
        and w[1] <= end[0]
    ]
    if not opened:
        return None
    return (max(opened), end[1]), ", between the arrest and the punishment"


def handover_before(draft: EventDraft, drafts: list[EventDraft], published: date) -> date | None:
    """The first day of a dated handover the report tells: people held or beaten in a report of their
    repatriation were held after it ("handed back on March 5 ... slapped during their first
    interrogation"), even when the story went back to their arrest abroad in between."""
    if draft.type not in _HELD:
        return None
    days = [
        w[0]
        for d in drafts
        if d.type is EventType.FORCED_REPATRIATION
        and not d.backstory
        and (w := _dated(d)) is not None
        and w[0] <= published
    ]
    return min(days) if days else None


#: how many days an arrest's window may span for custody told after it to begin no earlier than it
_ARREST_SPAN = 7


def arrest_before(draft: EventDraft, drafts: list[EventDraft], latest: date) -> date | None:
    """The first day of the latest arrest told before the act that the report dates within a week by
    ``latest`` ("on July 21", "just after Chuseok"): custody told without a date began no earlier ("He
    had been in custody since July 21 ... For about two months he was held in the basement cells"), even
    when the story went back to what he was accused of in between."""
    if draft.type not in _HELD:
        return None
    days = [
        w[0]
        for d in drafts
        if d.type is EventType.ARREST
        and d.sentence.start < draft.sentence.start
        and (w := _dated(d)) is not None
        and (w[1] - w[0]).days <= _ARREST_SPAN
        and w[0] <= latest
    ]
    return max(days) if days else None


def _release_dates(doc: Doc) -> Iterator[Timex]:
    """The dates of the body that a release is told with, in order ("released from the camp at the end of
    August", "She was let go on the morning of the 14th")."""
    for s in doc.sentences:
        if s.role is not SegmentRole.BODY:
            continue
        for t in doc.timexes:
            if (
                s.start <= t.start < s.end
                and t.window is not None
                and t.window.earliest is not None
                and t.window.latest is not None
                and _RELEASE.search(doc.text, s.start, t.start)
            ):
                yield t


def release_bound(doc: Doc, draft: EventDraft, earliest: date, latest: date) -> date | None:
    """The last day of the release the report dates ("a woman released from the camp at the end of
    August told ..."): what she saw in custody, told undated ("Guards beat those who fell behind"), ended
    by then; ``None`` when the report dates no release inside ``[earliest, latest)``, or when the act's
    own sentence says it goes on now ("Kang is being held in the holding cells": another's release)."""
    if draft.type not in _HELD or HELD_NOW.search(doc.text, draft.sentence.start, draft.sentence.end):
        return None
    ends = [
        t.window.latest
        for t in _release_dates(doc)
        if t.type == "DATE"
        and t.window is not None
        and t.window.latest is not None
        and earliest <= t.window.latest < latest
    ]
    return max(ends) if ends else None


def release_day(doc: Doc) -> Timex | None:
    """The day the report dates a release on, the first it tells ("She was let go on the morning of the
    14th"), which "a week after her release" counts from; ``None`` when it dates none to a day."""
    return next(
        (
            t
            for t in _release_dates(doc)
            if t.type in ("DATE", "TIME") and t.window is not None and t.window.earliest == t.window.latest
        ),
        None,
    )


def lasted(doc: Doc, draft: EventDraft) -> int | None:
    """How many days at most the act lasted, when its sentence says ("kept there for four days", "made
    to shovel snow for five days", "held for about four weeks": a tenth more, "for nearly a month": no
    more); ``None`` when it does not, or leaves it open ("for more than a month")."""
    span = lasted_span(doc, draft)
    return span[1] if span is not None else None


def lasted_span(doc: Doc, draft: EventDraft) -> tuple[int, int] | None:
    """How many days at least and at most the act lasted (:func:`lasted`): a length told exactly is both;
    "about" or "nearly" a length, a tenth less at least."""
    for t in doc.timexes:
        if not draft.sentence.start <= t.start < draft.sentence.end or t.type != "DURATION":
            continue
        m = _EXACT_SPAN.fullmatch(t.value)
        if m is None or not _FOR.search(doc.text, max(draft.sentence.start, t.start - 24), t.start):
            continue
        days = int(m.group("n")) * _SPAN_UNIT_DAYS[m.group("unit")]
        hedge = _HEDGED.match(t.text)
        word = " ".join(hedge.group().lower().split()) if hedge is not None else ""
        least = days - days // 10
        if not word:
            return days, days
        if word in _AT_MOST:
            return least, days
        return (least, math.ceil(days * _ABOUT_SHARE)) if word in _ABOUT else None
    return None


def looked_back_over(doc: Doc, draft: EventDraft) -> None:
    """A look back ended on the day of the act told just before it (:func:`~kirok.pipeline.
    event_date_tense.before_story_time`) and told with its length ("Agents had been tracking the signals
    for about three weeks"): from that many days before that day, at most."""
    window = draft.date
    days = lasted(doc, draft)
    if window is None or window.earliest is None or window.latest is None or not days:
        return
    start = window.latest - timedelta(days=days)
    if start < window.earliest:
        draft.date = window.model_copy(
            update={"earliest": start, "precision": precision_of(start, window.latest)}
        )
        draft.reasons.append("date: and from as long before as it lasted")


def held_until(doc: Doc, draft: EventDraft) -> tuple[date | None, date | None]:
    """The days an "until" in the act's sentence bounds it by: a holding told "until early this month"
    ends within those days; the act told after it with "then" ("and then sentenced") begins within
    them. ``(None, None)`` when the sentence has no such date."""
    s = draft.sentence
    for t in doc.timexes:
        if not s.start <= t.start < s.end or t.type != "DATE" or t.window is None:
            continue
        if not _UNTIL.search(doc.text, max(s.start, t.start - 8), t.start):
            continue
        if draft.type in _HELD and t.start >= draft.match[1]:
            return None, t.window.latest
        if t.end <= draft.match[0] and _THEN.search(doc.text, t.end, draft.match[0]):
            return t.window.earliest, None
    return None, None
