"""Exports: events as CSV, JSON or GeoJSON, through one :class:`Exporter` interface."""

from __future__ import annotations

from kirok.errors import ExportError
from kirok.export.base import Exporter, flat_event, public_record
from kirok.export.csv import CsvExporter
from kirok.export.geojson import GeoJsonExporter
from kirok.export.json import JsonExporter

__all__ = [
    "FORMATS",
    "CsvExporter",
    "Exporter",
    "GeoJsonExporter",
    "JsonExporter",
    "flat_event",
    "get_exporter",
    "public_record",
]

_EXPORTERS: dict[str, type[CsvExporter] | type[JsonExporter] | type[GeoJsonExporter]] = {
    "csv": CsvExporter,
    "json": JsonExporter,
    "geojson": GeoJsonExporter,
}

#: The format names :func:`get_exporter` knows.
FORMATS: tuple[str, ...] = tuple(_EXPORTERS)


def get_exporter(fmt: str) -> Exporter:
    """A new exporter for ``fmt`` (``csv``, ``json``, ``geojson``; any case)."""
    try:
        return _EXPORTERS[fmt.strip().lower()]()
    except KeyError:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
