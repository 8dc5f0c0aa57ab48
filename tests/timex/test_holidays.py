# ruff: noqa: E501
"""Holidays: fixed days, the lunar new year and Chuseok from the lexicon's tables, North Korea's own
holidays, the Army Foundation Day that moved, and "around" a holiday. All sentences written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from kirok.pipeline.doc import Timex
from kirok.timex import load_lexicon, tag
from kirok.timex.holidays import holiday_day

from .timex_find import find_timex


def _find(sentence: str, phrase: str, published: str) -> Timex:
    return find_timex(sentence, phrase, published)


# (sentence, phrase, published, value, earliest, latest)
# fmt: off
ROWS: list[tuple[str, str, str, str, str, str]] = [
    # the Party's founding day, however the report words it
    ("Pupils scrubbed monuments for the party's founding anniversary.", "party's founding anniversary", "2021-10-13", "2021-10-10", "2021-10-10", "2021-10-10"),
    ("Agents burst in on the anniversary of the Party's founding.", "anniversary of the Party's founding", "2021-10-20", "2021-10-10", "2021-10-10", "2021-10-10"),
    ("The market stalls shut for the Lunar New Year.", "Lunar New Year", "2023-03-02", "2023-01-22", "2023-01-22", "2023-01-22"),
    ("The market stalls shut for the Lunar New Year.", "Lunar New Year", "2024-03-02", "2024-02-10", "2024-02-10", "2024-02-10"),
    ("The market stalls were shut for the Lunar New Year.", "Lunar New Year", "2022-01-20", "2021-02-12", "2021-02-12", "2021-02-12"),
    ("Rice will be handed out before the Lunar New Year.", "Lunar New Year", "2022-01-20", "2022-02-01", "2022-02-01", "2022-02-01"),
    ("A trader was taken away around the Lunar New Year.", "Lunar New Year", "2023-03-02", "2023-01-22", "2023-01-18", "2023-01-26"),
    ("Guards were doubled about the Lunar New Year.", "Lunar New Year", "2025-03-02", "2025-01-29", "2025-01-25", "2025-02-02"),
    ("Families were barred from visiting graves at Chuseok.", "Chuseok", "2023-10-20", "2023-09-29", "2023-09-29", "2023-09-29"),
    ("Families were barred from visiting graves at Chuseok.", "Chuseok", "2024-10-20", "2024-09-17", "2024-09-17", "2024-09-17"),
    ("Families were barred from visiting graves at Chuseok 2021.", "Chuseok 2021", "2024-10-20", "2021-09-21", "2021-09-21", "2021-09-21"),
    ("A crew slipped away on the night of Dano.", "Dano", "2022-09-06", "2022-06-03", "2022-06-03", "2022-06-03"),
    ("Swings were banned at the Dano festival.", "Dano festival", "2024-07-01", "2024-06-10", "2024-06-10", "2024-06-10"),
    ("Extra rations were promised for Seollal.", "Seollal", "2020-02-20", "2020-01-25", "2020-01-25", "2020-01-25"),
    ("Pupils rehearsed for weeks before the Day of the Sun.", "Day of the Sun", "2023-05-01", "2023-04-15", "2023-04-15", "2023-04-15"),
    ("Pupils were made to rehearse for weeks before the Day of the Sun.", "Day of the Sun", "2023-03-01", "2022-04-15", "2022-04-15", "2022-04-15"),
    ("Rallies were held on Party Foundation Day.", "Party Foundation Day", "2023-11-01", "2023-10-10", "2023-10-10", "2023-10-10"),
    ("Rallies were held on Party Foundation Day (October 10) last year.", "Party Foundation Day", "2023-11-01", "2022-10-10", "2022-10-10", "2022-10-10"),
    ("Rallies were held on Party Foundation Day (October 10) last year.", "October 10", "2023-11-01", "2022-10-10", "2022-10-10", "2022-10-10"),
    ("Rallies were held on Party Foundation Day last year.", "Party Foundation Day", "2023-11-01", "2022-10-10", "2022-10-10", "2022-10-10"),
    ("Sweets were handed out on the Day of the Shining Star.", "Day of the Shining Star", "2023-03-01", "2023-02-16", "2023-02-16", "2023-02-16"),
    ("Veterans marched on Victory Day.", "Victory Day", "2023-08-01", "2023-07-27", "2023-07-27", "2023-07-27"),
    ("Reports have been due since Kim Il Sung's birthday.", "Kim Il Sung's birthday", "2025-06-08", "2025-04-15", "2025-04-15", "2025-04-15"),
    ("Lectures were held before Kim Jong Il's birthday.", "Kim Jong Il's birthday", "2021-03-05", "2021-02-16", "2021-02-16", "2021-02-16"),
    ("Loudspeakers played songs on Liberation Day.", "Liberation Day", "2023-08-20", "2023-08-15", "2023-08-15", "2023-08-15"),
    ("Soldiers paraded on Army Foundation Day.", "Army Foundation Day", "2023-03-01", "2023-02-08", "2023-02-08", "2023-02-08"),
    ("Soldiers paraded on Army Foundation Day, 2012.", "Army Foundation Day, 2012", "2023-03-01", "2012-04-25", "2012-04-25", "2012-04-25"),
    ("Soldiers paraded on Army Foundation Day.", "Army Foundation Day", "2015-06-01", "2015-04-25", "2015-04-25", "2015-04-25"),
    ("Flags went up for the Foundation Day of the Republic.", "Foundation Day of the Republic", "2023-09-20", "2023-09-09", "2023-09-09", "2023-09-09"),
    ("Shops closed on Christmas Day.", "Christmas Day", "2022-01-10", "2021-12-25", "2021-12-25", "2021-12-25"),
    ("The factory shut on Thanksgiving.", "Thanksgiving", "2021-12-10", "2021-11-25", "2021-11-25", "2021-11-25"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "phrase", "published", "value", "earliest", "latest"), ROWS)
def test_holiday(sentence: str, phrase: str, published: str, value: str, earliest: str, latest: str) -> None:
    t = _find(sentence, phrase, published)
    assert t.value == value
    assert t.window is not None
    assert (t.window.earliest, t.window.latest) == (date.fromisoformat(earliest), date.fromisoformat(latest))


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        ("lunar new year", 2000, date(2000, 2, 5)),
        ("lunar new year", 2035, date(2035, 2, 8)),
        ("chuseok", 2000, date(2000, 9, 12)),
        ("chuseok", 2035, date(2035, 9, 16)),
        ("dano", 2001, date(2001, 6, 25)),  # after a leap fourth month
        ("dano", 2035, date(2035, 6, 10)),
        ("army foundation day", 1970, date(1970, 2, 8)),
        ("army foundation day", 1978, date(1978, 4, 25)),
        ("army foundation day", 2017, date(2017, 4, 25)),
        ("army foundation day", 2018, date(2018, 2, 8)),
        ("thanksgiving", 2022, date(2022, 11, 24)),
        ("day of the sun", 2030, date(2030, 4, 15)),
    ],
)
def test_holiday_day(name: str, year: int, expected: date) -> None:
    assert holiday_day(name, year, load_lexicon()) == expected


def test_lunar_tables_cover_2000_to_2035() -> None:
    lexicon = load_lexicon()
    for name, months in (("lunar new year", (1, 2)), ("chuseok", (9, 10)), ("dano", (5, 6))):
        for year in range(2000, 2036):
            day = holiday_day(name, year, lexicon)
            assert day is not None and day.month in months


def test_lunar_new_year_outside_the_table_keeps_the_month_and_warns() -> None:
    t = _find("The market stalls shut for the Lunar New Year.", "Lunar New Year", "1990-03-01")
    assert t.value == "1990-02"
    assert any("holiday tables" in w for w in t.warnings)


def test_the_next_day_counts_from_the_holiday_not_the_widened_window() -> None:
    found = tag("He was taken around the Lunar New Year and released the next day.", date(2023, 3, 2))
    assert [t.value for t in found] == ["2023-01-22", "2023-01-23"]
