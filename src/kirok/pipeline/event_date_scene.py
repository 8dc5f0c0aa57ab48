"""Acts dated by the scene they are told in: an arrest or seizure in the raid told just before, a capture
right after a tried escape, an act of a moment told in the simple past right after one of a day, a beating
told at the capture."""

from __future__ import annotations

import re
from datetime import date

from kirok.model import EventType
from kirok.pipeline.doc import Doc, Sentence
from kirok.pipeline.event_date_tense import past_perfect
from kirok.pipeline.event_draft import EventDraft

__all__ = ["at_capture_scene", "in_raid_scene", "same_scene", "there_at_the_scene"]

#: the acts that open a custody chain: the arrest, the capture at the border, the handover
_OPENING = (EventType.ARREST, EventType.ESCAPE, EventType.FORCED_REPATRIATION)
#: what a raid does on its day: searches, seizures and the people it takes away
_RAID = (EventType.CRACKDOWN, EventType.ARREST)
#: an escape tried, not done: "tried to sail south", "attempting to cross"
_ATTEMPT = re.compile(r"\b(?:tried|attempted|trying|attempting)\s+to\b", re.IGNORECASE)
#: how many sentences may lie between the raid and what it did, still telling the raid
_SCENE_GAP = 1
#: the acts that happen in a moment, and so in the scene told just before them
_MOMENT = (
    EventType.ARREST,
    EventType.CRACKDOWN,
    EventType.EXECUTION,
    EventType.ESCAPE,
    EventType.FORCED_REPATRIATION,
    EventType.MEETING,
)
#: words that move the story's time on between two sentences; not "when" nor "after" a person ("were
#: halfway over when soldiers splashed in after them"), which tell the scene's own moment
_TIME_MOVES = re.compile(
    r"\b(?:later|days?|weeks?|months?|years?|next|after(?!\s+(?:him|her|them|it|us|me)\b)\w*|then|since|"
    r"before|following|eventually|subsequently|afterwards?|soon|until|once|earlier|previously|ago)\b",
    re.IGNORECASE,
)
#: words that move the story's time on in the sentence that dated the scene, after its date
_MOVES_ON = re.compile(
    r"\b(?:later|next|then|following|eventually|subsequently|afterwards?|soon|until)\b", re.IGNORECASE
)
#: an auxiliary before the trigger: not the simple past ("have taken", "had fled", "will be sent")
_AUX = r"(?:has|have|had|having|will|would|is|are|am|be|been|being|could|may|might|must|should|can|to)"
_NOT_SIMPLE_PAST = re.compile(rf"\b{_AUX}\s+(?:\w+\s+)?$", re.IGNORECASE)
_NOT_SIMPLE_PAST_START = re.compile(rf"{_AUX}\b", re.IGNORECASE)


def in_raid_scene(doc: Doc, draft: EventDraft, drafts: list[EventDraft], source: Sentence) -> bool:
    """Whether an undated arrest or seizure is told within the scene of the raid the story dated just
    before ("searched homes near the river on the 6th ... Five residents were taken away"): the
    sentence that dated the story's time tells a raid, and at most one sentence lies between, telling
    nothing but the raid; or a capture told right after an attempt to escape (:func:`_caught_trying`)."""
    if draft.type is EventType.ARREST and _caught_trying(doc, draft, drafts, source):
        return True
    if draft.type not in _RAID or not any(
        d.type is EventType.CRACKDOWN and d.sentence.start == source.start for d in drafts
    ):
        return False
    between = [s for s in doc.sentences if source.start < s.start < draft.sentence.start]
    return len(between) <= _SCENE_GAP and all(
        d.type in _RAID for d in drafts if any(d.sentence.start == s.start for s in between)
    )


def same_scene(doc: Doc, draft: EventDraft, drafts: list[EventDraft], source: Sentence) -> bool:
    """Whether an undated act that happens in a moment is told, in the simple past, in the sentence right
    after the sentence that dated the story to one day (its act, if it tells one, dated), in the same
    paragraph, with nothing between them moving time ("Police raided the flat on Tuesday. They took away
    two phones and led her away."; "The first casualty came on Monday. An engineer was led off in
    handcuffs."): the same scene."""
    if draft.type not in _MOMENT or source.segment != draft.sentence.segment:
        return False
    if any(source.start < s.start < draft.sentence.start for s in doc.sentences):
        return False
    told = [d for d in drafts if d.sentence.start == source.start]
    if told and not any(d.date_value is not None for d in told):
        return False
    if any(draft.sentence.start <= t.start < draft.sentence.end for t in doc.timexes):
        return False
    if _time_moves(doc, source, draft.match[0]) or _TIME_MOVES.search(
        doc.text, draft.match[0], draft.match[1]
    ):
        return False
    lead_in = doc.text[max(draft.sentence.start, draft.match[0] - 30) : draft.match[0]]
    return not _NOT_SIMPLE_PAST.search(lead_in) and not _NOT_SIMPLE_PAST_START.match(
        doc.text, draft.match[0], draft.match[1]
    )


