"""Readers: files (txt, html, pdf, jsonl) in, reports ready for the pipeline out.

Readers only read. They never raise for bad input: a file (or a JSONL line) that cannot become a report
comes back as an :class:`IngestProblem` naming it, and the runner reports it and goes on.
"""

from __future__ import annotations

from kirok.ingest.discover import SUPPORTED_SUFFIXES, discover
from kirok.ingest.loaded import DEFAULT_MAX_BYTES, IngestDefaults, IngestProblem, Loaded
from kirok.ingest.published import parse_published
from kirok.ingest.read import read_file

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "IngestDefaults",
    "IngestProblem",
    "Loaded",
    "discover",
    "parse_published",
    "read_file",
]
