"""Windows the story implies for acts told without a date of their own: the scene of a raid, a death
that ends custody, the lede made exact by later sentences, a definite name of an act told before."""

from __future__ import annotations

from datetime import date

from kirok.model import Event, EventType

from .event_docs import PUBLISHED, add_date, by_type, events_of, make


def _window(event: Event) -> tuple[date | None, date | None]:
    assert event.date is not None
    return event.date.earliest, event.date.latest


def test_an_arrest_told_right_after_a_raid_has_the_raids_day() -> None:
    doc = make(
        "Report\n\nAgents searched homes near the river in Hyesan on June 6, looking for phones.\n\n"
        "Five residents were taken away, among them a retired teacher."
    )
    add_date(doc, "June 6", "2023-06-06", date(2023, 6, 6))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert _window(arrest) == (date(2023, 6, 6), date(2023, 6, 6))
    assert any("scene of the raid" in r for r in arrest.reasons)


def test_an_arrest_after_a_raid_of_several_days_is_not_dated_by_its_scene() -> None:
    doc = make(
        "Report\n\nAgents searched homes near the river in Hyesan in early June.\n\n"
        "Five residents were taken away, among them a retired teacher."
    )
    add_date(doc, "early June", "2023-06", date(2023, 6, 1), date(2023, 6, 10))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert _window(arrest) == (date(2023, 6, 1), PUBLISHED)


def test_a_death_in_custody_ends_the_beatings_told_in_the_past_perfect() -> None:
    doc = make(
        "Report\n\nA woman died in a police holding centre in Hoeryong on June 2, her relatives said.\n\n"
        "She had been arrested in April for selling grain.\n\n"
        "They said guards had beaten her repeatedly and given her one meal a day."
    )
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    add_date(doc, "April", "2023-04", date(2023, 4, 1), date(2023, 4, 30))
    beating = next(e for e in events_of(doc) if "guards" in e.evidence[0].text)
    assert beating.type is EventType.ILL_TREATMENT
    assert _window(beating) == (date(2023, 4, 1), date(2023, 6, 2))


def test_forced_labour_in_a_brigade_ends_by_the_death_the_report_dates() -> None:
    doc = make(
        "Report\n\nA man was sentenced in April to six months in a labour brigade, a relative said.\n\n"
        "Members of the brigade were made to carry stones for a sea wall from dawn until dark.\n\n"
        "He died in the labour brigade on May 19."
    )
    add_date(doc, "April", "2023-04", date(2023, 4, 1), date(2023, 4, 30))
    add_date(doc, "May 19", "2023-05-19", date(2023, 5, 19))
    labour = by_type(events_of(doc), EventType.FORCED_LABOR)
    assert _window(labour) == (date(2023, 4, 1), date(2023, 5, 19))


def test_the_ledes_month_is_made_exact_by_a_sentence_after_one_without_an_act() -> None:
    doc = make(
        "Report\n\nTwo brothers from Manpo crossed the river into China in May, a cousin said.\n\n"
        "The cousin spoke to the outlet by a borrowed phone.\n\n"
        '"They went over before dawn on May 12, when the guards changed," the cousin said.'
    )
    add_date(doc, "May", "2023-05", date(2023, 5, 1), date(2023, 5, 31))
    add_date(doc, "May 12", "2023-05-12", date(2023, 5, 12))
    escape = by_type(events_of(doc), EventType.ESCAPE)
    assert _window(escape) == (date(2023, 5, 12), date(2023, 5, 12))


def test_the_ledes_month_is_made_exact_by_a_later_sentence_in_its_word() -> None:
    doc = make(
        "Report\n\nA woman died in a police holding centre in Musan last month, a source said.\n\n"
        "Officers arrested her at the market on April 2.\n\n"
        "She died on the morning of May 6, the source said."
    )
    add_date(doc, "last month", "2023-05", date(2023, 5, 1), date(2023, 5, 31))
    add_date(doc, "April 2", "2023-04-02", date(2023, 4, 2))
    add_date(doc, "May 6", "2023-05-06", date(2023, 5, 6))
    death = by_type(events_of(doc), EventType.ILL_TREATMENT)
    assert _window(death) == (date(2023, 5, 6), date(2023, 5, 6))


def test_a_trial_named_again_takes_its_date_and_the_sentences_told_there() -> None:
    doc = make(
        "Report\n\nA mine official was executed on May 27 following a public trial, a source said.\n\n"
        "His arrest came in February.\n\n"
        "The trial was held on the football pitch next to the mine.\n\n"
        "His two accountants were handed terms of ten years in a re-education camp."
    )
    add_date(doc, "May 27", "2023-05-27", date(2023, 5, 27))
    add_date(doc, "February", "2023-02", date(2023, 2, 1), date(2023, 2, 28))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert _window(sentence) == (date(2023, 5, 27), date(2023, 5, 27))


