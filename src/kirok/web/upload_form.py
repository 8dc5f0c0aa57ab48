"""What an ingest request sends: files and fields read within the size limits, checked, written to a folder.

A multipart body is parsed as it streams in; files go to temporary files on disk (never whole into
memory) and the request is refused with 413 as soon as it passes the limit for one request, or when one
file is over the limit for one file. The fields become :class:`~kirok.ingest.IngestDefaults`, with 400
naming the field for a value Kirok cannot use. Uploaded bytes are written unchanged into the job's
folder, each file in a folder of its own under the (cleaned) name it was uploaded with, so the readers
of ``kirok ingest`` read them as they read files given on the command line, sidecars included.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import AsyncGenerator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from urllib.parse import urlsplit

from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request

from kirok.errors import ConfigError, IngestError
from kirok.ingest import IngestDefaults, parse_published
from kirok.ingestion import SIDECAR_SUFFIX, sidecar_path
from kirok.web.jobs import JobFile

__all__ = [
    "FIELDS",
    "PASTED_NAME",
    "Received",
    "Refused",
    "UploadLimits",
    "check_length",
    "ingest_defaults",
    "read_json_body",
    "receive_form",
    "safe_name",
    "size_label",
    "write_job_files",
]

MB = 1024 * 1024
#: The form's text fields besides the files (``files``) and the CSRF token.
FIELDS = ("text", "outlet", "url", "published", "language", "encoding")
PASTED_NAME = "pasted text"
MAX_OUTLET_CHARS = 200
MAX_URL_CHARS = 2000

_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


@dataclass(frozen=True)
class UploadLimits:
    """How much one request may send: per file (and per pasted text), in all, and how many files."""

    max_file_bytes: int = 20 * MB
    max_request_bytes: int = 100 * MB
    max_files: int = 200

    def as_json(self) -> dict[str, int]:
        return {
            "max_file_bytes": self.max_file_bytes,
            "max_request_bytes": self.max_request_bytes,
            "max_files": self.max_files,
        }


class Refused(Exception):
    """A request refused before anything is stored: status 400, 413 or 415, and the field to blame."""

    def __init__(self, status: int, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field


@dataclass
class Received:
    """The request's text fields and chosen files (in temporary files until written to the job)."""

    values: dict[str, str] = field(default_factory=dict)
    uploads: list[UploadFile] = field(default_factory=list)
    form: FormData | None = None

    async def close(self) -> None:
        if self.form is not None:
            await self.form.close()


