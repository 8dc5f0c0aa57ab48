"""A real SQLite store in a temporary folder, filled with :mod:`tests.web.corpus`, shared by the web tests,
and the staff accounts of :mod:`tests.web.accounts` in the same file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kirok.auth import Auth, SQLiteAccounts
from kirok.store.sqlite import SQLiteStore
from kirok.web import create_app

from .accounts import CHEAP, PASSWORD, USERS, Clock
from .corpus import TEXT_A, Corpus, build_corpus, fill
from .review_site import Site, add_review_route


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return build_corpus()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, corpus: Corpus) -> Iterator[SQLiteStore]:
    base: Path = tmp_path_factory.mktemp("web")
    with SQLiteStore(base / "kirok.db", key_file=base / "secret.key") as opened:
        fill(opened, corpus)
        yield opened


@pytest.fixture(scope="module")
def auth(store: SQLiteStore) -> Iterator[Auth]:
    """An admin, an editor and a viewer (:data:`tests.web.accounts.USERS`), in the store's file."""
    opened = Auth(SQLiteAccounts(store.path), CHEAP)
    for name, role in USERS:
        opened.add_user(name, PASSWORD, role)
    yield opened
    opened.close()


@pytest.fixture
def site(tmp_path: Path, corpus: Corpus) -> Iterator[Site]:
    """A fresh app per test over a store holding report A, with the review route of :mod:`.review_site`."""
    clock = Clock()
    with SQLiteStore(tmp_path / "kirok.db", key_file=tmp_path / "secret.key") as store:
        store.add_report(corpus.a, TEXT_A.encode(), [corpus.arrest, corpus.detention, corpus.sentence])
        auth = Auth(SQLiteAccounts(store.path), CHEAP, clock=clock)
        for name, role in USERS:
            auth.add_user(name, PASSWORD, role)
        app = create_app(store, auth)
        add_review_route(app, store)
        with TestClient(app) as client:
            yield Site(app, client, store, auth, clock, corpus)
        auth.close()
