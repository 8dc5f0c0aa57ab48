"""Dates told as a distance from another act or day (:mod:`kirok.pipeline.event_date_offsets`)."""

from __future__ import annotations

from datetime import date

import pytest

from kirok.model import DateResolution, EventType, TimeWindow
from kirok.pipeline.doc import Timex
from kirok.pipeline.event_date_offsets import find_offset

from .event_docs import EVENTS, PUBLISHED, add_date, add_duration, by_type, events_of, make


def _window(window: TimeWindow | None) -> tuple[date, date]:
    assert window is not None and window.earliest is not None and window.latest is not None
    return window.earliest, window.latest


def test_a_number_of_days_after_a_dated_act_moves_its_window() -> None:
    text = (
        "Report\n\n"
        "Police raided the market in Hyesan on June 2, a source said. "
        "Five traders were sentenced to a labour-training brigade two days after the raid."
    )
    doc = make(text)
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert _window(sentence.date) == (date(2023, 6, 4), date(2023, 6, 4))
    assert any("counted from" in r for r in sentence.reasons)


def test_the_day_before_he_died_counts_back_from_the_death() -> None:
    text = (
        "Report\n\n"
        "A man died in the holding centre of the city security department on Sunday, a source said. "
        "Guards at the centre beat him with a wooden club the day before he died."
    )
    doc = make(text, published=date(2019, 11, 27))
    add_date(doc, "Sunday", "2019-11-24", date(2019, 11, 24))
    beating = next(
        e for e in events_of(doc) if e.type is EventType.ILL_TREATMENT and "club" in e.evidence[0].text
    )
    assert _window(beating.date) == (date(2019, 11, 23), date(2019, 11, 23))


def test_a_day_counted_by_a_round_distance_gives_way_to_the_day_named_later() -> None:
    text = (
        "Report\n\n"
        "A man died in custody on Sunday, three weeks after he was caught stealing cable, a source said. "
        "The man was arrested on the 2nd of this month at the steel works."
    )
    doc = make(text, published=date(2019, 11, 27))
    add_date(doc, "Sunday", "2019-11-24", date(2019, 11, 24))
    add_date(doc, "the 2nd of this month", "2019-11-02", date(2019, 11, 2))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert _window(arrest.date) == (date(2019, 11, 2), date(2019, 11, 2))
    assert len(arrest.evidence) == 2


def test_the_eve_of_the_holiday_counts_back_from_a_leaders_birthday() -> None:
    text = (
        "Report\n\n"
        "Inminban heads in Anju have had to report on residents since Kim Il Sung's birthday in April. "
        "The order was given at a meeting of all inminban heads in the city on the eve of the holiday."
    )
    doc = make(text, published=date(2025, 6, 8))
    add_date(doc, "Kim Il Sung's birthday", "2025-04-15", date(2025, 4, 15))
    meeting = by_type(events_of(doc), EventType.MEETING)
    assert _window(meeting.date) == (date(2025, 4, 14), date(2025, 4, 14))


def test_a_holiday_named_again_after_the_distance_is_not_the_acts_date() -> None:
    text = (
        "Report\n\n"
        "Lectures were held at every factory the day before the Day of the Shining Star, Kim Jong Il's "
        "birthday, a source said."
    )
    doc = make(text, published=date(2021, 3, 5))
    add_date(doc, "Day of the Shining Star", "2021-02-16", date(2021, 2, 16))
    add_date(doc, "Kim Jong Il's birthday", "2021-02-16", date(2021, 2, 16))
    meeting = by_type(events_of(doc), EventType.MEETING)
    assert _window(meeting.date) == (date(2021, 2, 15), date(2021, 2, 15))


def test_a_day_named_after_a_distance_from_an_act_is_the_acts_own() -> None:
    text = (
        "Report\n\n"
        "Police searched homes in Chongjin on the 3rd, a source said. "
        "Two days before the sweep, last Thursday, the district committee had called a meeting of parents."
    )
    doc = make(text, published=date(2024, 2, 8))
    add_date(doc, "the 3rd", "2024-02-03", date(2024, 2, 3))
    add_date(doc, "last Thursday", "2024-02-01", date(2024, 2, 1))
    meeting = by_type(events_of(doc), EventType.MEETING)
    assert _window(meeting.date) == (date(2024, 2, 1), date(2024, 2, 1))


