"""The article inside a news page: its container, and its paragraphs without the page around them.

A page is mostly not the article: navigation, menus, sidebars, share buttons, tag clouds, related
articles, comment forms and "Read in Korean" lines. :func:`article_blocks` finds the element that holds
the article and returns its paragraphs, photo captions marked as such, with all of that left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html as lxml_html

from kirok.model import SegmentRole

__all__ = ["Block", "article_blocks", "article_scope", "find_container", "is_comment_or_pi"]

HtmlElement = lxml_html.HtmlElement

# Elements that are never article text, wherever they are.
_NEVER_TEXT = frozenset(
    "script style noscript template iframe svg canvas object embed select input textarea button "
    "form nav aside footer header menu dialog audio video map".split()
)
_BLOCK_TAGS = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre figure figcaption "
    "table tr td th thead tbody tfoot caption address hr center details summary".split()
)
_HEADINGS = frozenset("h2 h3 h4 h5 h6".split())
_BOILERPLATE_TOKENS = frozenset(
    "nav navbar navigation menu breadcrumb breadcrumbs sidebar widget widgets masthead ad ads adv advert "
    "adverts advertisement advertising adsense dfp sponsor sponsored promo banner share sharing sharedaddy "
    "social comment comments respond related keywords newsletter subscribe subscription popup modal "
    "cookie cookies byline author authors skip print pagination pager signup donate sr meta timestamp "
    "screen-reader-text recommended trending popular outbrain taboola tag tags tagcloud tagged".split()
)
_BOILERPLATE_PREFIXES = (
    "tagcloud",
    "share",
    "social",
    "related",
    "comment",
    "advert",
    "sidebar",
    "newsletter",
)
_BOILERPLATE_ROLES = frozenset("navigation banner complementary contentinfo search menu menubar".split())
_BODY_CLASSES = (
    "entry-content",
    "article-body",
    "articlebody",
    "article-content",
    "article-text",
    "post-content",
    "post-body",
    "story-body",
    "story-content",
    "td-post-content",
    "news-content",
)
_BOILERPLATE_TEXT = re.compile(
    r"(?:read (?:this (?:article|story) )?in korean"
    r"|please direct any (?:comments|questions)\b.*"
    r"|(?:translated|edited|written|reported|compiled) by\b.*"
    r"|(?:copyright\b|©).*"
    r"|(?:share|tweet|email|print|like)(?: (?:this|on))?(?: (?:article|story|page|facebook|twitter|x))?"
    r"|related (?:articles?|posts?|stories|news|reading)|you (?:may|might) also like.*|more from\b.*"
    r"|most (?:read|popular)|(?:tags?|keywords?|topics?|filed under)\s*:.*|advertisement|sponsored"
    r"|leave a (?:comment|reply)|subscribe\b.*|sign up\b.*|skip to (?:content|main content))[.!:]?",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPLIT_TOKENS = re.compile(r"[^a-z0-9]+")
#: A block whose text is mostly link text is a list of links (tags, related articles), not prose.
_MAX_LINK_SHARE = 0.8
#: An element holding most of the article's text is kept even when its class looks like boilerplate.
_MAX_SHARE_REMOVED = 0.6


@dataclass(frozen=True)
class Block:
    """One paragraph of the article: its text (whitespace collapsed) and its role."""

    text: str
    role: SegmentRole
    heading: bool = False  # an h2-h6: dropped when nothing follows it (the title of a removed list)


def is_comment_or_pi(node: object) -> bool:
    """Comments and processing instructions (lxml gives them a non-string ``tag``)."""
    return not isinstance(getattr(node, "tag", None), str)


def find_container(root: HtmlElement) -> HtmlElement:
    """The element that holds the article: the most specific known container with text, else the
    element with the most paragraph text, else ``<body>``."""
    elements = [el for el in root.iter() if not is_comment_or_pi(el)]
    tiers: list[list[HtmlElement]] = [
        [el for el in elements if el.get("itemprop", "").lower() == "articlebody"],
        [el for el in elements if _class_names(el) & set(_BODY_CLASSES)],
        [el for el in elements if el.tag == "article"],
        [el for el in elements if el.tag == "main" or el.get("role", "").lower() == "main"],
    ]
    for tier in tiers:
        scored = [(_paragraph_chars(el), el) for el in tier]
        scored = [(score, el) for score, el in scored if score > 0]
        if scored:
            return max(scored, key=lambda pair: pair[0])[1]
    parents: dict[HtmlElement, int] = {}
    for p in root.iter("p"):
        if (parent := p.getparent()) is not None:
            parents[parent] = parents.get(parent, 0) + len(_text(p))
    if parents:
        best = max(parents.items(), key=lambda pair: pair[1])
        if best[1] > 0:
            return best[0]
    body = root.find("body")
    return body if body is not None else root


def article_scope(container: HtmlElement) -> HtmlElement:
    """The wider element the article lives in (its ``<article>`` or ``<main>``), for headline, dates
    and a lead photo that sit outside the body container."""
    node: HtmlElement | None = container
    for _ in range(4):
        if node is None or node.tag in ("body", "html"):
            break
        if node.tag in ("article", "main"):
            return node
        node = node.getparent()
    return container


def article_blocks(container: HtmlElement, scope: HtmlElement) -> list[Block]:
    """The article's paragraphs and captions, in order, without boilerplate.

    ``container`` is changed in place (boilerplate elements are removed): parse a page once per read.
    """
    lead = [
        Block(_text(el), SegmentRole.CAPTION)
        for el in _lead_captions(container, scope)
        if _text(el) and not _BOILERPLATE_TEXT.fullmatch(_text(el))
    ]
    _remove_boilerplate(container)
    blocks = lead + [b for b in _walk_blocks(container) if not _BOILERPLATE_TEXT.fullmatch(b.text)]
    while blocks and blocks[-1].heading:
        blocks.pop()
    return blocks


def _lead_captions(container: HtmlElement, scope: HtmlElement) -> list[HtmlElement]:
    if scope is container:
        return []
    inside = set(container.iter())
    return [
        el
        for el in scope.iter()
        if not is_comment_or_pi(el)
        and el not in inside
        and _is_caption(el)
        and not _has_caption_parent(el)
        and not _in_boilerplate(el, scope)
    ]


def _remove_boilerplate(container: HtmlElement) -> None:
    """First what is never text (scripts, menus, hidden elements, the headline), then elements whose
    class or role says boilerplate, unless one holds most of what is left (a wrapper of the article)."""
    for el in list(container.iter()):
        if el is container or not _attached_to(el, container):
            continue
        if is_comment_or_pi(el) or el.tag == "h1" or _is_hidden(el) or el.tag in _NEVER_TEXT - {"form"}:
            _drop(el)
    total = max(len(_text(container)), 1)
    for el in list(container.iter()):
        if el is container or is_comment_or_pi(el) or not _attached_to(el, container):
            continue
        if (el.tag == "form" or _looks_boilerplate(el)) and len(_text(el)) <= _MAX_SHARE_REMOVED * total:
            _drop(el)


def _walk_blocks(container: HtmlElement) -> list[Block]:
    collector = _Collector()
    collector.walk(container, SegmentRole.BODY, in_link=False)
    collector.flush(SegmentRole.BODY)
    return collector.blocks


class _Collector:
    """Turns an element tree into blocks: block elements break paragraphs, ``<br>`` breaks lines."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._link_chars = 0

    def walk(self, el: HtmlElement, role: SegmentRole, *, in_link: bool) -> None:
        if is_comment_or_pi(el):
            self._add(el.tail, in_link)
            return
        tag = el.tag
        is_block = tag in _BLOCK_TAGS
        own_role = SegmentRole.CAPTION if _is_caption(el) or role is SegmentRole.CAPTION else role
        if is_block:
            self.flush(role)
        if tag == "br":
            self._parts.append("\n")
        else:
            child_link = in_link or tag == "a"
            self._add(el.text, child_link)
            for child in el:
                self.walk(child, own_role, in_link=child_link)
        if is_block:
            self.flush(own_role, heading=tag in _HEADINGS)
        self._add(el.tail, in_link)

    def flush(self, role: SegmentRole, *, heading: bool = False) -> None:
        lines = [line.strip() for line in "".join(self._parts).split("\n")]
        total = sum(len(line) for line in lines)
        mostly_links = total > 0 and self._link_chars >= _MAX_LINK_SHARE * total
        self._parts, self._link_chars = [], 0
        if mostly_links and role is not SegmentRole.CAPTION:
            return
        paragraph: list[str] = []
        for line in [*lines, ""]:
            if line:
                paragraph.append(line)
            elif paragraph:
                self.blocks.append(Block("\n".join(paragraph), role, heading))
                paragraph = []

    def _add(self, text: str | None, in_link: bool) -> None:
        if text:
            collapsed = _SPACE.sub(" ", text)
            self._parts.append(collapsed)
            if in_link:
                self._link_chars += len(collapsed.strip())


