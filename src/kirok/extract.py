"""From a report to its extracted events: the library call under ``kirok extract`` and ``kirok ingest``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from kirok.export.base import public_record
from kirok.model import Event, Report
from kirok.pipeline.doc import Doc
from kirok.pipeline.stage import Pipeline

__all__ = ["doc_from_report", "event_json", "extract_docs", "to_contract"]


def doc_from_report(report: Report) -> Doc:
    return Doc(
        text=report.text,
        report_id=report.id,
        published=report.published,
        language=report.language,
        outlet=report.outlet,
        url=report.url,
        known_segments=report.segments,
    )


def extract_docs(pipeline: Pipeline, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
    """Run the pipeline over many docs, batching where stages can."""
    yield from pipeline.pipe(docs, batch_size=batch_size)


def event_json(event: Event, *, include_sensitive: bool = False) -> dict[str, Any]:
    """An event as JSON, the same record the JSON export writes: names left out unless asked for."""
    return public_record(event, include_sensitive=include_sensitive)


def to_contract(doc: Doc, doc_id: str, *, include_sensitive: bool = False) -> dict[str, Any]:
    """One output line of ``kirok extract --jsonl`` (the contract of ``shared/eval/README.md``)."""
    return {
        "id": doc_id,
        "published": doc.published.isoformat() if isinstance(doc.published, date) else None,
        "timexes": [
            {
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "type": t.type,
                "value": t.value,
                "window": t.window.model_dump(mode="json", exclude={"span"}) if t.window else None,
                "warnings": list(t.warnings),
            }
            for t in doc.timexes
        ],
        "places": [
            {
                "start": p.start,
                "end": p.end,
                "text": p.text,
                "role": p.role.value,
                "gazetteer_id": p.place.gazetteer_id if p.place else None,
            }
            for p in doc.places
        ],
        "events": [event_json(e, include_sensitive=include_sensitive) for e in doc.events],
        "warnings": list(doc.warnings),
    }
