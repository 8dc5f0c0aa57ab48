"""Whatever the bytes, a reader gives reports or problems: it never raises."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kirok.ingest import SUPPORTED_SUFFIXES, IngestDefaults, IngestProblem, Loaded, read_file

from .conftest import pdf_bytes

SEEDS = [
    b"",
    b"<html><body><article><p>",
    b'{"text": "A report"}\n',
    pdf_bytes([["A page of text"]]),
    "Hoeryŏng\n\nBody".encode(),
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    suffix=st.sampled_from(SUPPORTED_SUFFIXES),
    seed=st.sampled_from(SEEDS),
    noise=st.binary(max_size=300),
    cut=st.integers(min_value=0, max_value=4000),
)
def test_any_bytes_give_reports_or_problems(
    tmp_path: Path, suffix: str, seed: bytes, noise: bytes, cut: int
) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(seed[:cut] + noise)
    found = list(read_file(path, IngestDefaults()))
    assert found
    for item in found:
        assert isinstance(item, Loaded | IngestProblem)
        if isinstance(item, IngestProblem):
            assert item.origin.startswith(str(path)) and item.message and "\n" not in item.message
        else:
            assert item.report.text.strip()
