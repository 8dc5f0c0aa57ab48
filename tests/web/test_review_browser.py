"""Reviewing in a real headless Chromium: the queue, the keyboard shortcuts, an edit and a decision.

The app and the browser are those of :mod:`tests.web.test_browser` (uvicorn on a free local port,
Debian's ``/usr/bin/chromium``); this module has its own store, so its decisions touch no other test.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from .accounts import EDITOR, PASSWORD
from .corpus import Corpus
from .test_browser import SCREENSHOTS, base_url, browser_page  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def log_in_as_editor(page: Page, base_url: str) -> None:  # noqa: F811
    page.goto(f"{base_url}/login?next=%2Freview")
    page.get_by_label("Username").fill(EDITOR)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{base_url}/review")


def test_review_with_the_keyboard(base_url: str, browser_page: Page, corpus: Corpus) -> None:  # noqa: F811
    page = browser_page
    problems: list[str] = []

    def keep_errors(message: ConsoleMessage) -> None:  # a Content-Security-Policy refusal, a 404...
        if message.type == "error":
            problems.append(message.text)

    page.on("console", keep_errors)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    log_in_as_editor(page, base_url)

    rows = page.locator("table.review-table tbody tr")
    expect(rows).to_have_count(3)  # the execution (oldest report), then the arrest and the detention
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Review (3)")).to_be_visible()
    page.screenshot(path=SCREENSHOTS / "review-queue.png", full_page=True)

    page.keyboard.press("j")  # the first event of the queue
    expect(page).to_have_url(f"{base_url}/review/{corpus.execution.id}?at=0")
    expect(page.locator(".report-text mark.ev-execution")).to_have_text(
        "<script>alert(1)</script> officials executed a man"
    )
    page.keyboard.press("j")
    expect(page).to_have_url(f"{base_url}/review/{corpus.arrest.id}?at=1")
    page.keyboard.press("k")
    expect(page).to_have_url(f"{base_url}/review/{corpus.execution.id}?at=0")
    page.keyboard.press("j")
    expect(page.locator(".report-text mark.ev-arrest")).to_have_text("border guards arrested three women")

    page.keyboard.press("?")
    expect(page.locator("#shortcuts")).to_be_focused()
    page.keyboard.press("e")
    expect(page.locator("#edit-type")).to_have_attribute("open", "")
    expect(page.get_by_label("Type", exact=True)).to_be_focused()
    page.keyboard.press("Escape")

    page.locator("#edit-date summary").click()
    page.get_by_label("Latest").fill("2023-06-07")
    page.get_by_label("Precision").first.select_option("week")
    page.locator("#edit-date").get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text(f"Saved your change to event {corpus.arrest.id}")
    latest = page.locator("table.diff tr", has_text="date · latest")
    expect(latest).to_contain_text("2023-06-15")
    expect(latest).to_contain_text("2023-06-07")

    page.keyboard.press("r")
    reason = page.get_by_label("Reason for rejecting")
    expect(reason).to_be_focused()
    page.keyboard.type("very vague")  # letters typed in a field are text, not shortcuts
    expect(reason).to_have_value("very vague")
    expect(page).to_have_url(re.compile(f"/review/{corpus.arrest.id}\\?at=1"))
    reason.fill("")
    page.keyboard.press("Escape")  # leave the field: the shortcuts work again
    page.screenshot(path=SCREENSHOTS / "review.png", full_page=True)

    page.keyboard.press("v")  # verify, then on to the next event
    expect(page).to_have_url(
        f"{base_url}/review/{corpus.detention.id}?at=1&done=verified&last={corpus.arrest.id}"
    )
    expect(page.get_by_role("status")).to_contain_text(f"Verified event {corpus.arrest.id}")
    expect(page.locator("nav.queue-nav span")).to_have_text("2 of 2 in the queue")

    page.remove_listener("console", keep_errors)
    assert problems == []
