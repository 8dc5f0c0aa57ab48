"""Pipelines check their stages' contracts when built, and run stages in order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

import pytest

from kirok.errors import KirokError, PipelineOrderError
from kirok.pipeline.doc import Doc
from kirok.pipeline.stage import INITIAL_CONTRACTS, Pipeline, Stage, StageBase


class Lines(StageBase):
    """Splits the text into lines (stands in for segmentation)."""

    name: ClassVar[str] = "test.lines.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc.text",)
    assigns: ClassVar[tuple[str, ...]] = ("doc.lines",)

    def __call__(self, doc: Doc) -> Doc:
        doc.extras.setdefault("log", []).append(self.name)
        doc.extras["lines"] = doc.text.split("\n")
        return doc


class Count(StageBase):
    """Counts the lines; needs ``doc.lines``."""

    name: ClassVar[str] = "test.count.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc.lines",)
    assigns: ClassVar[tuple[str, ...]] = ("doc.count",)

    def __call__(self, doc: Doc) -> Doc:
        doc.extras.setdefault("log", []).append(self.name)
        doc.extras["count"] = len(doc.extras["lines"])
        return doc


class Report(StageBase):
    """Needs the count and the metadata."""

    name: ClassVar[str] = "test.report.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc.count", "doc.meta")
    assigns: ClassVar[tuple[str, ...]] = ()

    def __call__(self, doc: Doc) -> Doc:
        doc.extras.setdefault("log", []).append(self.name)
        doc.extras["report"] = f"{doc.report_id}: {doc.extras['count']} lines"
        return doc


class BatchedLines(Lines):
    """Overrides ``pipe`` as batching stages (spaCy) do, and records the batch size it was given."""

    name: ClassVar[str] = "test.lines.batched.v1"

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for doc in docs:
            doc.extras["batch_size"] = batch_size
            yield self(doc)


def doc(text: str = "one\ntwo\nthree", report_id: str = "r-1") -> Doc:
    return Doc(text=text, report_id=report_id)


def test_stage_base_satisfies_the_protocol() -> None:
    assert isinstance(Lines(), Stage)
    assert isinstance(Count(), Stage)


def test_initial_contracts_match_a_new_doc() -> None:
    assert doc().fulfilled == set(INITIAL_CONTRACTS) == {"doc.text", "doc.meta"}


def test_a_correct_order_builds() -> None:
    pipeline = Pipeline([Lines(), Count(), Report()])
    assert pipeline.names == ("test.lines.v1", "test.count.v1", "test.report.v1")


def test_missing_requirement_is_refused_at_build_time_naming_stage_and_contract() -> None:
    with pytest.raises(PipelineOrderError) as info:
        Pipeline([Count(), Lines()])
    message = str(info.value)
    assert "'test.count.v1'" in message
    assert "doc.lines" in message
    assert "test.count.v1 -> test.lines.v1" in message
    assert info.value.code == "K200"
    assert isinstance(info.value, KirokError)


def test_requirement_assigned_only_by_a_later_stage_is_refused() -> None:
    with pytest.raises(PipelineOrderError, match=r"'test.report.v1' requires doc.count"):
        Pipeline([Lines(), Report(), Count()])


def test_only_missing_contracts_are_named() -> None:
    with pytest.raises(PipelineOrderError) as info:
        Pipeline([Report()])
    assert "requires doc.count," in str(info.value)
    assert "doc.meta," not in str(info.value)


def test_duplicate_stages_are_refused() -> None:
    with pytest.raises(PipelineOrderError, match=r"'test.lines.v1' appears twice"):
        Pipeline([Lines(), Count(), Lines()])


def test_empty_pipeline_is_refused() -> None:
    with pytest.raises(PipelineOrderError, match="at least one stage"):
        Pipeline([])


def test_call_runs_stages_in_order_and_marks_contracts() -> None:
    pipeline = Pipeline([Lines(), Count(), Report()])
    result = pipeline(doc())
    assert result.extras["log"] == ["test.lines.v1", "test.count.v1", "test.report.v1"]
    assert result.extras["report"] == "r-1: 3 lines"
    assert result.fulfilled == {"doc.text", "doc.meta", "doc.lines", "doc.count"}


def test_pipe_runs_stages_in_order_on_every_doc() -> None:
    pipeline = Pipeline([Lines(), Count(), Report()])
    docs = [doc("a", "r-a"), doc("a\nb", "r-b"), doc("a\nb\nc\nd", "r-c")]
    results = list(pipeline.pipe(docs, batch_size=2))
    assert [d.extras["report"] for d in results] == ["r-a: 1 lines", "r-b: 2 lines", "r-c: 4 lines"]
    for result in results:
        assert result.extras["log"] == ["test.lines.v1", "test.count.v1", "test.report.v1"]
        assert {"doc.lines", "doc.count"} <= result.fulfilled


def test_pipe_is_lazy_and_streams() -> None:
    pipeline = Pipeline([Lines(), Count()])
    stream = pipeline.pipe(iter([doc("x"), doc("y\nz")]))
    first = next(stream)
    assert first.extras["count"] == 1
    assert next(stream).extras["count"] == 2
    with pytest.raises(StopIteration):
        next(stream)


def test_pipe_passes_the_batch_size_to_stages_that_batch() -> None:
    pipeline = Pipeline([BatchedLines(), Count()])
    (result,) = pipeline.pipe([doc()], batch_size=7)
    assert result.extras["batch_size"] == 7
    assert result.extras["count"] == 3


def test_call_and_pipe_agree() -> None:
    pipeline = Pipeline([Lines(), Count(), Report()])
    by_call = pipeline(doc("p\nq"))
    (by_pipe,) = pipeline.pipe([doc("p\nq")])
    assert by_call.extras == by_pipe.extras
    assert by_call.fulfilled == by_pipe.fulfilled
