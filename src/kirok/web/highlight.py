"""A report's text as escaped HTML, with each event's evidence marked and non-prose segments dimmed.

Evidence spans of different events may overlap. The text is cut at every span and segment boundary into
non-overlapping pieces; each piece knows which events cover it and which segment role it lies in, so the
markup never nests badly. All text goes through :func:`markupsafe.escape`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from kirok.model import Event, EventType, SegmentRole, Span

__all__ = ["DIMMED_ROLES", "Mark", "Piece", "highlight", "marks_of", "pieces", "render", "sentence_around"]

#: Segment roles shown dimmed: kept in the text, never read for events.
DIMMED_ROLES: frozenset[SegmentRole] = frozenset(
    {SegmentRole.CAPTION, SegmentRole.TAGLINE, SegmentRole.BOILERPLATE}
)


@dataclass(frozen=True, slots=True)
class Mark:
    """One stretch of evidence to mark: which event it belongs to and the event's type."""

    start: int
    end: int
    event_id: str
    type: EventType


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of text with one set of covering marks and one segment role."""

    start: int
    end: int
    text: str
    marks: tuple[Mark, ...] = ()
    role: SegmentRole | None = None
    anchors: tuple[str, ...] = ()  # event ids whose first evidence starts here


def marks_of(events: Iterable[Event]) -> list[Mark]:
    """Every evidence span of every event, as marks."""
    return [Mark(s.start, s.end, e.id, e.type) for e in events for s in e.evidence]


def pieces(
    text: str,
    marks: Sequence[Mark],
    segments: Sequence[tuple[int, int, SegmentRole]] = (),
    *,
    offset: int = 0,
) -> list[Piece]:
    """Cut ``text`` into non-overlapping pieces at every mark and segment boundary.

    ``offset`` is the position of ``text`` in the report, for when only an excerpt (one sentence) is
    shown: marks and segments keep report offsets and are clipped to the excerpt.
    """
    lo, hi = offset, offset + len(text)
    clipped = [m for m in marks if m.start < hi and m.end > lo and m.end > m.start]
    roles = [(max(s, lo), min(e, hi), r) for s, e, r in segments if r in DIMMED_ROLES and s < hi and e > lo]
    cuts = {lo, hi}
    for m in clipped:
        cuts.update((max(m.start, lo), min(m.end, hi)))
    for s, e, _ in roles:
        cuts.update((s, e))
    first_starts: dict[str, int] = {}
    for m in sorted(clipped, key=lambda m: (m.start, m.end)):
        first_starts.setdefault(m.event_id, max(m.start, lo))
    bounds = sorted(cuts)
    out: list[Piece] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        covering = tuple(m for m in clipped if m.start <= start and end <= m.end)
        role = next((r for s, e, r in roles if s <= start and end <= e), None)
        anchors = tuple(eid for eid, pos in first_starts.items() if pos == start)
        out.append(Piece(start, end, text[start - lo : end - lo], covering, role, anchors))
    return out


def _mark_open(marks: tuple[Mark, ...]) -> Markup:
    types = list(dict.fromkeys(m.type.value for m in marks))
    ids = list(dict.fromkeys(m.event_id for m in marks))
    classes = ["ev", f"ev-{types[0]}"] + (["ev-overlap"] if len(types) > 1 or len(ids) > 1 else [])
    label = ", ".join(t.replace("_", " ") for t in types)
    return Markup('<mark class="{}" data-types="{}" data-events="{}" title="{}">').format(
        " ".join(classes), " ".join(types), " ".join(ids), label
    )


def render(parts: Sequence[Piece], *, anchor_prefix: str = "ev-") -> Markup:
    """The pieces as HTML: ``<span class="seg seg-ROLE">`` around dimmed text, ``<mark>`` on evidence.

    An empty ``<span id="{anchor_prefix}{event id}">`` sits where each event's evidence first starts,
    so ``#ev-...`` links scroll to it. Pass ``anchor_prefix=""`` to leave anchors out.
    """
    html: list[Markup] = []
    for p in parts:
        if anchor_prefix:
            for eid in p.anchors:
                html.append(Markup('<span class="anchor" id="{}{}"></span>').format(anchor_prefix, eid))
        inner = escape(p.text)
        if p.marks:
            inner = _mark_open(p.marks) + inner + Markup("</mark>")
        if p.role is not None:
            inner = Markup('<span class="seg seg-{}">').format(p.role.value) + inner + Markup("</span>")
        html.append(inner)
    return Markup("").join(html)


def highlight(
    text: str, events: Iterable[Event], segments: Sequence[tuple[int, int, SegmentRole]] = ()
) -> Markup:
    """A whole report's text with every event's evidence marked and anchored."""
    return render(pieces(text, marks_of(events), segments))


_SENTENCE_END = ".!?\n"


def sentence_around(text: str, span: Span) -> tuple[int, int]:
    """The sentence (or line) that holds ``span``: from after the previous full stop to the next one.

    A full stop is one of ``.!?`` followed by whitespace, or a line break. The result always covers
    the span itself.
    """
    start = min(span.start, len(text))
    end = min(max(span.end, start), len(text))
    while start > 0:
        ch, after = text[start - 1], text[start : start + 1]
        if ch == "\n" or (ch in _SENTENCE_END and (after == "" or after.isspace())):
            break
        start -= 1
    while end < len(text):
        ch, after = text[end], text[end + 1 : end + 2]
        if ch == "\n":
            break
        if ch in _SENTENCE_END and (after == "" or after.isspace()):
            end += 1
            break
        end += 1
    while start < span.start and text[start].isspace():
        start += 1
    return start, end
