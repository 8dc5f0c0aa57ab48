"""Event and report filters, ordering and paging, and full-text queries that user input cannot break."""

from __future__ import annotations

from datetime import date

import pytest

from kirok.model import DatePrecision, EventType, Place, PlacePrecision, ReviewStatus, TimeWindow
from kirok.store import EventFilter, ReportFilter
from kirok.store.filters import fts_query
from kirok.store.sqlite import SQLiteStore

from .builders import HYESAN, make_event, make_report

MUSAN = Place(
    name="Musan County",
    gazetteer_id="kp-nh-musan",
    admin_path=("North Hamgyong", "Musan"),
    precision=PlacePrecision.COUNTY,
)


def _window(earliest: str, latest: str) -> TimeWindow:
    return TimeWindow(
        earliest=date.fromisoformat(earliest),
        latest=date.fromisoformat(latest),
        precision=DatePrecision.MONTH,
    )


@pytest.fixture
def filled(store: SQLiteStore) -> SQLiteStore:
    old, old_bytes = make_report(
        "Smugglers were arrested near the river. A labour-training sentence followed.",
        published=date(2022, 3, 1),
        outlet="Outlet A",
        title="River arrests",
    )
    new, new_bytes = make_report(
        "Inspectors confiscated phones in Musan. Two men were executed publicly.",
        published=date(2023, 9, 10),
        outlet="Outlet B",
        title="Phones seized",
    )
    undated, undated_bytes = make_report(
        "Students were mobilised for farm work.", published=None, outlet="outlet a", title=None
    )
    store.add_report(
        old,
        old_bytes,
        [
            make_event(old, "were arrested", place=HYESAN, window=_window("2022-02-01", "2022-02-28")),
            make_event(old, "labour-training sentence", EventType.SENTENCE, place=HYESAN),
        ],
    )
    store.add_report(
        new,
        new_bytes,
        [
            make_event(
                new,
                "confiscated phones",
                EventType.CRACKDOWN,
                place=MUSAN,
                window=TimeWindow(earliest=date(2023, 8, 1)),
            ),
            make_event(
                new,
                "were executed",
                EventType.EXECUTION,
                place=MUSAN,
                window=_window("2023-09-01", "2023-09-09"),
            ),
        ],
    )
    store.add_report(undated, undated_bytes, [make_event(undated, "mobilised", EventType.FORCED_LABOR)])
    store.review_event(
        store.list_events(EventFilter(types=(EventType.EXECUTION,)))[0].id,
        ReviewStatus.VERIFIED,
        actor="reviewer",
    )
    return store


def _phrases(store: SQLiteStore, flt: EventFilter) -> list[str]:
    found = store.list_events(flt, limit=100)
    assert store.count_events(flt) == len(found)
    return [e.evidence[0].text for e in found]


def test_events_come_newest_report_first_then_in_report_order(filled: SQLiteStore) -> None:
    assert _phrases(filled, EventFilter()) == [
        "confiscated phones",
        "were executed",
        "were arrested",
        "labour-training sentence",
        "mobilised",
    ]
    assert [e.evidence[0].text for e in filled.iter_events()] == _phrases(filled, EventFilter())


