"""The one timex a test sentence holds for a phrase: the lookup the timex tests share."""

from __future__ import annotations

from datetime import date

from kirok.pipeline.doc import Timex
from kirok.timex import tag


def find_timex(sentence: str, phrase: str, published: date | str | None) -> Timex:
    """The first timex tagged over exactly ``phrase`` in ``sentence`` published on ``published`` (an ISO
    string or a date); fails the test naming what was tagged instead."""
    anchor = date.fromisoformat(published) if isinstance(published, str) else published
    found = tag(sentence, anchor)
    for t in found:
        if t.text == phrase:
            return t
    raise AssertionError(f"{phrase!r} not tagged in {sentence!r}; got {[(t.text, t.value) for t in found]}")
