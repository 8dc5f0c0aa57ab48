"""A real SQLite store in a temporary folder, filled with :mod:`tests.web.corpus`, shared by the web tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kirok.store.sqlite import SQLiteStore

from .corpus import Corpus, build_corpus, fill


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return build_corpus()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, corpus: Corpus) -> Iterator[SQLiteStore]:
    base: Path = tmp_path_factory.mktemp("web")
    with SQLiteStore(base / "kirok.db", key_file=base / "secret.key") as opened:
        fill(opened, corpus)
        yield opened