def test_within_days_of_an_act_counts_on_from_it() -> None:
    text = (
        "Report\n\n"
        "Two men crossed the Tumen River near Musan on June 3, a source said. "
        "Within a week of the crossing, police arrested their brother."
    )
    doc = make(text, published=date(2023, 6, 20))
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert _window(arrest.date) == (date(2023, 6, 3), date(2023, 6, 10))


def test_later_after_a_look_back_counts_from_the_look_back() -> None:
    text = (
        "Report\n\n"
        "A woman was sentenced to five years at the Hyesan court on Tuesday, a source said.\n\n"
        "She had been picked up by Chinese police in early March. Three weeks later she was driven across "
        "the bridge and handed to the state security department."
    )
    doc = make(text, published=date(2019, 6, 14))
    add_date(doc, "Tuesday", "2019-06-11", date(2019, 6, 11))
    add_date(doc, "early March", "2019-03", date(2019, 3, 1), date(2019, 3, 10))
    handover = by_type(events_of(doc), EventType.FORCED_REPATRIATION)
    assert _window(handover.date) == (date(2019, 3, 22), date(2019, 3, 31))


def test_about_a_month_after_an_act_told_later_is_a_wide_window() -> None:
    text = (
        "Report\n\n"
        "A trader died in a police cell about a month after his arrest, a source said. "
        "He was arrested on April 10 at his home."
    )
    doc = make(text)
    add_date(doc, "April 10", "2023-04-10", date(2023, 4, 10))
    death = by_type(events_of(doc), EventType.ILL_TREATMENT)
    # four fifths to five quarters of thirty days after the arrest
    assert _window(death.date) == (date(2023, 5, 4), date(2023, 5, 18))


def test_more_than_a_distance_is_open_to_publication() -> None:
    text = (
        "Report\n\n"
        "Police raided the market in Hyesan on May 2, a source said. "
        "The traders were sentenced to a labour-training brigade more than three weeks after the raid."
    )
    doc = make(text)
    add_date(doc, "May 2", "2023-05-02", date(2023, 5, 2))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert _window(sentence.date) == (date(2023, 5, 23), date(2023, 6, 15))


def test_shortly_after_a_named_day_is_not_that_day() -> None:
    text = "Report\n\nThe man was arrested shortly after the national holiday (May 1), a source said."
    doc = make(text)
    add_date(doc, "May 1", "2023-05-01", date(2023, 5, 1))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert _window(arrest.date) == (date(2023, 5, 2), date(2023, 5, 22))


def test_the_act_counted_from_is_not_moved() -> None:
    text = "Report\n\nHe was beaten in custody about a month after his arrest on April 10, a source said."
    doc = make(text)
    add_date(doc, "April 10", "2023-04-10", date(2023, 4, 10))
    events = events_of(doc)
    arrest = by_type(events, EventType.ARREST)
    assert _window(arrest.date) == (date(2023, 4, 10), date(2023, 4, 10))


def test_another_clause_is_not_dated_by_the_distance() -> None:
    text = (
        "Report\n\n"
        "Police raided the market in Hyesan on June 2, a source said. "
        "Five traders were fined two days after the raid, while four others were arrested."
    )
    doc = make(text)
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert not any("counted from" in r for r in arrest.reasons)


@pytest.mark.parametrize(
    ("words", "least", "most"),
    [
        ("two days after the raid", 2, 2),
        ("a week after the raid", 7, 7),
        ("about a week after the raid", 5, 9),
        ("nearly two weeks after the raid", 10, 14),
        ("within three days after the raid", 0, 3),
        ("a few days after the raid", 2, 5),
        ("several days after the raid", 3, 9),
        ("a month after the raid", 28, 31),
        ("more than 10 days after the raid", 10, None),
        ("soon after the raid", 1, 21),
    ],
)
def test_distances(words: str, least: int, most: int | None) -> None:
    doc = make(f"Report\n\nTraders were arrested {words} in the town.")
    (draft,) = [d for d in EVENTS._detect(doc)[0] if d.type is EventType.ARREST]
    found = find_offset(doc, draft)
    assert found is not None
    assert (found.least, found.most) == (least, most)
    assert doc.text[found.ref_start : found.ref_end].startswith("the raid")


