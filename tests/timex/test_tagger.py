"""The tagger tries a rule only near its trigger words; that must find what a full scan finds."""

from __future__ import annotations

import pytest

from kirok.timex import load_lexicon
from kirok.timex.guards import accepts
from kirok.timex.tagger import find

TEXTS = [
    "A source told Daily NK on Wednesday, Oct. 13, 2021, that the beginning of fiscal 2020 was hard.",
    "In the latter part of the 1990s, at the end of the 20th century, markets spread; on the 21st of March.",
    "He was questioned for more than twenty-five minutes at 10:30 a.m. Tuesday and again at 22:15 hours.",
    "Arrests doubled over the past three months, and almost four years ago, two and a half years later.",
    "The brigade left the day before yesterday, returned last weekend and works every Monday morning.",
    "It began in the summer of 2019; in the year-earlier third quarter of 2018; on Christmas Day, 2017.",
]


def _full_scan(text: str) -> set[tuple[int, int, str]]:
    lexicon = load_lexicon()
    found = set()
    for rule in lexicon.rules:
        for m in rule.regex.finditer(text):
            if accepts(rule, m, text, lexicon):
                found.add((m.start(), m.end(), rule.name))
    return found


@pytest.mark.parametrize("text", TEXTS)
def test_windows_miss_nothing(text: str) -> None:
    lexicon = load_lexicon()
    chosen = {(c[0], c[1]) for c in find(text, lexicon)}
    full = _full_scan(text)
    # every expression a full scan finds is covered by one the windowed scan chose
    for start, end, _ in full:
        assert any(s <= start and end <= e or (s < end and start < e) for s, e in chosen), (start, end)
    longest = max(full, key=lambda f: f[1] - f[0])
    assert (longest[0], longest[1]) in chosen
