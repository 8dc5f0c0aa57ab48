"""The web app in a real headless Chromium: log in, browse reports, see the marked evidence, filter events.

Runs the app with uvicorn on a free local port and drives Debian's ``/usr/bin/chromium`` through
Playwright. Screenshots go to ``artifacts/screenshots/`` at the repository root.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import ConsoleMessage, Page, expect, sync_playwright

from kirok.auth import Auth
from kirok.store.sqlite import SQLiteStore
from kirok.web import create_app

from .accounts import PASSWORD, VIEWER
from .corpus import Corpus

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
START_TIMEOUT_S = 20.0


@pytest.fixture(scope="module")
def base_url(store: SQLiteStore, auth: Auth) -> Iterator[str]:
    """The app served by uvicorn in a background thread on 127.0.0.1, on a port the OS picked."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store, auth), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=START_TIMEOUT_S)
        sock.close()


@pytest.fixture(scope="module")
def browser_page() -> Iterator[Page]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install it with apt-get install chromium to run the browser tests"
        )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            yield context.new_page()
        finally:
            browser.close()


def log_in(page: Page, base_url: str) -> None:
    """Log in as the viewer through the login form, unless already logged in."""
    page.goto(f"{base_url}/login")
    if page.url.startswith(f"{base_url}/login"):
        page.get_by_label("Username").fill(VIEWER)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("form", name="Account")).to_contain_text(VIEWER)


def test_log_in_and_out_through_the_form(base_url: str, browser_page: Page) -> None:
    page = browser_page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{base_url}/events?type=arrest")
    expect(page).to_have_url(f"{base_url}/login?next=%2Fevents%3Ftype%3Darrest")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    page.screenshot(path=SCREENSHOTS / "login.png", full_page=True)

    page.get_by_label("Username").fill(VIEWER)
    page.get_by_label("Password").fill("not the passphrase")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("p.error")).to_have_text("Wrong username or password.")
    expect(page.get_by_label("Username")).to_have_value(VIEWER)
    page.screenshot(path=SCREENSHOTS / "login-wrong.png", full_page=True)

    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{base_url}/events?type=arrest")  # back where the visit began
    expect(page.locator("table.events-table tbody tr")).to_have_count(1)

    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(f"{base_url}/login?logged_out=1")
    expect(page.locator("p.note")).to_have_text("You have logged out.")
    page.goto(f"{base_url}/reports")
    expect(page).to_have_url(f"{base_url}/login?next=%2Freports")


def test_browse_report_and_filter_events(base_url: str, browser_page: Page, corpus: Corpus) -> None:
    page = browser_page
    problems: list[str] = []

    def keep_errors(message: ConsoleMessage) -> None:  # a Content-Security-Policy refusal, a 404...
        if message.type == "error":
            problems.append(message.text)

    page.on("console", keep_errors)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    log_in(page, base_url)

    page.goto(f"{base_url}/")
    expect(page).to_have_url(f"{base_url}/reports")
    expect(page.locator("table.list tbody tr")).to_have_count(25)
    page.screenshot(path=SCREENSHOTS / "reports.png", full_page=True)

    page.get_by_role("link", name="Border guards held traders in Hyesan").click()
    expect(page).to_have_url(f"{base_url}/reports/{corpus.a.id}")
    arrest = page.locator(".report-text mark.ev-arrest").first
    expect(arrest).to_be_visible()
    expect(arrest).to_have_css("background-color", "rgb(254, 226, 226)")  # the stylesheet is applied
    expect(page.locator(".report-text mark.ev-overlap")).to_have_text("arrested three women")
    expect(page.locator(".report-text .seg-caption")).to_have_css("font-style", "italic")
    page.locator(f"#event-{corpus.sentence.id}").get_by_role("link", name="Show in text").click()
    expect(page).to_have_url(re.compile(f"#ev-{corpus.sentence.id}$"))
    page.screenshot(path=SCREENSHOTS / "report.png", full_page=True)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Events").click()
    expect(page.locator("table.events-table tbody tr")).to_have_count(4)
    page.get_by_role("checkbox", name="arrest", exact=True).check()
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"/events\?type=arrest"))
    rows = page.locator("table.events-table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("border guards arrested three women")
    expect(page.get_by_role("checkbox", name="arrest", exact=True)).to_be_checked()
    page.screenshot(path=SCREENSHOTS / "events.png", full_page=True)

    rows.first.get_by_role("link").first.click()
    expect(page).to_have_url(f"{base_url}/events/{corpus.arrest.id}")
    expect(page.locator("blockquote.evidence mark")).to_have_text("border guards arrested three women")
    page.screenshot(path=SCREENSHOTS / "event.png", full_page=True)

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base_url}/reports/{corpus.a.id}")
    expect(page.locator(".report-text mark.ev-sentence")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing sticks out sideways
    page.screenshot(path=SCREENSHOTS / "report-narrow.png", full_page=True)

    page.remove_listener("console", keep_errors)
    assert problems == []


def test_bad_filter_shows_a_message_page(base_url: str, browser_page: Page) -> None:
    log_in(browser_page, base_url)
    response = browser_page.goto(f"{base_url}/events?from=last-week")
    assert response is not None and response.status == 400
    expect(browser_page.locator("p.error")).to_contain_text("from must be a date written YYYY-MM-DD")
    browser_page.screenshot(path=SCREENSHOTS / "bad-filter.png")
