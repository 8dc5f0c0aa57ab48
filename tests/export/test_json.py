"""JSON export: golden output, model-shaped records with PLOVER, no names unless asked."""

from __future__ import annotations

import io
import json

from kirok.export.json import JsonExporter
from kirok.model import Event, Victim

from .samples import EVENTS, NAME, REPORTS, assert_golden


def _export(*, include_sensitive: bool = False) -> str:
    out = io.StringIO()
    assert JsonExporter().write(EVENTS, REPORTS, out, include_sensitive=include_sensitive) == 3
    return out.getvalue()


def test_json_matches_its_golden_file() -> None:
    assert_golden("events.json", _export())


def test_json_is_the_same_text_as_dumping_the_whole_list() -> None:
    text = _export()
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
    empty = io.StringIO()
    JsonExporter().write([], REPORTS, empty)
    assert json.loads(empty.getvalue()) == []


def test_records_rebuild_the_events_without_names() -> None:
    records = json.loads(_export())
    assert NAME not in _export()
    assert [r["plover"] for r in records] == [
        {"event": "COERCE", "mode": "arrest"},
        {"event": "SANCTION", "mode": "convict"},
        None,
    ]
    assert all("name" not in v for r in records for v in r["victims"])
    rebuilt = [Event.model_validate({k: v for k, v in r.items() if k != "plover"}) for r in records]
    unnamed = EVENTS[0].model_copy(
        update={"victims": tuple(Victim(**{**v.model_dump(), "name": None}) for v in EVENTS[0].victims)}
    )
    assert rebuilt == [unnamed, *EVENTS[1:]]


def test_names_only_when_asked() -> None:
    records = json.loads(_export(include_sensitive=True))
    assert records[0]["victims"][1]["name"] == NAME
    assert Event.model_validate({k: v for k, v in records[0].items() if k != "plover"}) == EVENTS[0]
