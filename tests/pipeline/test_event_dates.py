"""When an event happened (:mod:`kirok.pipeline.event_dates`): the date of its own sentence, else the
window the narrative implies."""

from __future__ import annotations

from datetime import date

import pytest

from kirok.model import DatePrecision, DateResolution, EventType, TimeWindow
from kirok.pipeline.doc import Doc, Timex
from kirok.pipeline.events import precision_of

from .event_docs import PUBLISHED, add_date, by_type, events_of, make

# ------------------------------------------------------------------ the date of the sentence


def test_date_comes_from_the_event_not_from_the_attribution() -> None:
    doc = make("Report\n\nA woman was arrested in Hyesan, a source told Example News on Wednesday.")
    add_date(doc, "Wednesday", "2023-06-14", date(2023, 6, 14))
    (event,) = events_of(doc)
    assert event.date is None


def test_the_day_of_a_phone_call_is_the_telling_not_the_act() -> None:
    doc = make(
        "Report\n\nChinese police recently handed eleven people back across the bridge at Musan, "
        "a source in North Hamgyong Province told Example News in a phone call on Wednesday."
    )
    add_date(doc, "Wednesday", "2023-06-14", date(2023, 6, 14))
    (event,) = events_of(doc)
    assert event.date is None or event.date.earliest != date(2023, 6, 14)


def test_event_date_is_taken_even_when_the_attribution_has_one() -> None:
    doc = make("Report\n\nA source told Example News on Wednesday that a woman was arrested on Monday.")
    add_date(doc, "Wednesday", "2023-06-14", date(2023, 6, 14))
    add_date(doc, "Monday", "2023-06-12", date(2023, 6, 12))
    (event,) = events_of(doc)
    assert event.date is not None
    assert (event.date.earliest, event.date.latest) == (date(2023, 6, 12), date(2023, 6, 12))
    assert event.date.timex == "2023-06-12"
    assert any(r == "date: “Monday” in the sentence" for r in event.reasons)


def test_nearest_date_after_the_trigger_wins() -> None:
    doc = make("Report\n\nIn May, after a long chase, guards arrested a man on June 2 near the station.")
    add_date(doc, "May", "2023-05", date(2023, 5, 1), date(2023, 5, 31))
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    (event,) = events_of(doc)
    assert event.date is not None and event.date.earliest == date(2023, 6, 2)


def test_a_deadline_is_not_the_date_of_the_act() -> None:
    text = "Report\n\nStudents were mobilised to build roads until the autumn."
    doc = make(text)
    add_date(doc, "the autumn", "2023-FA", date(2023, 9, 1), date(2023, 11, 30))
    labor = by_type(events_of(doc), EventType.FORCED_LABOR)
    assert labor.date is None


def test_an_act_going_on_since_a_date_lasts_to_publication() -> None:
    text = "Report\n\nSince June 3, residents have needed a travel permit to leave the city."
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    restriction = by_type(events_of(doc), EventType.MOVEMENT_RESTRICTION)
    assert restriction.date is not None
    assert (restriction.date.earliest, restriction.date.latest) == (date(2023, 6, 3), PUBLISHED)


def test_no_date_and_no_previous_event_leaves_date_empty() -> None:
    (event,) = events_of(make("Report\n\nGuards arrested two smugglers near the bridge."))
    assert event.date is None


@pytest.mark.parametrize(
    ("earliest", "latest", "precision"),
    [
        (date(2023, 6, 1), date(2023, 6, 1), DatePrecision.DAY),
        (date(2023, 6, 1), date(2023, 6, 7), DatePrecision.WEEK),
        (date(2023, 6, 1), date(2023, 6, 30), DatePrecision.MONTH),
        (date(2023, 6, 1), date(2023, 8, 31), DatePrecision.SEASON),
        (date(2023, 1, 1), date(2023, 12, 31), DatePrecision.YEAR),
        (date(2020, 1, 1), date(2023, 12, 31), DatePrecision.UNKNOWN),
    ],
)
def test_precision_of_a_window(earliest: date, latest: date, precision: DatePrecision) -> None:
    assert precision_of(earliest, latest) is precision


# ------------------------------------------------------------------ narrative windows


