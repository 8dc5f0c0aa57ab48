"""Staff accounts and the :class:`Accounts` protocol: where accounts, sessions and login attempts live.

The protocol is storage only, with no policy: it keeps password hashes, never passwords, and session
digests, never tokens. :class:`kirok.auth.service.Auth` holds the rules (hashing, expiry, rate limits)
on top of any implementation: :class:`kirok.auth.sqlite.SQLiteAccounts` today, PostgreSQL later.
All datetimes are timezone-aware UTC.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from kirok.auth.errors import AccountError
from kirok.auth.roles import Role

__all__ = [
    "MAX_USERNAME_CHARS",
    "Account",
    "Accounts",
    "LoginAttempt",
    "SessionRecord",
    "check_username",
    "normalise_username",
]

#: Usernames are staff handles: at most this many characters.
MAX_USERNAME_CHARS = 64

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def normalise_username(typed: str) -> str:
    """What a person typed, as the name it would be stored under (stripped, lower case)."""
    return typed.strip().lower()


def check_username(typed: str) -> str:
    """The stored form of ``typed``; :class:`AccountError` unless it is a usable staff username."""
    name = normalise_username(typed)
    if not name:
        raise AccountError("the username is empty")
    if len(name) > MAX_USERNAME_CHARS:
        raise AccountError(f"the username is too long: use at most {MAX_USERNAME_CHARS} characters")
    if not _USERNAME.match(name):
        raise AccountError(
            f"the username {name!r} is not allowed: use letters a-z, digits, '.', '_' and '-', "
            "starting with a letter or digit"
        )
    return name


@dataclass(frozen=True)
class Account:
    """A staff account, without its password hash."""

    username: str
    role: Role
    created_at: datetime
    password_changed_at: datetime


@dataclass(frozen=True)
class SessionRecord:
    """A stored session: the SHA-256 of its token (hex), whose it is, when it began and was last used."""

    token_sha256: str
    username: str
    created_at: datetime
    last_seen_at: datetime


@dataclass(frozen=True)
class LoginAttempt:
    """One try at logging in. ``username`` is an account's name or a digest standing for an unknown one."""

    at: datetime
    username: str
    address: str
    ok: bool


class Accounts(Protocol):
    """Storage of accounts, sessions and login attempts. Safe to call from several threads."""

    # -- accounts ----------------------------------------------------------------------------------

    def add_account(self, account: Account, password_hash: str) -> None:
        """Store a new account; :class:`AccountError` when the username is taken."""

    def get_account(self, username: str) -> Account | None: ...

    def list_accounts(self) -> list[Account]:
        """Every account, by username."""

    def count_accounts(self, role: Role | None = None) -> int: ...

    def password_hash(self, username: str) -> str | None: ...

    def set_password_hash(self, username: str, password_hash: str, *, changed_at: datetime | None) -> bool:
        """Replace the hash; ``changed_at`` None keeps the date (a rehash is no change). False: no account."""

    def remove_account(self, username: str) -> bool:
        """Remove the account and its sessions; False when there was none."""

    # -- sessions ----------------------------------------------------------------------------------

    def add_session(self, session: SessionRecord) -> None: ...

    def get_session(self, token_sha256: str) -> SessionRecord | None: ...

    def touch_session(self, token_sha256: str, at: datetime) -> None:
        """Record that the session was used at ``at``."""

    def remove_session(self, token_sha256: str) -> bool: ...

    def remove_sessions(self, username: str) -> int:
        """End every session of ``username``; how many there were."""

    def remove_stale_sessions(self, *, seen_before: datetime, created_before: datetime) -> int:
        """Remove sessions idle since before ``seen_before`` or begun before ``created_before``."""

    def count_sessions(self, username: str) -> int: ...

    # -- login attempts ----------------------------------------------------------------------------

    def add_login_attempt(self, attempt: LoginAttempt) -> None: ...

    def failed_logins(
        self, *, since: datetime, username: str | None = None, address: str | None = None
    ) -> Sequence[datetime]:
        """When logins failed since ``since``, oldest first, for ``username`` (failures after its last
        success only) or for ``address`` (every failure)."""

    def remove_login_attempts(self, *, before: datetime) -> int: ...

    def close(self) -> None: ...
