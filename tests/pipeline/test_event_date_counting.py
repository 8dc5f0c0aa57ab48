"""Dates counted before a named day, from "the holiday" told before, "the following Monday", and how long
an act lasted (:mod:`kirok.pipeline.event_date_offsets`, :mod:`kirok.pipeline.event_dates`)."""

from __future__ import annotations

from datetime import date

from kirok.model import EventType, TimeWindow
from kirok.pipeline.doc import Timex

from .event_docs import add_date, add_duration, by_type, events_of, make


def _window(window: TimeWindow | None) -> tuple[date, date]:
    assert window is not None and window.earliest is not None and window.latest is not None
    return window.earliest, window.latest


def test_a_distance_before_a_named_day_counts_back_from_it() -> None:
    text = (
        "Report\n\n"
        "A trader was executed in Hyesan a week before the Harvest Moon Day, after a public trial, "
        "a source said."
    )
    doc = make(text)
    add_duration(doc, "a week", "P1W")
    add_date(doc, "Harvest Moon Day", "2023-05-20", date(2023, 5, 20))
    execution = by_type(events_of(doc), EventType.EXECUTION)
    assert _window(execution.date) == (date(2023, 5, 13), date(2023, 5, 13))


def test_the_week_before_a_named_day_is_the_seven_days_before_it() -> None:
    text = "Report\n\nPolice raided the market in Hyesan in the week before Founders Day, a source said."
    doc = make(text)
    add_date(doc, "Founders Day", "2023-05-20", date(2023, 5, 20))
    raid = by_type(events_of(doc), EventType.CRACKDOWN)
    assert _window(raid.date) == (date(2023, 5, 13), date(2023, 5, 19))


def test_a_fortnight_after_a_named_day() -> None:
    text = "Report\n\nChina sent nine women back to Hyesan a fortnight after Founders Day, a source said."
    doc = make(text)
    add_duration(doc, "a fortnight", "P2W")
    add_date(doc, "Founders Day", "2023-05-20", date(2023, 5, 20))
    handover = by_type(events_of(doc), EventType.FORCED_REPATRIATION)
    assert _window(handover.date) == (date(2023, 6, 3), date(2023, 6, 3))


def test_the_eve_of_the_holiday_told_before_is_the_day_before_it() -> None:
    text = (
        "Report\n\n"
        "Traders in Hyesan sold little before Founders Day, a source said. "
        "On the eve of the holiday, two sellers were arrested at the market."
    )
    doc = make(text)
    add_date(doc, "Founders Day", "2023-05-20", date(2023, 5, 20))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert _window(arrest.date) == (date(2023, 5, 19), date(2023, 5, 19))


def test_the_eve_of_a_named_day_counts_back_from_it_though_an_act_follows() -> None:
    text = "Report\n\nA worker in Musan died on the eve of Founders Day after guards beat him, a source said."
    doc = make(text)
    add_date(doc, "Founders Day", "2023-05-20", date(2023, 5, 20))
    death = by_type(events_of(doc), EventType.ILL_TREATMENT)
    assert _window(death.date) == (date(2023, 5, 19), date(2023, 5, 19))


def test_a_date_a_distance_before_an_act_dates_that_act_after_it() -> None:
    text = (
        "Report\n\n"
        "The order came down on May 2, three days before police raided the market in Hyesan, "
        "a source said."
    )
    doc = make(text)
    add_date(doc, "May 2", "2023-05-02", date(2023, 5, 2))
    add_duration(doc, "three days", "P3D")
    raid = by_type(events_of(doc), EventType.CRACKDOWN)
    assert _window(raid.date) == (date(2023, 5, 5), date(2023, 5, 5))


def test_a_counted_date_moves_the_story_time_on() -> None:
    text = (
        "Report\n\n"
        "Police arrested a trader in Hyesan on May 2, a source said. "
        "Four days after the arrest he was moved to the provincial holding centre. "
        "He was beaten there every night."
    )
    doc = make(text)
    add_date(doc, "May 2", "2023-05-02", date(2023, 5, 2))
    add_duration(doc, "Four days", "P4D")
    beaten = by_type(events_of(doc), EventType.ILL_TREATMENT)
    assert beaten.date is not None and beaten.date.earliest == date(2023, 5, 6)


