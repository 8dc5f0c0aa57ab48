"""The bundled sample reports and their gold annotations are well-formed and agree with each other.

The samples (``samples/reports``) feed the demo; their gold files (``samples/gold``) use the evaluation
kit's format, so ``score.py events samples/gold`` can score them. These checks catch a phrase that no
longer occurs in its text, a date window that runs backwards, a place outside the country, a report
without gold, and a name that is not one of our invented ones.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
REPORTS = SAMPLES / "reports"
GOLD = SAMPLES / "gold"

EVENT_TYPES = frozenset(
    "directive meeting surveillance crackdown movement_restriction arrest detention ill_treatment "
    "sentence execution forced_repatriation forced_labor escape".split()
)
# North Korea's bounding box: every place where a gold event happened lies inside it.
LAT_RANGE = (37.5, 43.1)
LON_RANGE = (124.1, 130.8)
# The only family names the samples may give a person; all are invented for the samples.
ALLOWED_FAMILY_NAMES = frozenset({"Pak", "Han", "Choe", "Mun", "Yun", "Kang", "So"})
FAMILY_NAME = re.compile(r"\b(?:family name of|surnamed|family name)\s+([A-Z][a-z]+)")
# A romanised Korean full name ("Kim Chol-su"): none may appear.
KOREAN_FULL_NAME = re.compile(r"\b[A-Z][a-z]{0,4} [A-Z][a-z]{1,6}-[a-z]{2,6}\b")
# Real outlets are never named: the samples are written by us under invented mastheads.
REAL_OUTLETS = ("Daily NK", "Radio Free Asia", "RFA", "Asia Press", "NK News", "Yonhap")
NEGATIVE_MARKERS = {
    "speculation": "will face",
    "market prices": "per kg",
    "weather": "mm of rain",
    "state media": "State media",
    "denial": "denied",
    "hypothetical": "If ",
}


def _gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _text(gold: dict[str, Any]) -> str:
    return (GOLD / gold["text_file"]).read_text(encoding="utf-8")


def _phrases(evidence: str | list[str]) -> list[str]:
    return [evidence] if isinstance(evidence, str) else list(evidence)


def _points(place: Any) -> list[dict[str, Any]]:
    if place is None:
        return []
    return list(place) if isinstance(place, list) else [place]


def _jsonl_lines() -> list[dict[str, Any]]:
    lines = (REPORTS / "batch.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _all_texts() -> list[tuple[str, str]]:
    return [(path.name, _text(_load(path))) for path in _gold_files()]


def _squash(text: str) -> str:
    return " ".join(text.split())


def _km(a: dict[str, Any], b: dict[str, Any]) -> float:
    """Great-circle distance between two gold points, as the scorer measures it."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.stem)
def test_gold_file_is_well_formed(path: Path) -> None:
    gold = _load(path)
    assert gold["id"] == path.stem
    assert gold["language"] == "en"
    published = date.fromisoformat(gold["published"])
    assert date(2021, 1, 1) <= published <= date(2024, 12, 31)
    text = _text(gold)
    for event in gold["events"]:
        assert event["type"] in EVENT_TYPES, event
        assert isinstance(event.get("required", True), bool)
        for phrase in _phrases(event["evidence"]):
            assert phrase and phrase in text, f"{path.name}: evidence not in text: {phrase!r}"
        if event.get("date") is not None:
            earliest, latest = (date.fromisoformat(d) for d in event["date"])
            assert earliest <= latest <= published, event
        for point in _points(event.get("place")):
            assert LAT_RANGE[0] <= point["lat"] <= LAT_RANGE[1], point
            assert LON_RANGE[0] <= point["lon"] <= LON_RANGE[1], point
            assert point["radius_km"] > 0 and point["name"]
    places = [point for event in gold["events"] for point in _points(event.get("place"))]
    for decoy in gold["decoys"]:
        assert decoy["name"] and decoy["radius_km"] > 0
        assert -90 <= decoy["lat"] <= 90 and -180 <= decoy["lon"] <= 180
        # a decoy inside an event's circle could never be told apart from the event's place
        for point in places:
            assert _km(decoy, point) > max(decoy["radius_km"], point["radius_km"]), (decoy, point)


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.stem)
def test_gold_text_is_what_the_readers_hand_on(path: Path) -> None:
    # the readers normalise to NFC with \n newlines; offsets only agree if the gold text already is
    text = _text(_load(path))
    assert unicodedata.is_normalized("NFC", text)
    assert "\r" not in text and not text.startswith("\ufeff")


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.stem)
def test_report_length_is_a_short_report(path: Path) -> None:
    words = len(_text(_load(path)).split())
    assert 150 <= words <= 450, f"{path.name}: {words} words"


