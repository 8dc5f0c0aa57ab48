"""The details of an event read from its sentence: perpetrators, victims, penalty and stated reason.

Each value keeps the span of the words it came from. When the parse names the act's agent and patient
(:func:`kirok.pipeline.event_parse.participants`), perpetrators are read from the agent's words only and
victims from the patient's, the lexicons deciding what counts; without them, from the whole sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kirok.model import AgeBand, Penalty, Perpetrator, Sex, Span, Victim
from kirok.pipeline.doc import Timex
from kirok.pipeline.event_parse import Phrase
from kirok.pipeline.event_rules import EventRules

__all__ = ["find_penalty", "find_perpetrators", "find_reason", "find_victims"]

_PRONOUNS = {
    "he": Sex.MALE,
    "him": Sex.MALE,
    "she": Sex.FEMALE,
    "her": Sex.FEMALE,
    "they": None,
    "them": None,
}
_AGE = {"20": AgeBand.TWENTIES, "30": AgeBand.THIRTIES, "40": AgeBand.FORTIES, "50": AgeBand.FIFTIES}


def _span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def find_perpetrators(
    text: str, start: int, end: int, rules: EventRules, agents: Sequence[Phrase] = ()
) -> tuple[Perpetrator, ...]:
    """The organisations and roles of the perpetrator lexicon named by the agent (or the sentence)."""
    found: dict[str, Perpetrator] = {}
    units = [(m.start(), m.end(), m.group(1)) for m in rules.units.finditer(text, start, end)]
    ranges = [(a.start, a.end) for a in agents] or [(start, end)]
    for p in rules.perpetrators:
        for lo, hi in ranges:
            m = p.pattern.search(text, lo, hi)
            if m is None or p.name in found:
                continue
            unit = next((u for s, e, u in units if abs(s - m.end()) < 60 or abs(m.start() - e) < 60), None)
            found[p.name] = Perpetrator(name=p.name, unit=unit, span=_span(text, m.start(), m.end()))
    return tuple(found.values())


def _age_band(age: str | None, noun: str) -> AgeBand:
    if age:
        return _AGE.get(age, AgeBand.SIXTIES_PLUS if int(age) >= 60 else AgeBand.ADULT)
    if noun in ("boy", "boys", "girl", "girls", "teenager", "teenagers"):
        return AgeBand.TEEN
    return AgeBand.UNKNOWN


def _count(word: str | None, rules: EventRules) -> int | None:
    if word is None:
        return None
    return int(word) if word.isdigit() else rules.victim_counts.get(word)


def _victim_of_head(p: Phrase, rules: EventRules, status: tuple[str, ...]) -> Victim | None:
    """ "him", "the woman", "12 workers": a patient whose head word says who, without a count phrase."""
    if p.head in _PRONOUNS:
        sex = _PRONOUNS[p.head]
        count, sex = (None, Sex.UNKNOWN) if sex is None else (1, sex)
    elif p.head in rules.victim_nouns:
        count = _count(p.count, rules) if p.count else (None if p.plural else 1)
        sex = rules.victim_nouns[p.head]
    else:
        return None
    words = f"{p.count} {p.head}" if p.count else p.head
    return Victim(
        count=count,
        sex=sex,
        age_band=_age_band(None, p.head),
        status=status,
        description=words,
        span=Span(start=p.head_start, end=p.head_end, text=p.head),
    )


def find_victims(
    text: str, start: int, end: int, rules: EventRules, patients: Sequence[Phrase] = ()
) -> tuple[Victim, ...]:
    """Who the act befell: count phrases of the victim lexicon in the patient's words (or the sentence),
    else the patient's head word itself."""
    victims: list[Victim] = []
    sentence = text[start:end].lower()
    status = tuple(
        sorted({v for k, v in rules.victim_status.items() if re.search(rf"\b{re.escape(k)}\b", sentence)})
    )
    name_match = rules.name.search(text, start, end)
    ranges = [(p.start, p.end) for p in patients] or [(start, end)]
    matches = [m for lo, hi in ranges for m in rules.victim.finditer(text, lo, hi)]
    if not matches:
        victims.extend(v for p in patients if (v := _victim_of_head(p, rules, status)) is not None)
    for m in matches:
        count = _count(m.group("count").lower(), rules)
        noun = m.group("noun").lower()
        victims.append(
            Victim(
                count=count,
                sex=rules.victim_nouns.get(noun, Sex.UNKNOWN),
                age_band=_age_band(m.group("age"), noun),
                status=status,
                description=m.group(0),
                name=name_match.group(1) if name_match and not victims else None,
                span=_span(text, m.start(), m.end()),
            )
        )
    if victims and name_match and victims[0].name is None:
        victims[0] = victims[0].model_copy(update={"name": name_match.group(1)})
    if not victims and name_match:
        victims.append(
            Victim(
                count=1,
                status=status,
                name=name_match.group(1),
                # offsets only: the words hold the name, which is sensitive
                span=Span(start=name_match.start(), end=name_match.end()),
            )
        )
    return tuple(victims)


def find_penalty(text: str, start: int, end: int, rules: EventRules, timexes: list[Timex]) -> Penalty | None:
    facility = None
    for f in rules.facilities:
        fm = f.pattern.search(text, start, end)
        if fm:
            facility = (f.name, fm)
            break
    length = next((t for t in timexes if t.type == "DURATION" and start <= t.start < end), None)
    if facility is None and length is None:
        return None
    lo = min(
        x
        for x in (facility[1].start() if facility else None, length.start if length else None)
        if x is not None
    )
    hi = max(
        x for x in (facility[1].end() if facility else None, length.end if length else None) if x is not None
    )
    return Penalty(
        length=length.value if length else None,
        facility=facility[0] if facility else None,
        span=_span(text, lo, hi),
    )


def find_reason(text: str, start: int, end: int, rules: EventRules) -> str | None:
    m = rules.reason.search(text, start, end)
    return m.group(1).strip() if m else None
