"""Ingest jobs: files uploaded through the browser, ingested on a worker thread while pages stay live.

A job owns a folder of uploaded files, written byte for byte as they arrived, and runs each one through
:func:`kirok.ingestion.ingest_paths`, the same code path as ``kirok ingest``: the same readers, sidecars,
duplicate check and problems, worded as the CLI words them. Jobs run one at a time on one worker
thread; the pipeline is built when the first job starts (loading spaCy takes a while) and kept.

Every store call of a job holds the app's store lock (:attr:`kirok.web.site.Site.locked`), so pages
never see half a write; the pipeline itself runs outside the lock. A file that fails, even inside the
pipeline, becomes a problem line for that file: the other files are still ingested, and every report
stored before the failure stays stored.
"""

from __future__ import annotations

import functools
import logging
import secrets
import shutil
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from kirok.ingest import IngestDefaults
from kirok.ingestion import IngestSummary, count_reports, ingest_paths, sidecar_path
from kirok.model import Event, Report
from kirok.pipeline.stage import Pipeline
from kirok.store.base import AddOutcome, Store

__all__ = ["FileState", "IngestJob", "IngestJobs", "JobFile", "JobState"]

log = logging.getLogger(__name__)

#: Finished jobs kept in memory for their status pages; the oldest are forgotten first.
KEEP_JOBS = 50


class JobState(StrEnum):
    QUEUED = "queued"
    LOADING = "loading"  # building the pipeline (loading the spaCy model) before the first job
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"  # the job could not run at all (the pipeline could not be built)


class FileState(StrEnum):
    WAITING = "waiting"
    READING = "reading"
    DONE = "done"
    FAILED = "failed"  # something broke inside the run; the reports stored before it stay


@dataclass
class JobFile:
    """One uploaded file (or the pasted text) of a job, and what became of it."""

    name: str  # as the user knows it: "report.txt", "pasted text"; stored as the report's origin
    path: Path  # where its bytes wait in the job's folder
    size: int
    expected: int = 1  # reports it holds, roughly (a JSONL file: its non-blank lines)
    state: FileState = FileState.WAITING
    added: int = 0
    duplicates: int = 0
    events: int = 0
    problems: list[str] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)  # ids of the reports it added

    def snapshot(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "bytes": self.size,
            "state": self.state.value,
            "expected": self.expected,
            "added": self.added,
            "duplicates": self.duplicates,
            "events": self.events,
            "problems": list(self.problems),
            "reports": list(self.reports),
        }


@dataclass
class IngestJob:
    """Files ingested together, with the defaults (outlet, published...) the form gave them."""

    id: str
    owner: str
    files: list[JobFile]
    folder: Path
    defaults: IngestDefaults
    created: datetime
    state: JobState = JobState.QUEUED
    started: datetime | None = None
    finished: datetime | None = None
    message: str | None = None  # why the job failed as a whole
    notes: list[str] = field(default_factory=list)  # problems of no one file (a stray sidecar)

    @property
    def finished_running(self) -> bool:
        return self.state in (JobState.DONE, JobState.FAILED)

    def snapshot(self) -> dict[str, Any]:
        """The job as JSON: counts over all files, and each file; never a victim's name (only counts)."""
        done = [f for f in self.files if f.state in (FileState.DONE, FileState.FAILED)]
        problems = list(self.notes) + [p for f in self.files for p in f.problems]
        return {
            "id": self.id,
            "state": self.state.value,
            "owner": self.owner,
            "created": self.created.isoformat(),
            "started": self.started.isoformat() if self.started else None,
            "finished": self.finished.isoformat() if self.finished else None,
            "message": self.message,
            "files_total": len(self.files),
            "files_done": len(done),
            "reports_expected": sum(f.expected for f in self.files),
            "reports_done": sum(f.added + f.duplicates + len(f.problems) for f in self.files),
            "reports_added": sum(f.added for f in self.files),
            "events_added": sum(f.events for f in self.files),
            "duplicates": sum(f.duplicates for f in self.files),
            "problems": problems,
            "files": [f.snapshot() for f in self.files],
        }


class _JobStore:
    """The store as one job sees it: every call under the app's store lock, reports named as uploaded.

    :func:`~kirok.ingestion.ingest_paths` reads the files from the job's folder, so a report's origin
    would be a temporary path; it is stored under the name the user uploaded instead.
    """

    def __init__(
        self,
        store: Store,
        locked: Callable[..., Any],
        rename: Callable[[str], str],
        on_added: Callable[[str], None],
    ) -> None:
        self._store = store
        self._locked = locked
        self._rename = rename
        self._on_added = on_added

    def has_original(self, sha256: str) -> bool:
        found: bool = self._locked(self._store.has_original, sha256)
        return found

    def add_report(self, report: Report, original: bytes, events: Sequence[Event]) -> AddOutcome:
        named = report.model_copy(update={"origin": self._rename(report.origin or "")})
        outcome: AddOutcome = self._locked(self._store.add_report, named, original, events)
        if outcome is not AddOutcome.DUPLICATE:
            self._on_added(report.id)
        return outcome

    def __getattr__(self, name: str) -> Any:  # any other store call, still under the lock
        attribute = getattr(self._store, name)
        if not callable(attribute):
            return attribute
        return lambda *args, **kwargs: self._locked(functools.partial(attribute, **kwargs), *args)


