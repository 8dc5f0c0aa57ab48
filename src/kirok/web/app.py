"""The web app: every page answers HTML, or JSON with a ``.json`` suffix or ``Accept: application/json``.

:func:`create_app` takes the store and the accounts (:class:`~kirok.auth.Auth`) built at the edge (the
CLI, from :class:`~kirok.settings.Settings`); the app keeps no module-level state. Store calls run one at
a time, off the event loop, behind a lock. Every route but login, health and static files needs a
session (:mod:`kirok.web.security`); the logged-in account is ``request.state.account``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from fastapi import FastAPI
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kirok.auth.service import Auth
from kirok.errors import KirokError
from kirok.gazetteer import Gazetteer
from kirok.model import EventType
from kirok.store.base import Store
from kirok.web import present, views
from kirok.web.api import api_router
from kirok.web.auth_routes import auth_routes
from kirok.web.explore import explore_routes
from kirok.web.filter_choices import province_groups
from kirok.web.review_routes import review_router
from kirok.web.rwlock import ReadWriteLock
from kirok.web.security import AuthGate, template_context
from kirok.web.site import RouteSpec, Site
from kirok.web.upload import upload_router
from kirok.web.views import PageError, View

__all__ = ["SECURITY_HEADERS", "create_app", "wants_json"]

log = logging.getLogger(__name__)

HERE = Path(__file__).parent

#: Sent with every answer, pages, JSON, static files and errors alike.
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Security-Policy", "default-src 'self'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
)

T = TypeVar("T")

_TITLES = {
    400: "Bad request",
    401: "Log in first",
    403: "Not allowed",
    404: "Not found",
    405: "Method not allowed",
    413: "Too large",
    429: "Too many attempts",
}


class _SecurityHeaders:
    """ASGI middleware that adds :data:`SECURITY_HEADERS` to every HTTP answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS:
                    headers[name] = value
                headers.add_vary_header("Accept")
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        type_label=present.type_label,
        window_label=present.window_label,
        duration_label=present.duration_label,
        victim_label=present.victim_label,
        evidence_text=present.evidence_text,
        report_title=views.report_title,
        event_types=list(EventType),
        provinces=province_groups(Gazetteer.load()),
    )
    return env


def wants_json(request: Request) -> bool:
    """A ``.json`` path, or an Accept header that asks for JSON and not for HTML."""
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "").lower()
    return "application/json" in accept and "text/html" not in accept


def create_app(store: Store, auth: Auth) -> FastAPI:
    """The Kirok web app over ``store``, for the accounts of ``auth``; the caller owns and closes both."""
    app = FastAPI(title="Kirok", docs_url=None, redoc_url=None, openapi_url=None)
    env = _templates()
    lock = ReadWriteLock()

    def locked(fn: Callable[..., T], *args: Any) -> T:
        with lock.writing():
            return fn(*args)

    def shared(fn: Callable[..., T], *args: Any) -> T:
        with lock.reading():
            return fn(*args)

    def render(request: Request, view: View) -> Response:
        if wants_json(request):
            return JSONResponse(view.data, status_code=view.status)
        root = request.scope.get("root_path", "")
        path = request.url.path.removeprefix(root)
        query = request.url.query
        context = {
            **view.data,
            **view.context,
            **template_context(request),
            "title": view.title,
            "root": root,
            "path": path,
            "json_href": f"{root}{path}.json" + (f"?{query}" if query else ""),
        }
        html = env.get_template(view.template).render(context)
        return HTMLResponse(html, status_code=view.status)

    def error(
        request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
    ) -> Response:
        """An error page or ``{"error": message}``; it carries the security headers itself, as a 500
        answer leaves the app outside the middleware."""
        if wants_json(request):
            response: Response = JSONResponse({"error": message}, status_code=status)
        else:
            title = _TITLES.get(status, "Error")
            response = render(request, View("error.html", title, {"error": message}, status=status))
        response.headers.update({**dict(SECURITY_HEADERS), **(headers or {})})
        return response

    async def page_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, PageError)
        return error(request, exc.status, exc.message)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 404:
            return error(request, 404, f"There is no page at {request.url.path}.")
        return error(request, exc.status_code, str(exc.detail), exc.headers)

    async def kirok_error(request: Request, exc: Exception) -> Response:
        log.error("%s %s: %s", request.method, request.url.path, exc)
        return error(request, 500, str(exc))

    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("%s %s failed", request.method, request.url.path)
        return error(request, 500, "Something went wrong on our side; the error is in the server log.")

    app.add_exception_handler(PageError, page_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(KirokError, kirok_error)
    app.add_exception_handler(Exception, server_error)

    async def home(request: Request) -> Response:
        return RedirectResponse(f"{request.scope.get('root_path', '')}/reports", status_code=302)

    async def health(request: Request) -> Response:
        view = await run_in_threadpool(shared, views.health_page, store)
        return JSONResponse(view.data, status_code=view.status)

    site = Site(
        store=store,
        auth=auth,
        render=render,
        error=error,
        wants_json=wants_json,
        locked=locked,
        shared=shared,
    )
    app.include_router(api_router(site))  # first: the .json paths, before /events/{event_id} takes them
    routes: list[tuple[str, Callable[[Request], Any]]] = [
        ("/", home),
        ("/reports", site.page(views.reports_page)),
        ("/reports/{report_id}", site.item(views.report_page, "report_id")),
        ("/events", site.page(views.events_page)),
        ("/events/{event_id}", site.item(views.event_page, "event_id")),
        ("/health", health),
    ]
    for route, endpoint in routes:
        app.router.add_route(route, endpoint, methods=["GET", "HEAD"], include_in_schema=False)
    features: list[RouteSpec] = [
        *auth_routes(auth, render, wants_json),
        *explore_routes(site),
    ]
    for route, endpoint, methods in features:
        app.router.add_route(route, endpoint, methods=methods, include_in_schema=False)
    app.include_router(upload_router(site))
    app.include_router(review_router(site))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(AuthGate, auth=auth, refuse=error, wants_json=wants_json)
    app.add_middleware(_SecurityHeaders)
    return app
