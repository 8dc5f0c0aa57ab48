"""Exports from the current filter: the CLI's exporters, streamed, never with victims' names."""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from kirok.auth import Auth, Role, SQLiteAccounts
from kirok.export import get_exporter
from kirok.export.csv import COLUMNS
from kirok.model import Event
from kirok.store.base import EventFilter
from kirok.store.sqlite import SQLiteStore
from kirok.web import create_app
from kirok.web.export_routes import ExportStream, ReportLookup, export_filename, public_events
from kirok.web.site import Site

from .accounts import CHEAP, PASSWORD, VIEWER, log_in
from .corpus import SECRET_NAME, Corpus


@pytest.fixture(scope="module")
def client(store: SQLiteStore, auth: Auth) -> Iterator[TestClient]:
    with TestClient(create_app(store, auth)) as c:
        log_in(c, VIEWER)
        yield c


def download(client: TestClient, url: str) -> tuple[str, Any]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.text, response.headers


def cli_text(store: SQLiteStore, fmt: str, flt: EventFilter) -> str:
    """What ``kirok export --format fmt`` writes for ``flt`` (without sensitive values)."""
    found = list(store.iter_events(flt))
    reports = {rid: r for rid in {e.report_id for e in found} if (r := store.get_report(rid)) is not None}
    out = io.StringIO(newline="")
    get_exporter(fmt).write(public_events(iter(found)), reports, out)
    return out.getvalue()


def test_csv_of_the_current_filter(client: TestClient, corpus: Corpus) -> None:
    text, headers = download(client, "/events/export.csv?type=arrest&type=sentence&place=hyesan")
    assert headers["content-type"] == "text/csv; charset=utf-8"
    today = datetime.now(UTC).date().isoformat()
    assert headers["content-disposition"] == f'attachment; filename="kirok-events-{today}.csv"'
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == COLUMNS
    assert [row[0] for row in rows[1:]] == [corpus.arrest.id]  # the sentence has no place


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson"])
def test_the_file_is_what_the_cli_writes(client: TestClient, store: SQLiteStore, fmt: str) -> None:
    text, headers = download(client, f"/events/export.{fmt}?from=2022-01-01&status=suggested")
    flt = EventFilter(date_from=datetime(2022, 1, 1).date(), statuses=(Event.model_fields["status"].default,))
    assert text == cli_text(store, fmt, flt)
    assert headers["content-type"].startswith(get_exporter(fmt).media_type.split(";")[0])
    assert headers["content-disposition"].endswith(f'{get_exporter(fmt).extension}"')


def test_json_and_geojson_parse(client: TestClient, corpus: Corpus) -> None:
    records = json.loads(download(client, "/events/export.json")[0])
    assert {r["id"] for r in records} == {
        corpus.arrest.id,
        corpus.detention.id,
        corpus.sentence.id,
        corpus.execution.id,
    }
    assert next(r for r in records if r["id"] == corpus.arrest.id)["plover"] == {
        "event": "COERCE",
        "mode": "arrest",
    }
    collection = json.loads(download(client, "/events/export.geojson")[0])
    assert collection["type"] == "FeatureCollection"
    assert {f["id"] for f in collection["features"]} == {corpus.arrest.id, corpus.detention.id}
    assert json.loads(download(client, "/events/export.json?type=escape")[0]) == []


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson"])
def test_no_victim_names_in_web_exports(client: TestClient, fmt: str) -> None:
    text = download(client, f"/events/export.{fmt}")[0]
    assert "Zorvan" not in text and SECRET_NAME not in text
    assert "victim_names" not in text


def test_public_events_drop_names_and_descriptions(corpus: Corpus) -> None:
    (arrest,) = public_events(iter([corpus.arrest]))
    assert [v.name for v in arrest.victims] == [None, None]
    assert [v.description for v in arrest.victims] == [None, None]
    assert [v.count for v in arrest.victims] == [v.count for v in corpus.arrest.victims]
    (detention,) = public_events(iter([corpus.detention]))
    assert detention is corpus.detention  # nothing to drop: the same object


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=yesterday", "from must be a date written YYYY-MM-DD, not 'yesterday'"),
        ("type=arrests", "unknown type 'arrests'"),
        ("from=2023-05-01&to=2023-04-01", "to (2023-04-01) is before from (2023-05-01)"),
    ],
)
def test_a_bad_filter_is_refused_before_anything_is_written(
    client: TestClient, query: str, message: str
) -> None:
    page = client.get(f"/events/export.csv?{query}")
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert "content-disposition" not in page.headers
    assert message in lxml_html.fromstring(page.text).xpath("string(//p[@class='error'])")
    as_json = client.get(f"/events/export.geojson?{query}", headers={"Accept": "application/json"})
    assert as_json.status_code == 400 and message in as_json.json()["error"]
    assert client.get(f"/events/export.json?{query}").json() == as_json.json()


