"""Fixtures: accounts in a real SQLite file in ``tmp_path``, a clock the test moves, cheap argon2."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kirok.auth import Auth, AuthPolicy, SQLiteAccounts

from .clock import Clock

#: argon2id at its smallest cost: the same code path, fast enough to hash in every test.
CHEAP = AuthPolicy(argon2_time_cost=1, argon2_memory_kib=8, argon2_parallelism=1)
PASSWORD = "a long test passphrase"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "kirok.db"


@pytest.fixture
def accounts(db: Path) -> Iterator[SQLiteAccounts]:
    with SQLiteAccounts(db) as opened:
        yield opened


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def auth(accounts: SQLiteAccounts, clock: Clock) -> Auth:
    return Auth(accounts, CHEAP, clock=clock)
