"""The session gate: no page without a session, no state change without the session's CSRF token.

:class:`AuthGate` is an ASGI middleware in front of every route. For each request it

- looks up the session cookie and puts the account on ``request.state`` (``account``, ``session``,
  ``csrf_token``; all None without a session);
- turns away requests without a live session, except :data:`PUBLIC_PATHS` and ``/static/``: an HTML
  request is redirected to the login page (with ``next`` for a GET, and ``expired=1`` when the cookie
  named a session that has ended), a JSON request gets 401;
- refuses every POST, PUT, PATCH and DELETE (anything but GET, HEAD, OPTIONS) that comes from another
  origin or does not carry the session's CSRF token, in the ``X-CSRF-Token`` header or the form field
  ``csrf_token`` (urlencoded forms: anywhere; multipart forms: the first field). ``POST /login``
  carries the login form's token instead, which must match the ``kirok_login`` cookie.

Routes then use :func:`require` for roles and :func:`current_account` for the actor of a change.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kirok.auth.accounts import Account
from kirok.auth.csrf import CSRF_FIELD, CSRF_HEADER, tokens_match
from kirok.auth.roles import Role
from kirok.auth.service import Auth, CurrentSession
from kirok.errors import KirokError

__all__ = [
    "LOGIN_COOKIE",
    "PUBLIC_PATHS",
    "SAFE_METHODS",
    "SESSION_COOKIE",
    "AuthGate",
    "current_account",
    "is_public",
    "require",
    "safe_next",
    "template_context",
]

log = logging.getLogger(__name__)

#: The session cookie: the session token, HttpOnly, SameSite=Strict.
SESSION_COOKIE = "kirok_session"
#: The login form's CSRF cookie (there is no session yet to tie the token to).
LOGIN_COOKIE = "kirok_login"
#: Paths answered without a session (besides everything under ``/static/``).
PUBLIC_PATHS = frozenset({"/login", "/login.json", "/health", "/health.json"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
#: An urlencoded form body is read whole to find its token; larger ones are refused (413).
MAX_FORM_BYTES = 1024 * 1024
#: The first part of a multipart body (the token) must arrive within this many bytes.
MAX_MULTIPART_HEAD_BYTES = 64 * 1024

Refuse = Callable[[Request, int, str, Mapping[str, str] | None], Response]

_BOUNDARY = re.compile(r'boundary="?([^";,]+)"?', re.IGNORECASE)
_FIELD_NAME = re.compile(rb'\bname="([^"]*)"', re.IGNORECASE)


def is_public(path: str) -> bool:
    """True for the paths answered without a session (``path`` without the app's root path)."""
    return path in PUBLIC_PATHS or path.startswith("/static/")


def safe_next(value: str | None, root: str = "") -> str:
    """Where to go after login: a path on this site (``root`` + a local path), never another site."""
    fallback = f"{root}/"
    if not value or len(value) > 2000 or not value.startswith("/") or value.startswith("//"):
        return fallback
    if "\\" in value or any(ord(c) < 32 or ord(c) == 127 for c in value):
        return fallback
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return fallback
    if parts.path in ("/login", "/login.json", "/logout"):
        return fallback
    return f"{root}{value}"


def current_account(request: Request) -> Account:
    """The logged-in account of this request (the actor to record); 401 when there is none."""
    account = getattr(request.state, "account", None)
    if not isinstance(account, Account):
        raise HTTPException(401, "Log in first.")
    return account


def require(role: Role) -> Callable[[Request], Account]:
    """A check that the logged-in account has at least ``role``: returns the account, or raises 403.

    Call it at the top of a route, before anything changes: ``account = require(Role.EDITOR)(request)``,
    or declare it as a FastAPI dependency: ``Depends(require(Role.EDITOR))``.
    """

    def check(request: Request) -> Account:
        account = current_account(request)
        if not account.role.allows(role):
            raise HTTPException(
                403,
                f"Your account {account.username!r} is a {account.role.value}; this needs an "
                f"{role.value} account or higher. Nothing was changed.",
            )
        return account

    check.__name__ = f"require_{role.value}"
    return check


def template_context(request: Request) -> dict[str, Any]:
    """What every template gets: ``account`` (or None), ``csrf_token`` and ``csrf_field`` for forms."""
    return {
        "account": getattr(request.state, "account", None),
        "csrf_token": getattr(request.state, "csrf_token", None),
        "csrf_field": CSRF_FIELD,
    }


def _replaying(messages: list[Message], receive: Receive) -> Receive:
    """A ``receive`` that first gives back the body messages already read."""
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay


def _first_multipart_field(body: bytes, boundary: bytes) -> tuple[bool, str | None]:
    """(whether the first part is complete in ``body``, the token if that part is the CSRF field)."""
    delimiter = b"--" + boundary
    start = body.find(delimiter)
    if start < 0:
        return False, None
    end = body.find(b"\r\n" + delimiter, start + len(delimiter))
    if end < 0:
        return False, None
    head, _, value = body[start + len(delimiter) : end].removeprefix(b"\r\n").partition(b"\r\n\r\n")
    name = _FIELD_NAME.search(head)
    if name is None or name.group(1) != CSRF_FIELD.encode("ascii"):
        return True, None
    return True, value.decode("ascii", "replace")


class _TooLarge(Exception):
    pass


class AuthGate:
    """ASGI middleware: sessions, the login redirect, and the CSRF check, for every route."""

    def __init__(
        self, app: ASGIApp, *, auth: Auth, refuse: Refuse, wants_json: Callable[[Request], bool]
    ) -> None:
        self.app = app
        self.auth = auth
        self.refuse = refuse
        self.wants_json = wants_json

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":  # there are none; refuse rather than reach the router
            await send({"type": "websocket.close", "code": 1008})
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        root = scope.get("root_path", "")
        path = request.url.path.removeprefix(root) or "/"
        token = request.cookies.get(SESSION_COOKIE)
        try:
            current = await run_in_threadpool(self.auth.session, token) if token else None
        except KirokError as error:
            log.error("session lookup failed: %s", error)
            await self.refuse(request, 500, str(error), None)(scope, receive, send)
            return
        self._expose(scope, current)
        if current is None and not is_public(path):
            await self._turn_away(request, path, expired=token is not None)(scope, receive, send)
            return
        if request.method not in SAFE_METHODS:
            checked = await self._check_csrf(request, path, current, receive)
            if isinstance(checked, Response):
                await checked(scope, receive, send)
                return
            receive = checked
        await self.app(scope, receive, self._no_store(send) if not path.startswith("/static/") else send)

    @staticmethod
    def _expose(scope: Scope, current: CurrentSession | None) -> None:
        state = scope.setdefault("state", {})
        state["session"] = current
        state["account"] = current.account if current else None
        state["csrf_token"] = current.csrf_token if current else None

    def _turn_away(self, request: Request, path: str, *, expired: bool) -> Response:
        if self.wants_json(request):
            message = "Your session has expired; log in again." if expired else "Log in first."
            return self.refuse(request, 401, message, None)
        root = request.scope.get("root_path", "")
        target = path + (f"?{request.url.query}" if request.url.query else "")
        query = [f"next={quote(target, safe='')}"] if request.method in ("GET", "HEAD") else []
        query += ["expired=1"] if expired else []
        location = f"{root}/login" + (f"?{'&'.join(query)}" if query else "")
        response = RedirectResponse(location, status_code=303)
        if expired:
            response.delete_cookie(SESSION_COOKIE, path=root or "/", httponly=True, samesite="strict")
        return response

    async def _check_csrf(
        self, request: Request, path: str, current: CurrentSession | None, receive: Receive
    ) -> Response | Receive:
        """The ``receive`` to go on with (body replayed), or the refusal to send."""
        origin = request.headers.get("origin")
        if origin is not None and origin != f"{request.url.scheme}://{request.url.netloc}":
            return self.refuse(request, 403, "This request came from another site and was refused.", None)
        if path in ("/login", "/login.json"):
            expected = request.cookies.get(LOGIN_COOKIE)
        else:
            expected = current.csrf_token if current else None
        try:
            sent, receive = await self._sent_token(request, receive)
        except _TooLarge:
            return self.refuse(request, 413, "The form is too large.", None)
        if not tokens_match(sent, expected):
            message = (
                "The form's security token is missing or does not match your session, so nothing was "
                "changed. Reload the page and try again."
            )
            return self.refuse(request, 403, message, None)
        return receive

    async def _sent_token(self, request: Request, receive: Receive) -> tuple[str | None, Receive]:
        header = request.headers.get(CSRF_HEADER)
        if header is not None:
            return header, receive
        content_type = request.headers.get("content-type", "").lower()
        if content_type.startswith("application/x-www-form-urlencoded"):
            messages, body, _ = await self._read(receive, MAX_FORM_BYTES, None)
            fields = parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
            sent = next((v for k, v in fields if k == CSRF_FIELD), None)
            return sent, _replaying(messages, receive)
        if content_type.startswith("multipart/form-data"):
            found = _BOUNDARY.search(request.headers.get("content-type", ""))
            if found is None:
                return None, receive
            boundary = found.group(1).encode("latin-1")
            messages, _, sent = await self._read(receive, MAX_MULTIPART_HEAD_BYTES, boundary)
            return sent, _replaying(messages, receive)
        return None, receive

    @staticmethod
    async def _read(
        receive: Receive, limit: int, boundary: bytes | None
    ) -> tuple[list[Message], bytes, str | None]:
        """Read body messages: all of them (urlencoded), or up to the end of the first multipart part."""
        messages: list[Message] = []
        body = b""
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                return messages, body, None
            body += message.get("body", b"")
            if boundary is not None:
                complete, sent = _first_multipart_field(body, boundary)
                if complete:
                    return messages, body, sent
            if len(body) > limit:
                if boundary is None:
                    raise _TooLarge
                return messages, body, None
            if not message.get("more_body", False):
                return messages, body, None

    @staticmethod
    def _no_store(send: Send) -> Callable[[Message], Awaitable[None]]:
        async def send_no_store(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Cache-Control", "no-store")
            await send(message)

        return send_no_store
