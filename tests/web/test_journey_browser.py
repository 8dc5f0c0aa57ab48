"""A researcher's whole day in one test: the real ``kirok serve`` (full pipeline, spaCy included) in its own
process, driven by a real headless Chromium: log in, upload a report, review and edit the event the
machine proposed, verify it, find it on the map and the timeline, and export it.

Screenshots of every page on the way go to ``artifacts/screenshots/journey-*.png``.
"""

from __future__ import annotations

import csv
import io
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from .test_browser import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS

pytestmark = [pytest.mark.slow, pytest.mark.browser]

KIROK = Path(sys.executable).parent / "kirok"
EDITOR, PASSWORD = "journey-editor", "a long and unguessable test passphrase"
# Written for this test. The arrest is dated "on March 3" in a report published 2023-03-10.
REPORT = (
    "Agents detain two traders in Hoeryong\n\n"
    "A source in North Hamgyong Province told our desk on Thursday that agents of the Ministry of State "
    "Security arrested two women traders in Hoeryong on March 3. The women had sold Chinese mobile "
    "phones at the market, the source said.\n"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = tmp_path_factory.mktemp("journey")
    cli = [str(KIROK), "--db", str(base / "kirok.db"), "--key-file", str(base / "secret.key")]
    subprocess.run(
        [*cli, "user", "add", EDITOR, "--role", "editor", "--password-stdin"],
        input=PASSWORD.encode(),
        check=True,
        capture_output=True,
    )
    port = _free_port()
    process = subprocess.Popen(
        [*cli, "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, f"kirok serve stopped with status {process.returncode}"
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "kirok serve did not answer /health within 30 s"
            time.sleep(0.1)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install it with apt-get install chromium")
    with sync_playwright() as p:
        browser: Browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(accept_downloads=True)
            yield context.new_page()
        finally:
            browser.close()


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"journey-{name}.png", full_page=True)


def test_log_in_upload_review_edit_map_timeline_export(
    server: str, page: Page, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # Every page asks for a session first.
    page.goto(f"{server}/events")
    expect(page).to_have_url(re.compile(r"/login\?next="))
    page.get_by_label("Username").fill(EDITOR)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{server}/events")

    # Upload one report as a file, with its outlet and publication date.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Add reports").click()
    page.get_by_label("Report files").set_input_files(
        [{"name": "hoeryong-traders.txt", "mimeType": "text/plain", "buffer": REPORT.encode()}]
    )
    page.get_by_label("Outlet").fill("Journey Desk")
    page.get_by_label("Published").fill("2023-03-10")
    shot(page, "1-upload")
    page.get_by_role("button", name="Add reports").click()
    expect(page).to_have_url(re.compile(r"/ingest/jobs/[0-9a-f]+$"))
    expect(page.locator(".job-state")).to_have_text("Done.", timeout=60_000)  # spaCy loads on first use
    expect(page.locator("dd[data-field=reports_added]")).to_have_text("1")
    shot(page, "2-job")

    # The machine proposed an arrest; it waits in the review queue.
    page.get_by_role("navigation", name="Main").get_by_role("link", name=re.compile("^Review")).click()
    shot(page, "3-queue")
    page.locator("table a[href*='review/']").first.click()
    opened = re.search(r"/review/([^/?]+)", page.url)
    assert opened is not None, page.url
    event_id = opened.group(1)
    expect(page.locator("main")).to_contain_text("arrest")
    expect(page.locator("main")).to_contain_text("2023-03-03")
    shot(page, "4-review")

    # The reviewer names the provincial branch, tying the change to the report's words, then verifies.
    page.locator("#edit-perpetrators > summary").click()
    who = page.get_by_role("form", name="Edit perpetrator 1")
    who.get_by_label("Unit").fill("North Hamgyong provincial branch")
    who.get_by_label(re.compile("words", re.I)).fill("agents of the Ministry of State Security")
    who.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("North Hamgyong provincial branch")
    page.get_by_role("button", name=re.compile("^Verify")).click()

    # The verified event shows the edit in its history, with who made it.
    events = httpx.Client(base_url=server, cookies={c["name"]: c["value"] for c in page.context.cookies()})
    found = events.get("/events.json", params={"status": "verified"}).json()
    assert found["total"] == 1
    page.goto(f"{server}/review/{event_id}")
    history = page.locator("main")
    expect(history).to_contain_text(EDITOR)
    expect(history).to_contain_text("verified")
    expect(history).to_contain_text("edited")
    shot(page, "5-history")

    # On the map the event is drawn at Hoeryong; on the timeline it is counted in March 2023.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Map").click()
    expect(page.locator("svg title", has_text="Hoeryong").first).to_be_attached()
    shot(page, "6-map")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Timeline").click()
    expect(page.locator("main table")).to_contain_text("2023-03")
    shot(page, "7-timeline")

    # Export the verified events as CSV from the filtered list.
    page.goto(f"{server}/events?status=verified")
    shot(page, "8-events")
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    saved = tmp_path_factory.mktemp("export") / download.value.suggested_filename
    download.value.save_as(saved)
    rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert [r["type"] for r in rows] == ["arrest"]
    assert "Hoeryong" in rows[0]["place_name"]
    assert rows[0]["status"] == "verified"
    events.close()
