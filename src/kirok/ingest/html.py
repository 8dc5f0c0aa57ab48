"""HTML news pages: the article text, headline and captions, and the metadata the page carries."""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from datetime import date

from lxml import etree
from lxml import html as lxml_html

from kirok.errors import IngestError
from kirok.ingest.article import article_blocks, article_scope, find_container, is_comment_or_pi
from kirok.ingest.decode import decode_text
from kirok.ingest.loaded import IngestDefaults, Loaded, make_report
from kirok.ingest.published import parse_published
from kirok.model import SegmentRole

__all__ = ["read_html"]

HtmlElement = lxml_html.HtmlElement

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Labels that browsers read as a wider encoding (WHATWG Encoding Standard).
_BROWSER_ENCODINGS = {
    "euc-kr": "cp949",
    "euc_kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "korean": "cp949",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}
_PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dc.date",
    "date",
    "parsely-pub-date",
    "sailthru.date",
)
_SPACE = re.compile(r"\s+")
_LANGUAGE = re.compile(r"([A-Za-z]{2,3})(?:[-_].*)?")
_TITLE_SEPARATORS = (" - ", " – ", " — ", " :: ")


def read_html(data: bytes, origin: str, defaults: IngestDefaults) -> Loaded:
    """A ``.html`` page; :class:`~kirok.errors.IngestError` when it holds no readable article."""
    text = decode_text(data, origin, forced=defaults.encoding, declared=_declared_charset(data))
    root = _parse(text, origin)
    meta = _meta_values(root)
    site = meta.get("og:site_name")
    container = find_container(root)
    scope = article_scope(container)
    published = _published(root, meta, scope)  # before scripts go: JSON-LD may hold the date
    headline = _headline(root, container, scope, meta, site)
    blocks = article_blocks(container, scope)
    if not any(block.role is SegmentRole.BODY for block in blocks):
        raise IngestError(
            "no article text found (the page has no paragraphs outside menus and boilerplate)", origin=origin
        )
    if headline:
        headline = unicodedata.normalize("NFC", headline)
    parts: list[tuple[str, SegmentRole | None]] = [(headline, SegmentRole.HEADLINE)] if headline else []
    parts += [
        (unicodedata.normalize("NFC", b.text), None if b.role is SegmentRole.BODY else b.role) for b in blocks
    ]
    segments: list[tuple[int, int, SegmentRole]] = []
    offset = 0
    for part, role in parts:
        if role is not None:
            segments.append((offset, offset + len(part), role))
        offset += len(part) + 2
    return make_report(
        data,
        "\n\n".join(part for part, _ in parts),
        origin=origin,
        media_type="text/html",
        defaults=defaults,
        title=headline,
        outlet=site,
        url=_url(root, meta),
        published=published,
        language=_language(root, meta),
        segments=tuple(segments),
    )


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    name = _BROWSER_ENCODINGS.get(label, label)
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def _parse(text: str, origin: str) -> HtmlElement:
    try:
        return lxml_html.document_fromstring(_XML_DECLARATION.sub("", text, count=1))
    except (etree.ParserError, ValueError) as error:
        raise IngestError(
            f"cannot parse the HTML ({_clean(str(error))}); no article text found", origin=origin
        ) from None


def _meta_values(root: HtmlElement) -> dict[str, str]:
    values: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv")
        content = meta.get("content")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), _clean(content))
    return values


def _published(root: HtmlElement, meta: dict[str, str], scope: HtmlElement) -> date | None:
    candidates = [meta[key] for key in _PUBLISHED_KEYS if key in meta]
    candidates += _json_ld_dates(root)
    for el in root.iter():
        if not is_comment_or_pi(el) and el.get("itemprop", "").lower() == "datepublished":
            candidates.append(el.get("datetime") or el.get("content") or "")
    candidates += [el.get("datetime") or "" for el in scope.iter("time")]
    for value in candidates:
        try:
            return parse_published(value, "page")
        except IngestError:
            continue
    return None


def _json_ld_dates(root: HtmlElement) -> list[str]:
    found: list[str] = []
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack: list[object] = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                if isinstance(value := item.get("datePublished"), str):
                    found.append(value)
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
    return found


def _headline(
    root: HtmlElement, container: HtmlElement, scope: HtmlElement, meta: dict[str, str], site: str | None
) -> str | None:
    for where in (container, scope):
        for h1 in where.iter("h1"):
            text = _clean(h1.text_content())
            if text and (site is None or text.lower() != site.lower()):
                return text
    title = meta.get("og:title") or meta.get("twitter:title")
    if title is None and (element := root.find(".//title")) is not None:
        title = _clean(element.text_content())
    return _trim_site_suffix(title, site) if title else None


def _trim_site_suffix(title: str, site: str | None) -> str:
    """``Headline | Site`` and ``Headline - Site`` to ``Headline``; a dash inside a headline stays."""
    if " | " in title:
        parts = [part.strip() for part in title.split(" | ") if part.strip()]
        if site:
            parts = [part for part in parts if part.lower() != site.lower()] or parts
        first, last = len(parts[0].split()), len(parts[-1].split())
        return parts[-1] if first <= 3 and last > first else parts[0]  # "Site | Headline"
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head.strip() and ((site and tail.lower() == site.lower()) or len(tail.split()) <= 3):
            return head.strip()
    return title


def _url(root: HtmlElement, meta: dict[str, str]) -> str | None:
    candidates = [link.get("href") or "" for link in root.iter("link") if _rel(link) == "canonical"]
    candidates.append(meta.get("og:url", ""))
    for value in candidates:
        if value.strip().lower().startswith(("http://", "https://")):
            return value.strip()
    return None


def _rel(link: HtmlElement) -> str:
    return (link.get("rel") or "").strip().lower()


def _language(root: HtmlElement, meta: dict[str, str]) -> str | None:
    for value in (
        root.get("lang"),
        root.get("xml:lang"),
        meta.get("content-language"),
        meta.get("og:locale"),
    ):
        if value and (match := _LANGUAGE.fullmatch(value.strip())):
            return match.group(1).lower()
    return None


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
