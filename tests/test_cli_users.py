"""``kirok user add/remove/passwd/list`` in-process against a real SQLite file, and ``kirok serve``'s
first account, as a real process."""

from __future__ import annotations

import sqlite3

import pytest

from conftest import Ran, RunKirok
from kirok.auth import Auth, AuthPolicy, Role, SQLiteAccounts
from kirok.cli_users import announce_first_admin
from kirok.settings import Settings

PASSWORD = "a long test passphrase"


def accounts_table(settings: Settings) -> list[tuple[str, str]]:
    if not settings.db_path.exists():
        return []
    conn = sqlite3.connect(settings.db_path)
    try:
        return [
            (str(r[0]), str(r[1])) for r in conn.execute("SELECT username, role FROM accounts ORDER BY 1")
        ]
    finally:
        conn.close()


def no_secrets(ran: Ran, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in ran.stdout and secret not in ran.stderr
    assert "$argon2" not in ran.stdout + ran.stderr and "Traceback" not in ran.stderr


def add(kirok: RunKirok, name: str, role: str = "editor", password: str = PASSWORD) -> Ran:
    return kirok("user", "add", name, "--role", role, "--password-stdin", stdin=password + "\n")


def test_add_from_stdin_and_list(kirok: RunKirok, settings: Settings) -> None:
    ran = add(kirok, "Editor-One")
    assert (ran.code, ran.err_lines) == (0, ["account 'editor-one' added as editor"])
    assert add(kirok, "admin-one", "admin").code == 0
    listed = kirok("user", "list")
    assert listed.code == 0
    lines = listed.stdout.splitlines()
    assert lines[0].split() == ["username", "role", "created", "password", "changed", "sessions"]
    assert [line.split()[:2] for line in lines[1:]] == [["admin-one", "admin"], ["editor-one", "editor"]]
    assert [line.split()[-1] for line in lines[1:]] == ["0", "0"]
    no_secrets(listed, PASSWORD)
    assert accounts_table(settings) == [("admin-one", "admin"), ("editor-one", "editor")]
    assert PASSWORD.encode() not in settings.db_path.read_bytes()


def test_add_asks_twice_for_a_hidden_password(kirok: RunKirok, settings: Settings) -> None:
    ran = kirok("user", "add", "viewer-one", "--role", "viewer", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert ran.code == 0 and "Password: " in ran.stdout and "Repeat the password: " in ran.stdout
    no_secrets(ran, PASSWORD)
    with SQLiteAccounts(settings.db_path) as accounts:
        assert Auth(accounts).login("viewer-one", PASSWORD, "cli-test").account.role is Role.VIEWER


def test_passwords_that_differ_store_nothing(kirok: RunKirok, settings: Settings) -> None:
    ran = kirok("user", "add", "viewer-one", "--role", "viewer", stdin=f"{PASSWORD}\nsomething else\n")
    assert ran.code == 130 and "The two entered values do not match" in ran.stdout
    assert ran.err_lines[-1] == "kirok: aborted"
    assert accounts_table(settings) == []


@pytest.mark.parametrize(
    ("name", "password", "message"),
    [
        ("viewer one", PASSWORD, "kirok: the username 'viewer one' is not allowed"),
        ("v" * 65, PASSWORD, "kirok: the username is too long: use at most 64 characters [K500]"),
        ("viewer-one", "pw-9chars", "kirok: the password is too short: use at least 10 characters [K500]"),
        ("viewer-one", "p" * 1025, "kirok: the password is too long: use at most 1024 characters [K500]"),
    ],
)
def test_unusable_names_and_passwords_are_one_line(
    kirok: RunKirok, settings: Settings, name: str, password: str, message: str
) -> None:
    ran = add(kirok, name, password=password)
    assert ran.code == 2 and len(ran.err_lines) == 1 and ran.err_lines[0].startswith(message)
    no_secrets(ran, password)
    assert accounts_table(settings) == []


def test_a_taken_name_is_one_line_and_changes_nothing(kirok: RunKirok, settings: Settings) -> None:
    add(kirok, "editor-one")
    ran = add(kirok, "editor-one", "admin", "another long passphrase")
    assert ran.code == 2
    assert ran.err_lines == [
        "kirok: there is already an account named 'editor-one'; change its password with "
        "'kirok user passwd editor-one' [K500]"
    ]
    assert accounts_table(settings) == [("editor-one", "editor")]


def test_bad_role_and_empty_stdin_are_usage_errors(kirok: RunKirok, settings: Settings) -> None:
    ran = kirok("user", "add", "x-one", "--role", "owner", "--password-stdin", stdin=PASSWORD)
    assert ran.code == 2 and "'owner' is not one of 'viewer', 'editor', 'admin'" in ran.stderr
    empty = kirok("user", "add", "x-one", "--role", "viewer", "--password-stdin", stdin="")
    assert empty.code == 2 and "stdin is empty" in empty.stderr
    assert accounts_table(settings) == []


def test_passwd_changes_the_password_and_ends_sessions(kirok: RunKirok, settings: Settings) -> None:
    add(kirok, "editor-one")
    with SQLiteAccounts(settings.db_path) as accounts:
        token = Auth(accounts).login("editor-one", PASSWORD, "cli-test").token
    ran = kirok("user", "passwd", "editor-one", "--password-stdin", stdin="a brand new passphrase\n")
    assert ran.code == 0 and ran.err_lines == ["password of 'editor-one' changed; its sessions have ended"]
    no_secrets(ran, "a brand new passphrase", token)
    with SQLiteAccounts(settings.db_path) as accounts:
        auth = Auth(accounts)
        assert auth.session(token) is None
        assert auth.login("editor-one", "a brand new passphrase", "cli-test").account.username == "editor-one"


def test_passwd_of_an_unknown_account_says_so_before_asking(kirok: RunKirok) -> None:
    ran = kirok("user", "passwd", "nobody-here", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert ran.code == 2 and "Password" not in ran.stdout
    assert ran.err_lines == ["kirok: there is no account named 'nobody-here'; see 'kirok user list' [K500]"]


def test_remove(kirok: RunKirok, settings: Settings) -> None:
    add(kirok, "admin-one", "admin")
    add(kirok, "editor-one")
    assert kirok("user", "remove", "editor-one").err_lines == ["account 'editor-one' removed"]
    last = kirok("user", "remove", "admin-one")
    assert last.code == 2 and last.err_lines == [
        "kirok: 'admin-one' is the last admin; add another admin before removing it [K500]"
    ]
    unknown = kirok("user", "remove", "editor-one")
    assert unknown.code == 2 and "no account named 'editor-one'" in unknown.stderr
    assert accounts_table(settings) == [("admin-one", "admin")]


def test_list_of_nothing_says_how_to_begin(kirok: RunKirok) -> None:
    ran = kirok("user", "list")
    assert ran.code == 0 and ran.stdout == ""
    assert ran.err_lines == ["no accounts; add one with 'kirok user add NAME --role admin'"]


def test_the_first_admin_is_announced_once(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    cheap = AuthPolicy(argon2_time_cost=1, argon2_memory_kib=8, argon2_parallelism=1)
    with SQLiteAccounts(settings.db_path) as accounts:
        auth = Auth(accounts, cheap)
        assert announce_first_admin(auth)
        shown = capsys.readouterr()
        assert shown.out == ""
        password = next(line.split()[-1] for line in shown.err.splitlines() if "password:" in line)
        assert "kirok user passwd admin" in shown.err
        assert auth.login("admin", password, "cli-test").account.role is Role.ADMIN
        assert not announce_first_admin(auth)
        assert capsys.readouterr().err == ""


@pytest.mark.slow
def test_serve_on_a_new_database_prints_an_admin_password_that_logs_in(settings: Settings) -> None:
    import http.cookiejar
    import json
    import socket
    import subprocess
    import time
    import urllib.request
    from urllib.error import URLError
    from urllib.parse import urlencode

    from conftest import kirok_command, process_env

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    argv = [*kirok_command(), "--db", str(settings.db_path), "--key-file", str(settings.key_file)]
    server = subprocess.Popen(
        [*argv, "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=process_env(settings),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        assert server.stderr is not None
        seen: list[str] = []
        while not any("Kirok serving" in line for line in seen):
            line = server.stderr.readline().decode("utf-8")
            assert line, f"kirok serve ended early: {seen}"
            seen.append(line)
        password = next(line.split()[-1] for line in seen if "password:" in line)
        assert any("username: admin" in line for line in seen)
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        deadline = time.monotonic() + 20
        while True:
            try:
                with opener.open(f"{base}/login.json", timeout=5) as response:
                    token = json.loads(response.read())["csrf_token"]
                break
            except (URLError, ConnectionError):
                assert time.monotonic() < deadline and server.poll() is None, "kirok serve did not answer"
                time.sleep(0.2)
        form = urlencode({"username": "admin", "password": password, "csrf_token": token, "next": "/events"})
        with opener.open(f"{base}/login", data=form.encode(), timeout=10) as response:
            assert response.status == 200 and response.url == f"{base}/events"
        with opener.open(f"{base}/session.json", timeout=5) as response:
            assert json.loads(response.read())["account"] == {"username": "admin", "role": "admin"}
    finally:
        server.terminate()
        try:
            server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()
