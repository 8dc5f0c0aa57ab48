# ruff: noqa: E501
"""Weeks and weekdays named by their place in a month, read as one expression.

All sentences are written for these tests. Publication 2022-06-08 is a Wednesday.
"""

from __future__ import annotations

from datetime import date

import pytest

from kirok.model import DateResolution
from kirok.pipeline.doc import Timex
from kirok.timex import tag

from .timex_find import find_timex

JUNE = "2022-06-08"
NEW_YEAR = "2022-01-03"
LEAP_MARCH = "2024-03-10"
PLAIN_MARCH = "2023-03-10"


def _find(sentence: str, phrase: str, published: str | None) -> Timex:
    return find_timex(sentence, phrase, published)


# (sentence, phrase, published, value, earliest, latest)
# fmt: off
ROWS: list[tuple[str, str, str, str, str, str]] = [
    # a weekday with the day of the month it falls on: one expression, that day
    ("The six traders were taken away on Saturday the 4th.", "Saturday the 4th", JUNE, "2022-06-04", "2022-06-04", "2022-06-04"),
    ("Police raided the market on Friday, the 3rd.", "Friday, the 3rd", JUNE, "2022-06-03", "2022-06-03", "2022-06-03"),
    # a weekday of a month named without a year: the year of the bare month
    ("The rally was held on the last Saturday of May.", "the last Saturday of May", JUNE, "2022-05-28", "2022-05-28", "2022-05-28"),
    ("Traders gathered on the first Monday of May.", "the first Monday of May", JUNE, "2022-05-02", "2022-05-02", "2022-05-02"),
    ("The inspection came on the second Tuesday in April.", "the second Tuesday in April", JUNE, "2022-04-12", "2022-04-12", "2022-04-12"),
    ("The trial was held on the first Monday of September.", "the first Monday of September", JUNE, "2021-09-06", "2021-09-06", "2021-09-06"),
    ("She crossed the river on the final Friday of January.", "the final Friday of January", JUNE, "2022-01-28", "2022-01-28", "2022-01-28"),
    # told of the past within that month, before the day: the month a year before, never after publication
    ("The rally was held on the last Saturday of May.", "the last Saturday of May", "2022-05-10", "2021-05-29", "2021-05-29", "2021-05-29"),
    ("The rally was held on the first Monday of May.", "the first Monday of May", "2022-05-10", "2022-05-02", "2022-05-02", "2022-05-02"),
    ("Stalls closed on the third Wednesday of March.", "the third Wednesday of March", JUNE, "2022-03-16", "2022-03-16", "2022-03-16"),
    ("A meeting was called on the fourth Sunday of February.", "the fourth Sunday of February", JUNE, "2022-02-27", "2022-02-27", "2022-02-27"),
    # future tense: the coming month
    ("The festival will be held on the last Saturday of May.", "the last Saturday of May", JUNE, "2023-05-27", "2023-05-27", "2023-05-27"),
    ("The fair will open on the second Tuesday of July.", "the second Tuesday of July", JUNE, "2022-07-12", "2022-07-12", "2022-07-12"),
    ("Classes will resume on the first Monday of September.", "the first Monday of September", JUNE, "2022-09-05", "2022-09-05", "2022-09-05"),
    ("The new rules will apply from the first Monday of January.", "the first Monday of January", "2021-12-20", "2022-01-03", "2022-01-03", "2022-01-03"),
    # a year given
    ("The plant shut on the third Wednesday of March 2020.", "the third Wednesday of March 2020", JUNE, "2020-03-18", "2020-03-18", "2020-03-18"),
    ("The fair opens on the first Sunday in October 2023.", "the first Sunday in October 2023", JUNE, "2023-10-01", "2023-10-01", "2023-10-01"),
    ("Rations were cut on the last Friday of Oct. 2019.", "the last Friday of Oct. 2019", JUNE, "2019-10-25", "2019-10-25", "2019-10-25"),
    ("Prices peaked on the last Monday of May, 2021.", "the last Monday of May, 2021", JUNE, "2021-05-31", "2021-05-31", "2021-05-31"),
    ("The parade fell on the fourth Thursday of November last year.", "the fourth Thursday of November last year", JUNE, "2021-11-25", "2021-11-25", "2021-11-25"),
    # leap years and month ends
    ("The market burned on the last Thursday of February.", "the last Thursday of February", LEAP_MARCH, "2024-02-29", "2024-02-29", "2024-02-29"),
    ("The market burned on the last Thursday of February.", "the last Thursday of February", PLAIN_MARCH, "2023-02-23", "2023-02-23", "2023-02-23"),
    ("The order came on the fifth Thursday of February.", "the fifth Thursday of February", LEAP_MARCH, "2024-02-29", "2024-02-29", "2024-02-29"),
    ("Snow fell on the last Sunday of February 2021.", "the last Sunday of February 2021", JUNE, "2021-02-28", "2021-02-28", "2021-02-28"),
    ("The border shut on the first Monday of February 2021.", "the first Monday of February 2021", JUNE, "2021-02-01", "2021-02-01", "2021-02-01"),
    ("A fire broke out on the last Friday of December.", "the last Friday of December", NEW_YEAR, "2021-12-31", "2021-12-31", "2021-12-31"),
    ("Markets reopened on the first Saturday of January.", "the first Saturday of January", NEW_YEAR, "2022-01-01", "2022-01-01", "2022-01-01"),
    ("Guards were doubled on the fifth Monday of May.", "the fifth Monday of May", JUNE, "2022-05-30", "2022-05-30", "2022-05-30"),
    # the month's weekday, possessive
    ("Police raided the square on May's last Saturday.", "May's last Saturday", JUNE, "2022-05-28", "2022-05-28", "2022-05-28"),
    ("Police raided the square on the May\u2019s last Saturday.", "the May\u2019s last Saturday", JUNE, "2022-05-28", "2022-05-28", "2022-05-28"),
    ("The vote will take place on July's first Friday.", "July's first Friday", JUNE, "2022-07-01", "2022-07-01", "2022-07-01"),
    ("The fee is due on this month's last Friday.", "this month's last Friday", JUNE, "2022-06-24", "2022-06-24", "2022-06-24"),
    # a month counted from publication, or the month just named
    ("The fee will be due on the first Monday of next month.", "the first Monday of next month", JUNE, "2022-07-04", "2022-07-04", "2022-07-04"),
    ("The fee was paid on the last Friday of last month.", "the last Friday of last month", JUNE, "2022-05-27", "2022-05-27", "2022-05-27"),
    ("He was held on April 4. On the last Friday of the month he was freed.", "the last Friday of the month", JUNE, "2022-04-29", "2022-04-29", "2022-04-29"),
    ("He died on the last Friday of the month.", "the last Friday of the month", JUNE, "2022-05-27", "2022-05-27", "2022-05-27"),
    ("The toll was paid on the first Monday of the month.", "the first Monday of the month", JUNE, "2022-06-06", "2022-06-06", "2022-06-06"),
    # weeks of a month: the days 1-7, 8-14, ... or the last seven, valued as the ISO week holding their middle
    ("The order came in the second week of January.", "the second week of January", JUNE, "2022-W02", "2022-01-08", "2022-01-14"),
    ("Trains stopped in the first week of March.", "the first week of March", JUNE, "2022-W09", "2022-03-01", "2022-03-07"),
    ("Trains stopped in the last week of May.", "the last week of May", JUNE, "2022-W21", "2022-05-25", "2022-05-31"),
    ("Trains will stop in the last week of May.", "the last week of May", JUNE, "2023-W21", "2023-05-25", "2023-05-31"),
    ("Trains stopped in the last week in December 2020.", "the last week in December 2020", JUNE, "2020-W53", "2020-12-25", "2020-12-31"),
    ("Trains stopped in the last week of February 2024.", "the last week of February 2024", JUNE, "2024-W09", "2024-02-23", "2024-02-29"),
    ("Prices doubled in May's last week.", "May's last week", JUNE, "2022-W21", "2022-05-25", "2022-05-31"),
    ("Prices doubled in the last week of the month.", "the last week of the month", JUNE, "2022-W21", "2022-05-25", "2022-05-31"),
    # the first or last day of a month or year: told of the past, not after publication
    ("Police took seven away on the last day of the year.", "the last day of the year", NEW_YEAR, "2021-12-31", "2021-12-31", "2021-12-31"),
    ("The plan must be done by the last day of the year.", "the last day of the year", "2021-12-20", "2021-12-31", "2021-12-31", "2021-12-31"),
    ("The rules will apply from the first day of the year.", "the first day of the year", "2021-12-20", "2022-01-01", "2022-01-01", "2022-01-01"),
    ("Markets shut on the last day of last year.", "the last day of last year", JUNE, "2021-12-31", "2021-12-31", "2021-12-31"),
    ("Markets shut on the first day of March.", "the first day of March", JUNE, "2022-03-01", "2022-03-01", "2022-03-01"),
    ("Markets shut on the last day of February 2024.", "the last day of February 2024", JUNE, "2024-02-29", "2024-02-29", "2024-02-29"),
    ("The fee was paid on the last day of last month.", "the last day of last month", JUNE, "2022-05-31", "2022-05-31", "2022-05-31"),
    ("The fee will be due on the first day of next month.", "the first day of next month", JUNE, "2022-07-01", "2022-07-01", "2022-07-01"),
    ("He was held on April 4. On the last day of the month he was freed.", "the last day of the month", JUNE, "2022-04-30", "2022-04-30", "2022-04-30"),
    ("He was freed on the last day of the month.", "the last day of the month", JUNE, "2022-05-31", "2022-05-31", "2022-05-31"),
    # the first or last days of a month: the month's value, its first or last third as the window
    ("In the first days of April, rain fell.", "the first days of April", JUNE, "2022-04", "2022-04-01", "2022-04-10"),
    ("Food ran short in the last days of February 2024.", "the last days of February 2024", JUNE, "2024-02", "2024-02-21", "2024-02-29"),
    ("Food ran short in the final days of February 2023.", "the final days of February 2023", JUNE, "2023-02", "2023-02-21", "2023-02-28"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "phrase", "published", "value", "earliest", "latest"), ROWS)
