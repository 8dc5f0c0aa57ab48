"""The temporal lexicon: word lists and pattern rules from ``data/timex_lexicon.json``, compiled once.

Rules are regular expressions written with macros (``{MONTH}``, ``{NUMBER}``, ``{MOD}``, ...) that
expand from the word lists of the same file, so adding a word or a rule is a data change. Every rule is
compiled case-insensitively, except month and weekday names, which need a capital letter ("may be" and
"to march" are verbs).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["HolidayCalendar", "Lexicon", "Rule", "load_lexicon", "normal_key"]

_RESOURCE = "timex_lexicon.json"


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern rule: ``kind`` names the normaliser that reads its named groups."""

    name: str
    kind: str
    regex: re.Pattern[str]
    triggers: frozenset[str]  # lower-case words near which the rule is tried; "DIGIT": any number
    reach: tuple[int, int]  # how far before and after its trigger a match may run


@dataclass(frozen=True, slots=True)
class HolidayCalendar:
    """The days of a holiday that moves, year by year: ``(month, day)`` by year. A ``yearly`` table
    (the lunar new year) knows only the years it lists; otherwise an entry holds from its year until
    the next one (a holiday moved by decree)."""

    yearly: bool
    dates: dict[int, tuple[int, int]]

    def on(self, year: int) -> tuple[int, int] | None:
        if self.yearly:
            return self.dates.get(year)
        since = [y for y in self.dates if y <= year]
        return self.dates[max(since)] if since else None


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    season_months: dict[str, tuple[int, int]]
    parts_of_day: dict[str, str]
    numbers: dict[str, int | str]
    ordinals: dict[str, int]
    units: dict[str, str]
    set_words: dict[str, str]
    modifiers: dict[str, str]
    quantifiers: dict[str, str]
    deictic_days: dict[str, int]
    references: dict[str, str]
    reference_spans: dict[str, str]
    relative_words: dict[str, int]
    relative_words_after: dict[str, int]  # written after the unit: "the week before last"
    anaphoric_words: frozenset[str]
    offset_directions: dict[str, int]
    deictic_directions: frozenset[str]
    holidays: dict[str, tuple[int, int | str]]  # day of month, "THU@22" or "CAL:<holiday_calendars key>"
    holiday_calendars: dict[str, HolidayCalendar]
    vague_counts: dict[str, int]
    narrative: dict[str, float]
    future_markers: re.Pattern[str]
    date_future_markers: re.Pattern[str]  # also say a calendar date lies ahead: "payable", "expires", "until"
    #: say a calendar date lies ahead only right before it: "until Nov. 6", "starting at noon Saturday"
    date_future_adjacent: re.Pattern[str]
    #: a present-tense verb of a scheduled event right before a weekday puts it ahead: "Talks resume Monday"
    scheduled_present: re.Pattern[str]
    #: the third person of those verbs anywhere in a clause: "Ilvar holds talks at the palace on Tuesday"
    scheduled_verbs: re.Pattern[str]
    future_before_markers: re.Pattern[str]  # say future only before the expression: "planned to leave Monday"
    past_markers: re.Pattern[str]
    reporting_markers: re.Pattern[str]  # "said", "told": past, but of the report, not of what it reports
    weak_past_markers: re.Pattern[str]  # "-ed" verbs: past unless a stronger marker says otherwise
    #: words that place a text on the days around its publication: "today", "last week", a weekday that
    #: is not part of a full date ("Sunday, 7 December 1941")
    news_days: re.Pattern[str]
    guards: dict[str, frozenset[str]]
    rules: tuple[Rule, ...]
    triggered_by: dict[str, tuple[int, ...]]  # trigger word -> indexes of the rules it wakes
    trigger_regex: re.Pattern[str]  # finds trigger words and numbers

    def month_number(self, word: str) -> int:
        return self.months[_key(word)]

    def number(self, word: str) -> int | str | float:
        """A number in digits or words: "40" -> 40, "twenty-five" -> 25, "several" -> "X" (vague)."""
        key = _key(word).replace(",", "")
        if key in self.numbers:
            return self.numbers[key]
        if re.fullmatch(r"\d+", key):
            return int(key)
        if re.fullmatch(r"\d+\.\d+", key):
            return float(key)
        parts = re.split(r"[\s-]+", key)
        total = 0
        for part in parts:
            value = self.numbers.get(part)
            if not isinstance(value, int):
                return "X"
            total += value
        return total


def _key(word: str | None) -> str:
    if not word:
        return ""
    return re.sub(r"\s+", " ", word.strip().rstrip(".").lower())


