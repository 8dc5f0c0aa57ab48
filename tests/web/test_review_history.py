"""An event's history read field by field: what changed, before and after, never a victim's name."""

from __future__ import annotations

from datetime import UTC, datetime

from kirok.store.base import HistoryEntry
from kirok.web.review_history import changes, flatten, history_rows

from .corpus import SECRET_NAME, build_corpus

CORPUS = build_corpus()


def record(**update: object) -> dict[str, object]:
    return CORPUS.arrest.model_copy(update=update).model_dump(mode="json")


def test_flatten_names_every_field_by_its_path() -> None:
    flat = flatten(record())
    assert flat["date.earliest"] == ("date · earliest", "2023-06-01")
    assert flat["date.span"] == ("date · words", "“earlier this month” (128–146)")
    assert flat["victims.0.status"] == ("victim 1 · status", "trader")
    assert flat["perpetrators.0.name"] == ("perpetrator 1 · name", "Border guards")
    assert flat["reasons"][1] == "arrest.trigger:arrested, perpetrator:border guards"
    assert "id" not in flat and "report_id" not in flat


def test_victim_names_and_descriptions_never_appear() -> None:
    flat = flatten(record())
    assert not [path for path in flat if path.endswith((".name", ".description")) and "victims" in path]
    assert SECRET_NAME not in repr(flat)


def test_changes_lists_only_what_differs() -> None:
    before = record()
    after = record(reason="crossing the river", confidence=0.9, perpetrators=())
    found = [(c.field, c.label, c.before, c.after) for c in changes(before, after)]
    assert found == [
        ("reason", "reason", "—", "crossing the river"),
        ("confidence", "confidence", "0.8", "0.9"),
        ("perpetrators.0.name", "perpetrator 1 · name", "Border guards", "—"),
    ]


def test_history_rows_for_a_suggestion_and_an_edit() -> None:
    at = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    entries = [
        HistoryEntry(1, "e-1", at, "machine", "suggested", None, record(), "0" * 64, "a" * 64),
        HistoryEntry(
            2, "e-1", at, "editor-one", "edited", record(), record(reason="<b>x</b>"), "a" * 64, "b" * 64
        ),
    ]
    rows = history_rows(entries)
    assert [(r["actor"], r["action"]) for r in rows] == [("machine", "suggested"), ("editor-one", "edited")]
    assert rows[0]["changes"] == []
    assert rows[1]["changes"] == [{"field": "reason", "label": "reason", "before": "—", "after": "<b>x</b>"}]
    assert rows[1]["at"] == "2024-03-01T09:00:00+00:00" and rows[1]["hash"] == "b" * 64
