"""How model values read on a page and in the web JSON: labels, date windows, durations, public victims.

Victims' names are sensitive; the web app never shows them. :func:`public_event` is the one place that
turns an :class:`~kirok.model.Event` into web JSON, and it keeps only count, sex, age band and status of
each victim.
"""

from __future__ import annotations

import re
from typing import Any

from kirok.model import Event, EventType, Span, TimeWindow, Victim

__all__ = [
    "duration_label",
    "evidence_text",
    "public_event",
    "public_victim",
    "type_label",
    "victim_label",
    "window_label",
]


def type_label(value: EventType | str) -> str:
    """``movement_restriction`` -> ``movement restriction``."""
    return EventType(value).value.replace("_", " ")


def window_label(window: TimeWindow | None) -> str:
    """``2021-10-01 – 2021-10-31``, one date when both ends agree, ``unknown`` when there is none."""
    if window is None or (window.earliest is None and window.latest is None):
        return "unknown"
    first = window.earliest.isoformat() if window.earliest else "…"
    last = window.latest.isoformat() if window.latest else "…"
    return first if first == last else f"{first} – {last}"


_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")
_UNITS = ("year", "month", "week", "day")


def duration_label(value: str | None) -> str | None:
    """A TIMEX3 duration in words: ``P1Y6M`` -> ``1 year 6 months``; anything else as written."""
    if value is None:
        return None
    match = _DURATION.match(value)
    if not match or not any(match.groups()):
        return value
    words = [
        f"{n} {unit}{'' if n == '1' else 's'}" for n, unit in zip(match.groups(), _UNITS, strict=True) if n
    ]
    return " ".join(words)


def public_victim(victim: Victim) -> dict[str, Any]:
    """What the web app shows of a victim: never the name, nor the description that may hold one."""
    return {
        "count": victim.count,
        "sex": victim.sex.value,
        "age_band": victim.age_band.value,
        "status": list(victim.status),
    }


def victim_label(victim: Victim) -> str:
    """``3 people · female · 20s · repatriated``; parts that are unknown are left out."""
    parts: list[str] = []
    if victim.count is not None:
        parts.append(f"{victim.count} {'person' if victim.count == 1 else 'people'}")
    if victim.sex.value != "unknown":
        parts.append(victim.sex.value)
    if victim.age_band.value != "unknown":
        parts.append(victim.age_band.value)
    parts.extend(victim.status)
    return " · ".join(parts) or "not described"


def evidence_text(span: Span, report_text: str | None) -> str:
    """The words of an evidence span: as stored, or cut from the report's text."""
    if span.text or report_text is None:
        return span.text
    return report_text[span.start : span.end]


def public_event(event: Event, report_text: str | None = None) -> dict[str, Any]:
    """An event as web JSON: victims reduced to :func:`public_victim`, evidence spans with their text."""
    data = event.model_dump(mode="json", exclude={"victims"})
    data["victims"] = [public_victim(v) for v in event.victims]
    data["evidence"] = [
        {"start": s.start, "end": s.end, "text": evidence_text(s, report_text)} for s in event.evidence
    ]
    return data
