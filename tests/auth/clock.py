"""A clock the tests move by hand, so expiry and rate limits are tested without waiting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

START = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)
