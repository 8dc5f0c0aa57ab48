# ruff: noqa: E501
"""Round-4 rules: a month takes the year of the month it is joined to ("in April and June 1955"), a
clock time takes the day named right after it ("10:35 a.m. (0735 GMT) Friday"), "two more weeks" is a
duration, "the second half of the year" a half-year, "the nineteenth century" a century, and "High
Noon" no time. Sentences written for these tests; publication 2021-10-29 is a Friday.
"""

from __future__ import annotations

from datetime import date

import pytest

from kirok.timex import tag

FRI = date(2021, 10, 29)

# (sentence, expected [(text, type, value)] of every expression, in order)
# fmt: off
CASES: list[tuple[str, list[tuple[str, str, str]]]] = [
    # a month joined to a later month with a year shares that year
    ("The floods came in August and September 1914 along the river.", [("August", "DATE", "1914-08"), ("September 1914", "DATE", "1914-09")]),
    ("Losses between March and April 1918 were heavy.", [("March", "DATE", "1918-03"), ("April 1918", "DATE", "1918-04")]),
    ("The dam was built from April to September 1957.", [("April", "DATE", "1957-04"), ("September 1957", "DATE", "1957-09")]),
    ("The decrees (February-March 1794) changed little.", [("February", "DATE", "1794-02"), ("March 1794", "DATE", "1794-03")]),
    ("The levy ran from May through July 2003 in the north.", [("May", "DATE", "2003-05"), ("July 2003", "DATE", "2003-07")]),
    ("Prices fell in January or February 2020, traders said.", [("January", "DATE", "2020-01"), ("February 2020", "DATE", "2020-02")]),
    ("The camp was open from early June to late August 1952.", [("early June", "DATE", "1952-06"), ("late August 1952", "DATE", "1952-08")]),
    ("The second group left from November 15 to February 15, 1989.", [("November 15", "DATE", "1988-11-15"), ("February 15, 1989", "DATE", "1989-02-15")]),
    ("The first group left from May 15 to August 16, 1988.", [("May 15", "DATE", "1988-05-15"), ("August 16, 1988", "DATE", "1988-08-16")]),
    ("Between January 12 and January 16, 1936, the column advanced.", [("January 12", "DATE", "1936-01-12"), ("January 16, 1936", "DATE", "1936-01-16")]),
    ("The siege (July 1 to July 3, 1863) was the longest.", [("July 1", "DATE", "1863-07-01"), ("July 3, 1863", "DATE", "1863-07-03")]),
    ("The frost lasted from December to February 1917.", [("December", "DATE", "1916-12"), ("February 1917", "DATE", "1917-02")]),
    # without a year after it, a month keeps the usual reading
    ("The market reopened in August and closed in September.", [("August", "DATE", "2021-08"), ("September", "DATE", "2021-09")]),
    ("Talks in March and a vote in 1999 were planned.", [("March", "DATE", "2021-03"), ("1999", "DATE", "1999")]),
    # a clock time takes the day named right after it
    ("The blast came at about 10:35 a.m. (0735 GMT) Wednesday, witnesses said.", [("about 10:35 a.m.", "TIME", "2021-10-27T10:35"), ("Wednesday", "DATE", "2021-10-27")]),
    ("At 5:34 AM local time on March 20, 2003, the raid began.", [("5:34 AM", "TIME", "2003-03-20T05:34"), ("March 20, 2003", "DATE", "2003-03-20")]),
    ("At precisely 5:00 am on October 3, 1935, the column crossed the river.", [("5:00 am", "TIME", "1935-10-03T05:00"), ("October 3, 1935", "DATE", "1935-10-03")]),
    ("The vote closed at 6 p.m., on Tuesday, officials said.", [("6 p.m.", "TIME", "2021-10-26T18:00"), ("Tuesday", "DATE", "2021-10-26")]),
    ("The shop opened at 9 a.m. and the guards came on Monday.", [("9 a.m.", "TIME", "2021-10-29T09:00"), ("Monday", "DATE", "2021-10-25")]),
    # "more", "additional", "extra", "further" between a count and its unit: still a duration
    ("The guards will stay for at least two more weeks in the town.", [("at least two more weeks", "DURATION", "P2W")]),
    ("The base may remain for 20 more years under the deal.", [("20 more years", "DURATION", "P20Y")]),
    ("The permit may be extended for an additional year.", [("an additional year", "DURATION", "P1Y")]),
    ("The crew worked three extra days on the bridge.", [("three extra days", "DURATION", "P3D")]),
    ("The ban was kept for six further months.", [("six further months", "DURATION", "P6M")]),
    # halves of a year
    ("The vote comes in the second half of the year.", [("the second half of the year", "DATE", "2021-H2")]),
    ("Exports rose in the first half of this year.", [("the first half of this year", "DATE", "2021-H1")]),
    ("In the first half of 2012, sales fell.", [("the first half of 2012", "DATE", "2012-H1")]),
    ("Prices climbed in the second half of last year.", [("the second half of last year", "DATE", "2020-H2")]),
    # centuries in words
    ("In eighteenth-century France the throne was strong.", [("eighteenth-century", "DATE", "17")]),
    ("The tale was invented in the nineteenth century.", [("the nineteenth century", "DATE", "18")]),
    ("The fort dates from the twelfth century.", [("the twelfth century", "DATE", "11")]),
    ("Threats of the twenty-first century differ.", [("the twenty-first century", "DATE", "20")]),
    ("In the 20th century, trade grew.", [("the 20th century", "DATE", "19")]),
    # "high noon" is an idiom or a title, not a time
    ("The film High Noon was shown in the hall.", []),
    ("For the farmers, high noon comes this week.", [("this week", "DATE", "2021-W43")]),
    ("The deadline is noon Monday.", [("noon Monday", "TIME", "2021-11-01T12:00")]),
    ("The guards left at noon Monday.", [("noon Monday", "TIME", "2021-10-25T12:00")]),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_expressions(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    found = [(t.text, t.type, t.value) for t in tag(sentence, FRI)]
    assert found == expected


def test_half_year_window() -> None:
    (half,) = tag("Prices climbed in the second half of last year.", FRI)
    assert half.window is not None
    assert (half.window.earliest, half.window.latest) == (date(2020, 7, 1), date(2020, 12, 31))


def test_clock_window_is_the_named_day() -> None:
    clock = tag("The blast came at 10:35 a.m. (0735 GMT) Wednesday.", FRI)[0]
    assert clock.window is not None
    assert clock.window.earliest == clock.window.latest == date(2021, 10, 27)
