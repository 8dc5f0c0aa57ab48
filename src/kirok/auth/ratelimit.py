"""Login rate limits: so many failures in a window, per username and per client address.

A username's count starts again after a successful login; an address's does not. When a limit is
reached, every further attempt (even with the right password) is refused until enough of the failures
have left the window; :func:`retry_after` says how many seconds that is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

__all__ = ["RateLimits", "retry_after"]


@dataclass(frozen=True)
class RateLimits:
    """At most ``per_username`` failures per account and ``per_address`` per client in ``window``."""

    per_username: int = 5
    per_address: int = 20
    window: timedelta = timedelta(minutes=15)


def retry_after(failures: Sequence[datetime], limit: int, window: timedelta, now: datetime) -> int | None:
    """Seconds until one more attempt is allowed, or None when it is allowed now.

    ``failures`` are the failures inside the window, oldest first.
    """
    recent = [at for at in failures if now - at < window]
    if len(recent) < limit:
        return None
    frees_at = recent[len(recent) - limit] + window  # when the limit-th most recent failure leaves
    return max(1, math.ceil((frees_at - now).total_seconds()))
