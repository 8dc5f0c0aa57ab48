from __future__ import annotations

from datetime import date

import pytest

from kirok.errors import IngestError
from kirok.ingest import parse_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-10-12", date(2021, 10, 12)),
        (" 2021-10-12 ", date(2021, 10, 12)),
        ("2021-10-12T08:30", date(2021, 10, 12)),
        ("2021-10-12T08:30:15", date(2021, 10, 12)),
        ("2021-10-12T08:30:15Z", date(2021, 10, 12)),
        ("2021-10-12T08:30:15.250Z", date(2021, 10, 12)),
        ("2021-10-12T23:30:00+09:00", date(2021, 10, 12)),  # the date as written, not moved to UTC
        ("2021-10-12T01:00:00-05:00", date(2021, 10, 12)),
        ("2021-10-12 08:30:00", date(2021, 10, 12)),
        ("2021/10/12", date(2021, 10, 12)),
        ("2021.10.12", date(2021, 10, 12)),
        ("Oct. 12, 2021", date(2021, 10, 12)),
        ("Oct 12, 2021", date(2021, 10, 12)),
        ("October 12, 2021", date(2021, 10, 12)),
        ("Sept. 3, 2021", date(2021, 9, 3)),
        ("May 1st, 2020", date(2020, 5, 1)),
        ("12 October 2021", date(2021, 10, 12)),
        ("Tuesday, October 12, 2021", date(2021, 10, 12)),
        ("Tue, 12 Oct 2021 08:00:00 +0900", date(2021, 10, 12)),
        ("2020-02-29", date(2020, 2, 29)),
    ],
)
def test_reads_dates(value: str, expected: date) -> None:
    assert parse_published(value, "f.jsonl:3") == expected


@pytest.mark.parametrize(
    "value",
    ["", "yesterday", "2021-13-01", "2021-02-30", "12/10/2021", "Octember 12, 2021", "2021-10", "10-12-2021"],
)
def test_refuses_what_is_not_a_date_naming_the_origin(value: str) -> None:
    with pytest.raises(IngestError) as caught:
        parse_published(value, "reports.jsonl:17")
    assert caught.value.origin == "reports.jsonl:17"
    assert str(caught.value).startswith("reports.jsonl:17: cannot read the publication date")
    assert "YYYY-MM-DD" in caught.value.message
