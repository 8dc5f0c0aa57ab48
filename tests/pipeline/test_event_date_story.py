"""Windows the story implies (:mod:`kirok.pipeline.event_date_story`): the lede made exact by the next
sentence, and the steps of a custody chain bounding each other."""

from __future__ import annotations

from datetime import date

from kirok.model import EventType
from kirok.pipeline.doc import Doc, Timex

from .event_docs import PUBLISHED, add_date, add_duration, events_of, make


def _windows(doc: Doc, type_: EventType) -> list[tuple[date | None, date | None]]:
    return [
        (e.date.earliest, e.date.latest) if e.date else (None, None)
        for e in events_of(doc)
        if e.type is type_
    ]


def test_the_next_sentence_makes_the_ledes_vague_date_exact() -> None:
    doc = make(
        "Report\n\nA family escaped across the river earlier this month, a source said.\n\n"
        "They set off before dawn on June 9."
    )
    add_date(doc, "earlier this month", "2023-06", date(2023, 6, 1), date(2023, 6, 14))
    add_date(doc, "June 9", "2023-06-09", date(2023, 6, 9))
    assert _windows(doc, EventType.ESCAPE) == [(date(2023, 6, 9), date(2023, 6, 9))]


def test_a_next_sentence_that_tells_its_own_act_does_not_refine_the_lede() -> None:
    doc = make(
        "Report\n\nA family escaped across the river earlier this month, a source said.\n\n"
        "Guards arrested their neighbour on June 9."
    )
    add_date(doc, "earlier this month", "2023-06", date(2023, 6, 1), date(2023, 6, 14))
    add_date(doc, "June 9", "2023-06-09", date(2023, 6, 9))
    assert _windows(doc, EventType.ESCAPE) == [(date(2023, 6, 1), date(2023, 6, 14))]


def test_the_trial_of_the_ledes_punishment_does_not_date_the_other_act_it_tells() -> None:
    doc = make(
        "Report\n\nTwo women who were returned from China earlier this month have been handed terms of "
        "three years in a reform camp, a source said.\n\n"
        "The sentences were read out on June 9 at the provincial court."
    )
    add_date(doc, "earlier this month", "2023-06", date(2023, 6, 1), date(2023, 6, 14))
    add_date(doc, "June 9", "2023-06-09", date(2023, 6, 9))
    assert _windows(doc, EventType.FORCED_REPATRIATION) == [(date(2023, 6, 1), date(2023, 6, 14))]


def test_a_later_sentence_counts_as_telling_the_act_again_by_its_verb_not_its_auxiliary() -> None:
    doc = make(
        "Report\n\nTwo women were returned from China earlier this month, a source said.\n\n"
        "Guards arrested their brother in Hyesan on June 2.\n\n"
        "Soldiers were seen at the bridge on June 9."
    )
    add_date(doc, "earlier this month", "2023-06", date(2023, 6, 1), date(2023, 6, 14))
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    add_date(doc, "June 9", "2023-06-09", date(2023, 6, 9))
    assert _windows(doc, EventType.FORCED_REPATRIATION) == [(date(2023, 6, 1), date(2023, 6, 14))]


def test_an_undated_holding_ends_by_the_next_dated_step_of_custody() -> None:
    doc = make(
        "Report\n\nA man was arrested in mid-March.\n\nHe was held in the county police lock-up.\n\n"
        "In May he was moved to the provincial detention centre."
    )
    add_date(doc, "mid-March", "2023-03", date(2023, 3, 11), date(2023, 3, 20))
    add_date(doc, "May", "2023-05", date(2023, 5, 1), date(2023, 5, 31))
    first, second = _windows(doc, EventType.DETENTION)
    assert first == (date(2023, 3, 11), date(2023, 5, 31))
    assert second == (date(2023, 5, 1), date(2023, 5, 31))


def test_a_holding_told_after_the_punishment_lies_between_the_arrest_and_it() -> None:
    doc = make(
        "Report\n\nA man was sentenced to five years in a camp on Feb. 18, a source said.\n\n"
        "He had been arrested on Dec. 12 at the river.\n\nHe was held at the county security department."
    )
    add_date(doc, "Feb. 18", "2023-02-18", date(2023, 2, 18))
    add_date(doc, "Dec. 12", "2022-12-12", date(2022, 12, 12))
    assert _windows(doc, EventType.DETENTION) == [(date(2022, 12, 12), date(2023, 2, 18))]


