"""Plain-text views of the record for the terminal."""

from __future__ import annotations

from collections.abc import Sequence

from kirok.model import Event, TimeWindow

__all__ = ["event_table", "window_text"]


def window_text(window: TimeWindow | None) -> str:
    """ "2021-10-12", "2021-10-01..2021-10-21 (month)" or "?"."""
    if window is None or window.earliest is None:
        return "?"
    if window.earliest == window.latest:
        return window.earliest.isoformat()
    latest = window.latest.isoformat() if window.latest else "?"
    return f"{window.earliest.isoformat()}..{latest} ({window.precision.value})"


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def event_table(events: Sequence[Event]) -> str:
    """A fixed-width table: id, type, date window, place, evidence."""
    rows = [("ID", "TYPE", "WHEN", "WHERE", "EVIDENCE")]
    for e in events:
        place = e.place.name if e.place else "?"
        evidence = e.evidence[0].text if e.evidence else ""
        rows.append((e.id, e.type.value, window_text(e.date), _cut(place, 28), _cut(evidence, 70)))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) if i < 4 else cell for i, cell in enumerate(row)) for row in rows
    )