def test_sentence_without_date_gets_window_from_previous_event_to_publication() -> None:
    text = (
        "Report\n\n"
        "Guards arrested two smugglers on June 3. "
        "Both were later sent to a labour-training brigade."
    )
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    arrest, sentence = events_of(doc)
    assert arrest.date is not None and arrest.date.earliest == date(2023, 6, 3)
    assert sentence.type is EventType.SENTENCE
    assert sentence.date is not None
    assert (sentence.date.earliest, sentence.date.latest) == (date(2023, 6, 3), PUBLISHED)
    assert sentence.date.resolution is DateResolution.RELATIVE
    assert sentence.date.precision is DatePrecision.MONTH
    assert "date: after the last date the story told before it, by publication" in sentence.reasons


def test_backstory_date_does_not_become_the_carried_window() -> None:
    text = (
        "Report\n\n"
        "Guards arrested a trader on June 3. "
        "She had been repatriated from China in 2019. "
        "She was later sent to a labour-training brigade."
    )
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    add_date(doc, "2019", "2019", date(2019, 1, 1), date(2019, 12, 31))
    sentence = next(e for e in events_of(doc) if e.type is EventType.SENTENCE)
    assert sentence.date is not None
    assert (sentence.date.earliest, sentence.date.latest) == (date(2023, 6, 3), PUBLISHED)


def test_no_publication_date_gives_no_carried_window() -> None:
    doc = make("Report\n\nGuards arrested two smugglers on June 3. Both were later executed.", published=None)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    arrest, execution = events_of(doc)
    assert arrest.date is not None
    assert execution.date is None


def test_custody_without_a_date_lies_between_the_arrest_and_the_punishment() -> None:
    text = (
        "Report\n\n"
        "A man was sent to a political prison camp late last month. "
        "He was arrested in April after agents found his phone. "
        "He was held in the holding cells of the county department for two months, where he was beaten."
    )
    doc = make(text, published=date(2023, 6, 15))
    add_date(doc, "late last month", "2023-05", date(2023, 5, 21), date(2023, 5, 31))
    add_date(doc, "April", "2023-04", date(2023, 4, 1), date(2023, 4, 30))
    found = events_of(doc)
    detention = by_type(found, EventType.DETENTION)
    assert detention.date is not None
    assert (detention.date.earliest, detention.date.latest) == (date(2023, 4, 1), date(2023, 5, 31))
    assert any("by the punishment or death that followed" in r for r in detention.reasons)


def test_an_old_date_is_backstory_and_does_not_anchor_the_story() -> None:
    text = (
        "Report\n\n"
        "Agents arrested a woman on June 3. "
        "Her brother left the country in 2015. "
        "She was later sent to a labour-training brigade."
    )
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    add_date(doc, "2015", "2015", date(2015, 1, 1), date(2015, 12, 31))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert sentence.date is not None and sentence.date.earliest == date(2023, 6, 3)


def _add_time(doc: Doc, words: str, value: str, day: date) -> None:
    """Adds a TIME timex (a part of a day, or an hour) over ``words``."""
    start = doc.text.index(words)
    window = TimeWindow(
        earliest=day, latest=day, precision=DatePrecision.DAY, resolution=DateResolution.ABSOLUTE, timex=value
    )
    timex = Timex(start, start + len(words), words, "TIME", value, window)
    doc.timexes = sorted([*doc.timexes, timex], key=lambda t: t.start)


def test_the_night_of_a_named_day_dates_the_act_before_a_later_day() -> None:
    text = (
        "Report\n\n"
        "A man swam across the river on the night of June 2, and guards handed him back two days later."
    )
    doc = make(text)
    _add_time(doc, "the night of June 2", "2023-06-02TNI", date(2023, 6, 2))
    add_date(doc, "two days later", "2023-06-04", date(2023, 6, 4))
    escape = by_type(events_of(doc), EventType.ESCAPE)
    assert escape.date is not None and (escape.date.earliest, escape.date.latest) == (date(2023, 6, 2),) * 2


def test_an_hour_alone_does_not_date_the_act() -> None:
    doc = make("Report\n\nGuards arrested two smugglers near the bridge at midnight.")
    _add_time(doc, "midnight", "2023-06-15T00:00", PUBLISHED)
    (event,) = events_of(doc)
    assert event.date is None


