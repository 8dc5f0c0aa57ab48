"""Auth: adding and removing accounts, logging in and out, session expiry and login limits."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kirok.auth import AccountError, Auth, AuthPolicy, LoginRefused, Role, SQLiteAccounts
from kirok.auth.csrf import session_csrf_token
from kirok.auth.service import FIRST_ADMIN, WRONG_LOGIN
from kirok.auth.sessions import token_digest

from .clock import Clock
from .conftest import CHEAP, PASSWORD

HERE = "192.0.2.10"


def dump(db: Path) -> str:
    """Everything in the accounts tables, as text."""
    conn = sqlite3.connect(db)
    rows = [
        repr(row)
        for table in ("accounts", "sessions", "login_attempts")
        for row in conn.execute(f"SELECT * FROM {table}")  # noqa: S608 - fixed names
    ]
    conn.close()
    return "\n".join(rows)


def refused(auth: Auth, username: str, password: str, address: str = HERE) -> LoginRefused:
    with pytest.raises(LoginRefused) as caught:
        auth.login(username, password, address)
    return caught.value


# -- managing accounts -----------------------------------------------------------------------------


def test_add_user_stores_a_hash_and_never_the_password(auth: Auth, db: Path) -> None:
    account = auth.add_user("  Editor-One ", PASSWORD, Role.EDITOR)
    assert (account.username, account.role) == ("editor-one", Role.EDITOR)
    stored = auth.accounts.password_hash("editor-one")
    assert stored is not None and stored.startswith("$argon2id$")
    assert PASSWORD not in dump(db)
    assert PASSWORD.encode() not in db.read_bytes()


@pytest.mark.parametrize(
    ("name", "password", "message"),
    [
        ("", PASSWORD, "the username is empty"),
        ("x" * 65, PASSWORD, "too long: use at most 64"),
        ("two words", PASSWORD, "is not allowed"),
        ("-dash-first", PASSWORD, "is not allowed"),
        ("<script>", PASSWORD, "is not allowed"),
        ("editor-two", "too short", "too short"),
        ("editor-two", "y" * 1025, "too long: use at most 1024"),
    ],
)
def test_unusable_accounts_are_refused_and_nothing_is_stored(
    auth: Auth, db: Path, name: str, password: str, message: str
) -> None:
    with pytest.raises(AccountError, match=message):
        auth.add_user(name, password, Role.VIEWER)
    assert dump(db) == ""


def test_a_taken_name_is_refused(auth: Auth, db: Path) -> None:
    auth.add_user("editor-one", PASSWORD, Role.EDITOR)
    before = dump(db)
    with pytest.raises(AccountError, match="already an account named 'editor-one'.*kirok user passwd"):
        auth.add_user("EDITOR-ONE", "another long passphrase", Role.ADMIN)
    assert dump(db) == before


def test_change_password_ends_the_sessions(auth: Auth) -> None:
    auth.add_user("editor-one", PASSWORD, Role.EDITOR)
    token = auth.login("editor-one", PASSWORD, HERE).token
    auth.change_password("editor-one", "a brand new passphrase")
    assert auth.session(token) is None
    assert refused(auth, "editor-one", PASSWORD).message == WRONG_LOGIN
    assert auth.login("editor-one", "a brand new passphrase", HERE).account.username == "editor-one"
    with pytest.raises(AccountError, match="no account named 'nobody'"):
        auth.change_password("nobody", "a brand new passphrase")


def test_remove_user_ends_the_sessions_but_not_the_last_admin(auth: Auth) -> None:
    auth.add_user("admin-one", PASSWORD, Role.ADMIN)
    auth.add_user("editor-one", PASSWORD, Role.EDITOR)
    token = auth.login("editor-one", PASSWORD, HERE).token
    assert auth.remove_user("editor-one").username == "editor-one"
    assert auth.session(token) is None
    with pytest.raises(AccountError, match="'admin-one' is the last admin"):
        auth.remove_user("admin-one")
    auth.add_user("admin-two", PASSWORD, Role.ADMIN)
    auth.remove_user("admin-one")
    assert [a.username for a in auth.list_users()] == ["admin-two"]
    with pytest.raises(AccountError, match="no account named 'admin-one'"):
        auth.remove_user("admin-one")


def test_the_first_admin_is_made_once(auth: Auth) -> None:
    password = auth.create_first_admin()
    assert password is not None and len(password) == 20
    assert auth.create_first_admin() is None
    assert [(a.username, a.role) for a in auth.list_users()] == [(FIRST_ADMIN, Role.ADMIN)]
    assert auth.login(FIRST_ADMIN, password, HERE).account.role is Role.ADMIN


def test_no_first_admin_when_there_are_accounts(auth: Auth) -> None:
    auth.add_user("viewer-one", PASSWORD, Role.VIEWER)
    assert auth.create_first_admin() is None
    assert [a.username for a in auth.list_users()] == ["viewer-one"]


# -- logging in ------------------------------------------------------------------------------------


def test_login_makes_a_session_whose_token_is_not_stored(auth: Auth, db: Path) -> None:
    auth.add_user("editor-one", PASSWORD, Role.EDITOR)
    done = auth.login(" Editor-One", PASSWORD, HERE)
    assert done.account.username == "editor-one" and done.csrf_token == session_csrf_token(done.token)
    assert done.token not in dump(db) and token_digest(done.token) in dump(db)
    assert done.token not in repr(done)
    current = auth.session(done.token)
    assert current is not None and current.account == done.account and current.csrf_token == done.csrf_token


def test_unknown_user_and_wrong_password_get_the_same_answer(auth: Auth, db: Path) -> None:
    auth.add_user("editor-one", PASSWORD, Role.EDITOR)
    wrong = refused(auth, "editor-one", "not the passphrase")
    unknown = refused(auth, "editor-none", "not the passphrase")
    assert (wrong.status, wrong.message) == (unknown.status, unknown.message) == (401, WRONG_LOGIN)
    rows = dump(db)
    assert "editor-none" not in rows and "not the passphrase" not in rows  # typed names may be passwords


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("", PASSWORD, "Enter your username and your password."),
        ("editor-one", "", "Enter your username and your password."),
        ("e" * 65, PASSWORD, "usernames have at most 64 characters"),
        ("editor-one", "p" * 1025, "passwords have at most 1024 characters"),
    ],
)
def test_unusable_login_input_is_400_and_nothing_is_stored(
    auth: Auth, db: Path, username: str, password: str, message: str
) -> None:
    auth.add_user("editor-one", PASSWORD, Role.EDITOR)
    before = dump(db)
    answer = refused(auth, username, password)
    assert answer.status == 400 and message in answer.message
    assert dump(db) == before


def test_a_hash_with_old_costs_is_upgraded_at_login(db: Path, clock: Clock) -> None:
    with SQLiteAccounts(db) as accounts:
        Auth(accounts, AuthPolicy(argon2_time_cost=2, argon2_memory_kib=16, argon2_parallelism=1)).add_user(
            "editor-one", PASSWORD, Role.EDITOR
        )
        old = accounts.password_hash("editor-one")
        auth = Auth(accounts, CHEAP, clock=clock)
        auth.login("editor-one", PASSWORD, HERE)
        new = accounts.password_hash("editor-one")
        assert old is not None and new is not None and old != new and "m=8,t=1,p=1" in new
        account = accounts.get_account("editor-one")
        assert account is not None and account.password_changed_at == account.created_at


# -- sessions --------------------------------------------------------------------------------------


def test_a_session_ends_after_the_idle_limit(auth: Auth, clock: Clock) -> None:
    auth.add_user("editor-one", PASSWORD, Role.EDITOR)
    token = auth.login("editor-one", PASSWORD, HERE).token
    clock.advance(hours=1, minutes=59)
    assert auth.session(token) is not None  # and this use moves the idle limit on
    clock.advance(hours=1, minutes=59)
    assert auth.session(token) is not None
    clock.advance(hours=2, seconds=1)
    assert auth.session(token) is None
    assert auth.accounts.get_session(token_digest(token)) is None


def test_a_session_ends_after_the_absolute_limit_however_busy(auth: Auth, clock: Clock) -> None:
    auth.add_user("editor-one", PASSWORD, Role.EDITOR)
    token = auth.login("editor-one", PASSWORD, HERE).token
    for _ in range(11):
        clock.advance(hours=1)
        assert auth.session(token) is not None
    clock.advance(hours=1, seconds=1)
    assert auth.session(token) is None


def test_logout_ends_only_that_session(auth: Auth) -> None:
    auth.add_user("editor-one", PASSWORD, Role.EDITOR)
    one = auth.login("editor-one", PASSWORD, HERE).token
    two = auth.login("editor-one", PASSWORD, HERE).token
    assert auth.logout(one) and not auth.logout(one)
    assert auth.session(one) is None and auth.session(two) is not None
    assert not auth.logout(None) and not auth.logout("not-a-token")


@pytest.mark.parametrize("token", [None, "", "garbage", "a" * 43, "a" * 10_000])
def test_unknown_or_malformed_tokens_open_nothing(auth: Auth, token: str | None) -> None:
    assert auth.session(token) is None


# -- rate limits -----------------------------------------------------------------------------------


def test_five_failures_lock_the_username_for_the_rest_of_the_window(auth: Auth, clock: Clock) -> None:
    auth.add_user("editor-one", PASSWORD, Role.EDITOR)
    for n in range(5):
        clock.advance(minutes=1)
        assert refused(auth, "editor-one", f"guess number {n}", f"198.51.100.{n}").status == 401
    locked = refused(auth, "editor-one", PASSWORD, "203.0.113.7")  # the right password, elsewhere
    assert locked.status == 429 and locked.retry_after == 11 * 60
    assert "Try again in 11 minutes" in locked.message
    clock.advance(minutes=11)
    assert auth.login("editor-one", PASSWORD, "203.0.113.7").account.username == "editor-one"


def test_a_success_restarts_the_username_count(auth: Auth, clock: Clock) -> None:
    auth.add_user("editor-one", PASSWORD, Role.EDITOR)
    for _ in range(4):
        refused(auth, "editor-one", "a wrong guess here")
    auth.login("editor-one", PASSWORD, HERE)
    for _ in range(4):
        assert refused(auth, "editor-one", "a wrong guess here").status == 401


def test_unknown_usernames_are_limited_like_known_ones(auth: Auth) -> None:
    for _ in range(5):
        assert refused(auth, "editor-none", "a wrong guess here", "198.51.100.1").status == 401
    assert refused(auth, "editor-none", "a wrong guess here", "198.51.100.2").status == 429


def test_twenty_failures_from_one_address_lock_the_address(auth: Auth, clock: Clock) -> None:
    auth.add_user("editor-one", PASSWORD, Role.EDITOR)
    for n in range(20):
        assert refused(auth, f"someone-{n}", "a wrong guess here").status == 401
    blocked = refused(auth, "editor-one", PASSWORD)
    assert blocked.status == 429 and blocked.retry_after is not None and blocked.retry_after <= 15 * 60
    assert auth.login("editor-one", PASSWORD, "192.0.2.99").account.username == "editor-one"
    clock.advance(minutes=15)
    assert auth.login("editor-one", PASSWORD, HERE).account.username == "editor-one"


def test_old_attempts_are_pruned(auth: Auth, clock: Clock, db: Path) -> None:
    refused(auth, "editor-none", "a wrong guess here")
    clock.advance(days=1, minutes=1)
    refused(auth, "editor-none", "a wrong guess here")
    assert dump(db).count("192.0.2.10") == 1


# -- policy ----------------------------------------------------------------------------------------


def test_policy_from_the_environment() -> None:
    policy = AuthPolicy.from_env(
        {"KIROK_SECURE_COOKIES": "1", "KIROK_SESSION_IDLE_MINUTES": "30", "KIROK_SESSION_MAX_HOURS": "8"}
    )
    assert policy.secure_cookies and policy.sessions.idle.total_seconds() == 1800
    assert policy.sessions.absolute.total_seconds() == 8 * 3600
    assert AuthPolicy.from_env({}) == AuthPolicy()


@pytest.mark.parametrize(
    "env",
    [
        {"KIROK_SECURE_COOKIES": "maybe"},
        {"KIROK_SESSION_IDLE_MINUTES": "0"},
        {"KIROK_SESSION_MAX_HOURS": "x"},
    ],
)
def test_bad_policy_settings_are_one_clear_error(env: dict[str, str]) -> None:
    from kirok.errors import ConfigError

    name = next(iter(env))
    with pytest.raises(ConfigError, match=name):
        AuthPolicy.from_env(env)
