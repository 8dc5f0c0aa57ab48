# ruff: noqa: E501
"""Which date of a sentence belongs to which act (:mod:`kirok.pipeline.event_date_clauses`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from kirok.model import EventType
from kirok.pipeline.doc import Doc, Timex
from kirok.pipeline.event_date_clauses import (
    in_later_after_clause,
    in_other_clause,
    in_relative_clause,
    range_window,
    since_before,
)

from .event_docs import PUBLISHED, add_date, by_type, events_of, make


def _window(text: str, type_: EventType, *dates: tuple[str, str, date, date]) -> tuple[date, date] | None:
    doc = make("Report\n\n" + text)
    for words, value, earliest, latest in dates:
        add_date(doc, words, value, earliest, latest)
    event = by_type(events_of(doc), type_)
    if event.date is None:
        return None
    assert event.date.earliest is not None and event.date.latest is not None
    return event.date.earliest, event.date.latest


_JAN = ("January", "2023-01", date(2023, 1, 1), date(2023, 1, 31))
_MARCH = ("March", "2023-03", date(2023, 3, 1), date(2023, 3, 31))


def test_since_an_occasion_in_a_month_is_a_state_going_on_from_that_month() -> None:
    text = "Since the party congress in January, residents have needed a travel permit to leave the city."
    assert _window(text, EventType.MOVEMENT_RESTRICTION, _JAN) == (date(2023, 1, 1), PUBLISHED)


def test_since_reaches_back_over_a_short_phrase_only() -> None:
    doc = make("Report\n\nSince the party congress in January, residents have needed a travel permit.")
    jan = add_date(doc, *_JAN)
    assert since_before(doc, 0, jan, (100, 113))
    doc = make("Report\n\nSince the flood, which came in January, residents have needed a travel permit.")
    jan = add_date(doc, *_JAN)
    assert not since_before(doc, 0, jan, (100, 113))


def test_an_act_in_the_since_phrase_is_not_the_state_that_follows() -> None:
    doc = make("Report\n\nSince he was arrested in January, his family has been watched.")
    jan = add_date(doc, *_JAN)
    trigger = doc.text.index("arrested")
    assert not since_before(doc, 0, jan, (trigger, trigger + 8))


def test_a_date_in_a_relative_clause_does_not_date_a_later_state() -> None:
    text = "Women who were sent back in March have been sentenced to three years in a camp."
    assert _window(text, EventType.SENTENCE, _MARCH) is None


def test_a_date_in_a_whose_clause_does_not_date_a_later_state() -> None:
    text = "A woman whose husband ended up in a prison camp in March has been sentenced to three years."
    assert _window(text, EventType.SENTENCE, _MARCH) is None


def test_a_date_in_a_relative_clause_dates_an_act_told_in_the_simple_past() -> None:
    may3 = ("May 3", "2023-05-03", date(2023, 5, 3), date(2023, 5, 3))
    text = "Five men who tried to flee on May 3 were arrested by border guards."
    assert _window(text, EventType.ARREST, may3) == (date(2023, 5, 3), date(2023, 5, 3))


def test_a_relative_clause_is_closed_by_the_main_verb() -> None:
    doc = make("Report\n\nWorkers who walked off a site last winter were flown back last week.")
    winter = add_date(doc, "last winter", "2022-WI", date(2022, 12, 1), date(2023, 2, 28))
    week = add_date(doc, "last week", "2023-W23", date(2023, 6, 5), date(2023, 6, 11))
    assert in_relative_clause(doc, 0, winter, None)
    assert not in_relative_clause(doc, 0, week, None)


def test_a_headline_act_takes_the_lede_date_of_the_main_clause() -> None:
    text = (
        "Runaway workers sent back from Russia\n\n"
        "Workers who walked off a site last winter were flown back to Pyongyang last week, a source said."
    )
    doc = make(text)
    add_date(doc, "last winter", "2022-WI", date(2022, 12, 1), date(2023, 2, 28))
    add_date(doc, "last week", "2023-W23", date(2023, 6, 5), date(2023, 6, 11))
    back = by_type(events_of(doc), EventType.FORCED_REPATRIATION)
    assert back.date is not None and back.date.earliest == date(2023, 6, 5)


def test_a_date_in_another_reported_clause_belongs_to_its_act() -> None:
    text = (
        "A woman says that inmates died of hunger over the winter and that two men were executed by firing"
        " squad."
    )
    doc = make("Report\n\n" + text)
    winter = add_date(doc, "the winter", "2022-WI", date(2022, 12, 1), date(2023, 2, 28))
    events = events_of(doc)
    assert by_type(events, EventType.EXECUTION).date is None
    assert by_type(events, EventType.ILL_TREATMENT).date is not None
    shot = doc.text.index("executed")
    assert in_other_clause(doc, winter, (shot, shot + 8))


def test_a_date_inside_the_words_of_the_trigger_dates_it() -> None:
    may2 = ("May 2", "2023-05-02", date(2023, 5, 2), date(2023, 5, 2))
    text = "Residents were forbidden on May 2 to go into the hills."
    assert _window(text, EventType.MOVEMENT_RESTRICTION, may2) == (date(2023, 5, 2), date(2023, 5, 2))


def test_two_months_joined_by_and_are_one_span() -> None:
    july = ("July", "2022-07", date(2022, 7, 1), date(2022, 7, 31))
    august = ("August", "2022-08", date(2022, 8, 1), date(2022, 8, 31))
    text = "Prisoners were made to break stones in a quarry through July and August."
    assert _window(text, EventType.FORCED_LABOR, july, august) == (date(2022, 7, 1), date(2022, 8, 31))
    doc = make("Report\n\nIt rained in July, and in August.")
    first = add_date(doc, *july)
    add_date(doc, *august)
    assert range_window(doc, first) is None


def test_ahead_of_a_holiday_glossed_with_its_date_is_the_two_weeks_before_it() -> None:
    text = (
        "Pupils were sent out of their classrooms ahead of the Day of the Sun (April 15) to scrub monuments."
    )
    holiday = ("Day of the Sun", "2023-04-15", date(2023, 4, 15), date(2023, 4, 15))
    gloss = ("April 15", "2023-04-15", date(2023, 4, 15), date(2023, 4, 15))
    assert _window(text, EventType.FORCED_LABOR, holiday, gloss) == (date(2023, 4, 1), date(2023, 4, 14))


def test_a_term_handed_after_an_arrest_follows_the_arrests_date() -> None:
    doc = make(
        "Report\n\nA Hyesan man has been handed an eight-year camp term after his arrest in late March, "
        "a source said."
    )
    add_date(doc, "late March", "2023-03", date(2023, 3, 21), date(2023, 3, 31))
    events = events_of(doc)
    sentence = by_type(events, EventType.SENTENCE)
    assert sentence.date is not None
    assert (sentence.date.earliest, sentence.date.latest) == (date(2023, 3, 21), PUBLISHED)
    arrest = by_type(events, EventType.ARREST)
    assert arrest.date is not None and arrest.date.earliest == date(2023, 3, 21)


_MONDAY = ("Monday", "2023-06-12", date(2023, 6, 12), date(2023, 6, 12))
_MAY = ("May 3", "2023-05-03", date(2023, 5, 3), date(2023, 5, 3))


def test_a_date_after_another_subjects_clause_belongs_to_it() -> None:
    text = "A trader died in custody in Hyesan, and the leader of his gang was executed on Monday."
    death = _window(text, EventType.ILL_TREATMENT, _MONDAY)
    assert death != (date(2023, 6, 12), date(2023, 6, 12))


def test_a_date_after_a_closed_relative_clause_dates_the_main_verb() -> None:
    text = (
        "A ban on boats in Hyesan, which was imposed after a family fled across the river, "
        "was lifted on May 3, a source said."
    )
    assert _window(text, EventType.ESCAPE, _MAY) != (date(2023, 5, 3), date(2023, 5, 3))


def test_a_date_after_until_belongs_to_what_the_act_led_to() -> None:
    text = "He was beaten in Hyesan until he confessed to having smuggled phones since 2015."
    since_2015 = ("2015", "2015", date(2015, 1, 1), date(2015, 12, 31))
    beaten = _window(text, EventType.ILL_TREATMENT, since_2015)
    assert beaten is None or beaten[0] != date(2015, 1, 1)


def test_an_act_told_when_a_state_began_is_dated_then() -> None:
    text = (
        "The family in Hyesan has been under watch since March, when the security ministry was ordered "
        "to watch every family with a relative abroad."
    )
    assert _window(text, EventType.DIRECTIVE, _MARCH) == (date(2023, 3, 1), date(2023, 3, 31))


def test_a_date_before_a_present_perfect_conjunct_is_not_its_date() -> None:
    doc = make(
        "Report\n\nA woman and her daughter were caught trying to cross the river on the night of June 8 "
        "and have been sent to a labour-training brigade, a source said."
    )
    add_date(doc, "the night of June 8", "2023-06-08TNI", date(2023, 6, 8))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert sentence.date is None or sentence.date.earliest != sentence.date.latest


def test_a_date_in_a_relative_clause_after_the_act_dates_that_clause() -> None:
    same = ("the same morning", "2025-04-12", date(2025, 4, 12), date(2025, 4, 12))
    before = ("the previous afternoon", "2025-04-11TAF", date(2025, 4, 11), date(2025, 4, 11))
    text = (
        "On the same morning, his two partners were handed ten-year terms in a kyohwaso by the provincial"
        " court, which had sat behind closed doors the previous afternoon."
    )
    assert _window(text, EventType.SENTENCE, same, before) == (date(2025, 4, 12), date(2025, 4, 12))


def test_a_date_of_the_main_clause_does_not_date_the_order_of_its_after_clause() -> None:
    doc = make(
        "Report\n\nInspection teams have been going through markets in Wonsan since early this month, after "
        "the Central Committee ordered a push against private trade, a source said.\n\n"
        "The directive, dated May 27, told provincial committees to stamp out private transport."
    )
    add_date(doc, "early this month", "2023-06", date(2023, 6, 1), date(2023, 6, 10))
    add_date(doc, "May 27", "2023-05-27", date(2023, 5, 27))
    directive = by_type(events_of(doc), EventType.DIRECTIVE)
    assert directive.date is not None
    assert (directive.date.earliest, directive.date.latest) == (date(2023, 5, 27), date(2023, 5, 27))


def test_a_date_before_an_after_phrase_set_off_by_commas_dates_the_main_act() -> None:
    may3 = ("May 3", "2023-05-03", date(2023, 5, 3), date(2023, 5, 3))
    text = "On May 3, after a tip-off from a neighbour, police arrested a woman in Hyesan."
    assert _window(text, EventType.ARREST, may3) == (date(2023, 5, 3), date(2023, 5, 3))


_MAY_7 = ("May 7", "2023-05-07", date(2023, 5, 7), date(2023, 5, 7))


def test_a_date_in_an_after_clause_told_after_the_act_is_that_clauses() -> None:
    # the curfew came after the leaflets; the date is the leaflets'
    text = (
        "Haeju was placed under a night curfew after hand-written leaflets turned up near the station "
        "on May 7, a source said."
    )
    window = _window(text, EventType.MOVEMENT_RESTRICTION, _MAY_7)
    assert window != (date(2023, 5, 7), date(2023, 5, 7))


def test_an_act_placed_weeks_after_another_does_not_take_its_date() -> None:
    text = (
        "A riverside neighbourhood of Sinuiju has been under full lockdown since May 20, with residents "
        "forbidden to leave their homes, a trader said.\n\n"
        "The lockdown comes weeks after Chinese police handed five North Koreans over to border guards at "
        "the Friendship Bridge on April 30."
    )
    may_20 = ("May 20", "2023-05-20", date(2023, 5, 20), date(2023, 5, 20))
    april_30 = ("April 30", "2023-04-30", date(2023, 4, 30), date(2023, 4, 30))
    assert _window(text, EventType.MOVEMENT_RESTRICTION, may_20, april_30) == (date(2023, 5, 20), PUBLISHED)


def test_an_after_phrase_without_its_own_verb_leaves_the_date_to_the_act() -> None:
    text = "Police arrested the trader after a tip-off from a neighbour on May 7, a source said."
    assert _window(text, EventType.ARREST, _MAY_7) == (date(2023, 5, 7), date(2023, 5, 7))


def test_a_date_in_a_relative_clause_after_the_act_is_that_clauses() -> None:
    jan_2019 = ("2019", "2019", date(2019, 1, 1), date(2019, 12, 31))
    text = (
        "A depot manager was arrested in March. Kang was held for seven weeks at the prosecutor's "
        "facility, where he was questioned about every sack that had left the depot since 2019."
    )
    window = _window(text, EventType.DETENTION, _MARCH, jan_2019)
    assert window is not None and window[0] == date(2023, 3, 1)


def test_a_date_in_a_that_clause_in_the_perfect_after_the_act_is_that_clauses() -> None:
    text = (
        "Police raided the harbour in March. A boat owner in Haeju has been sent to a labour brigade for "
        "defying a ban that has kept most boats tied up since January, a source said."
    )
    assert _window(text, EventType.SENTENCE, _MARCH, _JAN) == (date(2023, 3, 1), PUBLISHED)


def _january_is(check: Callable[[Doc, Timex, tuple[int, int]], bool], text: str, trigger: str) -> bool:
    """What ``check`` says of "January" in ``text`` for the act whose trigger is ``trigger``."""
    doc = make("Report\n\n" + text)
    jan = add_date(doc, *_JAN)
    start = doc.text.index(trigger)
    return check(doc, jan, (start, start + len(trigger)))


def _in_relative(doc: Doc, timex: Timex, match: tuple[int, int]) -> bool:
    return in_relative_clause(doc, 0, timex, match)


# (check, text, trigger, expected): which clause "January" is in, for the act at the trigger
# fmt: off
CLAUSES: list[tuple[Callable[[Doc, Timex, tuple[int, int]], bool], str, str, bool]] = [
    # a campaign in a relative clause after the act, its subject before its perfect
    (in_other_clause, "The students were caught during a bag inspection, part of a crackdown that a Group 109 "
     "unit has been carrying out at the schools since January.", "were caught", True),
    (in_other_clause, "The students were caught during a bag inspection at the schools in January.", "were caught",
     False),
    # what officials read out has its own date
    (in_other_clause, "The lectures, held in factory halls, were given by officials, who read out a new "
     "instruction dated January 9.", "lectures, held in", True),
    # a relative clause between commas tells of the person
    (_in_relative, "Hwang, who moved to Kanggye for his job in January, is still being held by the city police.",
     "still being held", True),
    (_in_relative, "Women who were sent back in January were held at the holding centre.", "were held", False),
    # the return of the people sentenced
    (in_other_clause, "A court sentenced five women who were sent back from China in January to five years.",
     "sentenced", True),
    (in_other_clause, "A court sentenced five women in January to five years.", "sentenced", False),
    # what an act follows
    (in_later_after_clause, "The mobilisation follows an order from the ministry, handed down in January.",
     "mobilisation", True),
    (in_later_after_clause, "The mobilisation follows in January.", "mobilisation", False),
]
# fmt: on


@pytest.mark.parametrize(("check", "text", "trigger", "expected"), CLAUSES)
def test_which_clause_a_date_is_in(
    check: Callable[[Doc, Timex, tuple[int, int]], bool], text: str, trigger: str, expected: bool
) -> None:
    assert _january_is(check, text, trigger) is expected


def test_a_date_of_a_person_between_commas_does_not_date_the_holding() -> None:
    text = "Hwang, who moved to Kanggye for his job in January, is still being held by the city police."
    assert _window(text, EventType.DETENTION, _JAN) != (date(2023, 1, 1), date(2023, 1, 31))


def test_of_two_like_acts_in_a_sentence_the_dated_clause_is_the_event() -> None:
    jan2 = ("Jan. 2", "2023-01-02", date(2023, 1, 2), date(2023, 1, 2))
    text = (
        "People caught walking around the posts are fined on the spot; "
        "about 20 people were fined at one post on Jan. 2."
    )
    assert _window(text, EventType.SENTENCE, jan2) == (date(2023, 1, 2), date(2023, 1, 2))


def test_a_date_in_an_until_clause_after_the_act_is_when_what_followed_ended() -> None:
    that_day = ("that day", "2023-06-08", date(2023, 6, 8), date(2023, 6, 8))
    next_morning = ("the next morning", "2023-06-09TMO", date(2023, 6, 9), date(2023, 6, 9))
    text = (
        "Three women who argued with the inspectors that day were taken to the police station and held "
        "until their husbands came for them the next morning."
    )
    assert _window(text, EventType.ARREST, that_day, next_morning) == (date(2023, 6, 8), date(2023, 6, 8))


def test_until_dark_does_not_hide_the_month_after_it() -> None:
    july = ("July", "2023-07", date(2023, 7, 1), date(2023, 7, 31))
    text = "Women prisoners were made to break stones in a quarry from dawn until dark in July."
    assert _window(text, EventType.FORCED_LABOR, july) == (date(2023, 7, 1), date(2023, 7, 31))


def test_a_date_before_another_subject_s_clause_is_not_that_clause_s_act() -> None:
    week = ("last week", "2023-W23", date(2023, 6, 5), date(2023, 6, 11))
    text = (
        "The manager was executed by firing squad last week for selling state rice, and his deputy died in "
        "custody after repeated beatings."
    )
    assert _window(text, EventType.ILL_TREATMENT, week) != (date(2023, 6, 5), date(2023, 6, 11))
    assert _window(text, EventType.EXECUTION, week) == (date(2023, 6, 5), date(2023, 6, 11))
