from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kirok.ingest import IngestDefaults, IngestProblem, read_file
from kirok.ingest.text import find_headline
from kirok.model import SegmentRole

from .conftest import WriteFile, loaded, problem

REPORT = (
    "Hoeryŏng traders fined for selling “foreign” soap\n"
    "\n"
    "Officials in Hoeryŏng fined three traders last week, a source in North Hamgyong Province\n"
    "told the desk on Wednesday.   The traders had sold soap brought in from China.\n"
    "\n"
    "“They took the goods and the money,” the source said.\n"
)


def test_text_is_kept_as_written_with_a_headline_segment(write_file: WriteFile) -> None:
    item = loaded(write_file("report.txt", REPORT.replace("\n", "\r\n")))
    report = item.report
    assert report.text == REPORT  # no reflow; spaces, curly quotes and diacritics kept
    assert report.title == "Hoeryŏng traders fined for selling “foreign” soap"
    assert report.segments == ((0, len(report.title), SegmentRole.HEADLINE),)
    assert report.media_type == "text/plain"
    assert item.original == REPORT.replace("\n", "\r\n").encode()


def test_metadata_comes_from_the_defaults(write_file: WriteFile) -> None:
    defaults = IngestDefaults(
        published=date(2021, 10, 13), outlet="Northern Dispatch", url="https://x.example"
    )
    path = write_file("report.txt", REPORT)
    report = loaded(path, defaults).report
    assert (report.published, report.outlet, report.url) == (
        date(2021, 10, 13),
        "Northern Dispatch",
        "https://x.example",
    )
    assert report.language == "en"
    assert report.origin == str(path)


def test_same_bytes_give_the_same_id(write_file: WriteFile) -> None:
    first = loaded(write_file("a.txt", REPORT)).report
    second = loaded(write_file("copy/b.txt", REPORT)).report
    other = loaded(write_file("c.txt", REPORT + "\n")).report
    assert first.id == second.id and first.sha256 == second.sha256
    assert other.id != first.id


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Short headline\n\nBody text.", "Short headline"),
        ("\n\n  Indented headline  \n \nBody.", "Indented headline"),
        ("Headline ending in a question?\n\nBody.", "Headline ending in a question?"),
        ("Wait for it...\n\nBody.", "Wait for it..."),
        ("A first paragraph that ends with a full stop.\n\nBody.", None),
        ("No blank line after the first line\nBody.", None),
        ("Only one line", None),
        ("x" * 200 + "\n\nBody.", None),
        ("x" * 199 + "\n\nBody.", "x" * 199),
    ],
)
def test_headline_rule(text: str, title: str | None) -> None:
    found, segments = find_headline(text)
    assert found == title
    if title is None:
        assert segments == ()
    else:
        ((start, end, role),) = segments
        assert (text[start:end], role) == (title, SegmentRole.HEADLINE)


def test_empty_file_is_a_problem(write_file: WriteFile) -> None:
    assert problem(write_file("empty.txt", b"")).message == "empty file (0 bytes)"


def test_file_over_the_size_limit_is_refused_before_reading(write_file: WriteFile) -> None:
    path = write_file("big.txt", "word " * 60_000)
    (found,) = list(read_file(path, IngestDefaults(), max_bytes=200_000))
    assert str(found).startswith(f"{path}: file is 0.3 MB, over the 0.2 MB limit")


def test_small_limits_are_given_in_bytes(write_file: WriteFile) -> None:
    path = write_file("small.txt", "word " * 100)
    (found,) = list(read_file(path, IngestDefaults(), max_bytes=100))
    assert (
        str(found)
        == f"{path}: file is 500 bytes, over the 100 bytes limit for one file; split it or raise the limit"
    )


def test_missing_file_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    (found,) = list(read_file(path, IngestDefaults()))
    assert str(found) == f"{path}: no such file"


def test_unsupported_suffix_is_a_problem(write_file: WriteFile) -> None:
    path = write_file("report.docx", b"PK\x03\x04")
    (found,) = list(read_file(path, IngestDefaults()))
    assert isinstance(found, IngestProblem) and found.origin == str(path)
    assert "unsupported file type '.docx'" in str(found)


def test_a_folder_given_to_read_file_is_a_problem(tmp_path: Path) -> None:
    folder = tmp_path / "looks.txt"
    folder.mkdir()
    (found,) = list(read_file(folder, IngestDefaults()))
    assert str(found) == f"{folder}: not a regular file"