def test_a_holding_in_a_camp_after_the_punishment_is_not_pulled_back() -> None:
    doc = make(
        "Report\n\nA man was sentenced to five years on Feb. 18, a source said.\n\n"
        "He had been arrested on Dec. 12 at the river.\n\nHe is held at the Kaechon camp."
    )
    add_date(doc, "Feb. 18", "2023-02-18", date(2023, 2, 18))
    add_date(doc, "Dec. 12", "2022-12-12", date(2022, 12, 12))
    ((earliest, _),) = _windows(doc, EventType.DETENTION)
    assert earliest == date(2023, 2, 18)


def test_a_trial_told_after_an_execution_was_held_that_day() -> None:
    doc = make(
        "Report\n\nA man was executed by firing squad last Friday, a source said.\n\n"
        "Before the shooting, a public trial was held on the riverbank."
    )
    add_date(doc, "last Friday", "2023-06-09", date(2023, 6, 9))
    assert _windows(doc, EventType.MEETING) == [(date(2023, 6, 9), date(2023, 6, 9))]


def test_an_act_told_before_a_dated_act_ends_by_it() -> None:
    doc = make(
        "Report\n\nA woman was arrested on June 2, a source said.\n\n"
        "She was beaten in custody before the rally.\n\nA public rally was held on June 8."
    )
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    add_date(doc, "June 8", "2023-06-08", date(2023, 6, 8))
    assert _windows(doc, EventType.ILL_TREATMENT) == [(date(2023, 6, 2), date(2023, 6, 8))]


def test_a_state_in_the_past_perfect_since_a_date_lasts_to_the_storys_time() -> None:
    doc = make(
        "Report\n\nA family was banished to a farm last week.\n\n"
        "An informant had been reporting on the family since March."
    )
    add_date(doc, "last week", "2023-W23", date(2023, 6, 5), date(2023, 6, 11))
    add_date(doc, "March", "2023-03", date(2023, 3, 1), date(2023, 3, 31))
    assert _windows(doc, EventType.SURVEILLANCE) == [(date(2023, 3, 1), date(2023, 6, 11))]


def test_what_a_released_prisoner_saw_ended_by_her_release() -> None:
    doc = make(
        "Report\n\nA woman released from a camp near Hoeryong in March described conditions there.\n\n"
        "Guards beat prisoners who fell behind their quotas."
    )
    add_date(doc, "March", "2023-03", date(2023, 3, 1), date(2023, 3, 31))
    assert _windows(doc, EventType.ILL_TREATMENT) == [(date(2023, 3, 1), date(2023, 3, 31))]


def test_a_date_not_of_a_release_does_not_bound_the_holding() -> None:
    doc = make(
        "Report\n\nA woman who fled from a camp near Hoeryong in March described conditions there.\n\n"
        "Guards beat prisoners who fell behind their quotas."
    )
    add_date(doc, "March", "2023-03", date(2023, 3, 1), date(2023, 3, 31))
    assert _windows(doc, EventType.ILL_TREATMENT) == [(date(2023, 3, 1), date(2023, 6, 15))]


def test_custody_told_without_a_date_begins_no_earlier_than_the_arrest_told_before_it() -> None:
    doc = make(
        "Report\n\nA railway worker from Hoeryong was sent to a political prison camp on June 12, a "
        "source said.\n\n"
        "He had been in custody since May 21, when agents came for him at night.\n\n"
        "His niece crossed the Tumen River into China in early April.\n\n"
        "For about two months he was held in the basement cells of the city security department."
    )
    add_date(doc, "June 12", "2023-06-12", date(2023, 6, 12))
    add_date(doc, "May 21", "2023-05-21", date(2023, 5, 21))
    add_date(doc, "early April", "2023-04", date(2023, 4, 1), date(2023, 4, 10))
    held = [
        e for e in events_of(doc) if e.type is EventType.DETENTION and e.evidence[0].text.startswith("For")
    ]
    assert len(held) == 1 and held[0].date is not None
    assert (held[0].date.earliest, held[0].date.latest) == (date(2023, 5, 21), date(2023, 6, 12))


