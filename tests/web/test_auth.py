"""The session gate, login and logout, against a real SQLite file and the real app."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from kirok.auth import AuthPolicy, Role, SQLiteAccounts
from kirok.auth.service import WRONG_LOGIN, Auth
from kirok.web import create_app
from kirok.web.security import LOGIN_COOKIE, SESSION_COOKIE, safe_next

from .accounts import CHEAP, EDITOR, PASSWORD, VIEWER, log_in, login_token
from .review_site import Site

JSON = {"Accept": "application/json"}


def cookie_header(response: Any, name: str) -> str:
    found = [h for h in response.headers.get_list("set-cookie") if h.startswith(f"{name}=")]
    assert len(found) == 1, response.headers.get_list("set-cookie")
    return str(found[0])


def sessions(site: Site, name: str = EDITOR) -> int:
    return site.auth.accounts.count_sessions(name)


# -- no session, no page ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/reports",
        "/reports?q=rice&page=2",
        "/reports/r-1",
        "/events?type=arrest",
        "/events/e-1",
        "/nope",
    ],
)
def test_pages_without_a_session_redirect_to_login(site: Site, url: str) -> None:
    response = site.client.get(url, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/login?next={quote(url, safe='')}"
    assert response.text == ""


@pytest.mark.parametrize("url", ["/reports.json", "/events.json", "/events/e-1.json", "/session.json"])
def test_json_without_a_session_is_401(site: Site, url: str) -> None:
    response = site.client.get(url)
    assert response.status_code == 401 and response.json() == {"error": "Log in first."}
    assert response.headers["content-security-policy"] == "default-src 'self'"
    accepted = site.client.get(url.removesuffix(".json"), headers=JSON)
    assert accepted.status_code == 401 and accepted.json() == {"error": "Log in first."}


@pytest.mark.parametrize("url", ["/health", "/health.json", "/login", "/login.json", "/static/kirok.css"])
def test_login_health_and_static_need_no_session(site: Site, url: str) -> None:
    assert site.client.get(url, follow_redirects=False).status_code == 200


def test_a_post_without_a_session_changes_nothing(site: Site) -> None:
    before = site.store.event_history(site.corpus.arrest.id)
    url = f"/events/{site.corpus.arrest.id}/review"
    form = {"status": "verified", "note": "fine", "csrf_token": "anything"}
    response = site.client.post(url, data=form, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert site.client.post(url, data=form, headers=JSON).status_code == 401
    assert site.store.event_history(site.corpus.arrest.id) == before
    assert site.store.get_event(site.corpus.arrest.id) == site.corpus.arrest


# -- logging in ------------------------------------------------------------------------------------


def test_the_login_page_carries_its_token_in_a_form_and_a_cookie(site: Site) -> None:
    response = site.client.get("/login?next=/events")
    doc = lxml_html.fromstring(response.text)
    assert doc.xpath("//form[@class='login']/@method") == ["post"]
    assert doc.xpath("//form[@class='login']/@action") == ["/login"]
    token = doc.xpath("//input[@name='csrf_token']/@value")
    assert token == [site.client.cookies[LOGIN_COOKIE]]
    assert doc.xpath("//input[@name='next']/@value") == ["/events"]
    assert doc.xpath("//input[@name='password']/@type") == ["password"]
    header = cookie_header(response, LOGIN_COOKIE).lower()
    assert "httponly" in header and "samesite=strict" in header and "secure" not in header
    assert response.headers["cache-control"] == "no-store"
    again = site.client.get("/login.json").json()
    assert again["csrf_token"] == token[0] and again["account"] is None  # the same token while it lasts


def test_login_sets_a_strict_httponly_session_cookie_and_goes_to_next(site: Site) -> None:
    form = {
        "username": EDITOR,
        "password": PASSWORD,
        "csrf_token": login_token(site.client),
        "next": "/events",
    }
    response = site.client.post("/login", data=form, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/events"
    header = cookie_header(response, SESSION_COOKIE).lower()
    for part in ("httponly", "samesite=strict", "path=/", "max-age=43200"):
        assert part in header
    assert "secure" not in header
    assert sessions(site) == 1
    page = lxml_html.fromstring(site.client.get("/events").text)
    assert page.xpath("string(//form[@class='account']//span[@class='who'])").startswith(EDITOR)
    csrf = site.client.get("/session.json").json()["csrf_token"]
    assert page.xpath("//meta[@name='csrf-token']/@content") == [csrf]
    assert page.xpath("//form[@class='account']//input[@name='csrf_token']/@value") == [csrf]


def test_cookies_are_secure_over_https_or_when_the_policy_says_so(site: Site, tmp_path: Any) -> None:
    with site.new_client(base_url="https://testserver") as secure:
        form = {"username": EDITOR, "password": PASSWORD, "csrf_token": login_token(secure)}
        response = secure.post("/login", data=form, follow_redirects=False)
        assert "; secure" in cookie_header(response, SESSION_COOKIE).lower()
    policy = AuthPolicy(secure_cookies=True, argon2_time_cost=1, argon2_memory_kib=8, argon2_parallelism=1)
    auth = Auth(SQLiteAccounts(site.store.path), policy)
    with TestClient(create_app(site.store, auth)) as plain:
        assert "; secure" in cookie_header(plain.get("/login"), LOGIN_COOKIE).lower()
    auth.close()


def test_wrong_password_and_unknown_user_get_the_same_refusal(site: Site) -> None:
    answers = []
    for username in (EDITOR, "editor-nobody"):
        form = {
            "username": username,
            "password": "not the passphrase",
            "csrf_token": login_token(site.client),
        }
        response = site.client.post("/login", data=form)
        doc = lxml_html.fromstring(response.text)
        answers.append((response.status_code, doc.xpath("string(//p[@class='error'])")))
        assert doc.xpath("//input[@name='username']/@value") == [username]
        assert doc.xpath("//input[@name='password']/@value") == []  # never sent back
    assert answers == [(401, WRONG_LOGIN), (401, WRONG_LOGIN)]
    bodies = []
    for username in (EDITOR, "editor-nobody"):
        body = {"username": username, "password": "not the passphrase"}
        response = site.client.post(
            "/login.json", json=body, headers={"X-CSRF-Token": login_token(site.client)}
        )
        bodies.append((response.status_code, response.json()))
    assert bodies[0] == bodies[1] == (401, {"error": WRONG_LOGIN})
    assert sessions(site) == 0 and SESSION_COOKIE not in site.client.cookies


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("e" * 65, PASSWORD, "usernames have at most 64 characters"),
        (EDITOR, "p" * 1025, "passwords have at most 1024 characters"),
        ("", PASSWORD, "Enter your username and your password."),
    ],
)
def test_overlong_or_missing_login_input_is_400(
    site: Site, username: str, password: str, message: str
) -> None:
    form = {"username": username, "password": password, "csrf_token": login_token(site.client)}
    response = site.client.post("/login", data=form)
    assert response.status_code == 400 and message in response.text
    assert (
        site.auth.accounts.failed_logins(since=site.clock.now.replace(year=2000), address="testclient") == []
    )


def test_a_huge_login_body_is_refused_unread(site: Site) -> None:
    token = login_token(site.client)
    response = site.client.post(
        "/login.json",
        content=b'{"username": "' + b"x" * 20_000 + b'"}',
        headers={"X-CSRF-Token": token, **JSON},
    )
    assert response.status_code == 413 and "too large" in response.json()["error"]


@pytest.mark.parametrize("token", [None, "", "forged-token-value", "x" * 500])
def test_login_without_the_login_token_is_refused(site: Site, token: str | None) -> None:
    login_token(site.client)
    form = {"username": EDITOR, "password": PASSWORD}
    if token is not None:
        form["csrf_token"] = token
    response = site.client.post("/login", data=form)
    assert response.status_code == 403 and "security token" in response.text
    assert sessions(site) == 0


def test_a_login_token_from_another_browser_is_refused(site: Site) -> None:
    with site.new_client() as attacker:
        their_token = login_token(attacker)
    login_token(site.client)  # the victim's own cookie differs
    form = {"username": EDITOR, "password": PASSWORD, "csrf_token": their_token}
    assert site.client.post("/login", data=form).status_code == 403
    assert sessions(site) == 0


def test_json_login_takes_the_token_in_a_header(site: Site) -> None:
    token = login_token(site.client)
    body = {"username": EDITOR, "password": PASSWORD}
    assert site.client.post("/login.json", json=body).status_code == 403
    response = site.client.post("/login.json", json=body, headers={"X-CSRF-Token": token})
    assert response.status_code == 200 and response.json()["account"] == {
        "username": EDITOR,
        "role": "editor",
    }
    assert response.json()["csrf_token"] == site.client.get("/session.json").json()["csrf_token"]
    assert site.client.get("/login.json").json()["account"] == {"username": EDITOR, "role": "editor"}


def test_logging_in_again_replaces_the_session(site: Site) -> None:
    log_in(site.client, EDITOR)
    first = site.client.cookies[SESSION_COOKIE]
    form = {"username": EDITOR, "password": PASSWORD, "csrf_token": login_token(site.client)}
    site.client.post("/login", data=form, follow_redirects=False)
    assert site.client.cookies[SESSION_COOKIE] != first
    assert site.auth.session(first) is None and sessions(site) == 1


def test_a_logged_in_visit_to_the_login_page_goes_on_to_next(site: Site) -> None:
    log_in(site.client, VIEWER)
    response = site.client.get("/login?next=/events", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/events"


@pytest.mark.parametrize(
    ("next_", "location"),
    [
        ("/events?type=arrest", "/events?type=arrest"),
        ("/reports/r-1#ev-2", "/reports/r-1#ev-2"),
        ("//evil.example/x", "/"),
        ("https://evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("\\\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("/ok\r\nSet-Cookie: x=1", "/"),
        ("/login", "/"),
        ("/logout", "/"),
        ("", "/"),
        ("events", "/"),
    ],
)
def test_next_only_ever_leads_to_a_local_page(site: Site, next_: str, location: str) -> None:
    form = {"username": EDITOR, "password": PASSWORD, "csrf_token": login_token(site.client), "next": next_}
    response = site.client.post("/login", data=form, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == location


def test_safe_next_keeps_the_root_path() -> None:
    assert safe_next("/events", "/kirok") == "/kirok/events"
    assert safe_next("//evil.example", "/kirok") == "/kirok/"
    assert safe_next("/x" * 2000) == "/"


# -- rate limits -----------------------------------------------------------------------------------


def test_five_wrong_passwords_then_429_with_retry_after(site: Site) -> None:
    for n in range(5):
        form = {
            "username": EDITOR,
            "password": f"wrong guess {n:02d}",
            "csrf_token": login_token(site.client),
        }
        assert site.client.post("/login", data=form).status_code == 401
        site.clock.advance(minutes=1)
    form = {"username": EDITOR, "password": PASSWORD, "csrf_token": login_token(site.client)}
    response = site.client.post("/login", data=form)
    assert response.status_code == 429 and response.headers["retry-after"] == str(10 * 60)
    doc = lxml_html.fromstring(response.text)
    assert "Too many failed logins" in doc.xpath("string(//p[@class='error'])")
    body = {"username": EDITOR, "password": PASSWORD}
    answer = site.client.post("/login.json", json=body, headers={"X-CSRF-Token": login_token(site.client)})
    assert answer.status_code == 429 and "Try again in 10 minutes" in answer.json()["error"]
    assert int(answer.headers["retry-after"]) == 10 * 60
    assert sessions(site) == 0
    site.clock.advance(minutes=10)
    log_in(site.client, EDITOR)


def test_one_address_is_limited_across_usernames(site: Site) -> None:
    for n in range(20):
        form = {
            "username": f"guess-{n}",
            "password": "a wrong guess here",
            "csrf_token": login_token(site.client),
        }
        assert site.client.post("/login", data=form).status_code == 401
    form = {"username": VIEWER, "password": PASSWORD, "csrf_token": login_token(site.client)}
    response = site.client.post("/login", data=form)
    assert response.status_code == 429 and int(response.headers["retry-after"]) > 0


# -- sessions end ----------------------------------------------------------------------------------


def test_an_expired_session_goes_back_to_login_with_a_message(site: Site) -> None:
    log_in(site.client, EDITOR)
    site.clock.advance(hours=2, seconds=1)
    response = site.client.get("/events?type=arrest", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Fevents%3Ftype%3Darrest&expired=1"
    assert "max-age=0" in cookie_header(response, SESSION_COOKIE).lower()
    page = site.client.get(response.headers["location"])
    doc = lxml_html.fromstring(page.text)
    assert "Your session has expired" in doc.xpath("string(//p[@role='alert'])")
    assert doc.xpath("//input[@name='next']/@value") == ["/events?type=arrest"]
    assert sessions(site) == 0


def test_an_expired_session_answers_json_with_401(site: Site) -> None:
    log_in(site.client, EDITOR)
    site.clock.advance(hours=12, seconds=1)
    response = site.client.get("/events.json")
    assert response.status_code == 401 and "expired" in response.json()["error"]


def test_a_session_in_use_stays_open_until_the_absolute_limit(site: Site) -> None:
    log_in(site.client, EDITOR)
    for _ in range(11):
        site.clock.advance(hours=1)
        assert site.client.get("/reports.json").status_code == 200
    site.clock.advance(hours=1, seconds=1)
    assert site.client.get("/reports.json").status_code == 401


def test_a_password_change_or_removal_ends_the_web_session(site: Site) -> None:
    log_in(site.client, EDITOR)
    site.auth.change_password(EDITOR, "a brand new passphrase")
    assert site.client.get("/reports.json").status_code == 401
    log_in(site.client, EDITOR, "a brand new passphrase")
    site.auth.remove_user(EDITOR)
    assert site.client.get("/reports.json").status_code == 401


def test_logout_ends_the_session(site: Site) -> None:
    csrf = log_in(site.client, EDITOR)
    token = site.client.cookies[SESSION_COOKIE]
    assert site.client.post("/logout", follow_redirects=False).status_code == 403  # no token: refused
    assert sessions(site) == 1
    response = site.client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login?logged_out=1"
    assert "max-age=0" in cookie_header(response, SESSION_COOKIE).lower()
    assert sessions(site) == 0 and site.auth.session(token) is None
    page = lxml_html.fromstring(site.client.get("/login?logged_out=1").text)
    assert page.xpath("string(//p[@role='status'])") == "You have logged out."
    assert site.client.get("/reports", follow_redirects=False).status_code == 303


def test_logout_by_json(site: Site) -> None:
    csrf = log_in(site.client, VIEWER)
    response = site.client.post("/logout.json", headers={"X-CSRF-Token": csrf})
    assert response.json() == {"status": "logged out"} and sessions(site, VIEWER) == 0


def test_session_json_says_who_and_until_when(site: Site) -> None:
    csrf = log_in(site.client, VIEWER)
    body = site.client.get("/session.json").json()
    assert body == {
        "account": {"username": VIEWER, "role": Role.VIEWER.value},
        "csrf_token": csrf,
        "expires_at": "2024-03-01T11:00:00+00:00",
    }


def test_pages_are_not_cached(site: Site) -> None:
    log_in(site.client, VIEWER)
    assert site.client.get("/reports").headers["cache-control"] == "no-store"
    assert site.client.get("/events.json").headers["cache-control"] == "no-store"
    assert "no-store" not in site.client.get("/static/kirok.css").headers.get("cache-control", "")


def test_the_cheap_policy_is_only_for_tests() -> None:
    assert AuthPolicy().argon2_memory_kib == 65536 and CHEAP.argon2_memory_kib == 8


def test_a_form_posted_after_expiry_goes_to_login_without_next(site: Site) -> None:
    csrf = log_in(site.client, EDITOR)
    site.clock.advance(hours=3)
    form = {"csrf_token": csrf, "status": "verified", "note": "late"}
    response = site.client.post(f"/events/{site.corpus.arrest.id}/review", data=form, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login?expired=1"
    event = site.store.get_event(site.corpus.arrest.id)
    assert event is not None and event.status.value == "suggested"