# ------------------------------------------------------------------ the headline and its lede


def test_a_headline_act_told_only_there_takes_the_date_of_the_lede() -> None:
    text = (
        "Five fishermen flee by boat\n\n"
        "Five fishermen sailed a wooden boat out of the harbour on June 9, a source told Example News."
    )
    doc = make(text)
    add_date(doc, "June 9", "2023-06-09", date(2023, 6, 9))
    (event,) = events_of(doc)
    assert event.type is EventType.ESCAPE
    assert event.date is not None and (event.date.earliest, event.date.latest) == (date(2023, 6, 9),) * 2
    assert "date: “June 9” in the lede" in event.reasons


def test_a_headline_act_does_not_take_the_date_of_the_telling() -> None:
    text = "Five fishermen flee by boat\n\nFive fishermen sailed out of the harbour, a source said on Monday."
    doc = make(text)
    add_date(doc, "Monday", "2023-06-12", date(2023, 6, 12))
    (event,) = events_of(doc)
    assert event.date is None


# ------------------------------------------------------------------ what moves the narrative clock


def test_a_dated_sentence_that_tells_no_act_starts_the_window() -> None:
    text = (
        "Report\n\n"
        "A crowd filled the city stadium on June 3, the source said. "
        "Two women were sent to a labour-training brigade."
    )
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert sentence.date is not None
    assert (sentence.date.earliest, sentence.date.latest) == (date(2023, 6, 3), PUBLISHED)


def test_a_date_told_without_an_act_does_not_move_the_story_back() -> None:
    text = (
        "Report\n\n"
        "Guards arrested a trader on June 3. "
        "Her customers paid her twice last year. "
        "She was later sent to a labour-training brigade."
    )
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    add_date(doc, "last year", "2022", date(2022, 1, 1), date(2022, 12, 31))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert sentence.date is not None and sentence.date.earliest == date(2023, 6, 3)


def test_a_state_going_on_since_an_earlier_date_does_not_move_the_story_back() -> None:
    text = (
        "Report\n\n"
        "Agents arrested two men on June 12. "
        "Since May 2, residents have needed a travel permit to leave the city. "
        "The two men are being held in the holding cells of the county state security department."
    )
    doc = make(text)
    add_date(doc, "June 12", "2023-06-12", date(2023, 6, 12))
    add_date(doc, "May 2", "2023-05-02", date(2023, 5, 2))
    found = events_of(doc)
    assert by_type(found, EventType.MOVEMENT_RESTRICTION).date is not None
    detention = by_type(found, EventType.DETENTION)
    assert detention.date is not None
    assert (detention.date.earliest, detention.date.latest) == (date(2023, 6, 12), PUBLISHED)


def test_a_state_going_on_since_a_later_date_starts_the_window() -> None:
    text = (
        "Report\n\n"
        "The county committee issued an order on May 20. "
        "Since June 1, residents have needed a travel permit to leave the city. "
        "Officers at checkpoints have been confiscating goods carried by traders."
    )
    doc = make(text)
    add_date(doc, "May 20", "2023-05-20", date(2023, 5, 20))
    add_date(doc, "June 1", "2023-06-01", date(2023, 6, 1))
    crackdown = by_type(events_of(doc), EventType.CRACKDOWN)
    assert crackdown.date is not None
    assert (crackdown.date.earliest, crackdown.date.latest) == (date(2023, 6, 1), PUBLISHED)


# ------------------------------------------------------------------ the scene of a trial, the lede


def test_a_punishment_told_after_a_dated_trial_was_handed_down_that_day() -> None:
    text = (
        "Report\n\n"
        "The public trial was held on June 8 in front of a large crowd, the source said.\n\n"
        "The other three defendants were sentenced to 15 years each in a kyohwaso."
    )
    doc = make(text)
    add_date(doc, "June 8", "2023-06-08", date(2023, 6, 8))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert sentence.date is not None
    assert (sentence.date.earliest, sentence.date.latest) == (date(2023, 6, 8), date(2023, 6, 8))


