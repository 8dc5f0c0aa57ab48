"""CSRF on every state-changing request, and roles: refusals change nothing stored.

The review route comes from :mod:`tests.web.review_site`; it is the pattern the review pages will follow.
"""

from __future__ import annotations

from typing import Any

import pytest

from kirok.model import ReviewStatus

from .accounts import ADMIN, EDITOR, VIEWER, log_in
from .review_site import Site

JSON = {"Accept": "application/json"}


def state(site: Site) -> tuple[Any, int]:
    """The arrest event as stored, and the length of its history."""
    event_id = site.corpus.arrest.id
    return site.store.get_event(event_id), len(site.store.event_history(event_id))


def review_url(site: Site) -> str:
    return f"/events/{site.corpus.arrest.id}/review"


def test_an_editor_with_the_token_reviews_and_is_the_recorded_actor(site: Site) -> None:
    csrf = log_in(site.client, EDITOR)
    form = {"csrf_token": csrf, "status": "verified", "note": "two sources agree"}
    response = site.client.post(review_url(site), data=form)
    assert response.status_code == 200, response.text
    assert response.json() == {"status": "verified", "actor": EDITOR, "attachment_bytes": None}
    event = site.store.get_event(site.corpus.arrest.id)
    assert event is not None and event.status is ReviewStatus.VERIFIED and event.status_by == EDITOR
    history = site.store.event_history(site.corpus.arrest.id)
    assert history[-1].actor == EDITOR and history[-1].action == "verified"


def test_an_admin_may_do_what_an_editor_may(site: Site) -> None:
    csrf = log_in(site.client, ADMIN)
    form = {"csrf_token": csrf, "status": "rejected", "note": "a duplicate"}
    assert site.client.post(review_url(site), data=form).json()["actor"] == ADMIN


def test_a_viewer_gets_403_and_nothing_changes(site: Site) -> None:
    before = state(site)
    csrf = log_in(site.client, VIEWER)
    form = {"csrf_token": csrf, "status": "verified", "note": "looks right"}
    page = site.client.post(review_url(site), data=form)
    assert page.status_code == 403 and "<h1>Not allowed</h1>" in page.text
    assert "is a viewer; this needs an editor account or higher. Nothing was changed." in page.text
    answer = site.client.post(review_url(site), data=form, headers=JSON)
    assert answer.status_code == 403 and "needs an editor account" in answer.json()["error"]
    assert state(site) == before


def test_require_as_a_fastapi_dependency(site: Site) -> None:
    csrf = log_in(site.client, EDITOR)
    refused = site.client.post("/admin-only", headers={"X-CSRF-Token": csrf, **JSON})
    assert refused.status_code == 403 and "needs an admin account" in refused.json()["error"]
    csrf = log_in(site.client, ADMIN)
    assert site.client.post("/admin-only", headers={"X-CSRF-Token": csrf}).json() == {"admin": ADMIN}


@pytest.mark.parametrize(
    "token",
    [None, "", "forged", "x" * 43, "x" * 10_000],
    ids=["missing", "empty", "forged", "shaped", "huge"],
)
def test_a_missing_or_forged_token_is_403_and_nothing_changes(site: Site, token: str | None) -> None:
    before = state(site)
    log_in(site.client, EDITOR)
    form = {"status": "verified", "note": "n"}
    if token is not None:
        form["csrf_token"] = token
    response = site.client.post(review_url(site), data=form)
    assert response.status_code == 403
    assert "security token is missing or does not match your session, so nothing was changed" in response.text
    assert site.client.post(review_url(site), data={"status": "verified"}, headers=JSON).json() == {
        "error": "The form's security token is missing or does not match your session, so nothing was "
        "changed. Reload the page and try again."
    }
    assert state(site) == before


def test_another_sessions_token_is_refused(site: Site) -> None:
    before = state(site)
    with site.new_client() as other:
        their_csrf = log_in(other, ADMIN)
    log_in(site.client, EDITOR)
    form = {"csrf_token": their_csrf, "status": "verified", "note": "n"}
    assert site.client.post(review_url(site), data=form).status_code == 403
    assert state(site) == before


