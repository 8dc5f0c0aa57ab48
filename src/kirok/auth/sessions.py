"""Session tokens and their lifetimes.

A token is 32 random bytes (``secrets``), sent to the browser once in the session cookie; only its
SHA-256 is stored, so a copy of the database opens no session. A session ends when it has been idle
longer than the idle limit, or has lasted longer than the absolute limit, whichever comes first.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from kirok.auth.accounts import SessionRecord

__all__ = ["MAX_TOKEN_CHARS", "SessionLimits", "new_token", "token_digest", "well_formed_token"]

TOKEN_BYTES = 32
#: A token longer than this is not one of ours and is not even hashed.
MAX_TOKEN_CHARS = 64

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")


def new_token() -> str:
    """A fresh random token, URL-safe base64 without padding (43 characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def well_formed_token(token: str | None) -> bool:
    """True when ``token`` looks like one :func:`new_token` makes (anything else is refused unread)."""
    return token is not None and len(token) <= MAX_TOKEN_CHARS and _TOKEN.match(token) is not None


def token_digest(token: str) -> str:
    """The stored form of a token: its SHA-256, hex."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


@dataclass(frozen=True)
class SessionLimits:
    """How long a session may be idle, how long it may last at all, and how often its use is written."""

    idle: timedelta = timedelta(hours=2)
    absolute: timedelta = timedelta(hours=12)
    touch_every: timedelta = timedelta(minutes=1)

    def expired(self, session: SessionRecord, now: datetime) -> bool:
        return now - session.last_seen_at > self.idle or now - session.created_at > self.absolute

    def needs_touch(self, session: SessionRecord, now: datetime) -> bool:
        """True when the last recorded use is old enough to be worth a write."""
        return now - session.last_seen_at >= self.touch_every

    def expires_at(self, session: SessionRecord) -> datetime:
        """When the session ends if it is not used again."""
        return min(session.last_seen_at + self.idle, session.created_at + self.absolute)
