"""The held-out event set (``eval/heldout``) is well-formed, so the scorer can load every gold file.

The set is scored, never tuned on: these checks look only at the gold files and their texts (a phrase
that does not occur, or occurs twice; a window that runs backwards or past publication; a place outside
the country; a decoy inside an event's circle; a type with too few required events; a name that is not
one of our invented ones), never at what Kirok makes of them.
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

HELDOUT = Path(__file__).resolve().parents[1] / "eval" / "heldout"
REPORTS = HELDOUT / "reports"

EVENT_TYPES = frozenset(
    "directive meeting surveillance crackdown movement_restriction arrest detention ill_treatment "
    "sentence execution forced_repatriation forced_labor escape".split()
)
# North Korea's bounding box: every place where a gold event happened lies inside it.
LAT_RANGE = (37.5, 43.1)
LON_RANGE = (124.1, 130.8)
ALLOWED_FAMILY_NAMES = frozenset(
    {"Pak", "Han", "Choe", "Mun", "Yun", "Kang", "So", "Ri", "Jon", "Hwang", "Sin", "Paek"}
)
FAMILY_NAME = re.compile(r"\b(?:family name of|surnamed|family name)\s+([A-Z][a-z]+)")
# A romanised Korean full name ("Kim Chol-su"): none may appear.
KOREAN_FULL_NAME = re.compile(r"\b[A-Z][a-z]{0,4} [A-Z][a-z]{1,6}-[a-z]{2,6}\b")
REAL_OUTLETS = ("Daily NK", "Radio Free Asia", "RFA", "Asia Press", "NK News", "Yonhap", "KCNA")


def _gold_files() -> list[Path]:
    return sorted(HELDOUT.glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _text(gold: dict[str, Any]) -> str:
    return (HELDOUT / str(gold["text_file"])).read_text(encoding="utf-8")


def _phrases(evidence: str | list[str]) -> list[str]:
    return [evidence] if isinstance(evidence, str) else list(evidence)


def _points(place: Any) -> list[dict[str, Any]]:
    if place is None:
        return []
    return list(place) if isinstance(place, list) else [place]


def _km(a: dict[str, Any], b: dict[str, Any]) -> float:
    """Great-circle distance between two gold points, as the scorer measures it."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def test_there_are_fifty_six_reports_each_with_its_gold() -> None:
    # 16 written first, then 20 (h2-) and 20 (h3-) written later the same way, each by another annotator
    assert len(_gold_files()) == 56
    assert {p.stem for p in REPORTS.glob("*.txt")} == {p.stem for p in _gold_files()}


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.stem)
def test_gold_file_is_well_formed(path: Path) -> None:
    gold = _load(path)
    assert gold["id"] == path.stem
    assert gold["text_file"] == f"reports/{path.stem}.txt"
    assert gold["language"] == "en"
    published = date.fromisoformat(gold["published"])
    assert date(2020, 1, 1) <= published <= date(2025, 12, 31)
    text = _text(gold)
    for event in gold["events"]:
        assert event["type"] in EVENT_TYPES, event
        assert isinstance(event.get("required", True), bool)
        for phrase in _phrases(event["evidence"]):
            # text.find must land on the intended sentence: the phrase occurs exactly once
            found = text.count(phrase)
            assert found == 1, f"{path.name}: evidence found {found} times: {phrase!r}"
        if event.get("date") is not None:
            earliest, latest = (date.fromisoformat(d) for d in event["date"])
            assert earliest <= latest <= published, event
        for point in _points(event.get("place")):
            assert LAT_RANGE[0] <= point["lat"] <= LAT_RANGE[1], point
            assert LON_RANGE[0] <= point["lon"] <= LON_RANGE[1], point
            assert point["radius_km"] > 0 and point["name"]


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.stem)
def test_decoys_lie_outside_every_event_circle(path: Path) -> None:
    gold = _load(path)
    places = [point for event in gold["events"] for point in _points(event.get("place"))]
    for decoy in gold["decoys"]:
        assert decoy["name"] and decoy["radius_km"] > 0
        assert -90 <= decoy["lat"] <= 90 and -180 <= decoy["lon"] <= 180
        for point in places:
            # a decoy inside an event's circle could never be told apart from the event's place
            assert _km(decoy, point) > max(decoy["radius_km"], point["radius_km"]), (decoy, point)


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.stem)
def test_report_text_is_a_short_report_in_reader_form(path: Path) -> None:
    text = _text(_load(path))
    assert unicodedata.is_normalized("NFC", text)
    assert "\r" not in text and not text.startswith("\ufeff")
    headline, blank, *_ = text.split("\n")
    assert headline and blank == ""
    assert 150 <= len(text.split()) <= 450, f"{path.name}: {len(text.split())} words"


def test_every_event_type_is_required_at_least_twice() -> None:
    counts = dict.fromkeys(EVENT_TYPES, 0)
    for path in _gold_files():
        for event in _load(path)["events"]:
            if event.get("required", True):
                counts[event["type"]] += 1
    assert {t: n for t, n in counts.items() if n < 2} == {}


def test_some_reports_have_no_events() -> None:
    empty = [path.stem for path in _gold_files() if not _load(path)["events"]]
    assert 8 <= len(empty) <= 10


def test_only_invented_names_and_outlets() -> None:
    named = []
    for path in _gold_files():
        text = _text(_load(path))
        for family_name in FAMILY_NAME.findall(text):
            assert family_name in ALLOWED_FAMILY_NAMES, f"{path.name}: {family_name}"
            named.append(family_name)
        assert KOREAN_FULL_NAME.findall(text) == [], path.name
        for outlet in REAL_OUTLETS:
            assert outlet not in text, f"{path.name}: {outlet}"
    assert len(named) >= 5