class IngestJobs:
    """The ingest jobs of one app: submitted from requests, run one at a time on a worker thread."""

    def __init__(
        self,
        store: Store,
        locked: Callable[..., Any],
        build_pipeline: Callable[[], Pipeline],
        *,
        batch_size: int = 32,
        keep: int = KEEP_JOBS,
    ) -> None:
        self._store = store
        self._locked = locked
        self._build_pipeline = build_pipeline
        self._pipeline: Pipeline | None = None
        self._batch_size = batch_size
        self._keep = keep
        self._jobs: OrderedDict[str, IngestJob] = OrderedDict()
        self._guard = threading.Lock()  # guards the jobs and their counters, never held for long
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kirok-ingest")

    def submit(
        self, owner: str, files: list[JobFile], folder: Path, defaults: IngestDefaults, notes: list[str]
    ) -> IngestJob:
        """Queue a job over ``files`` (already written into ``folder``, which the job then owns)."""
        for file in files:
            file.expected = max(1, count_reports([file.path]))
        job = IngestJob(
            id=secrets.token_hex(8),
            owner=owner,
            files=files,
            folder=folder,
            defaults=defaults,
            created=datetime.now(UTC),
            notes=notes,
        )
        with self._guard:
            self._jobs[job.id] = job
            self._forget_old()
        self._worker.submit(self._run, job)
        return job

    def snapshot(self, job_id: str) -> dict[str, Any] | None:
        """The job's status as JSON, read consistently; None for an unknown (or forgotten) job."""
        with self._guard:
            job = self._jobs.get(job_id)
            return job.snapshot() if job else None

    def recent(self, limit: int = 10) -> list[dict[str, Any]]:
        """The newest jobs first."""
        with self._guard:
            return [job.snapshot() for job in reversed(self._jobs.values())][:limit]

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop taking jobs; with ``wait``, let the queued ones finish first."""
        self._worker.shutdown(wait=wait)

    def _forget_old(self) -> None:
        while len(self._jobs) > self._keep:
            oldest = next((k for k, j in self._jobs.items() if j.finished_running), None)
            if oldest is None:
                return
            del self._jobs[oldest]

    def _set(self, job: IngestJob, **changes: Any) -> None:
        with self._guard:
            for name, value in changes.items():
                setattr(job, name, value)

    def _run(self, job: IngestJob) -> None:
        try:
            pipeline = self._ready_pipeline(job)
            if pipeline is None:
                return
            self._set(job, state=JobState.RUNNING, started=datetime.now(UTC))
            for file in job.files:
                self._run_file(job, file, pipeline)
            self._set(job, state=JobState.DONE, finished=datetime.now(UTC))
        finally:
            shutil.rmtree(job.folder, ignore_errors=True)  # what was stored is in the store now

    def _ready_pipeline(self, job: IngestJob) -> Pipeline | None:
        if self._pipeline is None:
            self._set(job, state=JobState.LOADING)
            try:
                self._pipeline = self._build_pipeline()
            except Exception as error:  # a missing model, a bad stage name: the job cannot run
                log.exception("cannot build the ingest pipeline")
                message = f"The pipeline could not be built, so nothing was stored: {error}"
                self._set(job, state=JobState.FAILED, finished=datetime.now(UTC), message=message)
                return None
        return self._pipeline

    def _run_file(self, job: IngestJob, file: JobFile, pipeline: Pipeline) -> None:
        rename = _renamer(job)
        with self._guard:
            file.state = FileState.READING

        def added(report_id: str) -> None:
            with self._guard:
                file.reports.append(report_id)

        def progress(summary: IngestSummary) -> None:
            with self._guard:
                file.added, file.duplicates, file.events = summary.added, summary.duplicates, summary.events
                file.problems.extend(rename(str(p)) for p in summary.problems[len(file.problems) :])

        store = _JobStore(self._store, self._locked, rename, added)
        try:
            summary = ingest_paths(
                [file.path], job.defaults, store, pipeline, batch_size=self._batch_size, on_progress=progress
            )
        except Exception as error:  # a stage or the store broke on this file; go on with the next
            log.exception("ingest job %s: %s failed", job.id, file.name)
            with self._guard:
                file.problems.append(
                    f"{file.name}: could not be ingested ({error}); the reports stored before it were kept"
                )
                file.state = FileState.FAILED
            return
        progress(summary)
        with self._guard:
            file.state = FileState.DONE


def _renamer(job: IngestJob) -> Callable[[str], str]:
    """Turns paths in the job's folder back into the names the user uploaded, in origins and messages."""
    names: dict[str, str] = {}
    for file in job.files:
        names[str(file.path)] = file.name
        if (meta := sidecar_path(file.path)) is not None:
            names[str(meta)] = meta.name

    longest_first = sorted(names.items(), key=lambda item: -len(item[0]))

    def rename(text: str) -> str:
        for path, name in longest_first:
            if text.startswith(path):
                return name + text[len(path) :]
        return text

    return rename
