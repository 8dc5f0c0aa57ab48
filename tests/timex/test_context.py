"""The tense of the clause around a temporal expression."""

from __future__ import annotations

from datetime import date

import pytest

from kirok.timex import tag
from kirok.timex.context import clause_tense
from kirok.timex.lexicon import load_lexicon


# (sentence, phrase, calendar, tense)
@pytest.mark.parametrize(
    ("sentence", "phrase", "calendar", "tense"),
    [
        # what a clause after "that" says is its own: the date goes with the verb before it
        ("In March, the judge ruled that the farm should be sold.", "March", True, "ed"),
        ("In March, the minister announced that the dam will be finished.", "March", True, "said"),
        ("The board decided in May that the mill would close.", "May", True, "ed"),
        # without "that", a future verb after the date still counts
        ("In March, the farm will be sold at auction.", "March", True, "future"),
        ("On Friday the council is expected to vote.", "Friday", False, "future"),
    ],
)
def test_clause_tense(sentence: str, phrase: str, calendar: bool, tense: str) -> None:
    start = sentence.index(phrase)
    assert clause_tense(sentence, start, start + len(phrase), load_lexicon(), calendar) == tense


# (sentence, phrase, value); published on Friday 2021-10-29
@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        # a scheduled verb puts a bare weekday ahead, also with an adverb between them
        ("The two envoys meet separately Monday with the mediator.", "Monday", "2021-11-01"),
        ("The committee meets again on Tuesday.", "Tuesday", "2021-11-02"),
        ("Hearings resume formally Wednesday.", "Wednesday", "2021-11-03"),
        # also with the place it is at between them
        ("City play away at Eastholm on Wednesday evening.", "Wednesday evening", "2021-11-03TEV"),
        # a past verb does not
        ("The two envoys met separately Monday with the mediator.", "Monday", "2021-10-25"),
        ("City played away at Eastholm on Wednesday evening.", "Wednesday evening", "2021-10-27TEV"),
    ],
)
def test_scheduled_weekday(sentence: str, phrase: str, value: str) -> None:
    found = [t for t in tag(sentence, date(2021, 10, 29)) if t.text == phrase]
    assert found and found[0].value == value
