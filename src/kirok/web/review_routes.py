"""The review routes: the queue and review pages, their forms, and the JSON actions of the API.

Pages (HTML, or JSON with ``.json``): ``GET /review`` (the queue) and ``GET /review/{id}``.
Forms (editors and admins; a viewer gets 403): ``POST /review/{id}/verify`` (``note``),
``/reject`` (``reason``, required) and ``/edit`` (see :mod:`kirok.web.review_form`). Each answers with a
redirect (303): after a decision to the next event of the queue, after an edit back to the event
(or on to the next one with ``then=verify``). A refused edit shows the page again with the reason (400).
JSON (FastAPI path operations, in the OpenAPI description): ``POST /review/{id}/verify.json``,
``/reject.json`` and ``/edit.json`` with the bodies below and the ``X-CSRF-Token`` header; each answers
with the event as it is now. Every change goes through the store's ``review_event``/``update_event``,
which append to the hash-chained history with the logged-in username as the actor.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, Field
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.types import Message

from kirok.auth.accounts import Account
from kirok.auth.roles import Role
from kirok.gazetteer import Gazetteer
from kirok.model import Event, ReviewStatus
from kirok.store.base import Store
from kirok.web.present import public_event
from kirok.web.review import ReviewQueue, next_in_queue, queue_of, review_page, review_queue_page
from kirok.web.review_edit import EditError, EventEdit, apply_edit
from kirok.web.review_form import edit_from_form
from kirok.web.security import require
from kirok.web.site import GET, Site, query_of
from kirok.web.views import PageError, Query

__all__ = ["MAX_JSON_BYTES", "MAX_NOTE_CHARS", "RejectBody", "VerifyBody", "review_router"]

#: A JSON body larger than this is refused (413) before it is read whole.
MAX_JSON_BYTES = 256 * 1024
MAX_NOTE_CHARS = 2000

Note = Annotated[str, Field(max_length=MAX_NOTE_CHARS)]
#: The logged-in account, when it is an editor or an admin (403 otherwise, before the body is used).
Editor = Annotated[Account, Depends(require(Role.EDITOR))]


class VerifyBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    note: Note | None = None


class RejectBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: Annotated[str, Field(min_length=1, max_length=MAX_NOTE_CHARS, pattern=r"\S")]


class _BoundedRoute(APIRoute):
    """An API route that refuses a body over :data:`MAX_JSON_BYTES` (413) instead of reading it all."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def bounded(request: Request) -> Response:
            too_large = HTTPException(413, f"The body is larger than {MAX_JSON_BYTES} bytes.")
            length = request.headers.get("content-length", "0")
            if not length.isdigit() or int(length) > MAX_JSON_BYTES:
                raise too_large
            seen = 0
            receive = request.receive

            async def counted() -> Message:
                nonlocal seen
                message = await receive()
                seen += len(message.get("body", b""))
                if seen > MAX_JSON_BYTES:
                    raise too_large
                return message

            return await handler(Request(request.scope, counted))

        return bounded


def _decide(store: Store, event_id: str, status: ReviewStatus, actor: str, note: str | None) -> Event:
    if store.get_event(event_id) is None:
        raise PageError(404, f"There is no event with id {event_id!r}.")
    return store.review_event(event_id, status, actor=actor, note=note)


def _edit(
    store: Store,
    event_id: str,
    read: Callable[[Event, str], EventEdit],
    actor: str,
    places: Callable[[], Gazetteer],
) -> tuple[Event, bool]:
    """Make the edit ``read`` finds (from the stored event and its report's text); the event and whether
    it changed. Nothing is written when nothing changed."""
    event = store.get_event(event_id)
    if event is None:
        raise PageError(404, f"There is no event with id {event_id!r}.")
    report = store.get_report(event.report_id)
    text = report.text if report else ""
    changed = apply_edit(event, read(event, text), text, places)
    if changed == event:
        return event, False
    store.update_event(changed, actor=actor)
    return changed, True


def _after(store: Store, queue: ReviewQueue, done: Event, at: int | None, verb: str) -> str:
    """Where to go after an action: the next event of the queue, or the queue when it is done."""
    follow = next_in_queue(store, queue, done, at)
    tail = [("done", verb), ("last", done.id)]
    if follow is None:
        return "review?" + urlencode([*queue.shown, *tail])
    href = queue.href(follow[0].id, follow[1])
    return href + ("&" if "?" in href else "?") + urlencode(tail)


def _form_values(form: Any) -> dict[str, str]:
    values: dict[str, str] = {}
    for key, value in form.multi_items():
        if isinstance(value, str) and key not in values:
            values[key] = value
    return values