def test_the_morning_after_an_act_is_the_next_day() -> None:
    doc = make(
        "Report\n\nA woman crossed the river in early June.\n\n"
        "Her mother was taken in for questioning the morning after she vanished and was held for three days."
    )
    add_date(doc, "early June", "2023-06", date(2023, 6, 1), date(2023, 6, 10))
    events = events_of(doc)
    for type_ in (EventType.ARREST, EventType.DETENTION):
        window = by_type(events, type_).date
        assert window is not None and (window.earliest, window.latest) == (
            date(2023, 6, 2),
            date(2023, 6, 11),
        )


def test_an_act_a_dated_distance_counts_from_lies_that_far_before_the_date() -> None:
    text = (
        "Report\n\n"
        "Police stopped issuing travel permits in Hyesan on June 4, two weeks after a family escaped "
        "across the river."
    )
    doc = make(text)
    add_date(doc, "June 4", "2023-06-04", date(2023, 6, 4))
    events = events_of(doc)
    escape = by_type(events, EventType.ESCAPE)
    assert _window(escape.date) == (date(2023, 5, 21), date(2023, 5, 21))
    assert any("counted back from" in r for r in escape.reasons)
    assert _window(by_type(events, EventType.MOVEMENT_RESTRICTION).date) == (
        date(2023, 6, 4),
        date(2023, 6, 4),
    )


def test_a_hedged_distance_counted_back_is_a_window() -> None:
    text = (
        "Report\n\n"
        "Police stopped issuing travel permits in Hyesan on June 4, about a week after a family escaped "
        "across the river."
    )
    doc = make(text)
    add_date(doc, "June 4", "2023-06-04", date(2023, 6, 4))
    escape = by_type(events_of(doc), EventType.ESCAPE)
    assert _window(escape.date) == (date(2023, 5, 26), date(2023, 5, 30))


def test_for_the_next_weeks_starts_at_the_story_time() -> None:
    doc = make(
        "Report\n\nAgents arrested a woman at her home in Hoeryong on May 2.\n\n"
        "For the next three weeks she was held in the cells of the city security department."
    )
    add_date(doc, "May 2", "2023-05-02", date(2023, 5, 2))
    start = doc.text.index("the next three weeks")
    window = TimeWindow(
        earliest=PUBLISHED,
        latest=date(2023, 7, 6),
        resolution=DateResolution.RELATIVE,
        timex="P3W",
    )
    span = Timex(
        start, start + len("the next three weeks"), "the next three weeks", "DURATION", "P3W", window
    )
    doc.timexes = sorted([*doc.timexes, span], key=lambda t: t.start)
    detention = by_type(events_of(doc), EventType.DETENTION)
    assert detention.date is not None
    assert (detention.date.earliest, detention.date.latest) == (date(2023, 5, 2), date(2023, 5, 23))


def test_days_after_that_count_from_the_act_told_before() -> None:
    doc = make(
        "Report\n\nFour soldiers of the border regiment were arrested on May 26.\n\n"
        "Their commander was banished with his family to a farm two days after that."
    )
    add_date(doc, "May 26", "2023-05-26", date(2023, 5, 26))
    banishment = by_type(events_of(doc), EventType.SENTENCE)
    assert banishment.date is not None
    assert (banishment.date.earliest, banishment.date.latest) == (date(2023, 5, 28), date(2023, 5, 28))


def test_days_later_with_no_date_from_the_tagger_count_from_the_story_time() -> None:
    doc = make(
        "Report\n\nA mine official was executed on May 20, a source said.\n\n"
        "The banishment of his wife to a farm followed three days later."
    )
    add_date(doc, "May 20", "2023-05-20", date(2023, 5, 20))
    banishment = by_type(events_of(doc), EventType.SENTENCE)
    assert banishment.date is not None
    assert (banishment.date.earliest, banishment.date.latest) == (date(2023, 5, 23), date(2023, 5, 23))