#: where and how a beating is told as part of the capture: "at their post", "on the bank", "before
#: handing him over to the security department"
_CAPTURE_SCENE = re.compile(
    r"\b(?:before\s+(?:being\s+handed|(?:turning|handing)\s+(?:him|her|them|the\s+\w+)\s+over)"
    r"|at\s+(?:the|their|a)\s+(?:border\s+|guard\s+|sentry\s+)?post|on\s+the\s+(?:river\s*)?bank|on\s+the\s+ice"
    r"|right\s+there|at\s+the\s+scene)\b",
    re.IGNORECASE,
)
#: how many sentences may lie between the capture and the beating told as part of it
_CAPTURE_GAP = 2


def at_capture_scene(
    doc: Doc, draft: EventDraft, drafts: list[EventDraft], source: Sentence, day: date
) -> bool:
    """Whether an undated beating is told as part of the capture the story dated just before: the
    sentence places it there ("beat him with rifle butts at their post before turning him over", "was
    beaten unconscious by the soldiers on the bank"), the capture is told in the sentence that dated the
    story's time to ``day`` or is dated to that day, that sentence is at most two before it, and nothing
    between them moves time on."""
    if draft.type is not EventType.ILL_TREATMENT or not _CAPTURE_SCENE.search(
        doc.text, draft.sentence.start, draft.sentence.end
    ):
        return False
    if not any(
        d.type in _OPENING
        and d.sentence.start < draft.sentence.start
        and (
            d.sentence.start == source.start
            or (d.date_value is not None and d.date is not None and d.date.earliest == d.date.latest == day)
        )
        for d in drafts
    ):
        return False
    between = [s for s in doc.sentences if source.start < s.start < draft.sentence.start]
    return len(between) <= _CAPTURE_GAP and not _time_moves(doc, source, draft.sentence.start)


def _time_moves(doc: Doc, source: Sentence, end: int) -> bool:
    """Whether a word that moves the story's time on ("later", "next", "weeks") stands between the last
    date of the sentence that dated the scene and ``end``; in the rest of that sentence, only a word
    that moves on: "arrested on Dec. 18 when their boat returned, after another crew reported it" tells
    what came before the scene's act."""
    told = [t.end for t in doc.timexes if source.start <= t.start < source.end]
    start = max(told, default=source.start)
    if start < source.end <= end:  # the rest of that sentence: only words that move on
        return (
            _MOVES_ON.search(doc.text, start, source.end) is not None
            or _TIME_MOVES.search(doc.text, source.end, end) is not None
        )
    return _TIME_MOVES.search(doc.text, start, end) is not None


def _caught_trying(doc: Doc, draft: EventDraft, drafts: list[EventDraft], source: Sentence) -> bool:
    """An arrest told in the sentence right after an attempt to escape that the story dated to one day
    ("On the night of Aug. 18 four men tried to sail south. A patrol boat intercepted them"): the
    attempt failed there and then."""
    between = [s for s in doc.sentences if source.start < s.start < draft.sentence.start]
    return (
        not between
        and any(d.type is EventType.ESCAPE and d.sentence.start == source.start for d in drafts)
        and _ATTEMPT.search(doc.text, source.start, source.end) is not None
    )


#: a sentence that opens at the place of the scene told before it: "There the guard was tried ...",
#: "At the rally, two women were ..."
_THERE = re.compile(
    r"(?:There|At\s+the\s+(?:rally|gathering|meeting|trial|stadium|ground|square|scene))\b", re.IGNORECASE
)
#: how many sentences may lie between the scene and the act told "there"
_THERE_GAP = 2


def there_at_the_scene(doc: Doc, draft: EventDraft, source: Sentence) -> bool:
    """Whether an undated act of a moment is told in a sentence that opens at the place of the scene the
    story dated to one day ("Residents were ordered to assemble by the stadium on the morning of the
    16th. ... There the guard was tried in front of 3,000 people and then shot"), with at most two
    sentences between, none dating anything but in the past perfect (the evening before, told as what
    had been done)."""
    if draft.type not in _MOMENT or not _THERE.match(doc.text, draft.sentence.start):
        return False
    between = [s for s in doc.sentences if source.start < s.start < draft.sentence.start]
    if len(between) > _THERE_GAP:
        return False
    return not any(
        s.start <= t.start < s.end and not past_perfect(doc.text, s.start, t.start)
        for s in between
        for t in doc.timexes
    )
