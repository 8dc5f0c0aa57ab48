"""Staff accounts of the web app: roles, argon2 passwords, sessions, CSRF tokens and login limits.

:class:`Auth` holds the rules; :class:`Accounts` is the storage seam (:class:`SQLiteAccounts` keeps
everything in the store's SQLite file). :func:`open_auth` builds both from the settings at the edge.
"""

from __future__ import annotations

from kirok.auth.accounts import Account, Accounts
from kirok.auth.errors import AccountError
from kirok.auth.policy import AuthPolicy
from kirok.auth.roles import Role
from kirok.auth.service import Auth, CurrentSession, LoggedIn, LoginRefused
from kirok.auth.sqlite import SQLiteAccounts
from kirok.settings import Settings

__all__ = [
    "Account",
    "AccountError",
    "Accounts",
    "Auth",
    "AuthPolicy",
    "CurrentSession",
    "LoggedIn",
    "LoginRefused",
    "Role",
    "SQLiteAccounts",
    "open_auth",
]


def open_auth(settings: Settings, policy: AuthPolicy | None = None) -> Auth:
    """:class:`Auth` over the accounts in ``settings.db_path``; close it when done."""
    return Auth(SQLiteAccounts(settings.db_path), policy)
