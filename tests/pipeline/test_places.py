"""The place stage on hand-built docs (no spaCy)."""

from __future__ import annotations

import re
from typing import ClassVar

import pytest

from kirok.gazetteer import Gazetteer
from kirok.model import PlacePrecision, SegmentRole
from kirok.pipeline.doc import Doc, PlaceMention, PlaceRole, Segment, Sentence
from kirok.pipeline.places import GazetteerPlaceStage
from kirok.pipeline.stage import Pipeline, Stage, StageBase
from kirok.settings import Settings


def make_doc(*parts: tuple[SegmentRole, str]) -> Doc:
    """One segment per part (joined by newlines); sentences split at . ! ? within each segment."""
    text, segments, sentences = "", [], []
    for role, para in parts:
        start = len(text)
        text += para
        segments.append(Segment(start, len(text), role))
        for m in re.finditer(r"[^.!?]+[.!?]?", para):
            if m.group().strip():
                sentences.append(Sentence(start + m.start(), start + m.end(), role, len(segments) - 1))
        text += "\n"
    return Doc(text=text, segments=segments, sentences=sentences, fulfilled={"doc.text", "doc.sentences"})


def body(text: str) -> Doc:
    return make_doc((SegmentRole.BODY, text))


@pytest.fixture(scope="module")
def stage() -> GazetteerPlaceStage:
    return GazetteerPlaceStage(Settings(), gazetteer=Gazetteer.load())


def found(stage: GazetteerPlaceStage, doc: Doc) -> dict[str, PlaceMention]:
    return {m.text: m for m in stage(doc).places}


def test_stage_contract() -> None:
    stage = GazetteerPlaceStage(Settings())
    assert isinstance(stage, Stage)
    assert stage.name == "places.gazetteer.v1"
    assert stage.requires == ("doc.sentences",)
    assert stage.assigns == ("doc.places",)
    assert len(stage.gazetteer) > 250


def test_sample_report_roles_and_places(stage: GazetteerPlaceStage) -> None:
    doc = make_doc(
        (SegmentRole.HEADLINE, "Border guards tighten watch"),
        (
            SegmentRole.BODY,
            "A source in North Hamgyong Province told Daily NK last week that a man in Nammun-dong, "
            "Hoeryong was arrested for selling phones. A woman from Anju was sent to Chongori.",
        ),
        (SegmentRole.BODY, "A sentry post in Sakju County, North Pyongan Province. / Image: Daily NK"),
        (SegmentRole.TAGLINE, "remittance ryanggang province border"),
    )
    places = found(stage, doc)
    assert places["North Hamgyong Province"].role is PlaceRole.SOURCE
    dong = places["Nammun-dong, Hoeryong"]
    assert dong.role is PlaceRole.EVENT
    assert dong.place is not None
    assert dong.place.gazetteer_id == "KP0203"
    assert dong.place.precision is PlacePrecision.SUB_UNIT
    assert dong.place.admin_path == ("North Hamgyong", "Hoeryong", "Nammun-dong")
    assert dong.place.latitude == pytest.approx(42.44, abs=0.02)
    assert "Hoeryong" not in places  # folded into the dong mention
    assert places["Anju"].role is PlaceRole.ORIGIN
    assert places["Chongori"].role is PlaceRole.EVENT
    assert places["Sakju County"].role is PlaceRole.CAPTION
    assert places["North Pyongan Province"].role is PlaceRole.CAPTION
    tag = places["ryanggang province"]
    assert tag.role is PlaceRole.TAGLINE
    assert tag.place is not None and tag.place.gazetteer_id == "KP01"
    for mention in doc.places:
        assert doc.text[mention.start : mention.end] == mention.text
        if mention.place is not None:
            assert mention.place.span is not None and mention.place.span.text == mention.text


def test_kcna_style_county_of_province(stage: GazetteerPlaceStage) -> None:
    places = found(
        stage, body("Farmers of Jangphung County of North Hwanghae Province finished the harvest.")
    )
    county = places["Jangphung County"]
    assert county.role is PlaceRole.EVENT
    assert county.place is not None
    assert county.place.gazetteer_id == "KP0804"
    assert county.place.admin_path == ("North Hwanghae", "Jangphung")
    assert county.place.precision is PlacePrecision.COUNTY
    assert county.place.country == "KP"
    assert places["North Hwanghae Province"].role is PlaceRole.CONTEXT


def test_a_province_qualifier_picks_the_homonym(stage: GazetteerPlaceStage) -> None:
    south = found(stage, body("A clinic opened in Unsan County, South Pyongan Province."))["Unsan County"]
    north = found(stage, body("A clinic opened in Unsan County, North Pyongan Province."))["Unsan County"]
    assert south.place is not None and south.place.gazetteer_id == "KP0720"
    assert north.place is not None and north.place.gazetteer_id == "KP0617"


def test_a_province_named_earlier_picks_the_homonym(stage: GazetteerPlaceStage) -> None:
    doc = body("Officials toured North Pyongan Province. Later a clinic in Unsan was closed.")
    unsan = found(stage, doc)["Unsan"]
    assert unsan.place is not None and unsan.place.gazetteer_id == "KP0617"


