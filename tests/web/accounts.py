"""Staff accounts for the web tests, and logging a test client in through the real login form."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from kirok.auth import AuthPolicy, Role

#: argon2id at its smallest cost: the same code path, fast enough to log in in every test.
CHEAP = AuthPolicy(argon2_time_cost=1, argon2_memory_kib=8, argon2_parallelism=1)
PASSWORD = "a long test passphrase"
ADMIN, EDITOR, VIEWER = "admin-one", "editor-one", "viewer-one"
USERS = ((ADMIN, Role.ADMIN), (EDITOR, Role.EDITOR), (VIEWER, Role.VIEWER))


class Clock:
    """A clock the tests move by hand."""

    def __init__(self) -> None:
        self.now = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def login_token(client: TestClient) -> str:
    """The login form's CSRF token (and its cookie, now in the client)."""
    response = client.get("/login.json")
    assert response.status_code == 200, response.text
    token: str = response.json()["csrf_token"]
    return token


def log_in(client: TestClient, username: str, password: str = PASSWORD) -> str:
    """Log in through ``POST /login`` as a browser would; the session's CSRF token."""
    form = {"username": username, "password": password, "csrf_token": login_token(client), "next": "/"}
    response = client.post("/login", data=form, follow_redirects=False)
    assert response.status_code == 303, response.text
    session = client.get("/session.json")
    assert session.status_code == 200 and session.json()["account"]["username"] == username
    token: str = session.json()["csrf_token"]
    return token
