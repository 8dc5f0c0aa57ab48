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
_WORD_AFTER = re.compile(r"^[^\w,;:.]{0,2}([\w%]+)")  # "1971, won a prize": not 1971 won


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
    tail = re.match(r"[-\u2013/](\d\d)(?![\d-])", text[match.end() : match.end() + 4])
    if tail and not _ends_range(int(match.group("year")), tail.group(1)):
        return False  # "1998-05" is a month, not "1998" and a number
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


def _ends_range(first: int, two_digits: str) -> bool:
    """Whether ``two_digits`` can close a span of years opened by ``first``: "1915-17", "1999-00"; not
    "1998-05", which is a month."""
    return int(two_digits) > first % 100 or (first % 100 == 99 and two_digits == "00")


def _year_range_second(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    return _ends_range(int(match.group("yfirst")), match.group("yy"))


def _range(first: str, second: str, match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    """The two ends of "6-7 January" or "April 24 and 25": the first comes before the second, and the
    second is not a count ("May 3 and 25 people")."""
    if int(first) >= int(second):
        return False
    return _after(text, match.end()) not in lexicon.guards["year_blocked_after"]


def _day_range_first(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    return _range(match.group("day"), match.group("d2"), match, text, lexicon)


def _month_range_second(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    return _range(match.group("d1"), match.group("day"), match, text, lexicon)


def _bc_range_first(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    return int(match.group("bc")) > int(match.group("bc2"))  # years before Christ count down


def _ordinal_day(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    if match.group("rel") or match.group("month"):
        return True
    rest = text[match.end() : match.end() + 20]
    if not rest.strip() or re.match(r"\s*[.,;:!?)\]\u2019\"'-]", rest):
        return True
    after = _after(text, match.end())
    if after in lexicon.guards["ordinal_day_followers"]:
        return True
    # "on the 16th for helping smugglers", "held on the 26th on the bank": a day after a preposition,
    # unless a noun follows ("on the 9th floor", "by the 21st century", "at the 8th Party Congress")
    if _before(text, match.start()) not in lexicon.guards["ordinal_day_leads"]:
        return False
    follower = re.match(r"\s*([\w']+)", rest)
    word = follower.group(1) if follower else ""
    return not word[:1].isupper() and word.lower() not in lexicon.guards["ordinal_day_blocked_after"]


_FRACTION = re.compile(r"\s+of\s+(?!(?:a\s+)?century|the\s+(?:year|century)|\d)", re.IGNORECASE)


def _duration(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    if normal_key(match.group("unit")).startswith("quarter") and (
        "-quarters" in match.group(0).lower() or _FRACTION.match(text, match.end())
    ):
        return False  # a fraction: "three-quarters of its food", "a quarter of the market"
    after = text[match.end() : match.end() + 6].lower()
    if after.startswith(("-old", " old", "-olds")):
        return False
    if normal_key(match.group("num")) in ("a", "an") and normal_key(match.group("unit")).endswith("s"):
        return False  # "a months-long trek": the months are not one
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


_ATTRIBUTIVE = frozenset({"future", "recent"})


def _reference(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    """ "Future" and "recent" before a noun describe it ("future earnings", "a recent filing") rather
    than name a time; "the future", "in recent years" and "recently" do. So with "the long term care"."""
    key = normal_key(match.group("ref"))
    if key not in _ATTRIBUTIVE and not key.endswith(" term"):
        return True
    return not re.match(r"\s+[a-z]", text[match.end() : match.end() + 2])


#: a word or comma just before, on the same line: a line break after a headline starts a new sentence
_MID_SENTENCE = re.compile(r"[\w,;][ \t]+$")
_TITLE_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")


def _title_case(text: str, start: int, end: int) -> bool:
    """Whether the line around ``text[start:end]`` is a headline in title case: most of its other words
    capitalised, the first word of the line and the expression itself not counted."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:start] + " " + text[end : line_end if line_end >= 0 else len(text)]
    words = [w for w in _TITLE_WORD.findall(line)[1:] if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def _not_a_name(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    """A word that is lower case in prose ("today", "this week") but capitalised inside a sentence names a
    paper or a programme: "USA Today", "ABC's \"This Week\"", "the Today show". Headlines in title case
    keep their dates."""
    words = match.group(0).split()
    capital_inside = any(w[:1].isupper() for w in words[1:])
    capital_first = words[0][:1].isupper() and bool(
        _MID_SENTENCE.search(text, max(0, match.start() - 4), match.start())
    )
    if not (capital_inside or capital_first):
        return True
    return _title_case(text, match.start(), match.end())


def _unnamed(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    return _not_a_name(match, text, lexicon)


def _relative_named(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    return _not_a_name(match, text, lexicon) and _relative(match, text, lexicon)


def _reference_named(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    return _not_a_name(match, text, lexicon) and _reference(match, text, lexicon)


#: words of a match report, where "the second half" is of the game, not of the year
_GAME = re.compile(
    r"\b(?:goals?|scored?|scoring|match|game|minutes?|penalty|half-time|halftime|kick-?off|striker|"
    r"referee|keeper|innings|quarterback|touchdown|pitch)\b",
    re.IGNORECASE,
)


def _half_of_year(match: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    return _GAME.search(text, max(0, match.start() - 160), min(len(text), match.end() + 120)) is None


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
    "relative_unit": _relative_named,
    "the_unit": _unnamed,
    "part_of_day": _unnamed,
    "deictic_day": _unnamed,
    "clock24": _clock24,
    "half_of_year": _half_of_year,
    "reference": _reference_named,
    "year_range_second": _year_range_second,
    "day_range_first": _day_range_first,
    "month_range_second": _month_range_second,
    "bc_range_first": _bc_range_first,
}
