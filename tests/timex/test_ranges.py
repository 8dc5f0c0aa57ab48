# ruff: noqa: E501
"""Spans of days and years written as one phrase ("6-7 January", "1915-17", "499-493 BC") are two
TIMEX3 expressions, each end with its own value; and the round-3 rules of context. Sentences written
for these tests; publication 2021-10-29 is a Friday.
"""

from __future__ import annotations

from datetime import date

import pytest

from kirok.timex import tag

FRI = date(2021, 10, 29)

# (sentence, expected [(text, value)] in order, for the phrases listed)
# fmt: off
RANGES: list[tuple[str, list[tuple[str, str]]]] = [
    ("The fair ran on 6-7 January 1916 in the valley.", [("6", "1916-01-06"), ("7 January 1916", "1916-01-07")]),
    ("The fair ran on 6\u20137 January 1916 in the valley.", [("6", "1916-01-06"), ("7 January 1916", "1916-01-07")]),
    ("The fair ran from 15 to 22 February 1984.", [("15", "1984-02-15"), ("22 February 1984", "1984-02-22")]),
    ("The fair ran on 12 and 14 July 1950.", [("12", "1950-07-12"), ("14 July 1950", "1950-07-14")]),
    ("The talks were held on 23-28 March 1951.", [("23", "1951-03-23"), ("28 March 1951", "1951-03-28")]),
    ("The fair ran on April 6-7, 1915, near the river.", [("April 6", "1915-04-06"), ("7, 1915", "1915-04-07")]),
    ("The summit on April 24 and 25, 1999 was short.", [("April 24", "1999-04-24"), ("25, 1999", "1999-04-25")]),
    ("The siege lasted from January 25-29, 1905.", [("January 25", "1905-01-25"), ("29, 1905", "1905-01-29")]),
    ("The talks were on Oct. 4-5.", [("Oct. 4", "2021-10-04"), ("5", "2021-10-05")]),
    ("Throughout 1915-17, the army waited.", [("1915", "1915"), ("17", "1917")]),
    ("The crisis of 1995-96 raised tension.", [("1995", "1995"), ("96", "1996")]),
    ("The board met in 2007/08 twice.", [("2007", "2007"), ("08", "2008")]),
    ("The season of 1999-00 was wet.", [("1999", "1999"), ("00", "2000")]),
    ("The revolt (499-493 BC) failed.", [("499", "BC0499"), ("493 BC", "BC0493")]),
    ("The war lasted from 264 to 241 BC.", [("264", "BC0264"), ("241 BC", "BC0241")]),
]

#: Not ranges: a count after the day, days out of order, a year and a month number, years after Christ.
NOT_RANGES: list[tuple[str, str]] = [
    ("He was hurt on May 3 and 25 people were hurt later.", "25"),
    ("Rooms 7-6 January were closed.", "7"),
    ("The file 1998-05 was lost.", "05"),
    ("The file 1998-05 was lost.", "1998"),
    ("Years 300-400 BC saw change.", "300"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), RANGES)
def test_range_ends_are_two_expressions(sentence: str, expected: list[tuple[str, str]]) -> None:
    found = [(t.text, t.value) for t in tag(sentence, FRI)]
    for pair in expected:
        assert pair in found, f"{pair} not in {found}"
    starts = [t.start for t in tag(sentence, FRI) if (t.text, t.value) in expected]
    assert starts == sorted(starts)


@pytest.mark.parametrize(("sentence", "phrase"), NOT_RANGES)
def test_not_a_range(sentence: str, phrase: str) -> None:
    assert phrase not in [t.text for t in tag(sentence, FRI)]


# (sentence, phrase, published, type, value)
# fmt: off
CONTEXT: list[tuple[str, str, date, str, str]] = [
    # "later in the day": a part of the day, week or year last named (or of the publication date)
    ("He reached Hyesan on Tuesday and left later in the day.", "later in the day", FRI, "DATE", "2021-10-26"),
    ("Officials met early. Later in the day, the border was closed.", "Later in the day", FRI, "DATE", "2021-10-29"),
    ("The unit was formed in 1950. Later in the year, it was moved.", "Later in the year", FRI, "DATE", "1950"),
    ("Prices fell earlier in the year because of floods.", "earlier in the year", FRI, "DATE", "2021"),
    ("Late in the week, the market was shut.", "Late in the week", FRI, "DATE", "2021-W43"),
    # a month named again, with nothing in its clause to say when, is the month named before
    ("The three will join in March. They can then take part in the summit in March.", "March", FRI, "DATE", "2022-03"),
    # "by" a month: a deadline, ahead unless the clause is past
    ("The plan is to conclude the talks by May, the ministry said.", "May", FRI, "DATE", "2022-05"),
    ("The talks had ended by May.", "May", FRI, "DATE", "2021-05"),
    # "would be" looks ahead for a weekday too
    ("His lawyer announced that he would be travelling to Seoul Tuesday.", "Tuesday", FRI, "DATE", "2021-11-02"),
    ("The official said Thursday that talks would resume.", "Thursday", FRI, "DATE", "2021-10-28"),
]

#: Words that look temporal but are not a TIMEX3 here.
NOT_TIMEX: list[tuple[str, str]] = [
    ("The town imports about three-quarters of its rice.", "three-quarters"),
    ("The town imports about three-quarters of its rice.", "about three-quarters"),
    ("The funds hold more than a quarter of the market.", "more than a quarter"),
    ("The ministry warned of future shortages.", "future"),
    ("A recent report named the camp.", "recent"),
    # unit abbreviations count only in lower case: no seconds in the SEC
    ("The firm cited a recent SEC filing.", "recent SEC"),
    ("The firm cited a recent SEC filing.", "recent SEC filing"),
]

STILL_TIMEX: list[tuple[str, str, str]] = [
    ("The camp may close in the future.", "the future", "FUTURE_REF"),
    ("Arrests rose in recent years.", "recent years", "PXY"),
    ("Profit fell for three quarters in a row.", "three quarters", "P3Q"),
    ("The current rules were set in 2019.", "current", "PRESENT_REF"),
    ("The guards searched the cell for 40 sec.", "40 sec", "PT40S"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "phrase", "published", "type_", "value"), CONTEXT)
def test_context_rule(sentence: str, phrase: str, published: date, type_: str, value: str) -> None:
    found = [t for t in tag(sentence, published) if t.text == phrase]
    assert found, f"{phrase!r} not tagged in {sentence!r}"
    assert (found[-1].type, found[-1].value) == (type_, value)


@pytest.mark.parametrize(("sentence", "phrase"), NOT_TIMEX)
def test_not_a_timex(sentence: str, phrase: str) -> None:
    assert phrase not in [t.text for t in tag(sentence, FRI)]


@pytest.mark.parametrize(("sentence", "phrase", "value"), STILL_TIMEX)
def test_still_a_timex(sentence: str, phrase: str, value: str) -> None:
    assert (phrase, value) in [(t.text, t.value) for t in tag(sentence, FRI)]
