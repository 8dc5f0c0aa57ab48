"""A whole app per test: a store holding one report, accounts with a movable clock, a test client.

It also mounts a small review route of the kind the review pages will have, so the tests can show that
the gate, :func:`kirok.web.security.require` and the actor recorded in history work together.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from kirok.auth import Account, Auth, Role
from kirok.model import ReviewStatus
from kirok.store.sqlite import SQLiteStore
from kirok.web.security import current_account, require

from .accounts import Clock
from .corpus import Corpus


@dataclass
class Site:
    app: FastAPI
    client: TestClient
    store: SQLiteStore
    auth: Auth
    clock: Clock
    corpus: Corpus

    def new_client(self, **kwargs: str) -> TestClient:
        return TestClient(self.app, **kwargs)  # type: ignore[arg-type]


def add_review_route(app: FastAPI, store: SQLiteStore) -> None:
    """``POST /events/{id}/review`` (form or multipart: ``status``, ``note``), editors and up; and
    ``POST /admin-only`` declared with ``Depends(require(Role.ADMIN))``."""

    async def review(request: Request) -> Response:
        account = require(Role.EDITOR)(request)  # before anything is read or changed
        async with request.form() as form:
            status = ReviewStatus(str(form["status"]))
            note = str(form["note"])
            upload = form.get("attachment")
            size = len(await upload.read()) if upload is not None and not isinstance(upload, str) else None
        event_id = str(request.path_params["event_id"])
        actor = current_account(request).username
        await run_in_threadpool(lambda: store.review_event(event_id, status, actor=actor, note=note))
        return JSONResponse({"status": status.value, "actor": account.username, "attachment_bytes": size})

    app.router.add_route("/events/{event_id}/review", review, methods=["POST"])

    @app.post("/admin-only")
    def admin_only(account: Account = Depends(require(Role.ADMIN))) -> dict[str, str]:  # noqa: B008
        return {"admin": account.username}
