# ruff: noqa: E501
"""Stories set in the past: the year and the day they are in, whatever the publication date says.

All texts are written for these tests. A text is read as such a story when most of the years it names lie
far before its publication date, so each one below names several.
"""

from __future__ import annotations

from datetime import date

import pytest

from kirok.pipeline.doc import Timex
from kirok.timex import tag

PUBLISHED = date(2021, 10, 29)

#: Five years of a campaign, named before the sentences under test.
_CAMPAIGN = (
    "The campaign opened in 1931, stalled through 1932 and 1933, and resumed in 1934. "
    "In 1935 the northern army crossed the river. "
)


def _find(text: str, phrase: str, occurrence: int = 0) -> Timex:
    found = [t for t in tag(text, PUBLISHED) if t.text == phrase]
    assert len(found) > occurrence, f"{phrase!r} not tagged {occurrence + 1} times in {text!r}"
    return found[occurrence]


# (text, phrase, value)
# fmt: off
CLOCK_ROWS: list[tuple[str, str, str]] = [
    # a clock time far from the day named is still on that day, not on the publication date
    (_CAMPAIGN + "On 14 March 1935 the garrison of the fort was told to hold the bridge at any cost. "
     "Engineers and two companies of riflemen worked all night to mine its piers and the approaches. "
     "The first shells fell on the far bank at 05:40.", "05:40", "1935-03-14T05:40"),
    (_CAMPAIGN + "On 2 May 1935 the rebels were pushed back from the hills above the town of Verlo. "
     "Their commander, a former teacher, had refused every offer of terms that his officers carried. "
     "He was wounded at 4:15 p.m. and carried to the rear.", "4:15 p.m.", "1935-05-02T16:15"),
    # ... and "that afternoon" then counts from that day too
    (_CAMPAIGN + "On 2 May 1935 the rebels were pushed back from the hills above the town of Verlo. "
     "Their commander, a former teacher, had refused every offer of terms that his officers carried. "
     "The alarm sounded at 4:15 a.m.; the reserve marched that afternoon.", "that afternoon", "1935-05-02TAF"),
    # with no day named, the day is not known
    (_CAMPAIGN + "The columns marched by night, from 19:00 until dawn.", "19:00", "XXXX-XX-XXT19:00"),
]

ASIDE_ROWS: list[tuple[str, str, str]] = [
    # a year the story does not move to: where a document was found, a book, an earlier war
    (_CAMPAIGN + "Letters found in an archive in 2004 describe the crossing. On 29 August the bridge fell.", "29 August", "1935-08-29"),
    (_CAMPAIGN + "A study of the war (2003) doubts the figures. In late November the front froze.", "late November", "1935-11"),
    (_CAMPAIGN + "The council had last met in 1871. On 27 December it met again.", "27 December", "1935-12-27"),
    # a year close to the story's is where it moves
    (_CAMPAIGN + "The war ended in 1938. On 3 June the last prisoners came home.", "3 June", "1938-06-03"),
    # a full date always moves it, however far
    (_CAMPAIGN + "Only on 12 April 1961 did the families learn the truth. On 3 June the graves were opened.", "3 June", "1961-06-03"),
]
# fmt: on


@pytest.mark.parametrize(("text", "phrase", "value"), CLOCK_ROWS)
def test_clock_time_is_on_the_day_the_story_is_in(text: str, phrase: str, value: str) -> None:
    assert _find(text, phrase).value == value


@pytest.mark.parametrize(("text", "phrase", "value"), ASIDE_ROWS)
def test_a_far_year_is_an_aside(text: str, phrase: str, value: str) -> None:
    assert _find(text, phrase).value == value


def test_news_clock_time_stays_on_the_publication_date() -> None:
    text = "The council voted on the plan late in the evening. The result was announced at 11:30 p.m."
    assert _find(text, "11:30 p.m.").value == "2021-10-29T23:30"


# fmt: off
SHARED_YEAR_ROWS: list[tuple[str, str, str]] = [
    # a season or a day joined to a later one that names the year shares it
    ("Both armies spent the spring and early summer of 1943 digging in.", "the spring", "1943-SP"),
    ("Grain ran short in the autumn and winter of 1932.", "the autumn", "1932-FA"),
    ("The siege of the port (12 June - 3 September 1952) cost many lives.", "12 June", "1952-06-12"),
    ("The fair ran from 4 May to 9 August 1911 on the old parade ground.", "4 May", "1911-05-04"),
]

TWO_DIGIT_ROWS: list[tuple[str, str, str]] = [
    # a two-digit year is read near the year the story is in, not near the publication date
    (_CAMPAIGN + "The recruits of '17 were called up in 1935.", "'17", "1917"),
    (_CAMPAIGN + "Veterans of the '99 rising joined them.", "'99", "1899"),
    # in news, near the publication date
    ("The class of '99 meets again next week.", "'99", "1999"),
]
# fmt: on


@pytest.mark.parametrize(("text", "phrase", "value"), SHARED_YEAR_ROWS)
def test_joined_dates_share_a_year(text: str, phrase: str, value: str) -> None:
    assert _find(text, phrase).value == value


@pytest.mark.parametrize(("text", "phrase", "value"), TWO_DIGIT_ROWS)
def test_two_digit_year_near_the_story(text: str, phrase: str, value: str) -> None:
    assert _find(text, phrase).value == value


# (text, phrase, value): news that looks back over many years is still news when it speaks of the days
# around its publication; a history that names a weekday in passing is still a history
# fmt: off
NEWS_OR_HISTORY_ROWS: list[tuple[str, str, str]] = [
    ("The bank raised rates on Wednesday for the first time since 2008. Rates were cut in 2009 and held "
     "through 2011, 2013 and 2016. Inflation was 0.5 percent in September, the bank said today. "
     "Officials met again on Thursday.", "September", "2021-09"),
    ("The bank raised rates on Wednesday for the first time since 2008. Rates were cut in 2009 and held "
     "through 2011, 2013 and 2016. One member argued today it would be better to wait until March.", "March", "2022-03"),
    (_CAMPAIGN + "The truce was signed on a Sunday. In late November the front froze.", "late November", "1935-11"),
    # "last fall" is from now even in a long history; "next spring" and "that summer" are of the story
    (_CAMPAIGN + "The case was heard last fall and again in January.", "last fall", "2020-FA"),
    (_CAMPAIGN + "The winter killed many horses. The next spring, the army marched north.", "next spring", "1936-SP"),
    (_CAMPAIGN + "That summer the army rested.", "That summer", "1935-SU"),
    # what a long history says is scheduled is from now
    (_CAMPAIGN + "The old fort was pulled down in 1995, and a hearing on the site is scheduled for July 22.", "July 22", "2022-07-22"),
    ("He won a seat on the board in 1974, lost it two years later, and won it back the following spring.",
     "the following spring", "1977-SP"),
]
# fmt: on


@pytest.mark.parametrize(("text", "phrase", "value"), NEWS_OR_HISTORY_ROWS)
def test_news_looking_back_is_read_against_its_publication_date(text: str, phrase: str, value: str) -> None:
    assert _find(text, phrase).value == value
