"""Exports from the current filter: ``/events/export.csv``, ``.json`` and ``.geojson``.

The filter values are those of ``/events`` (:func:`kirok.web.views.event_filter`), the writers those of
``kirok export`` (:mod:`kirok.export`). The file is streamed: a worker thread runs the exporter over
:meth:`Store.iter_events` (one snapshot), taking the app's store lock only while it reads each batch of
events, and hands the text on in chunks; a client that goes away stops it. Victims' names, and the
descriptions that may hold one, never leave in a web export.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Generator, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any, TextIO, cast

from fastapi import APIRouter
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from kirok.export import FORMATS, get_exporter
from kirok.export.base import Exporter
from kirok.model import Event, Report
from kirok.store.base import EventFilter
from kirok.web.api_models import ApiError
from kirok.web.api_params import FILTER_PARAMETERS, parameters
from kirok.web.site import Site, query_of
from kirok.web.views import event_filter

__all__ = [
    "BATCH",
    "CHUNK_CHARS",
    "ExportStream",
    "ReportLookup",
    "export_filename",
    "export_router",
    "locked_events",
    "public_events",
]

#: Events read from the store under the lock at a time.
BATCH = 500
#: Characters of export text handed to the response at a time.
CHUNK_CHARS = 64 * 1024
_QUEUED_CHUNKS = 4
_POLL_S = 0.1
#: What each file is, for the OpenAPI description: its media type and schema.
_FILES: dict[str, tuple[str, dict[str, Any]]] = {
    "csv": ("text/csv", {"type": "string", "description": "A header row, then one row per event."}),
    "json": (
        "application/json",
        {"type": "array", "items": {"type": "object"}, "description": "One object per event."},
    ),
    "geojson": (
        "application/geo+json",
        {
            "type": "object",
            "required": ["type", "features"],
            "properties": {
                "type": {"const": "FeatureCollection"},
                "features": {"type": "array", "items": {"type": "object"}},
            },
            "description": "One Point feature per event that has coordinates.",
        },
    ),
}


def export_filename(fmt: str, day: datetime | None = None) -> str:
    """``kirok-events-2024-03-01.csv``: the day (UTC) the file was made."""
    made = (day or datetime.now(UTC)).date().isoformat()
    return f"kirok-events-{made}{get_exporter(fmt).extension}"


def public_events(events: Iterator[Event]) -> Iterator[Event]:
    """The events without victims' names or descriptions (a description may hold a name)."""
    for event in events:
        if any(v.name is not None or v.description is not None for v in event.victims):
            victims = tuple(v.model_copy(update={"name": None, "description": None}) for v in event.victims)
            event = event.model_copy(update={"victims": victims})
        yield event


class ReportLookup(Mapping[str, Report]):
    """The reports the exporters look up by id, read from the store when first asked for, under the
    lock; the last :data:`KEEP` are kept (events come grouped by report)."""

    KEEP = 64

    def __init__(self, site: Site) -> None:
        self._site = site
        self._kept: dict[str, Report | None] = {}

    def __getitem__(self, report_id: str) -> Report:
        if report_id not in self._kept:
            if len(self._kept) >= self.KEEP:
                del self._kept[next(iter(self._kept))]
            self._kept[report_id] = self._site.shared(self._site.store.get_report, report_id)
        found = self._kept[report_id]
        if found is None:
            raise KeyError(report_id)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter([k for k, v in self._kept.items() if v is not None])

    def __len__(self) -> int:
        return sum(1 for v in self._kept.values() if v is not None)


def _take(events: Iterator[Event], n: int) -> list[Event]:
    batch: list[Event] = []
    for event in events:
        batch.append(event)
        if len(batch) == n:
            break
    return batch


def locked_events(site: Site, flt: EventFilter, batch_size: int = BATCH) -> Generator[Event, None, None]:
    """``store.iter_events(flt)``, read ``batch_size`` events at a time holding the store lock as a reader."""
    events = site.store.iter_events(flt)
    try:
        while batch := site.shared(_take, events, batch_size):
            yield from batch
            if len(batch) < batch_size:
                return
    finally:
        close: Callable[[], None] | None = getattr(events, "close", None)
        if close is not None:
            site.shared(close)  # ends the snapshot and gives the reader back


class _Stopped(Exception):
    """The reader of the stream went away."""


class _Done:
    """The end of the stream."""


