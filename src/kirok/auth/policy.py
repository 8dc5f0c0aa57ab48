"""The rules of the accounts library, built once at the edge (``kirok serve``, tests) and passed down."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from kirok.auth.ratelimit import RateLimits
from kirok.auth.sessions import SessionLimits
from kirok.errors import ConfigError

__all__ = ["AuthPolicy"]

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"", "0", "false", "no", "off"}


@dataclass(frozen=True)
class AuthPolicy:
    """Session lifetimes, login rate limits, password hashing cost, and whether cookies are ``Secure``.

    Cookies are ``Secure`` whenever the request came over https; ``secure_cookies`` makes them so
    always (set it behind a TLS-terminating proxy that does not forward the scheme).
    """

    sessions: SessionLimits = field(default_factory=SessionLimits)
    rate_limits: RateLimits = field(default_factory=RateLimits)
    secure_cookies: bool = False
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 65536
    argon2_parallelism: int = 4
    #: Login attempts older than this are deleted.
    attempts_kept: timedelta = timedelta(days=1)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> AuthPolicy:
        """The defaults, with ``KIROK_SECURE_COOKIES``, ``KIROK_SESSION_IDLE_MINUTES`` and
        ``KIROK_SESSION_MAX_HOURS`` when set."""
        env = os.environ if environ is None else environ
        secure = env.get("KIROK_SECURE_COOKIES", "").strip().lower()
        if secure not in _TRUE | _FALSE:
            raise ConfigError(f"KIROK_SECURE_COOKIES must be 1 or 0, not {secure!r}")
        limits = SessionLimits()
        idle = _positive(env, "KIROK_SESSION_IDLE_MINUTES")
        absolute = _positive(env, "KIROK_SESSION_MAX_HOURS")
        limits = SessionLimits(
            idle=timedelta(minutes=idle) if idle else limits.idle,
            absolute=timedelta(hours=absolute) if absolute else limits.absolute,
        )
        return cls(sessions=limits, secure_cookies=secure in _TRUE)


def _positive(env: Mapping[str, str], name: str) -> int | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    if not raw.isdigit() or int(raw) < 1 or int(raw) > 100_000:
        raise ConfigError(f"{name} must be a whole number from 1 up, not {raw!r}")
    return int(raw)
