# ruff: noqa: E501
"""The big table: a phrase in a sentence, a publication date, and the TIMEX3 value and window expected.

All sentences are written for these tests. Publication 2021-10-29 is a Friday (ISO week 43).
"""

from __future__ import annotations

from datetime import date

import pytest

from kirok.pipeline.doc import Timex
from kirok.timex import tag

from .timex_find import find_timex

FRI = "2021-10-29"
WED = "2021-10-27"
MON = "2021-11-01"
JAN = "2022-01-10"


def _find(sentence: str, phrase: str, published: str | None) -> Timex:
    return find_timex(sentence, phrase, published)


# (sentence, phrase, published, value, earliest, latest, precision)
# fmt: off
ROWS: list[tuple[str, str, str | None, str, str | None, str | None, str | None]] = [
    # absolute dates
    ("He was arrested on Oct. 12, 2021, in Hyesan.", "Oct. 12, 2021", FRI, "2021-10-12", "2021-10-12", "2021-10-12", "day"),
    ("The trial opened on October 12, 2020.", "October 12, 2020", FRI, "2020-10-12", "2020-10-12", "2020-10-12", "day"),
    ("He was arrested on October 12.", "October 12", FRI, "2021-10-12", "2021-10-12", "2021-10-12", "day"),
    ("Police raided the market on Sept. 29.", "Sept. 29", FRI, "2021-09-29", "2021-09-29", "2021-09-29", "day"),
    ("Police raided the market on Sept 29.", "Sept 29", FRI, "2021-09-29", "2021-09-29", "2021-09-29", "day"),
    ("She was sent back on 12 October 2021.", "12 October 2021", FRI, "2021-10-12", "2021-10-12", "2021-10-12", "day"),
    ("The order was issued on 2021-10-12.", "2021-10-12", FRI, "2021-10-12", "2021-10-12", "2021-10-12", "day"),
    ("The order was issued on 2021.10.12 by the ministry.", "2021.10.12", FRI, "2021-10-12", "2021-10-12", "2021-10-12", "day"),
    ("The order was issued on 2021/10/12.", "2021/10/12", FRI, "2021-10-12", "2021-10-12", "2021-10-12", "day"),
    ("He fled in 2019 with his son.", "2019", FRI, "2019", "2019-01-01", "2019-12-31", "year"),
    ("The market was closed in December.", "December", FRI, "2020-12", "2020-12-01", "2020-12-31", "month"),
    ("The market was closed in October.", "October", FRI, "2021-10", "2021-10-01", "2021-10-31", "month"),
    ("The market was closed in September.", "September", FRI, "2021-09", "2021-09-01", "2021-09-30", "month"),
    ("The unit was disbanded last October.", "last October", MON, "2021-10", "2021-10-01", "2021-10-31", "month"),
    ("The unit was disbanded last October.", "last October", FRI, "2020-10", "2020-10-01", "2020-10-31", "month"),
    ("The unit was formed last March.", "last March", FRI, "2021-03", "2021-03-01", "2021-03-31", "month"),
    ("He was released on the 9th.", "the 9th", FRI, "2021-10-09", "2021-10-09", "2021-10-09", "day"),
    ("He was arrested on the 30th, a source said.", "the 30th", FRI, "2021-09-30", "2021-09-30", "2021-09-30", "day"),
    ("The meeting was held in mid-July.", "mid-July", FRI, "2021-07", "2021-07-11", "2021-07-20", "month"),
    ("The meeting was held in mid July.", "mid July", FRI, "2021-07", "2021-07-11", "2021-07-20", "month"),
    ("The campaign began in early 2020.", "early 2020", FRI, "2020", "2020-01-01", "2020-04-30", "year"),
    ("The campaign began in late 2019.", "late 2019", FRI, "2019", "2019-09-01", "2019-12-31", "year"),
    ("The campaign began in mid-2018.", "mid-2018", FRI, "2018", "2018-05-01", "2018-08-31", "year"),
    ("Famine struck in the 1990s.", "the 1990s", FRI, "199", "1990-01-01", "1999-12-31", "year"),
    ("Famine struck in the 1990s.", "the 1990s", None, "199", "1990-01-01", "1999-12-31", "year"),
    ("Famine struck in the late 1990s.", "the late 1990s", FRI, "199", "1997-01-01", "1999-12-31", "year"),
    ("Markets spread in the '90s.", "the '90s", FRI, "199", "1990-01-01", "1999-12-31", "year"),
    ("It was built in the 20th century.", "the 20th century", FRI, "19", "1900-01-01", "1999-12-31", "year"),
    ("He crossed the river in late May 2019.", "late May 2019", FRI, "2019-05", "2019-05-21", "2019-05-31", "month"),
    ("He crossed the river in May 2019.", "May 2019", FRI, "2019-05", "2019-05-01", "2019-05-31", "month"),
    ("He crossed the river in September of 2017.", "September of 2017", FRI, "2017-09", "2017-09-01", "2017-09-30", "month"),
    ("The inspection came at the end of April 2020.", "the end of April 2020", FRI, "2020-04", "2020-04-21", "2020-04-30", "month"),
    ("The inspection came at the beginning of 2020.", "the beginning of 2020", FRI, "2020", "2020-01-01", "2020-01-31", "year"),
    ("The inspection came in early 2020.", "early 2020", FRI, "2020", "2020-01-01", "2020-04-30", "year"),
    ("The inspection came in early December.", "early December", FRI, "2020-12", "2020-12-01", "2020-12-10", "month"),
    ("The inspection came on Wednesday, Oct. 13, 2021.", "Wednesday, Oct. 13, 2021", FRI, "2021-10-13", "2021-10-13", "2021-10-13", "day"),
    ("She was detained on 21st of March 2020.", "21st of March 2020", FRI, "2020-03-21", "2020-03-21", "2020-03-21", "day"),
    ("She was detained on March 21st.", "March 21st", FRI, "2021-03-21", "2021-03-21", "2021-03-21", "day"),
    ("She was detained on 3 June.", "3 June", FRI, "2021-06-03", "2021-06-03", "2021-06-03", "day"),
    ("The rule took effect in January this year.", "January this year", FRI, "2021-01", "2021-01-01", "2021-01-31", "month"),
    ("The rule took effect in June last year.", "June last year", FRI, "2020-06", "2020-06-01", "2020-06-30", "month"),
    ("Prices rose in the third quarter.", "the third quarter", FRI, "2021-Q3", "2021-07-01", "2021-09-30", "season"),
    ("Prices rose in the first quarter of 2020.", "the first quarter of 2020", FRI, "2020-Q1", "2020-01-01", "2020-03-31", "season"),
    ("Prices rose in the fourth quarter.", "the fourth quarter", FRI, "2021-Q4", "2021-10-01", "2021-12-31", "season"),
    ("Soldiers were mobilised in the summer of 2020.", "the summer of 2020", FRI, "2020-SU", "2020-06-01", "2020-08-31", "season"),
    ("Soldiers were mobilised last summer.", "last summer", FRI, "2021-SU", "2021-06-01", "2021-08-31", "season"),
    ("Soldiers were mobilised last winter.", "last winter", FRI, "2020-WI", "2020-12-01", "2021-02-28", "season"),
    ("Soldiers were mobilised this spring.", "this spring", FRI, "2021-SP", "2021-03-01", "2021-05-31", "season"),
    ("Soldiers were mobilised in the spring.", "the spring", FRI, "2021-SP", "2021-03-01", "2021-05-31", "season"),
    ("Soldiers were mobilised last fall.", "last fall", JAN, "2021-FA", "2021-09-01", "2021-11-30", "season"),
    ("Soldiers were mobilised in winter.", "winter", JAN, "2021-WI", "2021-12-01", "2022-02-28", "season"),
    ("Families gather on Christmas Day.", "Christmas Day", JAN, "2021-12-25", "2021-12-25", "2021-12-25", "day"),
    ("Rations were handed out on the Day of the Sun.", "Day of the Sun", FRI, "2021-04-15", "2021-04-15", "2021-04-15", "day"),
    ("Rations were handed out on Party Founding Day.", "Party Founding Day", FRI, "2021-10-10", "2021-10-10", "2021-10-10", "day"),
    # two-digit years
    ("He left home in '19 and never returned.", "'19", FRI, "2019", "2019-01-01", "2019-12-31", "year"),
    ("She was born on 21 October 98.", "21 October 98", FRI, "1998-10-21", "1998-10-21", "1998-10-21", "day"),
    ("The case was closed on Oct. 3, '05.", "Oct. 3, '05", FRI, "2005-10-03", "2005-10-03", "2005-10-03", "day"),
    ("The famine of '97 is remembered.", "'97", FRI, "1997", "1997-01-01", "1997-12-31", "year"),
    # weekdays
    ("A source told Daily NK on Wednesday that the market was shut.", "Wednesday", FRI, "2021-10-27", "2021-10-27", "2021-10-27", "day"),
    ("The source said on Friday that he had left.", "Friday", FRI, "2021-10-29", "2021-10-29", "2021-10-29", "day"),
    ("The source said on Saturday that he had left.", "Saturday", FRI, "2021-10-23", "2021-10-23", "2021-10-23", "day"),
    ("The source said on Monday that he had left.", "Monday", FRI, "2021-10-25", "2021-10-25", "2021-10-25", "day"),
    ("The officials met last Friday.", "last Friday", FRI, "2021-10-22", "2021-10-22", "2021-10-22", "day"),
    ("The officials met last Thursday.", "last Thursday", FRI, "2021-10-28", "2021-10-28", "2021-10-28", "day"),
    ("The officials will meet next Monday.", "next Monday", FRI, "2021-11-01", "2021-11-01", "2021-11-01", "day"),
    ("The officials will meet on Monday.", "Monday", FRI, "2021-11-01", "2021-11-01", "2021-11-01", "day"),
    ("The officials will meet on Sunday.", "Sunday", WED, "2021-10-31", "2021-10-31", "2021-10-31", "day"),
    ("The officials met on Sunday.", "Sunday", WED, "2021-10-24", "2021-10-24", "2021-10-24", "day"),
    ("Guards fired shots on Tuesday night.", "Tuesday night", FRI, "2021-10-26TNI", "2021-10-26", "2021-10-26", "day"),
    ("Guards fired shots on Thursday morning.", "Thursday morning", FRI, "2021-10-28TMO", "2021-10-28", "2021-10-28", "day"),
    # deictic days
    ("The notice went up today.", "today", FRI, "2021-10-29", "2021-10-29", "2021-10-29", "day"),
    ("The notice went up yesterday.", "yesterday", FRI, "2021-10-28", "2021-10-28", "2021-10-28", "day"),
    ("The notice goes up tomorrow.", "tomorrow", FRI, "2021-10-30", "2021-10-30", "2021-10-30", "day"),
    ("The notice went up the day before yesterday.", "the day before yesterday", FRI, "2021-10-27", "2021-10-27", "2021-10-27", "day"),
    ("Residents were woken up this morning.", "this morning", FRI, "2021-10-29TMO", "2021-10-29", "2021-10-29", "day"),
    ("Residents were woken up last night.", "last night", FRI, "2021-10-28TNI", "2021-10-28", "2021-10-28", "day"),
    ("Residents were woken up yesterday afternoon.", "yesterday afternoon", FRI, "2021-10-28TAF", "2021-10-28", "2021-10-28", "day"),
    ("The inspection is tonight.", "tonight", FRI, "2021-10-29TNI", "2021-10-29", "2021-10-29", "day"),
    # relative units
    ("Ten people were arrested last week.", "last week", FRI, "2021-W42", "2021-10-18", "2021-10-24", "week"),
    ("Ten people were arrested this week.", "this week", FRI, "2021-W43", "2021-10-25", "2021-10-31", "week"),
    ("Ten people will be tried next week.", "next week", FRI, "2021-W44", "2021-11-01", "2021-11-07", "week"),
    ("Ten people were arrested last week.", "last week", JAN, "2022-W01", "2022-01-03", "2022-01-09", "week"),
    ("Ten people were arrested this month.", "this month", FRI, "2021-10", "2021-10-01", "2021-10-31", "month"),
    ("Ten people were arrested last month.", "last month", FRI, "2021-09", "2021-09-01", "2021-09-30", "month"),
    ("Ten people were arrested last month.", "last month", JAN, "2021-12", "2021-12-01", "2021-12-31", "month"),
    ("Ten people will be tried next month.", "next month", FRI, "2021-11", "2021-11-01", "2021-11-30", "month"),
    ("Ten people were arrested earlier this month.", "earlier this month", FRI, "2021-10", "2021-10-01", "2021-10-28", "month"),
    ("Ten people were arrested earlier this month.", "earlier this month", "2021-10-01", "2021-10", "2021-10-01", "2021-10-01", "month"),
    ("More will be tried later this month.", "later this month", FRI, "2021-10", "2021-10-30", "2021-10-31", "month"),
    ("Ten people were arrested late last month.", "late last month", FRI, "2021-09", "2021-09-21", "2021-09-30", "month"),
    ("Ten people were arrested late last month.", "late last month", "2021-03-05", "2021-02", "2021-02-21", "2021-02-28", "month"),
    ("She was caught late in January, a source said.", "late in January", "2019-03-05", "2019-01", "2019-01-21", "2019-01-31", "month"),
    ("He was arrested early in March.", "early in March", "2019-04-05", "2019-03", "2019-03-01", "2019-03-10", "month"),
    ("Ten people were arrested early last month.", "early last month", FRI, "2021-09", "2021-09-01", "2021-09-10", "month"),
    ("Ten people were arrested in mid-last month.", "mid-last month", FRI, "2021-09", "2021-09-11", "2021-09-20", "month"),
    ("The order came early this year.", "early this year", FRI, "2021", "2021-01-01", "2021-04-30", "year"),
    ("The order came earlier this year.", "earlier this year", FRI, "2021", "2021-01-01", "2021-10-28", "year"),
    ("The order came late last year.", "late last year", FRI, "2020", "2020-09-01", "2020-12-31", "year"),
    ("The order came last year.", "last year", FRI, "2020", "2020-01-01", "2020-12-31", "year"),
    ("The order came this year.", "this year", FRI, "2021", "2021-01-01", "2021-12-31", "year"),
    ("The order will come next year.", "next year", FRI, "2022", "2022-01-01", "2022-12-31", "year"),
    # "the end of" a year is its last days; "late" in it, its last third
    ("The order came at the end of last year.", "the end of last year", FRI, "2020", "2020-12-21", "2020-12-31", "year"),
    ("The order came late last year.", "late last year", FRI, "2020", "2020-09-01", "2020-12-31", "year"),
    ("The order came at the end of 2019.", "the end of 2019", FRI, "2019", "2019-12-21", "2019-12-31", "year"),
    # "early this year" said in mid-January: the days before publication
    ("The order came early this year.", "early this year", date(2025, 1, 15), "2025", "2025-01-01", "2025-01-14",
     "year"),
    # "the 26th of last month" counts from publication, not from the month named before it
    ("He was held in March. On the 26th of last month he was sentenced.", "the 26th of last month",
     date(2019, 5, 8), "2019-04-26", "2019-04-26", "2019-04-26", "day"),
    ("Arrests have risen since the start of the year.", "the start of the year", FRI, "2021", "2021-01-01", "2021-01-31", "year"),
    ("Prices fell last quarter.", "last quarter", FRI, "2021-Q3", "2021-07-01", "2021-09-30", "season"),
    ("The brigade worked through last weekend.", "last weekend", FRI, "2021-W42-WE", "2021-10-23", "2021-10-24", "day"),
    ("The brigade worked through this weekend.", "this weekend", MON, "2021-W44-WE", "2021-11-06", "2021-11-07", "day"),
    ("Arrests doubled over the last decade.", "the last decade", FRI, "P10Y", "2011-10-29", "2021-10-29", "day"),
    # ago
    ("He was arrested a week ago.", "a week ago", FRI, "2021-W42", "2021-10-18", "2021-10-24", "week"),
    ("He was arrested three months ago.", "three months ago", FRI, "2021-07", "2021-07-01", "2021-07-31", "month"),
    ("He was arrested two days ago.", "two days ago", FRI, "2021-10-27", "2021-10-27", "2021-10-27", "day"),
    ("He was arrested 10 days ago.", "10 days ago", FRI, "2021-10-19", "2021-10-19", "2021-10-19", "day"),
    ("He fled five years ago.", "five years ago", FRI, "2016", "2016-01-01", "2016-12-31", "year"),
    ("He fled a decade ago.", "a decade ago", FRI, "2011", "2011-01-01", "2011-12-31", "year"),
    ("He fled almost four years ago.", "almost four years ago", FRI, "2017", "2017-01-01", "2017-12-31", "year"),
    ("He fled a few days ago.", "a few days ago", FRI, "PAST_REF", "2021-10-22", "2021-10-27", "week"),
    ("The decision takes effect two weeks from now.", "two weeks from now", FRI, "2021-W45", "2021-11-08", "2021-11-14", "week"),
    # anaphora: the last date named
    ("He was arrested on Oct. 12 and released the next day.", "the next day", FRI, "2021-10-13", "2021-10-13", "2021-10-13", "day"),
    ("He was arrested on Oct. 12 and released two days later.", "two days later", FRI, "2021-10-14", "2021-10-14", "2021-10-14", "day"),
    ("He was arrested on Oct. 12. His wife was questioned that day.", "that day", FRI, "2021-10-12", "2021-10-12", "2021-10-12", "day"),
    ("He was arrested on Oct. 12. His wife was questioned the same day.", "the same day", FRI, "2021-10-12", "2021-10-12", "2021-10-12", "day"),
    ("He was arrested on Oct. 12. His wife was questioned the previous day.", "the previous day", FRI, "2021-10-11", "2021-10-11", "2021-10-11", "day"),
    ("He was arrested on Oct. 12. His wife was questioned the following day.", "the following day", FRI, "2021-10-13", "2021-10-13", "2021-10-13", "day"),
    ("He was arrested on March 3, 2019, and sentenced a month later.", "a month later", FRI, "2019-04", "2019-04-01", "2019-04-30", "month"),
    ("He was arrested in 2015. He escaped the following year.", "the following year", FRI, "2016", "2016-01-01", "2016-12-31", "year"),
    ("He was arrested in 2015. He escaped the previous year.", "the previous year", FRI, "2014", "2014-01-01", "2014-12-31", "year"),
    ("He was arrested yesterday and questioned the next day.", "the next day", FRI, "2021-10-29", "2021-10-29", "2021-10-29", "day"),
    ("He was arrested on Oct. 12 and released a week later.", "a week later", FRI, "2021-W42", "2021-10-18", "2021-10-24", "week"),
    ("It opened in March 2020 and closed a year later.", "a year later", FRI, "2021", "2021-01-01", "2021-12-31", "year"),
    ("He was arrested on Oct. 12, 2020 and released three days earlier.", "three days earlier", FRI, "2020-10-09", "2020-10-09", "2020-10-09", "day"),
    # references
    ("Prices have been rising recently.", "recently", FRI, "PAST_REF", None, None, None),
    ("The market is now closed.", "now", FRI, "PRESENT_REF", None, None, None),
    ("He is currently held in Chongori.", "currently", FRI, "PRESENT_REF", None, None, None),
    ("Similar cases happened in the past.", "the past", FRI, "PAST_REF", None, None, None),
    ("Things may change in the future.", "the future", FRI, "FUTURE_REF", None, None, None),
    ("Prices are high these days.", "these days", FRI, "PRESENT_REF", None, None, None),
    # durations
    ("He spent three months in a holding centre.", "three months", FRI, "P3M", None, None, None),
    ("He was held for 40 days.", "40 days", FRI, "P40D", None, None, None),
    ("He was held for more than two months.", "more than two months", FRI, "P2M", None, None, None),
    ("He was questioned for hours.", "hours", FRI, "PTXH", None, None, None),
    ("He was questioned for days.", "days", FRI, "PXD", None, None, None),
    ("He was sentenced to at least three years.", "at least three years", FRI, "P3Y", None, None, None),
    ("He was sentenced to a year of labour.", "a year", FRI, "P1Y", None, None, None),
    ("The march lasted five hours.", "five hours", FRI, "PT5H", None, None, None),
    ("The session lasted 30 minutes.", "30 minutes", FRI, "PT30M", None, None, None),
    ("The session lasted twenty-five minutes.", "twenty-five minutes", FRI, "PT25M", None, None, None),
    ("He was held for several weeks.", "several weeks", FRI, "PXW", None, None, None),
    ("He was held for a few days.", "a few days", FRI, "PXD", None, None, None),
    ("He was held for two and a half years.", "two and a half years", FRI, "P2Y6M", None, None, None),
    ("It was a two-year sentence.", "two-year", FRI, "P2Y", None, None, None),
    ("He served a 15-year term.", "15-year", FRI, "P15Y", None, None, None),
    ("The siege lasted a fortnight.", "a fortnight", FRI, "P2W", None, None, None),
    ("Arrests doubled in the past three months.", "the past three months", FRI, "P3M", "2021-07-29", "2021-10-29", "day"),
    ("Arrests doubled in the past few days.", "the past few days", FRI, "PXD", "2021-10-22", "2021-10-29", "day"),
    ("Arrests doubled over the past week.", "the past week", FRI, "P1W", "2021-10-22", "2021-10-29", "day"),
    ("Arrests will double in the next two weeks.", "the next two weeks", FRI, "P2W", "2021-10-29", "2021-11-12", "day"),
    ("Arrests rose in recent years.", "recent years", FRI, "PXY", "2016-10-29", "2021-10-29", "day"),
    # sets
    ("Inspections are held every day.", "every day", FRI, "P1D", None, None, None),
    ("Inspections are held every Monday.", "every Monday", FRI, "XXXX-WXX-1", None, None, None),
    ("Inspections are held weekly.", "weekly", FRI, "P1W", None, None, None),
    ("Inspections are held each month.", "each month", FRI, "P1M", None, None, None),
    # times
    ("The curfew runs from 5 PM to 8 PM.", "5 PM", FRI, "2021-10-29T17:00", "2021-10-29", "2021-10-29", "day"),
    ("The curfew runs from 5 PM to 8 PM.", "8 PM", FRI, "2021-10-29T20:00", "2021-10-29", "2021-10-29", "day"),
    ("The search began at 10:30 a.m.", "10:30 a.m.", FRI, "2021-10-29T10:30", "2021-10-29", "2021-10-29", "day"),
    ("On Oct. 12 the search began at 6 a.m.", "6 a.m.", FRI, "2021-10-12T06:00", "2021-10-12", "2021-10-12", "day"),
    ("The search began at noon.", "noon", FRI, "2021-10-29T12:00", "2021-10-29", "2021-10-29", "day"),
    # future tense looks ahead
    ("The trial will be held on Oct. 20.", "Oct. 20", "2021-10-15", "2021-10-20", "2021-10-20", "2021-10-20", "day"),
    ("The trial was held on Oct. 20.", "Oct. 20", "2021-10-15", "2020-10-20", "2020-10-20", "2020-10-20", "day"),
    ("The trial is to be held in December.", "December", FRI, "2021-12", "2021-12-01", "2021-12-31", "month"),
    ("The trial will be held on the 5th.", "the 5th", FRI, "2021-11-05", "2021-11-05", "2021-11-05", "day"),
    ("The trial is scheduled for Jan. 3.", "Jan. 3", FRI, "2022-01-03", "2022-01-03", "2022-01-03", "day"),
    ("The campaign will run until next spring.", "next spring", FRI, "2022-SP", "2022-03-01", "2022-05-31", "season"),
    # a bare ordinal day is a day of the month the report is in, the latest one not after publication
    ("Two porters were sent to a labour camp on the 16th for carrying goods.", "the 16th", "2020-01-22", "2020-01-16", "2020-01-16", "2020-01-16", "day"),
    ("The trial was held on the 26th on the edge of the market.", "the 26th", "2021-04-02", "2021-03-26", "2021-03-26", "2021-03-26", "day"),
    ("The trial was held on the morning of the 18th on the quay.", "the 18th", "2023-08-25", "2023-08-18", "2023-08-18", "2023-08-18", "day"),
    ("The lockdown was ordered on the 12th by the county committee.", "the 12th", "2022-05-20", "2022-05-12", "2022-05-12", "2022-05-12", "day"),
    ("Workers were told to hand in their phones by the 21st.", "the 21st", "2022-05-20", "2022-04-21", "2022-04-21", "2022-04-21", "day"),
    ("He was detained on the 9th for selling radios.", "the 9th", "2022-05-20", "2022-05-09", "2022-05-09", "2022-05-09", "day"),
    ("He was seized on the 16th and freed on the 26th.", "the 26th", "2023-06-20", "2023-05-26", "2023-05-26", "2023-05-26", "day"),
    # two weeks back, a week of a month
    ("The women were picked up the week before last.", "the week before last", "2020-01-22", "2020-W02", "2020-01-06", "2020-01-12", "week"),
    ("The barracks were searched the month before last.", "the month before last", "2020-01-22", "2019-11", "2019-11-01", "2019-11-30", "month"),
    ("A drug dealer was shot in the second week of January.", "the second week of January", "2022-02-11", "2022-W02", "2022-01-08", "2022-01-14", "week"),
    ("The order came in the first week of March 2021.", "the first week of March 2021", FRI, "2021-W09", "2021-03-01", "2021-03-07", "week"),
    ("Inspections ran through the last week of September.", "the last week of September", FRI, "2021-W39", "2021-09-24", "2021-09-30", "week"),
    # months in past narrative stay in the past, whatever stands between them
    ("Prisoners were made to dig from dawn until dusk through July and August.", "July", "2022-09-27", "2022-07", "2022-07-01", "2022-07-31", "month"),
    ("Prisoners were made to dig from dawn until dusk through July and August.", "August", "2022-09-27", "2022-08", "2022-08-01", "2022-08-31", "month"),
    ("The ban stays in force until March.", "March", FRI, "2022-03", "2022-03-01", "2022-03-31", "month"),
    # a season of a year named after it is one expression
    ("Neighbours had been watched since the spring of last year.", "the spring of last year", "2024-10-24", "2023-SP", "2023-03-01", "2023-05-31", "season"),
    ("She was sentenced in 2020 and held from the summer of that year.", "the summer of that year", "2022-09-27", "2020-SU", "2020-06-01", "2020-08-31", "season"),
    ("The dam is to be finished by the autumn of next year.", "the autumn of next year", FRI, "2022-FA", "2022-09-01", "2022-11-30", "season"),
    # a present-tense verb of a scheduled event puts a weekday ahead
    ("Talks resume Monday.", "Monday", WED, "2021-11-01", "2021-11-01", "2021-11-01", "day"),
    ("Leaders meet Friday in the border city.", "Friday", WED, "2021-10-29", "2021-10-29", "2021-10-29", "day"),
    ("The court convenes on Tuesday.", "Tuesday", WED, "2021-11-02", "2021-11-02", "2021-11-02", "day"),
    ("The court sentenced him on Tuesday.", "Tuesday", WED, "2021-10-26", "2021-10-26", "2021-10-26", "day"),
    # a narrative set in a year it names
    ("After the division of 1945 and the elections of 1948, tension grew through 1949 until the truce of 1953. "
     "The war itself began in 1950: on 25 June the army crossed the border.", "25 June", FRI, "1950-06-25", "1950-06-25", "1950-06-25", "day"),
]
# fmt: on


