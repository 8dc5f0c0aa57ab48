"""Loader for the event rules (``pipeline/rules/events.json``): triggers, cues and detail lexicons.

The rules are data so that a coder can read and change them without touching code; this module only
compiles them and checks that every type it names exists. Triggers are written as token patterns, one
short word per token (the ``_comment`` of the data file gives the notation), and compiled here into the
patterns of spaCy's ``Matcher``; :mod:`kirok.pipeline.event_triggers` runs them.
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

__all__ = [
    "EventRules",
    "NamedPattern",
    "TokenPattern",
    "Trigger",
    "compile_token_pattern",
    "inflections",
    "load_event_rules",
    "parse_event_rules",
]

_FLAGS = re.IGNORECASE

#: One pattern of spaCy's ``Matcher``: a list of token specifications.
TokenPattern = tuple[dict[str, Any], ...]

_UNIVERSAL_POS = frozenset(
    "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split()
)
_STOPS = [".", ";", "!", "?"]
_SPECIAL: dict[str, dict[str, Any]] = {
    "_": {"LOWER": {"NOT_IN": _STOPS}, "IS_SPACE": False},  # any token of the sentence
    "=": {"IS_PUNCT": False, "IS_SPACE": False},  # any word
    "#": {"LIKE_NUM": True},
    "^": {"IS_TITLE": True},
}
_TOKEN = re.compile(
    r"(?P<neg>!)?(?P<lemma>~)?(?P<body>[^/?*+{}\s]+)(?:/(?P<tags>[A-Z]+(?:,[A-Z]+)*))?"
    r"(?P<op>[?*+]|\{\d*,?\d*\})?"
)
_CONSONANTS = frozenset("bcdfgklmnprstvz")


@dataclass(frozen=True)
class Trigger:
    id: str
    type: EventType
    patterns: tuple[TokenPattern, ...]
    unless: tuple[TokenPattern, ...] = ()  # a match of these over the trigger's words turns it away
    noun: bool = False  # names the act ("the raids"): after a determiner it refers back to an act told before
    source: tuple[str, ...] = ()  # the patterns as written in the data file


def _alternatives(body: str, sets: dict[str, str], where: str) -> list[str]:
    words: list[str] = []
    for alt in body.split("|"):
        if alt.startswith("$"):
            if alt[1:] not in sets:
                raise ConfigError(f"event rules: bad pattern in {where}: unknown token set {alt!r}")
            words.extend(sets[alt[1:]].split("|"))
        elif alt in _SPECIAL:
            raise ConfigError(f"event rules: bad pattern in {where}: {alt!r} cannot be an alternative")
        elif alt:
            words.append(alt.lower())
        else:
            raise ConfigError(f"event rules: bad pattern in {where}: empty alternative in {body!r}")
    return words


def compile_token_pattern(text: str, where: str, sets: dict[str, str] | None = None) -> TokenPattern:
    """``"~be|get _/ADV? ~arrest/VBN"`` -> the token specifications of spaCy's ``Matcher``."""
    tokens: list[dict[str, Any]] = []
    for word in text.split():
        m = _TOKEN.fullmatch(word)
        if m is None:
            raise ConfigError(f"event rules: bad pattern in {where}: cannot read token {word!r}")
        body = m["body"]
        if body in _SPECIAL and not (m["neg"] or m["lemma"]):
            spec = dict(_SPECIAL[body])
        else:
            words = _alternatives(body, sets or {}, where)
            op = "NOT_IN" if m["neg"] else "IN"
            value: Any = words[0] if len(words) == 1 and op == "IN" else {op: words}
            spec = {"LEMMA" if m["lemma"] else "LOWER": value}
        if m["tags"]:
            tags = m["tags"].split(",")
            spec["POS" if set(tags) <= _UNIVERSAL_POS else "TAG"] = {"IN": tags}
        if m["op"]:
            spec["OP"] = m["op"]
        tokens.append(spec)
    if not tokens or all(t.get("OP") in ("?", "*") for t in tokens):
        raise ConfigError(f"event rules: bad pattern in {where}: {text!r} may match nothing")
    return tuple(tokens)


