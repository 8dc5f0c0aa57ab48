"""Ingest from the browser in a real headless Chromium, with JavaScript (upload progress, polling) and
without it (a plain form post, a page that reloads itself). Screenshots go to ``artifacts/screenshots/``."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from playwright.sync_api import Browser, ConsoleMessage, FilePayload, Page, expect, sync_playwright

from conftest import GOOD_TEXT
from kirok.auth import Auth, SQLiteAccounts
from kirok.settings import Settings
from kirok.store.sqlite import SQLiteStore
from kirok.web import create_app
from kirok.web.upload import UploadConfig, configure_upload

from .accounts import CHEAP, EDITOR, PASSWORD, USERS
from .test_browser import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, START_TIMEOUT_S
from .upload_site import LIMITS, GateStage, rule_pipeline_with

pytestmark = [pytest.mark.slow, pytest.mark.browser]

OTHER_TEXT = "Guards in Onsong held a trader at the river on May 8, a source said.\n"


@pytest.fixture(scope="module")
def gate() -> GateStage:
    opened = GateStage()
    opened.gate.set()
    return opened


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, gate: GateStage) -> Iterator[tuple[str, SQLiteStore]]:
    """An empty store behind the app, served by uvicorn on a port the OS picked."""
    base = tmp_path_factory.mktemp("upload-browser")
    with SQLiteStore(base / "kirok.db", key_file=base / "secret.key") as store:
        auth = Auth(SQLiteAccounts(store.path), CHEAP)
        for name, role in USERS:
            auth.add_user(name, PASSWORD, role)
        app = create_app(store, auth)
        configure_upload(app, UploadConfig(Settings(), LIMITS, pipeline=rule_pipeline_with(gate)))
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        try:
            yield f"http://127.0.0.1:{sock.getsockname()[1]}", store
        finally:
            server.should_exit = True
            thread.join(timeout=START_TIMEOUT_S)
            sock.close()
            auth.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install it with apt-get install chromium")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def payload(name: str, content: bytes) -> FilePayload:
    return {"name": name, "mimeType": "text/plain", "buffer": content}


def logged_in_page(browser: Browser, base_url: str, *, javascript: bool) -> Page:
    page = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=javascript
    ).new_page()
    page.goto(f"{base_url}/login")
    page.get_by_label("Username").fill(EDITOR)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("form", name="Account")).to_contain_text(EDITOR)
    return page


def test_upload_with_progress_then_follow_the_job(browser: Browser, served: tuple[str, SQLiteStore]) -> None:
    base_url, store = served
    page = logged_in_page(browser, base_url, javascript=True)
    problems: list[str] = []

    def keep_errors(message: ConsoleMessage) -> None:  # a Content-Security-Policy refusal, a 404...
        if message.type == "error" and "status of 4" not in message.text:  # refusals the test asks for
            problems.append(message.text)

    page.on("console", keep_errors)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Add reports").click()
    expect(page).to_have_url(f"{base_url}/ingest")

    page.get_by_label("Report files").set_input_files(
        [payload("big.txt", b"x" * (LIMITS.max_file_bytes + 1))]
    )
    page.get_by_role("button", name="Add reports").click()  # refused in the page, before any upload
    expect(page.locator("#ingest-error")).to_have_text(
        "big.txt is 65,537 bytes, over the 65,536 bytes limit for one file; "
        "split it or upload it with `kirok ingest`."
    )

    page.get_by_label("Report files").set_input_files([])
    page.get_by_label("Report text").fill(OTHER_TEXT)
    page.get_by_label("Published").fill("the day after the fair")
    page.get_by_role("button", name="Add reports").click()  # refused by the server, shown in the page
    expect(page.locator("#ingest-error")).to_contain_text("published: cannot read the publication date")
    expect(page.get_by_label("Published")).to_have_attribute("aria-invalid", "true")
    expect(page).to_have_url(f"{base_url}/ingest")

    page.goto(f"{base_url}/ingest")
    page.get_by_label("Report text").fill(OTHER_TEXT)
    page.get_by_label("Published").fill("2022-05-10")
    page.get_by_label("Outlet").fill("Browser <Desk>")
    page.get_by_label("Report files").set_input_files(
        [
            payload("guards.txt", GOOD_TEXT.encode()),
            payload("empty.txt", b""),
        ]
    )
    page.screenshot(path=SCREENSHOTS / "ingest.png", full_page=True)
    with page.expect_response(re.compile(r"/ingest\.json$")) as created:
        page.get_by_role("button", name="Add reports").click()
    assert created.value.status == 202  # sent by XMLHttpRequest, with upload progress
    expect(page).to_have_url(re.compile(r"/ingest/jobs/[0-9a-f]{16}$"))
    expect(page.locator(".job-state")).to_have_text("Done.")
    expect(page.locator("ul.problems li")).to_have_text(["empty.txt: empty file (0 bytes)"])
    expect(page.locator("dd[data-field=reports_added]")).to_have_text("2")
    page.screenshot(path=SCREENSHOTS / "ingest-job.png", full_page=True)

    page.locator("table.job-files a").first.click()
    expect(page.locator("dl.meta")).to_contain_text("Browser <Desk>")
    page.remove_listener("console", keep_errors)
    assert problems == []
    assert store.count_reports() == 2


def test_without_javascript_the_form_posts_and_the_job_page_reloads_itself(
    browser: Browser, served: tuple[str, SQLiteStore], gate: GateStage
) -> None:
    base_url, _ = served
    page = logged_in_page(browser, base_url, javascript=False)
    page.goto(f"{base_url}/ingest")
    page.get_by_label("Report text").fill("Police in Manpo searched homes for foreign videos on June 2.")
    gate.gate.clear()
    try:
        page.get_by_role("button", name="Add reports").click()
        expect(page).to_have_url(re.compile(r"/ingest/jobs/[0-9a-f]{16}$"))
        expect(page.locator(".job-state")).to_have_text(re.compile("Reading the files|Waiting"))
        page.screenshot(path=SCREENSHOTS / "ingest-job-running.png", full_page=True)
    finally:
        gate.gate.set()
    expect(page.locator(".job-state")).to_have_text("Done.", timeout=15_000)  # after a <meta> refresh
    expect(page.locator("dd[data-field=reports_added]")).to_have_text("1")


def test_with_javascript_the_job_page_polls_until_done(
    browser: Browser, served: tuple[str, SQLiteStore], gate: GateStage
) -> None:
    base_url, _ = served
    page = logged_in_page(browser, base_url, javascript=True)
    page.goto(f"{base_url}/ingest")
    page.get_by_label("Report text").fill("Students in Hyesan were sent to a farm for two weeks in June.")
    gate.gate.clear()
    try:
        page.get_by_role("button", name="Add reports").click()
        expect(page).to_have_url(re.compile(r"/ingest/jobs/[0-9a-f]{16}$"))
        expect(page.locator("[data-field=state_label]")).to_have_text(re.compile("Reading the files|Waiting"))
        with page.expect_response(re.compile(r"/ingest/jobs/[0-9a-f]{16}\.json$")) as polled:
            pass
        assert polled.value.status == 200
    finally:
        gate.gate.set()
    expect(page.locator(".job-state")).to_have_text("Done.")
    expect(page.locator("dd[data-field=reports_added]")).to_have_text("1")
