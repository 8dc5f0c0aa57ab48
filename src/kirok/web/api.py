"""The JSON API: every ``.json`` page as a FastAPI path operation, described at ``/openapi.json``.

Each operation calls the same view function as its HTML page (:mod:`kirok.web.views`,
:mod:`kirok.web.explore`) and answers the view's ``data`` through :attr:`Site.render`, so the page and
its JSON are one code path, with the same 400 messages for bad filter values. The query parameters are
typed in the description (enums, dates, whole numbers) and checked by the view, not by FastAPI, so a
blank form field means "no filter" for both. Response models (:mod:`kirok.web.api_models`) describe the
answers; the schemathesis test holds every answer to them.

:func:`api_router` is included in the app before the HTML routes, which would otherwise take
``/events/x.json`` for an event id. It also serves ``/openapi.json`` (:mod:`kirok.web.openapi`) and
``/api``, the description as a page (:mod:`kirok.web.api_page`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter
from pydantic import TypeAdapter
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from kirok.store.base import Store
from kirok.web import api_models as m
from kirok.web import views
from kirok.web.api_page import api_page_endpoint
from kirok.web.api_params import FILTER_PARAMETERS, PAGE_PARAMETER, REPORT_WORDS_PARAMETER, parameters
from kirok.web.auth_routes import auth_routes
from kirok.web.explore import map_page, timeline_page
from kirok.web.export_routes import export_router
from kirok.web.openapi import OPENAPI_PATH, openapi_document
from kirok.web.site import Site, query_of
from kirok.web.views import Query, View

__all__ = ["api_router"]


def _responses(model: type[Any], *, refusals: tuple[int, ...] = (400,)) -> dict[int | str, Any]:
    described = {
        400: "A filter value that cannot be used; `error` names it.",
        404: "No such id.",
    }
    answers: dict[int | str, Any] = {200: {"model": model}}
    for status in refusals:
        answers[status] = {"model": m.ApiError, "description": described[status]}
    return answers


def _head(endpoint: Callable[..., Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
    """The GET endpoint for a HEAD request (a hidden route; OpenAPI lists the GET only)."""

    async def head(request: Request) -> Response:
        return await endpoint(request, **request.path_params)

    return head


def api_router(site: Site) -> APIRouter:
    """The exports, the JSON pages and the account's JSON, as path operations, and ``/openapi.json``."""
    router = APIRouter()
    router.include_router(export_router(site))  # before /events/{event_id}.json takes "export"

    async def answer(request: Request, view_of: Callable[[Store, Query], View]) -> Response:
        return site.render(request, await site.read(view_of, site.store, query_of(request)))

    def get(path: str, endpoint: Callable[..., Awaitable[Response]], **options: Any) -> None:
        router.add_api_route(path, endpoint, methods=["GET"], **options)
        router.add_route(path, _head(endpoint), methods=["HEAD"], include_in_schema=False)

    async def reports(request: Request) -> Response:
        """Newest reports first; `q` searches their title and text."""
        return await answer(request, views.reports_page)

    async def report(request: Request, report_id: str) -> Response:
        """A report: its text, metadata and segments, and its events."""
        return site.render(request, await site.read(views.report_page, site.store, report_id))

    async def events(request: Request) -> Response:
        """Events matching the filters, newest report first, 25 to a page."""
        return await answer(request, views.events_page)

    async def event(request: Request, event_id: str) -> Response:
        """Every field of one event, and each piece of its evidence in its sentence."""
        return site.render(request, await site.read(views.event_page, site.store, event_id))

    async def events_map(request: Request) -> Response:
        """The filtered events grouped by place, each place with its precision."""
        return await answer(request, map_page)

    async def timeline(request: Request) -> Response:
        """The filtered events counted per month (of the earliest date of their window) and type."""
        return await answer(request, timeline_page)

    async def health(request: Request) -> Response:
        """The app answers and the store can count (no session needed)."""
        view = await site.read(views.health_page, site.store)
        return JSONResponse(view.data, status_code=view.status)

    get(
        "/reports.json",
        reports,
        tags=["reports"],
        response_model=m.ReportsPage,
        responses=_responses(m.ReportsPage),
        openapi_extra=parameters(REPORT_WORDS_PARAMETER, PAGE_PARAMETER),
    )
    get(
        "/reports/{report_id}.json",
        report,
        tags=["reports"],
        response_model=m.ReportPage,
        responses=_responses(m.ReportPage, refusals=(404,)),
    )
    get(
        "/events.json",
        events,
        tags=["events"],
        response_model=m.EventsPage,
        responses=_responses(m.EventsPage),
        openapi_extra=parameters(*FILTER_PARAMETERS, PAGE_PARAMETER),
    )
    get(
        "/events/{event_id}.json",
        event,
        tags=["events"],
        response_model=m.EventPage,
        responses=_responses(m.EventPage, refusals=(404,)),
    )
    for path, endpoint, model in (
        ("/map.json", events_map, m.MapPage),
        ("/timeline.json", timeline, m.TimelinePage),
    ):
        get(
            path,
            endpoint,
            summary="Map of events" if endpoint is events_map else "Timeline of events",
            tags=["explore"],
            response_model=model,
            responses=_responses(model),
            openapi_extra=parameters(*FILTER_PARAMETERS),
        )
    get("/health.json", health, tags=["app"], response_model=m.Health)
    _account_operations(router, site)

    async def openapi(request: Request) -> Response:
        return JSONResponse(openapi_document(request.app))

    router.add_route(OPENAPI_PATH, openapi, methods=["GET", "HEAD"], include_in_schema=False)
    api_page = api_page_endpoint(site, openapi_document)
    for path in ("/api", "/api.json"):  # the page for people, and its rows as JSON
        router.add_route(path, api_page, methods=["GET", "HEAD"], include_in_schema=False)
    return router