def size_label(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= MB // 8 else f"{size:,} bytes"


def _too_large_request(size: int | None, limits: UploadLimits) -> Refused:
    sent = f"is {size_label(size)}, " if size is not None else "is "
    return Refused(
        413,
        f"The upload {sent}over the {size_label(limits.max_request_bytes)} limit for one request; "
        "send fewer files at a time.",
    )


def check_length(request: Request, limits: UploadLimits) -> None:
    """413 before reading anything when ``Content-Length`` already says the body is too large."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_request_bytes:
        raise _too_large_request(int(declared), limits)


async def _limited(request: Request, limits: UploadLimits) -> AsyncGenerator[bytes, None]:
    seen = 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen > limits.max_request_bytes:
            raise _too_large_request(None, limits)
        yield chunk


async def read_json_body(request: Request, limits: UploadLimits) -> bytes:
    """The whole body, refused with 413 past the request limit (a pasted report is text: it fits)."""
    check_length(request, limits)
    return b"".join([chunk async for chunk in _limited(request, limits)])


async def receive_form(request: Request, limits: UploadLimits) -> Received:
    """The fields and files of a multipart (or urlencoded) form, within ``limits``."""
    check_length(request, limits)
    content_type = request.headers.get("content-type", "").lower()
    if content_type.startswith("multipart/form-data"):
        parser = MultiPartParser(
            request.headers,
            _limited(request, limits),
            max_files=limits.max_files,
            max_fields=len(FIELDS) + 2,
            max_part_size=limits.max_file_bytes,
        )
        try:
            form = await parser.parse()
        except MultiPartException as error:
            status = 413 if "maximum size" in error.message else 400
            raise Refused(status, f"The form could not be read: {error.message}") from None
    else:
        form = await request.form(max_files=0, max_fields=len(FIELDS) + 2)
    received = Received(form=form)
    try:
        for name, value in form.multi_items():
            if isinstance(value, str):
                received.values.setdefault(name, value)
            elif value.filename or value.size:  # a file input left empty sends an empty, unnamed part
                received.uploads.append(value)
        for upload in received.uploads:
            size = upload.size or 0
            if size > limits.max_file_bytes:
                raise Refused(
                    413,
                    f"{safe_name(upload.filename or '')} is {size_label(size)}, over the "
                    f"{size_label(limits.max_file_bytes)} limit for one file; split it or upload it "
                    "with `kirok ingest`.",
                    "files",
                )
    except Refused:
        await received.close()
        raise
    return received


def ingest_defaults(values: Mapping[str, str]) -> IngestDefaults:
    """The form's metadata as defaults for the reports; :class:`Refused` (400) naming a bad field."""

    def text(name: str) -> str | None:
        return values.get(name, "").strip() or None

    published = None
    if (written := text("published")) is not None:
        try:
            published = parse_published(written, "published")
        except IngestError as error:
            raise Refused(400, f"published: {error.message}", "published") from None
    outlet = text("outlet")
    if outlet is not None and len(outlet) > MAX_OUTLET_CHARS:
        raise Refused(400, f"outlet: at most {MAX_OUTLET_CHARS} characters", "outlet")
    url = text("url")
    if url is not None:
        parts = urlsplit(url)
        if len(url) > MAX_URL_CHARS or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            raise Refused(
                400, "url: write the report's web address, starting with http:// or https://", "url"
            )
    language = text("language")
    if language is not None and not _LANGUAGE.fullmatch(language):
        raise Refused(400, "language: write a language code such as en or ko", "language")
    try:
        return IngestDefaults(
            published=published,
            outlet=outlet,
            url=url,
            language=language.lower() if language else None,
            encoding=text("encoding"),
        )
    except ConfigError as error:
        raise Refused(400, f"encoding: {error.message}", "encoding") from None


def safe_name(filename: str) -> str:
    """The uploaded file's own name, without folders or control characters, short enough for a disk."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if c.isprintable()).strip().lstrip(".").strip()
    if len(name.encode("utf-8")) > 200:
        suffix = PurePath(name).suffix[:16]
        name = name[: 100 - len(suffix)] + suffix
    return name or "upload"


def write_job_files(uploads: list[UploadFile], pasted: str | None) -> tuple[Path, list[JobFile], list[str]]:
    """A new folder holding the uploads, byte for byte, and the pasted text (UTF-8, ``\\n`` newlines).

    Returns the folder, the files to ingest and notes on sidecars that belong to no uploaded report.
    Each report file gets a folder of its own; a ``.meta.json`` sidecar is put beside each report whose
    name or stem it starts with, and :func:`~kirok.ingestion.sidecar_path` picks the one that belongs to
    it, as for ``kirok ingest``.
    """
    folder = Path(tempfile.mkdtemp(prefix="kirok-ingest-"))
    try:
        reports = [u for u in uploads if not _is_sidecar(u)]
        sidecars = [u for u in uploads if _is_sidecar(u)]
        files: list[JobFile] = []
        for number, upload in enumerate(reports, start=1):
            name = safe_name(upload.filename or "")
            path = folder / f"{number:04d}" / name
            path.parent.mkdir()
            size = _copy(upload, path)
            for sidecar in sidecars:
                meta_name = safe_name(sidecar.filename or "")
                if meta_name[: -len(SIDECAR_SUFFIX)] in (name, path.stem):  # it may belong to this file
                    _copy(sidecar, path.parent / meta_name)
            files.append(JobFile(name=name, path=path, size=size))
        if pasted is not None:
            path = folder / "pasted" / "pasted-text.txt"
            path.parent.mkdir()
            data = pasted.replace("\r\n", "\n").encode("utf-8")
            path.write_bytes(data)
            files.append(JobFile(name=PASTED_NAME, path=path, size=len(data)))
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    used = {meta.name for f in files if (meta := sidecar_path(f.path)) is not None}
    notes = [
        f"{name}: no uploaded report has this name without {SIDECAR_SUFFIX}, so it was not used"
        for name in (safe_name(s.filename or "") for s in sidecars)
        if name not in used
    ]
    return folder, files, notes


def _is_sidecar(upload: UploadFile) -> bool:
    return (upload.filename or "").lower().endswith(SIDECAR_SUFFIX)


def _copy(upload: UploadFile, path: Path) -> int:
    upload.file.seek(0)
    with path.open("wb") as out:
        shutil.copyfileobj(upload.file, out, 1024 * 1024)
    return path.stat().st_size