def test_just_before_a_named_day_is_within_the_week_before_it() -> None:
    text = (
        "Report\n\n"
        "A factory worker in Kanggye was executed by firing squad just before the Party anniversary on "
        "June 10, a source said.\n\n"
        "A public trial was held on the river bank, and two traders were given 15 years each at the "
        "same trial."
    )
    doc = make(text)
    add_date(doc, "June 10", "2023-06-10", date(2023, 6, 10))
    events = events_of(doc)
    assert _window(by_type(events, EventType.EXECUTION).date) == (date(2023, 6, 3), date(2023, 6, 9))
    # the trial told after it is held in that execution's days
    assert _window(by_type(events, EventType.SENTENCE).date) == (date(2023, 6, 3), date(2023, 6, 9))


def test_ahead_of_a_named_day_is_within_the_two_weeks_before_it() -> None:
    text = (
        "Report\n\n"
        "A source said the man was shot at a riverside field in Chongjin ahead of the Day of the Shining"
        " Star on Feb. 16."
    )
    doc = make(text)
    add_date(doc, "Feb. 16", "2023-02-16", date(2023, 2, 16))
    execution = by_type(events_of(doc), EventType.EXECUTION)
    assert _window(execution.date) == (date(2023, 2, 2), date(2023, 2, 15))


def test_just_before_an_act_is_the_same_scene() -> None:
    text = (
        "Report\n\n"
        "Two men were shot in the Hyesan airfield on June 10, a source said. "
        "Residents were made to watch a public trial held just before the shooting."
    )
    doc = make(text)
    add_date(doc, "June 10", "2023-06-10", date(2023, 6, 10))
    meeting = by_type(events_of(doc), EventType.MEETING)
    assert _window(meeting.date) == (date(2023, 6, 10), date(2023, 6, 10))


def test_a_distance_in_the_first_conjunct_does_not_date_the_second() -> None:
    text = (
        "Report\n\n"
        "A woman was caught at the station just after Chuseok and has been sent to a labour-training "
        "brigade, a source said.\n\n"
        "Ahead of the holiday, the police stepped up checks on travellers at the station.\n\n"
        "She was held in the cells of the district police station while officers looked for her supplier. "
        "Last week, she was sent to a labour-training brigade for one year."
    )
    doc = make(text, published=date(2024, 10, 9))
    add_date(doc, "Chuseok", "2024-09-17", date(2024, 9, 17))
    add_date(doc, "Last week", "2024-W40", date(2024, 9, 30), date(2024, 10, 6))
    events = events_of(doc)
    assert _window(by_type(events, EventType.ARREST).date) == (date(2024, 9, 18), date(2024, 9, 24))
    assert _window(by_type(events, EventType.SENTENCE).date) == (date(2024, 9, 30), date(2024, 10, 6))
    # the custody told undated begins no earlier than the arrest, dated within a week
    assert _window(by_type(events, EventType.DETENTION).date) == (date(2024, 9, 18), date(2024, 10, 6))


def test_the_first_working_day_after_a_holiday_lies_in_the_days_after_it() -> None:
    doc = make(
        "Report\n\nA man was executed in Hoeryong on the first working day after the Chuseok holiday, "
        "a source said."
    )
    add_date(doc, "the Chuseok holiday", "2023-05-19", date(2023, 5, 19))
    execution = by_type(events_of(doc), EventType.EXECUTION)
    assert _window(execution.date) == (date(2023, 5, 20), date(2023, 5, 24))


def test_the_second_day_of_a_holiday_is_one_day_on_from_it() -> None:
    doc = make(
        "Report\n\nWomen were made to haul gravel until Chuseok, a source said. "
        "On the second day of the holiday, police took her away to a labour-training unit."
    )
    add_date(doc, "Chuseok", "2023-06-05", date(2023, 6, 5))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert _window(arrest.date) == (date(2023, 6, 6), date(2023, 6, 6))


def test_a_week_later_counts_from_the_date_told_before_it_in_the_same_sentence() -> None:
    doc = make(
        "Report\n\nTwo students who went home in mid-May were picked up by campus security the day they "
        "returned and, a week later, handed six months in a labour-training brigade, a source said."
    )
    add_date(doc, "mid-May", "2023-05", date(2023, 5, 11), date(2023, 5, 20))
    sentence, arrest = by_type(events_of(doc), EventType.SENTENCE), by_type(events_of(doc), EventType.ARREST)
    assert _window(sentence.date) == (date(2023, 5, 18), date(2023, 5, 27))
    assert _window(arrest.date) == (date(2023, 5, 11), date(2023, 5, 20))  # told before "a week later"


