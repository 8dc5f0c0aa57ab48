"""GeoJSON export: points at [lon, lat], precision in the properties, events without coordinates skipped."""

from __future__ import annotations

import io
import json

from kirok.export.geojson import GeoJsonExporter

from .samples import EVENTS, NAME, REPORTS, assert_golden


def _export(*, include_sensitive: bool = False) -> tuple[str, GeoJsonExporter]:
    exporter = GeoJsonExporter()
    out = io.StringIO()
    assert exporter.write(EVENTS, REPORTS, out, include_sensitive=include_sensitive) == 1
    return out.getvalue(), exporter


def test_geojson_matches_its_golden_file() -> None:
    assert_golden("events.geojson", _export()[0])


def test_only_events_with_coordinates_become_features() -> None:
    text, exporter = _export()
    assert exporter.skipped == 2
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["id"] == "e-0000000000000001"
    assert feature["geometry"] == {"type": "Point", "coordinates": [128.18, 41.4]}
    assert feature["properties"]["place_precision"] == "county"
    assert "latitude" not in feature["properties"] and NAME not in text


def test_names_only_when_asked() -> None:
    text, _ = _export(include_sensitive=True)
    assert json.loads(text)["features"][0]["properties"]["victim_names"] == NAME


def test_an_empty_collection_is_valid_and_skipped_resets() -> None:
    exporter = GeoJsonExporter()
    exporter.write(EVENTS, REPORTS, io.StringIO())
    out = io.StringIO()
    assert exporter.write([], REPORTS, out) == 0 and exporter.skipped == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}
