"""The extraction pipeline: stages with declared contracts over a :class:`~kirok.pipeline.doc.Doc`."""

from __future__ import annotations

from kirok.pipeline.doc import Doc
from kirok.pipeline.registry import DEFAULT_STAGES, STAGES, build_pipeline
from kirok.pipeline.stage import Pipeline, Stage

__all__ = ["DEFAULT_STAGES", "STAGES", "Doc", "Pipeline", "Stage", "build_pipeline"]
