"""The map and timeline pages, called directly against a real SQLite store, and their templates."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jinja2 import ChoiceLoader, DictLoader, Environment
from lxml import html as lxml_html

from kirok.model import (
    Event,
    EventType,
    Place,
    PlacePrecision,
    Report,
    ReviewStatus,
    Span,
    TimeWindow,
    report_id,
)
from kirok.store.sqlite import SQLiteStore
from kirok.web.app import _templates
from kirok.web.explore import event_map, filter_items, map_page, timeline_page
from kirok.web.views import PageError, Query, View

TEXT = (
    "Guards held a trader near the market in Hyesan. Officials questioned a farmer at the station. "
    "Agents detained a driver on the road. A court sentenced a teacher. Police beat a porter."
)
HYESAN = Place(
    name="Hyesan",
    gazetteer_id="kp-rg-hyesan",
    admin_path=("Ryanggang", "Hyesan"),
    latitude=41.39,
    longitude=128.19,
    precision=PlacePrecision.COUNTY,
)
RYANGGANG = Place(
    name="Ryanggang", gazetteer_id="KP01", admin_path=("Ryanggang",), precision=PlacePrecision.PROVINCE
)
ODD = Place(  # a name with markup in it, placed exactly
    name='<b>Odd</b> "place" & co',
    admin_path=("South Hamgyong",),
    latitude=39.9,
    longitude=127.5,
    precision=PlacePrecision.EXACT,
)
NORTH_KOREA = Place(name="North Korea", country="KP", precision=PlacePrecision.COUNTRY)


def make_event(
    report: Report, phrase: str, type_: EventType, place: Place | None, when: date | None
) -> Event:
    start = report.text.index(phrase)
    return Event(
        id=f"ev-{start}",
        report_id=report.id,
        type=type_,
        evidence=(Span(start=start, end=start + len(phrase), text=phrase),),
        place=place,
        date=TimeWindow(earliest=when, latest=when) if when else None,
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    original = TEXT.encode()
    sha = hashlib.sha256(original).hexdigest()
    report = Report(
        id=report_id(sha), sha256=sha, text=TEXT, title="Acts in the north", published=date(2022, 3, 1)
    )
    events = [
        make_event(report, "held a trader", EventType.ARREST, HYESAN, date(2021, 10, 3)),
        make_event(report, "questioned a farmer", EventType.ARREST, HYESAN, date(2021, 12, 9)),
        make_event(report, "detained a driver", EventType.DETENTION, RYANGGANG, date(2021, 12, 20)),
        make_event(report, "sentenced a teacher", EventType.SENTENCE, ODD, date(2022, 1, 15)),
        make_event(report, "beat a porter", EventType.ILL_TREATMENT, NORTH_KOREA, None),
    ]
    with SQLiteStore(tmp_path / "kirok.db", key_file=tmp_path / "secret.key") as opened:
        opened.add_report(report, original, events)
        opened.review_event(events[0].id, ReviewStatus.VERIFIED, actor="reviewer")
        yield opened


def render(view: View) -> Any:
    """The page's HTML, through the app's templates, with a bare base.html (the real one needs a session)."""
    app_env = _templates()
    env = Environment(
        loader=ChoiceLoader([DictLoader({"base.html": "{% block main %}{% endblock %}"}), app_env.loader]),  # type: ignore[list-item]
        autoescape=True,
        undefined=app_env.undefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(app_env.globals)
    context = {
        **view.data,
        **view.context,
        "title": view.title,
        "root": "/app",
        "path": "/x",
        "json_href": "x",
    }
    return lxml_html.fromstring(env.get_template(view.template).render(context))


def test_map_page_data(store: SQLiteStore) -> None:
    view = map_page(store, Query([]))
    json.dumps(view.data)  # the same view answers as JSON
    data = view.data
    assert (data["total"], data["drawn"], data["not_placed"], data["outside"]) == (5, 4, 1, 0)
    places = {p["place"]: p for p in data["places"]}
    assert places["Hyesan"]["count"] == 2
    assert places["Hyesan"]["href"] == "events?place=kp-rg-hyesan"
    assert places["Ryanggang"]["href"] == "events/ev-" + str(TEXT.index("detained a driver"))
    assert places["North Korea"]["precision"] == "country"
    assert data["places"][0]["place"] == "Hyesan"  # most events first


def test_map_page_honours_the_filters_and_keeps_them_in_links(store: SQLiteStore) -> None:
    view = map_page(store, Query([("type", "arrest"), ("status", "verified"), ("place", "ryanggang")]))
    assert view.data["filters"]["type"] == ["arrest"]
    assert view.data["total"] == 1
    (only,) = view.data["places"]
    assert only["event_id"] is not None and only["href"].startswith("events/ev-")
    two = map_page(store, Query([("type", "arrest"), ("from", "2021-01-01")]))
    (hyesan,) = two.data["places"]
    assert hyesan["href"] == "events?type=arrest&from=2021-01-01&place=kp-rg-hyesan"
    assert two.context["filter_query"] == "?type=arrest&from=2021-01-01"


def test_map_page_html(store: SQLiteStore) -> None:
    doc = render(map_page(store, Query([("q", "trader")])))
    assert len(doc.xpath("//svg[@class='map']")) == 1
    assert len(doc.xpath("//ul[@class='map-key']/li/svg")) == 4
    assert "events?q=trader&place=kp-rg-hyesan" in doc.xpath("//svg[@class='map']//a/@href")
    count = doc.xpath("//p[@class='count']")[0].text_content()
    assert "5 events: 4 on the map, 1 without a place on the map" in " ".join(count.split())
    rows = doc.xpath("//details[@class='data-table']//tbody/tr")
    assert rows[0].xpath("th/a/@href") == ["/app/events?q=trader&place=kp-rg-hyesan"]
    assert doc.xpath("//form/@action") == ["/app/map"]
    assert doc.xpath("//nav[@class='links']/a/@href") == ["/app/events?q=trader", "/app/map?q=trader",
                                                           "/app/timeline?q=trader"]  # fmt: skip


def test_map_page_escapes_names(store: SQLiteStore) -> None:
    view = map_page(store, Query([]))
    svg = str(view.context["map_svg"])
    assert "<b>" not in svg and "&lt;b&gt;Odd&lt;/b&gt; &#x27;" not in svg
    assert "&lt;b&gt;Odd&lt;/b&gt; &quot;place&quot; &amp; co" in svg
    doc = render(view)
    assert doc.xpath("//b") == []
    titles = doc.xpath("//svg//a/title/text()")
    assert 'sentence · 2022-01-15 · <b>Odd</b> "place" & co (exact)' in titles


def test_timeline_page_data(store: SQLiteStore) -> None:
    view = timeline_page(store, Query([]))
    json.dumps(view.data)
    data = view.data
    assert (data["first_month"], data["last_month"]) == ("2021-10", "2022-01")
    assert data["total"] == 5 and data["undated"] == 1
    assert data["undated_by_type"] == {"ill_treatment": 1}
    assert data["types"] == ["arrest", "detention", "ill_treatment", "sentence"]  # EventType order
    assert [(m["month"], m["total"]) for m in data["months"]] == [
        ("2021-10", 1),
        ("2021-12", 2),
        ("2022-01", 1),
    ]
    assert data["months"][1]["counts"] == {"arrest": 1, "detention": 1, "ill_treatment": 0, "sentence": 0}


def test_timeline_page_filters_and_html(store: SQLiteStore) -> None:
    view = timeline_page(store, Query([("type", "arrest"), ("to", "2021-10-31")]))
    assert view.data["months"] == [{"month": "2021-10", "counts": {"arrest": 1}, "total": 1}]
    doc = render(view)
    assert len(doc.xpath("//svg[@class='timeline']")) == 1
    assert doc.xpath("//table[@class='counts']//tbody/tr/th/text()") == ["2021-10"]
    assert doc.xpath("//table[@class='counts']//thead/tr/th/text()") == ["Month", "arrest", "Total"]
    undated = render(timeline_page(store, Query([])))
    assert undated.xpath("//table[@class='counts']//tbody/tr[last()]/th/text()") == ["no earliest date"]


@pytest.mark.parametrize("page", [map_page, timeline_page])
@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([("type", "picnic")], "unknown type 'picnic'"),
        ([("from", "2021-13-01")], "from must be a date"),
        ([("from", "2022-01-01"), ("to", "2021-01-01")], "is before from"),
    ],
)
def test_bad_filters_are_refused(
    store: SQLiteStore, page: Any, items: list[tuple[str, str]], message: str
) -> None:
    with pytest.raises(PageError) as caught:
        page(store, Query(items))
    assert caught.value.status == 400 and message in caught.value.message


def test_empty_store_pages(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "empty.db", key_file=tmp_path / "k.key") as empty:
        shown = map_page(empty, Query([]))
        assert (shown.data["total"], shown.data["places"]) == (0, [])
        assert render(shown).xpath("//p[@class='empty']/text()") == ["No events match these filters."]
        timeline = timeline_page(empty, Query([]))
        assert timeline.data["months"] == [] and timeline.data["first_month"] is None


def test_filter_items_in_form_order() -> None:
    shown = {"type": ["arrest", "escape"], "place": None, "from": "2021-01-01", "q": "a b", "status": []}
    assert filter_items(shown) == [
        ("type", "arrest"),
        ("type", "escape"),
        ("from", "2021-01-01"),
        ("q", "a b"),
    ]


def test_event_map_for_an_event_page(store: SQLiteStore) -> None:
    placed = store.get_event("ev-" + str(TEXT.index("held a trader")))
    assert placed is not None
    svg = event_map(placed)
    assert svg is not None and 'href="../map?place=kp-rg-hyesan"' in str(svg)
    unplaced = store.get_event("ev-" + str(TEXT.index("beat a porter")))
    assert unplaced is not None and event_map(unplaced) is None
