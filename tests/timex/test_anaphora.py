# ruff: noqa: E501
"""Anaphors ("the same week", "the next day", "two days later") count from the date named last, but
never from one less precise than themselves: that leaves them unresolved, with a warning."""

from __future__ import annotations

from datetime import date

import pytest

from kirok.model import DateResolution
from kirok.pipeline.doc import Timex
from kirok.timex import tag

from .timex_find import find_timex

FRI = date(2021, 10, 29)


def _find(sentence: str, phrase: str, anchor: date | None = FRI) -> Timex:
    return find_timex(sentence, phrase, anchor)


# (sentence, phrase, value): the earlier date is coarser than the anaphor
# fmt: off
COARSE: list[tuple[str, str, str]] = [
    ("The family fled in 2019. In the same week the man was taken away.", "the same week", "2019-WXX"),
    ("The family fled in 2019. That week the man was taken away.", "That week", "2019-WXX"),
    ("The family fled in 2019. The next day the man was taken away.", "The next day", "2019-XX-XX"),
    ("The family fled in 2019. The following month he was caught.", "The following month", "2019-XX"),
    ("The family fled in 2019 and two days later he was caught.", "two days later", "2019-XX-XX"),
    ("The family fled in October 2019. The next day he was caught.", "The next day", "2019-10-XX"),
    ("The family fled in October 2019. On the same day he was caught.", "the same day", "2019-10-XX"),
    ("The family fled in October 2019 and three days later he was caught.", "three days later", "2019-10-XX"),
    ("The family fled in October 2019. That day he was caught.", "That day", "2019-10-XX"),
    ("The family fled in October 2019. The same weekend he was caught.", "The same weekend", "2019-WXX-WE"),
    ("The family fled last month. The next day he was caught.", "The next day", "2021-09-XX"),
    ("The family fled last year. The following week he was caught.", "The following week", "2020-WXX"),
    ("The family fled in the summer of 2018. The next day he was caught.", "The next day", "2018-XX-XX"),
    ("The family fled in the 1990s. The following year he was caught.", "The following year", "XXXX"),
    ("The family fled last week. The next day he was caught.", "The next day", "2021-XX-XX"),
    ("The unit was formed in 2016. That same night it was sent out.", "That same night", "2016-XX-XXTNI"),
    # a coarser date of the same year after the day: not a plain look back, so still counted from it
    ("Two men were arrested on July 3. He had left prison in January. The next day the shop reopened.", "The next day", "2021-01-XX"),
    # the day named before does not lie in the coarser date after it
    ("They were caught on Oct. 12, 2018, and tried in 2019. That same day the judge read the verdict.", "That same day", "2019-XX-XX"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "phrase", "value"), COARSE)
def test_coarser_reference_leaves_anaphor_unresolved(sentence: str, phrase: str, value: str) -> None:
    t = _find(sentence, phrase)
    assert t.value == value
    assert t.window is not None
    assert any("less precise" in w for w in t.warnings)
    if any(w in phrase.lower() for w in ("same", "that")):
        return  # moves no step: see test_same_unit_keeps_the_coarser_window
    assert t.window.earliest is None and t.window.latest is None
    assert t.window.resolution is DateResolution.UNRESOLVED


# (sentence, phrase, earliest, latest): "the same day" after a coarser date lies somewhere in it
# fmt: off
SAME_IN_COARSE: list[tuple[str, str, str, str]] = [
    ("The family fled in 2019. In the same week the man was taken away.", "the same week", "2019-01-01", "2019-12-31"),
    ("The family fled in October 2019. On the same day he was caught.", "the same day", "2019-10-01", "2019-10-31"),
    ("The family fled in October 2019. That day he was caught.", "That day", "2019-10-01", "2019-10-31"),
    ("Last week the couple were taken away. His wife was banished the same day.", "the same day", "2021-10-18", "2021-10-24"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "phrase", "earliest", "latest"), SAME_IN_COARSE)
def test_same_unit_keeps_the_coarser_window(sentence: str, phrase: str, earliest: str, latest: str) -> None:
    t = _find(sentence, phrase)
    assert t.window is not None
    assert (str(t.window.earliest), str(t.window.latest)) == (earliest, latest)
    assert "X" in t.value  # the TIMEX3 value still says the day is not known


