"""Stages and pipelines with declared contracts.

Each stage says which attributes of a :class:`~kirok.pipeline.doc.Doc` it reads (``requires``) and which
it fills (``assigns``), as spaCy's ``Language.factory`` does. :class:`Pipeline` checks the order when it
is built: a stage whose requirement no earlier stage assigns is refused then, not at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import ClassVar, Protocol, runtime_checkable

from kirok.errors import PipelineOrderError
from kirok.pipeline.doc import Doc

__all__ = ["INITIAL_CONTRACTS", "Pipeline", "Stage", "StageBase"]

#: What every new Doc already has: its text and its metadata (published date, language, id).
INITIAL_CONTRACTS: frozenset[str] = frozenset({"doc.text", "doc.meta"})


@runtime_checkable
class Stage(Protocol):
    """One step of the pipeline: a doc in, the same doc (with more filled in) out."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    def __call__(self, doc: Doc) -> Doc: ...

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]: ...


class StageBase:
    """Convenience base: ``pipe`` runs ``__call__`` on each doc. Stages that batch override it."""

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()

    def __call__(self, doc: Doc) -> Doc:  # pragma: no cover - every stage overrides it
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class Pipeline:
    """Stages in order, checked against each other when built."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        self.stages: tuple[Stage, ...] = tuple(stages)
        self._check()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def _check(self) -> None:
        if not self.stages:
            raise PipelineOrderError("a pipeline needs at least one stage")
        have = set(INITIAL_CONTRACTS)
        seen: set[str] = set()
        for stage in self.stages:
            if stage.name in seen:
                raise PipelineOrderError(f"stage {stage.name!r} appears twice")
            seen.add(stage.name)
            missing = [r for r in stage.requires if r not in have]
            if missing:
                providers = ", ".join(missing)
                raise PipelineOrderError(
                    f"stage {stage.name!r} requires {providers}, which no earlier stage assigns "
                    f"(order: {' -> '.join(s.name for s in self.stages)})"
                )
            have.update(stage.assigns)

    def __call__(self, doc: Doc) -> Doc:
        for stage in self.stages:
            doc = stage(doc)
            doc.fulfilled.update(stage.assigns)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Run every stage over a stream of docs, letting stages that batch (spaCy) do so."""
        stream: Iterable[Doc] = docs
        for stage in self.stages:
            stream = _mark(stage.pipe(stream, batch_size=batch_size), stage.assigns)
        yield from stream


def _mark(docs: Iterator[Doc], assigns: tuple[str, ...]) -> Iterator[Doc]:
    for doc in docs:
        doc.fulfilled.update(assigns)
        yield doc
