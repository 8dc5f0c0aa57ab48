"""The details of an event read from its sentence: perpetrators, victims, penalty and stated reason.

Each value keeps the span of the words it came from.
"""

from __future__ import annotations

import re

from kirok.model import AgeBand, Penalty, Perpetrator, Sex, Span, Victim
from kirok.pipeline.doc import Timex
from kirok.pipeline.event_rules import EventRules

__all__ = ["find_penalty", "find_perpetrators", "find_reason", "find_victims"]

_AGE = {"20": AgeBand.TWENTIES, "30": AgeBand.THIRTIES, "40": AgeBand.FORTIES, "50": AgeBand.FIFTIES}


def _span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def find_perpetrators(text: str, start: int, end: int, rules: EventRules) -> tuple[Perpetrator, ...]:
    found: dict[str, Perpetrator] = {}
    units = [(m.start(), m.end(), m.group(1)) for m in rules.units.finditer(text, start, end)]
    for p in rules.perpetrators:
        for m in p.pattern.finditer(text, start, end):
            if p.name in found:
                break
            unit = next((u for s, e, u in units if abs(s - m.end()) < 60 or abs(m.start() - e) < 60), None)
            found[p.name] = Perpetrator(name=p.name, unit=unit, span=_span(text, m.start(), m.end()))
    return tuple(found.values())


def _age_band(age: str | None, noun: str) -> AgeBand:
    if age:
        return _AGE.get(age, AgeBand.SIXTIES_PLUS if int(age) >= 60 else AgeBand.ADULT)
    if noun in ("boy", "boys", "girl", "girls", "teenager", "teenagers"):
        return AgeBand.TEEN
    return AgeBand.UNKNOWN


def find_victims(text: str, start: int, end: int, rules: EventRules) -> tuple[Victim, ...]:
    victims: list[Victim] = []
    sentence = text[start:end].lower()
    status = tuple(
        sorted({v for k, v in rules.victim_status.items() if re.search(rf"\b{re.escape(k)}\b", sentence)})
    )
    name_match = rules.name.search(text, start, end)
    for m in rules.victim.finditer(text, start, end):
        count_word = m.group("count").lower()
        count = int(count_word) if count_word.isdigit() else rules.victim_counts.get(count_word)
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