def test_a_punishment_after_a_month_long_execution_window_is_not_pinned_to_its_first_day() -> None:
    text = (
        "Report\n\n"
        "A man was executed by firing squad early this month, a source said.\n\n"
        "Two other men were sentenced to ten years in a kyohwaso."
    )
    doc = make(text)
    add_date(doc, "early this month", "2023-06", date(2023, 6, 1), date(2023, 6, 10))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert sentence.date is not None
    assert (sentence.date.earliest, sentence.date.latest) == (date(2023, 6, 1), PUBLISHED)


def test_an_act_told_as_done_before_any_date_takes_the_date_of_the_next_sentence() -> None:
    text = (
        "Report\n\n"
        "Authorities executed two men by firing squad in the city stadium, a source said.\n\n"
        "The crowd was gathered there on June 8 from every factory in the area."
    )
    doc = make(text)
    add_date(doc, "June 8", "2023-06-08", date(2023, 6, 8))
    execution = by_type(events_of(doc), EventType.EXECUTION)
    assert execution.date is not None
    assert (execution.date.earliest, execution.date.latest) == (date(2023, 6, 8), date(2023, 6, 8))


def test_an_act_told_as_begun_before_any_date_starts_after_the_latest_date_that_follows() -> None:
    text = (
        "Report\n\n"
        "About 500 students have been mobilised to build roads in the county, a source said.\n\n"
        "The order came in May. The students arrived on June 2 and work from dawn to dusk."
    )
    doc = make(text)
    add_date(doc, "May", "2023-05", date(2023, 5, 1), date(2023, 5, 31))
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    labor = next(e for e in events_of(doc) if e.type is EventType.FORCED_LABOR)
    assert labor.date is not None
    assert (labor.date.earliest, labor.date.latest) == (date(2023, 6, 2), PUBLISHED)


def test_a_past_perfect_in_a_relative_clause_does_not_make_the_act_backstory() -> None:
    text = (
        "Report\n\n"
        "A woman who had fled to China was arrested in Hyesan on June 3, a source said.\n\n"
        "She was beaten in custody at the county security department."
    )
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    ill = by_type(events_of(doc), EventType.ILL_TREATMENT)
    assert ill.date is not None
    assert (ill.date.earliest, ill.date.latest) == (date(2023, 6, 3), PUBLISHED)


def test_an_order_received_is_not_the_date_of_the_telling() -> None:
    text = "Report\n\nThe inminban head had been told by the police box in May to keep a record of visitors."
    doc = make(text)
    add_date(doc, "May", "2023-05", date(2023, 5, 1), date(2023, 5, 31))
    surveillance = by_type(events_of(doc), EventType.SURVEILLANCE)
    assert surveillance.date is not None and surveillance.date.earliest == date(2023, 5, 1)


# ------------------------------------------------------------------ acts that only follow a date


def test_the_labour_an_order_calls_for_does_not_take_the_orders_date() -> None:
    text = (
        "Report\n\n"
        "The party issued an order on May 2 calling for students to be put to work at the dam, a source said."
    )
    doc = make(text)
    add_date(doc, "May 2", "2023-05-02", date(2023, 5, 2))
    events = events_of(doc)
    directive = by_type(events, EventType.DIRECTIVE)
    labour = by_type(events, EventType.FORCED_LABOR)
    assert directive.date is not None and directive.date.earliest == directive.date.latest == date(2023, 5, 2)
    assert labour.date is not None
    assert (labour.date.earliest, labour.date.latest) == (date(2023, 5, 2), PUBLISHED)


def test_an_act_done_since_a_date_in_its_sentence_follows_it() -> None:
    text = (
        "Report\n\n"
        "A family crossed the river on May 20, and agents have since banished their relatives, a source said."
    )
    doc = make(text)
    add_date(doc, "May 20", "2023-05-20", date(2023, 5, 20))
    banishment = by_type(events_of(doc), EventType.SENTENCE)
    assert banishment.date is not None
    assert (banishment.date.earliest, banishment.date.latest) == (date(2023, 5, 20), PUBLISHED)
    assert any("(“since”: after it)" in r for r in banishment.reasons)


