"""Ingest from the browser: ``/ingest`` and its jobs, over a real SQLite store, without spaCy.

The uploaded files go through the same readers as ``kirok ingest``; the problems a job lists are compared
with what :func:`kirok.ingestion.ingest_paths` says about the same files on disk.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from lxml import html as lxml_html

from conftest import GOOD_HTML, GOOD_TEXT, jsonl_line, text_pdf, write_bad_inputs
from kirok.ingest import IngestDefaults
from kirok.ingestion import ingest_paths
from kirok.store.sqlite import SQLiteStore

from .accounts import ADMIN, VIEWER, log_in
from .upload_site import LIMITS, RULES, UploadSite, upload_site

PDF_LINES = ["Guards in Musan searched homes on May 2, a source said."]


@pytest.fixture
def site(tmp_path: Path) -> Iterator[UploadSite]:
    with upload_site(tmp_path) as opened:
        yield opened


def nav_links(site: UploadSite) -> list[str]:
    doc = lxml_html.fromstring(site.client.get("/reports").text)
    return [str(a.text_content()) for a in doc.xpath("//nav[@aria-label='Main']//a")]


# -- who may ------------------------------------------------------------------------------------------


def test_viewers_get_403_and_no_nav_link(tmp_path: Path) -> None:
    with upload_site(tmp_path, user=VIEWER) as site:
        assert "Add reports" not in nav_links(site)
        assert site.client.get("/ingest").status_code == 403
        assert (
            site.client.get("/ingest.json")
            .json()["error"]
            .startswith("Your account 'viewer-one' is a viewer")
        )
        refused = site.post({"text": GOOD_TEXT})
        assert refused.status_code == 403
        assert site.client.get("/ingest/jobs/0123456789abcdef.json").status_code == 403
        assert site.count_reports() == 0


def test_editors_and_admins_see_the_form(site: UploadSite, tmp_path: Path) -> None:
    assert "Add reports" in nav_links(site)
    doc = lxml_html.fromstring(site.client.get("/ingest").text)
    form = doc.xpath("//form[@id='ingest-form']")[0]
    assert form.get("enctype") == "multipart/form-data"
    assert form.xpath(".//input")[0].get("name") == "csrf_token"  # the middleware reads the first part only
    assert {i.get("name") for i in form.xpath(".//input|.//textarea")} >= {
        "files", "text", "outlet", "url", "published", "language", "encoding",
    }  # fmt: skip
    assert site.client.get("/ingest.json").json()["limits"] == LIMITS.as_json()
    site.client.post("/logout", data={"csrf_token": site.token})
    log_in(site.client, ADMIN)
    assert site.client.get("/ingest").status_code == 200


def test_no_session_no_form(site: UploadSite) -> None:
    anonymous = site.client.__class__(site.app)
    assert anonymous.get("/ingest", follow_redirects=False).status_code == 303
    assert anonymous.get("/ingest/jobs/x.json").status_code == 401


# -- files -------------------------------------------------------------------------------------------


def test_files_are_stored_byte_for_byte_with_the_uploaded_name(site: UploadSite) -> None:
    jsonl = "\n".join(
        jsonl_line(f"Guards in Hoeryong held {n} traders on May {n}, a source said.", published="2022-05-20")
        for n in (2, 3)
    ).encode()
    files = [("guards.txt", GOOD_TEXT.encode()), ("farm.html", GOOD_HTML.encode()),
             ("musan.pdf", text_pdf(PDF_LINES)), ("batch.jsonl", jsonl)]  # fmt: skip
    job = site.finished(site.submit({"outlet": "Form Desk"}, files))
    assert job["state"] == "done" and job["problems"] == []
    assert (job["files_total"], job["files_done"], job["reports_added"], job["duplicates"]) == (4, 4, 5, 0)
    assert job["events_added"] == sum(f["events"] for f in job["files"]) > 0
    by_name = {f["name"]: f for f in job["files"]}
    stored = site.store.get_report(by_name["guards.txt"]["reports"][0])
    assert stored is not None and stored.origin == "guards.txt" and stored.outlet == "Form Desk"
    for name, content in files[:3]:
        (report_id,) = by_name[name]["reports"]
        assert site.store.get_original(report_id) == content
        report = site.store.get_report(report_id)
        assert report is not None and report.sha256 == hashlib.sha256(content).hexdigest()
    lines = [site.store.get_report(r) for r in by_name["batch.jsonl"]["reports"]]
    assert [r.origin for r in lines if r] == ["batch.jsonl:1", "batch.jsonl:2"]
    assert (
        len(site.store.events_for_report(by_name["guards.txt"]["reports"][0]))
        == by_name["guards.txt"]["events"]
    )


def test_uploading_again_adds_nothing(site: UploadSite) -> None:
    first = site.finished(site.submit(files=[("guards.txt", GOOD_TEXT.encode())]))
    again = site.finished(site.submit(files=[("same-bytes-other-name.txt", GOOD_TEXT.encode())]))
    assert (first["reports_added"], again["reports_added"], again["duplicates"]) == (1, 0, 1)
    assert site.count_reports() == 1


def test_bad_files_get_the_clis_problem_lines_and_the_good_ones_are_stored(
    site: UploadSite, tmp_path: Path
) -> None:
    inputs = write_bad_inputs(tmp_path / "inputs")
    (inputs.folder / "notes.docx").write_bytes(b"PK\x03\x04 not a report")
    (inputs.folder / "broken.html").write_bytes(b"<html><body><p>Guards in Onsong held a trader <b")
    given = sorted(inputs.folder.iterdir())
    with SQLiteStore(tmp_path / "cli.db", key_file=tmp_path / "cli.key") as cli_store:
        reports = [p for p in given if not p.name.endswith(".meta.json")]  # sidecars are found beside
        cli = ingest_paths(reports, IngestDefaults(), cli_store, RULES.build_pipeline())
    cli_lines = sorted(str(p).replace(f"{inputs.folder}/", "") for p in cli.problems)
    job = site.finished(site.submit(files=[(p.name, p.read_bytes()) for p in given]))
    assert job["state"] == "done"
    assert sorted(job["problems"]) == cli_lines
    assert (job["reports_added"], job["events_added"]) == (cli.added, cli.events)
    assert job["reports_added"] == inputs.good_reports + 1  # lxml reads the broken HTML, as for the CLI
    assert "empty.txt: empty file (0 bytes)" in job["problems"]
    assert (
        "notes.docx: unsupported file type '.docx'; Kirok reads .txt, .html, .htm, .pdf or .jsonl "
        "(convert it first)" in job["problems"]
    )
    assert any(p.startswith("mixed.jsonl:2: not valid JSON") for p in job["problems"])
    assert any(p.startswith("cp949.txt: not valid UTF-8 (byte 0x") for p in job["problems"])
    assert any(p.startswith("good.txt.meta.json: cannot read the publication date") for p in job["problems"])
    by_name = {f["name"]: f for f in job["files"]}
    assert by_name["mixed.jsonl"]["added"] == 2 and len(by_name["mixed.jsonl"]["problems"]) == 3
    assert site.count_reports() == job["reports_added"]


def test_a_forced_encoding_reads_what_utf8_cannot(site: UploadSite) -> None:
    korean = "혜산 시장에서 단속이 있었다.\n".encode("cp949")
    refused = site.finished(site.submit(files=[("cp949.txt", korean)]))
    assert refused["reports_added"] == 0 and "pass --encoding" in refused["problems"][0]
    read = site.finished(site.submit({"encoding": "cp949", "language": "ko"}, [("cp949.txt", korean)]))
    (report_id,) = read["files"][0]["reports"]
    report = site.store.get_report(report_id)
    assert report is not None and report.text.startswith("혜산") and report.language == "ko"
    assert site.store.get_original(report_id) == korean


def test_a_sidecar_gives_metadata_and_a_stray_one_is_named(site: UploadSite) -> None:
    sidecar = json.dumps({"published": "2022-03-05", "outlet": "Side Desk"}).encode()
    files = [
        ("guards.txt", GOOD_TEXT.encode()),
        ("guards.txt.meta.json", sidecar),
        ("other.meta.json", b"{}"),
    ]
    job = site.finished(site.submit({"outlet": "Form Desk"}, files))
    assert job["files_total"] == 1
    assert job["problems"] == [
        "other.meta.json: no uploaded report has this name without .meta.json, so it was not used"
    ]
    report = site.store.get_report(job["files"][0]["reports"][0])
    assert report is not None and (report.published, report.outlet) == (date(2022, 3, 5), "Side Desk")


def test_file_names_cannot_leave_the_job_folder(site: UploadSite) -> None:
    job = site.finished(site.submit(files=[("../../etc/evil.txt", GOOD_TEXT.encode())]))
    assert job["files"][0]["name"] == "evil.txt"
    report = site.store.get_report(job["files"][0]["reports"][0])
    assert report is not None and report.origin == "evil.txt"


# -- pasted text ---------------------------------------------------------------------------------------


def test_pasted_text_with_metadata_and_markup_is_stored_as_text(site: UploadSite) -> None:
    text = (
        "Guards <script>alert('x')</script> in Hyesan\r\n\r\n"
        "Guards in Hyesan held <b>two</b> traders on May 3.\r\n"
    )
    fields = {"text": text, "outlet": "Paste Desk", "url": "https://example.org/a?b=1&c=2",
              "published": "2022-05-10", "language": "en"}  # fmt: skip
    job = site.finished(site.submit(fields))
    assert job["files"][0]["name"] == "pasted text" and job["reports_added"] == 1
    (report_id,) = job["files"][0]["reports"]
    report = site.store.get_report(report_id)
    assert report is not None
    assert (report.outlet, report.url, report.published, report.language, report.origin) == (
        "Paste Desk", "https://example.org/a?b=1&c=2", date(2022, 5, 10), "en", "pasted text",
    )  # fmt: skip
    assert report.title == "Guards <script>alert('x')</script> in Hyesan"
    assert site.store.get_original(report_id) == text.replace("\r\n", "\n").encode()
    page = site.client.get(f"/reports/{report_id}").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(" in page and "&lt;b&gt;two&lt;/b&gt;" in page


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("published", "the day after the fair", "published: cannot read the publication date"),
        ("published", "2021-02-30", "published: cannot read the publication date"),
        ("url", "javascript:alert(1)", "url: write the report's web address"),
        ("language", "english!", "language: write a language code"),
        ("encoding", "no-such-codec", "encoding: unknown encoding 'no-such-codec'"),
        ("outlet", "x" * 201, "outlet: at most 200 characters"),
    ],
)
def test_a_bad_field_is_refused_with_400_naming_it(
    site: UploadSite, field: str, value: str, says: str
) -> None:
    response = site.post({"text": GOOD_TEXT, field: value})
    assert response.status_code == 400
    doc = lxml_html.fromstring(response.text)
    assert doc.xpath("//p[@id='ingest-error']")[0].text_content().startswith(says)
    assert doc.xpath(f"//*[@name='{field}']/@aria-invalid") == ["true"]
    assert doc.xpath("//textarea[@name='text']")[0].text_content() == GOOD_TEXT  # what was typed stays
    as_json = site.post({"text": GOOD_TEXT, field: value}, url="/ingest.json")
    assert as_json.status_code == 400 and as_json.json()["field"] == field
    assert as_json.json()["error"].startswith(says)
    assert site.count_reports() == 0 and site.client.get("/ingest.json").json()["jobs"] == []


def test_nothing_to_ingest_is_refused(site: UploadSite) -> None:
    response = site.post({"text": "  \r\n "}, files=[("", b"")])  # an empty file input and blank text
    assert response.status_code == 400
    error = lxml_html.fromstring(response.text).xpath("//p[@id='ingest-error']")[0].text_content()
    assert error == "files: choose at least one file, or paste a report's text."


# -- limits --------------------------------------------------------------------------------------------


def test_a_file_over_the_limit_is_refused_with_413(site: UploadSite) -> None:
    big = b"x" * (LIMITS.max_file_bytes + 1)
    response = site.post(files=[("guards.txt", GOOD_TEXT.encode()), ("big.txt", big)], url="/ingest.json")
    assert response.status_code == 413
    assert response.json()["error"].startswith(
        "big.txt is 65,537 bytes, over the 65,536 bytes limit for one file"
    )
    assert site.count_reports() == 0 and site.client.get("/ingest.json").json()["jobs"] == []


def test_a_request_over_the_limit_is_refused_before_it_is_read(site: UploadSite) -> None:
    files = [(f"part{n}.txt", b"y" * 60_000) for n in range(5)]
    response = site.post(files=files)
    assert response.status_code == 413
    assert "limit for one request; send fewer files at a time." in response.text
    declared = site.client.post(
        "/ingest.json",
        content=b"{}",
        headers={
            "Content-Type": "application/json",
            "Content-Length": str(10**9),
            "X-CSRF-Token": site.token,
        },
    )
    assert declared.status_code == 413 and "is 953.7 MB" in declared.json()["error"]
    assert site.count_reports() == 0


def test_pasted_text_over_the_file_limit_is_refused(site: UploadSite) -> None:
    response = site.post({"text": "z" * (LIMITS.max_file_bytes + 10)}, url="/ingest.json")
    assert response.status_code == 413 and site.count_reports() == 0


# -- CSRF ----------------------------------------------------------------------------------------------


def test_the_csrf_token_must_be_the_first_part(site: UploadSite) -> None:
    late = site.client.post(
        "/ingest",
        data={"text": GOOD_TEXT, "csrf_token": site.token},  # the token after another field
        files=[("files", ("a.txt", GOOD_TEXT.encode(), "text/plain"))],
    )
    assert late.status_code == 403
    forged = site.client.post(
        "/ingest",
        data={"csrf_token": "forged", "text": GOOD_TEXT},
        files=[("files", ("a.txt", b"x", "text/plain"))],
    )
    assert forged.status_code == 403
    assert site.count_reports() == 0
