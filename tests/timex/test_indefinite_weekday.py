# ruff: noqa: E501
"""An indefinite weekday inside a date ("on a Saturday in late July") is some such weekday of that date,
not the one before publication."""

from __future__ import annotations

import pytest

from .timex_find import find_timex

# (sentence, published, value, earliest, latest)
# fmt: off
ROWS: list[tuple[str, str, str, str, str]] = [
    ("So was picked up on a Saturday in late July at her stall.", "2023-08-16", "XXXX-WXX-6", "2023-07-22", "2023-07-29"),
    ("The raid came on a Monday in March.", "2023-05-02", "XXXX-WXX-1", "2023-03-06", "2023-03-27"),
    ("They crossed on a Friday of the first week of May.", "2023-05-20", "XXXX-WXX-5", "2023-05-05", "2023-05-05"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "published", "value", "earliest", "latest"), ROWS)
def test_an_indefinite_weekday_is_one_of_those_in_the_date_after_it(
    sentence: str, published: str, value: str, earliest: str, latest: str
) -> None:
    phrase = next(w for w in ("Saturday", "Monday", "Friday") if w in sentence)
    t = find_timex(sentence, phrase, published)
    assert t.value == value
    assert t.window is not None
    assert (str(t.window.earliest), str(t.window.latest)) == (earliest, latest)


def test_a_definite_weekday_keeps_its_day() -> None:
    t = find_timex("He was arrested on Saturday in Hyesan.", "Saturday", "2023-08-16")
    assert t.value == "2023-08-12"


# (sentence, weekday, published, value)
# fmt: off
NEXT_TO: list[tuple[str, str, str, str]] = [
    ("He was shot on the Monday before the April 15 holiday.", "Monday", "2022-04-20", "2022-04-11"),
    ("They were caught on the Friday after Christmas.", "Friday", "2022-04-20", "2021-12-31"),
    ("The raid came on the Sunday after Oct. 3, a Sunday itself.", "Sunday", "2021-11-01", "2021-10-10"),
    ("Lectures began on the Tuesday before Jan. 4.", "Tuesday", "2022-01-20", "2021-12-28"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "weekday", "published", "value"), NEXT_TO)
def test_the_weekday_before_or_after_a_date_is_counted_from_that_date(
    sentence: str, weekday: str, published: str, value: str
) -> None:
    t = find_timex(sentence, weekday, published)
    assert t.value == value
    assert t.window is not None
    assert str(t.window.earliest) == str(t.window.latest) == value


def test_a_weekday_before_an_act_keeps_its_day() -> None:
    t = find_timex("He was shot on Monday before the trial ended.", "Monday", "2022-04-20")
    assert t.value == "2022-04-18"


# (sentence, weekday, published, value)
# fmt: off
OF_WEEK: list[tuple[str, str, str, str]] = [
    ("They have been working since Monday of last week.", "Monday", "2021-06-09", "2021-05-31"),
    ("They were held on Wednesday and Thursday of last week.", "Wednesday", "2021-06-09", "2021-06-02"),
    ("They were held on Wednesday and Thursday of last week.", "Thursday", "2021-06-09", "2021-06-03"),
    ("He was questioned on Tuesday, Wednesday and Friday of the previous week.", "Tuesday", "2021-06-09", "2021-06-01"),
    ("The order came on Friday last week.", "Friday", "2021-06-07", "2021-06-04"),
    ("The lecture was on Monday of this week.", "Monday", "2021-06-09", "2021-06-07"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "weekday", "published", "value"), OF_WEEK)
def test_a_weekday_of_a_named_week_is_that_week_s_day(
    sentence: str, weekday: str, published: str, value: str
) -> None:
    assert find_timex(sentence, weekday, published).value == value


def test_that_morning_after_a_weekday_of_last_week_is_that_weekday_s_morning() -> None:
    text = "They left on Monday of last week. The rally was held that morning."
    assert find_timex(text, "that morning", "2021-06-09").value == "2021-05-31TMO"
