from __future__ import annotations

from datetime import date

from kirok.ingest import IngestDefaults
from kirok.model import SegmentRole

from .conftest import WriteFile, drawing_only_pdf, loaded, pdf_bytes, problem

PAGE_ONE = [
    "Lecture held on border security in Hyesan",
    "Residents of Hyesan were called to a lecture on Friday,",
    "a source in Ryanggang Province said.",
]
PAGE_TWO = ["Attendance was checked by the inminban heads.", "Those absent were fined."]


def test_pages_are_joined_with_blank_lines(write_file: WriteFile) -> None:
    data = pdf_bytes([PAGE_ONE, PAGE_TWO])
    item = loaded(write_file("report.pdf", data))
    assert item.report.text == "\n".join(PAGE_ONE) + "\n\n" + "\n".join(PAGE_TWO)
    assert item.report.media_type == "application/pdf"
    assert item.original == data


def test_title_is_used_when_the_text_starts_with_it(write_file: WriteFile) -> None:
    report = loaded(write_file("titled.pdf", pdf_bytes([PAGE_ONE], title=PAGE_ONE[0]))).report
    assert report.title == PAGE_ONE[0]
    assert report.segments == ((0, len(PAGE_ONE[0]), SegmentRole.HEADLINE),)


def test_a_stale_title_is_ignored(write_file: WriteFile) -> None:
    report = loaded(
        write_file("stale.pdf", pdf_bytes([PAGE_ONE], title="Microsoft Word - draft3.docx"))
    ).report
    assert report.title is None and report.segments == ()


def test_metadata_comes_from_the_defaults_not_the_creation_date(write_file: WriteFile) -> None:
    defaults = IngestDefaults(published=date(2019, 6, 1), outlet="Northern Dispatch", language="en")
    report = loaded(write_file("d.pdf", pdf_bytes([PAGE_ONE])), defaults).report
    assert (report.published, report.outlet) == (date(2019, 6, 1), "Northern Dispatch")


def test_a_pdf_without_a_text_layer_must_be_ocrd(write_file: WriteFile) -> None:
    found = problem(write_file("scan.pdf", drawing_only_pdf()))
    assert found.message == "the PDF has no text layer (scanned?); OCR it first"


def test_an_encrypted_pdf_is_a_problem(write_file: WriteFile) -> None:
    found = problem(write_file("locked.pdf", pdf_bytes([PAGE_ONE], password="user-secret")))
    assert found.message.startswith("the PDF is encrypted")


def test_a_pdf_locked_only_against_editing_reads(write_file: WriteFile) -> None:
    report = loaded(write_file("owner.pdf", pdf_bytes([PAGE_ONE], password=""))).report
    assert report.text.startswith(PAGE_ONE[0])


def test_a_truncated_pdf_is_a_problem(write_file: WriteFile) -> None:
    data = pdf_bytes([PAGE_ONE, PAGE_TWO])
    found = problem(write_file("cut.pdf", data[: len(data) // 3]))
    assert found.message.startswith("cannot read the PDF, it is corrupt or truncated")


def test_garbage_after_the_header_is_a_problem(write_file: WriteFile) -> None:
    found = problem(write_file("junk.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8))
    assert found.message.startswith("cannot read the PDF, it is corrupt or truncated")


def test_a_file_that_is_not_a_pdf_is_a_problem(write_file: WriteFile) -> None:
    found = problem(write_file("fake.pdf", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    assert found.message.startswith("not a PDF (no %PDF- header at the start)")
    assert "looks binary, not text" in found.message


def test_an_empty_pdf_file_is_a_problem(write_file: WriteFile) -> None:
    assert problem(write_file("empty.pdf", b"")).message == "empty file (0 bytes)"
