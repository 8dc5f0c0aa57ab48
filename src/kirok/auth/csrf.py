"""CSRF tokens: a synchronizer token tied to the session, and one for the login form.

The session's CSRF token is an HMAC of its session token, so it needs no storage, changes with every
session, and cannot be computed without the session cookie (which scripts on other sites never see).
Before login there is no session: the login form's token is a random value also set in a cookie of its
own, and the two must match.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

__all__ = ["CSRF_FIELD", "CSRF_HEADER", "new_login_token", "session_csrf_token", "tokens_match"]

#: The hidden form field that carries the token.
CSRF_FIELD = "csrf_token"
#: The header that JavaScript and API clients send the token in.
CSRF_HEADER = "X-CSRF-Token"

_PURPOSE = b"kirok.csrf.v1"


def session_csrf_token(session_token: str) -> str:
    """The CSRF token of the session whose token is ``session_token``."""
    mac = hmac.new(session_token.encode("ascii"), _PURPOSE, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).rstrip(b"=").decode("ascii")


def new_login_token() -> str:
    """A random token for the login form (and its cookie)."""
    return secrets.token_urlsafe(32)


def tokens_match(sent: str | None, expected: str | None) -> bool:
    """True when both are present, equal, and short enough to be ours; compared in constant time."""
    if not sent or not expected or len(sent) > 128:
        return False
    return hmac.compare_digest(sent.encode("utf-8"), expected.encode("utf-8"))