def test_every_event_type_is_required_at_least_twice() -> None:
    counts = dict.fromkeys(EVENT_TYPES, 0)
    for path in _gold_files():
        for event in _load(path)["events"]:
            if event.get("required", True):
                counts[event["type"]] += 1
    assert {t: n for t, n in counts.items() if n < 2} == {}


def test_every_sample_report_has_a_gold_file() -> None:
    expected = {p.stem for p in REPORTS.glob("*.txt")} | {p.stem for p in REPORTS.glob("*.html")}
    expected |= {f"batch-{n}" for n in range(1, len(_jsonl_lines()) + 1)}
    assert expected == {p.stem for p in _gold_files()}
    assert len(list(REPORTS.glob("*.txt"))) >= 8
    assert len(list(REPORTS.glob("*.html"))) >= 5
    assert len(_jsonl_lines()) >= 5


@pytest.mark.parametrize("report", sorted(REPORTS.glob("*.txt")), ids=lambda p: p.stem)
def test_txt_report_has_sidecar_and_is_its_own_gold_text(report: Path) -> None:
    gold = _load(GOLD / f"{report.stem}.json")
    assert (GOLD / gold["text_file"]).resolve() == report.resolve()
    meta = json.loads(report.with_suffix(".meta.json").read_text(encoding="utf-8"))
    assert meta["published"] == gold["published"]
    assert meta["language"] == "en" and meta["outlet"]
    assert meta["url"].startswith("https://example.org/")
    headline, blank, *_ = report.read_text(encoding="utf-8").split("\n")
    assert headline and blank == ""


def test_jsonl_lines_match_their_gold_texts() -> None:
    for n, line in enumerate(_jsonl_lines(), 1):
        gold = _load(GOLD / f"batch-{n}.json")
        assert set(line) == {"text", "published", "outlet", "url", "language"}
        assert line["text"] == _text(gold)
        assert line["published"] == gold["published"]
        assert line["language"] == "en" and line["url"].startswith("https://example.org/")


@pytest.mark.parametrize("page", sorted(REPORTS.glob("*.html")), ids=lambda p: p.stem)
def test_html_page_holds_its_gold_text(page: Path) -> None:
    gold = _load(GOLD / f"{page.stem}.json")
    root = lxml_html.fromstring(page.read_bytes())
    published = root.xpath('//meta[@property="article:published_time"]/@content')
    assert [p[:10] for p in published] == [gold["published"]]
    assert root.xpath('//meta[@property="og:site_name"]/@content')
    article = root.xpath("//article")
    assert len(article) == 1
    article_text = _squash(article[0].text_content())
    headline, *paragraphs = _text(gold).split("\n\n")
    assert _squash(article[0].xpath(".//h1")[0].text_content()) == headline
    for paragraph in paragraphs:
        assert _squash(paragraph) in article_text
    caption = _squash(article[0].xpath(".//figcaption")[0].text_content())
    assert _squash(paragraphs[-1]) == caption
    page_text = _squash(root.text_content())
    for boilerplate in ("Most read", "Read in Korean", "Related articles", "Advertisement"):
        assert boilerplate in page_text and boilerplate not in article_text


def test_only_invented_names_and_outlets() -> None:
    for name, text in _all_texts():
        for family_name in FAMILY_NAME.findall(text):
            assert family_name in ALLOWED_FAMILY_NAMES, f"{name}: {family_name}"
        assert KOREAN_FULL_NAME.findall(text) == [], name
        for outlet in REAL_OUTLETS:
            assert outlet not in text, f"{name}: {outlet}"
    raw = "\n".join(p.read_text(encoding="utf-8") for p in REPORTS.iterdir())
    assert not any(outlet in raw for outlet in REAL_OUTLETS)


def test_negatives_are_present_and_reports_without_events_exist() -> None:
    texts = "\n".join(text for _, text in _all_texts())
    missing = [kind for kind, marker in NEGATIVE_MARKERS.items() if marker not in texts]
    assert missing == []
    empty = [path.stem for path in _gold_files() if not _load(path)["events"]]
    assert len(empty) >= 3
