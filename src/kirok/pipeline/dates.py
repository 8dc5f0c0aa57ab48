"""The date stage: temporal expressions of a report, normalised against its publication date.

A thin stage over :func:`kirok.timex.tag`; the rules and word lists live in ``data/timex_lexicon.json``.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from kirok.pipeline.doc import Doc
from kirok.pipeline.stage import StageBase
from kirok.settings import Settings
from kirok.timex import tag

__all__ = ["NO_PUBLICATION_DATE", "TimexStage", "future_publication"]

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
        today = self.settings.today
        if today is not None and doc.published is not None and doc.published > today:
            warning = future_publication(doc.published)
            if warning not in doc.warnings:
                doc.warnings.append(warning)
        return doc


def future_publication(published: date) -> str:
    """The warning for a publication date after the real today."""
    return (
        f"publication date {published.isoformat()} is in the future; "
        "relative dates are resolved against it anyway"
    )