# (sentence, phrase, value, earliest, latest): the earlier date is as fine as the anaphor or finer
# fmt: off
FINE: list[tuple[str, str, str, str, str]] = [
    ("He fled on Oct. 12, 2019. In the same week he was caught.", "the same week", "2019-W41", "2019-10-07", "2019-10-13"),
    ("He fled in October 2019. The following month he was caught.", "The following month", "2019-11", "2019-11-01", "2019-11-30"),
    ("He fled in October 2019. That year the border was closed.", "That year", "2019", "2019-01-01", "2019-12-31"),
    ("He fled in 2019. The following year he was caught.", "The following year", "2020", "2020-01-01", "2020-12-31"),
    ("He fled on March 3, 2020, and was caught the next day.", "the next day", "2020-03-04", "2020-03-04", "2020-03-04"),
    ("He fled on March 3, 2020, and was caught a year later.", "a year later", "2021", "2021-01-01", "2021-12-31"),
    ("He fled in 2015. In 2018 he came back. The next year he left.", "The next year", "2019", "2019-01-01", "2019-12-31"),
    ("He fled on Oct. 2, 2015. In 2018 he came back. The following year he left.", "The following year", "2019", "2019-01-01", "2019-12-31"),
    ("He fled in October 2018. Three months later he was caught.", "Three months later", "2019-01", "2019-01-01", "2019-01-31"),
    ("He fled on Oct. 12, 2018. He was caught that night.", "that night", "2018-10-12TNI", "2018-10-12", "2018-10-12"),
    ("He fled on Oct. 12, 2018. At that time the border was open.", "that time", "2018-10-12", "2018-10-12", "2018-10-12"),
    ("He fled in May 2018. At that time the border was open.", "that time", "2018-05", "2018-05-01", "2018-05-31"),
    # a date glossing the day named just before ("two days after the holiday") is not what the next counts from
    ("The raid began on Oct. 3, two days after the Chuseok holiday. Eight were taken that afternoon.", "that afternoon", "2021-10-03TAF", "2021-10-03", "2021-10-03"),
    ("He fled on Oct. 3, a week before the Party Foundation Day. He was caught the next day.", "the next day", "2021-10-04", "2021-10-04", "2021-10-04"),
    # a look back of years between: "the following week" counts on from the day the story is at
    ("Mun was caught on Sept. 9, 2019. Her daughter had fled in 2014. The following week two men were seized.", "The following week", "2019-W38", "2019-09-16", "2019-09-22"),
    # a day named before a coarser date that holds it: "the same day" is still that day
    ("They were sent off on June 1 to spend the summer there. A rally was held that same morning.", "that same morning", "2021-06-01TMO", "2021-06-01", "2021-06-01"),
    ("They were caught on Oct. 12, 2018, one of many arrests that month. Their wives were taken away the same day.", "the same day", "2018-10-12", "2018-10-12", "2018-10-12"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "phrase", "value", "earliest", "latest"), FINE)
def test_anaphor_counts_from_last_date(
    sentence: str, phrase: str, value: str, earliest: str, latest: str
) -> None:
    t = _find(sentence, phrase)
    assert t.value == value
    assert t.window is not None
    assert (t.window.earliest, t.window.latest) == (date.fromisoformat(earliest), date.fromisoformat(latest))


def test_offset_in_years_is_no_reference_for_the_next_offset() -> None:
    # both compare with the publication date: "a year ago" does not move "a year earlier" back again
    found = tag("Profit rose to $5 from $4 a year ago; sales were $9, up from $8 a year earlier.", FRI)
    assert [t.value for t in found] == ["2020", "2020"]


def test_anaphor_without_any_date_reads_against_publication_and_warns() -> None:
    t = _find("He was caught the next day.", "the next day")
    assert t.value == "2021-10-30"
    assert t.warnings


def test_that_time_without_a_date_is_past() -> None:
    assert _find("At that time the border was open.", "that time").value == "PAST_REF"


def test_a_bound_year_does_not_move_a_story() -> None:
    text = (
        "The war began in 1972. Talks failed in 1973. Fighting resumed in 1974. "
        "The offensive of 1975 was planned to last until 1976. On 11 March the city fell."
    )
    (t,) = [t for t in tag(text, date(2021, 10, 29)) if t.text == "11 March"]
    assert t.value == "1975-03-11"


