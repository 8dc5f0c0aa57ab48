"""The app's OpenAPI description, served at ``/openapi.json`` behind the session like every page.

:func:`openapi_document` describes every FastAPI path operation of the app, those of every feature's
router included, and adds what FastAPI cannot know: the security (the session cookie; the
``X-CSRF-Token`` header on every unsafe method; none for login and health) and the refusals that the
session gate answers (401, 403). A ``.json`` route that a feature registered as a plain Starlette route
(or left out of the schema) is described too, as an operation answering a JSON object, so no JSON route
is left out.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import iter_route_contexts
from pydantic import TypeAdapter

import kirok
from kirok.auth.csrf import CSRF_HEADER
from kirok.web.api_models import ApiError
from kirok.web.security import PUBLIC_PATHS, SAFE_METHODS, SESSION_COOKIE

__all__ = ["NOT_DESCRIBED", "OPENAPI_PATH", "openapi_document"]

OPENAPI_PATH = "/openapi.json"
#: JSON paths that are not API operations: the description itself and the rows of its page.
NOT_DESCRIBED = frozenset({OPENAPI_PATH, "/api.json"})

_ERROR: dict[str, Any] = {
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ApiError"}}}
}
_PATH_PARAMETER = re.compile(r"{(\w+)(?::\w+)?}")

_DESCRIPTION = """Kirok's record of events, as JSON. Every HTML page of the app has a JSON twin here.

Log in first: `GET /login.json` gives the login form's token; `POST /login.json` with
`{"username": ..., "password": ...}` and that token in the `X-CSRF-Token` header sets the session
cookie and answers the session's own token. Send the cookie with every request, and the session's
token in `X-CSRF-Token` with every POST, PUT, PATCH and DELETE. Victims' names are never in any answer.
"""

_SECURITY_SCHEMES = {
    "session": {
        "type": "apiKey",
        "in": "cookie",
        "name": SESSION_COOKIE,
        "description": "The session cookie set by POST /login.json (HttpOnly, SameSite=Strict).",
    },
    "csrf": {
        "type": "apiKey",
        "in": "header",
        "name": CSRF_HEADER,
        "description": (
            "The session's CSRF token (`csrf_token` of GET /session.json) on every unsafe method; "
            "for POST /login.json, the login form's token of GET /login.json."
        ),
    },
}


def openapi_document(app: FastAPI) -> dict[str, Any]:
    """The app's OpenAPI description, built once: every path operation, with its security."""
    if app.openapi_schema is None:
        document = get_openapi(
            title="Kirok",
            version=kirok.__version__,
            description=_DESCRIPTION,
            routes=app.routes,
        )
        components = document.setdefault("components", {})
        components["securitySchemes"] = _SECURITY_SCHEMES
        schemas = components.setdefault("schemas", {})
        schemas.setdefault("ApiError", TypeAdapter(ApiError).json_schema())
        _describe_plain_json_routes(app, document)
        for path, operations in document.get("paths", {}).items():
            for method, operation in operations.items():
                _secure(path, method.upper(), operation)
        app.openapi_schema = document
    return app.openapi_schema


def _secure(path: str, method: str, operation: dict[str, Any]) -> None:
    """The operation's security requirement, and the refusals every protected operation may answer."""
    error = _ERROR
    responses = operation.setdefault("responses", {})
    unsafe = method not in SAFE_METHODS
    if path in PUBLIC_PATHS:
        operation["security"] = [{"csrf": []}] if unsafe else []
    else:
        operation["security"] = [{"session": [], "csrf": []}] if unsafe else [{"session": []}]
        responses.setdefault("401", {"description": "No session, or it has expired.", **error})
    if unsafe:
        responses.setdefault(
            "403", {"description": "A missing or wrong CSRF token, or a role that may not do this.", **error}
        )


def _describe_plain_json_routes(app: FastAPI, document: dict[str, Any]) -> None:
    """Operations for the ``.json`` routes not described yet: plain routes, or path operations left out
    of the schema (their answers: a JSON object)."""
    paths = document.setdefault("paths", {})
    for route in iter_route_contexts(app.routes):
        path = route.path or ""
        if not path.endswith(".json") or path in NOT_DESCRIBED:
            continue
        key = _PATH_PARAMETER.sub(r"{\1}", path)
        endpoint = route.endpoint
        doc = (getattr(endpoint, "__doc__", None) or "").strip().split("\n\n")[0]
        name = getattr(endpoint, "__name__", "json").replace("_", " ")
        for method in sorted((route.methods or set()) - {"HEAD"}):
            paths.setdefault(key, {}).setdefault(
                method.lower(),
                {
                    "tags": ["other"],
                    "summary": name[:1].upper() + name[1:],
                    **({"description": doc} if doc else {}),
                    "operationId": f"{method.lower()}_{re.sub(r'[^a-z0-9]+', '_', key.lower()).strip('_')}",
                    "parameters": [
                        {"name": n, "in": "path", "required": True, "schema": {"type": "string"}}
                        for n in _PATH_PARAMETER.findall(path)
                    ],
                    "responses": {
                        "200": {
                            "description": "The page's JSON.",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        },
                        "400": {"description": "A query value that cannot be used.", **_ERROR},
                        "404": {"description": "No such page or id.", **_ERROR},
                    },
                },
            )
