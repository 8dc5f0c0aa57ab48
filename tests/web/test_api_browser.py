"""Filtering, exporting and reading the API page in a real headless Chromium.

The app and the browser are those of :mod:`tests.web.test_browser` (uvicorn on a free local port,
Debian's ``/usr/bin/chromium``).
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from .corpus import SECRET_NAME, Corpus
from .test_browser import SCREENSHOTS, base_url, browser_page, log_in  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_filter_by_province_and_perpetrator_then_export(
    base_url: str,  # noqa: F811
    browser_page: Page,  # noqa: F811
    corpus: Corpus,
) -> None:
    page = browser_page
    problems: list[str] = []

    def keep_errors(message: ConsoleMessage) -> None:  # a Content-Security-Policy refusal, a 404...
        if message.type == "error":
            problems.append(message.text)

    page.on("console", keep_errors)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    log_in(page, base_url)

    page.goto(f"{base_url}/events")
    form = page.get_by_role("form", name="Filter events")
    form.get_by_label("Province").select_option("Ryanggang")
    form.get_by_label("Perpetrator").fill("guards")
    form.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"/events\?.*province=Ryanggang.*perpetrator=guards"))
    rows = page.locator("table.events-table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("border guards arrested three women")
    expect(form.get_by_label("Province")).to_have_value("Ryanggang")
    page.screenshot(path=SCREENSHOTS / "export.png", full_page=True)

    with page.expect_download() as caught:
        page.locator("p.export-links").get_by_role("link", name="CSV").click()
    download = caught.value
    assert re.fullmatch(r"kirok-events-\d{4}-\d{2}-\d{2}\.csv", download.suggested_filename)
    path = download.path()
    text = path.read_text(encoding="utf-8")
    rows_in_file = list(csv.reader(io.StringIO(text)))
    assert [row[0] for row in rows_in_file[1:]] == [corpus.arrest.id]
    assert SECRET_NAME not in text

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Map").click()
    with page.expect_download() as caught:
        page.locator("p.export-links").get_by_role("link", name="GeoJSON").click()
    features = json.loads(caught.value.path().read_text(encoding="utf-8"))["features"]
    assert len(features) == 2  # the map page has no filter yet: both placed events

    page.get_by_role("link", name="The JSON API").click()
    expect(page.get_by_role("heading", name="The JSON API", exact=True)).to_be_visible()
    expect(page.locator("table.api-operations th", has_text="GET /events/export.csv")).to_be_visible()
    page.screenshot(path=SCREENSHOTS / "api.png", full_page=True)

    page.remove_listener("console", keep_errors)
    assert problems == []
