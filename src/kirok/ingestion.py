"""The ingest run: files -> reports -> pipeline -> store, one bad input never stopping the others.

Reports already stored (same SHA-256 of the original bytes) skip the pipeline: re-ingesting is a no-op.
A sidecar ``<file>.meta.json`` (or ``<stem>.meta.json``, as in ``samples/reports``) beside a report gives
metadata (published, outlet, url, language) that the file itself cannot carry; what the file says wins,
then the sidecar, then the command line.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kirok.errors import IngestError
from kirok.extract import doc_from_report
from kirok.ingest import IngestDefaults, IngestProblem, Loaded, discover, parse_published, read_file
from kirok.pipeline.stage import Pipeline
from kirok.store.base import AddOutcome, Store

__all__ = ["IngestSummary", "count_reports", "ingest_paths", "sidecar_defaults", "sidecar_path"]

SIDECAR_SUFFIX = ".meta.json"


@dataclass
class IngestSummary:
    files: int = 0
    added: int = 0
    duplicates: int = 0
    events: int = 0
    problems: list[IngestProblem] = field(default_factory=list)


def sidecar_path(path: Path) -> Path | None:
    """The sidecar of ``path``: ``report.txt.meta.json``, else ``report.meta.json``, if either exists."""
    for meta in (path.with_name(path.name + SIDECAR_SUFFIX), path.with_name(path.stem + SIDECAR_SUFFIX)):
        if meta.is_file():
            return meta
    return None


def sidecar_defaults(path: Path, defaults: IngestDefaults) -> IngestDefaults | IngestProblem:
    """``defaults`` overlaid with the sidecar of ``path`` (see :func:`sidecar_path`) when it exists."""
    meta = sidecar_path(path)
    if meta is None:
        return defaults
    origin = str(meta)
    try:
        raw = json.loads(meta.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return IngestProblem(origin, f"cannot read the metadata sidecar: {exc}")
    if not isinstance(raw, dict):
        return IngestProblem(origin, "the metadata sidecar must be a JSON object")
    updates: dict[str, object] = {}
    try:
        if raw.get("published"):
            updates["published"] = parse_published(str(raw["published"]), origin)
    except IngestError as exc:
        return IngestProblem(origin, exc.message)
    for key in ("outlet", "url", "language", "encoding"):
        if isinstance(raw.get(key), str):
            updates[key] = raw[key]
    return dataclasses.replace(defaults, **updates)  # type: ignore[arg-type]


def _loaded(
    paths: Sequence[Path],
    defaults: IngestDefaults,
    summary: IngestSummary,
    on_file: Callable[[Path], None] | None,
    tick: Callable[[], None],
) -> Iterator[Loaded]:
    for item in discover(paths):
        if isinstance(item, IngestProblem):
            summary.problems.append(item)
            tick()
            continue
        summary.files += 1
        file_defaults = sidecar_defaults(item, defaults)
        if isinstance(file_defaults, IngestProblem):
            summary.problems.append(file_defaults)
            file_defaults = defaults
        for got in read_file(item, file_defaults):
            if isinstance(got, IngestProblem):
                summary.problems.append(got)
                tick()
            else:
                yield got
        if on_file is not None:
            on_file(item)


def _batches(items: Iterable[Loaded], size: int) -> Iterator[list[Loaded]]:
    batch: list[Loaded] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_paths(
    paths: Sequence[Path],
    defaults: IngestDefaults,
    store: Store,
    pipeline: Pipeline,
    *,
    batch_size: int = 32,
    on_file: Callable[[Path], None] | None = None,
    on_progress: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Ingest files and folders; every problem is collected in the summary, never raised.

    ``on_file`` is called when a file has been read through; ``on_progress`` after every report stored
    or found already stored and every problem, with the summary so far (for a progress bar).
    """
    summary = IngestSummary()

    def tick() -> None:
        if on_progress is not None:
            on_progress(summary)

    fresh = (
        item
        for item in _loaded(paths, defaults, summary, on_file, tick)
        if not _known(store, item, summary, tick)
    )
    for batch in _batches(fresh, batch_size):
        now = datetime.now(UTC)
        reports = [b.report.model_copy(update={"ingested_at": now}) for b in batch]
        docs = pipeline.pipe((doc_from_report(r) for r in reports), batch_size=batch_size)
        for report, item, doc in zip(reports, batch, docs, strict=True):
            outcome = store.add_report(report, item.original, doc.events)
            if outcome is AddOutcome.DUPLICATE:
                summary.duplicates += 1
            else:
                summary.added += 1
                summary.events += len(doc.events)
            tick()
    return summary


def _known(store: Store, item: Loaded, summary: IngestSummary, tick: Callable[[], None]) -> bool:
    if store.has_original(item.report.sha256):
        summary.duplicates += 1
        tick()
        return True
    return False


def count_reports(paths: Sequence[Path]) -> int:
    """How many reports the paths hold, roughly: one a file, one a non-blank line of a JSONL file."""
    total = 0
    for item in discover(paths):
        if not isinstance(item, Path):
            continue
        if item.suffix.lower() != ".jsonl":
            total += 1
            continue
        try:
            with item.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        except OSError:
            total += 1
    return total
