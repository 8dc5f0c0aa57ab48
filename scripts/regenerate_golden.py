"""Regenerate the golden files: what the default pipeline makes of every bundled sample report.

    python scripts/regenerate_golden.py              # writes samples/expected/*.json (make golden)
    python scripts/regenerate_golden.py --out DIR    # writes elsewhere, e.g. to compare

Each sample report is read as ``kirok ingest`` reads it (``kirok.ingest.read_file`` with the metadata of
its sidecar) and run through the default pipeline. ``samples/expected/<name>.json`` holds, per report,
its SHA-256, text length, segments, timexes and events, as stable indented JSON: ``<name>`` is the file's
stem, or ``<stem>-<line>`` for a line of a JSON Lines file. Review the diff before committing it;
``tests/test_golden.py`` fails when the committed files and a fresh run differ.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from kirok.extract import doc_from_report, event_json
from kirok.ingest import IngestDefaults, IngestProblem, Loaded, discover, read_file
from kirok.ingestion import sidecar_defaults
from kirok.pipeline.doc import Doc
from kirok.pipeline.registry import build_pipeline
from kirok.pipeline.stage import Pipeline
from kirok.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples" / "reports"
EXPECTED = REPO / "samples" / "expected"


def sample_reports(samples: Path = SAMPLES) -> Iterator[tuple[str, Loaded]]:
    """Every sample report with its golden name, in a stable order; a broken sample stops the run."""
    for path in discover([samples]):
        if isinstance(path, IngestProblem):
            raise SystemExit(f"regenerate_golden: {path}")
        defaults = sidecar_defaults(path, IngestDefaults())
        if isinstance(defaults, IngestProblem):
            raise SystemExit(f"regenerate_golden: {defaults}")
        for item in read_file(path, defaults):
            if isinstance(item, IngestProblem):
                raise SystemExit(f"regenerate_golden: {item}")
            origin = item.report.origin or str(path)
            line = origin.rpartition(":")[2] if path.suffix == ".jsonl" else ""
            yield (f"{path.stem}-{line}" if line else path.stem), item


def golden_document(item: Loaded, doc: Doc, samples: Path = SAMPLES) -> dict[str, Any]:
    """What is compared for one report: stable values only (no ingest time, no victims' names)."""
    report = item.report
    origin = report.origin or ""
    events = sorted(
        (event_json(e) for e in doc.events),
        key=lambda e: (e["evidence"][0]["start"], e["evidence"][0]["end"], e["type"], e["id"]),
    )
    return {
        "file": Path(origin).relative_to(samples).as_posix() if origin.startswith(str(samples)) else origin,
        "report_id": report.id,
        "sha256": report.sha256,
        "published": report.published.isoformat() if report.published else None,
        "text_length": len(report.text),
        "segments": [
            [s.start, s.end, s.role.value] for s in sorted(doc.segments, key=lambda s: (s.start, s.end))
        ],
        "timexes": [
            {"start": t.start, "end": t.end, "text": t.text, "value": t.value}
            for t in sorted(doc.timexes, key=lambda t: (t.start, t.end, t.value))
        ],
        "events": events,
    }


def expected_documents(pipeline: Pipeline, samples: Path = SAMPLES) -> dict[str, dict[str, Any]]:
    """The golden document of every sample report, by name."""
    named = list(sample_reports(samples))
    docs = pipeline.pipe(doc_from_report(item.report) for _, item in named)
    return {name: golden_document(item, doc, samples) for (name, item), doc in zip(named, docs, strict=True)}


def render(document: Mapping[str, Any]) -> str:
    """One golden file's text: sorted keys, indented, a final newline."""
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def write_expected(documents: Mapping[str, Mapping[str, Any]], out: Path) -> list[str]:
    """Write ``<name>.json`` for every document and remove golden files of reports that are gone.

    Returns the names of the files that changed (written anew, altered or removed).
    """
    out.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, document in sorted(documents.items()):
        path = out / f"{name}.json"
        text = render(document)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path.name)
    for stale in sorted(out.glob("*.json")):
        if stale.stem not in documents:
            stale.unlink()
            changed.append(stale.name)
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=EXPECTED, help=f"folder to write (default {EXPECTED})")
    args = parser.parse_args()
    documents = expected_documents(build_pipeline(Settings()))
    changed = write_expected(documents, args.out)
    print(
        f"{len(documents)} golden file(s) in {args.out}, {len(changed)} changed: {', '.join(changed) or '-'}"
    )


if __name__ == "__main__":
    main()
