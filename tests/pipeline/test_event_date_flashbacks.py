"""Dates around looks back and scenes: the past perfect never moves the story's time back, a relative
clause in the past perfect keeps its date, a death in custody ends the holding, a capture ends a tried
escape, an order's date is not that of the meeting it calls for, "days after" an act."""

from __future__ import annotations

from datetime import date

from kirok.model import DateResolution, EventType, TimeWindow
from kirok.pipeline.doc import Doc, Timex

from .event_docs import add_date, events_of, make


def _windows(doc: Doc, type_: EventType) -> list[tuple[date | None, date | None]]:
    return [
        (e.date.earliest, e.date.latest) if e.date else (None, None)
        for e in events_of(doc)
        if e.type is type_
    ]


def test_a_look_back_in_the_past_perfect_does_not_move_the_story_back() -> None:
    doc = make(
        "Report\n\nA primary school teacher in Musan was arrested at his home on June 3.\n\n"
        "An informant for the security ministry had reported him to the police in May, a source said.\n\n"
        "He was held in the county security department's cells."
    )
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    add_date(doc, "May", "2023-05", date(2023, 5, 1), date(2023, 5, 31))
    assert _windows(doc, EventType.DETENTION) == [(date(2023, 6, 3), PUBLISHED_DAY)]


def test_since_then_skips_a_look_back_told_in_between() -> None:
    doc = make(
        "Report\n\nSecurity agents arrested a noodle seller at her home on June 5.\n\n"
        "For the whole previous week, a detection van had been parked in her street.\n\n"
        "She has been held since then at the provincial detention centre."
    )
    add_date(doc, "June 5", "2023-06-05", date(2023, 6, 5))
    add_date(doc, "the whole previous week", "2023-W22", date(2023, 5, 29), date(2023, 6, 4))
    assert _windows(doc, EventType.DETENTION) == [(date(2023, 6, 5), PUBLISHED_DAY)]


def test_a_date_in_a_relative_clause_in_the_past_perfect_is_not_the_acts() -> None:
    doc = make(
        "Report\n\nA driver who had been sent back from China three years ago was arrested by security "
        "agents, a source said.\n\nHe was taken from his flat in the city on June 2."
    )
    add_date(doc, "three years ago", "2020", date(2020, 1, 1), date(2020, 12, 31))
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    assert (date(2020, 1, 1), date(2020, 12, 31)) not in _windows(doc, EventType.ARREST)
    assert (date(2023, 6, 2), date(2023, 6, 2)) in _windows(doc, EventType.ARREST)


def test_a_death_in_custody_told_in_the_lede_ends_the_holding_the_body_tells() -> None:
    doc = make(
        "Report\n\nA miner in Musan died earlier this month after being beaten by interrogators, a "
        "source said.\n\n"
        "The miner had been arrested on May 20 for selling copper wire.\n\n"
        "He was held at the county police station for about three weeks.\n\n"
        "He died on June 8, and his body was handed to his family."
    )
    add_date(doc, "earlier this month", "2023-06", date(2023, 6, 1), date(2023, 6, 14))
    add_date(doc, "May 20", "2023-05-20", date(2023, 5, 20))
    add_date(doc, "June 8", "2023-06-08", date(2023, 6, 8))
    assert (date(2023, 6, 8), date(2023, 6, 8)) in _windows(doc, EventType.ILL_TREATMENT)
    assert _windows(doc, EventType.DETENTION) == [(date(2023, 5, 20), date(2023, 6, 8))]


def test_a_beating_told_with_another_death_in_another_clause_ends_no_holding() -> None:
    doc = make(
        "Report\n\nA miner in Musan was arrested on May 20.\n\n"
        "His cellmate died last week, and guards beat the miner on June 2.\n\n"
        "He was held at the county police station."
    )
    add_date(doc, "May 20", "2023-05-20", date(2023, 5, 20))
    add_date(doc, "last week", "2023-W23", date(2023, 6, 5), date(2023, 6, 11))
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    assert _windows(doc, EventType.DETENTION) == [(date(2023, 6, 2), PUBLISHED_DAY)]


def test_a_capture_told_right_after_a_tried_escape_happened_that_day() -> None:
    doc = make(
        "Report\n\nOn the night of June 4, three fishermen tried to sail south across the sea border.\n\n"
        "A patrol boat intercepted them some 6 km out."
    )
    add_date(doc, "the night of June 4", "2023-06-04TNI", date(2023, 6, 4))
    assert _windows(doc, EventType.ARREST) == [(date(2023, 6, 4), date(2023, 6, 4))]


def test_a_capture_after_an_escape_that_was_not_only_tried_stays_open() -> None:
    doc = make(
        "Report\n\nOn June 4, three fishermen sailed south across the sea border.\n\n"
        "A patrol boat intercepted them some 6 km out."
    )
    add_date(doc, "June 4", "2023-06-04", date(2023, 6, 4))
    assert _windows(doc, EventType.ARREST) == [(date(2023, 6, 4), PUBLISHED_DAY)]


