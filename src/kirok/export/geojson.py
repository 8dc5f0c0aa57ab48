"""GeoJSON: a FeatureCollection of the events that have coordinates, one Point each.

An event placed at its county or province carries the centre of that area: ``place_precision`` in the
properties says so, so a map can draw it as an area rather than a point.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from kirok.export.base import flat_event
from kirok.model import Event, Report

__all__ = ["GeoJsonExporter"]


class GeoJsonExporter:
    """After :meth:`write`, ``skipped`` is how many events were left out for want of coordinates."""

    format = "geojson"
    media_type = "application/geo+json"
    extension = ".geojson"

    def __init__(self) -> None:
        self.skipped = 0

    def write(
        self,
        events: Iterable[Event],
        reports: Mapping[str, Report],
        out: TextIO,
        *,
        include_sensitive: bool = False,
    ) -> int:
        self.skipped = 0
        count = 0
        out.write('{\n  "type": "FeatureCollection",\n  "features": [')
        for event in events:
            place = event.place
            if place is None or place.latitude is None or place.longitude is None:
                self.skipped += 1
                continue
            properties = flat_event(event, reports, include_sensitive=include_sensitive)
            del properties["latitude"], properties["longitude"]
            feature: dict[str, Any] = {
                "type": "Feature",
                "id": event.id,
                "geometry": {"type": "Point", "coordinates": [place.longitude, place.latitude]},
                "properties": properties,
            }
            out.write(",\n" if count else "\n")
            out.write(textwrap.indent(json.dumps(feature, indent=2, ensure_ascii=False), "    "))
            count += 1
        out.write("\n  ]\n}\n" if count else "]\n}\n")
        return count