@pytest.mark.parametrize(
    ("told", "counted"),
    [
        # "the transfer" names the holding it began
        (
            "Three days after the arrest Kang was moved to the detention centre. "
            "A week after the transfer, the court sentenced her to five years.",
            (date(2023, 6, 13), date(2023, 6, 13)),
        ),
        # "the closure" names the lockdown
        (
            "The city was sealed off on June 3. "
            "Two days after the closure, the court sentenced her to five years.",
            (date(2023, 6, 5), date(2023, 6, 5)),
        ),
    ],
)
def test_a_distance_counts_from_the_act_its_noun_names(told: str, counted: tuple[date, date]) -> None:
    text = f"Report\n\nGuards arrested a woman in Musan on June 3, a source said. {told}"
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3), nth=0)
    if "sealed off on June 3" in text:
        add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3), nth=1)
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert _window(sentence.date) == counted


def test_a_week_before_that_counts_back_from_the_story_time() -> None:
    text = (
        "Report\n\n"
        "The captain was arrested at his post on June 8, a source said. "
        "A week before that, the ring's leader had been caught on the riverbank with a sack of goods."
    )
    doc = make(text)
    add_date(doc, "June 8", "2023-06-08", date(2023, 6, 8))
    add_duration(doc, "A week", "P1W")
    arrests = [e for e in events_of(doc) if e.type is EventType.ARREST]
    assert [_window(e.date) for e in arrests] == [
        (date(2023, 6, 8), date(2023, 6, 8)),
        (date(2023, 6, 1), date(2023, 6, 1)),
    ]


def test_an_act_told_between_a_date_and_a_distance_in_its_clause_is_counted_from_that_date() -> None:
    text = (
        "Report\n\n"
        "The three women waded across the river on May 2, but were caught by Chinese police in Tonghua "
        "two weeks later."
    )
    doc = make(text)
    add_date(doc, "May 2", "2023-05-02", date(2023, 5, 2))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert _window(arrest.date) == (date(2023, 5, 16), date(2023, 5, 16))


def test_an_act_told_before_and_a_distance_dates_another_clause() -> None:
    text = (
        "Report\n\n"
        "On May 2 the two traders were picked up in a raid and, a week later, handed six months in a "
        "labour-training brigade."
    )
    doc = make(text)
    add_date(doc, "May 2", "2023-05-02", date(2023, 5, 2))
    assert _window(by_type(events_of(doc), EventType.ARREST).date) == (date(2023, 5, 2), date(2023, 5, 2))
    assert _window(by_type(events_of(doc), EventType.SENTENCE).date) == (date(2023, 5, 9), date(2023, 5, 9))


@pytest.mark.parametrize(
    ("told", "distance", "latest"),
    [
        ("Within a week, the owner of the boat was taken in for questioning.", "a week", date(2023, 6, 11)),
        # "days" spans up to a week
        ("Within days, agents arrested the owner of the boat.", None, date(2023, 6, 11)),
        ("The owner of the boat was arrested at a bus station within a week.", "a week", date(2023, 6, 11)),
    ],
)
def test_within_a_distance_counts_from_the_story_time_up_to_it(
    told: str, distance: str | None, latest: date
) -> None:
    doc = make(f"Report\n\nA family sailed south from Ongjin on June 4, a source said.\n\n{told}")
    add_date(doc, "June 4", "2023-06-04", date(2023, 6, 4))
    if distance is not None:
        add_duration(doc, distance, "P1W")
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert _window(arrest.date) == (date(2023, 6, 4), latest)


def test_within_a_distance_an_act_calls_for_is_its_deadline_not_its_date() -> None:
    doc = make(
        "Report\n\nA family sailed south from Ongjin on June 4, a source said.\n\n"
        "On June 8 the county party committee ordered the police to clear the harbour within a month."
    )
    add_date(doc, "June 4", "2023-06-04", date(2023, 6, 4))
    add_date(doc, "June 8", "2023-06-08", date(2023, 6, 8))
    add_duration(doc, "a month", "P1M")
    directive = by_type(events_of(doc), EventType.DIRECTIVE)
    assert _window(directive.date) == (date(2023, 6, 8), date(2023, 6, 8))


