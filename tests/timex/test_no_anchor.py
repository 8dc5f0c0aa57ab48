"""Texts without a publication date: absolute dates keep their values, relative ones stay unresolved."""

from __future__ import annotations

import pytest

from kirok.model import DateResolution
from kirok.timex import tag
from kirok.timex.readings import NO_ANCHOR


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        ("He was arrested yesterday.", "yesterday", "XXXX-XX-XX"),
        ("He was arrested last week.", "last week", "XXXX-WXX"),
        ("He was arrested last month.", "last month", "XXXX-XX"),
        ("He was arrested last year.", "last year", "XXXX"),
        ("He was arrested on Wednesday.", "Wednesday", "XXXX-WXX-3"),
        ("He was arrested on October 12.", "October 12", "XXXX-10-12"),
        ("He was arrested in December.", "December", "XXXX-12"),
        ("He was arrested on the 9th.", "the 9th", "XXXX-XX-09"),
        ("He was arrested three months ago.", "three months ago", "XXXX-XX"),
        ("He was arrested last summer.", "last summer", "XXXX-SU"),
    ],
)
def test_relative_is_unresolved(sentence: str, phrase: str, value: str) -> None:
    (t,) = [t for t in tag(sentence, None) if t.text == phrase]
    assert t.value == value
    assert t.window is not None
    assert t.window.earliest is None and t.window.latest is None
    assert t.window.resolution is DateResolution.UNRESOLVED
    assert NO_ANCHOR in t.warnings


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("He was arrested on Oct. 12, 2021.", "2021-10-12"),
        ("He was arrested in 2019.", "2019"),
        ("He was arrested in May 2019.", "2019-05"),
        ("He was held for three months.", "P3M"),
        ("He is currently held.", "PRESENT_REF"),
    ],
)
def test_absolute_keeps_value(sentence: str, value: str) -> None:
    (t,) = tag(sentence, None)
    assert t.value == value
    assert not t.warnings
    if t.window is not None:
        assert t.window.resolution is DateResolution.ABSOLUTE


def test_year_named_earlier_gives_year_less_dates_a_year() -> None:
    found = tag("He was arrested in 2019. On Oct. 12 he was moved.", None)
    assert [t.value for t in found] == ["2019", "2019-10-12"]
