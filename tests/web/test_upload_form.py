"""The pieces of an ingest request: file names, the metadata fields, the job folder."""

from __future__ import annotations

import io
import shutil
from datetime import date

import pytest
from starlette.datastructures import Headers, UploadFile

from kirok.ingest import IngestDefaults
from kirok.web.upload_form import (
    PASTED_NAME,
    Refused,
    ingest_defaults,
    safe_name,
    size_label,
    write_job_files,
)


@pytest.mark.parametrize(
    ("uploaded", "kept"),
    [
        ("report.txt", "report.txt"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\desk\\보고서.html", "보고서.html"),
        (".hidden.txt", "hidden.txt"),
        ("tab\there\n.txt", "tabhere.txt"),
        ("", "upload"),
        ("..", "upload"),
        ("a" * 300 + ".jsonl", "a" * 94 + ".jsonl"),
    ],
)
def test_safe_name(uploaded: str, kept: str) -> None:
    assert safe_name(uploaded) == kept


def test_the_fields_become_ingest_defaults() -> None:
    values = {"published": " 12 October 2021 ", "outlet": " Desk ", "url": "https://example.org/x",
              "language": "KO", "encoding": "cp949", "text": "ignored here"}  # fmt: skip
    assert ingest_defaults(values) == IngestDefaults(
        published=date(2021, 10, 12),
        outlet="Desk",
        url="https://example.org/x",
        language="ko",
        encoding="cp949",
    )
    assert ingest_defaults({"published": "", "url": "  "}) == IngestDefaults()


@pytest.mark.parametrize(
    ("field", "value"),
    [("published", "2021-13-01"), ("url", "ftp://example.org/x"), ("url", "https://"), ("url", "/reports/1"),
     ("language", "en_US"), ("encoding", "rot-13-ish")],
)  # fmt: skip
def test_a_bad_field_names_itself(field: str, value: str) -> None:
    with pytest.raises(Refused) as refused:
        ingest_defaults({field: value})
    assert (refused.value.status, refused.value.field) == (400, field)
    assert refused.value.message.startswith(f"{field}: ")


def test_size_label() -> None:
    assert [size_label(n) for n in (0, 65_536, 20 * 1024 * 1024)] == ["0 bytes", "65,536 bytes", "20.0 MB"]


def upload(name: str, content: bytes) -> UploadFile:
    return UploadFile(io.BytesIO(content), size=len(content), filename=name, headers=Headers())


def test_the_job_folder_holds_the_bytes_unchanged_and_the_pasted_text() -> None:
    content = b"\xef\xbb\xbfHeadline\r\n\r\nBody text.\r\n"
    folder, files, notes = write_job_files(
        [
            upload("a.txt", content),
            upload("a.txt", b"second"),
            upload("a.meta.json", b"{}"),
            upload("b.html", b"<p>b</p>"),
            upload("zz.meta.json", b"{}"),
        ],
        "Pasted\r\nline",
    )
    try:
        assert [f.name for f in files] == ["a.txt", "a.txt", "b.html", PASTED_NAME]
        assert [f.path.read_bytes() for f in files] == [content, b"second", b"<p>b</p>", b"Pasted\nline"]
        assert [f.size for f in files] == [len(content), 6, 8, 11]
        assert len({f.path.parent for f in files}) == 4  # two files of one name do not overwrite each other
        assert [sorted(p.name for p in f.path.parent.iterdir()) for f in files[:3]] == [
            ["a.meta.json", "a.txt"], ["a.meta.json", "a.txt"], ["b.html"]
        ]  # fmt: skip
        assert notes == [
            "zz.meta.json: no uploaded report has this name without .meta.json, so it was not used"
        ]
    finally:
        shutil.rmtree(folder)