def test_beatings_in_the_first_week_of_custody_lie_in_its_first_seven_days() -> None:
    doc = make(
        "Report\n\nFour builders were handed back at the Tumen bridge on June 2, a source said.\n\n"
        "They were taken to a holding centre in Rajin. One had two teeth broken by an interrogator in the "
        "first week."
    )
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    assert _windows(doc, EventType.ILL_TREATMENT) == [(date(2023, 6, 2), date(2023, 6, 8))]


def test_beatings_on_the_first_night_of_custody_lie_in_its_first_night() -> None:
    doc = make(
        "Report\n\nFour builders were handed back at the Tumen bridge on June 2, a source said.\n\n"
        "They were taken to a holding centre in Rajin. They were beaten on the first night."
    )
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    assert _windows(doc, EventType.ILL_TREATMENT) == [(date(2023, 6, 2), date(2023, 6, 3))]


def test_custody_told_as_going_on_now_is_not_ended_by_anothers_release() -> None:
    doc = make(
        "Report\n\nAgents raided a flat in Hyesan on June 2, a source said. Her husband was released on "
        "June 9.\n\n"
        "Kang is being held in the holding cells, where interrogators slap her whenever she dozes off."
    )
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    add_date(doc, "June 9", "2023-06-09", date(2023, 6, 9))
    windows = _windows(doc, EventType.DETENTION)
    assert windows and all(latest == PUBLISHED for _, latest in windows)


def test_deaths_over_the_following_two_weeks_come_after_the_day_told_before() -> None:
    doc = make(
        "Report\n\nFour prisoners of a camp near Tanchon have died this month, a source said.\n\n"
        "One prisoner collapsed at the pit face on June 3 and died in custody that night. Three others "
        "died in custody over the following two weeks."
    )
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    add_duration(doc, "the following two weeks", "P2W")
    deaths = sorted(_windows(doc, EventType.ILL_TREATMENT))
    assert (date(2023, 6, 4), PUBLISHED) in deaths  # June 4 to 17, cut at publication on the 15th


def test_found_dead_on_a_day_tells_the_death_of_the_lede_more_exactly() -> None:
    doc = make(
        "Report\n\nA coal trader died in a police holding cell in Hamhung this month, a source said.\n\n"
        "Police arrested him at his home on June 1. He was found dead in his cell on the morning of June 7."
    )
    add_date(doc, "this month", "2023-06", date(2023, 6, 1), date(2023, 6, 15))
    add_date(doc, "June 1", "2023-06-01", date(2023, 6, 1))
    add_date(doc, "the morning of June 7", "2023-06-07TMO", date(2023, 6, 7))
    assert _windows(doc, EventType.ILL_TREATMENT) == [(date(2023, 6, 7), date(2023, 6, 7))]


def test_a_ledes_undated_punishment_takes_the_date_of_the_sentence_that_tells_it() -> None:
    doc = make(
        "Report\n\nA factory technician in Kaesong who was reported by a neighbour has been sent to a "
        "political prison camp, a source said.\n\n"
        "He was arrested in late March. He was taken away to the camp at the end of May without any trial."
    )
    add_date(doc, "late March", "2023-03", date(2023, 3, 21), date(2023, 3, 31))
    add_date(doc, "the end of May", "2023-05", date(2023, 5, 21), date(2023, 5, 31))
    assert _windows(doc, EventType.SENTENCE) == [(date(2023, 5, 21), date(2023, 5, 31))]


def test_held_for_a_number_of_days_after_an_arrest_in_a_month_ends_that_many_days_after_it() -> None:
    doc = make(
        "Report\n\nA fisherman in Kimchaek was sentenced on June 12 to a year in a labour-training brigade, "
        "a source said.\n\nThe man was arrested in April. He was held for 40 days in the holding cells of "
        "the city police and was then moved to the provincial bureau."
    )
    add_date(doc, "June 12", "2023-06-12", date(2023, 6, 12))
    add_date(doc, "April", "2023-04", date(2023, 4, 1), date(2023, 4, 30))
    add_duration(doc, "40 days", "P40D")
    assert (date(2023, 4, 1), date(2023, 6, 9)) in _windows(doc, EventType.DETENTION)


def test_a_holding_before_an_execution_ends_on_the_tightest_date_the_report_gives_it() -> None:
    doc = make(
        "Report\n\nTwo men were executed in Kilju earlier this month, a source said.\n\n"
        "The executions were carried out on June 3 by the river.\n\n"
        "The pair had been caught in late April. Guards handed them over to the county police, where the "
        "two were held for more than a month."
    )
    add_date(doc, "earlier this month", "2023-06", date(2023, 6, 1), date(2023, 6, 14))
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    add_date(doc, "late April", "2023-04", date(2023, 4, 21), date(2023, 4, 30))
    assert _windows(doc, EventType.DETENTION) == [(date(2023, 4, 21), date(2023, 6, 3))]


