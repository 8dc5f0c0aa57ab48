from __future__ import annotations

import os
from pathlib import Path

import pytest

from kirok.ingest import SUPPORTED_SUFFIXES, IngestProblem, discover

from .conftest import WriteFile


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path, write_file: WriteFile) -> None:
    for name in [
        "b.txt",
        "a.html",
        "sub/z.pdf",
        "sub/deeper/c.jsonl",
        "a.htm",
        "D.TXT",
        "notes.docx",
        "x.json",
    ]:
        write_file(f"in/{name}", "text")
    write_file("in/.hidden.txt", "text")
    write_file("in/.git/config.txt", "text")
    found = list(discover([tmp_path / "in"]))
    assert found == [
        tmp_path / "in" / name
        for name in ["D.TXT", "a.htm", "a.html", "b.txt", "sub/deeper/c.jsonl", "sub/z.pdf"]
    ]


def test_files_come_as_given_each_once(tmp_path: Path, write_file: WriteFile) -> None:
    second = write_file("in/b.txt", "text")
    first = write_file("z.html", "text")
    relative = Path(os.path.relpath(second))
    found = list(discover([first, tmp_path / "in", relative, first]))
    assert found == [first, second]


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "r.txt"
    (found,) = list(discover([missing]))
    assert isinstance(found, IngestProblem)
    assert str(found) == f"{missing}: no such file or folder"


@pytest.mark.parametrize("name", ["report.docx", "report.json", "README"])
def test_unsupported_file_given_explicitly_is_a_problem(write_file: WriteFile, name: str) -> None:
    path = write_file(name, "text")
    (found,) = list(discover([path]))
    assert isinstance(found, IngestProblem)
    assert found.origin == str(path)
    assert found.message.startswith("unsupported file type")
    assert all(suffix in found.message for suffix in SUPPORTED_SUFFIXES)


def test_folder_without_reports_is_a_problem(tmp_path: Path, write_file: WriteFile) -> None:
    write_file("in/photo.jpg", b"\xff\xd8")
    (found,) = list(discover([tmp_path / "in"]))
    assert isinstance(found, IngestProblem)
    assert found.origin == str(tmp_path / "in")
    assert found.message.startswith("no .txt, .html, .htm, .pdf or .jsonl files")


def test_problems_do_not_stop_the_other_paths(tmp_path: Path, write_file: WriteFile) -> None:
    good = write_file("good.txt", "text")
    found = list(discover([tmp_path / "missing.txt", good]))
    assert isinstance(found[0], IngestProblem) and found[1] == good
