"""The one export interface, and the flat view of an event that the tabular formats share.

Exports leave sensitive values (victims' names) out unless ``include_sensitive`` is set.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol, TextIO

from kirok.model import PLOVER, Event, Report, Victim

__all__ = ["Exporter", "FlatValue", "flat_event", "public_record"]

FlatValue = str | int | float | None


class Exporter(Protocol):
    """Writes events to a text stream in one format. Implementations: CSV, JSON, GeoJSON."""

    format: str  # "csv", "json", "geojson"
    media_type: str  # for HTTP downloads
    extension: str  # file name suffix, with the dot

    def write(
        self,
        events: Iterable[Event],
        reports: Mapping[str, Report],
        out: TextIO,
        *,
        include_sensitive: bool = False,
    ) -> int:
        """Write ``events`` (with facts of their ``reports``, by report id) to ``out``; return how many."""
        ...


def public_record(event: Event, *, include_sensitive: bool = False) -> dict[str, Any]:
    """The event as JSON (``model_dump(mode="json")``), names left out unless asked, plus ``plover``."""
    record = event.model_dump(mode="json")
    if not include_sensitive:
        for victim in record["victims"]:
            victim.pop("name", None)
    plover = PLOVER.get(event.type)
    record["plover"] = {"event": plover[0], "mode": plover[1]} if plover else None
    return record


def _victim_summary(victim: Victim) -> str:
    """``3 male 30s (repatriated, student)``: what is known of a victim, never the name."""
    parts = [str(victim.count)] if victim.count is not None else []
    parts += [value for value in (victim.sex.value, victim.age_band.value) if value != "unknown"]
    if victim.status:
        parts.append(f"({', '.join(victim.status)})")
    return " ".join(parts) or "unknown"


def flat_event(
    event: Event, reports: Mapping[str, Report], *, include_sensitive: bool = False
) -> dict[str, FlatValue]:
    """One event as flat named values (lists joined), for CSV rows and GeoJSON properties."""
    window, place, penalty = event.date, event.place, event.penalty
    report = reports.get(event.report_id)
    source = event.source
    published = report.published if report and report.published else (source.published if source else None)
    counts = [v.count for v in event.victims if v.count is not None]
    plover = PLOVER.get(event.type)
    flat: dict[str, FlatValue] = {
        "id": event.id,
        "report_id": event.report_id,
        "type": event.type.value,
        "date_earliest": window.earliest.isoformat() if window and window.earliest else None,
        "date_latest": window.latest.isoformat() if window and window.latest else None,
        "date_precision": window.precision.value if window else None,
        "place_name": place.name if place else None,
        "gazetteer_id": place.gazetteer_id if place else None,
        "admin_path": " > ".join(place.admin_path) if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "place_precision": place.precision.value if place else None,
        "perpetrators": "; ".join(f"{p.name} ({p.unit})" if p.unit else p.name for p in event.perpetrators),
        "victim_count": sum(counts) if counts else None,
        "victims": "; ".join(_victim_summary(v) for v in event.victims),
        "reason": event.reason,
        "penalty_length": penalty.length if penalty else None,
        "penalty_facility": penalty.facility if penalty else None,
        "targets": "; ".join(event.targets),
        "evidence": " … ".join(span.text for span in event.evidence),
        "evidence_spans": "; ".join(f"{span.start}-{span.end}" for span in event.evidence),
        "outlet": (report.outlet if report and report.outlet else None)
        or (source.outlet if source else None),
        "published": published.isoformat() if published else None,
        "url": (report.url if report and report.url else None) or (source.url if source else None),
        "confidence": event.confidence,
        "status": event.status.value,
        "plover_event": plover[0] if plover else None,
        "plover_mode": plover[1] if plover else None,
    }
    if include_sensitive:
        flat["victim_names"] = "; ".join(v.name for v in event.victims if v.name)
    return flat
