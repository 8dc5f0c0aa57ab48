"""Dates told by reference to another act (:mod:`kirok.pipeline.event_date_refs`)."""

from __future__ import annotations

from datetime import date

from kirok.model import DateResolution, EventType, TimeWindow
from kirok.pipeline.doc import Doc, Timex

from .event_docs import PUBLISHED, add_date, by_type, events_of, make


def _window(window: TimeWindow | None) -> tuple[date, date]:
    assert window is not None and window.earliest is not None and window.latest is not None
    return window.earliest, window.latest


def _add_same_day(doc: Doc, value: str, day: date) -> None:
    """ "the same day" as the date tagger reads it: the last date named."""
    start = doc.text.index("the same day")
    window = TimeWindow(earliest=day, latest=day, resolution=DateResolution.RELATIVE, timex=value)
    timex = Timex(start, start + len("the same day"), "the same day", "DATE", value, window)
    doc.timexes = sorted([*doc.timexes, timex], key=lambda t: t.start)


def test_the_same_week_as_an_act_takes_that_acts_window_of_its_own_kind() -> None:
    text = (
        "Report\n\n"
        "A farmer from the county was sent to a political prison camp late last month, a source said.\n\n"
        "The farmer was arrested in March after agents searched his house.\n\n"
        "In the same week the farmer was taken away, his wife was banished to a mountain village."
    )
    doc = make(text)
    add_date(doc, "late last month", "2023-05", date(2023, 5, 21), date(2023, 5, 31))
    add_date(doc, "March", "2023-03", date(2023, 3, 1), date(2023, 3, 31))
    events = events_of(doc)
    (banishment,) = [e for e in events if e.type is EventType.SENTENCE and "wife" in e.evidence[0].text]
    assert _window(banishment.date) == (date(2023, 5, 21), date(2023, 5, 31))
    assert any("refers to" in r for r in banishment.reasons)


def test_the_same_day_as_the_execution_is_not_the_last_date_named() -> None:
    text = (
        "Report\n\n"
        "A captain was executed on June 4 at the port, a source said.\n\n"
        "He and his crew had been arrested on May 2 after agents searched the ship.\n\n"
        "The crew were sentenced on the same day as the execution to ten years in a kyohwaso."
    )
    doc = make(text)
    add_date(doc, "June 4", "2023-06-04", date(2023, 6, 4))
    add_date(doc, "May 2", "2023-05-02", date(2023, 5, 2))
    _add_same_day(doc, "2023-05-02", date(2023, 5, 2))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert _window(sentence.date) == (date(2023, 6, 4), date(2023, 6, 4))


def test_the_same_day_at_the_end_of_a_sentence_keeps_the_date_of_the_tagger() -> None:
    text = "Report\n\nA man was arrested on June 2 and he was sentenced to a labour camp the same day."
    doc = make(text)
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    _add_same_day(doc, "2023-06-02", date(2023, 6, 2))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert _window(sentence.date) == (date(2023, 6, 2), date(2023, 6, 2))


def test_since_a_named_act_runs_from_that_act_to_publication() -> None:
    text = (
        "Report\n\n"
        "Officials held a mass rally in the city stadium on June 5, a source said.\n\n"
        "A directive dated May 20 was read out at the rally.\n\n"
        "Since the rally, youth league squads have been searching phones on the street."
    )
    doc = make(text)
    add_date(doc, "June 5", "2023-06-05", date(2023, 6, 5))
    add_date(doc, "May 20", "2023-05-20", date(2023, 5, 20))
    crackdown = by_type(events_of(doc), EventType.CRACKDOWN)
    assert _window(crackdown.date) == (date(2023, 6, 5), PUBLISHED)
    assert any("going on since the act it refers to" in r for r in crackdown.reasons)


def test_since_a_date_is_not_read_as_a_reference_to_an_act() -> None:
    text = "Report\n\nSince the start of the month, residents have needed a travel permit to leave the city."
    doc = make(text)
    add_date(doc, "the start of the month", "2023-06", date(2023, 6, 1), date(2023, 6, 10))
    restriction = by_type(events_of(doc), EventType.MOVEMENT_RESTRICTION)
    assert _window(restriction.date) == (date(2023, 6, 1), PUBLISHED)


def test_the_same_day_before_a_clause_that_names_no_act_keeps_its_date() -> None:
    text = (
        "Report\n\n"
        "Officials sealed off the district on June 1, a source said.\n\n"
        "The city issued an order the same day that residents of the district stay indoors."
    )
    doc = make(text)
    add_date(doc, "June 1", "2023-06-01", date(2023, 6, 1))
    _add_same_day(doc, "2023-06-01", date(2023, 6, 1))
    directive = by_type(events_of(doc), EventType.DIRECTIVE)
    assert _window(directive.date) == (date(2023, 6, 1), date(2023, 6, 1))


def test_custody_since_their_return_starts_at_the_handover() -> None:
    doc = make(
        "Report\n\nThree workers were sent back from Russia on June 3.\n\n"
        "They have been in custody since their return."
    )
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    held = by_type(events_of(doc), EventType.DETENTION)
    assert held.date is not None and (held.date.earliest, held.date.latest) == (date(2023, 6, 3), PUBLISHED)


