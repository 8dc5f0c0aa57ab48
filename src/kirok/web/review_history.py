"""An event's history as a reader sees it: who, when, what, and each changed field before and after.

The store keeps each change as the whole event before and after (:class:`~kirok.store.base.HistoryEntry`).
:func:`history_rows` flattens both to fields (``date.earliest``, ``victims.1.count``, ``place.span``) and
keeps the ones that differ. Victims' names and descriptions are never shown, so they are left out here
even though the stored record has no names in it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from kirok.store.base import HistoryEntry

__all__ = ["Change", "changes", "flatten", "history_rows"]

#: Fields of a victim never shown (see :func:`kirok.web.present.public_victim`).
_HIDDEN_VICTIM_FIELDS = frozenset({"name", "description"})
#: Fields that say what the event is, not what it records; they never change.
_SKIPPED = frozenset({"id", "report_id"})
_SINGULAR = {"victims": "victim", "perpetrators": "perpetrator", "evidence": "evidence"}


@dataclass(frozen=True)
class Change:
    """One field that changed: ``field`` as a path (``victims.1.count``), ``label`` for people."""

    field: str
    label: str
    before: str
    after: str


def _is_span(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"start", "end", "text"}


def _scalar(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if _is_span(value):
        return f"“{value['text']}” ({value['start']}–{value['end']})"
    if isinstance(value, list):
        return ", ".join(_scalar(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def flatten(record: dict[str, Any] | None) -> dict[str, tuple[str, str]]:
    """Every shown field of an event record: ``{path: (label, value as text)}``."""
    out: dict[str, tuple[str, str]] = {}

    def walk(value: Any, path: list[str], label: list[str]) -> None:
        if isinstance(value, dict) and not _is_span(value):
            for key, inner in value.items():
                if not path and key in _SKIPPED:
                    continue
                if path[:1] == ["victims"] and len(path) == 2 and key in _HIDDEN_VICTIM_FIELDS:
                    continue
                walk(inner, [*path, key], [*label, "words" if key == "span" else key.replace("_", " ")])
            return
        if isinstance(value, list) and any(isinstance(v, dict) for v in value):
            name = _SINGULAR.get(path[-1], path[-1]) if path else "item"
            for i, inner in enumerate(value):
                walk(inner, [*path, str(i)], [*label[:-1], f"{name} {i + 1}"])
            if not value:
                out[".".join(path)] = (" · ".join(label), "—")
            return
        out[".".join(path)] = (" · ".join(label), _scalar(value))

    if record is not None:
        walk(record, [], [])
    return out


def changes(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[Change]:
    """The fields that differ between two records, in the order of the newer one."""
    old, new = flatten(before), flatten(after)
    fields = list(new) + [f for f in old if f not in new]
    out = []
    for field in fields:
        label = (new.get(field) or old[field])[0]
        was, now = old.get(field, (label, "—"))[1], new.get(field, (label, "—"))[1]
        if was != now:
            out.append(Change(field, label, was, now))
    return out


def history_rows(entries: Iterable[HistoryEntry]) -> list[dict[str, Any]]:
    """The history as JSON-ready rows, oldest first: ``at``, ``actor``, ``action``, ``changes``, ``hash``."""
    rows = []
    for entry in entries:
        found = [] if entry.before is None else changes(entry.before, entry.after)
        rows.append(
            {
                "id": entry.id,
                "at": entry.at.isoformat(),
                "actor": entry.actor,
                "action": entry.action,
                "changes": [
                    {"field": c.field, "label": c.label, "before": c.before, "after": c.after} for c in found
                ],
                "hash": entry.hash,
            }
        )
    return rows
