""":class:`Auth`: the accounts library's rules over any :class:`~kirok.auth.accounts.Accounts`.

The CLI (``kirok user ...``) and the web app (login, logout, the session gate) call only this class.
It never logs or returns a password; a session token leaves it once, in :class:`LoggedIn`, for the
cookie.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from kirok.auth.accounts import (
    MAX_USERNAME_CHARS,
    Account,
    Accounts,
    LoginAttempt,
    SessionRecord,
    check_username,
    normalise_username,
)
from kirok.auth.csrf import session_csrf_token
from kirok.auth.errors import AccountError
from kirok.auth.passwords import MAX_PASSWORD_CHARS, PasswordHasher, check_new_password, generate_password
from kirok.auth.policy import AuthPolicy
from kirok.auth.ratelimit import retry_after
from kirok.auth.roles import Role
from kirok.auth.sessions import new_token, token_digest, well_formed_token

__all__ = ["FIRST_ADMIN", "WRONG_LOGIN", "Auth", "CurrentSession", "LoggedIn", "LoginRefused", "utc_now"]

#: The account ``kirok serve`` creates on a database without accounts.
FIRST_ADMIN = "admin"
#: The one answer to an unknown username and to a wrong password alike.
WRONG_LOGIN = "Wrong username or password."

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class LoginRefused(Exception):
    """A login that did not succeed: ``status`` 400 (unusable input), 401 (wrong) or 429 (too many)."""

    def __init__(self, status: int, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry_after = retry_after


@dataclass(frozen=True)
class LoggedIn:
    """A new session: ``token`` goes into the session cookie and nowhere else."""

    account: Account
    token: str
    csrf_token: str

    def __repr__(self) -> str:  # keep the token out of logs and tracebacks
        return f"LoggedIn(account={self.account!r})"


@dataclass(frozen=True)
class CurrentSession:
    """A live session, as the web app sees it on each request."""

    account: Account
    token_sha256: str
    csrf_token: str
    expires_at: datetime


class Auth:
    """Accounts, logins and sessions under ``policy``; ``clock`` gives the time (tests move it)."""

    def __init__(
        self, accounts: Accounts, policy: AuthPolicy | None = None, *, clock: Clock = utc_now
    ) -> None:
        self.accounts = accounts
        self.policy = policy or AuthPolicy()
        self._clock = clock
        self._hasher = PasswordHasher(
            time_cost=self.policy.argon2_time_cost,
            memory_kib=self.policy.argon2_memory_kib,
            parallelism=self.policy.argon2_parallelism,
        )
        self._unknown_key = secrets.token_bytes(32)

    def close(self) -> None:
        self.accounts.close()

    # -- managing accounts -------------------------------------------------------------------------

    def add_user(self, username: str, password: str, role: Role) -> Account:
        """A new account; :class:`AccountError` for a taken or unusable name or an unusable password."""
        name = check_username(username)
        check_new_password(password)
        if self.accounts.get_account(name) is not None:
            raise AccountError(
                f"there is already an account named {name!r}; change its password with "
                f"'kirok user passwd {name}'"
            )
        now = self._clock()
        account = Account(name, role, now, now)
        self.accounts.add_account(account, self._hasher.hash(password))
        return account

    def change_password(self, username: str, password: str) -> None:
        """Set a new password and end every session of the account."""
        name = normalise_username(username)
        check_new_password(password)
        if not self.accounts.set_password_hash(name, self._hasher.hash(password), changed_at=self._clock()):
            raise AccountError(f"there is no account named {name!r}; see 'kirok user list'")
        self.accounts.remove_sessions(name)

    def remove_user(self, username: str) -> Account:
        """Remove the account and its sessions; the last admin cannot be removed."""
        name = normalise_username(username)
        account = self.accounts.get_account(name)
        if account is None:
            raise AccountError(f"there is no account named {name!r}; see 'kirok user list'")
        if account.role is Role.ADMIN and self.accounts.count_accounts(Role.ADMIN) <= 1:
            raise AccountError(f"{name!r} is the last admin; add another admin before removing it")
        self.accounts.remove_account(name)
        return account

    def list_users(self) -> list[Account]:
        return self.accounts.list_accounts()

    def create_first_admin(self) -> str | None:
        """On a database without accounts, add :data:`FIRST_ADMIN` with a random password and return
        the password (to be shown once); None when there are accounts already."""
        if self.accounts.count_accounts() > 0:
            return None
        password = generate_password()
        try:
            self.add_user(FIRST_ADMIN, password, Role.ADMIN)
        except AccountError:  # another process was first
            return None
        return password

    # -- logging in and out ------------------------------------------------------------------------

    def login(self, username: str, password: str, address: str) -> LoggedIn:
        """A new session for the right username and password, or :class:`LoginRefused`.

        An unknown username costs the same password check as a wrong password and gets the same
        answer; both count against the username's and the address's limits.
        """
        typed = username.strip()
        if not typed or not password:
            raise LoginRefused(400, "Enter your username and your password.")
        if len(typed) > MAX_USERNAME_CHARS:
            raise LoginRefused(
                400, f"That username is too long: usernames have at most {MAX_USERNAME_CHARS} characters."
            )
        if len(password) > MAX_PASSWORD_CHARS:
            raise LoginRefused(
                400, f"That password is too long: passwords have at most {MAX_PASSWORD_CHARS} characters."
            )
        name = normalise_username(typed)
        stored = self.accounts.password_hash(name)
        key = name if stored is not None else self._unknown(name)
        now = self._clock()
        self._check_limits(key, address, now)
        ok = (
            self._hasher.verify(stored, password)
            if stored is not None
            else self._hasher.verify_nobody(password)
        )
        self.accounts.add_login_attempt(LoginAttempt(now, key, address, ok))
        self.accounts.remove_login_attempts(before=now - self.policy.attempts_kept)
        account = self.accounts.get_account(name) if ok else None
        if stored is None or account is None:
            raise LoginRefused(401, WRONG_LOGIN)
        if self._hasher.needs_rehash(stored):
            self.accounts.set_password_hash(name, self._hasher.hash(password), changed_at=None)
        limits = self.policy.sessions
        self.accounts.remove_stale_sessions(
            seen_before=now - limits.idle, created_before=now - limits.absolute
        )
        token = new_token()
        self.accounts.add_session(SessionRecord(token_digest(token), name, now, now))
        return LoggedIn(account, token, session_csrf_token(token))

    def _unknown(self, name: str) -> str:
        """What stands for an unknown username in the attempts table (it may be a mistyped password)."""
        return "?" + hmac.new(self._unknown_key, name.encode("utf-8"), hashlib.sha256).hexdigest()[:32]

    def _check_limits(self, key: str, address: str, now: datetime) -> None:
        limits = self.policy.rate_limits
        since = now - limits.window
        waits = [
            retry_after(
                self.accounts.failed_logins(since=since, username=key),
                limits.per_username,
                limits.window,
                now,
            ),
            retry_after(
                self.accounts.failed_logins(since=since, address=address),
                limits.per_address,
                limits.window,
                now,
            ),
        ]
        wait = max((w for w in waits if w is not None), default=None)
        if wait is not None:
            minutes = max(1, -(-wait // 60))
            raise LoginRefused(
                429,
                f"Too many failed logins for this account or from this address. Try again in {minutes} "
                f"minute{'s' if minutes != 1 else ''}.",
                retry_after=wait,
            )

    def session(self, token: str | None) -> CurrentSession | None:
        """The live session whose token is ``token``, or None (unknown, ended or expired: then removed)."""
        if not well_formed_token(token):
            return None
        assert token is not None
        digest = token_digest(token)
        record = self.accounts.get_session(digest)
        if record is None:
            return None
        now = self._clock()
        limits = self.policy.sessions
        if limits.expired(record, now):
            self.accounts.remove_session(digest)
            return None
        account = self.accounts.get_account(record.username)
        if account is None:
            return None
        if limits.needs_touch(record, now):
            self.accounts.touch_session(digest, now)
            record = SessionRecord(record.token_sha256, record.username, record.created_at, now)
        return CurrentSession(account, digest, session_csrf_token(token), limits.expires_at(record))

    def logout(self, token: str | None) -> bool:
        """End the session whose token is ``token``; False when there was none."""
        if not well_formed_token(token):
            return False
        assert token is not None
        return self.accounts.remove_session(token_digest(token))