def _account_operations(router: APIRouter, site: Site) -> None:
    """Login, logout and the session's JSON: the endpoints of :mod:`kirok.web.auth_routes`, described."""
    found = {
        (path, method): endpoint
        for path, endpoint, methods in auth_routes(site.auth, site.render, site.wants_json)
        for method in methods
    }
    login_page, login = found[("/login", "GET")], found[("/login", "POST")]
    logout, session = found[("/logout", "POST")], found[("/session.json", "GET")]

    async def login_form(request: Request) -> Response:
        """The login form's CSRF token (also set in a cookie), and who is logged in, if anyone."""
        response: Response = await login_page(request)
        return response

    async def log_in(request: Request) -> Response:
        """Log in: sets the session cookie and answers the session's CSRF token."""
        response: Response = await login(request)
        return response

    async def log_out(request: Request) -> Response:
        """End the session."""
        response: Response = await logout(request)
        return response

    async def session_info(request: Request) -> Response:
        """Who is logged in, the role, the CSRF token for unsafe methods, and when the session ends."""
        response: Response = await session(request)
        return response

    router.add_api_route(
        "/login.json", login_form, methods=["GET"], tags=["account"], response_model=m.LoginPage
    )
    router.add_route("/login.json", login_form, methods=["HEAD"], include_in_schema=False)
    form_schema = TypeAdapter(m.LoginForm).json_schema()
    router.add_api_route(
        "/login.json",
        log_in,
        methods=["POST"],
        tags=["account"],
        response_model=m.LoginDone,
        responses={
            400: {"model": m.ApiError, "description": "The body is not a JSON object."},
            401: {"model": m.ApiError, "description": "Wrong username or password."},
            413: {"model": m.ApiError, "description": "The body is too large."},
            415: {"model": m.ApiError, "description": "Neither JSON nor a form."},
            429: {"model": m.ApiError, "description": "Too many attempts; see Retry-After."},
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": form_schema},
                    "application/x-www-form-urlencoded": {"schema": form_schema},
                },
            }
        },
    )
    router.add_api_route(
        "/logout.json", log_out, methods=["POST"], tags=["account"], response_model=m.LogoutDone
    )
    router.add_api_route(
        "/session.json", session_info, methods=["GET"], tags=["account"], response_model=m.SessionInfo
    )
    router.add_route("/session.json", session_info, methods=["HEAD"], include_in_schema=False)
