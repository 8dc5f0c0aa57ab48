"""The past perfect: what "had been" done is told as a look back from the story's time."""

from __future__ import annotations

import re

from kirok.pipeline.doc import Doc
from kirok.pipeline.event_draft import EventDraft, precision_of

__all__ = ["before_story_time", "flashback", "looks_back", "past_perfect"]

_RELATIVE_WORD = re.compile(r"\b(?:who|whom|whose|which)\b", re.IGNORECASE)
#: another clause between the past perfect and the act's word ("and they traced the calls" goes on in it)
_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:but|whether|where|when|while|because|until)\b", re.IGNORECASE)
#: "The raid followed an order", "the arrests came after a tip-off", "the ban was imposed after a family
#: slipped away", "has been stopping people since the party committee ordered": what is told next came
#: before
_CAME_AFTER = re.compile(
    r"\b(?:followed|came (?:after|on the heels of)|was (?:prompted|triggered|sparked) by"
    # "The ban was imposed after a family slipped away", not "After a"
    r"|(?<=\w )(?:after|since))\s+(?:an?|the)\b",
    re.IGNORECASE,
)
_BY = re.compile(r"\bby\s+$", re.IGNORECASE)
#: how many sentences back the day a past perfect looks back from may be told
_LOOKS_BACK_FROM = 2

_PLUPERFECT = re.compile(
    r"\bhad (?:been |already |previously |once )?\w+(?:ed|en|wn|ft|ught|ld)\b", re.IGNORECASE
)
#: "a woman who had fled in 2019 was arrested": the past perfect of a relative clause tells of a person;
#: so does one of a clause without "that" ("carrying a bag of medicine she had bought"), not after a
#: verb of telling ("the source said he had been arrested")
_RELATIVE = re.compile(
    r"\b(?:who|which|that)\s+$"
    r"|\b(?!(?:said|says|told|tells|reported|added|believed|believe|believes|heard|learned|learnt|knew|know|"
    r"knows|thought|think|claimed|claims|explained|recalled|insisted|admitted|confirmed)\b)[a-z]+\s+"
    r"(?:she|he|they|we)\s+$",
    re.IGNORECASE,
)


def past_perfect(text: str, start: int, end: int, trigger: int | None = None) -> bool:
    """A past perfect between ``start`` and ``end``; one in a relative clause ("a woman who had fled in
    2019 was arrested") tells of a person, not of the act, unless the act's trigger is its verb."""
    for m in _PLUPERFECT.finditer(text, start, end):
        if _RELATIVE.search(text[max(start, m.start() - 12) : m.start()]) and (
            trigger is None or m.end() <= trigger
        ):
            continue
        return True
    return False


def flashback(doc: Doc, d: EventDraft) -> bool:
    """Whether the act's sentence is told in the past perfect ("For most of the previous week, a
    detection van had been parked at the end of her lane", "had reported hearing it in October"): a
    look back from the story's time, which never moves that time back nor is what "since then" means."""
    return past_perfect(doc.text, d.sentence.start, d.sentence.end)


def looks_back(doc: Doc, d: EventDraft, drafts: list[EventDraft]) -> bool:
    """Whether the act is a flashback (:func:`flashback`), is told as what an act told before came after
    ("The raid followed an order in the first week of February", "The ban was imposed after a family
    slipped away in mid-May"), or retells such an act with its date ("The order has been passed down"):
    it does not move the story's time back, though "since then" may still mean it."""
    return _looks_back_itself(doc, d) or any(
        e.type is d.type
        and e.date == d.date
        and e.sentence.start < d.sentence.start
        and _looks_back_itself(doc, e)
        for e in drafts
    )


def _looks_back_itself(doc: Doc, d: EventDraft) -> bool:
    return flashback(doc, d) or _CAME_AFTER.search(doc.text, d.sentence.start, d.match[0]) is not None


def before_story_time(doc: Doc, draft: EventDraft, drafts: list[EventDraft]) -> bool:
    """A past perfect told right after an act of one day looks back from that day: "were taken from
    their homes on Thursday ... Agents had been parked near the river for most of the week" ends on
    Thursday, not with the week; whether it ended the act there."""
    window = draft.date
    if window is None or window.earliest is None or window.latest is None or window.earliest == window.latest:
        return False
    if any(
        draft.sentence.start <= t.start < draft.sentence.end
        and _BY.search(doc.text, draft.sentence.start, t.start)
        for t in doc.timexes
    ):
        return False  # "had been caught by the weekend": the sentence bounds it itself
    main = next(_PLUPERFECT.finditer(doc.text, draft.sentence.start, draft.match[1]), None)
    if (
        main is None
        or _RELATIVE_WORD.search(doc.text, draft.sentence.start, main.start())
        or _CLAUSE_BREAK.search(doc.text, main.end(), draft.match[0])
    ):
        # none before the act's word in its clause ("moved to the centre, where ... had contacted")
        return False
    sentences = [s.start for s in doc.sentences if s.start <= draft.sentence.start]
    reach = sentences[-1 - _LOOKS_BACK_FROM] if len(sentences) > _LOOKS_BACK_FROM else 0
    told = [
        d
        for d in drafts
        if d is not draft
        and reach <= d.sentence.start
        and d.match[0] < draft.match[0]
        and not d.backstory
        and d.date is not None
        and d.date.earliest is not None
        and d.date.earliest == d.date.latest
    ]
    if not told:
        return False
    last = max(told, key=lambda d: d.match[0])
    assert last.date is not None and last.date.earliest is not None
    day = last.date.earliest
    if window.earliest <= day < window.latest:
        draft.date = window.model_copy(
            update={"latest": day, "precision": precision_of(window.earliest, day)}
        )
        draft.reasons.append("date: told in the past perfect, so by the day of the act told just before")
        return True
    return False
