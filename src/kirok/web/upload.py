"""Ingest from the browser: ``/ingest`` takes files or a pasted report, ``/ingest/jobs/{id}`` shows progress.

Editors and admins only. ``POST /ingest`` (the form) and ``POST /ingest.json`` (multipart, or a JSON body
with the text and its metadata) store the uploaded bytes in a job folder and queue an ingest job
(:mod:`kirok.web.jobs`); the form is redirected to the job's page, JSON gets ``202`` with the job's id.
The job page refreshes itself (``<meta http-equiv="refresh">`` without JavaScript, ``static/ingest.js``
polling ``/ingest/jobs/{id}.json`` with it) until every file is done.

The pipeline's settings and the size limits come from :class:`UploadConfig`, given at the edge with
:func:`configure_upload` before the app serves; the pipeline is built when the first job starts.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from kirok.auth.roles import Role
from kirok.pipeline.registry import build_pipeline
from kirok.pipeline.stage import Pipeline
from kirok.settings import Settings
from kirok.web.jobs import IngestJobs, JobState
from kirok.web.security import require
from kirok.web.site import Site
from kirok.web.upload_form import (
    FIELDS,
    Received,
    Refused,
    UploadLimits,
    ingest_defaults,
    read_json_body,
    receive_form,
    size_label,
    write_job_files,
)
from kirok.web.views import PageError, View

__all__ = [
    "ErrorBody",
    "FileStatus",
    "JobCreated",
    "JobStatus",
    "PastedReport",
    "UploadConfig",
    "UploadLimits",
    "configure_upload",
    "upload_router",
]

TITLE = "Add reports"
RECENT_JOBS = 10
#: Seconds between reloads of a running job's page without JavaScript.
REFRESH_SECONDS = 2
#: Links to the added reports shown per file on a job's page.
REPORTS_LISTED = 20
STATE_LABELS = {
    JobState.QUEUED: "Waiting for an earlier job to finish.",
    JobState.LOADING: "Loading the language model; the first job after the server starts takes longer.",
    JobState.RUNNING: "Reading the files and finding events.",
    JobState.DONE: "Done.",
    JobState.FAILED: "Failed; nothing was stored.",
}


@dataclass(frozen=True)
class UploadConfig:
    """The pipeline an app's ingest jobs run (``settings.stages``, ``spacy_model``) and the size limits.

    ``pipeline``, when given, is used as it is instead of one built from ``settings``.
    """

    settings: Settings = field(default_factory=Settings)
    limits: UploadLimits = field(default_factory=UploadLimits)
    pipeline: Pipeline | None = None

    def build_pipeline(self) -> Pipeline:
        if self.pipeline is not None:
            return self.pipeline
        if self.settings.stages:
            return build_pipeline(self.settings, self.settings.stages)
        return build_pipeline(self.settings)


def configure_upload(app: FastAPI, config: UploadConfig) -> None:
    """Use ``config`` for the ingest pages of ``app``; call it before the app serves its first job."""
    app.state.kirok_upload = config


# ---------------------------------------------------------------------------------------- JSON API


class PastedReport(BaseModel):
    """One report's text and what the text cannot say about itself."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The report, as plain text (HTML in it stays text).")
    outlet: str | None = Field(None, description="Who published it, e.g. an outlet's name.")
    url: str | None = Field(None, description="Where it was published (http:// or https://).")
    published: str | None = Field(None, description="Publication date, e.g. 2021-10-12.")
    language: str | None = Field(None, description="Language code: en or ko.")


class JobCreated(BaseModel):
    job: str
    state: str
    status_url: str
    status_json: str


class FileStatus(BaseModel):
    name: str
    bytes: int
    state: str = Field(description="waiting, reading, done or failed")
    expected: int
    added: int
    duplicates: int
    events: int
    problems: list[str]
    reports: list[str]


class JobStatus(BaseModel):
    id: str
    state: str = Field(description="queued, loading, running, done or failed")
    owner: str
    created: str
    started: str | None
    finished: str | None
    message: str | None
    files_total: int
    files_done: int
    reports_expected: int
    reports_done: int
    reports_added: int
    events_added: int
    duplicates: int
    problems: list[str] = Field(description="One line each, naming the file (and line), as the CLI says")
    files: list[FileStatus]


class ErrorBody(BaseModel):
    error: str
    field: str | None = None


_FORM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "csrf_token": {"type": "string", "description": "The session's CSRF token: the FIRST field."},
        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
        **{name: {"type": "string"} for name in FIELDS},
    },
}
_CREATE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": PastedReport.model_json_schema()},
            "multipart/form-data": {"schema": _FORM_SCHEMA},
        },
    }
}
_REFUSALS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in (
        (400, "A field Kirok cannot use (named in `field`), or no file and no text"),
        (403, "Not an editor, or no CSRF token"),
        (413, "Over the limit for one file or one request"),
        (415, "Neither multipart/form-data nor application/json"),
        (422, "A JSON body that is not a pasted report"),
    )
}


# ------------------------------------------------------------------------------------------ routes