def _alternation(words: list[str]) -> str:
    """Longest first, so "the day before yesterday" wins over "yesterday"."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _news_days(data: dict[str, Any]) -> re.Pattern[str]:
    deictic = _alternation([w for w in data["deictic_days"] if " " not in w])
    weekdays = "|".join(w.capitalize() for w in data["weekdays"])
    return re.compile(
        rf"\b(?:{deictic}|(?:this|last|next) week|(?:{weekdays})(?!,?\s+(?:\d|[A-Z][a-z]+\.?\s+\d)))\b"
    )


def _units(data: dict[str, Any]) -> str:
    """The unit words; the abbreviations only in lower case, so "a recent SEC filing" holds no seconds."""
    short = set(data["units_lowercase_only"])
    full = [u for u in data["units"] if u not in short]
    return "(?:" + _alternation(full) + "|(?-i:" + _alternation(sorted(short)) + "))"


def _capitalised(words: list[str]) -> str:
    """Case-sensitive alternation of ``Word`` and ``WORD`` forms."""
    forms = [w.capitalize() for w in words] + [w.upper() for w in words]
    return "(?-i:" + _alternation(forms) + ")"


def _macros(data: dict[str, Any]) -> dict[str, str]:
    months: dict[str, int] = data["months"]
    full = [m for m in months if len(m) > 4 or m in ("may", "june", "july")]
    abbr = [m for m in months if m not in full]
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    digits = "one|two|three|four|five|six|seven|eight|nine"
    number_words = _alternation(list(data["numbers"]))
    return {
        "MONTH_FULL": _capitalised(full),
        "MONTH_ABBR": _capitalised(abbr),
        "MONTH": "(?:" + _capitalised(full) + "|" + _capitalised(abbr) + r"\.?)",
        "WEEKDAY": _capitalised(list(data["weekdays"])),
        "DAY": r"(?:3[01]|[12]\d|0?[1-9])",
        "YEAR": r"(?:1[5-9]\d\d|20\d\d)",
        "SEASON": _alternation(list(data["seasons"])),
        "PART": _alternation(list(data["parts_of_day"])),
        "QUARTER": _alternation(list(data["ordinals"])),
        "UNIT": _units(data),
        "NUMBER": rf"(?:(?:{tens})(?:[\s-](?:{digits}))?|{number_words}"
        + r"|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)",
        "MOD": "(?P<mod>" + _alternation([m for m in data["modifiers"] if not m.endswith("-")]) + "|mid-)",
        "RELATIVE": "(?:"
        + _alternation(
            list(data["relative_words"])
            + [
                "the previous",
                "the prior",
                "the following",
                "the next",
                "the same",
                "the coming",
                "the current",
            ]
        )
        + ")",
        "DEICTIC": _alternation(list(data["deictic_days"])),
        "REFERENCE": _alternation(list(data["references"])),
        "HOLIDAY": _alternation(list(data["holidays"])),
        "SETWORD": _alternation(list(data["set_words"])),
        "CLOCK_DAY": _clock_day(data, full, abbr),
    }


def _clock_day(data: dict[str, Any], full: list[str], abbr: list[str]) -> str:
    """What may follow a clock time: its zone and day, "5 p.m. EST, Nov. 9", "noon Thursday",
    "10 a.m. today"; not after "on", since TimeML tags "5 a.m. on Oct. 3" as two expressions."""
    zone = r"(?:\s*\(?(?-i:" + _alternation(data["time_zones"]) + r")\)?(?!\w))?"
    weekday = "(?P<weekday>" + _capitalised(list(data["weekdays"])) + ")"
    month = "(?P<month>(?:" + _capitalised(full) + "|" + _capitalised(abbr) + r")\.?)"
    day = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
    year = r"(?:,?\s*(?P<year>1[5-9]\d\d|20\d\d)(?!\d))?"
    deictic = "(?P<deictic>today|yesterday|tomorrow)"
    return zone + r"(?:,?\s+(?:" + weekday + "|" + month + r"\s*" + day + year + "|" + deictic + r")(?!\w))?"


def _compile(pattern: str, macros: dict[str, str]) -> re.Pattern[str]:
    expanded = re.sub(r"\{([A-Z_]+)\}", lambda m: macros[m.group(1)], pattern)
    return re.compile(r"(?<!\w)(?:" + expanded + r")(?!\w)", re.IGNORECASE)


#: The word lists a rule's ``triggers`` may name.
_TRIGGER_LISTS = {
    "MONTH": "months",
    "WEEKDAY": "weekdays",
    "SEASON": "seasons",
    "UNIT": "units",
    "PART": "parts_of_day",
    "DEICTIC": "deictic_days",
    "REFERENCE": "references",
    "HOLIDAY": "holidays",
    "SETWORD": "set_words",
}
_NOT_TRIGGERS = frozenset({"the", "a", "an", "of", "in", "at", "day", "s"})


def _triggers(names: list[str], data: dict[str, Any]) -> frozenset[str]:
    words: set[str] = set()
    for name in names:
        if name in _TRIGGER_LISTS:
            entries = list(data[_TRIGGER_LISTS[name]])
            for entry in entries:
                tokens = re.findall(r"\w+", entry.lower())
                kept = [t for t in tokens if t not in _NOT_TRIGGERS] or tokens
                words.update(kept)
        else:
            words.add(name if name == "DIGIT" else name.lower())
    return frozenset(words)


def _markers(words: list[str], extra: str | None = None) -> re.Pattern[str]:
    alternatives = "|".join(p for p in (_alternation(words) if words else "", extra) if p)
    return re.compile(r"(?<![\w'])(?:" + alternatives + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon shipped with Kirok, read and compiled once per process."""
    data: dict[str, Any] = json.loads(resources.files("kirok.data").joinpath(_RESOURCE).read_text("utf-8"))
    macros = _macros(data)
    rules = tuple(
        Rule(
            r["name"],
            r["kind"],
            _compile(r["pattern"], macros),
            _triggers(r["triggers"], data),
            (r["reach"][0], r["reach"][1]),
        )
        for r in data["rules"]
    )
    return Lexicon(
        months=data["months"],
        weekdays=data["weekdays"],
        seasons=data["seasons"],
        season_months={k: (v[0], v[1]) for k, v in data["season_months"].items()},
        parts_of_day=data["parts_of_day"],
        numbers=data["numbers"],
        ordinals=data["ordinals"],
        units=data["units"],
        set_words=data["set_words"],
        modifiers=data["modifiers"],
        quantifiers=data["quantifiers"],
        deictic_days=data["deictic_days"],
        references=data["references"] | data["rare_references"],
        reference_spans=data["reference_spans"],
        relative_words=data["relative_words"],
        relative_words_after=data["relative_words_after"],
        anaphoric_words=frozenset(data["anaphoric_words"]),
        offset_directions=data["offset_directions"],
        deictic_directions=frozenset(data["deictic_directions"]),
        holidays={k: (v[0], v[1]) for k, v in data["holidays"].items()},
        holiday_calendars={
            k: HolidayCalendar(v["yearly"], {int(y): _month_day(d) for y, d in v["dates"].items()})
            for k, v in data["holiday_calendars"].items()
            if k != "about"
        },
        vague_counts=data["vague_counts"],
        narrative=data["narrative"],
        news_days=_news_days(data),
        future_markers=_markers(data["tense"]["future"]),
        # "when the case is heard in May": a present passive puts a month or a day ahead
        date_future_markers=_markers(
            data["tense"]["future"] + data["tense"]["future_for_dates"],
            data["tense"]["future_for_dates_pattern"],
        ),
        date_future_adjacent=re.compile(
            r"(?<![\w'])(?:"
            + _alternation(data["tense"]["future_for_dates_adjacent"])
            + r")\s+(?:(?:at|on)\s+)?(?:the\s+)?$",
            re.IGNORECASE,
        ),
        scheduled_present=re.compile(
            r"(?<![\w'])(?:"
            + _alternation(data["tense"]["scheduled_present"])
            # "meet again on Monday", "meet separately Monday", "play away at Eastholm on Wednesday"
            + r")\s+(?:(?:again|away|\w+ly)\s+)?"
            + r"(?:(?:at|in|against)\s+(?-i:[A-Z][\w.-]*)(?:\s+(?-i:[A-Z][\w.-]*))?\s+)?(?:on\s+|at\s+)?$",
            re.IGNORECASE,
        ),
        scheduled_verbs=_markers([v for v in data["tense"]["scheduled_present"] if v.split()[0][-1] == "s"]),
        future_before_markers=_markers(data["tense"]["future_before"]),
        past_markers=_markers(data["tense"]["past"]),
        reporting_markers=_markers(data["tense"]["reporting"]),
        weak_past_markers=_markers([], data["tense"]["weak_past_pattern"]),
        guards={k: frozenset(v) for k, v in data["guards"].items()},
        rules=rules,
        triggered_by=_trigger_index(rules),
        trigger_regex=_trigger_regex(rules),
    )


