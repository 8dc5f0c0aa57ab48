"""Dates told by reference to another act: "in the same week the man was taken away", "on the same day
as the execution", "since the lectures", "since then", "at the same trial".

Such an act has the date of the act it points to, which the report told before: the same window for
"the same day/week" and "at the same trial", and from that act up to publication for "since".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kirok.model import EventType, SegmentRole, TimeWindow
from kirok.pipeline.doc import Doc, Timex
from kirok.pipeline.event_date_tense import flashback
from kirok.pipeline.event_draft import EventDraft, relative_window, window_days
from kirok.pipeline.event_rules import load_event_rules

__all__ = [
    "DateReference",
    "find_reference",
    "points_to_an_act",
    "reference_bounds",
    "referenced_window",
    "retold_act",
    "telling_before",
    "types_named",
]

#: "had been told by the police box in December": an order received, not the source's telling
_RECEIVED = re.compile(r"\b(?:been|was|were|is|are|being|get|got)\s+$", re.IGNORECASE)

_SAME = re.compile(
    r"\b(?:in |on |during |within )?the same (?:day|week|month|night|morning|evening)\b"
    r"(?:\s+(?P<as>as)\b|\s+(?:that|when)\b)?\s+(?P<ref>[^,;.]{3,80})",
    re.IGNORECASE,
)
#: what follows "the same day" when it points to an act: "as the execution", "(that) he was taken away"
_REF_START = re.compile(r"\s+(?:as|that|when|he|she|they|the|his|her|their|its)\b", re.IGNORECASE)
#: "the night the boat went missing", "on the day (that) he was taken away": the time of that act
_THE_DAY = re.compile(
    r"\bthe (?:very )?(?:day|night|morning|evening)\s+(?:that\s+|when\s+)?"
    r"(?P<ref>(?:the|he|she|they|his|her|their|its)\s[^,;.]{3,80})",
    re.IGNORECASE,
)
#: "On the day of the execution", "the night of the raid": the time of the act it names
_DAY_OF = re.compile(
    r"\bthe (?:very )?(?:day|night|morning|evening)\s+of\s+"
    r"(?P<ref>(?:the|that|his|her|their|its)\s+[\w-]+(?:\s+[\w-]+)?)",
    re.IGNORECASE,
)
_SINCE = re.compile(
    r"\bsince (?:(?P<then>then)\b|(?P<ref>(?:the|that|this|their|his|her|its) [\w-]+(?: [\w-]+)?))",
    re.IGNORECASE,
)
#: "taken away the same week.": the time of the act just told
_SAME_BARE = re.compile(
    r"\b(?:in |on |during |within |that |)the same (?:day|week|month|night|morning|evening|afternoon)\b"
    r"(?=\s*(?:[.;!?]|,\s+(?:the|a|an|he|she|they|according)\b|$))",
    re.IGNORECASE,
)
#: "detained in the course of the search", "during the raids": the time of the act named
_DURING = re.compile(
    r"\b(?:during|in the course of|amid)\s+(?P<ref>(?:the|that|this|these|those|their|his|her|its)\s+"
    r"[\w-]+(?:\s+[\w-]+)?)",
    re.IGNORECASE,
)
#: "at the same trial", "At the trial the court also sentenced": the trial, rally or meeting told before
_AT_SAME = re.compile(
    r"\bat (?:the same|the|that) (?P<ref>(?P<trial>trial|hearing|gathering)|rally|meeting|session|lecture)\b",
    re.IGNORECASE,
)
#: what a trial (or "the same gathering") told before may be: the public trial itself, or the execution
#: it ended in
_AT_TRIAL = (EventType.MEETING, EventType.EXECUTION)
#: "on arrival", "upon their return": the day of the handover told before
_ON_ARRIVAL = re.compile(
    r"\b(?:on|upon)\s+(?:their |his |her )?(?:arrival|return)\b(?!\s+to\b)", re.IGNORECASE
)
#: "Before the shooting, a public trial was held": the act lies before (or after) the one it names
_BEFORE_AFTER = re.compile(
    r"\b(?P<rel>before|after|following)\s+(?P<ref>(?:the|his|her|their|its)\s+[\w-]+(?:\s+[\w-]+)?)",
    re.IGNORECASE,
)
#: "The trial was held on the football pitch": a definite name of an act, told before
_DEFINITE = re.compile(r"\b(?:the|that|this|these|those)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s+and\s+|\s+to\s+(?:between|live)\b")

#: the most days a window of "the same week" can point back to
_WEEK_DAYS = 6
#: the words by which a report points back to an act it told, and the kinds of act they can name
_ACT_WORDS: tuple[tuple[re.Pattern[str], tuple[EventType, ...]], ...] = tuple(
    (re.compile(rf"\b(?:{words})", re.IGNORECASE), types)
    for words, types in (
        (r"execut|firing squad|shot\b|shooting", (EventType.EXECUTION,)),
        (
            r"trial|rall(?:y|ies)|lectures?\b|meeting|session|hearing|conference|gathering",
            (EventType.MEETING,),
        ),
        (
            r"sentenc|verdict|camp\b|kwalliso|kyohwaso|banish|relocat|expelled|(?:was|were) moved",
            (EventType.SENTENCE,),
        ),
        # "taken away" names the arrest or the removal to a camp
        (r"taken away|hauled away|dragged away", (EventType.SENTENCE, EventType.ARREST)),
        (r"arrest|detained|caught|picked up|taken in\b", (EventType.ARREST,)),
        (
            r"hand-?over|hand-?back|handed (?:over|back)|repatriat|return(?:ed)?\b|sent back",
            (EventType.FORCED_REPATRIATION,),
        ),
        (
            r"crossing|crossed|escape|fled|flight|defect|vanish|disappear|went missing|slipped (?:away|out)",
            (EventType.ESCAPE,),
        ),
        (r"raids?\b|search(?:es)?\b|inspections?\b|crackdown", (EventType.CRACKDOWN,)),
        (r"transfer", (EventType.DETENTION,)),  # "a week after the transfer" to the detention centre
        (r"closure|lockdown|(?:was|were) (?:sealed|locked down|closed)", (EventType.MOVEMENT_RESTRICTION,)),
        (r"died\b|death\b", (EventType.ILL_TREATMENT,)),  # "the day before he died": the death in custody
        (r"order\b|orders\b|directive|instruction|decree", (EventType.DIRECTIVE,)),
    )
)


@dataclass(frozen=True)
class DateReference:
    """Where a sentence points back to another act: the words, the kinds of act they can name, and
    whether the act goes on from then (``since``)."""

    start: int
    end: int
    types: tuple[EventType, ...]  # empty: "since then", the act told just before
    since: bool


def types_named(words: str) -> tuple[EventType, ...]:
    found: list[EventType] = []
    for pattern, types in _ACT_WORDS:
        if pattern.search(words):
            found.extend(t for t in types if t not in found)
    return tuple(found)


def _reference_words(m: re.Match[str]) -> str:
    """The words after "the same day" that name the act: a noun phrase after "as", else a clause."""
    ref = m.group("ref")
    return " ".join(ref.split()[:4]) if m.group("as") else _CLAUSE_END.split(ref)[0]


def _overlaps_timex(doc: Doc, start: int, end: int) -> bool:
    return any(t.start < end and start < t.end for t in doc.timexes)


def find_reference(doc: Doc, draft: EventDraft) -> DateReference | None:
    """The reference to another act that dates this one, if its sentence makes one."""
    s = draft.sentence
    for m in _SAME.finditer(doc.text, s.start, s.end):
        start = m.start("ref")
        cut = len(_reference_words(m))
        types = types_named(doc.text[start : start + cut])
        if types and not (start <= draft.match[0] < start + cut):
            return DateReference(start, start + cut, types, since=False)
    for m in _THE_DAY.finditer(doc.text, s.start, s.end):
        start = m.start("ref")
        cut = len(_CLAUSE_END.split(m.group("ref"))[0])
        types = types_named(doc.text[start : start + cut])
        if types and not (m.start() <= draft.match[0] < start + cut):
            return DateReference(start, start + cut, types, since=False)
    for m in _DAY_OF.finditer(doc.text, s.start, s.end):
        types = types_named(m.group("ref"))
        if types and not (m.start() <= draft.match[0] < m.end()):
            return DateReference(m.start("ref"), m.end("ref"), types, since=False)
    for m in _DURING.finditer(doc.text, s.start, s.end):
        types = types_named(m.group("ref"))
        if types and draft.type not in types and not _overlaps_timex(doc, m.start("ref"), m.end("ref")):
            return DateReference(m.start("ref"), m.end("ref"), types, since=False)
    for m in _SAME_BARE.finditer(doc.text, s.start, s.end):
        return DateReference(m.start(), m.end(), (), since=False)
    for m in _ON_ARRIVAL.finditer(doc.text, s.start, s.end):
        return DateReference(m.start(), m.end(), (EventType.FORCED_REPATRIATION,), since=False)
    for m in _AT_SAME.finditer(doc.text, s.start, s.end):
        types = _AT_TRIAL if m.group("trial") else (EventType.MEETING,)
        return DateReference(m.start("ref"), m.end("ref"), types, since=False)
    for m in _SINCE.finditer(doc.text, s.start, s.end):
        if m.group("then"):
            return DateReference(m.start("then"), m.end("then"), (), since=True)
        if _overlaps_timex(doc, m.start("ref"), m.end("ref")):
            continue
        types = types_named(m.group("ref"))
        if types:
            return DateReference(m.start("ref"), m.end("ref"), types, since=True)
    return None


def points_to_an_act(doc: Doc, timex: Timex) -> bool:
    """ "the same day as the execution", "the same week he was taken away": a reference to an act, not
    to the last date named."""
    if _REF_START.match(doc.text, timex.end) is None:
        return False
    if timex.text.lower().startswith("the same"):
        m = _SAME.match(doc.text, timex.start)
        return m is not None and bool(types_named(_reference_words(m)))
    m = _THE_DAY.match(doc.text, timex.start)
    return m is not None and bool(types_named(_CLAUSE_END.split(m.group("ref"))[0]))


def _span_days(d: EventDraft) -> int:
    days = window_days(d.date)
    assert days is not None  # the acts referred to are those with a closed window
    return days


def _referred_act(
    doc: Doc, draft: EventDraft, drafts: list[EventDraft], ref: DateReference
) -> EventDraft | None:
    """The act told before that the reference names: of the referring act's own kind when the words fit
    several ("his family was banished the same week he was taken away": the man's removal to the camp),
    then the one the report dates most exactly, then its first telling (a later clause that refers back
    to it may carry another act's date), then the nearest."""
    # "had been arrested in September ... He had been held there since then": a look back goes on from one
    looking_back = not ref.types and flashback(doc, draft)
    before = [
        d
        for d in drafts
        if d is not draft
        and d.sentence.start < draft.sentence.start
        and d.date is not None
        and d.date.earliest is not None
        and d.date.latest is not None
        and (looking_back or not d.backstory)
    ]
    if not ref.types:  # the act told just before, not one it looked back to ("had been parked")
        body = [d for d in before if d.sentence.role is SegmentRole.BODY]
        if not looking_back:
            body = [d for d in body if not flashback(doc, d)] or body
        # "held until the execution ... banished the same week": the last act told of one day, else of a
        # week or less
        if not ref.since:
            body = (
                [d for d in body if _span_days(d) == 0]
                or [d for d in body if _span_days(d) <= _WEEK_DAYS]
                or body
            )
        return max(body, key=lambda d: (d.sentence.start, d.match[0])) if body else None
    fitting = [d for d in before if d.type in ref.types]
    if not fitting:
        return None
    return min(
        fitting, key=lambda d: (d.type is not draft.type, _span_days(d), d.back_reference, -d.sentence.start)
    )


def referenced_window(
    doc: Doc, draft: EventDraft, drafts: list[EventDraft]
) -> tuple[TimeWindow, EventType] | None:
    """The window of an act dated by reference to another (:func:`find_reference`), and the kind of act
    it points to; records why."""
    ref = find_reference(doc, draft)
    if ref is None:
        return None
    act = _referred_act(doc, draft, drafts, ref)
    if act is None or act.date is None or act.date.earliest is None:
        return None
    words = doc.text[ref.start : ref.end]
    if not ref.since:
        draft.reasons.append(f"date: that of the act it refers to, “{words}”")
        return act.date, act.type
    if doc.published is None or act.date.earliest > doc.published:
        return None
    draft.ongoing = True
    told = _date_told_after(doc, act, draft, drafts) if not ref.types else None
    if told is not None:  # "The body was returned on the 20th. Since then, officers have watched the house"
        why = f"date: going on since the date told just before, “{told.text}”, up to publication"
        draft.reasons.append(why)
        assert told.window is not None and told.window.earliest is not None
        return relative_window(told.window.earliest, doc.published), act.type
    draft.reasons.append(f"date: going on since the act it refers to, “{words}”, up to publication")
    window = relative_window(act.date.earliest, doc.published)
    return window, act.type


def telling_before(prefix: str, attribution_time: re.Pattern[str]) -> bool:
    """The date follows the telling ("told Example News on Wednesday"), not an order received ("had
    been told by the police box in December to keep a record")."""
    m = attribution_time.search(prefix)
    return m is not None and not _RECEIVED.search(prefix[: m.start()])


def _date_told_after(doc: Doc, act: EventDraft, draft: EventDraft, drafts: list[EventDraft]) -> Timex | None:
    """The last date a body sentence that tells no act names between the act "since then" would refer to
    and the sentence that says it, when it lies on or after the act's start, and is not the day of the
    telling ("a source said on Monday"): what "since then" means."""
    with_acts = {d.sentence.start for d in drafts}
    attribution_time = load_event_rules().attribution_time
    assert act.date is not None and act.date.earliest is not None and doc.published is not None
    told = [
        t
        for t in doc.timexes
        if act.sentence.end <= t.start < draft.sentence.start
        and t.type == "DATE"
        and t.window is not None
        and t.window.earliest is not None
        and act.date.earliest <= t.window.earliest <= doc.published
        and (sent := doc.sentence_at(t.start)) is not None
        and sent.role is SegmentRole.BODY
        and sent.start not in with_acts
        and not telling_before(doc.text[sent.start : t.start], attribution_time)
    ]
    return max(told, key=lambda t: t.start) if told else None


def reference_bounds(
    doc: Doc, draft: EventDraft, drafts: list[EventDraft], earliest: date, latest: date
) -> tuple[tuple[date, date], str] | None:
    """The window ``[earliest, latest]`` narrowed by an act the sentence says it came before or after
    ("Before the shooting, a public trial was held"), when the report dates that act; ``None`` when it
    names none or the bound leaves no window."""
    s = draft.sentence
    for m in _BEFORE_AFTER.finditer(doc.text, s.start, s.end):
        if _overlaps_timex(doc, m.start("ref"), m.end("ref")) or m.start("ref") <= draft.match[0] < m.end(
            "ref"
        ):
            continue
        types = types_named(m.group("ref"))
        named = [
            d
            for d in drafts
            if d is not draft
            and d.type in types
            and d.type is not draft.type
            and d.date_value is not None
            and not d.backstory
            and d.date is not None
            and d.date.earliest is not None
            and d.date.latest is not None
        ]
        if not named:
            continue
        act = min(named, key=lambda d: abs(d.sentence.start - s.start))
        assert act.date is not None and act.date.earliest is not None and act.date.latest is not None
        if m.group("rel").lower() == "before":
            low, high = earliest, min(latest, act.date.latest)
        else:
            low, high = max(earliest, act.date.earliest), latest
        if low > high or (low, high) == (earliest, latest):
            continue
        return (low, high), f"{m.group('rel').lower()} “{m.group('ref')}”"
    return None


def retold_act(doc: Doc, draft: EventDraft, drafts: list[EventDraft]) -> EventDraft | None:
    """The act an undated statement refers back to by its definite name ("The trial was held on the
    football pitch" after "following a public trial" on May 28): the nearest act of its kind the report
    told and dated before, not backstory; ``None`` when the statement names none so."""
    s = draft.sentence
    if not draft.back_reference or not _DEFINITE.search(doc.text, s.start, draft.match[0]):
        return None
    told = [
        d
        for d in drafts
        if d.type is draft.type
        and d.sentence.start < s.start
        and d.date_value is not None
        and d.date is not None
        and not d.backstory
        and not d.ongoing
    ]
    return max(told, key=lambda d: (d.sentence.start, d.match[0])) if told else None