def _drop(node: HtmlElement) -> None:
    if node.getparent() is not None:
        node.drop_tree()  # keeps the tail text


def _attached_to(el: HtmlElement, container: HtmlElement) -> bool:
    node: HtmlElement | None = el
    while node is not None:
        if node is container:
            return True
        node = node.getparent()
    return False


def _class_names(el: HtmlElement) -> set[str]:
    return {name.lower() for name in (el.get("class") or "").split()}


def _tokens(el: HtmlElement) -> set[str]:
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return {t for t in _SPLIT_TOKENS.split(names) if t} | {n for n in names.split() if n}


def _looks_boilerplate(el: HtmlElement) -> bool:
    if el.get("role", "").lower() in _BOILERPLATE_ROLES:
        return True
    tokens = _tokens(el)
    return bool(tokens & _BOILERPLATE_TOKENS) or any(
        t.startswith(_BOILERPLATE_PREFIXES) or t.endswith("tags") for t in tokens
    )


def _in_boilerplate(el: HtmlElement, scope: HtmlElement) -> bool:
    node = el.getparent()
    while node is not None and node is not scope:
        if node.tag in _NEVER_TEXT or _looks_boilerplate(node) or _is_hidden(node):
            return True
        node = node.getparent()
    return False


def _is_hidden(el: HtmlElement) -> bool:
    return (
        el.get("hidden") is not None
        or el.get("aria-hidden", "").lower() == "true"
        or bool(_HIDDEN_STYLE.search(el.get("style") or ""))
    )


def _is_caption(el: HtmlElement) -> bool:
    return el.tag == "figcaption" or "caption" in (el.get("class") or "").lower()


def _has_caption_parent(el: HtmlElement) -> bool:
    parent = el.getparent()
    while parent is not None:
        if not is_comment_or_pi(parent) and _is_caption(parent):
            return True
        parent = parent.getparent()
    return False


def _paragraph_chars(el: HtmlElement) -> int:
    paragraphs = list(el.iter("p"))
    if paragraphs:
        return sum(len(_text(p)) for p in paragraphs)
    return len(_text(el))


def _text(el: HtmlElement) -> str:
    return _SPACE.sub(" ", el.text_content()).strip()
