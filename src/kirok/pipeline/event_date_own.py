"""The date an act's own sentence gives it: the date nearest its trigger in its clause, the lede's date for
a headline, "the next day" told in it, a state going on since a date, and words counted from the day the
source told them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kirok.model import EventType, SegmentRole
from kirok.pipeline.doc import Doc, Timex
from kirok.pipeline.event_date_clauses import (
    after_other_act,
    in_after_clause,
    in_later_after_clause,
    in_other_clause,
    in_relative_clause,
)
from kirok.pipeline.event_date_story import HELD_NOW
from kirok.pipeline.event_date_story_time import (
    counted_from_telling,
    counts_on,
    dates_in,
    past_perfect,
    telling_day,
    told_as_next,
)
from kirok.pipeline.event_draft import EventDraft, relative_window, window_days

__all__ = [
    "comes_after",
    "counted_from_flashback",
    "ever_since",
    "from_the_telling",
    "going_on_since",
    "lede_date",
    "own_date",
    "told_next",
]

#: what an order calls for ("an order calling for students to be put to work", "orders every workplace
#: to hold the lecture twice"), in the order's clause
_ORDERED = (
    EventType.FORCED_LABOR,
    EventType.MEETING,
    EventType.MOVEMENT_RESTRICTION,
    EventType.CRACKDOWN,
    EventType.SURVEILLANCE,
)
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while)\b|\.")
#: "agents have since banished", "since then": after the date told before, in the same sentence
_SINCE_ADVERB = re.compile(r"\b(?:ha(?:ve|s|d)\s+since|since\s+then)\b", re.IGNORECASE)
#: "has been stopping people since the party committee ordered a campaign in August": the act after
#: the act the date belongs to, told in a clause that "since" opens
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:the|an?|his|her|their|its)\s+[^,;.]*$", re.IGNORECASE)


#: a date after the act and "until": when what followed it ended, not the act's
_UNTIL = re.compile(r"\buntil(?:\s+[\w'-]+){1,3}?\s+(?:came|went|was|were|had|paid|\w+ed)\b", re.IGNORECASE)

#: words that count from the day they are said: from the source's telling, when the report names it
_SAID_TODAY = re.compile(
    r"(?:the day before )?yesterday|today|tonight|this (?:morning|afternoon|evening)", re.I
)


def from_the_telling(doc: Doc, draft: EventDraft, own: Timex, attribution_time: re.Pattern[str]) -> None:
    """ "was taken away 'the day before yesterday'", said by a source who "spoke on Friday" to a report
    of Monday: counted from the Friday."""
    window = draft.date
    if not _SAID_TODAY.fullmatch(own.text) or doc.published is None or window is None:
        return
    told = telling_day(doc, attribution_time)
    if told is None or told == doc.published or window.earliest is None or window.latest is None:
        return
    shift = told - doc.published
    draft.date = window.model_copy(
        update={"earliest": window.earliest + shift, "latest": window.latest + shift}
    )
    draft.date_value = (window.earliest + shift).isoformat()
    draft.reasons.append(f"date: counted from the day the source told it, {told.isoformat()}")


#: a clause of another verb between a date and the act: "On the same day they were marched to the
#: centre, where they are still being interrogated"
_OTHER_CLAUSE_BEFORE = re.compile(r";|,\s*(?:where|and|but|while|when)\b", re.IGNORECASE)
#: what an order calls for, told after it: its dates are its content's ("ordered that all work be
#: finished by the end of May"), not the day it was issued
_ORDER_CONTENT = re.compile(r"\s+(?:that|(?:\w+\s+){0,4}to)\s", re.IGNORECASE)


def own_date(
    doc: Doc, draft: EventDraft, attribution_time: re.Pattern[str], drafts: Sequence[EventDraft] = ()
) -> Timex | None:
    """The date in the act's sentence nearest its trigger (or inside it: "forbidden on May 2 to go"),
    leaving out dates in another clause, in a relative clause told before it, of another act it
    followed ("after his arrest in late summer"), or of the main clause when the act is told in a
    relative clause before it ("A man who was caught crossing the river died in custody last Saturday":
    the death's day, not the capture's; "A woman whose arrest we reported last week, was moved on
    Friday")."""
    m_start, m_end = draft.match
    ended = _until_then(doc, draft)
    if ended is not None:
        return ended
    main = _main_act_after(doc, draft, drafts)
    found = [
        t
        for t in dates_in(doc, draft.sentence, attribution_time)
        if not in_other_clause(doc, t, draft.match)
        and not in_after_clause(doc, t, draft.match)
        and not in_relative_clause(doc, draft.sentence.start, t, draft.match)
        and not after_other_act(doc, draft.sentence.start, t, draft.type, draft.match)
        and not in_later_after_clause(doc, t, draft.match)
        and not (main is not None and t.start >= main.match[1])
    ]
    if draft.sentence.role is SegmentRole.HEADLINE:  # "family banished next day": after what, the body says
        found = [t for t in found if not counts_on(t) and told_as_next(doc, t) is None]
    if draft.type is not EventType.DETENTION:  # "taken to the station and held until their husbands
        found = [t for t in found if not _UNTIL.search(doc.text, m_end, t.start)]  # came the next morning"
    inside = [t for t in found if m_start <= t.start and t.end <= m_end]
    if inside:
        return inside[0]
    after = [t for t in found if t.start >= m_end]
    before = [t for t in found if t.end <= m_start]
    if before and draft.type is EventType.DIRECTIVE and _ORDER_CONTENT.match(doc.text, m_end):
        # "Earlier this month, the Cabinet ordered that all work be finished by the end of May"
        after = [t for t in after if not _ORDER_CONTENT.match(doc.text, m_end, t.start)]
    if before:  # "On Saturday, agents took in a woman whose daughter defected in 2017": the daughter's
        after = [t for t in after if not _RELATIVE_BETWEEN.search(doc.text, m_end, t.start)]
    # "told not to set foot on the ice, even to fish, which many families rely on in winter": a clause set
    # off by a comma tells of something else
    after = [t for t in after if not _ASIDE_RELATIVE_BETWEEN.search(doc.text, m_end, t.start)]
    if after:
        return min(after, key=lambda t: t.start - m_end)
    if before:
        return min(before, key=lambda t: m_start - t.end)
    return None


#: a relative clause opened after the act's words, which a later date may belong to
_RELATIVE_BETWEEN = re.compile(r"\b(?:who|whose|whom|which)\b", re.IGNORECASE)
#: an aside not closed before the date: not "summoned the woman, who is in her 60s, on September 11"
_ASIDE_RELATIVE_BETWEEN = re.compile(r",\s*(?:who|whose|whom|which)\b[^,;]*$", re.IGNORECASE)

#: "held in a migration centre until Sept. 24, when they were handed over": the day the holding ended is
#: the day of the act its "when" clause tells
_UNTIL_BEFORE = re.compile(r"\b(?:until|till)\s+(?:the\s+)?$", re.IGNORECASE)
_WHEN_AFTER = re.compile(r",?\s+when\s+[^.;!?]*$", re.IGNORECASE)


def _until_then(doc: Doc, draft: EventDraft) -> Timex | None:
    """The day an "until" names, when the act is told in the "when" clause after it ("held ... until Sept.
    24, when they were driven across the bridge and handed over")."""
    s = draft.sentence
    for t in doc.timexes:
        if (
            s.start <= t.start < s.end
            and t.end <= draft.match[0]
            and t.type == "DATE"
            and t.window is not None
            and t.window.earliest is not None
            and _UNTIL_BEFORE.search(doc.text, s.start, t.start)
            and _WHEN_AFTER.match(doc.text, t.end, draft.match[0])
        ):
            return t
    return None


#: the relative pronoun (and auxiliary) the act's words follow: "A man in his 50s who was caught"
_IN_RELATIVE = re.compile(r"\b(?:who|which)\s+(?:(?:was|were|had|has|have)\s+)?(?:been\s+)?$", re.IGNORECASE)


#: an act told as what the one before it was after, not a main verb: "caught trying to wade across"
_TO_DO_BEFORE = re.compile(r"\bto\s+$", re.IGNORECASE)


def _main_act_after(doc: Doc, draft: EventDraft, drafts: Sequence[EventDraft]) -> EventDraft | None:
    """The act of the main clause told after the act, when the act is told in a relative clause of its
    subject ("who was caught trying to cross the river died in the holding centre"); ``None`` otherwise."""
    if not _IN_RELATIVE.search(doc.text, draft.sentence.start, draft.match[0]):
        return None
    return next(
        (
            d
            for d in drafts
            if d.sentence.start == draft.sentence.start
            and d.type is not draft.type
            and d.match[0] >= draft.match[1]
            and "," not in doc.text[draft.match[1] : d.match[0]]
            and not _TO_DO_BEFORE.search(doc.text, draft.match[1], d.match[0])  # "caught trying to cross"
        ),
        None,
    )


def lede_date(doc: Doc, attribution_time: re.Pattern[str]) -> Timex | None:
    """The first date of the lede, the body's first sentence, which tells what the headline sums up."""
    lede = next((s for s in doc.sentences if s.role is SegmentRole.BODY), None)
    found = dates_in(doc, lede, attribution_time) if lede is not None else []
    main = [t for t in found if lede is not None and not in_relative_clause(doc, lede.start, t, None)]
    return (main or found)[0] if found else None


def comes_after(doc: Doc, draft: EventDraft, own: Timex, drafts: list[EventDraft]) -> str | None:
    """Why the act only follows the date before it in its sentence, if it does: "issued an order in
    mid-April calling for students to be put to work" (the order's date, not the labour's), "crossed
    late last month, and agents have since banished their relatives", "has been stopping people since
    the party committee ordered a campaign in August"."""
    if own.start >= draft.match[1] and _SINCE_CLAUSE.search(doc.text, draft.match[1], own.start):
        return "“since” an act of that date: after it"
    if own.end > draft.match[0]:
        return None
    if (
        draft.type is EventType.DETENTION
        and HELD_NOW.search(doc.text, max(draft.sentence.start, draft.match[0] - 12), draft.match[1])
        and not _OTHER_CLAUSE_BEFORE.search(doc.text, own.end, draft.match[0])
    ):
        return "held now: since then"  # "sent back by China last month are being held at a holding centre"
    between = doc.text[own.end : draft.match[0]]
    if _SINCE_ADVERB.search(between):
        return "“since”: after it"
    if draft.type in _ORDERED and any(
        d.type is EventType.DIRECTIVE
        and d.sentence.start == draft.sentence.start
        and d.match[1] <= draft.match[0]
        and not _CLAUSE_BREAK.search(doc.text, d.match[1], draft.match[0])
        for d in drafts
    ):
        return "the order that calls for it"
    return None


#: "and have been working on farms around the city ever since": the act's own words end in "since"
_EVER_SINCE = re.compile(r"[^,;.]{0,80}?\b(?:ever\s+since|since\s+then)\b", re.IGNORECASE)
_ANOTHER_VERB = re.compile(r"\b(?:and|but|where|who|which|while)\b", re.IGNORECASE)


def ever_since(doc: Doc, draft: EventDraft, attribution_time: re.Pattern[str]) -> Timex | None:
    """The date a state told "ever since" right after its words began at: the finest date told before
    it in its sentence ("were marched to a rally on May 10 to open this year's campaign, and have been
    working on farms ever since": May 10, not "this year"); ``None`` when the sentence tells no such
    state, or another verb or a date stands between the act and "since"."""
    m = _EVER_SINCE.match(doc.text, draft.match[1], draft.sentence.end)
    if m is None or _ANOTHER_VERB.search(doc.text, draft.match[1], m.end()):
        return None
    if any(draft.match[1] <= t.start < m.end() for t in doc.timexes):
        return None
    before = [
        t
        for t in dates_in(doc, draft.sentence, attribution_time)
        if t.end <= draft.match[0]
        and t.window is not None
        and t.window.earliest is not None
        and t.window.latest is not None
    ]
    return min(before, key=lambda t: (window_days(t.window) or 0, -t.start)) if before else None


def told_next(doc: Doc, own: Timex, attribution_time: re.Pattern[str]) -> re.Match[str] | None:
    """ "the next day", "the following Monday"; "that afternoon" only when the tagger read it against the
    day of the telling ("a source said on Tuesday"), not against the day of the act told before it."""
    told = told_as_next(doc, own)
    if (
        told is not None
        and told.group("same") is not None
        and not counted_from_telling(doc, own, attribution_time)
        and not counted_from_flashback(doc, own)
    ):
        return None
    return told


def counted_from_flashback(doc: Doc, own: Timex) -> bool:
    """Whether the date named last before ``own`` was told in the past perfect ("had been caught in a
    raid in July ... had waded across this spring. On the same day they were marched to the holding
    centre"), the verb before it: "the same day" is then the story's day, not that look back's."""
    told = [t for t in doc.timexes if t.end <= own.start and t.type == "DATE"]
    if not told:
        return False
    last = told[-1]
    sentence = next((s for s in doc.sentences if s.start <= last.start < s.end), None)
    return sentence is not None and past_perfect(doc.text, sentence.start, last.start)


def going_on_since(doc: Doc, draft: EventDraft, own: Timex, drafts: list[EventDraft]) -> None:
    """A state going on since the date: up to publication, or, told in the past perfect ("had visited
    the family every week since August"), up to the story's time, the end of the latest act dated
    before it."""
    earliest, published = own.window.earliest if own.window else None, doc.published
    if earliest is None or published is None or earliest > published:
        return
    latest, why = published, "up to publication"
    if past_perfect(doc.text, draft.sentence.start, own.start):
        ends = [
            d.date.latest
            for d in drafts
            if d is not draft
            and d.sentence.start < draft.sentence.start
            and d.date_value is not None
            and not d.backstory
            and not d.ongoing
            and d.date is not None
            and d.date.latest is not None
            and earliest <= d.date.latest <= published
        ]
        if ends:
            latest, why = max(ends), "up to the story's time (“had ... since”)"
    draft.date = relative_window(earliest, latest, timex=own.value)
    draft.reasons.append(f"date: going on since then, {why}")
    draft.ongoing = True
