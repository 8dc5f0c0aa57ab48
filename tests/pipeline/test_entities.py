"""Stage ``entities.spacy.v1`` with the real model (slow: it loads spaCy's English pipeline)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kirok.errors import ConfigError
from kirok.pipeline.doc import Doc
from kirok.pipeline.entities import SpacyEntityStage, load_spacy
from kirok.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def stage() -> SpacyEntityStage:
    return SpacyEntityStage(Settings(db_path=Path("unused.db"), key_file=Path("unused.key")))


def test_the_model_is_explosions_small_english_pipeline(stage: SpacyEntityStage) -> None:
    meta = stage.nlp.meta
    assert (meta["lang"], meta["version"], meta["author"]) == ("en", "3.8.0", "Explosion")
    assert {"tagger", "parser", "ner", "lemmatizer"} <= set(stage.nlp.pipe_names)


def test_entities_carry_offsets_into_the_text(stage: SpacyEntityStage) -> None:
    text = (
        "The Ministry of State Security arrested two traders in Hyesan on Tuesday, "
        "a source told Example Wire."
    )
    doc = stage(Doc(text=text))
    assert doc.entities, "the model found no entity at all"
    for ent in doc.entities:
        assert text[ent.start : ent.end] == ent.text
    assert any(e.label == "DATE" and e.text == "Tuesday" for e in doc.entities)
    assert doc.extras["spacy"].text == text


def test_pipe_keeps_docs_and_results_paired(stage: SpacyEntityStage) -> None:
    texts = [f"Report {i}: agents searched {i} homes in Musan on Monday." for i in range(40)]
    docs = list(stage.pipe((Doc(text=t) for t in texts), batch_size=7))
    assert [d.text for d in docs] == texts
    assert all(d.extras["spacy"].text == d.text for d in docs)


def test_a_missing_model_is_a_clear_config_error() -> None:
    with pytest.raises(ConfigError, match="not installed"):
        load_spacy("kirok_no_such_model")