def test_a_holding_until_a_date_ends_then_and_the_act_after_it_begins_then() -> None:
    doc = make(
        "Report\n\nThe woman was caught on the riverbank on May 11.\n\n"
        "She was held in the city security department until early this month and then sentenced to "
        "15 years in a kyohwaso."
    )
    add_date(doc, "May 11", "2023-05-11", date(2023, 5, 11))
    add_date(doc, "early this month", "2023-06", date(2023, 6, 1), date(2023, 6, 10))
    assert _windows(doc, EventType.DETENTION) == [(date(2023, 5, 11), date(2023, 6, 10))]
    assert _windows(doc, EventType.SENTENCE) == [(date(2023, 6, 1), date(2023, 6, 15))]


def test_a_punishment_told_after_a_holding_of_a_told_length_comes_after_it_ends() -> None:
    doc = make(
        "Report\n\nA woman from Anju was arrested at a checkpoint on June 2, a source said.\n\n"
        "She was held for ten days in the cells of the district police. She was sent back to Anju, where "
        "the local committee handed her six months in a labour-training brigade."
    )
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    add_duration(doc, "ten days", "P10D")
    assert _windows(doc, EventType.DETENTION) == [(date(2023, 6, 2), date(2023, 6, 12))]
    assert _windows(doc, EventType.SENTENCE) == [(date(2023, 6, 12), PUBLISHED)]


def test_a_punishment_after_a_holding_of_an_open_length_still_follows_the_arrest() -> None:
    doc = make(
        "Report\n\nA woman from Anju was arrested at a checkpoint on June 2, a source said.\n\n"
        "She was held for more than ten days in the cells of the district police. She was sent back to "
        "Anju, where the local committee handed her six months in a labour-training brigade."
    )
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    add_duration(doc, "more than ten days", "P10D")
    assert _windows(doc, EventType.SENTENCE) == [(date(2023, 6, 2), PUBLISHED)]


def test_a_punishment_after_a_holding_of_about_ten_days_follows_its_end() -> None:
    doc = make(
        "Report\n\nA woman from Anju was arrested at a checkpoint on June 2, a source said.\n\n"
        "She was held for about ten days in the cells of the district police. She was sent back to Anju, "
        "where the local committee handed her six months in a labour-training brigade."
    )
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    add_duration(doc, "about ten days", "P10D")
    assert _windows(doc, EventType.SENTENCE) == [(date(2023, 6, 13), PUBLISHED)]


def test_a_state_told_ever_since_runs_from_the_finest_date_before_it_to_publication() -> None:
    doc = make(
        "Report\n\nThousands of workers in Sariwon were marched to a rally on May 10 to open this year's "
        "planting battle, and have been working on farms around the city ever since, a source said."
    )
    add_date(doc, "May 10", "2023-05-10", date(2023, 5, 10))
    add_date(doc, "this year", "2023", date(2023, 1, 1), date(2023, 12, 31))
    assert _windows(doc, EventType.FORCED_LABOR) == [(date(2023, 5, 10), PUBLISHED)]


def test_since_then_after_another_verb_does_not_date_the_act_before_it() -> None:
    doc = make(
        "Report\n\nA broker was arrested in Hyesan on May 10 and has been held at the city police station "
        "since then, a source said."
    )
    add_date(doc, "May 10", "2023-05-10", date(2023, 5, 10))
    assert _windows(doc, EventType.ARREST) == [(date(2023, 5, 10), date(2023, 5, 10))]
    assert _windows(doc, EventType.DETENTION) == [(date(2023, 5, 10), PUBLISHED)]


def test_held_for_about_four_weeks_ends_a_tenth_past_them() -> None:
    doc = make(
        "Report\n\nA couple were caught on the ice near Hyesan on April 3, a source said.\n\n"
        "They were held for about four weeks in the cells of the provincial security department."
    )
    add_date(doc, "April 3", "2023-04-03", date(2023, 4, 3))
    add_duration(doc, "about four weeks", "P4W")
    assert _windows(doc, EventType.DETENTION) == [(date(2023, 4, 3), date(2023, 5, 4))]


