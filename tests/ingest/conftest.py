"""Builders for ingest tests: files written at run time into ``tmp_path``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fpdf import FPDF

from kirok.ingest import IngestDefaults, IngestProblem, Loaded, read_file

FIXTURES = Path(__file__).parent / "fixtures"


def read_one(path: Path, defaults: IngestDefaults | None = None) -> Loaded | IngestProblem:
    """The single item ``read_file`` gives for a txt, html or pdf file."""
    items = list(read_file(path, defaults or IngestDefaults()))
    assert len(items) == 1, items
    return items[0]


def loaded(path: Path, defaults: IngestDefaults | None = None) -> Loaded:
    item = read_one(path, defaults)
    assert isinstance(item, Loaded), str(item)
    return item


def problem(path: Path, defaults: IngestDefaults | None = None) -> IngestProblem:
    item = read_one(path, defaults)
    assert isinstance(item, IngestProblem), item
    assert item.origin == str(path)
    assert str(item).startswith(f"{path}: ")
    return item


WriteFile = Callable[[str, bytes | str], Path]


@pytest.fixture
def write_file(tmp_path: Path) -> WriteFile:
    """Write bytes (or UTF-8 text) to ``tmp_path/name`` and return the path."""

    def write(name: str, content: bytes | str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return write


def pdf_bytes(pages: list[list[str]], *, title: str | None = None, password: str | None = None) -> bytes:
    """A PDF with one page per item, each page a list of lines in Helvetica (latin-1 only)."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    if title is not None:
        pdf.set_title(title)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    if password is not None:
        pdf.set_encryption(owner_password="owner-secret", user_password=password)
    return bytes(pdf.output())


def drawing_only_pdf() -> bytes:
    """A scan-like PDF: a drawn rectangle, no text layer at all."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(90, 90, 90)
    pdf.rect(20, 20, 120, 80, style="F")
    return bytes(pdf.output())
