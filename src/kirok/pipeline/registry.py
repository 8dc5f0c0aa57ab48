"""The one place where stages are registered, under versioned names.

The table maps a name to ``"module:Class"`` and is imported lazily, so building a pipeline without the
spaCy stage never imports spaCy.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from kirok.errors import ConfigError
from kirok.pipeline.stage import Pipeline, Stage
from kirok.settings import Settings

__all__ = ["DEFAULT_STAGES", "STAGES", "build_pipeline", "load_stage"]

STAGES: Mapping[str, str] = MappingProxyType(
    {
        "clean.segment.v1": "kirok.pipeline.segment:SegmentStage",
        "entities.spacy.v1": "kirok.pipeline.entities:SpacyEntityStage",
        "places.gazetteer.v1": "kirok.pipeline.places:GazetteerPlaceStage",
        "dates.timex.v1": "kirok.pipeline.dates:TimexStage",
        "events.rules.v1": "kirok.pipeline.events:RuleEventStage",
    }
)

#: clean -> sentences -> entities -> places -> dates -> events (shared/design/PRODUCT.md)
DEFAULT_STAGES: tuple[str, ...] = (
    "clean.segment.v1",
    "entities.spacy.v1",
    "places.gazetteer.v1",
    "dates.timex.v1",
    "events.rules.v1",
)


def load_stage(name: str, settings: Settings) -> Stage:
    try:
        target = STAGES[name]
    except KeyError:
        known = ", ".join(sorted(STAGES))
        raise ConfigError(f"unknown pipeline stage {name!r}; known stages: {known}") from None
    module_name, _, class_name = target.partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    stage: Stage = cls(settings)
    return stage


def build_pipeline(settings: Settings, names: Sequence[str] = DEFAULT_STAGES) -> Pipeline:
    """Build and check a pipeline; a wrong order raises :class:`~kirok.errors.PipelineOrderError`."""
    return Pipeline([load_stage(n, settings) for n in names])