# (sentence, phrase, value): "the week" is the week of a day or week named just before, when that is not
# publication's week; else publication's week
# fmt: off
THE_WEEK: list[tuple[str, str, str]] = [
    ("Three were taken away last week. Agents had parked a van there for most of the week.", "the week", "2021-W42"),
    ("They were taken on Oct. 13. Agents had watched the block for most of the week.", "the week", "2021-W41"),
    ("Prices rose on Monday. For the week, rice gained 3%.", "the week", "2021-W43"),
    ("Police will step up checks during the week.", "the week", "2021-W43"),
    ("Police said on Oct. 13 they will step up checks during the week.", "the week", "2021-W43"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "phrase", "value"), THE_WEEK)
def test_the_week_is_the_one_told_just_before(sentence: str, phrase: str, value: str) -> None:
    assert _find(sentence, phrase).value == value


# (sentence, phrase, value): "the previous Friday" is the last Friday before the day named just before,
# else before publication (Friday 2021-10-29)
# fmt: off
PREVIOUS: list[tuple[str, str, str]] = [
    ("The index closed on Friday, down 4.5% from the previous Friday.", "the previous Friday", "2021-10-22"),
    ("He was arrested on Oct. 13. He had been seen at the market the preceding Monday.", "the preceding Monday", "2021-10-11"),
    ("Prices fell from the previous Friday.", "the previous Friday", "2021-10-22"),
    ("Prices fell from the previous Thursday.", "the previous Thursday", "2021-10-28"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "phrase", "value"), PREVIOUS)
def test_the_previous_weekday_is_before_the_day_told_before(sentence: str, phrase: str, value: str) -> None:
    assert _find(sentence, phrase).value == value


def test_a_day_of_the_month_is_not_of_a_month_named_ahead() -> None:
    # the anniversary month lies ahead of publication (2021-10-29 is a Friday): "the 6th" is this month's
    sentence = "Officials want it finished before the party anniversary in December. The first group left on the 6th."
    assert _find(sentence, "the 6th").value == "2021-10-06"
    assert _find(sentence, "December").value == "2021-12"  # "want ... finished before": a date ahead


# (text, value of "the 12th"): a day of the month told in a new paragraph is of the month it is told in,
# unless the paragraph goes on from the one before ("Then on the 12th")
# fmt: off
PARAGRAPHS: list[tuple[str, str]] = [
    ("They were recruited under an order in July. They get no wages.\n\nTwo ran away and were caught on the 12th.",
     "2021-10-12"),
    ("They were recruited under an order in July. Two ran away and were caught on the 12th.", "2021-07-12"),
    ("He was picked up in July. Officers beat him.\n\nThen on the 12th, he was moved to Chongjin.", "2021-07-12"),
    ("He was picked up in July. Officers beat him.\n\nLater, on the 12th, he was moved to Chongjin.",
     "2021-07-12"),
]
# fmt: on


@pytest.mark.parametrize(("text", "value"), PARAGRAPHS)
def test_a_day_of_the_month_in_a_new_paragraph_is_of_the_month_it_is_told_in(text: str, value: str) -> None:
    assert _find(text, "the 12th").value == value


# (text, value of "the 12th"): a month told of a person ("who was repatriated in July") or in the past
# perfect ("had been arrested in July") is no month for a bare day after it, which is of publication's
# fmt: off
ASIDES: list[tuple[str, str]] = [
    ("A man who was repatriated from China in July was shot in Musan on the 12th.", "2021-10-12"),
    ("He had been arrested in July. He was shot on the morning of the 12th.", "2021-10-12"),
    ("He was arrested in July. He was shot on the morning of the 12th.", "2021-07-12"),
    ("A woman forcibly returned from China in July died in custody on the 12th.", "2021-10-12"),
    ("She was returned from China in July and died in custody on the 12th.", "2021-07-12"),
]
# fmt: on


@pytest.mark.parametrize(("text", "value"), ASIDES)
def test_a_day_of_the_month_after_a_month_told_as_an_aside_is_of_publication_s(text: str, value: str) -> None:
    assert _find(text, "the 12th").value == value