def upload_router(site: Site, config: UploadConfig | None = None) -> APIRouter:
    """The ingest pages and their JSON, over ``site``'s store and lock."""
    router = APIRouter()
    default = config or UploadConfig(Settings.from_env(today=date.today()))
    made: list[IngestJobs] = []
    making = threading.Lock()

    def config_of(request: Request) -> UploadConfig:
        chosen = getattr(request.app.state, "kirok_upload", None)
        return chosen if isinstance(chosen, UploadConfig) else default

    def jobs_of(request: Request) -> IngestJobs:
        with making:
            if not made:
                chosen = config_of(request)
                made.append(
                    IngestJobs(
                        site.store, site.locked, chosen.build_pipeline, batch_size=chosen.settings.batch_size
                    )
                )
            return made[0]

    def form_view(
        request: Request, values: dict[str, str], refused: Refused | None = None, status: int = 200
    ) -> View:
        limits = config_of(request).limits
        data: dict[str, Any] = {
            "limits": limits.as_json(),
            "jobs": made[0].recent(RECENT_JOBS) if made else [],
            "error": refused.message if refused else None,
            "field": refused.field if refused else None,
        }
        context = {
            "values": {k: v for k, v in values.items() if k in FIELDS},
            "limit_labels": {
                "file": size_label(limits.max_file_bytes),
                "request": size_label(limits.max_request_bytes),
            },
        }
        return View("ingest.html", TITLE, data, context, status=status)

    async def form_page(request: Request) -> Response:
        require(Role.EDITOR)(request)
        return site.render(request, form_view(request, {}))

    async def create(request: Request) -> Response:
        account = require(Role.EDITOR)(request)
        limits = config_of(request).limits
        content_type = request.headers.get("content-type", "").lower()
        is_json = content_type.startswith("application/json")
        values: dict[str, str] = {}
        received = Received()
        try:
            if is_json:
                values, pasted = await _json_values(request, limits)
            elif content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
                received = await receive_form(request, limits)
                values = received.values
                pasted = values.get("text") if values.get("text", "").strip() else None
            else:
                raise Refused(415, "Send the files as multipart/form-data, or a report as application/json.")
            defaults = ingest_defaults(values)
            if is_json and pasted is None:
                raise Refused(400, "text: the report's text is empty.", "text")
            if not received.uploads and pasted is None:
                raise Refused(400, "files: choose at least one file, or paste a report's text.", "files")
            if pasted is not None and len(pasted.encode("utf-8")) > limits.max_file_bytes:
                raise Refused(413, "text: the pasted text is over the limit for one report.", "text")
            folder, files, notes = await run_in_threadpool(write_job_files, received.uploads, pasted)
        except Refused as refused:
            if is_json or site.wants_json(request):
                body = {"error": refused.message, "field": refused.field}
                return JSONResponse(body, status_code=refused.status)
            return site.render(request, form_view(request, values, refused, refused.status))
        finally:
            await received.close()
        jobs = jobs_of(request)
        job = await run_in_threadpool(jobs.submit, account.username, files, folder, defaults, notes)
        root = request.scope.get("root_path", "")
        status_url = f"{root}/ingest/jobs/{job.id}"
        if is_json or site.wants_json(request):
            created = {"job": job.id, "state": job.state.value, "status_url": status_url}
            return JSONResponse({**created, "status_json": f"{status_url}.json"}, status_code=202)
        return RedirectResponse(status_url, status_code=303)

    async def job_page(request: Request) -> Response:
        require(Role.EDITOR)(request)
        job_id = str(request.path_params["job_id"])
        snapshot = made[0].snapshot(job_id) if made else None
        if snapshot is None:
            message = f"There is no ingest job {job_id!r}; jobs are forgotten when the server restarts."
            raise PageError(404, message)
        running = snapshot["state"] not in ("done", "failed")
        context = {
            "refresh": REFRESH_SECONDS if running else None,
            "running": running,
            "state_labels": STATE_LABELS,
            "size_labels": [size_label(f["bytes"]) for f in snapshot["files"]],
            "reports_listed": REPORTS_LISTED,
        }
        return site.render(request, View("ingest_job.html", f"Ingest job {job_id}", snapshot, context))

    async def job_json(request: Request, job_id: str) -> Response:  # job_id: for the OpenAPI description
        return await job_page(request)

    hidden: dict[str, Any] = {"include_in_schema": False, "response_model": None}
    router.add_api_route("/ingest", form_page, methods=["GET", "HEAD"], **hidden)
    router.add_api_route("/ingest.json", form_page, methods=["GET", "HEAD"], **hidden)
    router.add_api_route("/ingest", create, methods=["POST"], **hidden)
    router.add_api_route(
        "/ingest.json",
        create,
        methods=["POST"],
        response_model=None,
        status_code=202,
        summary="Ingest uploaded files or a pasted report",
        description="Queues an ingest job and answers with its id; follow it at `status_json`.",
        responses={202: {"model": JobCreated, "description": "The job is queued"}, **_REFUSALS},
        openapi_extra=_CREATE_BODY,
    )
    router.add_api_route(
        "/ingest/jobs/{job_id}.json",
        job_json,
        methods=["GET"],
        response_model=None,
        summary="An ingest job's progress",
        responses={200: {"model": JobStatus}, 404: {"model": ErrorBody, "description": "No such job"}},
    )
    router.add_api_route("/ingest/jobs/{job_id}", job_page, methods=["GET", "HEAD"], **hidden)
    return router


async def _json_values(request: Request, limits: UploadLimits) -> tuple[dict[str, str], str | None]:
    body = await read_json_body(request, limits)
    try:
        pasted = PastedReport.model_validate_json(body)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "body"
        raise Refused(422, f"{where}: {first['msg']}", where) from None
    values = {k: v for k, v in pasted.model_dump().items() if isinstance(v, str)}
    return values, pasted.text if pasted.text.strip() else None
