"""``kirok extract``'s output line: the contract of ``shared/eval/README.md``."""

from __future__ import annotations

import json
from datetime import date
from typing import ClassVar

from kirok.extract import doc_from_report, event_json, extract_docs, to_contract
from kirok.model import DateResolution, Place, PlacePrecision, Report, SegmentRole, TimeWindow, report_id
from kirok.pipeline.doc import Doc, PlaceMention, PlaceRole, Timex
from kirok.pipeline.events import RuleEventStage
from kirok.pipeline.segment import SegmentStage
from kirok.pipeline.stage import Pipeline, StageBase

TEXT = (
    "Woman arrested in Hoeryong\n\n"
    "A woman in her 30s was arrested in Hoeryong on Oct. 12; she has the family name of Varo. "
    "She was sent to a labour-training brigade for six months."
)
HOERYONG = Place(
    name="Hoeryong",
    gazetteer_id="g-hoeryong",
    latitude=42.44,
    longitude=129.75,
    country="KP",
    precision=PlacePrecision.COUNTY,
)


class HandTimexes(StageBase):
    """Stands in for the date stage: the timexes of :data:`TEXT`, written by hand."""

    name: ClassVar[str] = "test.timexes.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc.sentences",)
    assigns: ClassVar[tuple[str, ...]] = ("doc.timexes",)

    def __call__(self, doc: Doc) -> Doc:
        window = TimeWindow(
            earliest=date(2021, 10, 12),
            latest=date(2021, 10, 12),
            resolution=DateResolution.RELATIVE,
            timex="2021-10-12",
        )
        doc.timexes = []
        if (day := doc.text.find("Oct. 12")) >= 0:
            doc.timexes.append(Timex(day, day + 7, "Oct. 12", "DATE", "2021-10-12", window))
        if (months := doc.text.find("six months")) >= 0:
            doc.timexes.append(Timex(months, months + 10, "six months", "DURATION", "P6M"))
        return doc


class HandPlaces(StageBase):
    name: ClassVar[str] = "test.places.v1"
    requires: ClassVar[tuple[str, ...]] = ("doc.sentences",)
    assigns: ClassVar[tuple[str, ...]] = ("doc.places",)

    def __call__(self, doc: Doc) -> Doc:
        doc.places = []
        start = 0
        while (start := doc.text.find("Hoeryong", start)) >= 0:
            doc.places.append(PlaceMention(start, start + 8, "Hoeryong", PlaceRole.EVENT, HOERYONG))
            start += 8
        return doc


PIPELINE = Pipeline([SegmentStage(), HandTimexes(), HandPlaces(), RuleEventStage()])


def run(text: str = TEXT) -> Doc:
    return PIPELINE(Doc(text=text, report_id="r-x", published=date(2021, 10, 20)))


def test_contract_shape() -> None:
    line = to_contract(run(), "doc-1")
    assert line["id"] == "doc-1"
    assert line["published"] == "2021-10-20"
    for timex in line["timexes"]:
        assert {"start", "end", "type", "value"} <= set(timex)
        assert TEXT[timex["start"] : timex["end"]] == timex["text"]
    assert [(t["type"], t["value"]) for t in line["timexes"]] == [("DATE", "2021-10-12"), ("DURATION", "P6M")]
    assert line["timexes"][0]["window"]["earliest"] == "2021-10-12"
    assert line["timexes"][1]["window"] is None
    assert [e["type"] for e in line["events"]] == ["arrest", "sentence"]
    for event in line["events"]:
        assert set(event["date"]) >= {"earliest", "latest"}
        assert set(event["place"]) >= {"name", "latitude", "longitude"}
        assert event["evidence"]
        for span in event["evidence"]:
            assert isinstance(span["start"], int) and isinstance(span["end"], int)
            assert TEXT[span["start"] : span["end"]] == span["text"]
    arrest = line["events"][0]
    assert (arrest["date"]["earliest"], arrest["date"]["latest"]) == ("2021-10-12", "2021-10-12")
    assert (arrest["place"]["name"], arrest["place"]["latitude"], arrest["place"]["longitude"]) == (
        "Hoeryong",
        42.44,
        129.75,
    )
    assert line["places"][0] == {
        "start": TEXT.index("Hoeryong"),
        "end": TEXT.index("Hoeryong") + 8,
        "text": "Hoeryong",
        "role": "event",
        "gazetteer_id": "g-hoeryong",
    }
    assert line["warnings"] == []


def test_contract_is_plain_json() -> None:
    line = to_contract(run(), "doc-1")
    assert json.loads(json.dumps(line)) == line


def test_victim_names_are_absent_unless_asked_for() -> None:
    doc = run()
    victims = [v for e in doc.events for v in e.victims]
    assert "Varo" in [v.name for v in victims]  # the pipeline found the name...
    public = to_contract(doc, "doc-1")
    public_victims = [v for e in public["events"] for v in e["victims"]]
    assert public_victims  # ...and the default output keeps the victims but not their names
    assert all("name" not in v for v in public_victims)
    assert "Varo" not in json.dumps(public_victims)
    assert any(v.get("description") for v in public_victims)
    sensitive = to_contract(doc, "doc-1", include_sensitive=True)
    assert "Varo" in [v["name"] for e in sensitive["events"] for v in e["victims"]]


def test_event_json_does_not_change_the_event() -> None:
    event = next(e for e in run().events if e.victims)
    event_json(event)
    assert event.victims[0].name == "Varo"
    assert event_json(event, include_sensitive=True)["victims"][0]["name"] == "Varo"


def test_missing_publication_date_is_null() -> None:
    doc = PIPELINE(Doc(text="Nothing happened.", report_id="r-x"))
    line = to_contract(doc, "doc-2")
    assert line["published"] is None
    assert line["events"] == [] and line["timexes"] == [] and line["places"] == []


def test_doc_from_report_keeps_metadata_and_known_segments() -> None:
    sha = "ab" * 32
    report = Report(
        id=report_id(sha),
        sha256=sha,
        text="Title\n\nBody.",
        outlet="Example News",
        url="https://example.org/1",
        published=date(2023, 6, 15),
        language="en",
        segments=((0, 5, SegmentRole.HEADLINE),),
    )
    doc = doc_from_report(report)
    assert (doc.text, doc.report_id, doc.published, doc.outlet, doc.url, doc.language) == (
        "Title\n\nBody.",
        report_id(sha),
        date(2023, 6, 15),
        "Example News",
        "https://example.org/1",
        "en",
    )
    assert doc.known_segments == ((0, 5, SegmentRole.HEADLINE),)


def test_extract_docs_runs_the_pipeline_over_many_docs() -> None:
    docs = [Doc(text=TEXT, report_id=f"r-{i}", published=date(2021, 10, 20)) for i in range(3)]
    out = list(extract_docs(PIPELINE, docs, batch_size=2))
    assert [d.report_id for d in out] == ["r-0", "r-1", "r-2"]
    assert all([e.type.value for e in d.events] == ["arrest", "sentence"] for d in out)
    assert all("doc.events" in d.fulfilled for d in out)