def test_the_following_weekday_is_counted_from_the_story_time() -> None:
    text = (
        "Report\n\n"
        "Police raided the market in Hyesan on Thursday, May 4, a source said. "
        "The following Monday, the traders were arrested."
    )
    doc = make(text)
    add_date(doc, "Thursday, May 4", "2023-05-04", date(2023, 5, 4))
    # the tagger reads the weekday alone, the most recent one before publication
    add_date(doc, "Monday", "2023-06-12", date(2023, 6, 12))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert _window(arrest.date) == (date(2023, 5, 8), date(2023, 5, 8))


def test_how_long_an_act_lasted_ends_its_window() -> None:
    text = (
        "Report\n\n"
        "A woman was stopped at a checkpoint outside Hyesan on May 4, a source said. "
        "She was held at the police station for four days."
    )
    doc = make(text)
    add_date(doc, "May 4", "2023-05-04", date(2023, 5, 4))
    add_duration(doc, "four days", "P4D")
    held = by_type(events_of(doc), EventType.DETENTION)
    assert _window(held.date) == (date(2023, 5, 4), date(2023, 5, 8))


def test_days_spent_in_a_cell_end_its_window() -> None:
    text = (
        "Report\n\n"
        "A driver was stopped at a checkpoint outside Hyesan on May 4, a source said. "
        "He spent ten days in the holding cells of the police station."
    )
    doc = make(text)
    add_date(doc, "May 4", "2023-05-04", date(2023, 5, 4))
    add_duration(doc, "ten days", "P10D")
    held = by_type(events_of(doc), EventType.DETENTION)
    assert _window(held.date) == (date(2023, 5, 4), date(2023, 5, 14))


def test_a_hedged_length_ends_the_window_a_tenth_past_it() -> None:
    # annotators end "about two weeks" a little past them, not at publication
    text = (
        "Report\n\n"
        "A woman was stopped at a checkpoint outside Hyesan on May 4, a source said. "
        "She was held at the police station for about two weeks."
    )
    doc = make(text)
    add_date(doc, "May 4", "2023-05-04", date(2023, 5, 4))
    add_duration(doc, "about two weeks", "P2W")
    held = by_type(events_of(doc), EventType.DETENTION)
    assert _window(held.date) == (date(2023, 5, 4), date(2023, 5, 20))


def test_an_act_told_for_a_month_still_running_ends_at_publication() -> None:
    text = "Report\n\nResidents of Hoeryong were made to dig trenches by the river this month, a source said."
    doc = make(text, published=date(2020, 8, 27))
    add_date(doc, "this month", "2020-08", date(2020, 8, 1), date(2020, 8, 31))
    dug = by_type(events_of(doc), EventType.FORCED_LABOR)
    assert _window(dug.date) == (date(2020, 8, 1), date(2020, 8, 27))
    assert "date: cut at the publication date, by which it had happened" in dug.reasons


def test_a_distance_counts_from_a_backstory_act_when_it_is_the_only_one_of_its_kind() -> None:
    text = (
        "Report\n\n"
        "A family was sent to a prison camp late last month. "
        "The mother had been arrested in early November after a neighbour reported her. "
        "Her husband and children were taken in a week after her arrest."
    )
    doc = make(text, published=date(2025, 2, 11))
    add_date(doc, "late last month", "2025-01", date(2025, 1, 21), date(2025, 1, 31))
    add_date(doc, "early November", "2024-11", date(2024, 11, 1), date(2024, 11, 10))
    add_duration(doc, "a week", "P1W")
    taken = [e for e in events_of(doc) if e.type is EventType.ARREST][-1]
    assert _window(taken.date) == (date(2024, 11, 8), date(2024, 11, 17))


def test_the_following_day_after_a_wider_date_is_its_days_one_on() -> None:
    text = (
        "Report\n\n"
        "The mother had been arrested in early November after a neighbour reported her. "
        "Agents searched the flat the following day."
    )
    doc = make(text, published=date(2025, 2, 11))
    add_date(doc, "early November", "2024-11", date(2024, 11, 1), date(2024, 11, 10))
    start = text.index("the following day")
    doc.timexes = sorted(
        [
            *doc.timexes,
            Timex(start, start + len("the following day"), "the following day", "DATE", "2024-11-XX"),
        ],
        key=lambda t: t.start,
    )
    searched = by_type(events_of(doc), EventType.CRACKDOWN)
    assert _window(searched.date) == (date(2024, 11, 2), date(2024, 11, 11))


