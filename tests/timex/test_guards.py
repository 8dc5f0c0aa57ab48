"""False hits the tagger must not make, and bad input it must survive."""

from __future__ import annotations

from datetime import date

import pytest

from kirok.timex import tag

FRI = date(2021, 10, 29)


@pytest.mark.parametrize(
    "sentence",
    [
        "A man in his 30s was detained.",
        "Women in their 40s were questioned.",
        "The building has three levels.",
        "He may be sent to a labour camp.",
        "May be it is true, the source said.",
        "Soldiers march to the border in rows.",
        "The troops will march toward the city.",
        "He paid 3,000 won for the rice.",
        "About 2000 people gathered in the square.",
        "The second group left at dawn.",
        "He came second in the contest.",
        "A 40-year-old man was arrested.",
        "Prices fall when the harvest is good.",
        "The fall of the dynasty was swift.",
        "He lives on the 9th floor.",
        "The flat is on the 12th floor of the block.",
        "The speech was given at the 8th Party Congress.",
        "Flowers were laid on the 70th anniversary of the battle.",
        "The team finished on the 3rd place.",
        "Daily NK was told about the case.",
        "The unit has 1500 soldiers.",
        "He was born in the town of Hyesan.",
        "Route 1990 runs along the river.",
    ],
)
def test_no_timex(sentence: str) -> None:
    assert tag(sentence, FRI) == []


def test_impossible_date_keeps_month_and_warns() -> None:
    (t,) = tag("He was arrested on Feb. 30.", FRI)
    assert t.value == "2021-02"
    assert t.window is not None and t.window.precision.value == "month"
    assert any("no day 30" in w for w in t.warnings)


def test_impossible_date_with_year() -> None:
    (t,) = tag("He was arrested on April 31, 2020.", FRI)
    assert t.value == "2020-04"
    assert t.warnings


def test_two_digit_year_warns() -> None:
    (t,) = tag("She was born on 21 October 98.", FRI)
    assert t.value == "1998-10-21"
    assert any("two-digit year" in w for w in t.warnings)


def test_future_anchor_is_accepted() -> None:
    (t,) = tag("It happened yesterday.", date(2130, 1, 1))
    assert t.value == "2129-12-31"


@pytest.mark.parametrize(
    "sentence",
    ["", "   ", "\n\n", "Oct.", "the 32nd", "on the 0th", "2021-13-45", "99:99", "'", "May", "12 34 56 78"],
)
def test_odd_input_does_not_crash(sentence: str) -> None:
    for t in tag(sentence, FRI):
        assert 0 <= t.start < t.end <= len(sentence)


def test_five_pm_to_eight_pm_are_times() -> None:
    found = tag("The curfew runs from 5 PM to 8 PM.", FRI)
    assert [(t.text, t.type) for t in found] == [("5 PM", "TIME"), ("8 PM", "TIME")]


def test_offsets_are_code_points() -> None:
    text = "\u2018Arrests\u2019 \u2014 \ud55c\uad6d on Oct. 12."
    (t,) = tag(text, FRI)
    assert text[t.start : t.end] == "Oct. 12" == t.text


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("Guards arrest smugglers\n\nLast week police arrested two men.", "Last week", "2021-W42"),
        (
            "Guards arrest smugglers\n\nEarlier this month, police arrested two men.",
            "Earlier this month",
            "2021-10",
        ),
        ("Guards arrest smugglers\n\nToday the market was shut.", "Today", "2021-10-29"),
    ],
)
def test_a_date_opening_the_line_after_a_headline_is_not_a_name(text: str, words: str, value: str) -> None:
    found = [(t.text, t.value) for t in tag(text, FRI)]
    assert (words, value) in found
