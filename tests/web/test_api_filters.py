"""The filters /events lacked: by perpetrator (part of a name) and by province (a drop-down)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from kirok.auth import Auth
from kirok.gazetteer import Gazetteer, GazetteerEntry
from kirok.store.base import EventFilter
from kirok.store.sqlite import SQLiteStore
from kirok.web import create_app
from kirok.web.filter_choices import province_groups

from .accounts import VIEWER, log_in
from .corpus import Corpus


@pytest.fixture(scope="module")
def client(store: SQLiteStore, auth: Auth) -> Iterator[TestClient]:
    with TestClient(create_app(store, auth)) as c:
        log_in(c, VIEWER)
        yield c


def ids(client: TestClient, url: str) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return {row["event"]["id"] for row in response.json()["events"]}


def test_perpetrator_is_part_of_a_name_in_any_case(client: TestClient, corpus: Corpus) -> None:
    assert ids(client, "/events.json?perpetrator=guards") == {corpus.arrest.id}
    assert ids(client, "/events.json?perpetrator=BORDER%20G") == {corpus.arrest.id}
    assert ids(client, "/events.json?perpetrator=%20guards%20") == {corpus.arrest.id}  # trimmed
    assert ids(client, "/events.json?perpetrator=police") == set()
    assert ids(client, "/events.json?perpetrator=%25") == set()  # % and _ are letters, not wildcards
    assert ids(client, "/events.json?perpetrator=_") == set()


def test_province_is_the_first_admin_path_entry(client: TestClient, corpus: Corpus) -> None:
    assert ids(client, "/events.json?province=Ryanggang") == {corpus.arrest.id, corpus.detention.id}
    assert ids(client, "/events.json?province=ryanggang") == {corpus.arrest.id, corpus.detention.id}
    assert ids(client, "/events.json?province=Hyesan") == set()  # a county, not a province
    assert ids(client, "/events.json?province=North%20Hamgyong") == set()


def test_new_filters_narrow_with_the_others(client: TestClient, corpus: Corpus) -> None:
    assert ids(client, "/events.json?province=Ryanggang&type=detention") == {corpus.detention.id}
    assert ids(client, "/events.json?province=Ryanggang&perpetrator=guard&place=hyesan") == {corpus.arrest.id}
    assert ids(client, "/events.json?perpetrator=guard&status=verified") == set()


@pytest.mark.parametrize("page", ["/map.json", "/timeline.json"])
def test_map_and_timeline_take_the_new_filters(client: TestClient, page: str) -> None:
    body: dict[str, Any] = client.get(f"{page}?province=Ryanggang&perpetrator=guards").json()
    assert body["total"] == 1
    assert body["filters"]["province"] == "Ryanggang" and body["filters"]["perpetrator"] == "guards"


def test_store_filter_fields(store: SQLiteStore, corpus: Corpus) -> None:
    assert [e.id for e in store.list_events(EventFilter(perpetrator="Border"))] == [corpus.arrest.id]
    assert store.count_events(EventFilter(province="RYANGGANG")) == 2
    assert store.count_events(EventFilter(province="  ")) == 4  # blank: no filter
    assert [e.id for e in store.iter_events(EventFilter(perpetrator="guards"))] == [corpus.arrest.id]


@pytest.mark.parametrize("url", ["/events", "/map", "/timeline"])
def test_the_forms_offer_the_gazetteers_provinces(client: TestClient, url: str) -> None:
    doc = lxml_html.fromstring(client.get(f"{url}?province=Ryanggang&perpetrator=%3Cb%3Eguards").text)
    groups = doc.xpath("//select[@name='province']/optgroup/@label")
    assert groups == ["North Korea", "Other countries"]
    korea = doc.xpath("//select[@name='province']/optgroup[1]/option/text()")
    assert len(korea) == 11 and "North Hamgyong" in korea and korea == sorted(korea)
    assert doc.xpath("//select[@name='province']/option[1]/@value") == [""]
    assert doc.xpath("//select[@name='province']//option[@selected]/text()") == ["Ryanggang"]
    assert doc.xpath("//input[@name='perpetrator']/@value") == ["<b>guards"]  # kept as text


def test_a_province_not_in_the_list_stays_selected(client: TestClient) -> None:
    doc = lxml_html.fromstring(client.get("/events?province=Atlantis").text)
    assert doc.xpath("//select[@name='province']//option[@selected]/text()") == ["Atlantis"]


def test_province_groups() -> None:
    def entry(id_: str, name: str, level: str, country: str) -> GazetteerEntry:
        return GazetteerEntry(id_, name, (), level, None, None, None, country, "test", "curated")

    gazetteer = Gazetteer(
        [
            entry("KP02", "North Hamgyong", "province", "KP"),
            entry("KP01", "Ryanggang", "province", "KP"),
            entry("KP01-x", "Hyesan", "county", "KP"),
            entry("CN-JL", "Jilin", "province", "CN"),
        ]
    )
    assert province_groups(gazetteer) == (
        ("North Korea", ("North Hamgyong", "Ryanggang")),
        ("Other countries", ("Jilin",)),
    )
    assert province_groups(Gazetteer([entry("KP01", "Ryanggang", "province", "KP")])) == (
        ("North Korea", ("Ryanggang",)),
    )
