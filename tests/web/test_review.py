"""The review view and its actions: verify, reject, edit, by form and by JSON, and every refusal."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import html as lxml_html

from kirok.model import ReviewStatus
from kirok.web.review_routes import MAX_JSON_BYTES

from .accounts import ADMIN, EDITOR, VIEWER, log_in
from .corpus import SECRET_NAME
from .review_site import Site


def history_length(site: Site, event_id: str) -> int:
    return len(site.store.event_history(event_id))


def post_form(site: Site, url: str, token: str, **fields: str) -> Any:
    return site.client.post(url, data={"csrf_token": token, **fields}, follow_redirects=False)


# -- the view --------------------------------------------------------------------------------------


def test_review_view_shows_the_event_the_text_and_the_history(site: Site) -> None:
    log_in(site.client, EDITOR)
    arrest = site.corpus.arrest
    response = site.client.get(f"/review/{arrest.id}?at=0")
    assert response.status_code == 200
    assert SECRET_NAME not in response.text
    doc = lxml_html.fromstring(response.text)
    assert [m.text_content() for m in doc.xpath("//div[@class='report-text']//mark")] == [
        "border guards arrested three women"
    ]
    assert doc.xpath("//div[@class='report-text']//span[@class='anchor']/@id") == [f"ev-{arrest.id}"]
    fields = doc.xpath("string(//dl[@class='fields'])")
    assert "rests on earlier this month" in " ".join(fields.split())
    assert "arrest.trigger:arrested" in fields and "Border guards" in fields
    assert doc.xpath("//figure[@class='event-map']/*[local-name()='svg']")
    assert doc.xpath("//nav[@aria-label='Queue']/span")[0].text_content() == "1 of 2 in the queue"
    assert doc.xpath("//a[@id='queue-next']/@href") == [f"/review/{site.corpus.detention.id}?at=1"]
    assert doc.xpath("//a[@id='queue-prev']") == []
    assert doc.xpath("//form[@id='verify-form']/@action") == [f"/review/{arrest.id}/verify?at=0"]
    assert doc.xpath("//form[@aria-label='Edit date']//input[@name='quote']/@value") == ["earlier this month"]
    assert len(doc.xpath("//section[@id='shortcuts']//kbd")) >= 7
    history = doc.xpath("//ol[@class='history-list']/li")
    assert len(history) == 1 and "machine" in history[0].text_content()

    data = site.client.get(f"/review/{arrest.id}.json?at=0").json()
    assert data["queue"]["at"] == 0 and data["queue"]["next"] == site.corpus.detention.id
    assert data["history"][0]["action"] == "suggested"
    assert SECRET_NAME not in str(data) and "name" not in data["event"]["victims"][1]


def test_viewers_see_no_forms_and_cannot_post(site: Site) -> None:
    token = log_in(site.client, VIEWER)
    arrest = site.corpus.arrest
    doc = lxml_html.fromstring(site.client.get(f"/review/{arrest.id}").text)
    assert doc.xpath("//form[@method='post' and not(@aria-label='Account')]") == []
    for action, fields in [
        ("verify", {}),
        ("reject", {"reason": "no"}),
        ("edit", {"group": "type", "type": "escape"}),
    ]:
        response = post_form(site, f"/review/{arrest.id}/{action}", token, **fields)
        assert response.status_code == 403, action
        assert "viewer" in response.text
    json_response = site.client.post(
        f"/review/{arrest.id}/verify.json", json={}, headers={"X-CSRF-Token": token}
    )
    assert json_response.status_code == 403
    assert history_length(site, arrest.id) == 1
    assert site.store.get_event(arrest.id) == arrest


def test_unknown_event_is_404(site: Site) -> None:
    token = log_in(site.client, EDITOR)
    assert site.client.get("/review/e-nothing").status_code == 404
    assert site.client.get("/review/e-nothing.json").json() == {
        "error": "There is no event with id 'e-nothing'."
    }
    assert post_form(site, "/review/e-nothing/verify", token).status_code == 404
    assert (
        site.client.post(
            "/review/e-nothing/reject.json", json={"reason": "x"}, headers={"X-CSRF-Token": token}
        ).status_code
        == 404
    )


# -- decisions -------------------------------------------------------------------------------------


def test_verify_goes_on_to_the_next_event(site: Site) -> None:
    token = log_in(site.client, EDITOR)
    arrest, detention = site.corpus.arrest, site.corpus.detention
    response = post_form(site, f"/review/{arrest.id}/verify?at=0", token, note="matches the text")
    assert response.status_code == 303
    assert response.headers["location"] == f"/review/{detention.id}?at=0&done=verified&last={arrest.id}"
    stored = site.store.get_event(arrest.id)
    assert stored is not None and stored.status is ReviewStatus.VERIFIED
    assert (stored.status_by, stored.status_note) == (EDITOR, "matches the text")
    assert stored.victims[1].name == SECRET_NAME  # a decision keeps every field
    last = site.store.event_history(arrest.id)[-1]
    assert (last.actor, last.action) == (EDITOR, "verified")
    page = site.client.get(response.headers["location"])
    assert f"Verified event {arrest.id}" in " ".join(
        lxml_html.fromstring(page.text).xpath("string(//p[@role='status'])").split()
    )
    assert site.store.verify_history() == 4  # three suggestions, one decision


def test_reject_needs_a_reason_and_keeps_it(site: Site) -> None:
    token = log_in(site.client, ADMIN)
    detention = site.corpus.detention
    refused = post_form(site, f"/review/{detention.id}/reject?at=1", token, reason="   ")
    assert refused.status_code == 400
    assert "say why the event is rejected" in refused.text
    assert history_length(site, detention.id) == 1
    done = post_form(
        site, f"/review/{detention.id}/reject?at=1", token, reason="a <b>duplicate</b> of the arrest"
    )
    assert done.status_code == 303
    assert done.headers["location"] == f"/review?done=rejected&last={detention.id}"  # nothing after it
    stored = site.store.get_event(detention.id)
    assert stored is not None and stored.status is ReviewStatus.REJECTED
    assert stored.status_note == "a <b>duplicate</b> of the arrest"
    page = site.client.get(f"/review/{detention.id}")
    assert "a &lt;b&gt;duplicate&lt;/b&gt; of the arrest" in page.text and "<b>duplicate" not in page.text


def test_forms_without_the_csrf_token_change_nothing(site: Site) -> None:
    log_in(site.client, EDITOR)
    arrest = site.corpus.arrest
    response = site.client.post(f"/review/{arrest.id}/verify", data={"csrf_token": "forged"})
    assert response.status_code == 403
    response = site.client.post(f"/review/{arrest.id}/verify.json", json={})
    assert response.status_code == 403
    assert history_length(site, arrest.id) == 1


# -- edits by form ---------------------------------------------------------------------------------


def test_edit_date_by_form_links_the_quote_and_shows_the_diff(site: Site) -> None:
    token = log_in(site.client, EDITOR)
    arrest = site.corpus.arrest
    fields = {
        "earliest": "2023-06-01",
        "latest": "2023-06-07",
        "precision": "week",
        "quote": "earlier  this month",
    }
    response = post_form(site, f"/review/{arrest.id}/edit?at=0", token, group="date", **fields)
    assert response.status_code == 303
    assert response.headers["location"] == f"/review/{arrest.id}?at=0&done=edited&last={arrest.id}"
    stored = site.store.get_event(arrest.id)
    assert stored is not None and stored.date is not None
    assert str(stored.date.latest) == "2023-06-07" and stored.date.span is not None
    assert stored.date.span == arrest.date.span if arrest.date else False
    assert stored.status is ReviewStatus.SUGGESTED
    doc = lxml_html.fromstring(site.client.get(response.headers["location"]).text)
    rows = [
        [c.text_content() for c in row.xpath("th|td")] for row in doc.xpath("//table[@class='diff']/tbody/tr")
    ]
    assert ["date · latest", "2023-06-15", "2023-06-07"] in rows
    assert ["date · precision", "month", "week"] in rows
    entry = site.store.event_history(arrest.id)[-1]
    assert (entry.actor, entry.action) == (EDITOR, "edited")


def test_save_and_verify_by_form(site: Site) -> None:
    token = log_in(site.client, EDITOR)
    arrest = site.corpus.arrest
    fields = {
        "count": "1",
        "sex": "female",
        "age_band": "40s",
        "status": "trader, mother",
        "quote": "three women",
    }
    response = post_form(
        site, f"/review/{arrest.id}/edit?at=0", token, group="victim", index="1", then="verify", **fields
    )
    assert response.status_code == 303
    assert response.headers["location"].startswith(f"/review/{site.corpus.detention.id}?at=0&done=verified")
    stored = site.store.get_event(arrest.id)
    assert stored is not None and stored.status is ReviewStatus.VERIFIED
    victim = stored.victims[1]
    assert (victim.age_band.value, victim.status, victim.name) == ("40s", ("trader", "mother"), SECRET_NAME)
    assert [e.action for e in site.store.event_history(arrest.id)] == ["suggested", "edited", "verified"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"group": "date", "earliest": "June 2023"}, "date.earliest: must be a date written YYYY-MM-DD"),
        ({"group": "date", "earliest": "2023-02-30"}, "date.earliest: must be a date written YYYY-MM-DD"),
        ({"group": "date", "earliest": "2023-06-09", "latest": "2023-06-01"}, "date.latest: the window ends"),
        ({"group": "place", "name": "x", "latitude": "95", "longitude": "128"}, "place.latitude"),
        (
            {"group": "place", "name": "x", "latitude": "north", "longitude": "128"},
            "place.latitude: must be a number",
        ),
        (
            {"group": "place", "name": "x", "latitude": "inf", "longitude": "1"},
            "place.latitude: must be a finite",
        ),
        ({"group": "place", "gazetteer": "Nowhere-on-sea"}, "place.gazetteer: no gazetteer entry"),
        ({"group": "place", "name": "Hyesan", "quote": "in the capital"}, "place.quote: the words"),
        ({"group": "victim", "index": "0", "count": "-2"}, "victims.0.count: must be a whole number"),
        ({"group": "victim", "index": "9"}, "victim.index: the event has no victim"),
        ({"group": "perpetrator", "index": "new", "name": ""}, "perpetrators.1.name"),
        ({"group": "type", "type": "picnic"}, "type: Input should be"),
        ({"group": "colour"}, "group: unknown group"),
    ],
)
def test_bad_edits_are_refused_and_change_nothing(site: Site, fields: dict[str, str], message: str) -> None:
    token = log_in(site.client, EDITOR)
    arrest = site.corpus.arrest
    response = post_form(site, f"/review/{arrest.id}/edit", token, **fields)
    assert response.status_code == 400, response.text
    doc = lxml_html.fromstring(response.text)
    assert message in doc.xpath("string(//p[@id='form-error'])")
    assert site.store.get_event(arrest.id) == arrest
    assert history_length(site, arrest.id) == 1


def test_script_in_an_edit_is_stored_as_text_and_escaped(site: Site) -> None:
    token = log_in(site.client, EDITOR)
    arrest = site.corpus.arrest
    script = "<script>alert('x')</script>"
    response = post_form(
        site,
        f"/review/{arrest.id}/edit",
        token,
        group="perpetrator",
        index="0",
        name=script,
        unit="unit & co",
    )
    assert response.status_code == 303
    stored = site.store.get_event(arrest.id)
    assert stored is not None and stored.perpetrators[0].name == script
    page = site.client.get(f"/review/{arrest.id}").text
    assert script not in page and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page


def test_an_edit_that_changes_nothing_writes_nothing(site: Site) -> None:
    token = log_in(site.client, EDITOR)
    detention = site.corpus.detention
    window = detention.date
    assert window is not None and window.span is not None
    fields = {"group": "date", "earliest": str(window.earliest), "latest": str(window.latest)}
    response = post_form(
        site, f"/review/{detention.id}/edit", token, precision="month", quote=window.span.text, **fields
    )
    assert response.status_code == 303 and "done=unchanged" in response.headers["location"]
    assert history_length(site, detention.id) == 1


def test_remove_and_add_items_and_clear_the_place(site: Site) -> None:
    token = log_in(site.client, EDITOR)
    arrest = site.corpus.arrest
    url = f"/review/{arrest.id}/edit"
    assert post_form(site, url, token, group="perpetrator", index="0", remove="1").status_code == 303
    assert (
        post_form(
            site, url, token, group="victim", index="new", count="2", sex="male", quote="three women"
        ).status_code
        == 303
    )
    assert post_form(site, url, token, group="place", clear="1").status_code == 303
    stored = site.store.get_event(arrest.id)
    assert stored is not None
    assert stored.perpetrators == () and stored.place is None
    assert [v.count for v in stored.victims] == [3, 1, 2] and stored.victims[1].name == SECRET_NAME
    assert history_length(site, arrest.id) == 4


# -- JSON ------------------------------------------------------------------------------------------


def test_json_actions_answer_the_updated_event(site: Site) -> None:
    token = log_in(site.client, EDITOR)
    headers = {"X-CSRF-Token": token}
    arrest, detention = site.corpus.arrest, site.corpus.detention
    edit = {
        "place": {"gazetteer": "KP0203", "quote": "near the river"},
        "perpetrators": [{"name": "Ministry of State Security", "quote": "border guards"}],
        "reason": "crossing",
        "reason_quote": "near the river",
    }
    response = site.client.post(f"/review/{arrest.id}/edit.json", json=edit, headers=headers)
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["place"]["gazetteer_id"] == "KP0203" and data["place"]["span"]["text"] == "near the river"
    assert data["perpetrators"][0]["span"]["text"] == "border guards"
    assert SECRET_NAME not in response.text
    verified = site.client.post(
        f"/review/{arrest.id}/verify.json", json={"note": "ok"}, headers=headers
    ).json()
    assert (verified["status"], verified["status_by"], verified["status_note"]) == ("verified", EDITOR, "ok")
    rejected = site.client.post(
        f"/review/{detention.id}/reject.json", json={"reason": "duplicate"}, headers=headers
    )
    assert rejected.json()["status"] == "rejected"
    assert [e.action for e in site.store.event_history(arrest.id)] == ["suggested", "edited", "verified"]


@pytest.mark.parametrize(
    ("path", "body", "status", "field"),
    [
        ("reject.json", {}, 422, "reason"),
        ("reject.json", {"reason": "   "}, 422, "reason"),
        ("edit.json", {"date": {"earliest": "2023-13-01"}}, 422, "earliest"),
        ("edit.json", {"date": {"earliest": "2023-06-09", "latest": "2023-06-01"}}, 422, "latest"),
        ("edit.json", {"place": {"name": "x", "latitude": 12, "longitude": 200}}, 422, "longitude"),
        ("edit.json", {"victims": [{"name": "someone"}]}, 422, "name"),
        ("edit.json", {"reason": "x", "reason_quote": "words never written"}, 400, "reason_quote"),
        ("verify.json", {"note": "x" * 2001}, 422, "note"),
    ],
)
def test_bad_json_is_refused_naming_the_field(
    site: Site, path: str, body: dict[str, Any], status: int, field: str
) -> None:
    token = log_in(site.client, EDITOR)
    arrest = site.corpus.arrest
    response = site.client.post(f"/review/{arrest.id}/{path}", json=body, headers={"X-CSRF-Token": token})
    assert response.status_code == status, response.text
    assert field in response.text
    assert history_length(site, arrest.id) == 1


def test_oversized_json_is_refused(site: Site) -> None:
    token = log_in(site.client, EDITOR)
    arrest = site.corpus.arrest
    big = {"reason": "x" * (MAX_JSON_BYTES + 10)}
    response = site.client.post(f"/review/{arrest.id}/edit.json", json=big, headers={"X-CSRF-Token": token})
    assert response.status_code == 413
    assert history_length(site, arrest.id) == 1


def test_json_actions_are_in_the_openapi_description(site: Site) -> None:
    paths = site.app.openapi()["paths"]
    for action in ("verify", "reject", "edit"):
        operation = paths[f"/review/{{event_id}}/{action}.json"]["post"]
        assert "requestBody" in operation and "403" in operation["responses"]
    assert "/review" not in paths and "/review/{event_id}/verify" not in paths
