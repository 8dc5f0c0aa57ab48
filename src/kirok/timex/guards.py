"""Context checks that turn away false hits before a match is read.

"May" the verb, "March" the verb, "in his 30s", "a 40-year-old man", "3,000 people" and "the 9th
floor" look like dates to a pattern; the word lists in the lexicon's ``guards`` say what may stand
around a match for it to count.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kirok.timex.lexicon import Lexicon, Rule, normal_key

__all__ = ["accepts"]

_WORD_BEFORE = re.compile(r"([\w$#.%]+)\W*$")
_WORD_AFTER = re.compile(r"^\W{0,2}([\w%]+)")


def _before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, start - 24) : start])
    return m.group(1).lower() if m else ""


def _after(text: str, end: int) -> str:
    m = _WORD_AFTER.search(text[end : end + 24])
    return m.group(1).lower() if m else ""


def accepts(rule: Rule, match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    """Whether ``match`` of ``rule`` is a temporal expression in this context."""
    check = _CHECKS.get(rule.name)
    return check(match, text, lexicon) if check else True


def _month(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    if match.group("rel") or match.group("mod"):
        return True
    month = normal_key(match.group("month"))
    before = _before(text, match.start())
    if month in lexicon.guards["ambiguous_months"]:
        return before in lexicon.guards["month_context_before"]
    # a month name opening a sentence or following a preposition reads as a month; "the August issue" too
    return True


def _month_day(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    # "May 3" is a date, but "may 3" never reaches here (months need a capital); guard "March 5 km"
    after = text[match.end() : match.end() + 12].lower()
    if match.group("year") or match.group("year2"):
        return True
    return not re.match(r"\s*(?:km|kilomet|mile|meter|metre|percent|%|people|times)", after)


def _season(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    if match.group("rel") or match.group("year") or match.group("mod"):
        return True
    word = match.group(0).lower()
    if re.match(r"\s+of\s+(?!(?:this|last|next|that)\s+year|\d)", text[match.end() : match.end() + 30]):
        return False  # "the fall of Saigon", "the spring of the revolution"
    if word.startswith("the "):
        return True
    if normal_key(match.group("season")) == "fall":
        return False
    return _before(text, match.start()) in lexicon.guards["season_context_before"]


def _year(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    if match.group("mod") or match.group("fiscal"):
        return True
    start = match.start("year")
    prefix = text[max(0, start - 2) : start]
    if prefix.endswith(("$", "#", "\u20a9", "\u00a3", "\u20ac")) or prefix.strip().endswith(("$", "No.")):
        return False
    if _before(text, start) in lexicon.guards["year_blocked_before"]:
        return False
    after = _after(text, match.end())
    if after in lexicon.guards["year_blocked_after"]:
        return False
    return not re.match(r"\s*(?:%|percent|km|kg|m\b|won\b|-strong)", text[match.end() : match.end() + 12])


def _ordinal_day(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    if match.group("rel") or match.group("month"):
        return True
    rest = text[match.end() : match.end() + 20]
    if not rest.strip() or re.match(r"\s*[.,;:!?)\]\u2019\"'-]", rest):
        return True
    return _after(text, match.end()) in lexicon.guards["ordinal_day_followers"]


def _duration(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    after = text[match.end() : match.end() + 6].lower()
    if after.startswith(("-old", " old", "-olds")):
        return False
    if normal_key(match.group("unit")) in ("second", "minute") and normal_key(match.group("num")) in (
        "a",
        "an",
    ):
        return bool(re.match(r"\s*[.,;:!?)]", text[match.end() : match.end() + 3]))
    return not (match.group("num") or "").startswith("0")


def _relative(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    rel = normal_key(match.group("rel"))
    if normal_key(match.group("unit")) == "day":
        # "the next day", "that day", "the previous day"; never "the last day of the month"
        return rel in (
            "the next",
            "next",
            "the following",
            "following",
            "the previous",
            "previous",
            "that",
            "that same",
            "the same",
            "same",
        )
    return True


def _clock24(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    return not text[max(0, match.start() - 1) : match.start()].isdigit()


_CHECKS: dict[str, Callable[[re.Match[str], str, Lexicon], bool]] = {
    "month": _month,
    "month_day_year": _month_day,
    "season": _season,
    "year": _year,
    "ordinal_day": _ordinal_day,
    "duration": _duration,
    "anchored_duration": _duration,
    "relative_unit": _relative,
    "clock24": _clock24,
}