def test_foreign_places_stay_foreign(stage: GazetteerPlaceStage) -> None:
    places = found(
        stage, body("She crossed to Tumen City and then went to Yanji, Jilin Province, and Seoul.")
    )
    for name, country in [("Tumen City", "CN"), ("Yanji", "CN"), ("Seoul", "KR")]:
        assert places[name].role is PlaceRole.FOREIGN
        place = places[name].place
        assert place is not None and place.country == country
    assert places["Jilin Province"].role is PlaceRole.CONTEXT


def test_the_tumen_river_is_not_the_city(stage: GazetteerPlaceStage) -> None:
    river = found(stage, body("Two soldiers waded across the Tumen River at night."))["Tumen River"]
    assert river.place is not None and river.place.gazetteer_id == "kc:river-tumen"
    assert river.role is PlaceRole.EVENT


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("A Hyesan-based source said prices rose.", "Hyesan", PlaceRole.SOURCE),
        ("According to a source in Musan County, prices rose.", "Musan County", PlaceRole.SOURCE),
        ("A resident of Onsong told us that inspections began.", "Onsong", PlaceRole.SOURCE),
        ("A resident of Onsong was detained.", "Onsong", PlaceRole.EVENT),
        ("A defector from Musan described the camp.", "Musan", PlaceRole.ORIGIN),
        ("A woman in her 40s from Kanggye was released.", "Kanggye", PlaceRole.ORIGIN),
        ("Goods smuggled from Hyesan were seized.", "Hyesan", PlaceRole.EVENT),
        ("Police in Chongjin raided a market.", "Chongjin", PlaceRole.EVENT),
        ("Traders in Sinuiju complained.", "Sinuiju", PlaceRole.EVENT),
    ],
)
def test_roles_from_the_words_around(
    stage: GazetteerPlaceStage, sentence: str, name: str, role: PlaceRole
) -> None:
    assert found(stage, body(sentence))[name].role is role


def test_caption_lines_without_a_caption_segment(stage: GazetteerPlaceStage) -> None:
    doc = body("Police searched homes in Hyesan.\nA market in Sinuiju. Photo: Daily NK")
    places = found(stage, doc)
    assert places["Hyesan"].role is PlaceRole.EVENT
    assert places["Sinuiju"].role is PlaceRole.CAPTION


def test_boilerplate_is_not_read(stage: GazetteerPlaceStage) -> None:
    doc = make_doc(
        (SegmentRole.BODY, "Arrests in Musan rose."), (SegmentRole.BOILERPLATE, "Read in Korean: Hyesan")
    )
    assert [m.text for m in stage(doc).places] == ["Musan"]


def test_the_province_refers_back(stage: GazetteerPlaceStage) -> None:
    doc = body("Inspectors arrived in Hyesan. Markets across the province were closed.")
    back = found(stage, doc)["the province"]
    assert back.role is PlaceRole.EVENT
    assert back.place is not None and back.place.gazetteer_id == "KP01"
    assert back.place.precision is PlacePrecision.PROVINCE


def test_unknown_units(stage: GazetteerPlaceStage) -> None:
    places = found(
        stage, body("Floods hit Ponghwa-ri yesterday. Songdo County, Kangwon Province was also hit.")
    )
    assert places["Ponghwa-ri"].place is None
    county = places["Songdo County"].place
    assert county is not None and county.gazetteer_id is None
    assert county.admin_path == ("Kangwon", "Songdo County")
    assert county.precision is PlacePrecision.PROVINCE


def test_known_sub_units_and_facilities(stage: GazetteerPlaceStage) -> None:
    places = found(stage, body("He lived in Wiyon-dong before he was sent to Camp 15 and later to Kaechon."))
    dong = places["Wiyon-dong"].place
    assert dong is not None and dong.admin_path == ("Ryanggang", "Hyesan", "Wiyon-dong")
    assert dong.precision is PlacePrecision.SUB_UNIT
    camp = places["Camp 15"].place
    assert camp is not None and camp.admin_path[:2] == ("South Hamgyong", "Yodok")
    assert places["Kaechon"].place is not None


def test_lowercase_words_are_not_places_outside_taglines(stage: GazetteerPlaceStage) -> None:
    assert found(stage, body("prices in hyesan and musan rose.")) == {}


def test_variant_spellings_resolve_alike(stage: GazetteerPlaceStage) -> None:
    doc = body("Hoeryŏng, Hoeryeong-si and Hoiryeong are one city; so are P'yŏngyang and Pyongyang.")
    ids = [m.place.gazetteer_id for m in stage(doc).places if m.place is not None]
    assert ids == ["KP0203", "KP0203", "KP0203", "KP1001", "KP1001"]


def test_runs_without_entities_in_a_pipeline() -> None:
    class Sentences(StageBase):
        name: ClassVar[str] = "test.sentences"
        assigns: ClassVar[tuple[str, ...]] = ("doc.sentences",)

        def __call__(self, doc: Doc) -> Doc:
            doc.sentences = [Sentence(0, len(doc.text), SegmentRole.BODY, 0)]
            return doc

    pipeline = Pipeline([Sentences(), GazetteerPlaceStage(Settings())])
    doc = pipeline(Doc(text="A source in Hyesan said so."))
    assert [m.text for m in doc.places] == ["Hyesan"]
    assert "doc.places" in doc.fulfilled