def review_router(site: Site) -> APIRouter:
    """The review pages and forms (left out of the OpenAPI description) and the JSON actions."""
    router = APIRouter(route_class=_BoundedRoute, tags=["review"])
    store = site.store

    @functools.cache
    def gazetteer() -> Gazetteer:
        return Gazetteer.load()

    def root(request: Request) -> str:
        return str(request.scope.get("root_path", ""))

    async def event_page(request: Request) -> Response:
        event_id = str(request.path_params["event_id"])
        return site.render(request, await site.read(review_page, store, event_id, query_of(request)))

    def at_of(query: Query) -> int | None:
        raw = query.text("at")
        return int(raw) if raw is not None and raw.isdigit() and len(raw) <= 9 else None

    async def refused(request: Request, event_id: str, message: str, group: str) -> Response:
        view = await site.read(
            functools.partial(review_page, form_error=message, open_group=group, status=400),
            store,
            event_id,
            query_of(request),
        )
        return site.render(request, view)

    def decision(status: ReviewStatus) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        async def endpoint(request: Request) -> Response:
            actor = require(Role.EDITOR)(request).username  # before anything is read or changed
            event_id = str(request.path_params["event_id"])
            query = query_of(request)
            queue = queue_of(query)
            async with request.form(max_files=0, max_fields=50) as form:
                values = _form_values(form)
            note = (values.get("reason" if status is ReviewStatus.REJECTED else "note") or "").strip()
            if status is ReviewStatus.REJECTED and not note:
                return await refused(request, event_id, "reason: say why the event is rejected.", "reject")
            if len(note) > MAX_NOTE_CHARS:
                return await refused(
                    request, event_id, f"note: at most {MAX_NOTE_CHARS} characters.", status.value
                )

            def act() -> str:
                done = _decide(store, event_id, status, actor, note or None)
                return _after(store, queue, done, at_of(query), status.value)

            return RedirectResponse(f"{root(request)}/{await site.call(act)}", status_code=303)

        return endpoint

    async def edit_form(request: Request) -> Response:
        actor = require(Role.EDITOR)(request).username
        event_id = str(request.path_params["event_id"])
        query = query_of(request)
        queue = queue_of(query)
        async with request.form(max_files=0, max_fields=50) as form:
            values = _form_values(form)

        def act() -> str:
            def read(event: Event, text: str) -> EventEdit:
                return edit_from_form(event, values, text)

            event, changed = _edit(store, event_id, read, actor, gazetteer)
            if values.get("then") == "verify":
                done = store.review_event(event.id, ReviewStatus.VERIFIED, actor=actor)
                return _after(store, queue, done, at_of(query), "verified")
            at = at_of(query)
            items = [*queue.shown, *([("at", str(at))] if at is not None else [])]
            items += [("done", "edited" if changed else "unchanged"), ("last", event.id)]
            return f"review/{event.id}?{urlencode(items)}"

        try:
            target = await site.call(act)
        except EditError as error:
            return await refused(request, event_id, str(error), values.get("group", ""))
        return RedirectResponse(f"{root(request)}/{target}", status_code=303)

    for path, endpoint, methods in (
        ("/review.json", site.page(review_queue_page), GET),
        ("/review", site.page(review_queue_page), GET),
        ("/review/{event_id}.json", event_page, GET),
        ("/review/{event_id}", event_page, GET),
        ("/review/{event_id}/verify", decision(ReviewStatus.VERIFIED), ["POST"]),
        ("/review/{event_id}/reject", decision(ReviewStatus.REJECTED), ["POST"]),
        ("/review/{event_id}/edit", edit_form, ["POST"]),
    ):
        router.add_route(path, endpoint, methods=methods, include_in_schema=False)
    _json_actions(router, site, gazetteer)
    return router


_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"description": "An edit that cannot be made: the message names the field."},
    401: {"description": "No session, or it has expired."},
    403: {
        "description": "Not an editor or admin, or no X-CSRF-Token header with the session's token "
        "(from GET /session.json). Nothing changed."
    },
    404: {"description": "No event with this id."},
    413: {"description": "The body is too large."},
}


def _json_actions(router: APIRouter, site: Site, gazetteer: Callable[[], Gazetteer]) -> None:
    store = site.store

    @router.post("/review/{event_id}/verify.json", summary="Verify a suggested event", responses=_RESPONSES)
    async def verify_json(
        event_id: str,
        body: VerifyBody,
        account: Editor,
    ) -> dict[str, Any]:
        """Mark the event verified, with an optional note; answers with the event as it is now."""
        note = body.note.strip() if body.note else None
        event = await site.call(
            _decide, store, event_id, ReviewStatus.VERIFIED, account.username, note or None
        )
        return public_event(event)

    @router.post("/review/{event_id}/reject.json", summary="Reject a suggested event", responses=_RESPONSES)
    async def reject_json(
        event_id: str,
        body: RejectBody,
        account: Editor,
    ) -> dict[str, Any]:
        """Mark the event rejected; ``reason`` is required and kept as the review note."""
        reason = body.reason.strip()
        event = await site.call(_decide, store, event_id, ReviewStatus.REJECTED, account.username, reason)
        return public_event(event)

    @router.post("/review/{event_id}/edit.json", summary="Edit an event's fields", responses=_RESPONSES)
    async def edit_json(
        event_id: str,
        body: EventEdit,
        account: Editor,
    ) -> dict[str, Any]:
        """Change the fields the body names (see ``EventEdit``), each with the words of the report it
        rests on (``quote``); answers with the event as it is now. Nothing is written if nothing changed."""

        def read(event: Event, text: str) -> EventEdit:
            return body

        try:
            event, _ = await site.call(_edit, store, event_id, read, account.username, gazetteer)
        except EditError as error:
            raise PageError(400, str(error)) from None
        return public_event(event)
