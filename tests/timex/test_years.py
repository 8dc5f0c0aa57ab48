"""Which year a month or day named without one is in."""

from __future__ import annotations

from datetime import date

import pytest

from kirok.timex.context import Reference
from kirok.timex.years import year_for

PUBLISHED = date(2022, 9, 27)


@pytest.mark.parametrize(
    ("month", "day", "rel", "tense", "year"),
    [
        (7, None, None, "past", 2022),
        (10, None, None, "past", 2021),
        (10, None, None, "", 2022),  # just ahead with nothing to say which way: the coming one
        (3, None, None, "future", 2023),
        (9, 20, None, "future", 2022),  # a day of the last weeks, even in a clause that looks ahead
        (9, None, "last", "", 2021),
        (7, None, "next", "", 2023),
        (12, 25, "this", "", 2022),
    ],
)
def test_year_for(month: int, day: int | None, rel: str | None, tense: str, year: int) -> None:
    assert year_for(month, day, rel, Reference(PUBLISHED), tense) == year


def test_no_publication_date_takes_the_year_the_text_named() -> None:
    ref = Reference(None, year=1950)
    assert year_for(6, 25, None, ref, "") == 1950
    assert year_for(6, 25, None, Reference(None), "") is None


@pytest.mark.parametrize("tense", ["future", "limit", "past", ""])
def test_since_names_a_start_already_passed_whatever_the_clause_says(tense: str) -> None:
    # "Since the end of June no boat may leave harbour", told on Sept. 27: this June, never the next
    ref = Reference(PUBLISHED, lead="since")
    assert year_for(6, None, None, ref, tense) == 2022
    assert year_for(12, None, None, ref, tense) == 2021
