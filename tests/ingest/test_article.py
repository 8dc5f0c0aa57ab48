from __future__ import annotations

import pytest
from lxml import html as lxml_html

from kirok.ingest.article import Block, article_blocks, article_scope, find_container
from kirok.model import SegmentRole

BODY = "<p>Officials in Onsong checked every household register on Sunday night.</p>"


def blocks(page: str) -> list[Block]:
    root = lxml_html.document_fromstring(page)
    container = find_container(root)
    return article_blocks(container, article_scope(container))


def texts(page: str) -> list[str]:
    return [block.text for block in blocks(page)]


@pytest.mark.parametrize(
    ("page", "chosen"),
    [
        (f"<main><div itemprop='articleBody' id='c'>{BODY}</div><p>{'x' * 300}</p></main>", "c"),
        (f"<article><div class='td-post-content tagdiv-type' id='c'>{BODY}</div></article>", "c"),
        (f"<article id='small'><p>Short.</p></article><article id='c'>{BODY}</article>", "c"),
        (f"<div><main id='c'>{BODY}</main></div>", "c"),
        (f"<div id='menu'><p>Home</p></div><div id='c'>{BODY}{BODY}</div>", "c"),
    ],
)
def test_container_choice(page: str, chosen: str) -> None:
    assert find_container(lxml_html.document_fromstring(page)).get("id") == chosen


def test_a_wrapper_with_a_boilerplate_looking_class_is_kept() -> None:
    page = (
        f"<article><div class='post-comments-on'>{BODY}{BODY}</div><div class='comments'>Hi</div></article>"
    )
    assert texts(page) == [
        "Officials in Onsong checked every household register on Sunday night.",
        "Officials in Onsong checked every household register on Sunday night.",
    ]


def test_a_page_wrapped_in_a_form_is_read() -> None:
    page = "<body><form id='aspnetForm'>Officials in Onsong checked registers.<br><br>Two left.</form></body>"
    assert texts(page) == ["Officials in Onsong checked registers.", "Two left."]


def test_comments_and_their_tails() -> None:
    page = "<article><p>Police <!-- ad slot --> detained <b>two</b> men.</p></article>"
    assert texts(page) == ["Police detained two men."]


def test_link_lists_and_dangling_headings_are_dropped() -> None:
    page = (
        f"<article>{BODY}<h2>Background</h2><p>The register was last checked in spring.</p>"
        "<h3>See also</h3><ul><li><a href='/1'>Earlier checks in Onsong</a></li>"
        "<li><a href='/2'>Registers and rations</a></li></ul></article>"
    )
    assert texts(page) == [
        "Officials in Onsong checked every household register on Sunday night.",
        "Background",
        "The register was last checked in spring.",
    ]


def test_a_link_inside_prose_is_kept() -> None:
    page = "<article><p>As <a href='/x'>reported earlier</a>, fines in Musan were doubled.</p></article>"
    assert texts(page) == ["As reported earlier, fines in Musan were doubled."]


def test_caption_classes_mark_captions() -> None:
    page = (
        f"<article>{BODY}<div class='image-caption'>Photo: a household register.</div>"
        "<figure><figcaption><p>Line one</p><p>Line two</p></figcaption></figure></article>"
    )
    found = blocks(page)
    assert [(b.text, b.role) for b in found[1:]] == [
        ("Photo: a household register.", SegmentRole.CAPTION),
        ("Line one", SegmentRole.CAPTION),
        ("Line two", SegmentRole.CAPTION),
    ]
    assert found[0].role is SegmentRole.BODY
