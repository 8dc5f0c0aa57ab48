"""A whole app per test for the ingest pages: an empty store, staff accounts, a pipeline without spaCy.

Also two small stages written for the tests: :class:`GateStage` holds every document until the test
opens the gate (to see a job while it runs), :class:`BreakStage` fails on documents that ask for it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from fastapi import FastAPI
from fastapi.testclient import TestClient

from conftest import RULE_STAGES
from kirok.auth import Auth, SQLiteAccounts
from kirok.pipeline.doc import Doc
from kirok.pipeline.registry import load_stage
from kirok.pipeline.stage import Pipeline, StageBase
from kirok.settings import Settings
from kirok.store.sqlite import SQLiteStore
from kirok.web import create_app
from kirok.web.upload import UploadConfig, UploadLimits, configure_upload

from .accounts import CHEAP, EDITOR, PASSWORD, USERS, log_in

#: Small limits, so the tests can pass them with small bodies.
LIMITS = UploadLimits(max_file_bytes=64 * 1024, max_request_bytes=256 * 1024, max_files=20)
RULES = UploadConfig(Settings(stages=RULE_STAGES), LIMITS)
WAIT_S = 60.0
BREAK_MARK = "BREAK-THE-PIPELINE"

Files = Sequence[tuple[str, bytes]]


@dataclass
class UploadSite:
    app: FastAPI
    client: TestClient
    store: SQLiteStore
    token: str  # the logged-in editor's CSRF token

    def post(
        self, fields: dict[str, str] | None = None, files: Files = (), *, url: str = "/ingest", **kw: Any
    ) -> Any:
        """The form as a browser sends it: the CSRF token first, then the fields, then the files."""
        data = {"csrf_token": self.token, **(fields or {})}
        parts = [("files", (name, content, "application/octet-stream")) for name, content in files]
        return self.client.post(url, data=data, files=parts or None, follow_redirects=False, **kw)

    def submit(self, fields: dict[str, str] | None = None, files: Files = ()) -> str:
        """Post the form and return the new job's id."""
        response = self.post(fields, files)
        assert response.status_code == 303, response.text
        location: str = response.headers["location"]
        assert location.startswith("/ingest/jobs/")
        return location.removeprefix("/ingest/jobs/")

    def job(self, job_id: str) -> dict[str, Any]:
        response = self.client.get(f"/ingest/jobs/{job_id}.json")
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def finished(self, job_id: str) -> dict[str, Any]:
        """The job's status once it is done (or failed); fails the test if it never finishes."""
        deadline = time.monotonic() + WAIT_S
        while True:
            body = self.job(job_id)
            if body["state"] in ("done", "failed"):
                return body
            assert time.monotonic() < deadline, f"job {job_id} did not finish: {body}"
            time.sleep(0.02)

    def count_reports(self) -> int:
        return self.store.count_reports()


@contextmanager
def upload_site(folder: Path, config: UploadConfig = RULES, user: str = EDITOR) -> Iterator[UploadSite]:
    with SQLiteStore(folder / "kirok.db", key_file=folder / "secret.key") as store:
        auth = Auth(SQLiteAccounts(store.path), CHEAP)
        for name, role in USERS:
            auth.add_user(name, PASSWORD, role)
        app = create_app(store, auth)
        configure_upload(app, config)
        try:
            with TestClient(app) as client:
                yield UploadSite(app, client, store, log_in(client, user))
        finally:
            auth.close()


class GateStage(StageBase):
    """Waits at every document until :attr:`gate` is set."""

    name: ClassVar[str] = "test.gate.v1"

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.reached = threading.Event()

    def __call__(self, doc: Doc) -> Doc:
        self.reached.set()
        assert self.gate.wait(WAIT_S), "the test never opened the gate"
        return doc


class BreakStage(StageBase):
    """Fails on any document holding :data:`BREAK_MARK`, as a buggy stage would."""

    name: ClassVar[str] = "test.break.v1"

    def __call__(self, doc: Doc) -> Doc:
        if BREAK_MARK in doc.text:
            raise RuntimeError("the test stage broke on purpose")
        return doc


def rule_pipeline_with(*extra: StageBase) -> Pipeline:
    """The pipeline without spaCy, with ``extra`` stages at the end."""
    settings = Settings()
    return Pipeline([*(load_stage(name, settings) for name in RULE_STAGES), *extra])