def test_days_after_an_act_are_counted_from_it() -> None:
    doc = make(
        "Report\n\nOn May 10, a smuggler was shot at the riverside after a public trial.\n\n"
        "Days after the execution, his wife and children were banished to a mountain village."
    )
    add_date(doc, "May 10", "2023-05-10", date(2023, 5, 10))
    # "days after": within the week after it ("two weeks after" would say so)
    assert _windows(doc, EventType.SENTENCE) == [(date(2023, 5, 11), date(2023, 5, 17))]


PUBLISHED_DAY = date(2023, 6, 15)


def test_a_meeting_an_order_calls_for_does_not_take_the_orders_date() -> None:
    doc = make(
        "Report\n\nFactory workers in Musan were called to a lecture at the end of May, a source said.\n\n"
        "The text, dated May 2, orders every workplace to hold the lecture twice.\n\n"
        "Two workers were taken away by security agents the day after the second session."
    )
    add_date(doc, "the end of May", "2023-05", date(2023, 5, 21), date(2023, 5, 31))
    add_date(doc, "May 2", "2023-05-02", date(2023, 5, 2))
    assert (date(2023, 5, 2), date(2023, 5, 2)) not in _windows(doc, EventType.MEETING)
    assert _windows(doc, EventType.ARREST) == [(date(2023, 5, 22), date(2023, 6, 1))]


def test_a_past_perfect_told_after_an_act_of_one_day_ends_on_that_day() -> None:
    doc = make(
        "Report\n\nThree residents were taken from their homes in Hyesan on Thursday, a source said. "
        "Agents had been watching the block with a detection van for most of the week."
    )
    add_date(doc, "Thursday", "2023-06-08", date(2023, 6, 8))
    add_date(doc, "the week", "2023-W23", date(2023, 6, 5), date(2023, 6, 11))
    (surveillance,) = _windows(doc, EventType.SURVEILLANCE)
    assert surveillance == (date(2023, 6, 5), date(2023, 6, 8))


def test_a_past_perfect_of_a_relative_clause_or_with_its_own_bound_is_not_cut() -> None:
    doc = make(
        "Report\n\nThree residents were taken from their homes in Hyesan on Thursday, a source said. "
        "Agents who had been watching the block kept them under surveillance for the week."
    )
    add_date(doc, "Thursday", "2023-06-08", date(2023, 6, 8))
    add_date(doc, "the week", "2023-W23", date(2023, 6, 5), date(2023, 6, 11))
    assert _windows(doc, EventType.SURVEILLANCE) == [(date(2023, 6, 5), date(2023, 6, 11))]


def test_the_next_day_after_an_order_the_raid_followed_counts_from_the_raid() -> None:
    doc = make(
        "Report\n\nPolice raided the market in Musan on June 6, a source said.\n\n"
        "The raid followed an order from the Central Committee in the first week of June. "
        "The order has been passed down through the provincial committees.\n\n"
        "Two traders were taken to the police station and released the next day after paying fines "
        "of 300,000 won each."
    )
    add_date(doc, "June 6", "2023-06-06", date(2023, 6, 6))
    add_date(doc, "the first week of June", "2023-W22", date(2023, 6, 1), date(2023, 6, 7))
    start = doc.text.index("the next day")  # as the tagger leaves it, unable to count from a week
    uncounted = Timex(start, start + len("the next day"), "the next day", "DATE", "XXXX-XX-XX", None)
    doc.timexes = sorted([*doc.timexes, uncounted], key=lambda t: t.start)
    assert _windows(doc, EventType.SENTENCE) == [(date(2023, 6, 7), date(2023, 6, 7))]


def test_the_same_day_after_a_look_back_in_the_past_perfect_is_the_storys_day() -> None:
    doc = make(
        "Report\n\nChinese police handed seven people back at the Namyang bridge on June 8, a source said. "
        "Most of them had waded across the river this spring.\n\n"
        "On the same day they were marched to the county state security holding centre, where they are "
        "still being interrogated."
    )
    add_date(doc, "June 8", "2023-06-08", date(2023, 6, 8))
    add_date(doc, "this spring", "2023-SP", date(2023, 3, 1), date(2023, 5, 31))
    start = doc.text.index("the same day")  # as the tagger reads it: the season named last
    window = TimeWindow(
        earliest=date(2023, 3, 1), latest=date(2023, 5, 31), resolution=DateResolution.RELATIVE
    )
    same = Timex(start, start + len("the same day"), "the same day", "DATE", "2023-XX-XX", window)
    doc.timexes = sorted([*doc.timexes, same], key=lambda t: t.start)
    assert _windows(doc, EventType.DETENTION) == [(date(2023, 6, 8), date(2023, 6, 8))]


def test_an_act_in_an_after_clause_does_not_move_the_story_back() -> None:
    doc = make(
        "Report\n\nFour fishermen were caught taking a boat out in Haeju on June 10, a source said. "
        "The boat ban was imposed after a family of five slipped away to the South in a wooden boat in "
        "mid-May.\n\n"
        "The four men were sentenced three days later to six months in a labour-training brigade."
    )
    add_date(doc, "June 10", "2023-06-10", date(2023, 6, 10))
    add_date(doc, "mid-May", "2023-05", date(2023, 5, 11), date(2023, 5, 20))
    assert _windows(doc, EventType.SENTENCE) == [(date(2023, 6, 13), date(2023, 6, 13))]