def test_held_for_more_than_a_month_is_open_to_publication() -> None:
    doc = make(
        "Report\n\nA couple were caught on the ice near Hyesan on April 3, a source said.\n\n"
        "They were held for more than a month in the cells of the provincial security department."
    )
    add_date(doc, "April 3", "2023-04-03", date(2023, 4, 3))
    add_duration(doc, "more than a month", "P1M")
    assert _windows(doc, EventType.DETENTION) == [(date(2023, 4, 3), PUBLISHED)]


def test_held_for_three_months_ends_three_months_on() -> None:
    doc = make(
        "Report\n\nA radio technician was arrested in Kaesong on Feb. 1, a source said.\n\n"
        "For three months he was kept in the basement cells of the city department."
    )
    add_date(doc, "Feb. 1", "2023-02-01", date(2023, 2, 1))
    add_duration(doc, "three months", "P3M")
    assert _windows(doc, EventType.DETENTION) == [(date(2023, 2, 1), date(2023, 5, 2))]


def test_a_beating_told_after_a_holding_of_a_told_length_lies_within_it() -> None:
    doc = make(
        "Report\n\nA couple were caught on the ice near Hyesan on April 3, a source said.\n\n"
        "They were held for four weeks in the cells of the provincial security department. "
        "The husband was beaten so badly during questioning that he lost hearing in one ear."
    )
    add_date(doc, "April 3", "2023-04-03", date(2023, 4, 3))
    add_duration(doc, "four weeks", "P4W")
    assert _windows(doc, EventType.ILL_TREATMENT) == [(date(2023, 4, 3), date(2023, 5, 1))]


def test_the_next_morning_after_one_short_sentence_is_a_day_after_the_act_before_it() -> None:
    doc = make(
        "Report\n\nA captain was executed in Nampo last week, a source said.\n\n"
        "He and his family sailed south one night in early March.\n\n"
        "They did not get far. A patrol boat intercepted the trawler the next morning."
    )
    add_date(doc, "last week", "2023-W23", date(2023, 6, 5), date(2023, 6, 11))
    add_date(doc, "early March", "2023-03", date(2023, 3, 1), date(2023, 3, 10))
    # the tagger could not count "the next morning" from "early March": no window
    start = doc.text.index("the next morning")
    unresolved = Timex(start, start + 16, "the next morning", "TIME", "2023-03-XXTMO")
    doc.timexes = sorted([*doc.timexes, unresolved], key=lambda t: t.start)
    assert _windows(doc, EventType.ARREST) == [(date(2023, 3, 2), date(2023, 3, 11))]


def test_beatings_for_the_first_days_of_custody_lie_in_its_first_two_weeks() -> None:
    doc = make(
        "Report\n\nA trader was caught on the quay in Rajin on May 20, a source said.\n\n"
        "She was taken to the holding centre. For the first days she was made to sit motionless, and "
        "guards kicked her when she moved."
    )
    add_date(doc, "May 20", "2023-05-20", date(2023, 5, 20))
    assert _windows(doc, EventType.ILL_TREATMENT) == [(date(2023, 5, 20), date(2023, 6, 2))]


def test_released_after_three_days_ends_the_holding_three_days_on() -> None:
    doc = make(
        "Report\n\nA boat crew was caught coming back to Haeju on June 4, a source said.\n\n"
        "The crew were released after three days in the cells of the city security office."
    )
    add_date(doc, "June 4", "2023-06-04", date(2023, 6, 4))
    add_duration(doc, "three days", "P3D")
    assert _windows(doc, EventType.DETENTION) == [(date(2023, 6, 4), date(2023, 6, 7))]


def test_an_undated_look_back_between_the_lede_and_its_day_is_passed_over() -> None:
    doc = make(
        "Report\n\nChinese police handed 40 women back to the North last week, a source said.\n\n"
        "The group had been kept in a detention facility in Tumen city. "
        "They were driven to the crossing at dawn on June 7 and marched over the bridge."
    )
    add_date(doc, "last week", "2023-W23", date(2023, 6, 5), date(2023, 6, 11))
    add_date(doc, "June 7", "2023-06-07", date(2023, 6, 7))
    assert _windows(doc, EventType.FORCED_REPATRIATION) == [(date(2023, 6, 7), date(2023, 6, 7))]