def test_days_on_a_place_is_no_distance() -> None:
    # "spend 30 days on the farms": where the days are spent, not "30 days on" from the story's time
    doc = make(
        "Report\n\nThe secretary read out an order that every adult spend at least 30 days on the farms."
    )
    (draft,) = [d for d in EVENTS._detect(doc)[0] if d.type is EventType.DIRECTIVE]
    assert find_offset(doc, draft) is None


def test_days_on_is_counted_from_the_story_time() -> None:
    doc = make(
        "Report\n\nTraders were arrested in Hyesan on June 2. Three days on, their stalls were seized."
    )
    (draft,) = [d for d in EVENTS._detect(doc)[0] if d.type is EventType.CRACKDOWN]
    found = find_offset(doc, draft)
    assert found is not None and found.from_story and (found.least, found.most) == (3, 3)


def test_the_sixth_day_of_an_inspection_is_five_days_on_from_its_start() -> None:
    doc = make(
        "Report\n\nA joint inspection of mobile phones in Hyesan began on June 3, a source said. "
        "On the sixth day of the inspection, a woman was caught with a handset sewn into a rice sack."
    )
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert _window(arrest.date) == (date(2023, 6, 8), date(2023, 6, 8))


def test_days_later_after_a_month_told_looking_back_count_from_the_day_before_it() -> None:
    doc = make(
        "Report\n\nSix fishermen were sentenced on June 1 to labour camp terms, a source said.\n\n"
        "The men were arrested in April after a patrol caught them at sea.\n\n"
        "Their captain was executed two days later on the beach."
    )
    add_date(doc, "June 1", "2023-06-01", date(2023, 6, 1))
    add_date(doc, "April", "2023-04", date(2023, 4, 1), date(2023, 4, 30))
    execution = by_type(events_of(doc), EventType.EXECUTION)
    assert _window(execution.date) == (date(2023, 6, 3), date(2023, 6, 3))
    assert any("look back" in r for r in execution.reasons)


def test_days_later_after_a_month_told_in_order_count_from_the_month() -> None:
    doc = make(
        "Report\n\nSix fishermen were sentenced on March 1 to labour camp terms, a source said.\n\n"
        "The men were moved to a camp in April.\n\n"
        "Their captain was executed two days later on the beach."
    )
    add_date(doc, "March 1", "2023-03-01", date(2023, 3, 1))
    add_date(doc, "April", "2023-04", date(2023, 4, 1), date(2023, 4, 30))
    execution = by_type(events_of(doc), EventType.EXECUTION)
    assert _window(execution.date) == (date(2023, 4, 3), date(2023, 5, 2))


def test_a_week_later_than_a_day_is_that_day_a_week_on_not_the_calendar_week() -> None:
    doc = make(
        "Report\n\nA trader was arrested in Hyesan on June 2, a source said. "
        "A week later she was sent to a labour-training camp for a year."
    )
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    add_date(doc, "A week later", "2023-W23", date(2023, 6, 5), date(2023, 6, 11))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert _window(sentence.date) == (date(2023, 6, 9), date(2023, 6, 9))


def test_a_week_later_than_a_wide_window_keeps_the_tagger_s_week() -> None:
    doc = make(
        "Report\n\nA woman was caught around the Lunar New Year, a source said. "
        "A week later a family of four got across the river."
    )
    add_date(doc, "the Lunar New Year", "2023-01-22", date(2023, 1, 15), date(2023, 1, 29))
    add_date(doc, "A week later", "2023-W05", date(2023, 1, 30), date(2023, 2, 5))
    escape = by_type(events_of(doc), EventType.ESCAPE)
    assert _window(escape.date) == (date(2023, 1, 30), date(2023, 2, 5))


