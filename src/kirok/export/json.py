"""JSON: a list of events as the model dumps them, plus their PLOVER event and mode."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable, Mapping
from typing import TextIO

from kirok.export.base import public_record
from kirok.model import Event, Report

__all__ = ["JsonExporter"]


class JsonExporter:
    """Streams ``[ {...}, ... ]``: the same text as ``json.dumps(records, indent=2)``, without holding all."""

    format = "json"
    media_type = "application/json"
    extension = ".json"

    def write(
        self,
        events: Iterable[Event],
        reports: Mapping[str, Report],
        out: TextIO,
        *,
        include_sensitive: bool = False,
    ) -> int:
        count = 0
        out.write("[")
        for event in events:
            record = public_record(event, include_sensitive=include_sensitive)
            out.write(",\n" if count else "\n")
            out.write(textwrap.indent(json.dumps(record, indent=2, ensure_ascii=False), "  "))
            count += 1
        out.write("\n]\n" if count else "]\n")
        return count
