"""The stage registry: names, contracts of the default order (checked without loading spaCy)."""

from __future__ import annotations

import importlib

import pytest

from kirok.errors import ConfigError, PipelineOrderError
from kirok.pipeline.registry import DEFAULT_STAGES, STAGES, build_pipeline, load_stage
from kirok.pipeline.stage import INITIAL_CONTRACTS, StageBase
from kirok.settings import Settings


def stage_class(name: str) -> type[StageBase]:
    """The registered class, imported without building it (so spaCy is never loaded)."""
    module_name, _, class_name = STAGES[name].partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    assert isinstance(cls, type) and issubclass(cls, StageBase)
    return cls


def unmet(names: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
    """(stage, contract) pairs that no earlier stage assigns."""
    have = set(INITIAL_CONTRACTS)
    missing: list[tuple[str, str]] = []
    for name in names:
        cls = stage_class(name)
        missing += [(name, r) for r in cls.requires if r not in have]
        have.update(cls.assigns)
    return missing


def test_every_registered_name_is_versioned_and_resolves() -> None:
    for name, target in STAGES.items():
        assert name.rsplit(".", 1)[-1].startswith("v"), name
        cls = stage_class(name)
        assert cls.name == name, target
        assert isinstance(cls.requires, tuple) and isinstance(cls.assigns, tuple)


def test_default_stages_are_registered_in_the_documented_order() -> None:
    assert set(DEFAULT_STAGES) <= set(STAGES)
    assert DEFAULT_STAGES[0] == "clean.segment.v1"
    assert DEFAULT_STAGES[-1] == "events.rules.v1"
    assert len(set(DEFAULT_STAGES)) == len(DEFAULT_STAGES)


def test_default_order_meets_every_requirement() -> None:
    assert unmet(DEFAULT_STAGES) == []


def test_default_order_assigns_what_the_event_stage_reads() -> None:
    assigned = set(INITIAL_CONTRACTS)
    for name in DEFAULT_STAGES:
        assigned.update(stage_class(name).assigns)
    assert {"doc.sentences", "doc.timexes", "doc.places", "doc.events"} <= assigned


def test_dates_before_segment_leaves_a_requirement_unmet() -> None:
    order = list(DEFAULT_STAGES)
    i, j = order.index("clean.segment.v1"), order.index("dates.timex.v1")
    order[i], order[j] = order[j], order[i]
    assert ("dates.timex.v1", "doc.sentences") in unmet(order)


def test_events_first_leaves_its_requirements_unmet() -> None:
    order = ["events.rules.v1", *[n for n in DEFAULT_STAGES if n != "events.rules.v1"]]
    assert {c for s, c in unmet(order) if s == "events.rules.v1"} == {
        "doc.sentences",
        "doc.timexes",
        "doc.places",
    }


def test_build_pipeline_without_spacy_checks_order() -> None:
    names = ("clean.segment.v1", "places.gazetteer.v1", "dates.timex.v1", "events.rules.v1")
    pipeline = build_pipeline(Settings(), names)
    assert pipeline.names == names
    with pytest.raises(PipelineOrderError, match="'dates.timex.v1' requires doc.sentences"):
        build_pipeline(Settings(), ("dates.timex.v1", "clean.segment.v1"))


def test_load_stage_builds_the_registered_class() -> None:
    stage = load_stage("clean.segment.v1", Settings())
    assert stage.name == "clean.segment.v1"
    assert type(stage) is stage_class("clean.segment.v1")


@pytest.mark.parametrize("name", ["clean.segment", "events.rules.v2", "", "spacy"])
def test_unknown_stage_is_a_config_error_listing_known_ones(name: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_stage(name, Settings())
    assert repr(name) in str(info.value)
    assert "clean.segment.v1" in str(info.value)
    assert info.value.code == "K001"


def test_unknown_stage_in_a_pipeline_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown pipeline stage 'nope.v1'"):
        build_pipeline(Settings(), ("clean.segment.v1", "nope.v1"))
