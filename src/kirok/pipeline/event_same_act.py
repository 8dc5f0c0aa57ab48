"""Whether two tellings of one kind of act tell the same act: the tests the merge applies before it joins
them (years that do not meet, another number of people, another kind of gathering, other terms)."""

from __future__ import annotations

import re

from kirok.model import EventType
from kirok.pipeline.event_draft import EventDraft

__all__ = ["fine_and_term", "other_gathering", "other_number", "other_terms", "years_apart"]

_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")


def years_apart(a: EventDraft, b: EventDraft) -> bool:
    """Whether both acts carry dates that name their years and do not meet: "His wife crossed the Yalu in
    the autumn of 2016" is not the "He crossed the frozen Yalu in December 2018" told later."""
    x, y = a.date, b.date
    if x is None or y is None or a.date_value is None or b.date_value is None:
        return False
    if x.span is None or y.span is None or not (_YEAR.search(x.span.text) and _YEAR.search(y.span.text)):
        return False
    if x.earliest is None or x.latest is None or y.earliest is None or y.latest is None:
        return False
    return x.latest < y.earliest or y.latest < x.earliest


#: "The trial was staged ...": the kind of gathering a definite name refers back to
_THE_GATHERING = re.compile(
    r"\b(?:the|that|this|his|her|their)\s+(trial|rally|lecture|meeting)s?\b", re.IGNORECASE
)


def other_gathering(text: str, a: EventDraft, b: EventDraft) -> bool:
    """Whether ``b`` names a kind of gathering ("The trial was staged on the sports ground") that ``a``'s
    trigger does not ("announced at an enlarged meeting of cadres"): another gathering."""
    if b.type is not EventType.MEETING:
        return False
    named = _THE_GATHERING.search(text, b.sentence.start, b.match[1])
    return named is not None and named.group(1).lower() not in text[a.match[0] : a.match[1]].lower()


#: a term told with a punishment: "ten years", "a ten-year term", "six months each"
_TERM = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a)"
    r"[\s-]+(year|month|week|day)s?\b",
    re.IGNORECASE,
)


def other_terms(text: str, a: EventDraft, b: EventDraft) -> bool:
    """Whether two punishments name terms and none of them alike: "handed a ten-year term" is not the
    "sent to a labour-training brigade for six months" of her son told after it."""
    if a.type is not EventType.SENTENCE:
        return False
    terms = [
        {
            (m.group(1).lower(), m.group(2).lower())
            for m in _TERM.finditer(text, d.sentence.start, d.sentence.end)
        }
        for d in (a, b)
    ]
    return bool(terms[0] and terms[1]) and not terms[0] & terms[1]


def fine_and_term(text: str, a: EventDraft, b: EventDraft) -> bool:
    """Whether one punishment is a fine and the other a term told with its length, in a sentence without
    a fine: "each of them was fined 500 yuan ... the court sentenced him to three years" are two."""
    fines = [d.trigger.id == "sentence.fined" for d in (a, b)]
    if fines[0] == fines[1]:
        return False
    term = b if fines[0] else a
    told = text[term.sentence.start : term.sentence.end]
    return bool(_TERM.search(told)) and not _FINED.search(told)


#: a fine told in a sentence
_FINED = re.compile(r"\bfine[ds]?\b", re.IGNORECASE)
#: the auxiliary a passive trigger opens with: its number
_AUXILIARY = re.compile(r"(was|were)\s", re.IGNORECASE)
#: one of the people told of before
_ONE_OF = re.compile(r"\b(?:one|each|either|neither|none|some|two|three|four|five)\s+of\b", re.IGNORECASE)
#: a group named in the singular
_COLLECTIVE = re.compile(
    r"\b(?:a|the|this|that)\s+(?:\w+\s+)?(?:family|group|couple|crew|ring|gang|household|pair|team|band)\b"
    r"(?!\s+name)",
    re.IGNORECASE,
)


def other_number(text: str, a: EventDraft, b: EventDraft) -> bool:
    """Whether two passive acts differ in number, so in who underwent them: "The three women ... were caught
    by Chinese police" is not the "He was arrested at his home in February" told after it."""
    numbers = []
    for d in (a, b):
        aux = _AUXILIARY.match(text, d.match[0])
        if aux is None or _ONE_OF.search(text, d.sentence.start, d.match[0]):
            return False  # "Three women were arrested ... One of the women was caught with cash"
        # "A family of four was caught ... The four were handed over": a group named in the singular
        many = aux.group(1).lower() == "were" or _COLLECTIVE.search(text, d.sentence.start, d.match[0])
        numbers.append(bool(many))
    return numbers[0] != numbers[1]
