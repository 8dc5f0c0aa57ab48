"""Cutting a report's text into marked, escaped pieces, and finding the sentence around a span."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kirok.model import EventType, SegmentRole, Span
from kirok.web.highlight import Mark, pieces, render, sentence_around

TEXT = "Guards took two men. They were beaten & held.\nCaption: a gate"
TWO_MEN = TEXT.index("two men")
HELD = TEXT.index("\n")


def test_overlapping_marks_are_split_into_pieces() -> None:
    marks = [Mark(0, 19, "e-1", EventType.ARREST), Mark(TWO_MEN, HELD, "e-2", EventType.DETENTION)]
    parts = pieces(TEXT, marks)
    assert [(p.text, [m.event_id for m in p.marks]) for p in parts] == [
        ("Guards took ", ["e-1"]),
        ("two men", ["e-1", "e-2"]),
        (". They were beaten & held.", ["e-2"]),
        ("\nCaption: a gate", []),
    ]
    assert [p.anchors for p in parts] == [("e-1",), ("e-2",), (), ()]


def test_render_escapes_and_marks_overlaps() -> None:
    marks = [Mark(0, 19, "e-1", EventType.ARREST), Mark(TWO_MEN, HELD, "e-2", EventType.DETENTION)]
    html = str(render(pieces(TEXT, marks)))
    assert "beaten &amp; held" in html
    assert (
        '<mark class="ev ev-arrest ev-overlap" data-types="arrest detention" data-events="e-1 e-2"'
        ' title="arrest, detention">two men</mark>'
    ) in html
    assert html.count('class="anchor"') == 2 and 'id="ev-e-2"' in html
    assert 'class="anchor"' not in str(render(pieces(TEXT, marks), anchor_prefix=""))


def test_markup_in_the_text_stays_text() -> None:
    text = 'a <script>alert("x")</script> b'
    html = str(render(pieces(text, [Mark(2, 29, "e-<1>", EventType.EXECUTION)])))
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert 'data-events="e-&lt;1&gt;"' in html


def test_dimmed_segments_wrap_their_text_and_body_does_not() -> None:
    start = TEXT.index("Caption")
    segments = [(0, start - 1, SegmentRole.BODY), (start, len(TEXT), SegmentRole.CAPTION)]
    html = str(render(pieces(TEXT, [Mark(start, start + 7, "e-1", EventType.MEETING)], segments)))
    assert html.endswith(
        '<span class="seg seg-caption"><mark class="ev ev-meeting" data-types="meeting" data-events="e-1"'
        ' title="meeting">Caption</mark></span><span class="seg seg-caption">: a gate</span>'
    )
    assert "seg-body" not in html


def test_excerpt_keeps_report_offsets() -> None:
    start = TEXT.index("They")
    excerpt = TEXT[start:HELD]
    beaten = TEXT.index("beaten")
    marks = [Mark(0, 19, "e-1", EventType.ARREST), Mark(beaten, beaten + 6, "e-2", EventType.ILL_TREATMENT)]
    parts = pieces(excerpt, marks, offset=start)
    assert [(p.text, bool(p.marks)) for p in parts] == [
        ("They were ", False),
        ("beaten", True),
        (" & held.", False),
    ]


def test_marks_outside_the_text_or_empty_are_ignored() -> None:
    parts = pieces("short", [Mark(10, 20, "e-1", EventType.ESCAPE), Mark(2, 2, "e-2", EventType.ESCAPE)])
    assert [(p.text, p.marks) for p in parts] == [("short", ())]


@given(
    text=st.text(alphabet="ab <>&\"'.\n", max_size=40),
    spans=st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45)), max_size=6),
)
def test_pieces_cover_the_text_exactly_once(text: str, spans: list[tuple[int, int]]) -> None:
    marks = [Mark(min(a, b), max(a, b), f"e-{i}", EventType.ARREST) for i, (a, b) in enumerate(spans)]
    parts = pieces(text, marks)
    assert "".join(p.text for p in parts) == text
    assert all(p.start < p.end for p in parts) or text == ""
    for p in parts:
        for m in marks:
            inside = m.start <= p.start and p.end <= m.end and m.start < m.end
            assert (m in p.marks) == inside
            assert inside or p.end <= m.start or m.end <= p.start or m.start == m.end


@pytest.mark.parametrize(
    ("words", "sentence"),
    [
        ("two men", "Guards took two men."),
        ("beaten", "They were beaten & held."),
        ("a gate", "Caption: a gate"),
        ("men. They", "Guards took two men. They were beaten & held."),
    ],
)
def test_sentence_around(words: str, sentence: str) -> None:
    start = TEXT.index(words)
    first, last = sentence_around(TEXT, Span(start=start, end=start + len(words)))
    assert TEXT[first:last] == sentence


def test_sentence_around_does_not_stop_at_a_decimal_point() -> None:
    text = "Prices rose 2.5 times. Guards seized phones in 2.3 hours. End"
    start = text.index("seized")
    first, last = sentence_around(text, Span(start=start, end=start + 6))
    assert text[first:last] == "Guards seized phones in 2.3 hours."
