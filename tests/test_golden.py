"""Golden files: a fresh run of the default pipeline over the samples equals ``samples/expected``.

When a change to the pipeline changes what it finds, this test shows the difference. If the change is
intended, regenerate the files with ``make golden`` (``python scripts/regenerate_golden.py``) and review
the diff before committing it.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from conftest import REPO, SAMPLE_REPORTS
from kirok.pipeline.stage import Pipeline

EXPECTED = REPO / "samples" / "expected"
HOW_TO_REGENERATE = (
    "if the change is intended, run `make golden` (python scripts/regenerate_golden.py) and review the diff"
)
MAX_DIFF_LINES = 400


@pytest.fixture(scope="module")
def golden() -> ModuleType:
    """``scripts/regenerate_golden.py``, imported from its file (scripts is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "regenerate_golden", REPO / "scripts" / "regenerate_golden.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def readable_diff(committed: Path, fresh: Path) -> str:
    """A unified diff per changed file, cut short when very long."""
    lines: list[str] = []
    names = sorted({p.name for p in committed.glob("*.json")} | {p.name for p in fresh.glob("*.json")})
    for name in names:
        old, new = committed / name, fresh / name
        before = old.read_text(encoding="utf-8").splitlines() if old.is_file() else []
        after = new.read_text(encoding="utf-8").splitlines() if new.is_file() else []
        lines += difflib.unified_diff(before, after, f"committed/{name}", f"fresh/{name}", n=2, lineterm="")
    if len(lines) > MAX_DIFF_LINES:
        lines = [*lines[:MAX_DIFF_LINES], f"... {len(lines) - MAX_DIFF_LINES} more diff lines"]
    return "\n".join(lines)


def test_every_sample_report_has_a_golden_file(golden: ModuleType) -> None:
    names = {name for name, _ in golden.sample_reports()}
    assert len(names) == SAMPLE_REPORTS
    committed = {p.stem for p in EXPECTED.glob("*.json")}
    assert committed == names, f"golden files and samples differ; {HOW_TO_REGENERATE}"


def test_golden_files_are_rendered_stably(golden: ModuleType) -> None:
    for path in sorted(EXPECTED.glob("*.json")):
        text = path.read_text(encoding="utf-8")
        assert golden.render(json.loads(text)) == text, f"{path.name} was edited by hand; {HOW_TO_REGENERATE}"


@pytest.mark.slow
def test_a_fresh_run_equals_the_golden_files(golden: ModuleType, pipeline: Pipeline, tmp_path: Path) -> None:
    documents = golden.expected_documents(pipeline)
    fresh = tmp_path / "expected"
    golden.write_expected(documents, fresh)
    assert sum(len(d["events"]) for d in documents.values()) > 0
    diff = readable_diff(EXPECTED, fresh)
    if diff:
        pytest.fail(
            f"the pipeline's output on the samples changed; {HOW_TO_REGENERATE}:\n{diff}", pytrace=False
        )


def test_write_expected_reports_what_changed_and_removes_stale_files(
    golden: ModuleType, tmp_path: Path
) -> None:
    documents = {"a": {"events": [], "sha256": "0" * 64}, "b": {"events": [{"type": "arrest"}]}}
    (tmp_path / "gone.json").write_text("{}\n", encoding="utf-8")
    assert golden.write_expected(documents, tmp_path) == ["a.json", "b.json", "gone.json"]
    assert sorted(p.name for p in tmp_path.glob("*.json")) == ["a.json", "b.json"]
    assert golden.write_expected(documents, tmp_path) == []
    assert (tmp_path / "b.json").read_text(encoding="utf-8") == golden.render(documents["b"])