def test_exports_need_a_session(store: SQLiteStore, auth: Auth) -> None:
    with TestClient(create_app(store, auth)) as anonymous:
        page = anonymous.get("/events/export.csv?type=arrest", follow_redirects=False)
        assert page.status_code == 303
        assert page.headers["location"] == "/login?next=%2Fevents%2Fexport.csv%3Ftype%3Darrest"
        assert anonymous.get("/events/export.json").status_code == 401


def test_a_failing_store_is_an_error_page_not_a_broken_file(tmp_path: Path) -> None:
    closed = SQLiteStore(tmp_path / "kirok.db", key_file=tmp_path / "secret.key")
    closed.close()
    auth = Auth(SQLiteAccounts(tmp_path / "kirok.db"), CHEAP)
    auth.add_user(VIEWER, PASSWORD, Role.VIEWER)
    with TestClient(create_app(closed, auth), raise_server_exceptions=False) as failing:
        log_in(failing, VIEWER)
        response = failing.get("/events/export.json")
        assert response.status_code == 500
        assert "the store is closed" in response.json()["error"]
        assert "content-disposition" not in response.headers
    auth.close()


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("/events?type=arrest&province=Ryanggang&page=1", "?type=arrest&province=Ryanggang"),
        ("/map?type=arrest&perpetrator=guards", "?type=arrest&perpetrator=guards"),
        ("/timeline?q=river&from=2023-01-01", "?from=2023-01-01&q=river"),
        ("/events", ""),
    ],
)
def test_pages_link_to_exports_of_their_filter(client: TestClient, url: str, query: str) -> None:
    doc = lxml_html.fromstring(client.get(url).text)
    links = doc.xpath("//p[@class='export-links']/a")
    assert [a.text_content() for a in links] == ["CSV", "JSON", "GeoJSON"]
    assert [a.get("href") for a in links] == [
        f"/events/export.{f}{query}" for f in ("csv", "json", "geojson")
    ]
    for href in [a.get("href") for a in links]:
        assert client.get(href).status_code == 200


def test_export_filename_is_dated() -> None:
    day = datetime(2024, 3, 1, 23, 59, tzinfo=UTC)
    assert [export_filename(f, day) for f in ("csv", "json", "geojson")] == [
        "kirok-events-2024-03-01.csv",
        "kirok-events-2024-03-01.json",
        "kirok-events-2024-03-01.geojson",
    ]


# -- the stream ------------------------------------------------------------------------------------


def stream_site(store: SQLiteStore, auth: Auth, lock: threading.Lock) -> Site:
    def locked(fn: Any, *args: Any) -> Any:
        with lock:
            return fn(*args)

    def unused(*args: Any) -> Any:
        raise AssertionError("the stream renders nothing")

    return Site(
        store=store, auth=auth, render=unused, error=unused, wants_json=unused, locked=locked, shared=locked
    )


def test_the_stream_comes_in_chunks_and_holds_the_lock_only_while_reading(
    store: SQLiteStore, auth: Auth
) -> None:
    lock = threading.Lock()
    stream = ExportStream(
        stream_site(store, auth, lock), EventFilter(), get_exporter("json"), chunk_chars=200
    )
    stream.first()  # the worker is now waiting to hand on more chunks
    assert lock.acquire(timeout=5)  # ... and does not hold the store lock meanwhile
    lock.release()
    chunks = list(stream)
    assert len(chunks) > 3
    assert b"".join(chunks).decode() == cli_text(store, "json", EventFilter())
    assert not stream.running


def test_closing_the_stream_stops_the_worker(store: SQLiteStore, auth: Auth) -> None:
    stream = ExportStream(
        stream_site(store, auth, threading.Lock()),
        EventFilter(),
        get_exporter("json"),
        chunk_chars=10,
        batch_size=1,
    )
    stream.first()  # one chunk per event: more than the queue holds, so the worker waits for the reader
    assert stream.running
    stream.close()
    assert not stream.running
    assert store.count_events() == 4  # the store is fine and its reader was given back


def test_report_lookup_reads_each_report_once_and_knows_missing_ones(
    store: SQLiteStore, auth: Auth, corpus: Corpus
) -> None:
    calls: list[str] = []
    lock = threading.Lock()

    def locked(fn: Any, *args: Any) -> Any:
        calls.append(getattr(fn, "__name__", "?"))
        with lock:
            return fn(*args)

    site = stream_site(store, auth, lock)
    lookup = ReportLookup(Site(**{**site.__dict__, "shared": locked}))
    assert lookup[corpus.a.id].id == corpus.a.id and lookup.get(corpus.a.id) is lookup[corpus.a.id]
    assert lookup.get("r-missing") is None
    assert calls == ["get_report", "get_report"]
    assert list(lookup) == [corpus.a.id] and len(lookup) == 1
