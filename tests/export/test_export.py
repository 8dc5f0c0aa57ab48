"""get_exporter and the package surface."""

from __future__ import annotations

import io

import pytest

import kirok.export
from kirok.errors import ExportError
from kirok.export import FORMATS, CsvExporter, Exporter, GeoJsonExporter, JsonExporter, get_exporter

from .samples import EVENTS, REPORTS


@pytest.mark.parametrize(
    ("fmt", "cls"), [("csv", CsvExporter), ("JSON", JsonExporter), (" geojson ", GeoJsonExporter)]
)
def test_get_exporter_knows_each_format(fmt: str, cls: type) -> None:
    exporter: Exporter = get_exporter(fmt)
    assert isinstance(exporter, cls)
    assert exporter.format == fmt.strip().lower() and exporter.extension == "." + exporter.format
    assert exporter.media_type


def test_an_unknown_format_is_an_export_error() -> None:
    with pytest.raises(ExportError, match="unknown export format 'xlsx'; choose one of csv, json, geojson"):
        get_exporter("xlsx")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_exporter_counts_what_it_writes_and_accepts_a_generator(fmt: str) -> None:
    out = io.StringIO()
    written = get_exporter(fmt).write((e for e in EVENTS), REPORTS, out)
    assert written == (1 if fmt == "geojson" else 3)
    assert get_exporter(fmt).write([], REPORTS, io.StringIO()) == 0


def test_all_names_exist() -> None:
    assert all(hasattr(kirok.export, name) for name in kirok.export.__all__)
    assert sorted(kirok.export.__all__) == sorted(set(kirok.export.__all__))