def test_the_following_day_after_an_act_in_a_state_going_on_counts_from_the_act() -> None:
    doc = make(
        "Report\n\nA woman from Anju was caught selling clothes at a market in Pyongyang, a source said.\n\n"
        "She was stopped on June 8 during an inspection that officers have carried out since the start of "
        "the month. She was fined 300,000 won the following day and sent home."
    )
    add_date(doc, "June 8", "2023-06-08", date(2023, 6, 8))
    add_date(doc, "the start of the month", "2023-06", date(2023, 6, 1), date(2023, 6, 10))
    start = doc.text.index("the following day")
    doc.timexes = sorted(
        [*doc.timexes, Timex(start, start + 17, "the following day", "DATE", "XXXX-XX-XX", None)],
        key=lambda t: t.start,
    )
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert sentence.date is not None and (sentence.date.earliest, sentence.date.latest) == (
        date(2023, 6, 9),
        date(2023, 6, 9),
    )


def test_a_ledes_distance_counts_on_from_the_date_the_body_gives_what_it_counts_from() -> None:
    doc = make(
        "Report\n\nA soldier who walked away from his unit in Kilju was caught four days later at a "
        "relative's house in Kimchaek, a source said.\n\n"
        "He slipped out of the barracks on the night of June 5."
    )
    add_date(doc, "the night of June 5", "2023-06-05TNI", date(2023, 6, 5))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert arrest.date is not None and (arrest.date.earliest, arrest.date.latest) == (
        date(2023, 6, 9),
        date(2023, 6, 9),
    )
    assert any("four days later" in r for r in arrest.reasons)


def test_yesterday_counts_from_the_day_the_source_told_it() -> None:
    doc = make(
        "Report\n\nA factory worker in Kaesong was taken in for questioning, a source told the outlet on "
        'Friday.\n\nShe was taken away from her sewing machine "the day before yesterday", the source said.'
    )
    add_date(doc, "Friday", "2023-06-09", date(2023, 6, 9))
    add_date(doc, "the day before yesterday", "2023-06-13", date(2023, 6, 13))  # as the tagger counts it
    arrests = [e for e in events_of(doc) if e.type is EventType.ARREST]
    assert arrests and all(e.date is not None and e.date.earliest == date(2023, 6, 7) for e in arrests)


def test_an_arrest_told_as_well_or_raids_by_their_name_share_the_story_days() -> None:
    doc = make(
        "Report\n\nSecurity agents in Hyesan searched homes over the weekend and hauled off three residents, "
        "a source said.\n\nThe raids, carried out by a team from the city office, went on after dark. "
        "Two men who carried cash for them were detained as well."
    )
    add_date(doc, "the weekend", "2023-W23-WE", date(2023, 6, 10), date(2023, 6, 11))
    windows = {(e.type, e.date.earliest, e.date.latest) for e in events_of(doc) if e.date is not None}
    assert (EventType.CRACKDOWN, date(2023, 6, 10), date(2023, 6, 11)) in windows
    assert all(latest <= date(2023, 6, 11) for t, _, latest in windows if t is EventType.ARREST)


def test_the_next_night_the_tagger_could_not_count_is_the_day_after_the_story_time() -> None:
    # "earlier this month" dates the order the lectures followed, so the tagger has no day to count from
    text = (
        "Report\n\nWorkers were made to sit through lectures on Saturday, a source said.\n\n"
        "The lectures followed an order the party Central Committee issued earlier this month.\n\n"
        "Speakers read out the law on reactionary thought and culture.\n\n"
        "The next night, an inspection group went from flat to flat, checking televisions."
    )
    doc = make(text, published=date(2022, 2, 16))
    add_date(doc, "Saturday", "2022-02-12", date(2022, 2, 12))
    add_date(doc, "earlier this month", "2022-02", date(2022, 2, 1), date(2022, 2, 15))
    start = text.index("The next night")
    doc.timexes = sorted(
        [*doc.timexes, Timex(start, start + 14, "The next night", "TIME", "2022-02-XXTNI", None)],
        key=lambda t: t.start,
    )
    searched = by_type(events_of(doc), EventType.CRACKDOWN)
    assert _window(searched.date) == (date(2022, 2, 13), date(2022, 2, 13))
