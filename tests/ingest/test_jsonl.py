from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from kirok.ingest import IngestDefaults, IngestProblem, Loaded, read_file
from kirok.model import SegmentRole

from .conftest import WriteFile

DEFAULTS = IngestDefaults(published=date(2021, 1, 1), outlet="Flag Desk", language="ko", url="https://flag")


def record(number: int, **fields: object) -> str:
    base: dict[str, object] = {"text": f"Report {number}: inspectors visited the Sunam market in Chongjin."}
    base.update(fields)
    return json.dumps(base, ensure_ascii=False)


def items(path: Path, defaults: IngestDefaults = DEFAULTS) -> list[Loaded | IngestProblem]:
    return list(read_file(path, defaults))


def test_a_thousand_lines_with_ten_broken(write_file: WriteFile) -> None:
    broken = {7, 99, 100, 250, 333, 500, 641, 777, 900, 1000}
    bad_lines = [
        "{not json",
        "[1, 2]",
        '{"title": "no text"}',
        '{"text": ""}',
        '{"text": "x", "published": "soon"}',
    ]
    lines = [bad_lines[n % len(bad_lines)] if n in broken else record(n) for n in range(1, 1001)]
    path = write_file("big.jsonl", "\n".join(lines) + "\n")
    found = items(path)
    loaded = [item for item in found if isinstance(item, Loaded)]
    problems = [item for item in found if isinstance(item, IngestProblem)]
    assert len(loaded) == 990
    assert [p.origin for p in problems] == [f"{path}:{n}" for n in sorted(broken)]
    assert [item.report.origin for item in loaded][:2] == [f"{path}:1", f"{path}:2"]
    assert len({item.report.id for item in loaded}) == 990


def test_line_values_win_over_defaults_which_fill_the_gaps(write_file: WriteFile) -> None:
    own = record(1, published="2021-10-12", outlet="Line Desk", url="https://line", language="en")
    path = write_file("m.jsonl", own + "\n" + record(2) + "\n")
    first, second = (item.report for item in items(path) if isinstance(item, Loaded))
    assert (first.published, first.outlet, first.url, first.language) == (
        date(2021, 10, 12),
        "Line Desk",
        "https://line",
        "en",
    )
    assert (second.published, second.outlet, second.url, second.language) == (
        date(2021, 1, 1),
        "Flag Desk",
        "https://flag",
        "ko",
    )
    assert first.media_type == "application/x-ndjson"


def test_original_is_the_line_bytes_without_the_newline(write_file: WriteFile) -> None:
    line = record(1, text="Hoeryŏng “quoted”", id="ignored-1")
    path = write_file(
        "o.jsonl", (line + "\r\n\n   \n" + line.replace("ignored-1", "ignored-2") + "\n").encode()
    )
    first, second = items(path)
    assert isinstance(first, Loaded) and isinstance(second, Loaded)
    assert first.original == line.encode()
    assert first.report.sha256 == hashlib.sha256(line.encode()).hexdigest()
    assert first.report.text == "Hoeryŏng “quoted”"
    assert second.report.origin == f"{path}:4"  # blank lines skipped, still counted
    assert first.report.id != second.report.id  # "id" is not identity: the bytes are


def test_same_line_gives_the_same_id(write_file: WriteFile) -> None:
    path = write_file("dup.jsonl", record(5) + "\n" + record(5))
    first, second = items(path)
    assert isinstance(first, Loaded) and isinstance(second, Loaded)
    assert first.report.id == second.report.id


def test_last_line_without_newline_and_a_bom(write_file: WriteFile) -> None:
    path = write_file("bom.jsonl", b"\xef\xbb\xbf" + record(1).encode())
    (item,) = items(path)
    assert isinstance(item, Loaded)
    assert item.original == record(1).encode()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON ("),
        ('"just a string"', "a JSON str, not an object"),
        ("[1, 2]", "a JSON list, not an object"),
        ('{"title": "Headline only"}', 'no "text" field'),
        ('{"text": null}', 'no "text" field'),
        ('{"text": "   "}', '"text" must be a non-empty string'),
        ('{"text": 42}', '"text" must be a non-empty string'),
        ('{"text": "Body.", "published": "next week"}', "cannot read the publication date 'next week'"),
        ('{"text": "Body.", "published": 20211012}', '"published" must be a string, not int'),
        ('{"text": "Body.", "outlet": ["a"]}', '"outlet" must be a string, not list'),
    ],
)
def test_broken_line_names_file_and_line(write_file: WriteFile, line: str, message: str) -> None:
    path = write_file("bad.jsonl", record(1) + "\n" + line + "\n" + record(3) + "\n")
    first, bad, third = items(path)
    assert isinstance(first, Loaded) and isinstance(third, Loaded)
    assert isinstance(bad, IngestProblem)
    assert bad.origin == f"{path}:2"
    assert str(bad).startswith(f"{path}:2: {message}")


def test_invalid_utf8_line_is_a_problem(write_file: WriteFile) -> None:
    path = write_file("enc.jsonl", record(1).encode() + b'\n{"text": "caf\xe9"}\n')
    _, bad = items(path)
    assert isinstance(bad, IngestProblem)
    assert str(bad).startswith(f"{path}:2: not valid UTF-8 (byte 0xe9 at column 14)")


def test_forced_encoding_applies_to_lines(write_file: WriteFile) -> None:
    path = write_file("kr.jsonl", '{"text": "회령 소식"}\n'.encode("cp949"))
    (item,) = items(path, IngestDefaults(encoding="cp949"))
    assert isinstance(item, Loaded) and item.report.text == "회령 소식"


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_empty_jsonl_is_a_problem(write_file: WriteFile, content: bytes) -> None:
    path = write_file("empty.jsonl", content)
    (found,) = items(path)
    assert isinstance(found, IngestProblem)
    assert found.origin == str(path) and found.message.startswith("empty file")


def test_binary_line_is_a_problem(write_file: WriteFile) -> None:
    path = write_file("bin.jsonl", b"\x00\x01\x02\n")
    (found,) = items(path)
    assert str(found).startswith(f"{path}:1: looks binary, not text")


def test_title_field_marks_the_headline_when_the_text_starts_with_it(write_file: WriteFile) -> None:
    lines = [
        record(1, title="Raid in Musan", text="Raid in Musan\n\nPolice searched homes."),
        record(2, title="Raid in Musan", text="Police searched homes."),
        record(3, text="Fines doubled in Hyesan\n\nTraders paid twice as much."),
    ]
    path = write_file("t.jsonl", "\n".join(lines))
    first, second, third = (item.report for item in items(path) if isinstance(item, Loaded))
    assert first.segments == ((0, 13, SegmentRole.HEADLINE),) and first.title == "Raid in Musan"
    assert second.segments == () and second.title == "Raid in Musan"
    assert third.title == "Fines doubled in Hyesan" and third.segments == ((0, 23, SegmentRole.HEADLINE),)
