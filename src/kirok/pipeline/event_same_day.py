"""Acts told as one scene share its day once the report dates one of them exactly: the trial told in the
sentence of an execution ("shot at a public trial"), the term handed down at a trial, the capture of
people "caught trying to cross"."""

from __future__ import annotations

import re

from kirok.model import EventType, TimeWindow
from kirok.pipeline.event_draft import EventDraft, relative_window

__all__ = [
    "date_captures_by_their_escape",
    "date_sentences_by_their_trial",
    "date_trials_by_their_execution",
    "inside",
    "same_days",
]

#: between a capture and the escape it stopped: "was caught trying to cross", "caught as he tried to wade"
_CAUGHT_IN_THE_ACT = re.compile(
    r"[^.;]{0,80}?\b(?:trying|attempting|as\s+(?:he|she|they|the\s+\w+)\s+(?:tried|attempted|was|were))\b",
    re.IGNORECASE,
)
#: between a punishment and the gathering it was handed down at: "handed a ten-year term at a public trial",
#: "handed long prison terms at Haeju public trial" (a headline drops the article)
_AT_THE_TRIAL = re.compile(
    r"[^.;]{0,80}?\bat\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}(?:trial|hearing)\b", re.IGNORECASE
)


#: a gathering that is a trial
_TRIAL = re.compile(r"\btrial\b", re.IGNORECASE)


def inside(inner: TimeWindow, outer: TimeWindow | None) -> bool:
    """Whether both windows are known and ``inner`` lies within ``outer``."""
    if outer is None or outer.earliest is None or outer.latest is None:
        return False
    if inner.earliest is None or inner.latest is None:
        return False
    return outer.earliest <= inner.earliest and inner.latest <= outer.latest


def same_days(a: TimeWindow | None, b: TimeWindow) -> bool:
    """Whether ``a`` is known and spans the same days as ``b``."""
    return a is not None and (a.earliest, a.latest) == (b.earliest, b.latest) and a.earliest is not None


def _one_day(act: EventDraft) -> TimeWindow | None:
    day = act.date
    if day is None or day.earliest is None or day.earliest != day.latest or act.date_value is None:
        return None
    return day


def _take_day(
    draft: EventDraft,
    kept: list[EventDraft],
    of: EventType,
    why: str,
    undated: bool = False,
    at: int | None = None,
) -> None:
    """``draft`` takes the day of the first act of type ``of`` that its sentence (or the one starting at
    ``at``) also tells and the report dates to one day, when its own window holds that day (or, with
    ``undated``, it has none)."""
    start = draft.sentence.start if at is None else at
    for act in kept:
        day = _one_day(act)
        if (
            act.type is of
            and day is not None
            and any(span.start == start for span in act.evidence)
            and ((undated and draft.date is None) or inside(day, draft.date))
            and not same_days(draft.date, day)
        ):
            draft.date, draft.date_value = day, act.date_value
            draft.reasons.append(why)
            return


def date_trials_by_their_execution(kept: list[EventDraft], text: str) -> None:
    """ "The owner of the boat was shot at a public trial": the trial told in the sentence of an execution
    is on its day, once the body has dated the execution ("shot on the 24th") and the trial's own window
    holds that day. A public trial told apart from the report's one execution ("executed two men late last
    month ... About three weeks later, a public trial was held") lies in the days both windows share."""
    executions = [k for k in kept if k.type is EventType.EXECUTION]
    for trial in kept:
        if trial.type is EventType.MEETING:
            why = "date: the day of the execution told in the same sentence"
            _take_day(trial, kept, EventType.EXECUTION, why, undated=True)
            if len(executions) == 1 and _TRIAL.search(text, *trial.match):
                _within_the_execution(trial, executions[0])


def _within_the_execution(trial: EventDraft, execution: EventDraft) -> None:
    """The trial's window cut to the days it shares with the execution's, when they share some."""
    a, b = trial.date, execution.date
    if a is None or b is None or a.earliest is None or a.latest is None:
        return
    if b.earliest is None or b.latest is None:
        return
    earliest, latest = max(a.earliest, b.earliest), min(a.latest, b.latest)
    if earliest > latest or (earliest, latest) == (a.earliest, a.latest):
        return
    trial.date = relative_window(earliest, latest)
    trial.reasons.append("date: within the days of the execution carried out at it")


def date_captures_by_their_escape(kept: list[EventDraft], text: str) -> None:
    """ "A soldier was caught late last month ... as he tried to cross into China" ... "on the night of Oct.
    27 wading into the shallows": the capture is on the day of the crossing it stopped, once the body has
    dated the crossing and the capture's own window holds that day."""
    for capture in kept:
        if capture.type is EventType.ARREST and _CAUGHT_IN_THE_ACT.match(
            text, capture.match[1], capture.sentence.end
        ):
            why = "date: the day of the crossing it stopped, told in the same sentence"
            _take_day(capture, kept, EventType.ESCAPE, why)


def date_sentences_by_their_trial(kept: list[EventDraft], text: str) -> None:
    """ "was handed a ten-year term ... at a public trial in her home town last month" ... "The trial took
    place ... on Dec. 19": the term was handed down on the trial's day, once the report has dated the
    trial told in the same sentence and the term's own window holds that day."""
    why = "date: the day of the trial it was handed down at"
    for term in kept:
        if term.type is not EventType.SENTENCE:
            continue
        if _AT_THE_TRIAL.match(text, term.match[1], term.sentence.end):
            _take_day(term, kept, EventType.MEETING, why)
            continue
        # "Two men handed long prison terms at Haeju public trial" (the headline) ... "The court
        # sentenced the older man to 12 years": another telling of the term names the trial
        told_at = [s.start for s in term.evidence[:-1] if _AT_THE_TRIAL.search(text, s.start, s.end)]
        if told_at:
            _take_day(term, kept, EventType.MEETING, why, at=told_at[0])
        elif term.date_value is None:
            _in_the_trials_days(term, kept, text)


def _in_the_trials_days(term: EventDraft, kept: list[EventDraft], text: str) -> None:
    """ "held a public trial of two men ... days before the Lunar New Year ... The younger man was
    sentenced to fifteen years": a term told without a date after the public trial, with no act dated
    between them, was handed down in the trial's days."""
    before = [k for k in kept if k.sentence.start < term.sentence.start and k is not term]
    trial = next(
        (k for k in reversed(before) if k.type is EventType.MEETING and _TRIAL.search(text, *k.match)), None
    )
    if trial is None or trial.date is None or not inside(trial.date, term.date):
        return
    if any(k.date_value is not None and k.sentence.start > trial.sentence.start for k in before):
        return
    term.date = trial.date
    term.reasons.append("date: in the days of the public trial told before it")
