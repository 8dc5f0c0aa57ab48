"""``/api``: the OpenAPI description as a page people read, drawn on the server (no script, no CDN).

Each operation is listed with its method, path, summary, query parameters, who may call it and the
statuses it answers; ``/openapi.json`` has the whole description for tools.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from kirok.web.site import Endpoint, Site
from kirok.web.views import View

__all__ = ["api_page_endpoint", "operations"]

_ACCESS = {
    (): "anyone",
    ("csrf",): "anyone, with the login form's token",
    ("session",): "a session",
    ("csrf", "session"): "a session and its CSRF token",
}


def operations(document: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The operations of an OpenAPI document as rows: by tag, then path, then method."""
    rows: list[dict[str, Any]] = []
    for path, described in document.get("paths", {}).items():
        for method, operation in described.items():
            schemes = tuple(sorted({name for need in operation.get("security", []) for name in need}))
            rows.append(
                {
                    "tag": (operation.get("tags") or ["other"])[0],
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary") or "",
                    "description": (operation.get("description") or "").split("\n\n")[0],
                    "parameters": [
                        p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"
                    ],
                    "body": sorted(operation.get("requestBody", {}).get("content", {})),
                    "access": _ACCESS.get(schemes, ", ".join(schemes)),
                    "statuses": sorted(operation.get("responses", {})),
                }
            )
    return sorted(rows, key=lambda r: (r["tag"], r["path"], r["method"]))


def api_page_endpoint(site: Site, document_of: Any) -> Endpoint:
    """The ``/api`` page; ``document_of(app)`` gives the app's OpenAPI description."""

    async def api_page(request: Request) -> Response:
        document: dict[str, Any] = document_of(request.app)
        rows = operations(document)
        data = {"openapi": f"{request.scope.get('root_path', '')}/openapi.json", "operations": rows}
        tags = list(dict.fromkeys(row["tag"] for row in rows))
        context = {"tags": tags, "info": document.get("info", {}), "openapi_version": document.get("openapi")}
        return site.render(request, View("api.html", "The JSON API", data, context))

    return api_page
