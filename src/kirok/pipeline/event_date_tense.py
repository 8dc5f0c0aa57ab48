"""The past perfect: what "had been" done is told as a look back from the story's time."""

from __future__ import annotations

import re

from kirok.pipeline.doc import Doc
from kirok.pipeline.event_draft import EventDraft

__all__ = ["flashback", "past_perfect"]

_PLUPERFECT = re.compile(
    r"\bhad (?:been |already |previously |once )?\w+(?:ed|en|wn|ft|ught|ld)\b", re.IGNORECASE
)
#: "a woman who had fled in 2019 was arrested": the past perfect of a relative clause tells of a person
_RELATIVE = re.compile(r"\b(?:who|which|that)\s+$", re.IGNORECASE)


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
