"""Fixtures: a store in a temporary folder, its key file beside it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kirok.store.sqlite import SQLiteStore


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    return tmp_path / "keys" / "secret.key"


@pytest.fixture
def store(tmp_path: Path, key_file: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "kirok.db", key_file=key_file) as opened:
        yield opened
