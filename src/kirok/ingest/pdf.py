"""PDF reports: the text layer, page by page. A PDF without one (a scan) must be OCR'd first.

The document's ``/CreationDate`` is when the file was made (often a print of a web page years later),
not when the report was published, so it is not used; the publication date comes from the defaults.
``/Title`` is used only when the text starts with it: many PDFs carry a stale or tool-made title.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

from kirok.errors import IngestError
from kirok.ingest.decode import normalise_text
from kirok.ingest.loaded import IngestDefaults, Loaded, make_report
from kirok.model import SegmentRole

__all__ = ["read_pdf"]

_SPACE = re.compile(r"\s+")
_LANGUAGE = re.compile(r"([A-Za-z]{2,3})(?:[-_].*)?")


def read_pdf(data: bytes, origin: str, defaults: IngestDefaults) -> Loaded:
    """A ``.pdf`` report; :class:`~kirok.errors.IngestError` for a PDF that has no usable text."""
    if b"%PDF-" not in data[:1024]:
        raise IngestError(
            "not a PDF (no %PDF- header at the start); looks binary, not text, or is misnamed",
            origin=origin,
        )
    with _quiet_pypdf():
        pages, title, language = _extract(data, origin)
    text = "\n\n".join(page for page in pages if page)
    if not text:
        raise IngestError("the PDF has no text layer (scanned?); OCR it first", origin=origin)
    segments: tuple[tuple[int, int, SegmentRole], ...] = ()
    if title and (end := _prefix_end(text, title)) is not None:
        segments = ((0, end, SegmentRole.HEADLINE),)
    else:
        title = None
    return make_report(
        data,
        text,
        origin=origin,
        media_type="application/pdf",
        defaults=defaults,
        title=title,
        language=language,
        segments=segments,
    )


def _extract(data: bytes, origin: str) -> tuple[list[str], str | None, str | None]:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(
                "the PDF is encrypted (password-protected); save a decrypted copy first "
                "(e.g. qpdf --decrypt in.pdf out.pdf)",
                origin=origin,
            )
        pages = [_clean_page(page.extract_text() or "") for page in reader.pages]
        title = _clean_line(str(reader.metadata.title or "")) if reader.metadata else ""
        language = reader.root_object.get("/Lang")
    except IngestError:
        raise
    except (FileNotDecryptedError, NotImplementedError) as error:
        raise IngestError(
            f"the PDF is encrypted in a way Kirok cannot open ({_one_line(error)})", origin=origin
        ) from None
    except Exception as error:  # PdfReadError, and many other kinds from pypdf on damaged files
        raise IngestError(
            f"cannot read the PDF, it is corrupt or truncated ({type(error).__name__}: {_one_line(error)})",
            origin=origin,
        ) from None
    lang = str(language) if language else ""
    match = _LANGUAGE.fullmatch(lang.strip())
    return pages, title or None, match.group(1).lower() if match else None


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf warns (and logs) about every small flaw it repairs; a damaged file becomes one problem."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _one_line(error: BaseException) -> str:
    return _SPACE.sub(" ", str(error)).strip()


def _clean_page(text: str) -> str:
    lines = [line.rstrip() for line in normalise_text(text).split("\n")]
    return "\n".join(lines).strip()


def _clean_line(text: str) -> str:
    return unicodedata.normalize("NFC", _SPACE.sub(" ", text).strip())


def _prefix_end(text: str, title: str) -> int | None:
    """Where ``title`` ends when ``text`` starts with it (whitespace may differ), else None."""
    words = title.split()
    pattern = r"\s+".join(re.escape(word) for word in words)
    match = re.match(pattern, text)
    return match.end() if match and words else None