def inflections(lemma: str) -> set[str]:
    """The regular forms a verb or noun may take (over-generating is harmless: the forms are looked up)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] in _CONSONANTS:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


@dataclass(frozen=True)
class NamedPattern:
    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class EventRules:
    triggers: tuple[Trigger, ...]
    lemma_forms: dict[str, str]  # word form -> trigger lemma: for matching reports without a parse
    sentence_cues: tuple[re.Pattern[str], ...]
    clause_cues: tuple[re.Pattern[str], ...]
    back_reference: re.Pattern[str]
    definite_reference: re.Pattern[str]
    definite_act: re.Pattern[str]  # "handing down the sentence": the trigger's own words name a known act
    period_reference: re.Pattern[str]  # "during the border closure": a noun trigger naming a period
    order_content: re.Pattern[str]  # "the lockdown order": a noun trigger naming an order's content
    instruction_content_types: frozenset[EventType]  # types an active "told ... to" makes an instruction
    subject_reference: re.Pattern[str]
    background_cues: tuple[re.Pattern[str], ...]
    commentary_cues: tuple[
        re.Pattern[str], ...
    ]  # others' claims, studies, estimates: never the report's acts
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
    # scope: acts outside this record ("scope" of the data file)
    north_korean_people: re.Pattern[str] = re.compile(r"(?!)")  # a sentence naming them stays in scope
    foreign_agent: re.Pattern[str] = re.compile(r"(?!)")  # the agent is a foreign state or its forces
    generic_cues: tuple[re.Pattern[str], ...] = ()  # "such abuses as ...": a category, not an act

    @property
    def non_event_cues(self) -> tuple[re.Pattern[str], ...]:
        """Every cue that marks speculation, a hypothetical, a rumour or a denial."""
        return self.sentence_cues + self.clause_cues


def _compile(pattern: str, where: str, flags: int = _FLAGS) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ConfigError(f"event rules: bad pattern in {where}: {exc}") from exc


def _trigger(type_: EventType, entry: dict[str, Any], sets: dict[str, str]) -> Trigger:
    where = entry["id"]
    sources = tuple(entry["patterns"])
    if not sources:
        raise ConfigError(f"event rules: bad pattern in {where}: no patterns")
    return Trigger(
        id=where,
        type=type_,
        patterns=tuple(compile_token_pattern(p, where, sets) for p in sources),
        unless=tuple(compile_token_pattern(p, where, sets) for p in entry.get("unless", ())),
        noun=bool(entry.get("noun", False)),
        source=sources,
    )


def _lemmas(triggers: list[Trigger]) -> set[str]:
    found: set[str] = set()
    for trig in triggers:
        for pattern in (*trig.patterns, *trig.unless):
            for spec in pattern:
                value = spec.get("LEMMA")
                if isinstance(value, str):
                    found.add(value)
                elif isinstance(value, dict):
                    found.update(*value.values())
    return found


def _lemma_forms(lemmas: set[str], irregular: dict[str, list[str]]) -> dict[str, str]:
    table = {lemma: lemma for lemma in lemmas}
    for lemma in sorted(lemmas):
        for form in sorted(inflections(lemma) | set(irregular.get(lemma, ()))):
            table.setdefault(form, lemma)
    return table


def _event_type(name: str) -> EventType:
    try:
        return EventType(name)
    except ValueError:
        raise ConfigError(f"event rules: unknown event type {name!r}") from None


def parse_event_rules(raw: dict[str, Any]) -> EventRules:
    """Compile rules from their JSON form; a wrong type name or pattern is a ConfigError."""
    sets: dict[str, str] = raw.get("token_sets", {})
    triggers: list[Trigger] = []
    for type_name, entries in raw["triggers"].items():
        type_ = _event_type(type_name)
        triggers.extend(_trigger(type_, entry, sets) for entry in entries)
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
        lemma_forms=_lemma_forms(_lemmas(triggers), raw.get("irregular_forms", {})),
        sentence_cues=tuple(_compile(p, "sentence_cues") for p in raw["sentence_cues"]),
        clause_cues=tuple(_compile(p, "clause_cues") for p in raw["clause_cues"]),
        back_reference=_compile(raw["back_reference"], "back_reference"),
        definite_reference=_compile(raw["definite_reference"], "definite_reference"),
        definite_act=_compile(raw["definite_act"], "definite_act"),
        period_reference=_compile(raw["period_reference"], "period_reference"),
        order_content=_compile(raw["order_content"], "order_content"),
        instruction_content_types=frozenset(_event_type(t) for t in raw.get("instruction_content_types", ())),
        subject_reference=_compile(raw["subject_reference"], "subject_reference"),
        background_cues=tuple(_compile(p, "background_cues") for p in raw["background_cues"]),
        commentary_cues=tuple(_compile(p, "commentary_cues") for p in raw.get("commentary_cues", ())),
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
        **_scope(raw.get("scope", {})),
    )


def _scope(raw: dict[str, Any]) -> dict[str, Any]:
    """The scope rules, when the data file gives them (a rule it leaves out matches nothing)."""
    found: dict[str, Any] = {}
    for key in ("north_korean_people", "foreign_agent"):
        if key in raw:
            found[key] = _compile(raw[key], f"scope.{key}")
    found["generic_cues"] = tuple(_compile(p, "scope.generic_cues") for p in raw.get("generic_cues", ()))
    return found


@lru_cache(maxsize=1)
def load_event_rules() -> EventRules:
    text = resources.files("kirok.pipeline").joinpath("rules/events.json").read_text("utf-8")
    return parse_event_rules(json.loads(text))
