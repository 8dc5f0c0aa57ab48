"""The review queue: suggested events only, oldest report first or least confident first, in pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from lxml import html as lxml_html

from kirok.model import Event, EventType, ReviewStatus, Span
from kirok.store.base import EventOrder
from kirok.store.sqlite import SQLiteStore
from kirok.web.review import QueueOrder, ReviewQueue, queue_of
from kirok.web.views import PER_PAGE, PageError, Query

from .accounts import VIEWER, log_in
from .corpus import make_event, make_report
from .review_site import Site

REPORTS = 7


def fill_queue(store: SQLiteStore) -> list[Event]:
    """Seven reports (one undated) of one to four events; every third event verified. The suggested ones,
    in the queue's oldest-first order: by published date, the undated report last, then text order."""
    expected: list[tuple[tuple[bool, date, int], Event]] = []
    for r in range(REPORTS):
        published = None if r == 3 else date(2021, 1 + r, 1)
        words = [f"guards arrested trader number {r}{k} at dawn." for k in range(1 + r % 4)]
        text = " ".join(words)
        report = make_report(text, published=published, title=f"Queue report {r}")
        events = []
        for k, sentence in enumerate(words):
            start = text.index(sentence)
            evidence = (Span(start=start, end=start + len(sentence), text=sentence),)
            status = ReviewStatus.VERIFIED if (r + k) % 3 == 2 else ReviewStatus.SUGGESTED
            confidence = round(0.05 + ((r * 7 + k * 3) % 10) / 11, 3)
            event = make_event(report, EventType.ARREST, evidence, confidence=confidence, status=status)
            events.append(event)
            if status is ReviewStatus.SUGGESTED:
                expected.append(((published is None, published or date.min, k), event))
        store.add_report(report, text.encode(), events)
    return [e for _, e in sorted(expected, key=lambda p: p[0])]


@pytest.fixture
def queue_store(tmp_path: Path) -> tuple[SQLiteStore, list[Event]]:
    store = SQLiteStore(tmp_path / "q.db", key_file=tmp_path / "q.key")
    return store, fill_queue(store)


def by_confidence(expected: list[Event]) -> list[Event]:
    """The least confident first; equal confidences in oldest-first order."""
    return sorted(expected, key=lambda e: (e.confidence, expected.index(e)))


@pytest.mark.parametrize(("sort", "order"), [("oldest", EventOrder.OLDEST), ("confidence", None)])
def test_each_queue_order_is_a_store_order(sort: str, order: EventOrder | None) -> None:
    queue = queue_of(Query([("sort", sort)]))
    assert queue.order.value == sort
    assert queue.order.events is (order or EventOrder.LEAST_CONFIDENT)
    assert queue_of(Query([])).order is QueueOrder.OLDEST


@pytest.mark.parametrize("sort", ["oldest", "confidence"])
def test_every_window_of_the_queue_is_a_slice_of_its_order(
    queue_store: tuple[SQLiteStore, list[Event]], sort: str
) -> None:
    store, oldest = queue_store
    expected = oldest if sort == "oldest" else by_confidence(oldest)
    queue = queue_of(Query([("sort", sort)]))
    assert queue.count(store) == len(expected)
    assert [e.id for e in queue.window(store, 0, 100)] == [e.id for e in expected]
    for start in range(len(expected) + 1):
        for limit in (0, 1, 2, 5):
            got = queue.window(store, start, limit)
            assert [e.id for e in got] == [e.id for e in expected[start : start + limit]]
    store.close()


def test_oldest_first_reads_whole_reports_in_text_order_and_the_undated_report_last(
    queue_store: tuple[SQLiteStore, list[Event]],
) -> None:
    store, expected = queue_store
    found = queue_of(Query([])).window(store, 0, 100)
    reports = [store.get_report(e.report_id) for e in found]
    dates = [r.published for r in reports if r is not None]
    dated = sorted(d for d in dates if d is not None)
    assert len(dates) == len(found) and 0 < len(dated) < len(dates)
    assert dates == [*dated, *[None] * (len(dates) - len(dated))]
    for report_id in {e.report_id for e in found}:
        starts = [e.evidence[0].start for e in found if e.report_id == report_id]
        assert starts == sorted(starts)
    store.close()


