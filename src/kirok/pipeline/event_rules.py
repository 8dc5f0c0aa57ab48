"""Loader for the event rules (``pipeline/rules/events.json``): triggers, cues and detail lexicons.

The rules are data so that a coder can read and change them without touching code; this module only
compiles them and checks that every type it names exists.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from kirok.errors import ConfigError
from kirok.model import EventType, Sex

__all__ = ["EventRules", "NamedPattern", "Trigger", "load_event_rules", "parse_event_rules"]

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class Trigger:
    id: str
    type: EventType
    pattern: re.Pattern[str]
    noun: bool = False  # names the act ("the raids"): after a determiner it refers back to an act told before


@dataclass(frozen=True)
class NamedPattern:
    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class EventRules:
    triggers: tuple[Trigger, ...]
    sentence_cues: tuple[re.Pattern[str], ...]
    clause_cues: tuple[re.Pattern[str], ...]
    back_reference: re.Pattern[str]
    definite_reference: re.Pattern[str]
    subject_reference: re.Pattern[str]
    background_cues: tuple[re.Pattern[str], ...]
    negating_prefix: re.Pattern[str]
    attribution_time: re.Pattern[str]
    perpetrators: tuple[NamedPattern, ...]
    units: re.Pattern[str]
    facilities: tuple[NamedPattern, ...]
    victim_counts: dict[str, int | None]
    victim_nouns: dict[str, Sex]
    victim_status: dict[str, str]
    victim: re.Pattern[str]
    reason: re.Pattern[str]
    name: re.Pattern[str]

    @property
    def non_event_cues(self) -> tuple[re.Pattern[str], ...]:
        """Every cue that marks speculation, a hypothetical, a rumour or a denial."""
        return self.sentence_cues + self.clause_cues


def _compile(pattern: str, where: str, flags: int = _FLAGS) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ConfigError(f"event rules: bad pattern in {where}: {exc}") from exc


def parse_event_rules(raw: dict[str, Any]) -> EventRules:
    """Compile rules from their JSON form; a wrong type name or pattern is a ConfigError."""
    triggers: list[Trigger] = []
    for type_name, entries in raw["triggers"].items():
        try:
            type_ = EventType(type_name)
        except ValueError:
            raise ConfigError(f"event rules: unknown event type {type_name!r}") from None
        for entry in entries:
            pattern = _compile(entry["re"], entry["id"])
            triggers.append(Trigger(entry["id"], type_, pattern, bool(entry.get("noun", False))))
    counts: dict[str, int | None] = raw["victim_counts"]
    nouns = {k: Sex(v) for k, v in raw["victim_nouns"].items()}
    count_alt = "|".join(sorted((re.escape(c) for c in counts), key=len, reverse=True))
    noun_alt = "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True))
    victim = (
        rf"\b(?P<count>{count_alt}|\d+)\s+(?:(?:[a-z-]+)\s+){{0,2}}?(?P<noun>{noun_alt})\b"
        r"(?:\s+in\s+(?:his|her|their)\s+(?:(?P<early>early|mid|late)[- ])?(?P<age>\d0)s)?"
    )
    return EventRules(
        triggers=tuple(triggers),
        sentence_cues=tuple(_compile(p, "sentence_cues") for p in raw["sentence_cues"]),
        clause_cues=tuple(_compile(p, "clause_cues") for p in raw["clause_cues"]),
        back_reference=_compile(raw["back_reference"], "back_reference"),
        definite_reference=_compile(raw["definite_reference"], "definite_reference"),
        subject_reference=_compile(raw["subject_reference"], "subject_reference"),
        background_cues=tuple(_compile(p, "background_cues") for p in raw["background_cues"]),
        negating_prefix=_compile(raw["negating_prefix"], "negating_prefix"),
        attribution_time=_compile(raw["attribution_time"], "attribution_time"),
        perpetrators=tuple(
            NamedPattern(p["name"], _compile(p["re"], p["name"])) for p in raw["perpetrators"]
        ),
        units=_compile(raw["units"], "units", 0),
        facilities=tuple(NamedPattern(f["name"], _compile(f["re"], f["name"])) for f in raw["facilities"]),
        victim_counts=counts,
        victim_nouns=nouns,
        victim_status=raw["victim_status"],
        victim=_compile(victim, "victims"),
        reason=_compile(raw["reason"], "reason"),
        name=_compile(raw["name"], "name", 0),
    )


@lru_cache(maxsize=1)
def load_event_rules() -> EventRules:
    text = resources.files("kirok.pipeline").joinpath("rules/events.json").read_text("utf-8")
    return parse_event_rules(json.loads(text))