def test_custody_in_a_report_of_a_handover_comes_after_it() -> None:
    text = (
        "Report\n\n"
        "Three women were repatriated from China on June 5, a source said. "
        "Police in Dandong raided their workplace in May. "
        "Guards beat the women during their first interrogation."
    )
    doc = make(text)
    add_date(doc, "June 5", "2023-06-05", date(2023, 6, 5))
    add_date(doc, "May", "2023-05", date(2023, 5, 1), date(2023, 5, 31))
    events = events_of(doc)
    assert by_type(events, EventType.CRACKDOWN).date is not None
    beating = by_type(events, EventType.ILL_TREATMENT)
    assert beating.date is not None
    assert (beating.date.earliest, beating.date.latest) == (date(2023, 6, 5), PUBLISHED)
    assert any("not before the handover" in r for r in beating.reasons)


def test_on_arrival_is_the_day_of_the_handover() -> None:
    text = (
        "Report\n\n"
        "Three women were repatriated from China on June 5, a source said. "
        "Chinese police raided their workplace in May. "
        "On arrival the women were beaten by guards."
    )
    doc = make(text)
    add_date(doc, "June 5", "2023-06-05", date(2023, 6, 5))
    add_date(doc, "May", "2023-05", date(2023, 5, 1), date(2023, 5, 31))
    beating = by_type(events_of(doc), EventType.ILL_TREATMENT)
    assert beating.date is not None
    assert (beating.date.earliest, beating.date.latest) == (date(2023, 6, 5), date(2023, 6, 5))


def test_the_next_day_is_the_day_after_the_story_not_after_the_telling() -> None:
    doc = make(
        "Report\n\nA man escaped across the river on June 2, a source told the paper on Friday. "
        "He was arrested the next day."
    )
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    add_date(doc, "Friday", "2023-06-09", date(2023, 6, 9))
    add_date(doc, "the next day", "2023-06-10", date(2023, 6, 10))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert arrest.date is not None
    assert (arrest.date.earliest, arrest.date.latest) == (date(2023, 6, 3), date(2023, 6, 3))


def test_the_next_day_after_a_vague_story_time_keeps_the_taggers_value() -> None:
    doc = make("Report\n\nA man escaped across the river early this month. He was arrested the next day.")
    add_date(doc, "early this month", "2023-06", date(2023, 6, 1), date(2023, 6, 10))
    add_date(doc, "the next day", "2023-06-11", date(2023, 6, 11))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert arrest.date is not None and arrest.date.earliest == date(2023, 6, 11)


def test_an_act_done_on_the_spot_has_the_day_told_before_it() -> None:
    doc = make(
        "Report\n\nPolice raided the market in Hyesan on June 2. Two traders were arrested on the spot."
    )
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert arrest.date is not None
    assert (arrest.date.earliest, arrest.date.latest) == (date(2023, 6, 2), date(2023, 6, 2))


def test_an_act_told_away_from_the_raid_without_at_once_lasts_to_publication() -> None:
    doc = make(
        "Report\n\nPolice raided the market in Hyesan on June 2. Rice prices rose sharply in the city. "
        "Many stalls stayed empty for days. Two traders were arrested."
    )
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert arrest.date is not None
    assert (arrest.date.earliest, arrest.date.latest) == (date(2023, 6, 2), PUBLISHED)


def test_a_state_going_on_since_an_act_dated_in_its_clause_does_not_move_the_story_back() -> None:
    text = (
        "Report\n\n"
        "Inspectors stopped a worker in Hyesan on June 3, a source said. "
        "The group has been stopping young people at random and checking their phones since the party "
        "committee ordered a campaign in May. "
        "He was taken to the police station and questioned."
    )
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    add_date(doc, "May", "2023-05", date(2023, 5, 1), date(2023, 5, 31))
    found = events_of(doc)
    crackdown = next(e for e in found if e.type is EventType.CRACKDOWN and "stopping" in e.evidence[-1].text)
    assert crackdown.date is not None and (crackdown.date.earliest, crackdown.date.latest) == (
        date(2023, 5, 1),
        PUBLISHED,
    )
    arrest = by_type(found, EventType.ARREST)
    assert arrest.date is not None and arrest.date.earliest == date(2023, 6, 3)


