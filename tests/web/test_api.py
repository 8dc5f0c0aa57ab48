"""The JSON API: path operations over the same views as the pages, and the OpenAPI description."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient
from lxml import html as lxml_html
from pydantic import BaseModel

from kirok.auth import Auth
from kirok.store.sqlite import SQLiteStore
from kirok.web import api_models as m
from kirok.web import create_app
from kirok.web.explore import map_page, timeline_page
from kirok.web.openapi import NOT_DESCRIBED
from kirok.web.security import PUBLIC_PATHS
from kirok.web.views import Query, event_page, events_page, report_page, reports_page

from .accounts import VIEWER, log_in
from .corpus import SECRET_NAME, Corpus


@pytest.fixture(scope="module")
def app(store: SQLiteStore, auth: Auth) -> FastAPI:
    return create_app(store, auth)


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        log_in(c, VIEWER)
        yield c


@pytest.fixture(scope="module")
def document(client: TestClient) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    found: dict[str, Any] = response.json()
    return found


def test_the_description_needs_a_session(app: FastAPI) -> None:
    with TestClient(app) as anonymous:
        response = anonymous.get("/openapi.json")
        assert response.status_code == 401
        assert response.json() == {"error": "Log in first."}
        assert anonymous.get("/api", follow_redirects=False).status_code == 303


def test_every_json_route_is_described(app: FastAPI, document: dict[str, Any]) -> None:
    described = {(path, method.upper()) for path, ops in document["paths"].items() for method in ops}
    json_routes = set()
    for route in iter_route_contexts(app.routes):
        path = route.path or ""
        if not path.endswith((".json", ".csv", ".geojson")):
            continue
        if path in NOT_DESCRIBED:  # the description itself, and its page's rows
            continue
        json_routes |= {(path, method) for method in route.methods or () if method != "HEAD"}
    assert len(json_routes) >= 15 and json_routes <= described
    for path in ["/reports.json", "/reports/{report_id}.json", "/events.json", "/events/{event_id}.json"]:
        assert "get" in document["paths"][path]
    for path in ["/map.json", "/timeline.json", "/health.json", "/session.json", "/login.json"]:
        assert "get" in document["paths"][path]
    assert {"post"} <= set(document["paths"]["/login.json"]) and "post" in document["paths"]["/logout.json"]
    for fmt in ("csv", "json", "geojson"):
        assert "get" in document["paths"][f"/events/export.{fmt}"]


def test_every_path_operation_is_described_also_those_of_other_features(
    app: FastAPI, document: dict[str, Any]
) -> None:
    operations = {
        (route.path, method)
        for route in iter_route_contexts(app.routes)
        if isinstance(route.original_route, APIRoute) and route.include_in_schema
        for method in route.methods or ()
    }
    described = {(path, method.upper()) for path, ops in document["paths"].items() for method in ops}
    assert len(operations) >= 15 and operations <= described


def test_security_is_described(document: dict[str, Any]) -> None:
    schemes = document["components"]["securitySchemes"]
    assert schemes["session"] == {
        **schemes["session"],
        "type": "apiKey",
        "in": "cookie",
        "name": "kirok_session",
    }
    assert schemes["csrf"] == {**schemes["csrf"], "type": "apiKey", "in": "header", "name": "X-CSRF-Token"}
    for path, ops in document["paths"].items():
        for method, operation in ops.items():
            needs = {name for need in operation["security"] for name in need}
            if path in PUBLIC_PATHS:
                assert "session" not in needs
            else:
                assert "session" in needs and "401" in operation["responses"], (path, method)
            if method.upper() not in ("GET", "HEAD"):
                assert "csrf" in needs and "403" in operation["responses"], (path, method)
            else:
                assert "csrf" not in needs, (path, method)


def test_filter_parameters_are_typed(document: dict[str, Any]) -> None:
    parameters = {p["name"]: p for p in document["paths"]["/events.json"]["get"]["parameters"]}
    assert set(parameters) == {
        "type",
        "status",
        "place",
        "province",
        "perpetrator",
        "from",
        "to",
        "q",
        "page",
    }
    assert parameters["type"]["schema"]["type"] == "array" and parameters["type"]["explode"] is True
    assert "arrest" in str(parameters["type"]["schema"]) and "verified" in str(parameters["status"]["schema"])
    assert parameters["from"]["schema"] == {"type": "string", "format": "date"}
    assert parameters["page"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 999_999_999}
    map_parameters = {p["name"] for p in document["paths"]["/map.json"]["get"]["parameters"]}
    assert map_parameters == set(parameters) - {"page"}


def test_response_models_are_in_the_description(document: dict[str, Any]) -> None:
    ok = document["paths"]["/events.json"]["get"]["responses"]["200"]["content"]["application/json"]
    assert ok["schema"] == {"$ref": "#/components/schemas/EventsPage"}
    victim = document["components"]["schemas"]["PublicVictim"]["properties"]
    assert set(victim) == {"count", "sex", "age_band", "status"}  # no name, no description


def json_of(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()


def test_json_is_the_views_data(client: TestClient, store: SQLiteStore, corpus: Corpus) -> None:
    query = [("type", "arrest"), ("type", "detention"), ("from", "2023-01-01")]
    url = "?type=arrest&type=detention&from=2023-01-01"
    assert json_of(client, "/events.json" + url) == events_page(store, Query(query)).data
    assert json_of(client, "/map.json" + url) == map_page(store, Query(query)).data
    assert json_of(client, "/timeline.json" + url) == timeline_page(store, Query(query)).data
    assert json_of(client, "/reports.json?page=2") == reports_page(store, Query([("page", "2")])).data
    assert json_of(client, f"/reports/{corpus.a.id}.json") == report_page(store, corpus.a.id).data
    assert json_of(client, f"/events/{corpus.arrest.id}.json") == event_page(store, corpus.arrest.id).data


@pytest.mark.parametrize(
    ("url", "model"),
    [
        ("/reports.json", m.ReportsPage),
        ("/reports.json?q=labour-training", m.ReportsPage),
        ("/events.json", m.EventsPage),
        ("/map.json", m.MapPage),
        ("/timeline.json", m.TimelinePage),
        ("/health.json", m.Health),
        ("/session.json", m.SessionInfo),
        ("/login.json", m.LoginPage),
    ],
)
def test_answers_fit_their_models(client: TestClient, url: str, model: type[BaseModel]) -> None:
    model.model_validate(json_of(client, url))


def test_one_report_and_one_event_fit_their_models(client: TestClient, corpus: Corpus) -> None:
    report = m.ReportPage.model_validate(json_of(client, f"/reports/{corpus.a.id}.json"))
    assert [e.id for e in report.events] == [corpus.arrest.id, corpus.detention.id, corpus.sentence.id]
    event = m.EventPage.model_validate(json_of(client, f"/events/{corpus.arrest.id}.json"))
    assert event.event.perpetrators[0].name == "Border guards"
    assert SECRET_NAME not in client.get(f"/events/{corpus.arrest.id}.json").text


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/events.json?type=arrests", 400, "unknown type 'arrests'"),
        ("/map.json?from=yesterday", 400, "from must be a date written YYYY-MM-DD"),
        ("/timeline.json?status=approved", 400, "unknown status 'approved'"),
        ("/reports.json?page=0", 400, "page must be a whole number"),
        ("/events/e-nothing.json", 404, "There is no event with id 'e-nothing'"),
        ("/reports/r-nothing.json", 404, "There is no report with id 'r-nothing'"),
    ],
)
def test_refusals_are_the_pages_refusals(client: TestClient, url: str, status: int, message: str) -> None:
    body = json_of(client, url, status)
    assert set(body) == {"error"} and message in body["error"]


def test_blank_filter_fields_mean_no_filter(client: TestClient) -> None:
    blank = "?type=&status=&place=&province=&perpetrator=&from=&to=&q="
    assert json_of(client, "/events.json" + blank)["total"] == json_of(client, "/events.json")["total"] == 4


def test_head_answers_like_get(client: TestClient, corpus: Corpus) -> None:
    for url in ["/events.json", f"/events/{corpus.arrest.id}.json", "/map.json", "/session.json"]:
        response = client.head(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"] == "application/json"


def test_without_a_session_json_is_refused(app: FastAPI, corpus: Corpus) -> None:
    with TestClient(app) as anonymous:
        for url in ["/events.json", f"/events/{corpus.arrest.id}.json", "/map.json", "/session.json"]:
            assert json_of(anonymous, url, 401) == {"error": "Log in first."}
        assert json_of(anonymous, "/health.json")["status"] == "ok"
        assert "csrf_token" in json_of(anonymous, "/login.json")


def test_log_in_and_out_through_the_json_api(app: FastAPI) -> None:
    with TestClient(app) as c:
        token = json_of(c, "/login.json")["csrf_token"]
        done = c.post(
            "/login.json",
            json={"username": VIEWER, "password": "a long test passphrase"},
            headers={"X-CSRF-Token": token},
        )
        assert done.status_code == 200, done.text
        m.LoginDone.model_validate(done.json())
        csrf = done.json()["csrf_token"]
        assert json_of(c, "/session.json")["account"] == {"username": VIEWER, "role": "viewer"}
        assert c.post("/logout.json").status_code == 403  # no CSRF token
        out = c.post("/logout.json", headers={"X-CSRF-Token": csrf})
        assert out.status_code == 200 and m.LogoutDone.model_validate(out.json()).status == "logged out"
        assert c.get("/session.json").status_code == 401


def test_the_api_page_lists_every_operation(client: TestClient, document: dict[str, Any]) -> None:
    response = client.get("/api")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    doc = lxml_html.fromstring(response.text)
    listed = {" ".join(cell.text_content().split()) for cell in doc.xpath("//table//tbody/tr/th")}
    expected = {f"{method.upper()} {path}" for path, ops in document["paths"].items() for method in ops}
    assert listed == expected
    assert doc.xpath("//a[code='/openapi.json']/@href") == ["/openapi.json"]
    assert doc.xpath("//script") == [] and doc.xpath("//*[@style]") == []
    rows = json_of(client, "/api.json")["operations"]
    assert {f"{r['method']} {r['path']}" for r in rows} == expected
    events = next(r for r in rows if r["path"] == "/events.json")
    assert events["access"] == "a session" and "province" in events["parameters"]
