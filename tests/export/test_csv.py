"""CSV export: golden output, no names unless asked, no formulas."""

from __future__ import annotations

import csv
import io

import pytest

from kirok.export.csv import COLUMNS, CsvExporter, spreadsheet_safe

from .samples import ARREST, EVENTS, NAME, REPORTS, assert_golden


def _export(*, include_sensitive: bool = False) -> str:
    out = io.StringIO(newline="")
    assert CsvExporter().write(EVENTS, REPORTS, out, include_sensitive=include_sensitive) == 3
    return out.getvalue()


def test_csv_matches_its_golden_file() -> None:
    assert_golden("events.csv", _export())


def test_csv_rows_carry_the_flat_fields() -> None:
    rows = list(csv.DictReader(io.StringIO(_export(), newline="")))
    assert list(rows[0]) == list(COLUMNS)
    arrest, sentence, directive = rows
    assert arrest["admin_path"] == "Ryanggang > Hyesan" and arrest["place_precision"] == "county"
    assert arrest["latitude"] == "41.4" and arrest["longitude"] == "128.18"
    assert arrest["victim_count"] == "3" and arrest["victims"] == "2 female 20s (repatriated); 1 female"
    assert arrest["perpetrators"] == "Ministry of State Security (Hyesan city branch)"
    assert arrest["outlet"] == "Example Outlet" and arrest["published"] == "2023-06-15"
    assert arrest["plover_event"] == "COERCE" and arrest["plover_mode"] == "arrest"
    assert (
        sentence["evidence"] == "They … sent to a labour camp"
        and sentence["evidence_spans"] == "59-63; 69-90"
    )
    assert sentence["targets"] == "phone users; traders" and sentence["penalty_length"] == "P6M"
    assert directive["plover_event"] == "" and directive["latitude"] == "" and directive["outlet"] == ""


def test_names_only_when_asked() -> None:
    assert NAME not in _export()
    rows = list(csv.DictReader(io.StringIO(_export(include_sensitive=True), newline="")))
    assert rows[0]["victim_names"] == NAME and rows[1]["victim_names"] == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("a = b", "a = b"),
        ("", ""),
    ],
)
def test_formula_injection_is_defused(text: str, expected: str) -> None:
    assert spreadsheet_safe(text) == expected
    out = io.StringIO(newline="")
    CsvExporter().write([ARREST.model_copy(update={"reason": text})], REPORTS, out)
    assert next(csv.DictReader(io.StringIO(out.getvalue(), newline="")))["reason"] == expected
