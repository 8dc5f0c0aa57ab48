from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest

from kirok.auth.accounts import SessionRecord
from kirok.auth.sessions import SessionLimits, new_token, token_digest, well_formed_token

from .clock import START


def test_tokens_are_random_and_only_their_digest_is_kept() -> None:
    tokens = {new_token() for _ in range(100)}
    assert len(tokens) == 100
    for token in tokens:
        assert well_formed_token(token)
        assert token_digest(token) == hashlib.sha256(token.encode()).hexdigest()
        assert token not in token_digest(token)


@pytest.mark.parametrize(
    "token", [None, "", "short", "x" * 43 + "=", "é" * 43, "a" * 44, "a" * 500, "a b" * 20]
)
def test_malformed_tokens_are_refused(token: str | None) -> None:
    assert not well_formed_token(token)


LIMITS = SessionLimits(
    idle=timedelta(hours=2), absolute=timedelta(hours=12), touch_every=timedelta(minutes=1)
)


def record(created_ago: timedelta, seen_ago: timedelta) -> SessionRecord:
    return SessionRecord("0" * 64, "editor-one", START - created_ago, START - seen_ago)


@pytest.mark.parametrize(
    ("created_ago", "seen_ago", "expired"),
    [
        (timedelta(0), timedelta(0), False),
        (timedelta(hours=3), timedelta(hours=1, minutes=59), False),
        (timedelta(hours=3), timedelta(hours=2), False),
        (timedelta(hours=3), timedelta(hours=2, seconds=1), True),
        (timedelta(hours=12), timedelta(0), False),
        (timedelta(hours=12, seconds=1), timedelta(0), True),
    ],
)
def test_idle_and_absolute_limits(created_ago: timedelta, seen_ago: timedelta, expired: bool) -> None:
    assert LIMITS.expired(record(created_ago, seen_ago), START) is expired


def test_expires_at_is_the_nearer_limit() -> None:
    assert LIMITS.expires_at(record(timedelta(0), timedelta(0))) == START + timedelta(hours=2)
    assert LIMITS.expires_at(record(timedelta(hours=11), timedelta(0))) == START + timedelta(hours=1)


def test_use_is_written_at_most_once_a_minute() -> None:
    assert not LIMITS.needs_touch(record(timedelta(0), timedelta(seconds=59)), START)
    assert LIMITS.needs_touch(record(timedelta(0), timedelta(seconds=60)), START)
