"""Granules: windows and TIMEX3 values of calendar stretches."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kirok.timex.absolute import two_digit_year
from kirok.timex.calendar import (
    add_months,
    month_granule,
    month_week_granule,
    narrow,
    nth_weekday,
    season_granule,
    shift,
    week_granule,
    year_granule,
)


def test_week_value_and_bounds() -> None:
    g = week_granule(date(2021, 10, 14))
    assert (g.value, g.earliest, g.latest) == ("2021-W41", date(2021, 10, 11), date(2021, 10, 17))


def test_iso_week_across_new_year() -> None:
    assert week_granule(date(2021, 1, 2)).value == "2020-W53"


def test_winter_spans_new_year() -> None:
    g = season_granule(2020, "WI", (12, 2))
    assert (g.earliest, g.latest) == (date(2020, 12, 1), date(2021, 2, 28))


@pytest.mark.parametrize(
    ("mod", "earliest", "latest"),
    [("START", 1, 10), ("MID", 11, 20), ("END", 21, 28)],
)
def test_narrow_month(mod: str, earliest: int, latest: int) -> None:
    g = narrow(month_granule(2021, 2), mod)
    assert (g.earliest.day, g.latest.day, g.value) == (earliest, latest, "2021-02")


def test_the_middle_of_a_week_is_tuesday_to_thursday() -> None:
    g = narrow(week_granule(date(2024, 4, 10)), "MID")  # the week of Monday April 8
    assert (g.earliest, g.latest) == (date(2024, 4, 9), date(2024, 4, 11))
    assert g.value == week_granule(date(2024, 4, 10)).value


def test_narrow_year() -> None:
    g = narrow(year_granule(2020), "END")
    assert (g.earliest, g.latest) == (date(2020, 9, 1), date(2020, 12, 31))


def test_shift_month_across_year() -> None:
    assert shift(month_granule(2021, 1), -1).value == "2020-12"


def test_add_months_clamps_day() -> None:
    assert add_months(date(2021, 3, 31), -1) == date(2021, 2, 28)


@pytest.mark.parametrize(
    ("yy", "anchor", "year"), [(19, date(2021, 1, 1), 2019), (98, date(2021, 1, 1), 1998)]
)
def test_two_digit_year(yy: int, anchor: date, year: int) -> None:
    assert two_digit_year(yy, anchor) == year


@pytest.mark.parametrize(
    ("year", "month", "ordinal", "value", "first"),
    [
        (2022, 1, 2, "2022-W02", date(2022, 1, 8)),
        (2022, 1, 1, "2022-W01", date(2022, 1, 1)),
        (2021, 3, 1, "2021-W09", date(2021, 3, 1)),
        (2021, 9, -1, "2021-W39", date(2021, 9, 24)),
        (2023, 2, 4, "2023-W08", date(2023, 2, 22)),
    ],
)
def test_week_of_month(year: int, month: int, ordinal: int, value: str, first: date) -> None:
    """The days 1-7, 8-14, ... (the last seven for -1), valued as the ISO week holding their middle."""
    g = month_week_granule(year, month, ordinal)
    assert (g.value, g.earliest, g.latest - g.earliest, g.unit) == (value, first, timedelta(days=6), "W")


@pytest.mark.parametrize(
    ("year", "month", "weekday", "ordinal", "day"),
    [
        (2022, 5, 6, -1, date(2022, 5, 28)),  # the last Saturday of May
        (2022, 5, 1, 5, date(2022, 5, 30)),  # a fifth Monday
        (2022, 6, 1, 5, None),  # none in June 2022
        (2024, 2, 4, -1, date(2024, 2, 29)),  # leap day
        (2024, 2, 4, 5, date(2024, 2, 29)),
        (2023, 2, 4, 5, None),
        (2023, 2, 4, -1, date(2023, 2, 23)),
        (2021, 2, 1, 1, date(2021, 2, 1)),  # the month opens on that weekday
        (2021, 2, 7, -1, date(2021, 2, 28)),  # and closes on this one
        (2021, 12, 5, -1, date(2021, 12, 31)),
        (2022, 1, 6, 1, date(2022, 1, 1)),
        (2022, 1, 7, 2, date(2022, 1, 9)),
    ],
)
def test_nth_weekday(year: int, month: int, weekday: int, ordinal: int, day: date | None) -> None:
    assert nth_weekday(year, month, weekday, ordinal) == day