@pytest.mark.parametrize(
    ("sentence", "phrase", "published", "value", "earliest", "latest", "precision"), ROWS
)
def test_phrase(
    sentence: str,
    phrase: str,
    published: str | None,
    value: str,
    earliest: str | None,
    latest: str | None,
    precision: str | None,
) -> None:
    t = _find(sentence, phrase, published)
    assert t.value == value
    if earliest is None:
        assert t.window is None or t.window.earliest is None
        return
    assert t.window is not None
    assert t.window.earliest == date.fromisoformat(earliest)
    assert t.window.latest == date.fromisoformat(latest or earliest)
    assert t.window.precision.value == precision
    assert t.window.timex == value
    assert t.window.span is not None and t.window.span.text == phrase


def test_table_is_large() -> None:
    assert len(ROWS) >= 150


def test_more_than_years_ago_is_open_at_the_start() -> None:
    t = _find(
        "A woman who fled more than four years ago was sent back.", "more than four years ago", "2024-09-15"
    )
    assert t.value == "2020"
    assert t.window is not None
    assert t.window.earliest is None
    assert t.window.latest == date(2020, 9, 15)


def test_about_years_ago_keeps_the_year() -> None:
    t = _find("A woman who fled about four years ago was sent back.", "about four years ago", "2024-09-15")
    assert t.window is not None
    assert (t.window.earliest, t.window.latest) == (date(2020, 1, 1), date(2020, 12, 31))


def test_days_later_with_no_earlier_date_never_runs_past_publication() -> None:
    t = _find("Four days later, agents picked up two men.", "Four days later", "2024-09-15")
    assert t.value == "XXXX-XX-XX"
    assert t.window is not None and t.window.earliest is None
    assert any("after the publication date" in w for w in t.warnings)


def test_days_later_from_an_earlier_date_past_publication_is_unresolved() -> None:
    found = tag("She was taken on Sept. 10. Ten days later she was moved to a camp.", date(2024, 9, 15))
    assert [t.value for t in found] == ["2024-09-10", "XXXX-XX-XX"]


def test_days_later_in_a_future_clause_may_run_past_publication() -> None:
    t = _find("The verdict will come two days later.", "two days later", "2024-09-15")
    assert t.value == "2024-09-17"


def test_days_later_before_publication_counts_from_publication() -> None:
    t = _find("Two days earlier, the guards had been changed.", "Two days earlier", "2024-09-15")
    assert t.value == "2024-09-13"
