"""Login, logout and the session's JSON: the only routes that create or end sessions.

``GET /login`` (``.json``): the login form and its CSRF token (also set in the ``kirok_login`` cookie).
``POST /login``: a form (``username``, ``password``, ``csrf_token``, ``next``) or JSON
(``{"username": ..., "password": ...}`` with the token in ``X-CSRF-Token``); on success the session
cookie is set and the browser goes to ``next`` (a local path only), a JSON client gets the account
and the session's CSRF token. ``POST /logout`` ends the session. ``GET /session.json``: who is logged
in, the role, the CSRF token for ``X-CSRF-Token``, and when the session ends if left idle.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from kirok.auth.accounts import Account
from kirok.auth.csrf import new_login_token
from kirok.auth.service import Auth, CurrentSession, LoginRefused
from kirok.auth.sessions import well_formed_token
from kirok.web.security import LOGIN_COOKIE, SESSION_COOKIE, safe_next
from kirok.web.views import PageError, View

__all__ = ["MAX_LOGIN_BODY_BYTES", "auth_routes"]

#: A login body larger than this is refused unread (a password has at most 1024 characters).
MAX_LOGIN_BODY_BYTES = 16 * 1024

Render = Callable[[Request, View], Response]
Endpoint = Callable[[Request], Any]

_MESSAGES = {
    "expired": "Your session has expired or was ended. Log in again.",
    "logged_out": "You have logged out.",
}


def _account_json(account: Account) -> dict[str, str]:
    return {"username": account.username, "role": account.role.value}


def _root(request: Request) -> str:
    return str(request.scope.get("root_path", ""))


def _secure(request: Request, auth: Auth) -> bool:
    return auth.policy.secure_cookies or request.url.scheme == "https"


def _login_view(
    token: str, nxt: str, *, message: str | None, error: bool, username: str = "", status: int = 200
) -> View:
    data = {"csrf_token": token, "next": nxt[:2000], "message": message}
    context = {"login_token": token, "message_is_error": error, "username": username}
    return View("login.html", "Log in", data, context, status=status)


async def _read_login(request: Request) -> dict[str, str]:
    """The login fields from a urlencoded form or a JSON object; :class:`PageError` otherwise."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_LOGIN_BODY_BYTES:
            raise PageError(413, "The login form is too large.")
    content_type = request.headers.get("content-type", "").lower()
    if content_type.startswith("application/x-www-form-urlencoded"):
        fields = dict(reversed(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)))
    elif content_type.startswith("application/json"):
        try:
            parsed = json.loads(body)
        except ValueError:
            raise PageError(400, "The login body is not JSON.") from None
        if not isinstance(parsed, dict):
            raise PageError(400, "The login body must be a JSON object with username and password.")
        fields = {k: v for k, v in parsed.items() if isinstance(k, str) and isinstance(v, str)}
    else:
        raise PageError(415, "Send the login as a form or as JSON.")
    return fields


def auth_routes(
    auth: Auth, render: Render, wants_json: Callable[[Request], bool]
) -> list[tuple[str, Endpoint, list[str]]]:
    """The routes, as ``(path, endpoint, methods)``; ``render`` draws a :class:`View` as HTML or JSON."""

    def as_json(request: Request) -> bool:
        content_type = request.headers.get("content-type", "").lower()
        return wants_json(request) or content_type.startswith("application/json")

    def set_login_cookie(request: Request, response: Response, token: str) -> None:
        response.set_cookie(
            LOGIN_COOKIE,
            token,
            path=_root(request) or "/",
            secure=_secure(request, auth),
            httponly=True,
            samesite="strict",
        )

    async def login_page(request: Request) -> Response:
        current: CurrentSession | None = request.state.session
        json_wanted = as_json(request)
        if current is not None and not json_wanted:
            return RedirectResponse(safe_next(request.query_params.get("next"), _root(request)), 303)
        existing = request.cookies.get(LOGIN_COOKIE)
        token = existing if existing is not None and well_formed_token(existing) else new_login_token()
        flag = next((k for k in _MESSAGES if request.query_params.get(k)), None)
        nxt = request.query_params.get("next", "")
        view = _login_view(token, nxt, message=_MESSAGES[flag] if flag else None, error=flag == "expired")
        if json_wanted:
            account = _account_json(current.account) if current else None
            response: Response = JSONResponse({**view.data, "account": account})
        else:
            response = render(request, view)
        set_login_cookie(request, response, token)
        return response

    async def login(request: Request) -> Response:
        fields = await _read_login(request)
        username = fields.get("username", "")
        address = request.client.host if request.client else "unknown"
        try:
            done = await run_in_threadpool(auth.login, username, fields.get("password", ""), address)
        except LoginRefused as refused:
            if as_json(request):
                response: Response = JSONResponse({"error": refused.message}, status_code=refused.status)
            else:
                token = request.cookies.get(LOGIN_COOKIE) or new_login_token()
                view = _login_view(
                    token,
                    fields.get("next", ""),
                    message=refused.message,
                    error=True,
                    username=username[:64],
                    status=refused.status,
                )
                response = render(request, view)
            if refused.retry_after is not None:
                response.headers["Retry-After"] = str(refused.retry_after)
            return response
        old = request.cookies.get(SESSION_COOKIE)
        if old:
            await run_in_threadpool(auth.logout, old)
        root = _root(request)
        if as_json(request):
            response = JSONResponse({"account": _account_json(done.account), "csrf_token": done.csrf_token})
        else:
            response = RedirectResponse(safe_next(fields.get("next"), root), status_code=303)
        response.set_cookie(
            SESSION_COOKIE,
            done.token,
            max_age=int(auth.policy.sessions.absolute.total_seconds()),
            path=root or "/",
            secure=_secure(request, auth),
            httponly=True,
            samesite="strict",
        )
        response.delete_cookie(LOGIN_COOKIE, path=root or "/", httponly=True, samesite="strict")
        return response

    async def logout(request: Request) -> Response:
        await run_in_threadpool(auth.logout, request.cookies.get(SESSION_COOKIE))
        root = _root(request)
        if as_json(request):
            response: Response = JSONResponse({"status": "logged out"})
        else:
            response = RedirectResponse(f"{root}/login?logged_out=1", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path=root or "/", httponly=True, samesite="strict")
        return response

    async def session(request: Request) -> Response:
        current: CurrentSession = request.state.session
        return JSONResponse(
            {
                "account": _account_json(current.account),
                "csrf_token": current.csrf_token,
                "expires_at": current.expires_at.isoformat(),
            }
        )

    # The .json variants of these (and /session.json's description) are path operations of kirok.web.api,
    # which calls these same endpoints.
    return [
        ("/login", login_page, ["GET", "HEAD"]),
        ("/login", login, ["POST"]),
        ("/logout", logout, ["POST"]),
        ("/session.json", session, ["GET", "HEAD"]),
    ]
