"""Bytes to text for the text formats: UTF-8 unless a BOM, a forced or a declared encoding says otherwise.

A file that is not valid UTF-8 is refused with a message naming the bad byte, never decoded by guess:
a wrong guess would silently corrupt names. charset-normalizer only suggests an encoding in the message.
"""

from __future__ import annotations

import codecs
import unicodedata

from kirok.errors import IngestError

__all__ = ["decode_text", "normalise_text"]

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode_text(data: bytes, origin: str, *, forced: str | None = None, declared: str | None = None) -> str:
    """``data`` as normalised text (see :func:`normalise_text`), or :class:`IngestError` naming ``origin``.

    Order: a UTF-16 BOM; then ``forced`` (``--encoding``); then UTF-8 (with or without BOM); then
    ``declared`` (an HTML ``<meta charset>``) if the bytes are not UTF-8.
    """
    if data.startswith(_UTF16_BOMS) and forced is None:
        text = _decode(data, "utf-16", origin)
    elif forced is not None:
        text = _decode(data, forced, origin)
    else:
        _refuse_binary(data, origin)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            if declared is None or _is_utf8(declared):
                raise IngestError(_not_utf8_message(data, error), origin=origin) from None
            text = _decode(data, declared, origin)
    if "\x00" in text:
        raise IngestError("looks binary, not text (it holds NUL characters)", origin=origin)
    text = normalise_text(text)
    if not text.strip():
        raise IngestError("empty file (only whitespace)", origin=origin)
    return text


def normalise_text(text: str) -> str:
    """NFC, newlines as ``\\n``, no BOM. Nothing else changes: quotes, diacritics and spacing stay."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _decode(data: bytes, encoding: str, origin: str) -> str:
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except LookupError:
        raise IngestError(f"unknown encoding {encoding!r}", origin=origin) from None
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise IngestError(
            f"not valid {encoding} (byte 0x{byte:02x} at offset {error.start}); check --encoding",
            origin=origin,
        ) from None


def _refuse_binary(data: bytes, origin: str) -> None:
    if (offset := data.find(b"\x00")) >= 0:
        raise IngestError(f"looks binary, not text (NUL byte at offset {offset})", origin=origin)


def _is_utf8(name: str) -> bool:
    try:
        return codecs.lookup(name).name == "utf-8"
    except LookupError:
        return False


def _not_utf8_message(data: bytes, error: UnicodeDecodeError) -> str:
    message = (
        f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
        "if it is another encoding, pass --encoding (e.g. cp949 for Korean)"
    )
    if guess := _guess_encoding(data):
        message += f"; it may be {guess}"
    return message


def _guess_encoding(data: bytes) -> str | None:
    """A likely encoding for the message only; never used to decode."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: the message is complete without a guess
        return None
    best = from_bytes(data[:65536]).best()
    if best is None or best.encoding in ("ascii", "utf_8"):
        return None
    return str(best.encoding)
