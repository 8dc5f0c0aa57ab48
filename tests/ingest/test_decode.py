from __future__ import annotations

import codecs

import pytest

from kirok.errors import IngestError
from kirok.ingest import IngestDefaults
from kirok.ingest.decode import decode_text, normalise_text

from .conftest import WriteFile, loaded, problem

KOREAN = "회령시 장마당에서 단속이 있었다고 소식통이 전했다.\n"


def test_utf8_with_bom_loses_the_bom_but_the_hash_keeps_it(write_file: WriteFile) -> None:
    original = codecs.BOM_UTF8 + "Market closed in Hoeryŏng\n\nThe market stayed shut.\n".encode()
    item = loaded(write_file("bom.txt", original))
    assert item.report.text.startswith("Market closed")
    assert item.original == original


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(write_file: WriteFile, encoding: str) -> None:
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    item = loaded(write_file("wide.txt", bom + f"Sŏngch’ŏn\n{KOREAN}".encode(encoding)))
    assert item.report.text == f"Sŏngch’ŏn\n{KOREAN}"


def test_cp949_without_encoding_is_refused_with_the_byte_and_a_hint(write_file: WriteFile) -> None:
    data = b"Source: " + KOREAN.encode("cp949")
    path = write_file("korean.txt", data)
    found = problem(path)
    with pytest.raises(UnicodeDecodeError) as bad:
        data.decode("utf-8")
    offset = bad.value.start
    assert f"not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset})" in found.message
    assert "pass --encoding (e.g. cp949 for Korean)" in found.message
    assert "\n" not in found.message


def test_forced_encoding_decodes_korean(write_file: WriteFile) -> None:
    item = loaded(write_file("korean.txt", KOREAN.encode("cp949")), IngestDefaults(encoding="cp949"))
    assert item.report.text == KOREAN


def test_forced_encoding_that_does_not_fit_is_refused(write_file: WriteFile) -> None:
    path = write_file("bad.txt", b"ok \xff\xff\xff")
    found = problem(path, IngestDefaults(encoding="cp949"))
    assert found.message.startswith("not valid cp949 (byte 0xff at offset 3)")


def test_nul_bytes_look_binary(write_file: WriteFile) -> None:
    found = problem(write_file("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    assert found.message.startswith("looks binary, not text")


def test_whitespace_only_is_empty(write_file: WriteFile) -> None:
    assert problem(write_file("blank.txt", " \n\t\r\n  ")).message.startswith("empty file")


def test_html_meta_charset_is_honoured_when_the_bytes_are_not_utf8(write_file: WriteFile) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"></head>'
        f"<body><article><p>{KOREAN}</p></article></body></html>"
    )
    item = loaded(write_file("kr.html", page.encode("cp949")))
    assert item.report.text == KOREAN.strip()


def test_html_utf8_bytes_win_over_a_wrong_declaration(write_file: WriteFile) -> None:
    page = f'<html><head><meta charset="windows-1252"></head><body><p>Hoeryŏng {KOREAN}</p></body></html>'
    item = loaded(write_file("mixed.html", page.encode()))
    assert item.report.text.startswith("Hoeryŏng 회령시")


def test_html_with_an_unknown_declared_charset_is_refused(write_file: WriteFile) -> None:
    page = '<meta charset="x-klingon"><p>caf\xe9 in Hyesan</p>'.encode("latin-1")
    assert problem(write_file("k.html", page)).message.startswith("not valid UTF-8 (byte 0xe9")


def test_decode_names_the_origin() -> None:
    with pytest.raises(IngestError) as caught:
        decode_text(b"\xc3\x28 broken", "in/x.txt")
    assert caught.value.origin == "in/x.txt"


def test_normalise_makes_nfc_and_unix_newlines_and_keeps_the_rest() -> None:
    decomposed = "\ufeffHoeryo\u0306ng\r\n“quoted”  twice\rend"
    assert normalise_text(decomposed) == "Hoeryŏng\n“quoted”  twice\nend"
