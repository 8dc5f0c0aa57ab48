"""Acts told as one scene share its day (:mod:`kirok.pipeline.event_same_day`)."""

from __future__ import annotations

from datetime import date

from kirok.model import EventType

from .event_docs import add_date, by_type, events_of, make

_LATE_MAY = ("late last month", "2023-05", date(2023, 5, 21), date(2023, 5, 31))


def _capture(first: str) -> tuple[date | None, date | None, list[str]]:
    text = (
        f"Report\n\n{first}, a source said.\n\n"
        "A patrol spotted him on the night of May 27 wading into the shallows below the town."
    )
    doc = make(text)
    add_date(doc, *_LATE_MAY)
    add_date(doc, "the night of May 27", "2023-05-27TNI", date(2023, 5, 27))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert arrest.date is not None
    return arrest.date.earliest, arrest.date.latest, list(arrest.reasons)


def test_a_capture_while_trying_to_cross_is_on_the_day_of_the_crossing() -> None:
    earliest, latest, reasons = _capture(
        "A soldier was caught late last month on the Tumen bank near Musan as he tried to cross into China"
    )
    assert (earliest, latest) == (date(2023, 5, 27), date(2023, 5, 27))
    assert "date: the day of the crossing it stopped, told in the same sentence" in reasons


def test_a_capture_told_apart_from_the_crossing_keeps_its_own_date() -> None:
    earliest, latest, _ = _capture(
        "A soldier who crossed the Tumen into China near Musan was caught late last month by Chinese police"
    )
    assert (earliest, latest) == (date(2023, 5, 21), date(2023, 5, 31))


def test_a_term_handed_down_at_a_trial_is_on_the_trial_s_day() -> None:
    text = (
        "Report\n\nA woman from Anju was handed a ten-year term at a public trial late last month, a "
        "source said.\n\nShe was arrested at a flat in Pyongyang on May 2, the source said.\n\n"
        "The trial took place in the yard of the textile mill on May 27."
    )
    doc = make(text)
    add_date(doc, *_LATE_MAY)
    add_date(doc, "May 2", "2023-05-02", date(2023, 5, 2))
    add_date(doc, "May 27", "2023-05-27", date(2023, 5, 27))
    term = by_type(events_of(doc), EventType.SENTENCE)
    assert term.date is not None and (term.date.earliest, term.date.latest) == (date(2023, 5, 27),) * 2
    assert "date: the day of the trial it was handed down at" in term.reasons
