"""Stage ``clean.segment.v1``: paragraphs and lines with their roles, then sentences.

Reports arrive as plain text (``kirok extract``), or with some roles already known (an HTML reader
marks headlines and captions). Lines that are not prose (photo captions, keyword tag lines, "Read in
Korean") are kept in the text but given their role, so later stages never read events from them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import ClassVar

from kirok.model import SegmentRole
from kirok.pipeline.doc import Doc, Segment, Sentence
from kirok.pipeline.stage import StageBase
from kirok.settings import Settings

__all__ = [
    "SegmentRules",
    "SegmentStage",
    "classify_line",
    "load_segment_rules",
    "segment",
    "split_sentences",
]

_LINE = re.compile(r"[^\n]+")
_TAG_LINE = re.compile(r"^[a-z0-9][a-z0-9 ,'’\-]*$")
#: "Nampho, Pyongyang, inminban, home checks": a list of short keywords separated by commas.
_KEYWORD_LIST = re.compile(r"^[^,.!?;:“”\"]{1,30}(?:,\s*[^,.!?;:“”\"]{1,30}){2,}$")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+|$)")
_NEXT_START = re.compile(r"\s+[\"'“‘(\[]*([A-Z0-9]|[^\x00-\x7f])")
_NEXT_NUMBER = re.compile(r"[ \t]*\n?[ \t]*\d")


@dataclass(frozen=True)
class SegmentRules:
    caption: tuple[re.Pattern[str], ...]
    boilerplate: tuple[re.Pattern[str], ...]
    abbreviations: frozenset[str]
    #: abbreviations only before a number ("Dec. 12", "No. 9"): before a word, their stop ends a sentence
    before_number: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_segment_rules() -> SegmentRules:
    raw = json.loads(resources.files("kirok.pipeline").joinpath("rules/segment.json").read_text("utf-8"))
    return SegmentRules(
        caption=tuple(re.compile(p, re.IGNORECASE) for p in raw["caption"]),
        boilerplate=tuple(re.compile(p, re.IGNORECASE) for p in raw["boilerplate"]),
        abbreviations=frozenset(raw["abbreviations"]),
        before_number=frozenset(raw["before_number"]),
    )


def classify_line(line: str, rules: SegmentRules) -> SegmentRole:
    """The role of one line of text judged on its own (headlines are decided by position)."""
    stripped = line.strip()
    if any(p.search(stripped) for p in rules.boilerplate):
        return SegmentRole.BOILERPLATE
    if any(p.search(stripped) for p in rules.caption):
        return SegmentRole.CAPTION
    words = stripped.split()
    if len(words) >= 3 and _TAG_LINE.match(stripped) and not stripped.endswith((".", "!", "?")):
        return SegmentRole.TAGLINE
    if _KEYWORD_LIST.match(stripped) and all(len(item.split()) <= 3 for item in stripped.split(",")):
        return SegmentRole.TAGLINE
    return SegmentRole.BODY


def _looks_like_headline(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 200 and not s.endswith((".", ":", ";", ","))


def _lines(text: str) -> Iterator[tuple[int, int, bool]]:
    """Non-blank lines as (start, end, follows_blank_line), ends without trailing spaces."""
    prev_end = -1
    for m in _LINE.finditer(text):
        line = m.group()
        if not line.strip():
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        end = m.start() + len(line.rstrip())
        gap = text[prev_end : m.start()] if prev_end >= 0 else "\n\n"
        yield start, end, gap.count("\n") >= 2
        prev_end = m.end()


def segment(text: str, known: tuple[tuple[int, int, SegmentRole], ...], rules: SegmentRules) -> list[Segment]:
    """Paragraph segments with roles. Consecutive prose lines of one paragraph stay one segment."""
    segments: list[Segment] = []
    first = True
    for start, end, new_paragraph in _lines(text):
        role = _known_role(start, end, known)
        prev = segments[-1] if segments else None
        if role is None:
            role = classify_line(text[start:end], rules)
            if first and role is SegmentRole.BODY and _looks_like_headline(text[start:end]):
                role = SegmentRole.HEADLINE
            if role is SegmentRole.TAGLINE and _continues(text, prev, new_paragraph):
                role = SegmentRole.BODY  # a hard-wrapped line of prose (plain text, PDF), not a tag line
        first = False
        if (
            prev is not None
            and not new_paragraph
            and role is SegmentRole.BODY
            and prev.role is SegmentRole.BODY
        ):
            segments[-1] = Segment(prev.start, end, SegmentRole.BODY)
        else:
            segments.append(Segment(start, end, role))
    return segments


def _continues(text: str, prev: Segment | None, new_paragraph: bool) -> bool:
    """Whether a line goes on with the body paragraph before it, whose last sentence is unfinished."""
    return (
        prev is not None
        and not new_paragraph
        and prev.role is SegmentRole.BODY
        and not text[prev.start : prev.end].endswith((".", "!", "?", "…", '"', "”", "’", "'"))
    )


def _known_role(start: int, end: int, known: tuple[tuple[int, int, SegmentRole], ...]) -> SegmentRole | None:
    for k_start, k_end, role in known:
        if k_start <= start and end <= k_end:
            return role
    return None


def split_sentences(
    text: str,
    start: int,
    end: int,
    abbreviations: frozenset[str],
    before_number: frozenset[str] = frozenset(),
) -> Iterator[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``, aware of abbreviations such as "Mr." and "St.", and
    of those that stand only before a number: "on Dec. 12 and" goes on, "in Dec. The next day" and
    "said no. Then" end."""
    s = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.group() == ".":  # after "Mr" or an initial a stop is no end; before a closing quote it is
            word = re.search(r"([\w.]+)$", text[s : m.start()])
            token = word.group(1).lower() if word else ""
            if token in abbreviations or (len(token) == 1 and token.isalpha()):
                continue
            if token in before_number and _NEXT_NUMBER.match(text, m.end(), end):
                continue
        nxt = _NEXT_START.match(text, m.end(), end)
        if m.end() < end and nxt is None:
            continue  # "... 3.5 per cent" or a lower-case continuation
        yield s, m.end()
        s = m.end()
        while s < end and text[s].isspace():
            s += 1
    if s < end and text[s:end].strip():
        yield s, end


class SegmentStage(StageBase):
    name: ClassVar[str] = "clean.segment.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc.text",)
    assigns: ClassVar[tuple[str, ...]] = ("doc.segments", "doc.sentences")

    def __init__(self, settings: Settings | None = None) -> None:
        self.rules = load_segment_rules()

    def __call__(self, doc: Doc) -> Doc:
        doc.segments = segment(doc.text, doc.known_segments, self.rules)
        sentences: list[Sentence] = []
        for i, seg in enumerate(doc.segments):
            if seg.role in (SegmentRole.BODY, SegmentRole.HEADLINE):
                for s, e in split_sentences(
                    doc.text, seg.start, seg.end, self.rules.abbreviations, self.rules.before_number
                ):
                    sentences.append(Sentence(s, e, seg.role, i))
            else:
                sentences.append(Sentence(seg.start, seg.end, seg.role, i))
        doc.sentences = sentences
        return doc