def test_least_confident_first(queue_store: tuple[SQLiteStore, list[Event]]) -> None:
    store, expected = queue_store
    queue = queue_of(Query([("sort", "confidence")]))
    assert queue.order is QueueOrder.CONFIDENCE
    found = queue.window(store, 0, 100)
    assert [e.id for e in found] == [e.id for e in by_confidence(expected)]
    assert [e.confidence for e in found] == sorted(e.confidence for e in expected)
    assert len({e.confidence for e in found}) < len(found)  # equal confidences are there, in report order
    assert [e.id for e in queue.window(store, 2, 3)] == [e.id for e in by_confidence(expected)[2:5]]
    store.close()


def test_queue_keeps_the_events_filters_but_only_suggested_events() -> None:
    queue = queue_of(
        Query([("type", "arrest"), ("status", "verified"), ("place", "Hyesan"), ("sort", "confidence")])
    )
    assert queue.flt.statuses == (ReviewStatus.SUGGESTED,)
    assert queue.flt.types == (EventType.ARREST,) and queue.flt.place == "Hyesan"
    assert queue.shown == (("type", "arrest"), ("place", "Hyesan"), ("sort", "confidence"))
    assert ReviewQueue(queue.flt, shown=queue.shown).href("e-1", 4) == (
        "review/e-1?type=arrest&place=Hyesan&sort=confidence&at=4"
    )


@pytest.mark.parametrize(
    ("items", "message"),
    [([("sort", "newest")], "unknown sort 'newest'"), ([("from", "June")], "from must be a date")],
)
def test_bad_queue_values_are_refused(items: list[tuple[str, str]], message: str) -> None:
    with pytest.raises(PageError) as caught:
        queue_of(Query(items))
    assert caught.value.status == 400 and message in caught.value.message


# -- the page ---------------------------------------------------------------------------------------


def test_queue_page_lists_suggested_events_with_review_links(site: Site) -> None:
    log_in(site.client, VIEWER)
    corpus = site.corpus
    response = site.client.get("/review")
    assert response.status_code == 200
    doc = lxml_html.fromstring(response.text)
    rows = doc.xpath("//table[contains(@class, 'review-table')]/tbody/tr")
    assert len(rows) == 2  # the sentence is verified already
    links = [row.xpath(".//a/@href")[0] for row in rows]
    assert links == [f"/review/{corpus.arrest.id}?at=0", f"/review/{corpus.detention.id}?at=1"]
    assert doc.xpath("//nav[@aria-label='Main']//a[@aria-current='page']")[0].text_content() == "Review (2)"
    assert doc.xpath("//link[@rel='stylesheet']/@href")[-1] == "/static/review.css"
    assert doc.xpath("//script/@src") == ["/static/review.js"]

    data = site.client.get("/review.json?sort=confidence").json()
    assert [row["id"] for row in data["events"]] == [corpus.detention.id, corpus.arrest.id]
    assert data["events"][0]["href"] == f"review/{corpus.detention.id}?sort=confidence&at=0"
    assert (data["total"], data["page"], data["pages"], data["sort"]) == (2, 1, 1, "confidence")


def test_queue_pages(tmp_path: Path, site: Site) -> None:
    fill_queue(site.store)
    for r in range(12):
        text = f"Officers detained porter {r} at the station. They arrested him first."
        report = make_report(text, published=date(2019, 1, 1 + r))
        detained, arrested = (
            Span(start=0, end=44, text=text[:44]),
            Span(start=45, end=len(text), text=text[45:]),
        )
        events = [
            make_event(report, EventType.DETENTION, (detained,)),
            make_event(report, EventType.ARREST, (arrested,)),
        ]
        site.store.add_report(report, text.encode(), events)
    log_in(site.client, VIEWER)
    total = site.store.count_events(queue_of(Query([])).flt)
    assert total > PER_PAGE
    first = site.client.get("/review.json").json()
    second = site.client.get(first["next"].replace("?", "/review.json?")).json()
    assert len(first["events"]) == PER_PAGE and len(second["events"]) == total - PER_PAGE
    assert [row["index"] for row in second["events"]] == list(range(PER_PAGE, total))
    seen = [row["id"] for row in first["events"] + second["events"]]
    assert len(set(seen)) == total
    only = site.client.get("/review.json?type=detention").json()
    assert {row["type"] for row in only["events"]} == {"detention"} and only["total"] == 13
    assert site.client.get("/review.json?page=0").status_code == 400
    assert site.client.get("/review?sort=sideways").status_code == 400
