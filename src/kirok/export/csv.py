"""CSV: one row per event, flat columns, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import TextIO

from kirok.export.base import FlatValue, flat_event
from kirok.model import Event, Report

__all__ = ["COLUMNS", "CsvExporter", "spreadsheet_safe"]

#: The columns, in order; ``victim_names`` is added at the end when sensitive values are asked for.
COLUMNS: tuple[str, ...] = (
    "id",
    "report_id",
    "type",
    "date_earliest",
    "date_latest",
    "date_precision",
    "place_name",
    "gazetteer_id",
    "admin_path",
    "latitude",
    "longitude",
    "place_precision",
    "perpetrators",
    "victim_count",
    "victims",
    "reason",
    "penalty_length",
    "penalty_facility",
    "targets",
    "evidence",
    "evidence_spans",
    "outlet",
    "published",
    "url",
    "confidence",
    "status",
    "plover_event",
    "plover_mode",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """Text a spreadsheet will not run as a formula: a leading ``= + - @`` gets an apostrophe."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cell(value: FlatValue) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return spreadsheet_safe(value)
    return repr(value) if isinstance(value, float) else str(value)


class CsvExporter:
    format = "csv"
    media_type = "text/csv; charset=utf-8"
    extension = ".csv"

    def write(
        self,
        events: Iterable[Event],
        reports: Mapping[str, Report],
        out: TextIO,
        *,
        include_sensitive: bool = False,
    ) -> int:
        columns = COLUMNS + (("victim_names",) if include_sensitive else ())
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        count = 0
        for event in events:
            flat = flat_event(event, reports, include_sensitive=include_sensitive)
            writer.writerow([_cell(flat[column]) for column in columns])
            count += 1
        return count
