"""The date stage: temporal expressions of a report, normalised against its publication date.

A thin stage over :func:`kirok.timex.tag`; the rules and word lists live in ``data/timex_lexicon.json``.
"""

from __future__ import annotations

from typing import ClassVar

from kirok.pipeline.doc import Doc
from kirok.pipeline.stage import StageBase
from kirok.settings import Settings
from kirok.timex import tag

__all__ = ["TimexStage"]

NO_PUBLICATION_DATE = "no publication date: relative dates ('yesterday', 'last week') are left unresolved"


class TimexStage(StageBase):
    """Fills ``doc.timexes``, sorted by start."""

    name: ClassVar[str] = "dates.timex.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc.sentences",)
    assigns: ClassVar[tuple[str, ...]] = ("doc.timexes",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, doc: Doc) -> Doc:
        doc.timexes = sorted(tag(doc.text, doc.published), key=lambda t: (t.start, t.end))
        if doc.published is None and NO_PUBLICATION_DATE not in doc.warnings:
            doc.warnings.append(NO_PUBLICATION_DATE)
        return doc
