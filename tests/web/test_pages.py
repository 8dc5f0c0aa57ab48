"""Every page of the web app, as HTML and as JSON, against a real SQLite store, by a logged-in viewer."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from kirok.auth import Auth, Role, SQLiteAccounts
from kirok.store.sqlite import SQLiteStore
from kirok.web import create_app

from .accounts import CHEAP, PASSWORD, VIEWER, log_in
from .corpus import FILLER_REPORTS, SECRET_NAME, Corpus, make_report

JSON = {"Accept": "application/json"}


@pytest.fixture(scope="module")
def client(store: SQLiteStore, auth: Auth) -> Iterator[TestClient]:
    with TestClient(create_app(store, auth)) as c:
        log_in(c, VIEWER)
        yield c


def page(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    return lxml_html.fromstring(response.text)


def data(client: TestClient, url: str, status: int = 200, *, accept: bool = False) -> Any:
    response = client.get(url, headers=JSON if accept else None)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()


def test_home_redirects_to_reports(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code in (302, 307)
    assert response.headers["location"] == "/reports"


# -- reports ---------------------------------------------------------------------------------------


def test_reports_list_html(client: TestClient, corpus: Corpus) -> None:
    doc = page(client, "/reports")
    rows = doc.xpath("//table[@class='list']/tbody/tr")
    assert len(rows) == 25
    first = [cell.text_content().strip() for cell in rows[0].xpath("td")]
    assert first == ["Border guards held traders in Hyesan", "Test Wire", "2023-06-15", "3"]
    assert rows[0].xpath("td/a/@href") == [f"/reports/{corpus.a.id}"]
    assert doc.xpath("//nav[@class='pages']/a[@rel='next']/@href") == ["?page=2"]
    assert doc.xpath("//input[@name='q']/@type") == ["search"]


def test_reports_list_json_and_pages(client: TestClient, corpus: Corpus) -> None:
    first = data(client, "/reports.json")
    assert (first["total"], first["pages"], first["page"]) == (FILLER_REPORTS + 2, 2, 1)
    assert len(first["reports"]) == 25 and first["next"] == "?page=2" and first["prev"] is None
    assert first["reports"][0] == {
        "id": corpus.a.id,
        "title": "Border guards held traders in Hyesan",
        "outlet": "Test Wire",
        "published": "2023-06-15",
        "url": "https://example.org/reports/hyesan-test",
        "events": 3,
    }
    second = data(client, "/reports?page=2", accept=True)
    assert len(second["reports"]) == FILLER_REPORTS + 2 - 25 and second["next"] is None
    assert second["reports"][-1]["title"] == "Filler note 00 on rice prices at a market"
    assert {r["id"] for r in first["reports"]}.isdisjoint(r["id"] for r in second["reports"])
    assert data(client, "/reports.json?page=9")["reports"] == []


def test_reports_search(client: TestClient, corpus: Corpus) -> None:
    found = data(client, "/reports.json?q=labour-training")
    assert [r["id"] for r in found["reports"]] == [corpus.a.id] and found["q"] == "labour-training"
    doc = page(client, "/reports?q=rice+prices")
    assert len(doc.xpath("//tbody/tr")) == 25
    assert doc.xpath("//input[@name='q']/@value") == ["rice prices"]
    assert doc.xpath("//a[@rel='next']/@href") == ["?q=rice+prices&page=2"]
    assert data(client, "/reports.json?q=nowhere-to-be-found")["total"] == 0


@pytest.mark.parametrize("value", ["0", "-1", "abc", "1.5", "9" * 40])
def test_bad_page_number_is_400(client: TestClient, value: str) -> None:
    doc = page(client, f"/reports?page={value}", status=400)
    assert "page must be a whole number" in doc.xpath("string(//p[@class='error'])")
    assert "page must be a whole number" in data(client, f"/events.json?page={value}", 400)["error"]


def test_report_page_highlights_evidence(client: TestClient, corpus: Corpus) -> None:
    doc = page(client, f"/reports/{corpus.a.id}")
    text = doc.xpath("//div[@class='report-text']")[0]
    assert text.text_content() == corpus.a.text
    marks = text.xpath(".//mark")
    types = {m.get("data-types") for m in marks}
    assert {"arrest", "detention", "sentence", "arrest detention"} <= types
    overlap = [m for m in marks if m.get("data-types") == "arrest detention"]
    assert [m.text_content() for m in overlap] == ["arrested three women"]
    assert "ev-overlap" in overlap[0].get("class")
    for event in (corpus.arrest, corpus.detention, corpus.sentence):
        assert len(text.xpath(f".//span[@id='ev-{event.id}']")) == 1
        assert doc.xpath(f"//li[@id='event-{event.id}']//a[@href='#ev-{event.id}']")
    dimmed = text.xpath(".//span[contains(@class, 'seg-caption')]")
    assert [s.text_content() for s in dimmed] == ["Photo: a riverside road (file image)"]
    assert text.xpath("string(.//span[contains(@class, 'seg-tagline')])") == "Tags: border, trade, river"
    link = doc.xpath("//dl[@class='meta']//a")[0]
    assert link.get("href") == corpus.a.url and link.get("rel") == "noopener noreferrer"
    meta = doc.xpath("string(//dl[@class='meta'])")
    assert corpus.a.sha256 in meta and "fixtures/a.txt" in meta
    legend = doc.xpath("//section[@class='legend']//mark/@class")
    assert "ev ev-arrest" in legend and "ev ev-sentence" in legend


def test_report_page_lists_events_with_their_fields(client: TestClient, corpus: Corpus) -> None:
    doc = page(client, f"/reports/{corpus.a.id}")
    arrest = doc.xpath(f"//li[@id='event-{corpus.arrest.id}']")[0].text_content()
    for expected in (
        "arrest",
        "2023-06-01 – 2023-06-15",
        "month precision",
        "Hyesan",
        "Ryanggang › Hyesan",
        "Border guards",
        "3 people · female · trader",
        "1 person · female · 30s",
        "0.80",
        "suggested",
        "arrest.trigger:arrested",
    ):
        assert expected in arrest
    sentence = doc.xpath(f"//li[@id='event-{corpus.sentence.id}']")[0].text_content()
    assert "6 months, labour-training brigade" in sentence and "verified by reviewer-one" in sentence


def test_report_json(client: TestClient, corpus: Corpus) -> None:
    body = data(client, f"/reports/{corpus.a.id}.json")
    assert body["report"]["text"] == corpus.a.text and body["report"]["sha256"] == corpus.a.sha256
    assert [e["id"] for e in body["events"]] == [corpus.arrest.id, corpus.detention.id, corpus.sentence.id]
    assert body["events"][0]["victims"][1] == {"count": 1, "sex": "female", "age_band": "30s", "status": []}
    assert body["events"][1]["evidence"][1]["text"] == "held at a holding centre"
    assert data(client, f"/reports/{corpus.a.id}", accept=True) == body


def test_victim_names_never_shown(client: TestClient, corpus: Corpus, store: SQLiteStore) -> None:
    stored = store.get_event(corpus.arrest.id)
    assert stored is not None and stored.victims[1].name == SECRET_NAME  # the store does keep it
    urls = [f"/reports/{corpus.a.id}", f"/events/{corpus.arrest.id}", "/events", "/reports"]
    for url in urls + [u + ".json" for u in urls]:
        response = client.get(url)
        assert response.status_code == 200
        assert "Zorvan" not in response.text and "Quellamor" not in response.text


# -- events ----------------------------------------------------------------------------------------


def ids(body: Any) -> list[str]:
    return [row["event"]["id"] for row in body["events"]]


def test_events_list_html(client: TestClient, corpus: Corpus) -> None:
    doc = page(client, "/events")
    rows = doc.xpath("//table[contains(@class, 'events-table')]/tbody/tr")
    assert len(rows) == 4
    cells = [c.text_content().strip() for c in rows[0].xpath("td")]
    assert cells == [
        "arrest",
        "2023-06-01 – 2023-06-15",
        "Hyesan",
        "border guards arrested three women",
        "Border guards held traders in Hyesan",
    ]
    assert rows[0].xpath("td[5]/a/@href") == [f"/reports/{corpus.a.id}#ev-{corpus.arrest.id}"]
    assert len(doc.xpath("//form[@class='filters']//input[@name='type']")) == 13


def test_events_filters(client: TestClient, corpus: Corpus) -> None:
    everything = data(client, "/events.json")
    assert everything["total"] == 4 and everything["filters"]["type"] == []
    assert ids(data(client, "/events.json?type=arrest")) == [corpus.arrest.id]
    both = data(client, "/events.json?type=arrest&type=sentence")
    assert set(ids(both)) == {corpus.arrest.id, corpus.sentence.id}
    assert both["filters"]["type"] == ["arrest", "sentence"]
    assert ids(data(client, "/events.json?from=2022-03-10&to=2022-03-12")) == [corpus.execution.id]
    assert len(ids(data(client, "/events.json?from=2023-06-20"))) == 1  # only the sentence reaches June 20
    assert set(ids(data(client, "/events.json?place=hyesan"))) == {corpus.arrest.id, corpus.detention.id}
    assert ids(data(client, "/events.json?status=verified")) == [corpus.sentence.id]
    assert ids(data(client, "/events.json?q=executed")) == [corpus.execution.id]
    assert data(client, "/events.json?type=escape")["events"] == []
    blank = data(client, "/events.json?type=&place=&from=&to=&q=&status=")
    assert blank["total"] == 4


def test_events_filter_form_keeps_values(client: TestClient) -> None:
    doc = page(client, "/events?type=arrest&type=detention&place=Hyesan&from=2023-01-01&status=suggested")
    assert doc.xpath("//input[@name='type'][@checked]/@value") == ["arrest", "detention"]
    assert doc.xpath("//input[@name='place']/@value") == ["Hyesan"]
    assert doc.xpath("//input[@name='from']/@value") == ["2023-01-01"]
    assert doc.xpath("//select[@name='status']/option[@selected]/@value") == ["suggested"]
    assert len(doc.xpath("//tbody/tr")) == 2


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=yesterday", "from must be a date written YYYY-MM-DD, not 'yesterday'"),
        ("to=2023-02-30", "to must be a date written YYYY-MM-DD, not '2023-02-30'"),
        ("from=20230101", "from must be a date written YYYY-MM-DD"),
        ("type=arrests", "unknown type 'arrests'; known values: directive, meeting"),
        ("status=approved", "unknown status 'approved'"),
        ("from=2023-05-01&to=2023-04-01", "to (2023-04-01) is before from (2023-05-01)"),
    ],
)
def test_bad_event_filters_are_400(client: TestClient, query: str, message: str) -> None:
    doc = page(client, f"/events?{query}", status=400)
    assert doc.xpath("string(//h1)") == "Bad request"
    assert message in doc.xpath("string(//p[@class='error'])")
    body = data(client, f"/events.json?{query}", status=400)
    assert set(body) == {"error"} and message in body["error"]
    assert message in data(client, f"/events?{query}", status=400, accept=True)["error"]


def test_event_page(client: TestClient, corpus: Corpus) -> None:
    doc = page(client, f"/events/{corpus.detention.id}")
    quotes = doc.xpath("//blockquote[contains(@class, 'evidence')]")
    assert [q.text_content() for q in quotes] == [
        "A source in Ryanggang Province said that border guards arrested three women near the river "
        "earlier this month.",
        "The women were held at a holding centre for two weeks and questioned.",
    ]
    assert [m.text_content() for m in quotes[0].xpath(".//mark")] == ["arrested three women near the river"]
    assert doc.xpath(f"//a[@href='/reports/{corpus.a.id}#ev-{corpus.detention.id}']")
    assert "detention.trigger:held" in doc.xpath("string(//dl[@class='fields'])")
    penalty = page(client, f"/events/{corpus.sentence.id}").xpath("string(//dl[@class='fields'])")
    assert "6 months, labour-training brigade" in penalty


def test_event_json(client: TestClient, corpus: Corpus) -> None:
    body = data(client, f"/events/{corpus.arrest.id}.json")
    assert body["event"]["type"] == "arrest" and body["event"]["confidence"] == 0.8
    assert body["event"]["place"]["admin_path"] == ["Ryanggang", "Hyesan"]
    assert body["report"]["id"] == corpus.a.id
    assert body["context"][0]["text"].startswith("A source in Ryanggang Province")
    assert data(client, f"/events/{corpus.arrest.id}", accept=True) == body


# -- errors, health, safety ------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/reports/r-0000000000000000", "/events/e-nothing", "/no/such/page"])
def test_unknown_ids_are_404(client: TestClient, url: str) -> None:
    doc = page(client, url, status=404)
    assert doc.xpath("string(//h1)") == "Not found"
    assert "There is no" in doc.xpath("string(//p[@class='error'])")
    assert "There is no" in data(client, url, status=404, accept=True)["error"]


def test_unknown_id_json_suffix_is_404(client: TestClient) -> None:
    assert data(client, "/reports/r-0000000000000000.json", 404) == {
        "error": "There is no report with id 'r-0000000000000000'."
    }


def test_wrong_method_is_405(client: TestClient) -> None:
    csrf = client.get("/session.json").json()["csrf_token"]
    response = client.post("/reports", headers={"X-CSRF-Token": csrf})
    assert response.status_code == 405
    assert {m.strip() for m in response.headers["allow"].split(",")} == {"GET", "HEAD"}
    assert "Method Not Allowed" in response.text


def test_a_store_failure_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    closed = SQLiteStore(tmp_path / "kirok.db", key_file=tmp_path / "secret.key")
    closed.close()
    auth = Auth(SQLiteAccounts(tmp_path / "kirok.db"), CHEAP)
    auth.add_user(VIEWER, PASSWORD, Role.VIEWER)
    with TestClient(create_app(closed, auth)) as failing:
        log_in(failing, VIEWER)
        response = failing.get("/reports")
        assert response.status_code == 500 and "the store is closed" in response.text
        assert "Traceback" not in response.text
        assert response.headers["content-security-policy"] == "default-src 'self'"
        assert "the store is closed" in failing.get("/events.json").json()["error"]
    auth.close()


def test_health(client: TestClient) -> None:
    expected = {"status": "ok", "reports": FILLER_REPORTS + 2, "events": 4}
    assert data(client, "/health") == expected
    assert data(client, "/health.json") == expected


def test_report_text_is_escaped(client: TestClient, corpus: Corpus) -> None:
    for url in (f"/reports/{corpus.b.id}", f"/events/{corpus.execution.id}", "/events", "/reports"):
        body = client.get(url).text
        assert "<script>alert(1)</script>" not in body and "<b>bold</b>" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body or "Test &lt;b&gt;bold&lt;/b&gt; title" in body
    doc = page(client, f"/reports/{corpus.b.id}")
    assert doc.xpath("//script") == []
    missing = client.get("/reports/<script>alert(1)</script>")
    assert missing.status_code == 404 and "<script>" not in missing.text and "&lt;script&gt;" in missing.text
    assert doc.xpath("string(//div[@class='report-text'])") == corpus.b.text
    assert doc.xpath("string(//div[@class='report-text']//mark)").startswith("<script>alert(1)</script>")
    assert doc.xpath("//dl[@class='meta']//a/@href") == ["https://example.org/b?x=1&y=<2>"]


def test_no_inline_scripts_styles_or_handlers(client: TestClient, corpus: Corpus) -> None:
    for url in ("/reports", f"/reports/{corpus.a.id}", "/events", f"/events/{corpus.arrest.id}", "/nope"):
        body = client.get(url).text
        assert "<script" not in body and " style=" not in body
        assert re.search(r"\son[a-z]+\s*=", body) is None


@pytest.mark.parametrize(
    "url", ["/reports", "/reports.json", "/health", "/static/kirok.css", "/nope", "/events?from=x"]
)
def test_security_headers(client: TestClient, url: str) -> None:
    headers = client.get(url).headers
    assert headers["content-security-policy"] == "default-src 'self'"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"


def test_stylesheet_is_served(client: TestClient) -> None:
    response = client.get("/static/kirok.css")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/css")
    assert ".ev-forced_repatriation" in response.text
    doc = page(client, "/reports")
    assert doc.xpath("//link[@rel='stylesheet']/@href") == ["/static/kirok.css", "/static/auth.css"]
    assert doc.xpath("//link[@rel='alternate'][@type='application/json']/@href") == ["/reports.json"]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://example.org/x"])
def test_a_report_url_that_is_not_http_is_shown_as_text_not_as_a_link(site: Any, url: str) -> None:
    text = f"A note stored with an odd address {url}\nNothing happened."
    report = make_report(text, url=url)
    site.store.add_report(report, text.encode(), [])
    log_in(site.client, VIEWER)
    page = site.client.get(f"/reports/{report.id}")
    assert page.status_code == 200
    assert (
        'href="javascript' not in page.text
        and 'href="data:' not in page.text
        and 'href="ftp:' not in page.text
    )
    assert html.escape(url) in page.text
