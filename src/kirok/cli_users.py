"""``kirok user add/remove/passwd/list``: the web app's staff accounts, a few lines over :mod:`kirok.auth`.

Passwords come from a hidden prompt (asked twice) or, for scripts, the first line of stdin with
``--password-stdin``; they are never echoed, logged or taken as an argument (arguments show in ``ps``).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from kirok.errors import ConfigError
from kirok.settings import Settings

if TYPE_CHECKING:
    from kirok.auth import Auth

__all__ = ["announce_first_admin", "user"]

ROLES = ("viewer", "editor", "admin")


def _open(settings: Settings) -> Auth:
    try:
        from kirok.auth import open_auth
    except ImportError as exc:
        raise ConfigError("accounts need Kirok's 'web' extra (argon2-cffi)") from exc
    return open_auth(settings)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise click.UsageError("--password-stdin: stdin is empty; send the password as its first line")
        return line.removesuffix("\n").removesuffix("\r")
    password: str = click.prompt("Password", hide_input=True, confirmation_prompt="Repeat the password")
    return password


@click.group()
def user() -> None:
    """Staff accounts of the web app (roles: viewer reads, editor reviews and edits, admin all)."""


@user.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True, help="What the account may do.")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")
@click.pass_obj
def add(settings: Settings, name: str, role: str, password_stdin: bool) -> None:
    """Add the account NAME (asks for its password)."""
    from kirok.auth import Role

    auth = _open(settings)
    try:
        account = auth.add_user(name, _password(password_stdin), Role(role))
    finally:
        auth.close()
    click.echo(f"account {account.username!r} added as {account.role.value}", err=True)


@user.command("remove")
@click.argument("name")
@click.pass_obj
def remove(settings: Settings, name: str) -> None:
    """Remove the account NAME and end its sessions (its name stays in the event history)."""
    auth = _open(settings)
    try:
        account = auth.remove_user(name)
    finally:
        auth.close()
    click.echo(f"account {account.username!r} removed", err=True)


@user.command("passwd")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")
@click.pass_obj
def passwd(settings: Settings, name: str, password_stdin: bool) -> None:
    """Set a new password for NAME and end its sessions (asks for the password)."""
    from kirok.auth import AccountError
    from kirok.auth.accounts import normalise_username

    username = normalise_username(name)
    auth = _open(settings)
    try:
        if auth.accounts.get_account(username) is None:  # say so before asking for a password
            raise AccountError(f"there is no account named {username!r}; see 'kirok user list'")
        auth.change_password(username, _password(password_stdin))
    finally:
        auth.close()
    click.echo(f"password of {username!r} changed; its sessions have ended", err=True)


@user.command("list")
@click.pass_obj
def list_users(settings: Settings) -> None:
    """List the accounts: name, role, when made, when the password last changed, open sessions."""
    auth = _open(settings)
    try:
        rows = [
            (
                a.username,
                a.role.value,
                a.created_at,
                a.password_changed_at,
                auth.accounts.count_sessions(a.username),
            )
            for a in auth.list_users()
        ]
    finally:
        auth.close()
    if not rows:
        click.echo("no accounts; add one with 'kirok user add NAME --role admin'", err=True)
        return
    width = max(len("username"), *(len(r[0]) for r in rows))
    click.echo(f"{'username':<{width}}  role    created           password changed  sessions")
    for name, role, created, changed, sessions in rows:
        click.echo(
            f"{name:<{width}}  {role:<6}  {created:%Y-%m-%d %H:%M}  {changed:%Y-%m-%d %H:%M}  {sessions:>8}"
        )


def announce_first_admin(auth: Auth) -> bool:
    """On a database without accounts, make the ``admin`` account and print its password once (stderr).

    True when the account was made.
    """
    password = auth.create_first_admin()
    if password is None:
        return False
    click.echo(
        "\nKirok made the first account. Log in with\n"
        "    username: admin\n"
        f"    password: {password}\n"
        "This password is shown only now. Change it with 'kirok user passwd admin'; add accounts for\n"
        "your team with 'kirok user add NAME --role viewer|editor|admin'.\n",
        err=True,
    )
    return True