def test_after_days_in_custody_counts_from_the_handover_that_began_it() -> None:
    doc = make(
        "Report\n\nChinese police held the woman in Yanji in March, and in April she was handed back "
        "at Namyang, a source said. After ten days in the holding centre, she was sent to a labour-training "
        "camp for a year."
    )
    add_date(doc, "March", "2023-03", date(2023, 3, 1), date(2023, 3, 31))
    add_date(doc, "April", "2023-04", date(2023, 4, 1), date(2023, 4, 30))
    add_duration(doc, "ten days", "P10D")
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert _window(sentence.date) == (date(2023, 4, 11), date(2023, 5, 10))
    assert any("After ten days in the holding centre" in r for r in sentence.reasons)


def test_after_days_in_custody_does_not_count_from_a_handover_a_later_date_followed() -> None:
    doc = make(
        "Report\n\nRussian police detained the worker in Vladivostok in March, a source said. "
        "On June 2 he was handed to state security officers at Tumangang. "
        "After a few days at the station he was sent to a labour camp for five years."
    )
    add_date(doc, "March", "2023-03", date(2023, 3, 1), date(2023, 3, 31))
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    earliest, _ = _window(sentence.date)
    assert earliest >= date(2023, 6, 2)


def test_a_week_before_her_counts_back_from_her_act_of_the_same_kind() -> None:
    doc = make(
        "Report\n\nAgents arrested a woman in Hyesan on June 9, a source said. "
        "The broker she worked with was arrested a week before her, at his home near the river."
    )
    add_date(doc, "June 9", "2023-06-09", date(2023, 6, 9))
    broker = [e for e in events_of(doc) if e.type is EventType.ARREST][-1]
    assert _window(broker.date) == (date(2023, 6, 2), date(2023, 6, 2))


def test_a_day_counted_back_from_a_release_is_the_time_the_story_goes_on_from() -> None:
    doc = make(
        "Report\n\nA woman was released from custody on Saturday, 45 days after she was taken in for "
        "questioning, a source said. During her detention agents made her kneel on the floor for hours."
    )
    add_date(doc, "Saturday", "2023-06-10", date(2023, 6, 10))
    add_duration(doc, "45 days", "P45D")
    beating = by_type(events_of(doc), EventType.ILL_TREATMENT)
    assert _window(beating.date)[0] == date(2023, 4, 26)


def test_a_week_after_her_release_counts_from_the_day_the_report_dates_the_release() -> None:
    doc = make(
        "Report\n\nA woman was held for three nights last month, and a week after her release the family "
        "was banished to a farm, a source said. She was let go on the morning of the 14th."
    )
    add_date(doc, "last month", "2023-05", date(2023, 5, 1), date(2023, 5, 31))
    add_date(doc, "the 14th", "2023-05-14", date(2023, 5, 14))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert _window(sentence.date) == (date(2023, 5, 21), date(2023, 5, 21))


def test_an_act_told_as_done_since_is_not_counted_back_from_the_holiday() -> None:
    doc = make(
        "Report\n\nA woman crossed the river just before Chuseok, and two border guards who were on duty "
        "that night have since been arrested, a source said. Security agents arrested the two border guards "
        "on Monday.",
        published=date(2023, 10, 5),
    )
    add_date(doc, "Chuseok", "2023-09-29", date(2023, 9, 29))
    add_date(doc, "Monday", "2023-10-02", date(2023, 10, 2))
    arrests = [e for e in events_of(doc) if e.type is EventType.ARREST]
    assert arrests and all(_window(a.date)[0] >= date(2023, 10, 2) for a in arrests)


def test_days_later_count_from_the_day_a_later_sentence_gives_the_act_before_them() -> None:
    doc = make(
        "Report\n\nA family was caught by border guards as they tried to wade across the river last week, "
        "and a soldier who had agreed to let them pass was arrested two days later, a source said.\n\n"
        "The couple and their son entered the river shortly after midnight on June 6, the source said. "
        "A patrol spotted them in the shallows and dragged them back to the bank."
    )
    add_date(doc, "last week", "2023-W23", date(2023, 6, 5), date(2023, 6, 11))
    add_date(doc, "June 6", "2023-06-06", date(2023, 6, 6))
    windows = [_window(e.date) for e in events_of(doc) if e.type is EventType.ARREST]
    assert windows == [(date(2023, 6, 6), date(2023, 6, 6)), (date(2023, 6, 8), date(2023, 6, 8))]
