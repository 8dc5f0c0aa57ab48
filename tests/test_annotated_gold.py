"""The annotated event set (``tests/annotated``) is well-formed, so the scorer can load every gold file.

These checks look only at the gold files and their texts, never at what Kirok makes of them: a text that
is missing, an evidence phrase that does not occur, a window that runs backwards or past publication, an
event place outside North Korea, a decoy inside a required event's circle, an event type with too few
required events, a family name that is not one of our invented ones, too few reports without events.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

ANNOTATED = Path(__file__).resolve().parent / "annotated"

EVENT_TYPES = frozenset(
    "directive meeting surveillance crackdown movement_restriction arrest detention ill_treatment "
    "sentence execution forced_repatriation forced_labor escape".split()
)
MIN_REQUIRED_PER_TYPE = 5
MIN_REPORTS_WITHOUT_EVENTS = 5
# North Korea's bounding box: every place where a gold event happened lies inside it.
LAT_RANGE = (37.5, 43.1)
LON_RANGE = (124.1, 130.8)
ALLOWED_FAMILY_NAMES = frozenset(
    {"Pak", "Han", "Choe", "Mun", "Yun", "Kang", "So", "Ri", "Jon", "Hwang", "Sin", "Paek", "Kye", "Ho"}
)
FAMILY_NAME = re.compile(r"\bfamily name of\s+([A-Z][A-Za-z]*)")


def _gold_files() -> list[Path]:
    return sorted(ANNOTATED.glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _text(path: Path) -> str:
    return (ANNOTATED / str(_load(path)["text_file"])).read_text(encoding="utf-8")


def _phrases(evidence: str | list[str]) -> list[str]:
    return [evidence] if isinstance(evidence, str) else list(evidence)


def _points(place: Any) -> list[dict[str, Any]]:
    if place is None:
        return []
    return list(place) if isinstance(place, list) else [place]


def _required(event: dict[str, Any]) -> bool:
    return bool(event.get("required", True))


def _km(a: dict[str, Any], b: dict[str, Any]) -> float:
    """Great-circle distance between two gold points, as the scorer measures it."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def test_the_set_is_there() -> None:
    assert len(_gold_files()) >= 20


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.stem)
def test_gold_file_has_its_text_and_its_fields(path: Path) -> None:
    gold = _load(path)
    assert gold["id"] == path.stem
    assert gold["text_file"] == f"reports/{path.stem}.txt"
    assert (ANNOTATED / gold["text_file"]).is_file()
    assert gold["language"] == "en"
    date.fromisoformat(gold["published"])
    assert isinstance(gold["events"], list) and isinstance(gold["decoys"], list)
    for event in gold["events"]:
        assert event["type"] in EVENT_TYPES, event
        assert isinstance(event.get("required", True), bool), event


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.stem)
def test_every_evidence_phrase_occurs_in_its_text(path: Path) -> None:
    text = _text(path)
    for event in _load(path)["events"]:
        for phrase in _phrases(event["evidence"]):
            assert phrase and phrase in text, f"{path.name}: evidence not in text: {phrase!r}"


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.stem)
def test_windows_run_forwards_and_end_by_publication(path: Path) -> None:
    gold = _load(path)
    published = date.fromisoformat(gold["published"])
    for event in gold["events"]:
        if event.get("date") is None:
            continue
        earliest, latest = (date.fromisoformat(d) for d in event["date"])
        assert earliest <= latest <= published, f"{path.name}: {event['type']} {event['date']}"


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.stem)
def test_event_places_lie_in_north_korea(path: Path) -> None:
    for event in _load(path)["events"]:
        for point in _points(event.get("place")):
            assert point["name"] and point["radius_km"] > 0, point
            assert LAT_RANGE[0] <= point["lat"] <= LAT_RANGE[1], f"{path.name}: {point}"
            assert LON_RANGE[0] <= point["lon"] <= LON_RANGE[1], f"{path.name}: {point}"


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.stem)
def test_decoys_lie_outside_every_required_event_circle(path: Path) -> None:
    gold = _load(path)
    places = [point for event in gold["events"] if _required(event) for point in _points(event.get("place"))]
    for decoy in gold["decoys"]:
        assert decoy["name"] and decoy["radius_km"] > 0, decoy
        for point in places:
            # a decoy inside an event's circle could never be told apart from the event's place
            assert _km(decoy, point) > point["radius_km"], f"{path.name}: {decoy['name']} in {point['name']}"


def test_every_event_type_is_required_often_enough() -> None:
    counts = dict.fromkeys(EVENT_TYPES, 0)
    for path in _gold_files():
        for event in _load(path)["events"]:
            if _required(event):
                counts[event["type"]] += 1
    assert {t: n for t, n in counts.items() if n < MIN_REQUIRED_PER_TYPE} == {}


def test_some_reports_have_no_events() -> None:
    empty = [path.stem for path in _gold_files() if not _load(path)["events"]]
    assert len(empty) >= MIN_REPORTS_WITHOUT_EVENTS, empty


@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: p.stem)
def test_only_invented_family_names(path: Path) -> None:
    for family_name in FAMILY_NAME.findall(_text(path)):
        assert family_name in ALLOWED_FAMILY_NAMES, f"{path.name}: {family_name}"
