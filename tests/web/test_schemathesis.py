"""schemathesis against the app's own OpenAPI description: no generated request gets a server error.

A real app over a real SQLite store (the web corpus), logged in as an editor: every request carries the
session cookie and the session's CSRF token, so the generated values reach the routes rather than the
gate. Each answer is checked for a 5xx, and against the status codes, content types and response schemas
the description declares. Logging out is left out (it would end the session the other cases use).
"""

from __future__ import annotations

import os
import re
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from conftest import RULE_STAGES
from kirok.auth import Auth, SQLiteAccounts
from kirok.pipeline.registry import build_pipeline
from kirok.settings import Settings
from kirok.store.sqlite import SQLiteStore
from kirok.web import create_app
from kirok.web.security import SESSION_COOKIE
from kirok.web.upload import UploadConfig, configure_upload

from .accounts import CHEAP, EDITOR, PASSWORD, USERS, log_in
from .corpus import Corpus, fill

pytestmark = pytest.mark.slow

#: No server error; the status, content type and body as described. Not "schema-valid data is
#: accepted": a date window whose end is before its start is refused (400), which OpenAPI cannot say.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

#: Generated requests per operation (and per generation mode); about 30 operations on 2 cores.
EXAMPLES = int(os.environ.get("KIROK_SCHEMATHESIS_EXAMPLES", "25"))


PATH_PARAMETER = re.compile(r"{(\w+)}")


class LoggedIn:
    def __init__(self, app: FastAPI, headers: dict[str, str], ids: dict[str, str]) -> None:
        self.app = app
        self.headers = headers
        self.ids = ids  # path parameter -> an id that exists


@pytest.fixture(scope="module")
def logged_in(tmp_path_factory: pytest.TempPathFactory, corpus: Corpus) -> Iterator[LoggedIn]:
    base: Path = tmp_path_factory.mktemp("schemathesis")
    with SQLiteStore(base / "kirok.db", key_file=base / "secret.key") as store:
        fill(store, corpus)
        auth = Auth(SQLiteAccounts(store.path), CHEAP)
        for name, role in USERS:
            auth.add_user(name, PASSWORD, role)
        app = create_app(store, auth)
        # Ingest jobs run a pipeline without spaCy, built (and its modules imported) before any job
        # thread starts: an import in a job thread while a case is drawn would race with the test.
        configure_upload(
            app, UploadConfig(Settings(stages=RULE_STAGES), pipeline=build_pipeline(Settings(), RULE_STAGES))
        )
        with TestClient(app) as client:
            csrf = log_in(client, EDITOR)
            cookie = client.cookies.get(SESSION_COOKIE)
            assert cookie
            headers = {"Cookie": f"{SESSION_COOKIE}={cookie}", "X-CSRF-Token": csrf}
            yield LoggedIn(app, headers, {"event_id": corpus.arrest.id, "report_id": corpus.a.id})
        auth.close()


def test_no_server_error_and_answers_match_the_description(logged_in: LoggedIn) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", logged_in.app, headers=logged_in.headers)
    failures: list[str] = []
    tested: list[str] = []
    statuses: dict[str, set[int]] = {}
    for result in schema.exclude(path="/logout.json").get_all_operations():
        operation = result.ok()  # type: ignore[union-attr]  # an invalid schema raises here
        names = PATH_PARAMETER.findall(operation.path)
        known = {name: logged_in.ids[name] for name in names if name in logged_in.ids}
        passes: list[tuple[GenerationMode, dict[str, str]]] = [
            (GenerationMode.POSITIVE, {}),
            (GenerationMode.NEGATIVE, {}),
        ]
        if known:  # and once with ids that exist, so the generated values reach past the lookup
            passes.append((GenerationMode.POSITIVE, known))
        for mode, path_parameters in passes:

            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path_parameters or None))
            def call(case: Any) -> None:
                response = case.call_and_validate(headers=logged_in.headers, checks=CHECKS)
                statuses.setdefault(case.operation.label, set()).add(response.status_code)

            try:
                call()
            except Unsatisfiable:  # nothing to make invalid: an operation without parameters or body
                continue
            except Exception as failure:  # every operation is tried; all failures are reported together
                failures.append(f"{operation.label} ({mode.value}, {path_parameters}): {_explain(failure)}")
        tested.append(operation.label)
    assert len(tested) >= 15
    # Logged in, every request reached its route: no 401 but for a wrong password.
    assert {label for label, seen in statuses.items() if 401 in seen} <= {"POST /login.json"}
    assert {label for label, seen in statuses.items() if seen & {200, 202}} >= {
        "GET /events.json",
        "GET /events/export.csv",
        "GET /map.json",
        "GET /timeline.json",
        "GET /reports.json",
    }
    assert not failures, "\n\n".join(failures)


def _explain(failure: BaseException) -> str:
    """What failed, with the sub-failures of a group, cut to a readable length."""
    if isinstance(failure, BaseExceptionGroup):
        return "\n".join([str(failure)] + [_explain(inner) for inner in failure.exceptions])[:3000]
    if type(failure).__module__.startswith("schemathesis"):
        return str(failure)[:3000]
    return "".join(traceback.format_exception(failure)[-12:])[:3000]  # an exception from the app