class _QueueWriter:
    """A text stream whose writes are handed to a bounded queue in chunks of about ``chunk_chars``."""

    def __init__(
        self, chunks: queue.Queue[str | BaseException | _Done], stop: threading.Event, chunk_chars: int
    ) -> None:
        self._chunks = chunks
        self._stop = stop
        self._chunk_chars = chunk_chars
        self._pending: list[str] = []
        self._size = 0

    def write(self, text: str) -> int:
        self._pending.append(text)
        self._size += len(text)
        if self._size >= self._chunk_chars:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self.put("".join(self._pending))
            self._pending, self._size = [], 0

    def put(self, item: str | BaseException | _Done) -> None:
        while not self._stop.is_set():
            try:
                self._chunks.put(item, timeout=_POLL_S)
                return
            except queue.Full:
                continue
        raise _Stopped


class ExportStream:
    """One export being written by a worker thread and read as chunks of bytes.

    :meth:`first` waits for the first chunk, so a failure before any text (a closed store) is raised
    where the route can still answer an error page; iterating gives that chunk and the rest;
    :meth:`close` stops the worker.
    """

    def __init__(
        self,
        site: Site,
        flt: EventFilter,
        exporter: Exporter,
        *,
        chunk_chars: int = CHUNK_CHARS,
        batch_size: int = BATCH,
    ) -> None:
        self._chunks: queue.Queue[str | BaseException | _Done] = queue.Queue(maxsize=_QUEUED_CHUNKS)
        self._stop = threading.Event()
        self._site, self._flt, self._exporter = site, flt, exporter
        self._chunk_chars, self._batch_size = chunk_chars, batch_size
        self._thread = threading.Thread(target=self._write, name="kirok-export", daemon=True)
        self._head: str | _Done | None = None

    def _write(self) -> None:
        out = _QueueWriter(self._chunks, self._stop, self._chunk_chars)
        events = locked_events(self._site, self._flt, self._batch_size)
        try:
            self._exporter.write(public_events(events), ReportLookup(self._site), cast(TextIO, out))
            out.flush()
            out.put(_Done())
        except _Stopped:
            return
        except BaseException as error:  # handed to the reader, which raises it
            try:
                out.put(error)
            except _Stopped:
                return
        finally:
            events.close()

    def _next(self) -> str | _Done:
        item = self._chunks.get()
        if isinstance(item, BaseException):
            raise item
        return item

    def first(self) -> None:
        """Start the worker and wait for the first chunk (or the end, or the error)."""
        self._thread.start()
        self._head = self._next()

    def __iter__(self) -> Iterator[bytes]:
        try:
            item = self._head if self._head is not None else self._next()
            while not isinstance(item, _Done):
                yield item.encode("utf-8")
                item = self._next()
        finally:
            self.close()

    @property
    def running(self) -> bool:
        """True while the worker thread is writing (or waiting to hand on a chunk)."""
        return self._thread.is_alive()

    def close(self) -> None:
        """Stop the worker (it ends the store snapshot) and wait for it."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)


def export_router(site: Site) -> APIRouter:
    """``GET /events/export.{csv,json,geojson}`` with the filter values of ``/events``."""
    router = APIRouter(tags=["export"])

    def route(fmt: str) -> Callable[[Request], Any]:
        async def export(request: Request) -> Response:
            flt, _ = event_filter(query_of(request))  # 400 for a bad value, before anything is read
            stream = ExportStream(site, flt, get_exporter(fmt))
            await run_in_threadpool(stream.first)
            headers = {"Content-Disposition": f'attachment; filename="{export_filename(fmt)}"'}
            return StreamingResponse(
                iter(stream),
                media_type=get_exporter(fmt).media_type,
                headers=headers,
                background=BackgroundTask(stream.close),
            )

        export.__name__ = f"export_{fmt}"
        export.__doc__ = (
            f"The events matching the filters as a {fmt.upper()} file (the format of `kirok export "
            f"--format {fmt}`), without victims' names. Streamed; named kirok-events-<date>."
        )
        return export

    for fmt in FORMATS:
        router.add_api_route(
            f"/events/export.{fmt}",
            route(fmt),
            methods=["GET"],
            summary=f"The filtered events as {'GeoJSON' if fmt == 'geojson' else fmt.upper()}",
            response_class=Response,
            responses={
                200: {"content": {_FILES[fmt][0]: {"schema": _FILES[fmt][1]}}, "description": "The file."},
                400: {
                    "model": ApiError,
                    "description": "A filter value that cannot be used: a page saying why, or JSON when "
                    "the request's Accept header asks for JSON rather than HTML.",
                    "content": {"text/html": {"schema": {"type": "string"}}},
                },
            },
            openapi_extra=parameters(*FILTER_PARAMETERS),
        )
    return router
