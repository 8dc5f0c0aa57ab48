"""Ingest jobs while they run, when a stage breaks, when the pipeline cannot be built; and the JSON API."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from conftest import GOOD_HTML, GOOD_TEXT, jsonl_line
from kirok.ingest import IngestDefaults
from kirok.pipeline.stage import Pipeline
from kirok.settings import Settings
from kirok.store.sqlite import SQLiteStore
from kirok.web.jobs import IngestJobs, JobFile
from kirok.web.upload import UploadConfig

from .upload_site import (
    BREAK_MARK,
    LIMITS,
    RULES,
    WAIT_S,
    BreakStage,
    GateStage,
    UploadSite,
    rule_pipeline_with,
    upload_site,
)

OTHER_TEXT = "Guards in Onsong held a trader at the river on May 8, a source said.\n"


def refresh_meta(page: str) -> list[str]:
    doc = lxml_html.fromstring(page)
    return [str(m.get("content")) for m in doc.xpath("//head/noscript/meta[@http-equiv='refresh']")]


def test_a_running_job_shows_progress_and_refreshes_itself(tmp_path: Path) -> None:
    gate = GateStage()
    config = UploadConfig(Settings(), LIMITS, pipeline=rule_pipeline_with(gate))
    with upload_site(tmp_path, config) as site:
        first = site.submit(files=[("a.txt", GOOD_TEXT.encode()), ("b.txt", OTHER_TEXT.encode())])
        assert gate.reached.wait(WAIT_S)
        second = site.submit({"text": "Police in Manpo searched homes on June 2, a source said."})
        try:
            running, queued = site.job(first), site.job(second)
            assert (running["state"], running["files_done"], running["files_total"]) == ("running", 0, 2)
            assert running["files"][0]["state"] == "reading" and running["files"][1]["state"] == "waiting"
            assert queued["state"] == "queued"
            page = site.client.get(f"/ingest/jobs/{first}")
            assert refresh_meta(page.text) == ["2"]  # without JavaScript the page reloads itself
            assert "Reading the files and finding events." in page.text
            assert site.client.get("/reports").status_code == 200  # pages answer while the job runs
            listed = site.client.get("/ingest.json").json()["jobs"]
            assert [j["id"] for j in listed] == [second, first]
        finally:
            gate.gate.set()
        done = site.finished(first)
        assert (done["state"], done["files_done"], done["reports_added"]) == ("done", 2, 2)
        assert site.finished(second)["reports_added"] == 1
        assert refresh_meta(site.client.get(f"/ingest/jobs/{first}").text) == []


def test_a_file_that_breaks_the_pipeline_does_not_stop_the_others(tmp_path: Path) -> None:
    config = UploadConfig(Settings(batch_size=1), LIMITS, pipeline=rule_pipeline_with(BreakStage()))
    lines = [jsonl_line("Police in Manpo searched homes on June 2."), jsonl_line(f"{BREAK_MARK} here."),
             jsonl_line("Guards in Kanggye stopped traders at the bridge.")]  # fmt: skip
    files = [("a.txt", GOOD_TEXT.encode()), ("b.txt", f"{BREAK_MARK}\n".encode()),
             ("lines.jsonl", "\n".join(lines).encode()), ("c.html", GOOD_HTML.encode())]  # fmt: skip
    with upload_site(tmp_path, config) as site:
        job = site.finished(site.submit(files=files))
        states = {f["name"]: (f["state"], f["added"]) for f in job["files"]}
        assert job["state"] == "done"
        assert states == {"a.txt": ("done", 1), "b.txt": ("failed", 0), "lines.jsonl": ("failed", 1),
                          "c.html": ("done", 1)}  # fmt: skip
        broke = (
            "could not be ingested (the test stage broke on purpose); the reports stored before it were kept"
        )
        assert job["problems"] == [f"b.txt: {broke}", f"lines.jsonl: {broke}"]
        assert site.count_reports() == 3  # the first line of lines.jsonl was stored before the break
        page = lxml_html.fromstring(site.client.get(f"/ingest/jobs/{job['id']}").text)
        assert len(page.xpath("//table[contains(@class, 'job-files')]//tr[@class='file-failed']")) == 2


def test_a_pipeline_that_cannot_be_built_fails_the_job_and_stores_nothing(tmp_path: Path) -> None:
    config = UploadConfig(Settings(stages=("no.such.stage.v1",)), LIMITS)
    with upload_site(tmp_path, config) as site:
        assert site.client.get("/ingest").status_code == 200  # the pipeline is built by the first job only
        job = site.finished(site.submit({"text": GOOD_TEXT}))
        assert job["state"] == "failed" and job["files_done"] == 0
        assert job["message"].startswith("The pipeline could not be built, so nothing was stored: ")
        assert "unknown pipeline stage 'no.such.stage.v1'" in job["message"]
        assert "Failed; nothing was stored." in site.client.get(f"/ingest/jobs/{job['id']}").text
        assert site.count_reports() == 0


def test_the_pipeline_is_built_once_when_the_first_job_starts(tmp_path: Path) -> None:
    built: list[Pipeline] = []

    def build() -> Pipeline:
        built.append(RULES.build_pipeline())
        return built[-1]

    lock = threading.Lock()

    def locked(fn: Any, *args: Any) -> Any:
        with lock:
            return fn(*args)

    with SQLiteStore(tmp_path / "kirok.db", key_file=tmp_path / "secret.key") as store:
        jobs = IngestJobs(store, locked, build)
        assert built == []
        for n, text in enumerate((GOOD_TEXT, OTHER_TEXT)):
            folder = tmp_path / f"job{n}"
            (folder / "one").mkdir(parents=True)
            (folder / "one" / "r.txt").write_text(text, encoding="utf-8")
            jobs.submit("editor-one", [JobFile("r.txt", folder / "one" / "r.txt", len(text))], folder,
                        IngestDefaults(), [])  # fmt: skip
        jobs.shutdown()
        assert len(built) == 1
        assert [j["reports_added"] for j in jobs.recent()] == [1, 1]
        assert not (tmp_path / "job0").exists()  # the job's folder is removed once it is stored
        assert store.count_reports() == 2


# -- JSON --------------------------------------------------------------------------------------------


@pytest.fixture
def site(tmp_path: Path) -> Any:
    with upload_site(tmp_path) as opened:
        yield opened


def post_json(site: UploadSite, body: Any, **headers: str) -> Any:
    return site.client.post("/ingest.json", json=body, headers={"X-CSRF-Token": site.token, **headers})


def test_a_json_body_makes_a_job(site: UploadSite) -> None:
    body = {"text": GOOD_TEXT, "outlet": "Api Desk", "published": "Oct. 12, 2021", "language": "en",
            "url": "https://example.org/r/1"}  # fmt: skip
    response = post_json(site, body)
    assert response.status_code == 202
    created = response.json()
    assert created["status_url"] == f"/ingest/jobs/{created['job']}"
    assert created["status_json"] == f"/ingest/jobs/{created['job']}.json"
    job = site.finished(created["job"])
    assert job["reports_added"] == 1 and job["owner"] == "editor-one"
    report = site.store.get_report(job["files"][0]["reports"][0])
    assert report is not None and (report.outlet, str(report.published)) == ("Api Desk", "2021-10-12")


def test_multipart_to_the_json_endpoint_with_the_token_in_a_header(site: UploadSite) -> None:
    response = site.client.post(
        "/ingest.json",
        data={"outlet": "Header Desk"},
        files=[("files", ("a.txt", GOOD_TEXT.encode(), "text/plain"))],
        headers={"X-CSRF-Token": site.token},
    )
    assert response.status_code == 202
    assert site.finished(response.json()["job"])["reports_added"] == 1


@pytest.mark.parametrize(
    ("body", "status", "field", "says"),
    [
        (
            {"text": GOOD_TEXT, "published": "soon"},
            400,
            "published",
            "published: cannot read the publication",
        ),
        ({"text": GOOD_TEXT, "pubished": "2021-10-12"}, 422, "pubished", "pubished: Extra inputs are not"),
        ({"text": 17}, 422, "text", "text: Input should be a valid string"),
        ({"text": ""}, 422, "text", "text: String should have at least 1 character"),
        ({"text": "   "}, 400, "text", "text: the report's text is empty."),
        ({}, 422, "text", "text: Field required"),
        ([GOOD_TEXT], 422, "body", "body: Input should be an object"),
    ],
)
def test_bad_json_is_refused_naming_the_field(
    site: UploadSite, body: Any, status: int, field: str, says: str
) -> None:
    response = post_json(site, body)
    assert (response.status_code, response.json()["field"]) == (status, field)
    assert response.json()["error"].startswith(says)
    assert site.count_reports() == 0


def test_json_that_does_not_parse_and_other_media_types(site: UploadSite) -> None:
    broken = site.client.post(
        "/ingest.json",
        content=b'{"text": ',
        headers={"X-CSRF-Token": site.token, "Content-Type": "application/json"},
    )
    assert broken.status_code == 422 and broken.json()["field"] == "body"
    plain = site.client.post(
        "/ingest.json",
        content=GOOD_TEXT.encode(),
        headers={"X-CSRF-Token": site.token, "Content-Type": "text/plain"},
    )
    assert plain.status_code == 415
    assert post_json(site, {"text": GOOD_TEXT}, **{"X-CSRF-Token": "forged"}).status_code == 403
    assert site.count_reports() == 0


def test_an_unknown_job_is_404(site: UploadSite) -> None:
    missing = site.client.get("/ingest/jobs/0000000000000000.json")
    assert missing.status_code == 404 and "no ingest job '0000000000000000'" in missing.json()["error"]
    assert site.client.get("/ingest/jobs/0000000000000000").status_code == 404


def test_the_job_page_lists_files_problems_and_links_to_reports(site: UploadSite) -> None:
    job = site.finished(site.submit(files=[("a.txt", GOOD_TEXT.encode()), ("empty.txt", b"")]))
    doc = lxml_html.fromstring(site.client.get(f"/ingest/jobs/{job['id']}").text)
    assert [li.text_content() for li in doc.xpath("//ul[@class='problems']/li")] == [
        "empty.txt: empty file (0 bytes)"
    ]
    (report_id,) = job["files"][0]["reports"]
    assert doc.xpath("//table[contains(@class, 'job-files')]//a/@href") == [f"/reports/{report_id}"]
    assert doc.xpath("//dd[@data-field='reports_added']")[0].text_content() == "1"
    form = lxml_html.fromstring(site.client.get("/ingest").text)
    assert form.xpath("//table[contains(@class, 'jobs')]//a/@href") == [f"/ingest/jobs/{job['id']}"]


@pytest.mark.slow
def test_the_default_pipeline_loads_spacy_for_the_first_job(tmp_path: Path) -> None:
    with upload_site(tmp_path, UploadConfig(Settings(), LIMITS)) as site:
        job = site.finished(site.submit(files=[("guards.txt", GOOD_TEXT.encode())]))
        assert (job["state"], job["reports_added"], job["problems"]) == ("done", 1, [])
        assert job["events_added"] >= 1
        again = site.finished(site.submit({"text": OTHER_TEXT}))  # the same pipeline, kept
        assert again["reports_added"] == 1