def test_month_ordinal(
    sentence: str, phrase: str, published: str, value: str, earliest: str, latest: str
) -> None:
    t = _find(sentence, phrase, published)
    assert (t.type, t.value) == ("DATE", value)
    assert t.window is not None
    assert (t.window.earliest, t.window.latest) == (date.fromisoformat(earliest), date.fromisoformat(latest))


@pytest.mark.parametrize(
    ("sentence", "phrase", "resolution"),
    [
        ("The plant shut on the third Wednesday of March 2020.", "the third Wednesday of March 2020", DateResolution.ABSOLUTE),
        ("The rally was held on the last Saturday of May.", "the last Saturday of May", DateResolution.RELATIVE),
        ("The fee will be due on the first Monday of next month.", "the first Monday of next month", DateResolution.RELATIVE),
    ],
)  # fmt: skip
def test_resolution(sentence: str, phrase: str, resolution: DateResolution) -> None:
    t = _find(sentence, phrase, JUNE)
    assert t.window is not None and t.window.resolution is resolution


def test_one_expression_not_two() -> None:
    found = tag("The rally was held on the last Saturday of May.", date(2022, 6, 8))
    assert [(t.text, t.value) for t in found] == [("the last Saturday of May", "2022-05-28")]


def test_plain_last_weekday_is_unchanged() -> None:
    found = tag("The rally was held last Saturday in Hyesan.", date(2022, 6, 8))
    assert [(t.text, t.value) for t in found] == [("last Saturday", "2022-06-04")]


def test_missing_fifth_weekday_keeps_the_month() -> None:
    t = _find(
        "The order came on the fifth Thursday of February.", "the fifth Thursday of February", PLAIN_MARCH
    )
    assert t.value == "2023-02"
    assert t.window is not None and (t.window.earliest, t.window.latest) == (
        date(2023, 2, 1),
        date(2023, 2, 28),
    )
    assert any("fifth Thursday" in w for w in t.warnings)


def test_without_anchor() -> None:
    bare = _find("The rally was held on the last Saturday of May.", "the last Saturday of May", None)
    assert bare.value == "XXXX-05-XX"
    assert bare.window is not None and bare.window.resolution is DateResolution.UNRESOLVED
    dated = _find(
        "The plant shut on the third Wednesday of March 2020.", "the third Wednesday of March 2020", None
    )
    assert dated.value == "2020-03-18"


def test_lower_case_may_is_not_a_month() -> None:
    found = tag("He said the last Saturday of may be the day.", date(2022, 6, 8))
    assert all("may" not in t.text for t in found)