def _month_day(text: str) -> tuple[int, int]:
    month, day = text.split("-")
    return int(month), int(day)


def _trigger_regex(rules: tuple[Rule, ...]) -> re.Pattern[str]:
    """One scan for every trigger word and number. The words are written as a trie, in lower,
    Capitalised and UPPER case: the regex engine then drops a position at its first letter."""
    words = {w for r in rules for w in r.triggers if w != "DIGIT"}
    forms = {f for w in words for f in (w, w.capitalize(), w.upper())}
    return re.compile(r"\b(?:\d\w*|" + _trie(sorted(forms)) + r"\b)")


def _trie(words: list[str]) -> str:
    """A regex that matches exactly ``words``, factored on common prefixes."""
    heads: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if word:
            heads.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    branches = [re.escape(head) + _trie(rest) for head, rest in sorted(heads.items())]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + "?" if ends and body.startswith("(?:") else (f"(?:{body})?" if ends else body)


def _trigger_index(rules: tuple[Rule, ...]) -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for i, rule in enumerate(rules):
        for word in rule.triggers:
            index.setdefault(word, []).append(i)
    return {word: tuple(ids) for word, ids in index.items()}


def normal_key(word: str | None) -> str:
    """How lexicon keys are written: lower case, single spaces, no trailing full stop."""
    return _key(word)