def test_an_earlier_act_named_in_passing_is_backstory_and_keeps_the_headline_apart() -> None:
    doc = make(
        "Fishing boat flees south\n\n"
        "Seven people left the port by fishing boat on the night of May 2, sources said.\n\n"
        "Coastal posts were reinforced last year, after an earlier boat defection from the county."
    )
    add_date(doc, "the night of May 2", "2023-05-02TNI", date(2023, 5, 2))
    add_date(doc, "last year", "2022", date(2022, 1, 1), date(2022, 12, 31))
    escapes = [e for e in events_of(doc) if e.type is EventType.ESCAPE]
    flight = next(e for e in escapes if any("flees" in s.text for s in e.evidence))
    assert _window(flight) == (date(2023, 5, 2), date(2023, 5, 2))


def test_an_execution_moments_after_the_verdict_is_on_the_day_of_the_scene() -> None:
    doc = make(
        "Report\n\nResidents of Hyesan were marched to the airfield on June 6 and made to watch.\n\n"
        "Two men were found guilty of smuggling at a public trial there.\n\n"
        "They were shot by a firing squad moments after the verdict was read."
    )
    add_date(doc, "June 6", "2023-06-06", date(2023, 6, 6))
    execution = by_type(events_of(doc), EventType.EXECUTION)
    assert _window(execution) == (date(2023, 6, 6), date(2023, 6, 6))
    assert any("at once" in r or "trial" in r for r in execution.reasons)


def test_a_term_handed_down_at_a_trial_told_after_the_days_scene_is_on_that_day() -> None:
    doc = make(
        "Report\n\nMarket traders in Hyesan were sent to the stadium on June 6.\n\n"
        "Two men were found guilty of smuggling at a public trial held on its track.\n\n"
        "A woman tried alongside them was sentenced to ten years in a reform camp."
    )
    add_date(doc, "June 6", "2023-06-06", date(2023, 6, 6))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert _window(sentence) == (date(2023, 6, 6), date(2023, 6, 6))


def test_a_term_handed_down_later_is_not_pinned_to_the_day_of_the_arrest() -> None:
    doc = make(
        "Report\n\nState security agents arrested a smuggler in Hyesan on June 6.\n\n"
        "He was later sentenced to ten years in a reform camp at a trial in the city."
    )
    add_date(doc, "June 6", "2023-06-06", date(2023, 6, 6))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert _window(sentence) != (date(2023, 6, 6), date(2023, 6, 6))


def test_a_lede_sums_up_the_execution_the_trial_scene_dates() -> None:
    text = (
        "Report\n\n"
        "A guide was executed in front of a crowd in Manpo late last month, a source said.\n\n"
        "On the day of the trial, the 24th, residents were marched to a sandbank, where a court official read"
        " out the sentences. The guide was sentenced to death and shot immediately."
    )
    doc = make(text)
    add_date(doc, "late last month", "2023-05", date(2023, 5, 21), date(2023, 5, 31))
    add_date(doc, "the 24th", "2023-05-24", date(2023, 5, 24))
    executions = [e for e in events_of(doc) if e.type is EventType.EXECUTION]
    assert len(executions) == 1
    assert executions[0].date is not None
    assert (executions[0].date.earliest, executions[0].date.latest) == (date(2023, 5, 24), date(2023, 5, 24))
    assert any("late last month" in s.text for s in executions[0].evidence)


def test_an_act_told_again_in_a_dated_scene_is_one_act_on_that_day() -> None:
    text = (
        "Report\n\n"
        "A guide was executed in Manpo last month, a source said.\n\n"
        "Two smugglers caught with copper wire were executed in Hyesan late last month, the source said. "
        "On the day of the trial, the 24th, workers were marched to the airfield, where a court official read"
        " out the sentences. The two smugglers caught with copper wire were executed in front of them."
    )
    doc = make(text)
    add_date(doc, "last month", "2023-05", date(2023, 5, 1), date(2023, 5, 31))
    add_date(doc, "late last month", "2023-05", date(2023, 5, 21), date(2023, 5, 31))
    add_date(doc, "the 24th", "2023-05-24", date(2023, 5, 24))
    smugglers = [
        e
        for e in events_of(doc)
        if e.type is EventType.EXECUTION and any("smugglers" in s.text for s in e.evidence)
    ]
    assert len(smugglers) == 1
    assert smugglers[0].date is not None
    assert (smugglers[0].date.earliest, smugglers[0].date.latest) == (date(2023, 5, 24), date(2023, 5, 24))
