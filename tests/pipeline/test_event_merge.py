"""One act told several times becomes one event (:mod:`kirok.pipeline.event_merge`): headline and lede,
restatements and later references."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from kirok.model import EventType
from kirok.pipeline.doc import PlaceRole

from .event_docs import add_date, add_duration, add_place, by_type, events_of, make

# ------------------------------------------------------------------ headline and lede


def test_headline_and_lede_become_one_event_with_two_spans() -> None:
    text = (
        "Police arrest three smugglers in Hyesan\n\n"
        "Police arrested three smugglers in Hyesan on Monday, a source told Example News."
    )
    doc = make(text)
    add_date(doc, "Monday", "2023-06-12", date(2023, 6, 12))
    add_place(doc, "Hyesan", PlaceRole.EVENT, nth=0)
    add_place(doc, "Hyesan", PlaceRole.EVENT, nth=1)
    events = events_of(doc)
    assert [e.type for e in events] == [EventType.ARREST]
    (event,) = events
    assert [s.text for s in event.evidence] == [
        "Police arrest three smugglers in Hyesan",
        "Police arrested three smugglers in Hyesan on Monday, a source told Example News.",
    ]
    assert "merged: also stated in the headline" in event.reasons
    assert event.date is not None and event.date.earliest == date(2023, 6, 12)


def test_headline_alone_is_an_event() -> None:
    doc = make("Police arrest three smugglers\n\nThe market was quiet all day.")
    (event,) = events_of(doc)
    assert event.type is EventType.ARREST
    assert [s.text for s in event.evidence] == ["Police arrest three smugglers"]


def test_an_undated_act_in_the_lede_joins_the_dated_telling_in_the_body() -> None:
    text = (
        "Report\n\n"
        "Agents in Hyesan have detained three women, a source told Example Wire.\n\n"
        "The three women were arrested on June 3 at a house near the river."
    )
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert len(arrest.evidence) == 2
    assert arrest.evidence[0].text.startswith("Agents in Hyesan")
    assert arrest.date is not None and arrest.date.earliest == date(2023, 6, 3)


def test_a_lede_with_a_wide_date_joins_the_body_act_it_sums_up() -> None:
    text = (
        "Report\n\n"
        "Guards arrested three traders in Hyesan earlier this month, a source said.\n\n"
        "On June 4, agents arrested three traders at the market."
    )
    doc = make(text)
    add_date(doc, "earlier this month", "2023-06", date(2023, 6, 1), date(2023, 6, 14))
    add_date(doc, "June 4", "2023-06-04", date(2023, 6, 4))
    arrests = [e for e in events_of(doc) if e.type is EventType.ARREST]
    assert len(arrests) == 1
    assert arrests[0].date is not None and arrests[0].date.earliest == date(2023, 6, 4)
    assert len(arrests[0].evidence) == 2


def test_a_lede_joins_the_body_act_dated_by_the_scene_told_before_it() -> None:
    # the body's shooting has no date of its own: it is dated by the trial scene of the 16th before it
    text = (
        "Report\n\n"
        "A guard at the Musan mine has been executed for selling ore, a source told Example News.\n\n"
        "Residents were ordered to gather at the stadium on the 16th. "
        "There the guard was tried in front of the crowd and then shot by a firing squad."
    )
    doc = make(text, published=date(2019, 11, 20))
    add_date(doc, "the 16th", "2019-11-16", date(2019, 11, 16))
    (execution,) = [e for e in events_of(doc) if e.type is EventType.EXECUTION]
    assert execution.date is not None
    assert (execution.date.earliest, execution.date.latest) == (date(2019, 11, 16), date(2019, 11, 16))
    assert execution.evidence[0].text.startswith("A guard at the Musan mine")
    assert "merged: the lede sums up this act" in execution.reasons


def test_a_lede_joins_the_body_act_of_its_type_on_the_same_day() -> None:
    text = (
        "Report\n\n"
        "Students in Hyesan have been working on cooperative farms since the day after Chuseok, a source "
        "said.\n\n"
        "Trucks took hundreds of them to cooperative farms near Musan on the morning after the holiday."
    )
    doc = make(text, published=date(2022, 10, 17))
    add_date(doc, "Chuseok", "2022-09-10", date(2022, 9, 10))
    add_place(doc, "Hyesan", PlaceRole.EVENT)
    add_place(doc, "Musan", PlaceRole.EVENT)
    (labour,) = [e for e in events_of(doc) if e.type is EventType.FORCED_LABOR]
    assert len(labour.evidence) == 2
    assert "merged: the lede sums up this act" in labour.reasons


def test_a_lede_does_not_join_background_dated_only_by_the_scene_before_it() -> None:
    text = (
        "Report\n\n"
        "Two men were executed in Musan, a source said.\n\n"
        "The trial was held at the stadium on the 3rd. They were shot immediately after the verdict was "
        "read.\n\n"
        "Public executions had become rarer, but at least three have been reported in the province since "
        "the start of this year."
    )
    doc = make(text, published=date(2022, 11, 10))
    add_date(doc, "the 3rd", "2022-11-03", date(2022, 11, 3))
    lede = next(e for e in events_of(doc) if e.evidence[0].text.startswith("Two men were executed"))
    assert not any("Public executions" in s.text for s in lede.evidence)


def test_a_state_going_on_since_a_holiday_does_not_join_a_years_old_act() -> None:
    text = (
        "Report\n\n"
        "Every household in Hyesan has had to send one member to work without pay at the dam since the "
        "Lunar New Year holiday ended, a source said.\n\n"
        "Students were sent to the site for months in 2019, the source recalled."
    )
    doc = make(text, published=date(2024, 3, 11))
    add_date(doc, "Lunar New Year", "2024-02-10", date(2024, 2, 10))
    add_date(doc, "2019", "2019", date(2019, 1, 1), date(2019, 12, 31))
    labour = [e for e in events_of(doc) if e.type is EventType.FORCED_LABOR]
    assert len(labour) == 2
    (lede,) = [e for e in labour if e.evidence[0].text.startswith("Every household")]
    assert lede.date is not None and lede.date.earliest == date(2024, 2, 10)


# ------------------------------------------------------------------ restatements


def test_same_directive_with_the_same_date_twice_is_one_event() -> None:
    text = (
        "Report\n\n"
        "The central committee ordered all traders to register their stalls on March 3. "
        "The market opened as usual. "
        "A second source confirmed that the committee ordered the registration on March 3."
    )
    doc = make(text)
    add_date(doc, "March 3", "2023-03-03", date(2023, 3, 3), nth=0)
    add_date(doc, "March 3", "2023-03-03", date(2023, 3, 3), nth=1)
    events = events_of(doc)
    assert [e.type for e in events] == [EventType.DIRECTIVE]
    assert len(events[0].evidence) == 2
    assert "merged: the same statement again with the same date" in events[0].reasons


def test_same_type_on_different_dates_stays_two_events() -> None:
    text = "Report\n\nPolice arrested a trader on March 3. Police arrested another trader on March 9."
    doc = make(text)
    add_date(doc, "March 3", "2023-03-03", date(2023, 3, 3))
    add_date(doc, "March 9", "2023-03-09", date(2023, 3, 9))
    events = events_of(doc)
    assert [(e.type, e.date.earliest if e.date else None) for e in events] == [
        (EventType.ARREST, date(2023, 3, 3)),
        (EventType.ARREST, date(2023, 3, 9)),
    ]


def test_a_clause_that_refers_back_joins_the_earlier_event() -> None:
    text = (
        "Report\n\n"
        "Agents arrested a man in Hyesan on June 3. "
        "In the same week the man was taken away, his wife was banished to a farm."
    )
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    found = events_of(doc)
    arrests = [e for e in found if e.type is EventType.ARREST]
    assert len(arrests) == 1
    assert len(arrests[0].evidence) == 2
    assert any(e.type is EventType.SENTENCE for e in found)


def test_the_named_act_refers_back_to_the_act_told_before() -> None:
    text = (
        "Report\n\n"
        "Police raided homes along the river in Hyesan on May 3. "
        "Residents say the raids are the harshest in years."
    )
    doc = make(text)
    add_date(doc, "May 3", "2023-05-03", date(2023, 5, 3))
    (event,) = events_of(doc)
    assert event.type is EventType.CRACKDOWN
    assert len(event.evidence) == 2
    assert "merged: a later clause refers back to it" in event.reasons


def test_a_restatement_by_pronoun_joins_the_act_and_dates_it_more_exactly() -> None:
    text = (
        "Report\n\n"
        "A harbour clerk was executed in Hyesan early this month. "
        "He was shot on June 4 at the sports ground."
    )
    doc = make(text)
    add_date(doc, "early this month", "2023-06", date(2023, 6, 1), date(2023, 6, 10))
    add_date(doc, "June 4", "2023-06-04", date(2023, 6, 4))
    (event,) = events_of(doc)
    assert event.type is EventType.EXECUTION
    assert len(event.evidence) == 2
    assert event.date is not None and (event.date.earliest, event.date.latest) == (date(2023, 6, 4),) * 2
    assert "date: from the later statement that refers back to it" in event.reasons


def test_a_new_subject_is_a_new_act() -> None:
    text = "Report\n\nGuards arrested a trader on June 3. Police arrested a driver on June 9."
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    add_date(doc, "June 9", "2023-06-09", date(2023, 6, 9))
    assert [e.type for e in events_of(doc)] == [EventType.ARREST, EventType.ARREST]


def test_the_headline_does_not_join_a_backstory_act_of_its_type() -> None:
    text = (
        "Women handed back by China\n\n"
        "Chinese police handed eleven women to border guards at the bridge on June 9, a source said. "
        "One of them had already been repatriated once, in 2021."
    )
    doc = make(text)
    add_date(doc, "June 9", "2023-06-09", date(2023, 6, 9))
    add_date(doc, "2021", "2021", date(2021, 1, 1), date(2021, 12, 31))
    repatriations = [e for e in events_of(doc) if e.type is EventType.FORCED_REPATRIATION]
    assert [(len(e.evidence), e.date.earliest if e.date else None) for e in repatriations] == [
        (2, date(2023, 6, 9)),  # the headline and the lede
        (1, date(2021, 1, 1)),
    ]


def test_two_orders_on_one_date_in_other_words_stay_two_events() -> None:
    text = (
        "Report\n\n"
        "The central committee ordered all traders to register their stalls on March 3. "
        "The provincial committee ordered schools in Hyesan to close on March 3."
    )
    doc = make(text)
    add_date(doc, "March 3", "2023-03-03", date(2023, 3, 3), nth=0)
    add_date(doc, "March 3", "2023-03-03", date(2023, 3, 3), nth=1)
    events = events_of(doc)
    assert [e.type for e in events] == [EventType.DIRECTIVE, EventType.DIRECTIVE]


def test_a_reference_back_does_not_join_backstory() -> None:
    text = (
        "Report\n\n"
        "The woman had already been arrested once, in 2019. "
        "She was arrested by the police box on June 3, a source said."
    )
    doc = make(text)
    add_date(doc, "2019", "2019", date(2019, 1, 1), date(2019, 12, 31))
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    arrests = [e for e in events_of(doc) if e.type is EventType.ARREST]
    assert [(len(e.evidence), e.date.earliest if e.date else None) for e in arrests] == [
        (1, date(2019, 1, 1)),
        (1, date(2023, 6, 3)),
    ]


def test_a_headline_whose_old_date_is_anothers_joins_the_act_of_its_kind() -> None:
    text = (
        "Woman who fled in 2019 handed back by China\n\n"
        "A woman was repatriated from China on June 5, a source said."
    )
    doc = make(text)
    add_date(doc, "2019", "2019", date(2019, 1, 1), date(2019, 12, 31))
    add_date(doc, "June 5", "2023-06-05", date(2023, 6, 5))
    (event,) = [e for e in events_of(doc) if e.type is EventType.FORCED_REPATRIATION]
    assert len(event.evidence) == 2
    assert event.date is not None and event.date.earliest == date(2023, 6, 5)


def test_a_narrower_date_that_does_not_meet_the_first_wins() -> None:
    text = (
        "Report\n\n"
        "A harbour clerk was executed in Hyesan in 2022, a source said. "
        "He was shot on Jan. 4 at the sports ground."
    )
    doc = make(text)
    add_date(doc, "2022", "2022", date(2022, 1, 1), date(2022, 12, 31))
    add_date(doc, "Jan. 4", "2023-01-04", date(2023, 1, 4))
    (event,) = events_of(doc)
    assert event.date is not None and event.date.earliest == event.date.latest == date(2023, 1, 4)


def test_two_states_going_on_since_different_dates_stay_two_events() -> None:
    text = (
        "Report\n\n"
        "Agents have held the wives of missing fishermen at the holding centre since late September, "
        "a source told Example Wire.\n\n"
        "Since Oct. 5, guards have kept two brokers from Onsong at the police station lockup."
    )
    doc = make(text, published=date(2023, 10, 20))
    add_date(doc, "late September", "2023-09", date(2023, 9, 21), date(2023, 9, 30))
    add_date(doc, "Oct. 5", "2023-10-05", date(2023, 10, 5))
    held = [e for e in events_of(doc) if e.type is EventType.DETENTION]
    assert len(held) == 2
    assert all(len(e.evidence) == 1 for e in held)
    assert sorted(e.date.earliest for e in held if e.date is not None) == [
        date(2023, 9, 21),
        date(2023, 10, 5),
    ]


# ------------------------------------------------------------------ dates of merged statements


def test_a_later_statement_that_names_the_day_narrows_the_ledes_date() -> None:
    doc = make(
        "Report\n\nA man was executed in Hyesan early this month, a source said.\n\n"
        "The public trial was held on June 5 at the stadium. "
        "He was shot immediately after the verdict was read out."
    )
    add_date(doc, "early this month", "2023-06", date(2023, 6, 1), date(2023, 6, 10))
    add_date(doc, "June 5", "2023-06-05", date(2023, 6, 5))
    execution = by_type(events_of(doc), EventType.EXECUTION)
    assert len(execution.evidence) == 2
    assert execution.date is not None
    assert (execution.date.earliest, execution.date.latest) == (date(2023, 6, 5), date(2023, 6, 5))


def _permits(since: str, value: str, day: date) -> list[tuple[date | None, date | None]]:
    doc = make(
        "Report\n\nVillagers in Musan have needed a permit to reach their fields by the river "
        "since late May, "
        f"a source said.\n\nSince {since}, villagers living by the river have needed a permit stamped by the "
        "border guards to reach their fields."
    )
    add_date(doc, "late May", "2023-05", date(2023, 5, 21), date(2023, 5, 31))
    add_date(doc, since, value, day)
    return [
        (e.date.earliest, e.date.latest) if e.date else (None, None)
        for e in events_of(doc)
        if e.type is EventType.MOVEMENT_RESTRICTION
    ]


def test_two_states_going_on_from_starts_told_apart_stay_two_events() -> None:
    assert _permits("June 5", "2023-06-05", date(2023, 6, 5)) == [
        (date(2023, 5, 21), date(2023, 6, 15)),
        (date(2023, 6, 5), date(2023, 6, 15)),
    ]


def test_a_state_going_on_from_a_start_inside_the_ledes_is_one_event() -> None:
    assert _permits("May 28", "2023-05-28", date(2023, 5, 28)) == [(date(2023, 5, 28), date(2023, 6, 15))]


# ------------------------------------------------------------------ undated retellings


def test_an_undated_retelling_in_like_words_joins_the_act() -> None:
    text = (
        "Report\n\n"
        "Police arrested two traders at the Chongjin railway station on Monday, a source said.\n\n"
        "Two traders were caught with Chinese phones at the Chongjin railway station, the source added."
    )
    doc = make(text)
    add_date(doc, "Monday", "2023-06-12", date(2023, 6, 12))
    (event,) = events_of(doc)
    assert event.type is EventType.ARREST
    assert len(event.evidence) == 2
    assert "merged: told again in like words, with no date of its own" in event.reasons


def test_an_undated_act_in_other_words_stays_its_own_event() -> None:
    text = (
        "Report\n\n"
        "Police arrested two traders at the Chongjin railway station on Monday, a source said.\n\n"
        "A teacher was caught with a South Korean film in a village school, the source added."
    )
    doc = make(text)
    add_date(doc, "Monday", "2023-06-12", date(2023, 6, 12))
    assert [e.type for e in events_of(doc)] == [EventType.ARREST, EventType.ARREST]


def test_a_death_in_custody_is_not_the_beating_told_near_it() -> None:
    text = (
        "Report\n\n"
        "A trader died in a police holding cell in Sariwon on Monday, a source said.\n\n"
        "Officers in Sariwon beat the trader every night, the source said."
    )
    doc = make(text)
    add_date(doc, "Monday", "2023-06-12", date(2023, 6, 12))
    assert [e.type for e in events_of(doc)].count(EventType.ILL_TREATMENT) == 2


# ------------------------------------------------------------------ campaigns


def test_the_searches_of_one_crackdown_at_one_place_are_one_event() -> None:
    text = (
        "Report\n\n"
        "Police launched a crackdown on smuggling in Hyesan on Monday, a source said.\n\n"
        "Inspection teams searched sheds and cellars along the river, confiscating cigarettes."
    )
    doc = make(text)
    add_date(doc, "Monday", "2023-06-12", date(2023, 6, 12))
    add_place(doc, "Hyesan", PlaceRole.EVENT)
    (event,) = events_of(doc)
    assert event.type is EventType.CRACKDOWN
    assert len(event.evidence) == 2
    assert "merged: another telling of the same campaign at the same place" in event.reasons
    assert event.date is not None and event.date.earliest == date(2023, 6, 12)


def test_crackdowns_at_two_places_stay_two_events() -> None:
    text = (
        "Report\n\n"
        "Police launched a crackdown on smuggling in Hyesan on Monday, a source said.\n\n"
        "In Musan, inspection teams searched sheds and cellars along the river."
    )
    doc = make(text)
    add_date(doc, "Monday", "2023-06-12", date(2023, 6, 12))
    add_place(doc, "Hyesan", PlaceRole.EVENT)
    add_place(doc, "Musan", PlaceRole.EVENT)
    assert [e.type for e in events_of(doc)] == [EventType.CRACKDOWN, EventType.CRACKDOWN]


def test_arrests_are_not_a_campaign() -> None:
    text = (
        "Report\n\n"
        "Police arrested a teacher in Hyesan on Monday, a source said.\n\n"
        "A driver was detained by border guards at a checkpoint on the road to the airport."
    )
    doc = make(text)
    add_date(doc, "Monday", "2023-06-12", date(2023, 6, 12))
    add_place(doc, "Hyesan", PlaceRole.EVENT)
    assert [e.type for e in events_of(doc)].count(EventType.ARREST) == 2


def test_the_work_dates_a_campaign_first_told_by_its_name() -> None:
    text = (
        "Report\n\n"
        'A rally to launch the "80-day battle" was held in Musan on June 1, a source said.\n\n'
        "From June 8, students have been sent to carry ore at the mine."
    )
    doc = make(text)
    add_date(doc, "June 1", "2023-06-01", date(2023, 6, 1))
    add_date(doc, "June 8", "2023-06-08", date(2023, 6, 8))
    add_place(doc, "Musan", PlaceRole.EVENT)
    labour = by_type(events_of(doc), EventType.FORCED_LABOR)
    assert len(labour.evidence) == 2
    assert labour.date is not None and labour.date.earliest == date(2023, 6, 8)


def test_a_recurring_practice_in_the_lede_is_not_the_one_day_the_body_tells() -> None:
    text = (
        "Report\n\n"
        "Party committees in Anju have been holding lectures every Saturday since early March, a source "
        "said.\n\n"
        "At a lecture at the coal mine on April 5, an official read out new rules."
    )
    doc = make(text)
    add_date(doc, "early March", "2023-03", date(2023, 3, 1), date(2023, 3, 10))
    add_date(doc, "April 5", "2023-04-05", date(2023, 4, 5))
    assert [e.type for e in events_of(doc)].count(EventType.MEETING) == 2


def test_a_masthead_named_weekly_is_no_recurring_practice() -> None:
    text = (
        "Report\n\n"
        "Nine women have been handed prison terms in Kanggye, a source told Amnok Weekly.\n\n"
        "The court sentenced the women in Kanggye on May 9 to terms of three to eight years."
    )
    doc = make(text)
    add_date(doc, "May 9", "2023-05-09", date(2023, 5, 9))
    (sentence,) = [e for e in events_of(doc) if e.type is EventType.SENTENCE]
    assert len(sentence.evidence) == 2
    assert sentence.date is not None and sentence.date.earliest == date(2023, 5, 9)


def test_a_crackdown_in_a_province_and_its_city_is_one_event() -> None:
    text = (
        "Report\n\n"
        "The provincial security bureau launched a crackdown on phones in Ryanggang Province on Monday.\n\n"
        "Inspection teams searched homes in Hyesan, confiscating Chinese phones."
    )
    doc = make(text)
    add_date(doc, "Monday", "2023-06-12", date(2023, 6, 12))
    add_place(doc, "Ryanggang Province", PlaceRole.EVENT)
    add_place(doc, "Hyesan", PlaceRole.EVENT)
    paths = {"Ryanggang Province": ("Ryanggang",), "Hyesan": ("Ryanggang", "Hyesan")}
    doc.places = [
        replace(m, place=m.place.model_copy(update={"admin_path": paths[m.text]})) if m.place else m
        for m in doc.places
    ]
    (event,) = events_of(doc)
    assert event.type is EventType.CRACKDOWN


def test_an_interrogation_told_later_is_part_of_the_detention() -> None:
    text = (
        "Report\n\n"
        "The woman has been held at the Hyesan police station since Monday, a source said.\n\n"
        "She named her supplier under interrogation, the source added."
    )
    doc = make(text)
    add_date(doc, "Monday", "2023-06-12", date(2023, 6, 12))
    (detention,) = [e for e in events_of(doc) if e.type is EventType.DETENTION]
    assert len(detention.evidence) == 2


def test_the_date_of_the_telling_gives_way_to_the_acts_own_when_told_again() -> None:
    doc = make(
        "Report\n\nOfficials have been holding lectures this week at which workers are told that a gold "
        "trader in Sunchon was executed, a source said.\n\n"
        "The man was shot in secret at the city police station in early May, the source said."
    )
    add_date(doc, "this week", "2023-W24", date(2023, 6, 12), date(2023, 6, 15))
    add_date(doc, "early May", "2023-05", date(2023, 5, 1), date(2023, 5, 10))
    executions = [e for e in events_of(doc) if e.type is EventType.EXECUTION]
    assert len(executions) == 1
    assert executions[0].date is not None
    assert (executions[0].date.earliest, executions[0].date.latest) == (date(2023, 5, 1), date(2023, 5, 10))


def test_acts_whose_dates_name_years_that_do_not_meet_stay_two_events() -> None:
    text = (
        "Report\n\n"
        "His wife crossed the Yalu to China in the autumn of 2016, he said. "
        "He crossed the frozen Yalu in December 2018, paying a broker."
    )
    doc = make(text)
    add_date(doc, "the autumn of 2016", "2016-FA", date(2016, 9, 1), date(2016, 11, 30))
    add_date(doc, "December 2018", "2018-12", date(2018, 12, 1), date(2018, 12, 31))
    first, second = events_of(doc)
    assert first.type is second.type is EventType.ESCAPE
    assert first.date is not None and first.date.timex == "2016-FA"
    assert second.date is not None and second.date.timex == "2018-12"


def test_a_trial_told_with_an_execution_takes_the_day_the_body_gives_it() -> None:
    text = (
        "Report\n\n"
        "The owner of the boat was shot at a public trial in Rajin, a source said. "
        "He was executed on Aug. 24 at the harbour."
    )
    doc = make(text)
    add_date(doc, "Aug. 24", "2023-08-24", date(2023, 8, 24))
    trial = by_type(events_of(doc), EventType.MEETING)
    assert trial.date is not None and (trial.date.earliest, trial.date.latest) == (date(2023, 8, 24),) * 2
    assert "date: the day of the execution told in the same sentence" in trial.reasons


# ------------------------------------------------------------------ who underwent the act


def test_a_later_act_told_of_one_person_is_not_the_act_told_of_several() -> None:
    text = (
        "Report\n\nThe three women crossed the river in October, but were caught by Chinese police two "
        "weeks later, a source said.\n\n"
        "The mother named the broker under questioning. He was arrested at his home in February."
    )
    doc = make(text)
    add_date(doc, "October", "2022-10", date(2022, 10, 1), date(2022, 10, 31))
    add_date(doc, "February", "2023-02", date(2023, 2, 1), date(2023, 2, 28))
    arrests = [e for e in events_of(doc) if e.type is EventType.ARREST]
    assert len(arrests) == 2


def test_a_group_named_in_the_singular_is_the_people_told_of_later() -> None:
    text = (
        "Report\n\nA family of four was caught by border guards on Monday, a source said.\n\n"
        "They were questioned for hours. The four were handed over to the county state security "
        "department."
    )
    doc = make(text)
    add_date(doc, "Monday", "2023-06-12", date(2023, 6, 12))
    arrests = [e for e in events_of(doc) if e.type is EventType.ARREST]
    assert len(arrests) == 1


def test_a_few_days_the_body_gives_pin_down_a_lede_told_within_a_month() -> None:
    text = (
        "Report\n\n"
        "A woman was held and questioned by state security for three nights last month, a source said. "
        "Agents summoned her on May 11. "
        "She was kept in a room at the county department for three nights and questioned."
    )
    doc = make(text)
    add_date(doc, "last month", "2023-05", date(2023, 5, 1), date(2023, 5, 31))
    add_date(doc, "May 11", "2023-05-11", date(2023, 5, 11))
    add_duration(doc, "three nights", "P3D")
    detention = by_type(events_of(doc), EventType.DETENTION)
    assert len(detention.evidence) == 2
    assert detention.date is not None and detention.date.earliest and detention.date.latest
    assert date(2023, 5, 11) <= detention.date.earliest <= detention.date.latest <= date(2023, 5, 14)
