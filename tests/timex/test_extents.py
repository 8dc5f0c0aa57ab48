# ruff: noqa: E501
"""Which phrases are temporal expressions at all, and how far they run: "October of that year" is one
expression; "USA Today" and a programme called "This Week" are names; "the near term", "a later date",
"the weeks ahead" and "day-long" are times. Sentences written for these tests; publication 2013-03-14
is a Thursday.
"""

from __future__ import annotations

from datetime import date

import pytest

from kirok.timex import tag

THU = date(2013, 3, 14)

# (sentence, expected [(text, value)] of every expression, in order)
# fmt: off
FOUND: list[tuple[str, list[tuple[str, str]]]] = [
    ("The war ended in 1918. In October of that year, the army went home.", [("1918", "1918"), ("October of that year", "1918-10")]),
    ("The treaty came in 1955. On January 24 of the same year, the vote passed.", [("1955", "1955"), ("January 24 of the same year", "1955-01-24")]),
    ("On June 20 of 1792, a crowd marched on the palace.", [("June 20 of 1792", "1792-06-20")]),
    ("The mill shut in 1931. By November of the following year it had reopened.", [("1931", "1931"), ("November of the following year", "1932-11")]),
    ("The plant closed on March 5 last year.", [("March 5", "2012-03-05"), ("last year", "2012")]),
    ("In March of last year the plant closed.", [("March of last year", "2012-03")]),
    ("We do not play down the risks of the near term.", [("the near term", "FUTURE_REF")]),
    ("The swap pleased holders in the short term.", [("the short term", "FUTURE_REF")]),
    ("In the long term, prices will fall.", [("the long term", "FUTURE_REF")]),
    ("The firm may raise more money at a later date.", [("a later date", "FUTURE_REF")]),
    ("Funds may sell bonds in the weeks ahead.", [("the weeks ahead", "PXW")]),
    ("It was their third day-long meeting with the clerks.", [("day-long", "P1D")]),
    ("The decades-long quarrel over the orchard ended.", [("decades-long", "PXDE")]),
    ("She made a months-long trek across the hills.", [("months-long", "PXM")]),
    ("After a year-long trial he was freed.", [("a year-long", "P1Y")]),
    ("Today the council met in the old hall.", [("Today", "2013-03-14")]),
    ("Pond Levels Fall Sharply Today As Drought Spreads", [("Today", "2013-03-14")]),
    ("The council will meet this week.", [("this week", "2013-W11")]),
]

#: Names and idioms that hold a time word but are no time: nothing is tagged.
NOT_FOUND: list[str] = [
    "The figures were first printed in USA Today.",
    "She talked about her garden on the Today show.",
    'The minister said on the "This Week" programme that talks would go on.',
    "Welcome back, this is Radio Ferrow Today.",
    "The long term care ward was closed.",
    "The days ahead of the vote were tense.",
    "The short-term loans were repaid.",
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), FOUND)
def test_expressions_and_their_extents(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(sentence, THU)] == expected


@pytest.mark.parametrize("sentence", NOT_FOUND)
def test_names_and_idioms_are_not_times(sentence: str) -> None:
    assert tag(sentence, THU) == []
