"""The acts of one kind a sentence tells: which of a trigger's matches is the dated one ("are fined on the
spot; about 20 were fined ... on Jan. 2"), a second act of the kind in a later clause with a date of its
own ("..., and a woman was seized at the market a week later"), and the two acts a distributive "one ...
and the other ..." tells."""

from __future__ import annotations

import re

from kirok.pipeline.doc import Doc, Sentence, Timex
from kirok.pipeline.event_date_story_time import dates_in
from kirok.pipeline.event_triggers import TriggerMatch

__all__ = ["dated_first", "more_dated_acts", "one_and_the_other"]


def dated_first(
    doc: Doc, sent: Sentence, matches: list[TriggerMatch], attribution_time: re.Pattern[str]
) -> TriggerMatch:
    """Of one trigger's matches in a sentence, the first whose clause (between semicolons) gives a date:
    "people caught are fined on the spot; about 20 were fined at one post on Jan. 2" is the dated fine.
    The first match when none, or the first, does."""
    if len(matches) == 1:
        return matches[0]
    dates = dates_in(doc, sent, attribution_time)
    for m in matches:
        lo = doc.text.rfind(";", sent.start, m.start) + 1 or sent.start
        hi = doc.text.find(";", m.end, sent.end)
        hi = sent.end if hi < 0 else hi
        if _dated(dates, lo, hi):
            return m
    return matches[0]


def _dated(dates: list[Timex], lo: int, hi: int) -> bool:
    """Whether one of the sentence's dates lies within ``lo:hi``."""
    return any(lo <= t.start and t.end <= hi for t in dates)


#: where a sentence goes on to another act: "...on January 18, and a woman was seized a week later",
#: "handed over the next day and then transferred ... at the start of August"
_ACT_CLAUSE = re.compile(r";\s*|,\s+(?:and|but)\s+(?!then\b)|,?\s+and\s+then\s+|,\s+after\s+which\s+")
#: "..., and was found dead two days later": the same person's act going on, told as one
_SAME_SUBJECT = re.compile(r"(?:was|were|had|has|have|is|are)\b", re.IGNORECASE)
#: a clause dated by a distance from the act before it
_DISTANCE = re.compile(
    r"\b(?:later|(?:the\s+)?(?:next|following)\s+(?:day|morning|night|week))\b", re.IGNORECASE
)


def more_dated_acts(
    doc: Doc,
    sent: Sentence,
    chosen: TriggerMatch,
    told: list[TriggerMatch],
    attribution_time: re.Pattern[str],
) -> list[TriggerMatch]:
    """Acts of the chosen one's type told again in the sentence's other clauses, each with a date of its
    own: a second arrest "a week later", a transfer "at the start of August". One per clause, the first
    by the rules' order; none when a clause gives no date (the same act, told over)."""
    text = doc.text
    cuts = [sent.start, *(m.end() for m in _ACT_CLAUSE.finditer(text, sent.start, sent.end)), sent.end]
    clauses = list(zip(cuts, cuts[1:], strict=False))
    dates = dates_in(doc, sent, attribution_time)
    more = []
    for lo, hi in clauses:
        if lo <= chosen.start < hi or _SAME_SUBJECT.match(text, lo):
            continue
        here = [m for m in told if lo <= m.start and m.end <= hi]
        if here and (_dated(dates, lo, hi) or _DISTANCE.search(text, lo, hi)):
            more.append(here[0])
    return more


#: "were executed this month, one on a riverbank in Sunchon on the 3rd and the other beside the market a
#: week later": one act told of each, with its own place and day
_ONE_AND_THE_OTHER = re.compile(
    r",\s+(?P<one>one\s+[^,;]+?)\s+and\s+(?P<other>the\s+other\s+[^,;.]+)", re.IGNORECASE
)


def one_and_the_other(doc: Doc, sent: Sentence, m: TriggerMatch) -> list[tuple[int, int]]:
    """The two spans a distributive "one ... and the other ..." right after the act gives it, each
    carrying a date of its own: two acts, not one. Empty when the sentence has no such phrase."""
    found = _ONE_AND_THE_OTHER.search(doc.text, m.end, sent.end)
    if found is None or _ACT_CLAUSE.search(doc.text, m.end, found.start()):
        return []
    told = [found.span("one"), found.span("other")]
    dated = [
        any(lo <= t.start < hi for t in doc.timexes) or _DISTANCE.search(doc.text, lo, hi) for lo, hi in told
    ]
    if not all(dated):
        return []
    # the acts' words are "one" and "the other": what follows each (its place, its day) is read as told
    # after the act, and stays content that tells the two apart from later sentences
    one, other = found.start("one"), found.start("other")
    return [(one, one + len("one")), (other, other + len("the other"))]