def test_an_order_told_after_an_arrest_is_its_cause_not_the_story_s_time() -> None:
    text = (
        "Report\n\n"
        "Four fishermen were arrested by coastal security officers on June 9, a source said. "
        "Under an order issued by the provincial headquarters in early May, boats may go no further "
        "than five kilometres from shore. "
        "The four men were taken to the city's state security department, where they are still being "
        "held two weeks later."
    )
    doc = make(text)
    add_date(doc, "June 9", "2023-06-09", date(2023, 6, 9))
    add_date(doc, "early May", "2023-05", date(2023, 5, 1), date(2023, 5, 10))
    detention = by_type(events_of(doc), EventType.DETENTION)
    assert detention.date is not None and detention.date.earliest == date(2023, 6, 9)


def test_an_order_whose_sentence_opens_with_its_date_is_the_story_s_next_step() -> None:
    text = (
        "Report\n\n"
        "Students have been shovelling mud on the river banks since June 5, a source said. "
        "On June 2, the provincial party committee ordered that teaching be suspended. "
        "A send-off rally was held the next day on the square of the university."
    )
    doc = make(text)
    add_date(doc, "June 5", "2023-06-05", date(2023, 6, 5))
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    add_date(doc, "the next day", "2023-06-03", date(2023, 6, 3))
    rally = by_type(events_of(doc), EventType.MEETING)
    assert rally.date is not None and (rally.date.earliest, rally.date.latest) == (date(2023, 6, 3),) * 2


def test_an_act_told_in_a_relative_clause_does_not_take_the_main_clause_s_date() -> None:
    text = (
        "Report\n\n"
        "A man who was caught trying to cross the river died in the county holding centre on Saturday, a "
        "source said. He was caught by a border guard patrol in mid-May as he waded across the river."
    )
    doc = make(text)
    add_date(doc, "Saturday", "2023-06-10", date(2023, 6, 10))
    add_date(doc, "mid-May", "2023-05", date(2023, 5, 11), date(2023, 5, 20))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert arrest.date is not None and (arrest.date.earliest, arrest.date.latest) == (
        date(2023, 5, 11),
        date(2023, 5, 20),
    )


def test_an_act_in_a_closed_relative_clause_does_not_take_the_main_clause_s_date() -> None:
    text = (
        "Report\n\n"
        "A broker whose arrest in Hoeryong we reported last week, was moved to Chongjin on Friday, a "
        "source said. The woman was arrested in early October at her home."
    )
    doc = make(text, published=date(2023, 10, 16))
    add_date(doc, "Friday", "2023-10-13", date(2023, 10, 13))
    add_date(doc, "early October", "2023-10", date(2023, 10, 1), date(2023, 10, 10))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert arrest.date is not None and (arrest.date.earliest, arrest.date.latest) == (
        date(2023, 10, 1),
        date(2023, 10, 10),
    )


def test_an_order_is_dated_when_issued_not_by_the_deadline_it_sets() -> None:
    text = (
        "Report\n\n"
        "Earlier this month, the Cabinet ordered that all outdoor work at the site be finished so that "
        "the zone can receive its first guests in the summer."
    )
    doc = make(text)
    add_date(doc, "Earlier this month", "2023-06", date(2023, 6, 1), date(2023, 6, 14))
    add_date(doc, "the summer", "2023-SU", date(2023, 6, 1), date(2023, 8, 31))
    directive = by_type(events_of(doc), EventType.DIRECTIVE)
    assert directive.date is not None and (directive.date.earliest, directive.date.latest) == (
        date(2023, 6, 1),
        date(2023, 6, 14),
    )


def test_people_sent_back_on_a_day_and_being_held_now_are_held_from_then_to_publication() -> None:
    text = (
        "Report\n\n"
        "Dozens of people sent back by China on May 12 are being held at a state security holding centre "
        "in the city, a source said."
    )
    doc = make(text)
    add_date(doc, "May 12", "2023-05-12", date(2023, 5, 12))
    detention = by_type(events_of(doc), EventType.DETENTION)
    assert detention.date is not None and (detention.date.earliest, detention.date.latest) == (
        date(2023, 5, 12),
        PUBLISHED,
    )