def test_paging(filled: SQLiteStore) -> None:
    assert [e.evidence[0].text for e in filled.list_events(limit=2, offset=1)] == [
        "were executed",
        "were arrested",
    ]
    assert filled.list_events(limit=2, offset=10) == []


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (
            EventFilter(types=(EventType.SENTENCE, EventType.EXECUTION)),
            ["were executed", "labour-training sentence"],
        ),
        (EventFilter(statuses=(ReviewStatus.VERIFIED,)), ["were executed"]),
        (EventFilter(place="hyesan"), ["were arrested", "labour-training sentence"]),
        (EventFilter(place="north hamgyong"), ["confiscated phones", "were executed"]),
        (EventFilter(place="KP-NH-MUSAN"), ["confiscated phones", "were executed"]),
        (EventFilter(place="musan"), ["confiscated phones", "were executed"]),
        (EventFilter(place="Pyongyang"), []),
        (EventFilter(place="%"), []),
        (EventFilter(date_from=date(2022, 2, 15), date_to=date(2022, 3, 1)), ["were arrested"]),
        (EventFilter(date_from=date(2023, 9, 5)), ["confiscated phones", "were executed"]),
        (EventFilter(date_to=date(2023, 8, 15)), ["confiscated phones", "were arrested"]),
        (EventFilter(date_from=date(2024, 1, 1)), ["confiscated phones"]),
        (EventFilter(text="executed"), ["confiscated phones", "were executed"]),  # evidence or report text
        (EventFilter(text="river"), ["were arrested", "labour-training sentence"]),  # from the report text
        (EventFilter(text="labour-training"), ["were arrested", "labour-training sentence"]),
        (EventFilter(text="sentence followed"), ["were arrested", "labour-training sentence"]),
        (EventFilter(text="phones river"), []),  # every word, in one report or one evidence
        (EventFilter(text="mobilised"), ["mobilised"]),
        (EventFilter(text="arrested smugglers"), ["were arrested", "labour-training sentence"]),
        (
            EventFilter(text="  "),
            ["confiscated phones", "were executed", "were arrested", "labour-training sentence", "mobilised"],
        ),
        (EventFilter(text="executed", types=(EventType.SENTENCE,)), []),
    ],
)
def test_event_filters(filled: SQLiteStore, flt: EventFilter, expected: list[str]) -> None:
    assert _phrases(filled, flt) == expected


def test_report_id_filter(filled: SQLiteStore) -> None:
    report = filled.list_reports(ReportFilter(outlet="Outlet B"))[0]
    assert _phrases(filled, EventFilter(report_id=report.id)) == ["confiscated phones", "were executed"]


NASTY = [
    '"',
    '""',
    'phones"',
    "*",
    "phon*",
    "-phones",
    "(phones",
    "phones)",
    "NEAR(phones men)",
    "NEAR",
    "AND",
    "OR phones",
    "NOT",
    "a:b",
    "title:phones",
    "^phones",
    "phones +",
    "'; DROP TABLE events; --",
    "\\",
    "%_",
    "\x00",
    "{phones}",
    "[x]",
    "phones AND OR NOT",
]


@pytest.mark.parametrize("text", NASTY)
def test_nasty_text_never_breaks_the_query(filled: SQLiteStore, text: str) -> None:
    found = filled.list_events(EventFilter(text=text))
    assert filled.count_events(EventFilter(text=text)) == len(found)
    assert filled.count_reports(ReportFilter(text=text)) == len(filled.list_reports(ReportFilter(text=text)))
    assert filled.count_events() == 5


def test_nasty_text_is_read_as_words() -> None:
    assert fts_query('NEAR(phones "men") -x*') == '"NEAR phones" "men" "x"'
    assert fts_query("*** ---") is None
    assert fts_query('phones"') == '"phones"'


def test_reports_newest_first_and_filters(filled: SQLiteStore) -> None:
    assert [r.title for r in filled.list_reports()] == ["Phones seized", "River arrests", None]
    assert [r.title for r in filled.list_reports(ReportFilter(outlet="OUTLET A"))] == ["River arrests", None]
    assert [r.title for r in filled.list_reports(ReportFilter(text="phones"))] == ["Phones seized"]
    assert [r.title for r in filled.list_reports(ReportFilter(text="seized"))] == ["Phones seized"]  # title
    between = ReportFilter(published_from=date(2022, 1, 1), published_to=date(2022, 12, 31))
    assert [r.title for r in filled.list_reports(between)] == ["River arrests"]
    first = filled.list_reports()[0]
    assert filled.list_reports(ReportFilter(ids=(first.id, "r-none"))) == [first]
    assert filled.count_reports(ReportFilter(text="???")) == 0
    assert [r.title for r in filled.list_reports(limit=1, offset=1)] == ["River arrests"]
