"""What a temporal expression is read against: the publication date, the last date the text named, and
the tense of the clause it sits in.

Deictic expressions ("yesterday", "last week", "on Wednesday") are read against the publication date;
anaphoric ones ("the next day", "two days later", "that year") against the last date the text gave.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from kirok.timex.calendar import Granule, day_granule
from kirok.timex.lexicon import Lexicon

__all__ = ["Reference", "clause_around", "clause_tense", "is_narrative", "told_aside", "unit_rank"]

#: Units from finest to coarsest: an anaphor never counts from a date coarser than itself.
_RANK = {
    "D": 0,
    "N": 0,
    "H": 0,
    "MIN": 0,
    "S": 0,
    "WE": 1,
    "W": 1,
    "FN": 1,
    "M": 2,
    "Q": 3,
    "SE": 3,
    "Y": 4,
    "DE": 5,
    "CE": 6,
}


def unit_rank(unit: str) -> int:
    """How coarse a unit is: day 0, week 1, month 2, quarter or season 3, year 4, decade 5, century 6."""
    return _RANK.get(unit, 0)


_YEAR = re.compile(r"(?<![\w$.,])(1[5-9]\d\d|20\d\d)(?![\w%]|[.,]\d)")

#: How much farther a marker after the expression, or an "-ed" verb, counts than a strong marker before it.
_AFTER = 40
_WEAK = 30

#: A clause that opens after the expression and reports or states something: its tense is its own.
_COMPLEMENT = re.compile(r"\bthat\s", re.IGNORECASE)

#: a second verb joined to the clause's own: "... and is due to expire", "... but will return"
_AND_VERB = re.compile(
    r"\s(?:and|but)\s+(?:is|are|was|were|will|would|has|have|had|could|may|might)\b", re.IGNORECASE
)

_PASSIVE = re.compile(r"\b(?:be|being)\s+$", re.IGNORECASE)

_LAST_WORD = re.compile(r"\w+$")
_CLAUSE_BREAK = re.compile(r"[.!?;:\n]\s|[\"\u201c\u201d]|,\s+(?:and|but|while|who|which|after|before)\s")


#: how long before the day named last a coarser date must end to be a look back, not the story's time
_LOOK_BACK_DAYS = 365
#: how far back (characters) a day named before a coarser date may still be what "the same day" or "the
#: following week" counts from (:meth:`Reference.day_over`)
_DAY_OVER_REACH = 400


@dataclass
class Reference:
    """The reading state of one text, updated as timexes are read in order."""

    anchor: date | None
    day: date | None = None  # the last fully specified day
    year: int | None = None  # the year of the last date that named one
    year_at: int = -1  # where that year was written
    day_at: int = -1  # where that day was written
    at: int = 0  # where the expression being read starts
    narrative: bool = False  # a story set in the past: year-less dates take the year it last named
    last: Granule | None = None  # the last date the text named, at whatever precision it gave
    last_at: int = -1  # where that date was written
    #: the last date was told of a person or in a look back ("a man who was repatriated in February",
    #: "had been arrested in November"): no month for a bare "the 15th" told after it
    last_aside: bool = False
    lead: str = ""  # the word before the expression being read, lower case
    paragraph_at: int = -1  # where the paragraph of the expression being read starts
    #: words after which a bare year is a bound ("until 1976"), not the year a story has moved to
    bounds: frozenset[str] = frozenset()
    #: in a story set in the past, a bare year farther than this from the story's year is an aside
    digression: int = 25
    #: the latest recent quarter named: in a report on a quarter ("profit rose in the third quarter ... from
    #: $5 a year ago"), "a year ago" and "year-earlier" are the same quarter a year before
    quarter: Granule | None = None
    #: the year given to each month named without one: "in April" said again is the same April
    months: dict[int, int] = field(default_factory=dict)

    def near_last(self, reach: int, *, same_paragraph: bool = False) -> Granule | None:
        """The last date the text named, if it stands within ``reach`` characters before the expression
        being read (and, with ``same_paragraph``, in its paragraph)."""
        if self.last is None or self.at - self.last_at > reach:
            return None
        if same_paragraph and self.last_at < self.paragraph_at:
            return None
        return self.last

    def last_day(self) -> date | None:
        return self.day or self.anchor

    @contextmanager
    def told_from_now(self) -> Iterator[None]:
        """Read what a history says is still to come ("a memorial will be held on May 5") against the
        publication date, not the year the story is in."""
        narrative, self.narrative = self.narrative, False
        try:
            yield
        finally:
            self.narrative = narrative

    def narrative_year(self) -> int | None:
        """The year a story set in the past is in: the year it last named.

        A news report that mentions 1998 in passing still reads "Oct. 12" against its publication date;
        a history ("In 1950 ... On 25 June ...") reads it against the year it named.
        """
        return self.year if self.narrative or self.anchor is None else None

    def recent_day(self, reach: int = 200) -> date | None:
        """The day the text named last, if it did so close before the current expression."""
        return self.day if self.day is not None and self.at - self.day_at <= reach else None

    def day_over(self, coarse: Granule, reach: int, steps: int) -> date | None:
        """The day an anaphor of a day or a week counts from when the last date named, ``coarse``, is
        coarser than it: the day the text named last, within ``reach`` characters, if ``coarse`` holds it
        ("sent off on Monday, to spend the summer there ... a rally that same morning": the Monday) or,
        for one that counts on (``steps`` > 0), if ``coarse`` ended more than a year before it, a look back
        ("caught on Sept. 9 ... her daughter had fled in 2014 ... The following week": after Sept. 9)."""
        day = self.recent_day(reach)
        if day is None:
            return None
        if steps == 0:
            return day if coarse.earliest <= day <= coarse.latest else None
        return day if steps > 0 and (day - coarse.latest).days > _LOOK_BACK_DAYS else None

    def noted(self, granule: Granule, aside: bool = False) -> None:
        """A date the text named: the one "the next day" or "that year" counts from; ``aside`` when it is
        told in a relative clause or the past perfect."""
        self.last, self.last_at, self.last_aside = granule, self.at, aside

    def anaphor(self, unit: str, steps: int | None = None) -> tuple[Granule | None, Granule | None]:
        """What an anaphor of ``unit`` ("the next day", "that week") counts from: ``(granule, None)``;
        ``(None, coarse)`` when the last date named is coarser than ``unit`` ("in 2019 ... the same
        week"), which cannot be counted from; ``(None, None)`` when the text named no date. Given the
        ``steps`` it moves, an anaphor of a day or a week may count from a day named before that coarser
        date (:meth:`day_over`).
        """
        last = self.last
        if last is None:
            return None, None
        if unit_rank(last.unit) > unit_rank(unit):
            day = (
                self.day_over(last, _DAY_OVER_REACH, steps)
                if steps is not None and unit in ("D", "W")
                else None
            )
            return (day_granule(day), None) if day is not None else (None, last)
        return last, None

    def saw(self, day: date | None, year: int | None, bare: bool = False) -> None:
        """A date the text named: ``day`` if it gave one, ``year`` if it gave one; ``bare`` when it gave
        only the year (or a decade, a century)."""
        if day is not None:
            self.day, self.day_at = day, self.at
        if year is None or (day is None and self.lead in self.bounds):
            return
        if bare and self.narrative and self.year is not None and abs(year - self.year) > self.digression:
            return  # "the documents, found in 2004, show ...": an aside, not the year the story moved to
        self.year, self.year_at = year, self.at


def _breaks(text: str, abbreviations: frozenset[str], first: bool = False) -> list[re.Match[str]]:
    """Where clauses end in ``text``; not at the full stop of "Nov. 16", "Mr. Lee" or "Daniel P. Kim"."""
    found: list[re.Match[str]] = []
    for m in _CLAUSE_BREAK.finditer(text):
        if m.group().startswith("."):
            word = _LAST_WORD.search(text, 0, m.start())
            token = word.group() if word else ""
            if (len(token) == 1 and token.isupper()) or token.lower() in abbreviations:
                continue
        found.append(m)
        if first:
            break
    return found


def clause_around(text: str, start: int, end: int, lexicon: Lexicon) -> tuple[str, str]:
    """The words of the clause before ``start`` (up to 160 characters) and after ``end`` (up to 120), cut
    where the clause ends, but not at the full stop of "Nov. 16", "a.m." or "Mr. Lee"."""
    before = text[max(0, start - 160) : start]
    abbreviations = lexicon.guards["abbreviations"]
    breaks = _breaks(before, abbreviations)
    if breaks:
        before = before[breaks[-1].end() :]
    after = text[end : end + 120]
    cuts = _breaks(after, abbreviations, first=True)
    if cuts:
        after = after[: cuts[0].start()]
    return before, after


def clause_tense(text: str, start: int, end: int, lexicon: Lexicon, calendar: bool = False) -> str:
    """``"past"``, ``"future"``, ``"limit"`` (a past verb up to a date: "was extended until Nov. 20",
    either side of publication), ``"said"`` (only a reporting verb, which is past but says nothing of
    what it reports), ``"ed"`` (only an "-ed" verb says past: often a participle) or ``""``
    (nothing says): the tense of the clause around ``start:end``.

    Looks back to the start of the clause, then forward to its end, and takes the marker nearest to the
    expression; a marker before it counts more than one after it, and a strong marker ("will", "was",
    "said") more than an "-ed" verb, which is often a participle ("must be returned by Jan. 14"), unless
    the verb stands right by the expression ("the ministry predicted Wednesday"). With
    ``calendar``, words that put a month or day ahead count too ("payable Dec. 1", "expires Nov. 6");
    they do not for weekdays, which news uses for the days just past. Some words say future only before
    the expression: "planned to leave on Friday", but "on Friday, they planned to leave".
    """
    before, after = clause_around(text, start, end, lexicon)
    clause = _COMPLEMENT.search(after)
    if clause:  # "ruled in January that he should go back": the tense of what was ruled is not ours
        after = after[: clause.start()]
    joined = _AND_VERB.search(after)
    if joined:  # "came into force on Tuesday and is due to expire on Friday": that verb's tense is its own
        after = after[: joined.start()]
    future = lexicon.date_future_markers if calendar else lexicon.future_markers
    markers = (
        ("future", future, 0),
        ("before", lexicon.future_before_markers, 0),
        ("past", lexicon.past_markers, 0),
        ("said", lexicon.reporting_markers, 0),
        ("ed", lexicon.weak_past_markers, _WEAK),
    )
    best: tuple[int, str] | None = None
    for tense, pattern, penalty in markers:
        for m in pattern.finditer(before):
            if tense not in ("future", "before") and _PASSIVE.search(before, 0, m.start()):
                continue  # "may be heard", "is to be held": a participle, not a past tense
            distance = len(before) - m.end() + penalty
            if best is None or distance < best[0]:
                best = (distance, "future" if tense == "before" else tense)
        if tense == "before":
            continue  # "planned to leave on Friday" looks ahead; "on Friday, they planned to" does not
        ahead = pattern.search(after)
        if ahead and tense != "future" and _PASSIVE.search(after, 0, ahead.start()):
            ahead = None
        if ahead and (best is None or ahead.start() + _AFTER + penalty < best[0]):
            best = (ahead.start() + _AFTER + penalty, tense)
    if calendar and lexicon.date_future_adjacent.search(before):
        if best is not None and best[1] == "past":
            return "limit"  # "was extended until Nov. 20", "had led the polls until late March"
        return "future"  # "valid until Nov. 6"; not "were made to work until dark through July"
    return best[1] if best is not None else ""


def is_narrative(text: str, anchor: date | None, lexicon: Lexicon) -> bool:
    """Whether most years the text names lie far from its publication date (a history, not news)."""
    if anchor is None:
        return False
    settings = lexicon.narrative
    years = [int(y) for y in _YEAR.findall(text)]
    far = sum(1 for y in years if abs(y - anchor.year) > settings["far_after_years"])
    if far < settings["min_far_years"] or far < settings["min_far_share"] * len(years):
        return False
    # news that looks back ("rates have been low since 2009") still speaks of "Wednesday" and "today"
    days_of_news = len(lexicon.news_days.findall(text))
    return far >= settings["far_years_per_news_day"] * days_of_news


#: a date told of a person or as a look back: "a man who was repatriated from China in", "a woman
#: returned from China last month", "had been arrested in"
_ASIDE = re.compile(
    r"(?:\bhad\s+(?:been\s+)?\w+|\b(?:who|which)\s+(?:was|were|had)\s+\w+"
    r"|(?<!was )(?<!were )(?<!been )\b(?:forcibly\s+)?(?:returned|repatriated|deported)\s+from\b)"
    r"[^,;.!?\n]*$",
    re.IGNORECASE,
)


def told_aside(text: str, start: int) -> bool:
    """Whether the date at ``start`` is told in a relative clause or in the past perfect."""
    return _ASIDE.search(text, max(0, start - 120), start) is not None
