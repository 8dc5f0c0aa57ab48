from __future__ import annotations

import hashlib
from datetime import date

import pytest

import kirok.ingest
from kirok.errors import ConfigError
from kirok.ingest import IngestDefaults, IngestProblem
from kirok.ingest.loaded import make_report
from kirok.model import report_id


def test_all_names_exist() -> None:
    for name in kirok.ingest.__all__:
        assert hasattr(kirok.ingest, name), name
    assert set(kirok.ingest.__all__) >= {"discover", "read_file", "parse_published", "Loaded"}


def test_problem_prints_origin_then_message() -> None:
    assert str(IngestProblem("in/a.jsonl:17", "not valid JSON")) == "in/a.jsonl:17: not valid JSON"


def test_unknown_forced_encoding_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown encoding 'klingon-8'"):
        IngestDefaults(encoding="klingon-8")


def test_report_id_and_hash_come_from_the_original_bytes() -> None:
    original = b"Original bytes \xef\xbb\xbf"
    item = make_report(original, "text", origin="a.txt", media_type="text/plain", defaults=IngestDefaults())
    assert item.report.sha256 == hashlib.sha256(original).hexdigest()
    assert item.report.id == report_id(item.report.sha256)
    assert item.original == original
    assert item.report.ingested_at is None


def test_file_metadata_wins_and_defaults_fill_the_gaps() -> None:
    defaults = IngestDefaults(published=date(2020, 1, 1), outlet="Default Desk", language="ko", url="u:d")
    item = make_report(
        b"x", "x", origin="a", media_type="text/html", defaults=defaults, outlet="Page Desk", language="en"
    )
    report = item.report
    assert (report.outlet, report.language) == ("Page Desk", "en")
    assert (report.published, report.url) == (date(2020, 1, 1), "u:d")


def test_language_is_english_when_nothing_says() -> None:
    item = make_report(b"x", "x", origin="a", media_type="text/plain", defaults=IngestDefaults())
    assert item.report.language == "en"
