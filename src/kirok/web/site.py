"""What a group of routes needs from the app: the store, the accounts, and how to answer.

:func:`kirok.web.app.create_app` builds one :class:`Site` and hands it to each feature's route function
(``explore_routes(site)``, ...), which returns its routes as :data:`RouteSpec` tuples. A feature module
never builds its own templates, lock or error pages, so every page looks, locks and fails the same way.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from kirok.auth.service import Auth
from kirok.store.base import Store
from kirok.web.views import Query, View

__all__ = ["GET", "Endpoint", "RouteSpec", "Site", "query_of"]

T = TypeVar("T")

Endpoint = Callable[[Request], Awaitable[Response]]
#: ``(path, endpoint, methods)``, as :meth:`starlette.routing.Router.add_route` takes them.
RouteSpec = tuple[str, Endpoint, list[str]]
GET = ["GET", "HEAD"]


@dataclass(frozen=True)
class Site:
    """The app's shared parts, handed to every group of routes."""

    store: Store
    auth: Auth
    #: a :class:`View` as HTML, or as JSON when the request asks for it
    render: Callable[[Request, View], Response]
    #: an error page or ``{"error": message}`` with the given status (and headers)
    error: Callable[[Request, int, str, Mapping[str, str] | None], Response]
    wants_json: Callable[[Request], bool]
    #: runs store calls alone: no page reads while it runs (writes, and a write's own reads)
    locked: Callable[..., Any]
    #: runs store calls that only read, alongside other readers but never alongside a write
    shared: Callable[..., Any]

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` off the event loop, alone (see :attr:`locked`): for anything that writes."""
        result: T = await run_in_threadpool(self.locked, fn, *args)
        return result

    async def read(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` off the event loop, among other readers (see :attr:`shared`): for pages."""
        result: T = await run_in_threadpool(self.shared, fn, *args)
        return result

    def page(self, view_of: Callable[[Store, Query], View]) -> Endpoint:
        """An endpoint for a page drawn by ``view_of(store, query)`` from the request's query values."""

        async def endpoint(request: Request) -> Response:
            view = await self.read(view_of, self.store, query_of(request))
            return self.render(request, view)

        return endpoint

    def item(self, view_of: Callable[[Store, str], View], param: str) -> Endpoint:
        """An endpoint for a page drawn by ``view_of(store, id)`` from the path parameter ``param``."""

        async def endpoint(request: Request) -> Response:
            view = await self.read(view_of, self.store, str(request.path_params[param]))
            return self.render(request, view)

        return endpoint


def query_of(request: Request) -> Query:
    """The request's query values."""
    return Query(request.query_params.multi_items())