def test_the_token_of_an_ended_session_is_refused(site: Site) -> None:
    old = log_in(site.client, EDITOR)
    log_in(site.client, EDITOR)  # a new session, a new token
    form = {"csrf_token": old, "status": "verified", "note": "n"}
    assert site.client.post(review_url(site), data=form).status_code == 403


def test_the_header_carries_the_token_for_scripts(site: Site) -> None:
    csrf = log_in(site.client, EDITOR)
    form = {"status": "verified", "note": "by script"}
    response = site.client.post(review_url(site), data=form, headers={"X-CSRF-Token": csrf})
    assert response.status_code == 200
    wrong = site.client.post(review_url(site), data=form, headers={"X-CSRF-Token": "wrong"})
    assert wrong.status_code == 403


def test_multipart_forms_carry_the_token_as_their_first_field(site: Site) -> None:
    csrf = log_in(site.client, EDITOR)
    payload = b"report bytes " * 10_000
    response = site.client.post(
        review_url(site),
        data={"csrf_token": csrf, "status": "verified", "note": "with a file"},
        files={"attachment": ("r.txt", payload, "text/plain")},
    )
    assert response.status_code == 200, response.text
    assert response.json()["attachment_bytes"] == len(payload)  # the body reached the route whole


def test_a_multipart_form_without_the_token_first_is_refused(site: Site) -> None:
    before = state(site)
    csrf = log_in(site.client, EDITOR)
    response = site.client.post(
        review_url(site),
        data={"status": "verified", "note": "n", "csrf_token": csrf},  # the token comes last
        files={"attachment": ("r.txt", b"x" * 100_000, "text/plain")},
    )
    assert response.status_code == 403 and state(site) == before


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "POST"])
def test_every_unsafe_method_needs_the_token_even_on_unknown_routes(site: Site, method: str) -> None:
    csrf = log_in(site.client, EDITOR)
    assert site.client.request(method, "/reports").status_code == 403
    assert site.client.request(method, "/no/such/thing").status_code == 403
    assert site.client.request(method, "/reports", headers={"X-CSRF-Token": csrf}).status_code == 405


def test_a_request_from_another_origin_is_refused(site: Site) -> None:
    before = state(site)
    csrf = log_in(site.client, EDITOR)
    form = {"csrf_token": csrf, "status": "verified", "note": "n"}
    for origin in ("https://evil.example", "null", "http://testserver.evil.example"):
        response = site.client.post(review_url(site), data=form, headers={"Origin": origin})
        assert response.status_code == 403 and "another site" in response.text
    assert state(site) == before
    same = site.client.post(review_url(site), data=form, headers={"Origin": "http://testserver"})
    assert same.status_code == 200


def test_an_oversized_form_is_413(site: Site) -> None:
    csrf = log_in(site.client, EDITOR)
    form = {"csrf_token": csrf, "status": "verified", "note": "n" * (1024 * 1024 + 1)}
    response = site.client.post(review_url(site), data=form)
    assert response.status_code == 413 and "too large" in response.text


def test_a_get_never_needs_a_token(site: Site) -> None:
    log_in(site.client, VIEWER)
    assert site.client.get("/reports").status_code == 200
    assert site.client.head("/events").status_code == 200


def test_every_post_form_on_a_page_carries_the_token(site: Site) -> None:
    from lxml import html as lxml_html

    csrf = log_in(site.client, EDITOR)
    for url in (
        "/reports",
        "/events",
        f"/reports/{site.corpus.a.id}",
        f"/events/{site.corpus.arrest.id}",
        "/x",
    ):
        doc = lxml_html.fromstring(site.client.get(url).text)
        forms = doc.xpath("//form[translate(@method, 'POST', 'post')='post']")
        assert forms, url
        for form in forms:
            assert form.xpath(".//input[@type='hidden'][@name='csrf_token']/@value") == [csrf], url