def test_the_night_an_act_happened_dates_another_act() -> None:
    text = (
        "Report\n\nA fishing crew fled south by boat on May 3, a source said. "
        "Relatives of the crew were arrested the night the boat went missing."
    )
    doc = make(text)
    add_date(doc, "May 3", "2023-05-03", date(2023, 5, 3))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert _window(arrest.date) == (date(2023, 5, 3), date(2023, 5, 3))
    assert any("the act it refers to" in r for r in arrest.reasons)


def test_the_night_a_tagger_reads_as_a_date_points_to_the_act() -> None:
    text = (
        "Report\n\nA fishing crew fled south by boat on May 3, a source said. "
        "Relatives of the crew were arrested the night the boat went missing, a source told us on Friday."
    )
    doc = make(text)
    add_date(doc, "May 3", "2023-05-03", date(2023, 5, 3))
    add_date(doc, "the night", "2023-06-09TNI", date(2023, 6, 9))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert _window(arrest.date) == (date(2023, 5, 3), date(2023, 5, 3))


def test_a_reference_takes_the_first_telling_of_the_act_not_a_clause_with_another_date() -> None:
    text = (
        "Report\n\nThe county party committee held a rally in Hyesan on June 5, a source said.\n\n"
        "Students were made to attend the rally, where officials read out an order dated May 28.\n\n"
        "Since the rally, youth league patrols have been checking the phones of students."
    )
    doc = make(text)
    add_date(doc, "June 5", "2023-06-05", date(2023, 6, 5))
    add_date(doc, "May 28", "2023-05-28", date(2023, 5, 28))
    crackdown = by_type(events_of(doc), EventType.CRACKDOWN)
    assert _window(crackdown.date) == (date(2023, 6, 5), PUBLISHED)


def test_detained_in_the_course_of_the_search_has_the_searchs_window() -> None:
    text = (
        "Report\n\nA joint team searched the dormitories of the college in early May, a source said.\n\n"
        "Three students were detained in the course of the search, among them a girl from Hyesan."
    )
    doc = make(text)
    add_date(doc, "early May", "2023-05", date(2023, 5, 1), date(2023, 5, 10))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert _window(arrest.date) == (date(2023, 5, 1), date(2023, 5, 10))


def test_the_same_week_at_the_end_of_a_sentence_points_to_the_act_just_told() -> None:
    text = (
        "Report\n\nThe arrest of the mine director followed in February, a source said.\n\n"
        "Two accountants were taken away from the mine office the same week."
    )
    doc = make(text)
    add_date(doc, "February", "2023-02", date(2023, 2, 1), date(2023, 2, 28))
    arrests = [e for e in events_of(doc) if e.type is EventType.ARREST]
    accountants = next(e for e in arrests if "accountants" in e.evidence[0].text)
    assert _window(accountants.date) == (date(2023, 2, 1), date(2023, 2, 28))


def test_since_the_handback_goes_on_from_the_handover() -> None:
    text = (
        "Report\n\n"
        "China sent nine women back to Hyesan on May 3, a source said. "
        "Police raided the market in Hyesan on May 20. "
        "Since the handback, their families have been under surveillance."
    )
    doc = make(text)
    add_date(doc, "May 3", "2023-05-03", date(2023, 5, 3))
    add_date(doc, "May 20", "2023-05-20", date(2023, 5, 20))
    watched = by_type(events_of(doc), EventType.SURVEILLANCE)
    assert watched.date is not None and watched.date.earliest == date(2023, 5, 3)


def test_on_the_day_of_an_act_told_before_is_that_acts_day() -> None:
    text = (
        "Report\n\n"
        "A smuggler was executed by firing squad in Chongjin on Wednesday, a source said.\n\n"
        "On the day of the execution, every people's unit was ordered to send all its adults to the field."
    )
    doc = make(text)
    add_date(doc, "Wednesday", "2023-06-14", date(2023, 6, 14))
    directive = by_type(events_of(doc), EventType.DIRECTIVE)
    assert directive.date is not None
    assert (directive.date.earliest, directive.date.latest) == (date(2023, 6, 14), date(2023, 6, 14))


def test_at_the_trial_takes_the_day_of_the_execution_the_trial_ended_in() -> None:
    doc = make(
        "Report\n\nA man was shot in Hoeryong on June 2 after a public trial, a source said. "
        "He had been held since April.\n\n"
        "At the trial the court also sentenced his nephew to 15 years in a reform-through-labour camp."
    )
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    add_date(doc, "April", "2023-04", date(2023, 4, 1), date(2023, 4, 30))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert _window(sentence.date) == (date(2023, 6, 2), date(2023, 6, 2))
    assert any("“trial”" in r for r in sentence.reasons)


def test_the_same_week_at_the_end_of_a_sentence_points_to_the_last_act_of_one_day() -> None:
    doc = make(
        "Report\n\nA grain official was executed in Pyongsong on June 6, a source said. He was arrested in "
        "April and held by the provincial bureau until the execution.\n\n"
        "His wife and children were banished to a mountain village the same week."
    )
    add_date(doc, "June 6", "2023-06-06", date(2023, 6, 6))
    add_date(doc, "April", "2023-04", date(2023, 4, 1), date(2023, 4, 30))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert _window(sentence.date) == (date(2023, 6, 6), date(2023, 6, 6))
